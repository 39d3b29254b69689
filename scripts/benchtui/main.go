// Command benchtui times the walkthrough as a terminal sees it, through
// tmux control mode: from starting the process to its first frame, and from
// a keystroke to the pane's next output. Run it with scripts/bench-tui.
//
// tmux control mode reports every byte a pane writes as a %output line the
// moment tmux reads it, so the times include the process start, the
// program's own work and its renderer's frame tick, as a person would see
// them (less the terminal emulator's own drawing).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
)

func main() {
	bin := flag.String("bin", "", "vetcircle binary to time (default: build ./cmd/vetcircle)")
	runs := flag.Int("runs", 10, "process starts to time")
	keys := flag.Int("keys", 40, "keystrokes to time")
	width := flag.Int("width", 120, "window width")
	height := flag.Int("height", 40, "window height")
	strict := flag.Bool("strict", false, "exit 1 when over budget (first frame 45 ms, keystroke 8 ms)")
	peer := flag.String("cmd", "", "time this command line instead of vetcircle, to compare with a peer (e.g. 'gum choose filling other')")
	wait := flag.String("wait", "filling", "text whose appearance is the first frame")
	flag.Func("vs", "a peer timed in turn with each start, so both see the same load: 'TEXT|COMMAND', the first frame being when TEXT shows (repeatable)", func(v string) error {
		text, command, ok := strings.Cut(v, "|")
		if !ok || text == "" || command == "" {
			return fmt.Errorf("want TEXT|COMMAND, got %q", v)
		}
		peers = append(peers, peerCmd{text, command})
		return nil
	})
	flag.Parse()
	if *peer != "" {
		*bin = *peer
	}
	waitText = *wait
	if err := run(*bin, *runs, *keys, *width, *height, *strict, *peer != ""); err != nil {
		fmt.Fprintln(os.Stderr, "bench-tui:", err)
		os.Exit(1)
	}
}

// Budgets from issue 3.
const (
	firstFrameBudget = 45 * time.Millisecond
	keystrokeBudget  = 8 * time.Millisecond
)

// peerCmd is a program timed in turn with vetcircle (-vs).
type peerCmd struct{ wait, command string }

var peers []peerCmd

// waitText is what the first frame shows ("filling": vetcircle's welcome
// question, "Who is filling this in?").
var waitText = "filling"

