package ui

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/internal/summary"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// DefaultFileName is the name the save dialog offers:
// vetcircle-<circle>-<YYYY-MM-DD>.md, the circle's name reduced to
// lower-case letters, digits and dashes.
func DefaultFileName(circle string, date string) string {
	slug := slugify(circle)
	if slug == "" {
		slug = "circle"
	}
	return "vetcircle-" + slug + "-" + date + ".md"
}

func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(textclean.CleanLine(s)) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// saveCmd writes the summary markdown (plain, not styled) to path with mode
// 0600, refusing to replace a file unless overwrite is set.
func saveCmd(c *common, path string, overwrite bool) tea.Cmd {
	p, a, date := c.pack, c.answers.Clone(), c.now()
	return func() tea.Msg {
		md := summary.Markdown(p, a, checklist.Evaluate(p, a), summary.Options{Date: date})
		var err error
		if overwrite {
			err = fileio.WriteAtomic(path, []byte(md))
		} else {
			err = fileio.WriteNew(path, []byte(md))
		}
		return savedMsg{path: path, err: err}
	}
}

type saveKeys struct {
	Save, Yes, No, Cancel key.Binding
}

// saveDialog asks for a file name, then asks before replacing a file. A
// failure is shown in the dialog, which stays open with every answer kept.
type saveDialog struct {
	c       *common
	in      textinput.Model
	keys    saveKeys
	confirm string // the path waiting for "replace it?"
	saving  bool
	err     string
}

func newSaveDialog(c *common) *saveDialog {
	t := c.theme
	in := textinput.New()
	in.Prompt = "› "
	in.CharLimit = 255
	in.SetStyles(textinput.Styles{
		Focused: textinput.StyleState{Text: t.text, Placeholder: t.notAsked, Prompt: t.input},
		Blurred: textinput.StyleState{Text: t.text, Placeholder: t.notAsked, Prompt: t.faint},
		Cursor:  textinput.CursorStyle{Color: t.cursor.GetForeground(), Shape: tea.CursorBar, Blink: false},
	})
	r := c.result
	in.SetValue(DefaultFileName(r.Circle.Name, c.now().Format("2006-01-02")))
	in.CursorEnd()
	in.Focus()
	return &saveDialog{c: c, in: in, keys: saveKeys{
		Save:   newKey("enter", "save", "enter"),
		Yes:    newKey("y", "replace", "y"),
		No:     newKey("n/esc", "keep it", "n", "esc"),
		Cancel: newKey("esc", "cancel", "esc"),
	}}
}

// path is where the typed name points: relative names are in the save
// folder.
func (d *saveDialog) path() (string, bool) {
	name := textclean.CleanLine(d.in.Value())
	if name == "" {
		return "", false
	}
	if rest, ok := strings.CutPrefix(name, "~/"); ok {
		// A person typing ~ means their home; there is no shell to expand it.
		if home, err := os.UserHomeDir(); err == nil {
			name = filepath.Join(home, rest)
		}
	}
	if !filepath.IsAbs(name) {
		name = filepath.Join(d.c.dir, name)
	}
	if abs, err := filepath.Abs(name); err == nil {
		name = abs
	}
	return name, true
}

func (d *saveDialog) update(msg tea.Msg) ([]action, tea.Cmd) {
	if d.saving {
		return nil, nil
	}
	k, isKey := msg.(tea.KeyPressMsg)
	if d.confirm != "" {
		switch {
		case isKey && key.Matches(k, d.keys.Yes):
			d.saving = true
			return []action{saveToFile{path: d.confirm, overwrite: true}}, nil
		case isKey && key.Matches(k, d.keys.No):
			d.confirm = ""
		}
		return nil, nil
	}
	if isKey {
		switch {
		case key.Matches(k, d.keys.Cancel):
			return []action{closeDlg{}}, nil
		case key.Matches(k, d.keys.Save):
			p, ok := d.path()
			if !ok {
				d.err = d.c.pack.T("ui.save.empty")
				return nil, nil
			}
			d.err = ""
			d.saving = true
			return []action{saveToFile{path: p}}, nil
		}
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		msg = tea.PasteMsg{Content: textclean.CleanLine(p.Content)}
	}
	var cmd tea.Cmd
	d.in, cmd = d.in.Update(msg)
	return nil, cmd
}

