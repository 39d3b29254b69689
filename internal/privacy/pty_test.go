//go:build linux

package privacy

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal pair: the program gets the terminal end,
// the test reads and types on the other.
func openPTY(t *testing.T) (master, tty *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		missingTool(t, "no pseudo-terminals here: %v", err)
	}
	if err := unix.IoctlSetPointerInt(int(m.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatalf("unlock pty: %v", err)
	}
	n, err := unix.IoctlGetInt(int(m.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatalf("pty number: %v", err)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open pty: %v", err)
	}
	unix.IoctlSetWinsize(int(s.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 80})
	return m, s
}

var (
	unixConnect = regexp.MustCompile(`(?m)^\d+\s+connect\(\d+, \{sa_family=AF_UNIX, sun_path="([^"]*)"`)
	anySocket   = regexp.MustCompile(`(?m)^\d+\s+socket\((AF_\w+)`)
	execCall    = regexp.MustCompile(`(?m)^\d+\s+execve\("([^"]*)", \[([^\]]*)\]`)
)

// seen is what one run opened: local sockets and programs started.
type seen struct {
	families []string // socket families
	sockets  []string // AF_UNIX paths connected to
	programs []string // programs started, besides vetcircle itself
}

func parseTrace(trace, bin string) seen {
	var s seen
	for _, m := range anySocket.FindAllStringSubmatch(trace, -1) {
		if !slices.Contains(s.families, m[1]) {
			s.families = append(s.families, m[1])
		}
	}
	for _, m := range unixConnect.FindAllStringSubmatch(trace, -1) {
		if !slices.Contains(s.sockets, m[1]) {
			s.sockets = append(s.sockets, m[1])
		}
	}
	for _, m := range execCall.FindAllStringSubmatch(trace, -1) {
		if m[1] != bin {
			s.programs = append(s.programs, strings.ReplaceAll(m[2], `"`, ""))
		}
	}
	return s
}

// TestTerminalLibrariesOnAPTY runs the binary on a real pseudo-terminal
// (not TERM=dumb, as the other tests do) under strace, and shows which
// local sockets and child processes the terminal libraries open: lipgloss
// detects the colour profile in its package initialiser, before main, by
// reading the terminfo database (found through a user lookup, which a cgo
// build asks nscd for over a Unix socket) and, inside tmux, by running
// "tmux info". vetcircle cannot skip either from its own code; a build
// with CGO_ENABLED=0 looks the user up in /etc/passwd instead, and
// COLORTERM=truecolor or NO_COLOR skips the whole detection. Nothing may
// ever open a socket other than a local (AF_UNIX) one.
func TestTerminalLibrariesOnAPTY(t *testing.T) {
	strace, err := exec.LookPath("strace")
	if err != nil {
		missingTool(t, "strace is not installed (apt-get install strace)")
	}
	gobin := goTool(t)
	tmp := t.TempDir()
	bins := map[string]string{}
	for _, cgo := range []string{"1", "0"} {
		bin := filepath.Join(tmp, "vetcircle-cgo"+cgo)
		build := exec.Command(gobin, "build", "-o", bin, module+"/cmd/vetcircle")
		build.Env = append(os.Environ(), "CGO_ENABLED="+cgo)
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
		bins[cgo] = bin
	}
	example, _ := filepath.Abs("../../examples/strong-kap-circle.yaml")

	nscd := "/var/run/nscd/socket"
	tmuxSock := filepath.Join(tmp, "tmux-sock")
	tests := []struct {
		name     string
		cgo      string
		env      []string
		args     []string
		keys     string // typed once the program has drawn something
		want     string // on the terminal when the run did its job
		nscd     bool   // may ask nscd for the user
		tmuxInfo bool   // runs "tmux info"
	}{
		{"score, cgo build", "1", nil, []string{"score", example}, "", "Thursday", true, false},
		{"score, CGO_ENABLED=0", "0", nil, []string{"score", example}, "", "Thursday", false, false},
		{"walkthrough, cgo build", "1", nil, []string{"--no-draft"}, "q", "Getting started", true, false},
		{"walkthrough, CGO_ENABLED=0", "0", nil, []string{"--no-draft"}, "q", "Getting started", false, false},
		// tmux, a C program, looks the user up itself.
		{"walkthrough in tmux", "0", []string{"TMUX=" + tmuxSock + ",1,0"}, []string{"--no-draft"}, "q", "Getting started", true, true},
		{"walkthrough in tmux, COLORTERM=truecolor", "1", []string{"TMUX=" + tmuxSock + ",1,0", "COLORTERM=truecolor"}, []string{"--no-draft"}, "q", "Getting started", false, false},
		{"walkthrough, NO_COLOR", "1", []string{"NO_COLOR=1"}, []string{"--no-draft"}, "q", "Getting started", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			log := filepath.Join(dir, "trace")
			master, tty := openPTY(t)
			defer master.Close()
			bin := bins[tc.cgo]
			cmd := exec.Command(strace, append([]string{"-f", "-qq", "-e", "trace=socket,connect,execve", "-o", log, bin}, tc.args...)...)
			cmd.Dir = dir
			cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_STATE_HOME=" + filepath.Join(dir, "state"), "TERM=xterm-256color"}, tc.env...)
			cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
			cmd.SysProcAttr = &unix.SysProcAttr{Setsid: true, Setctty: true}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			tty.Close()
			var out bytes.Buffer
			var once sync.Once
			done := make(chan struct{})
			go func() {
				defer close(done)
				buf := make([]byte, 4096)
				for {
					n, err := master.Read(buf)
					out.Write(buf[:n])
					if n > 0 && tc.keys != "" {
						once.Do(func() { master.WriteString(tc.keys) })
					}
					if err != nil {
						return
					}
				}
			}()
			// A guard against a hung run, not a timing assertion.
			timer := time.AfterFunc(60*time.Second, func() { cmd.Process.Kill() })
			err := cmd.Wait()
			timer.Stop()
			master.Close()
			<-done
			if err != nil {
				t.Fatalf("run: %v\n%q", err, out.String())
			}
			data, err := os.ReadFile(log)
			if err != nil {
				t.Fatal(err)
			}
			s := parseTrace(string(data), bin)
			t.Logf("socket families %v; local sockets %v; programs %v", s.families, s.sockets, s.programs)
			for _, f := range s.families {
				if f != "AF_UNIX" {
					t.Errorf("a %s socket was opened: only local (AF_UNIX) ones may be", f)
				}
			}
			for _, p := range s.sockets {
				switch {
				case p == nscd && tc.nscd:
				case p == tmuxSock && tc.tmuxInfo:
				default:
					t.Errorf("connected to %s", p)
				}
			}
			var tmuxRuns int
			for _, p := range s.programs {
				if p == "tmux, info" {
					tmuxRuns++
					continue
				}
				t.Errorf("started %q", p)
			}
			if (tmuxRuns > 0) != tc.tmuxInfo {
				t.Errorf("ran tmux info %d times, want it run: %v", tmuxRuns, tc.tmuxInfo)
			}
			if !tc.nscd && slices.Contains(s.sockets, nscd) {
				t.Errorf("asked nscd for the user")
			}
			if want := tc.want; !strings.Contains(out.String(), want) {
				t.Errorf("the terminal never showed %q: the run did not do its job:\n%.600q", want, out.String())
			}
		})
	}
}
