package ui

import (
	"bytes"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/rules"
)

// testDate is the clock every test uses, so summaries and file names are
// the same on every run.
var testDate = time.Date(2026, 5, 1, 10, 0, 0, 0, time.UTC)

func testPack(tb testing.TB) *checklist.Pack {
	tb.Helper()
	p, err := rules.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// loadExample parses one of the examples/ answers files.
func loadExample(tb testing.TB, name string) *checklist.Answers {
	tb.Helper()
	path := filepath.Join("..", "..", "examples", name)
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	a, err := checklist.ParseAnswers(testPack(tb), path, data)
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// driver runs a Model by calling Update directly and carrying out the
// commands it returns, synchronously, as a program would.
type driver struct {
	tb    testing.TB
	m     *Model
	quit  bool
	depth int
	// clipboard is what the last tea.SetClipboard command would have
	// sent to the terminal (OSC 52).
	clipboard *string
}

func newDriver(tb testing.TB, w, h int, opts Options) *driver {
	tb.Helper()
	return newDriverWith(tb, testPack(tb), w, h, opts)
}

// newDriverWith runs the walkthrough over pack p (another language, say).
func newDriverWith(tb testing.TB, p *checklist.Pack, w, h int, opts Options) *driver {
	tb.Helper()
	if opts.Now == nil {
		opts.Now = func() time.Time { return testDate }
	}
	if opts.Dir == "" {
		opts.Dir = tb.TempDir()
	}
	d := &driver{tb: tb, m: New(p, opts)}
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	d.run(d.m.Init())
	return d
}

// send delivers messages one by one, running their commands.
func (d *driver) send(msgs ...tea.Msg) *driver {
	d.tb.Helper()
	for _, msg := range msgs {
		_, cmd := d.m.Update(msg)
		d.run(cmd)
	}
	return d
}

// run carries out a command and feeds its messages back.
func (d *driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	d.depth++
	defer func() { d.depth-- }()
	if d.depth > 50 {
		d.tb.Fatal("commands keep making commands")
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
	case tea.QuitMsg:
		d.quit = true
	default:
		v := reflect.ValueOf(msg)
		switch {
		case v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]():
			// tea.Sequence: run the commands one after another.
			for i := range v.Len() {
				d.run(v.Index(i).Interface().(tea.Cmd))
			}
		case fmt.Sprintf("%T", msg) == "tea.setClipboardMsg":
			s := v.String()
			d.clipboard = &s
		default:
			d.send(msg)
		}
	}
}

// keys presses keys by name: "enter", "shift+tab", "space", "ctrl+c", or a
// single character.
func (d *driver) keys(names ...string) *driver {
	d.tb.Helper()
	for _, n := range names {
		d.send(press(n))
	}
	return d
}

// typeText types each character of s.
func (d *driver) typeText(s string) *driver {
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return d
}

// view is the frame as a person sees it: text without styles.
func (d *driver) view() string { return ansi.Strip(d.m.View().Content) }

// step is the key of the current step.
func (d *driver) step() string { return d.m.steps[d.m.cur].key }

// answer returns a question's answer and whether there is one.
func (d *driver) answer(id string) (checklist.Value, bool) { return d.m.c.answers.Get(id) }

func (d *driver) dark(isDark bool) *driver {
	var c color.Color = color.White
	if isDark {
		c = color.Black
	}
	return d.send(tea.BackgroundColorMsg{Color: c})
}

var namedKeys = map[string]tea.KeyPressMsg{
	"enter":     {Code: tea.KeyEnter},
	"esc":       {Code: tea.KeyEscape},
	"tab":       {Code: tea.KeyTab},
	"shift+tab": {Code: tea.KeyTab, Mod: tea.ModShift},
	"up":        {Code: tea.KeyUp},
	"down":      {Code: tea.KeyDown},
	"backspace": {Code: tea.KeyBackspace},
	"delete":    {Code: tea.KeyDelete},
	"pgdown":    {Code: tea.KeyPgDown},
	"pgup":      {Code: tea.KeyPgUp},
	"home":      {Code: tea.KeyHome},
	"end":       {Code: tea.KeyEnd},
	"space":     {Code: tea.KeySpace, Text: " "},
	"ctrl+c":    {Code: 'c', Mod: tea.ModCtrl},
	"ctrl+u":    {Code: 'u', Mod: tea.ModCtrl},
	"ctrl+n":    {Code: 'n', Mod: tea.ModCtrl},
}

func press(name string) tea.KeyPressMsg {
	if k, ok := namedKeys[name]; ok {
		return k
	}
	r := []rune(name)
	if len(r) != 1 {
		panic("press: unknown key " + name)
	}
	return tea.KeyPressMsg{Code: r[0], Text: name}
}

// goToStep presses enter until the step with key k is current.
func (d *driver) goToStep(k string) *driver {
	d.tb.Helper()
	for range 200 {
		if d.step() == k {
			return d
		}
		d.keys("enter")
	}
	d.tb.Fatalf("never reached step %s (at %s)", k, d.step())
	return d
}

// downsample renders a frame as a 256-colour terminal would receive it,
// so golden files do not depend on the detected terminal.
func downsample(s string) string {
	var b bytes.Buffer
	w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.ANSI256}
	_, _ = w.Write([]byte(s))
	return b.String()
}

// checkFits fails if any line of the frame is wider than w or there are
// more than h lines.
func checkFits(tb testing.TB, frame string, w, h int) {
	tb.Helper()
	lines := strings.Split(frame, "\n")
	if frame != "" && len(lines) > h {
		tb.Errorf("%dx%d: frame has %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			tb.Errorf("%dx%d: line %d is %d cells wide: %q", w, h, i, lw, ansi.Strip(l))
		}
	}
}