func run(bin string, runs, nkeys, w, h int, strict, peer bool) error {
	if _, err := exec.LookPath("tmux"); err != nil {
		return fmt.Errorf("tmux is not installed")
	}
	tmp, err := os.MkdirTemp("", "benchtui")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if bin == "" {
		bin = filepath.Join(tmp, "vetcircle")
		build := exec.Command("go", "build", "-o", bin, "./cmd/vetcircle")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			return fmt.Errorf("build: %w", err)
		}
	}
	if !peer {
		if bin, err = filepath.Abs(bin); err != nil {
			return err
		}
	}

	sock := fmt.Sprintf("vc-bench-%d", os.Getpid())
	tmux := func(args ...string) error {
		return exec.Command("tmux", append([]string{"-L", sock, "-f", "/dev/null"}, args...)...).Run()
	}
	if err := tmux("new-session", "-d", "-s", "bench", "-x", strconv.Itoa(w), "-y", strconv.Itoa(h)); err != nil {
		return fmt.Errorf("start tmux: %w", err)
	}
	defer tmux("kill-server")

	cc, err := newControl(sock)
	if err != nil {
		return err
	}
	defer cc.close()
	// A control client has no terminal: tell tmux the size it should use.
	// Attaching takes a moment; until then there is no client to size.
	for i := 0; ; i++ {
		_, err := cc.command(fmt.Sprintf("refresh-client -C %dx%d", w, h))
		if err == nil {
			break
		}
		if i == 50 {
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}

	// The environment a person's shell would give it, without anything
	// that changes the mode or the colours.
	env := "env -u NO_COLOR -u ACCESSIBLE " + os.Getenv("BENCHTUI_ENV") + " TERM=tmux-256color"
	// firstOutput times starting a command in a new window until waitText
	// shows in its pane.
	firstOutput := func(command, waitText string) (time.Duration, error) {
		cc.drain(50 * time.Millisecond)
		t0 := time.Now()
		pane, err := cc.command(fmt.Sprintf("new-window -d -P -F '#{pane_id}' -t bench '%s'", command))
		if err != nil {
			return 0, err
		}
		pane = strings.TrimSpace(pane)
		if err := cc.waitText(pane, waitText, 5*time.Second); err != nil {
			return 0, err
		}
		d := cc.last.Sub(t0)
		_, err = cc.command("kill-pane -t " + pane)
		return d, err
	}
	// The baseline is what tmux, the shell and exec cost before any program
	// of ours runs: a shell printing the same word.
	var first, base []time.Duration
	peerFirst := make([][]time.Duration, len(peers))
	for range runs {
		d, err := firstOutput(`printf "`+waitText+`"; sleep 5`, waitText)
		if err != nil {
			return err
		}
		base = append(base, d)
		if d, err = firstOutput(env+" "+bin, waitText); err != nil {
			return err
		}
		first = append(first, d)
		for i, p := range peers {
			d, err := firstOutput(env+" "+p.command, p.wait)
			if err != nil {
				return fmt.Errorf("%s: %w", p.command, err)
			}
			peerFirst[i] = append(peerFirst[i], d)
		}
	}

	// Keystrokes: on the welcome screen, down and up move the choice, so
	// every key changes the frame.
	var lat []time.Duration
	if nkeys > 0 {
		if lat, err = keystrokes(cc, env+" "+bin, nkeys); err != nil {
			return err
		}
	}

	out, _ := exec.Command("tmux", "-V").Output()
	what := "vetcircle"
	if peer {
		what = bin
	}
	fmt.Printf("%s in %s control mode at %dx%d\n", what, strings.TrimSpace(string(out)), w, h)
	ff, ks, bs := stats(first), stats(lat), stats(base)
	fmt.Printf("first frame:        median %5.1f ms  min %5.1f  max %5.1f  (%d starts; budget %v)\n", ms(ff.median), ms(ff.min), ms(ff.max), runs, firstFrameBudget)
	fmt.Printf("  baseline (sh printf through the same tmux path): median %5.1f ms  min %5.1f\n", ms(bs.median), ms(bs.min))
	for i, p := range peers {
		ps := stats(peerFirst[i])
		fmt.Printf("  in turn, %s: median %5.1f ms  min %5.1f  (%s is %.2fx)\n", p.command, ms(ps.median), ms(ps.min), what, float64(ff.median)/float64(ps.median))
	}
	if nkeys > 0 {
		fmt.Printf("keystroke to frame: median %5.1f ms  p90 %5.1f  max %5.1f  (%d keys; budget %v)\n", ms(ks.median), ms(ks.p90), ms(ks.max), nkeys, keystrokeBudget)
	}
	over := ff.median > firstFrameBudget || (nkeys > 0 && ks.median > keystrokeBudget)
	if over {
		fmt.Println("OVER BUDGET")
		if strict {
			os.Exit(1)
		}
	} else {
		fmt.Println("within budget")
	}
	return nil
}

// keystrokes times down and up, alternately, from a keystroke to the pane's
// next output, in a window running command.
func keystrokes(cc *control, command string, nkeys int) ([]time.Duration, error) {
	pane, err := cc.command(fmt.Sprintf("new-window -P -F '#{pane_id}' -t bench '%s'", command))
	if err != nil {
		return nil, err
	}
	pane = strings.TrimSpace(pane)
	if err := cc.waitText(pane, waitText, 5*time.Second); err != nil {
		return nil, err
	}
	// The first down chooses the first option; from then on down and up
	// move between the first two.
	if _, err := cc.command("send-keys -t " + pane + " Down"); err != nil {
		return nil, err
	}
	var lat []time.Duration
	for i := range nkeys {
		cc.drain(60 * time.Millisecond)
		k := "Down"
		if i%2 == 1 {
			k = "Up"
		}
		t0 := time.Now()
		if _, err := cc.command("send-keys -t " + pane + " " + k); err != nil {
			return nil, err
		}
		if err := cc.waitOutput(pane, 2*time.Second); err != nil {
			return nil, err
		}
		lat = append(lat, cc.last.Sub(t0))
	}
	return lat, nil
}

type summary struct{ min, median, p90, max time.Duration }

