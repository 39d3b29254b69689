package register_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/register"
	"github.com/vetcircle/vetcircle/rules"
)

// writerEnv makes this test binary a writer process: it keeps N
// (writerEnv+"_N"; N < 0: until killed) check-ins of circle NAME
// (writerEnv+"_NAME") in the register DIR (writerEnv), then exits.
const writerEnv = "VETCIRCLE_TEST_REGISTER_WRITER"

func TestMain(m *testing.M) {
	if dir := os.Getenv(writerEnv); dir != "" {
		parts := []string{dir, os.Getenv(writerEnv + "_NAME")}
		n, _ := strconv.Atoi(os.Getenv(writerEnv + "_N"))
		g := register.Register{Dir: dir}
		for i := 0; n < 0 || i < n; i++ {
			c, err := g.Ensure(parts[1])
			if err == nil {
				_, err = g.AddCheckin(c, &checklist.Checkin{Circle: c.Name, Date: "2026-11-02", Felt: "same", Note: strings.Repeat("x", 4000)}, time.Now())
			}
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func writer(dir, name string, n int) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), writerEnv+"="+dir, writerEnv+"_NAME="+name, writerEnv+"_N="+strconv.Itoa(n))
	cmd.Stderr = os.Stderr
	return cmd
}

// concurrentNames are similar names, some the same circle typed
// differently: twenty processes keep check-ins at once, and each circle
// gets exactly its own.
var concurrentNames = []string{"A+B Circle", "A&B Circle", "a+b circle", "A+B  CIRCLE", "🌿", "🌊", "Café Luna", "Cafe Luna", "Café Luna", "A&B Circle"}

// TestTwentyProcesses: 20 processes × 3 check-ins of similar names, at
// once: none lost, none duplicated, none in another circle's folder.
func TestTwentyProcesses(t *testing.T) {
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	g := register.Register{Dir: filepath.Join(t.TempDir(), "circles")}
	const procs, each = 20, 3
	var cmds []*exec.Cmd
	want := map[string]int{} // ID -> check-ins
	for i := range procs {
		name := concurrentNames[i%len(concurrentNames)]
		want[register.ID(name)] += each
		cmd := writer(g.Dir, name, each)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Errorf("a writer failed: %v", err)
		}
	}
	all, problems, err := g.Circles(p, time.Now())
	if err != nil || len(problems) != 0 {
		t.Fatal(err, problems)
	}
	if len(all) != len(want) {
		t.Errorf("%d circles, want %d: %+v", len(all), len(want), all)
	}
	for _, e := range all {
		hist, _, _ := g.Checkins(p, register.Circle{ID: e.ID, Name: e.Name, Folder: e.Folder})
		if len(hist) != want[e.ID] {
			t.Errorf("%q has %d check-ins, want %d", e.Name, len(hist), want[e.ID])
		}
	}
}

// TestKilledWriters: writers killed with SIGKILL at random moments leave
// no file that does not read, no circle without its metadata; the
// temporary files they leave are removed by a later write once stale.
func TestKilledWriters(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes for a few seconds; -short skips it")
	}
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	g := register.Register{Dir: filepath.Join(t.TempDir(), "circles")}
	for round := range 12 {
		var cmds []*exec.Cmd
		for i := range 4 {
			cmd := writer(g.Dir, concurrentNames[(round+i)%len(concurrentNames)], -1)
			cmd.Stderr = nil
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cmds = append(cmds, cmd)
		}
		// The kill falls while they write: once a file has appeared (a
		// loaded machine starts processes slowly), after a varying delay.
		for start := time.Now(); countFiles(t, g.Dir) == 0 && time.Since(start) < 10*time.Second; {
			time.Sleep(5 * time.Millisecond)
		}
		time.Sleep(time.Duration(5+round*13) * time.Millisecond)
		for _, cmd := range cmds {
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
		}
	}
	all, problems, err := g.Circles(p, time.Now())
	if err != nil || len(problems) != 0 {
		t.Fatalf("after the kills: %v, %+v", err, problems)
	}
	if len(all) == 0 {
		t.Fatal("nothing was written before the kills")
	}
	// Whatever temporary files the kills left, made stale, go at the next
	// write in their folder.
	var temps []string
	filepath.Walk(g.Dir, func(path string, fi os.FileInfo, err error) error {
		if err == nil && strings.HasPrefix(fi.Name(), ".vetcircle-") {
			temps = append(temps, path)
			old := time.Now().Add(-2 * time.Hour)
			os.Chtimes(path, old, old)
		}
		return nil
	})
	for _, name := range concurrentNames {
		c, err := g.Ensure(name)
		if err == nil {
			_, err = g.AddCheckin(c, &checklist.Checkin{Circle: c.Name, Date: "2026-11-02", Felt: "same"}, time.Now())
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, tmp := range temps {
		if _, err := os.Stat(tmp); err == nil {
			t.Errorf("the stale temporary file %s is still there", tmp)
		}
	}
	t.Logf("%d circles, %d temporary files left by the kills, all removed", len(all), len(temps))
}