// failed shows why a save did not happen: an existing file asks before
// replacing; anything else says why and where.
func (d *saveDialog) failed(msg savedMsg) {
	d.saving = false
	if errors.Is(msg.err, fs.ErrExist) {
		d.confirm = msg.path
		return
	}
	reason := fileio.Explain(msg.err)
	d.err = d.c.pack.Tf("ui.save.failed", "path", msg.path, "reason", reason)
}

func (d *saveDialog) view(w int) string {
	t := d.c.theme
	p := d.c.pack
	bw := min(w, 76)
	inner := max(bw-4, 1) // border and padding
	var lines []string
	lines = append(lines, t.title.Render(p.T("ui.save.title")), "")
	switch {
	case d.confirm != "":
		lines = append(lines, wrap(t.warn, p.Tf("ui.save.exists", "path", d.confirm), inner)...)
	default:
		dir := d.c.dir
		if abs, err := filepath.Abs(dir); err == nil {
			dir = abs
		}
		lines = append(lines, wrap(t.text, p.Tf("ui.save.label", "dir", dir), inner)...)
		d.in.SetWidth(max(inner-3, 1))
		lines = append(lines, d.in.View())
		if d.saving {
			lines = append(lines, "", t.faint.Render(p.T("ui.save.saving")))
		}
		if d.err != "" {
			lines = append(lines, "")
			lines = append(lines, wrap(t.errText, d.err, inner)...)
			lines = append(lines, wrap(t.faint, p.T("ui.save.kept"), inner)...)
		}
	}
	box := t.dialog.Width(bw)
	if w < 8 {
		return strings.Join(lines, "\n")
	}
	return box.Render(strings.Join(lines, "\n"))
}

func (d *saveDialog) keyMap() help.KeyMap {
	if d.confirm != "" {
		return keyList{short: []key.Binding{d.keys.Yes, d.keys.No}, full: [][]key.Binding{{d.keys.Yes, d.keys.No}}}
	}
	return keyList{short: []key.Binding{d.keys.Save, d.keys.Cancel}, full: [][]key.Binding{{d.keys.Save, d.keys.Cancel}}}
}

type quitKeys struct {
	Yes, No key.Binding
}

// quitDialog asks before quitting loses answers. ctrl+c here quits for
// real (the root checks that before the dialog sees the key).
type quitDialog struct {
	c    *common
	keys quitKeys
}

func newQuitDialog(c *common) *quitDialog {
	return &quitDialog{c: c, keys: quitKeys{
		Yes: newKey("y", "quit", "y", "q"),
		No:  newKey("n/esc", "stay", "n", "esc", "enter"),
	}}
}

func (d *quitDialog) update(msg tea.Msg) ([]action, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
	case key.Matches(k, d.keys.Yes):
		return []action{quitNow{}}, nil
	case key.Matches(k, d.keys.No):
		return []action{closeDlg{}}, nil
	}
	return nil, nil
}

func (d *quitDialog) view(w int) string {
	t := d.c.theme
	p := d.c.pack
	bw := min(w, 60)
	inner := max(bw-4, 1)
	body := p.Tf("ui.quit.body", "n", strconv.Itoa(len(d.c.answers.Values)))
	lines := []string{t.title.Render(p.T("ui.quit.title")), ""}
	lines = append(lines, wrap(t.text, body, inner)...)
	lines = append(lines, "", t.buttonOff.Render("y  "+d.keys.Yes.Help().Desc)+"  "+t.button.Render("n  "+d.keys.No.Help().Desc))
	if w < 8 {
		return strings.Join(lines, "\n")
	}
	return t.dialog.Width(bw).Render(strings.Join(lines, "\n"))
}

func (d *quitDialog) keyMap() help.KeyMap {
	return keyList{short: []key.Binding{d.keys.Yes, d.keys.No}, full: [][]key.Binding{{d.keys.Yes, d.keys.No}}}
}