func stats(ds []time.Duration) summary {
	if len(ds) == 0 {
		return summary{}
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return summary{min: s[0], median: s[len(s)/2], p90: s[len(s)*9/10], max: s[len(s)-1]}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// control is a tmux control-mode client.
type control struct {
	cmd   *exec.Cmd
	in    io.WriteCloser
	lines chan line
	// pending holds notifications read while waiting for a command's answer.
	pending []line
	// last is when the output that satisfied the last wait arrived.
	last time.Time
}

type line struct {
	text string
	at   time.Time
}

func newControl(sock string) (*control, error) {
	cmd := exec.Command("tmux", "-L", sock, "-f", "/dev/null", "-C", "attach", "-t", "bench")
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("tmux control mode: %w", err)
	}
	c := &control{cmd: cmd, in: in, lines: make(chan line, 4096)}
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			if os.Getenv("BENCHTUI_DEBUG") != "" {
				fmt.Fprintf(os.Stderr, "tmux: %.120q\n", sc.Text())
			}
			c.lines <- line{text: sc.Text(), at: time.Now()}
		}
		close(c.lines)
	}()
	return c, nil
}

func (c *control) close() {
	c.in.Close()
	_ = c.cmd.Wait()
}

// command runs a tmux command and returns its output block.
func (c *control) command(s string) (string, error) {
	if _, err := io.WriteString(c.in, s+"\n"); err != nil {
		return "", err
	}
	return c.answer(s)
}

// answer reads the %begin/%end block that answers command s.
func (c *control) answer(s string) (string, error) {
	var body []string
	in := false
	timeout := time.After(5 * time.Second)
	for {
		select {
		case l, ok := <-c.lines:
			if !ok {
				return "", fmt.Errorf("tmux control mode ended")
			}
			// A block whose flags are 0 answers tmux itself (the attach),
			// not a command of ours.
			ours := strings.HasSuffix(l.text, " 1")
			switch {
			case strings.HasPrefix(l.text, "%begin"):
				in = ours
			case strings.HasPrefix(l.text, "%end") && in:
				return strings.Join(body, "\n"), nil
			case strings.HasPrefix(l.text, "%error") && in:
				return "", fmt.Errorf("tmux %s: %s", s, strings.Join(body, " "))
			case strings.HasPrefix(l.text, "%end"), strings.HasPrefix(l.text, "%error"):
			case in:
				body = append(body, l.text)
			default:
				c.pending = append(c.pending, l)
			}
		case <-timeout:
			return "", fmt.Errorf("tmux %s: no answer", s)
		}
	}
}

// next returns the next notification, pending ones first.
func (c *control) next(deadline <-chan time.Time) (line, bool) {
	if len(c.pending) > 0 {
		l := c.pending[0]
		c.pending = c.pending[1:]
		return l, true
	}
	select {
	case l, ok := <-c.lines:
		return l, ok
	case <-deadline:
		return line{}, false
	}
}

// output returns the bytes of a %output notification for pane, if it is one.
func output(l line, pane string) (string, bool) {
	rest, ok := strings.CutPrefix(l.text, "%output "+pane+" ")
	if !ok {
		return "", false
	}
	return unescape(rest), true
}

// waitText waits until the pane's output, stripped of escapes, contains s.
func (c *control) waitText(pane, s string, d time.Duration) error {
	deadline := time.After(d)
	var seen strings.Builder
	for {
		l, ok := c.next(deadline)
		if !ok {
			return fmt.Errorf("no %q from the pane within %v", s, d)
		}
		if data, ok := output(l, pane); ok {
			seen.WriteString(data)
			if strings.Contains(ansi.Strip(seen.String()), s) {
				c.last = l.at
				return nil
			}
		}
	}
}

// waitOutput waits for the pane's next output.
func (c *control) waitOutput(pane string, d time.Duration) error {
	deadline := time.After(d)
	for {
		l, ok := c.next(deadline)
		if !ok {
			return fmt.Errorf("no output from the pane within %v", d)
		}
		if data, ok := output(l, pane); ok && data != "" {
			c.last = l.at
			return nil
		}
	}
}

// drain discards notifications until none has come for quiet.
func (c *control) drain(quiet time.Duration) {
	c.pending = nil
	for {
		select {
		case _, ok := <-c.lines:
			if !ok {
				return
			}
		case <-time.After(quiet):
			return
		}
	}
}

// unescape undoes control mode's octal escapes (\033 and \\).
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+4 <= len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
