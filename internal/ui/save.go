package ui

import (
	"cmp"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

type saveKeys struct {
	Save, Kind, KindBack, Yes, No, Cancel, Offer, Decline key.Binding
	// Source chooses how the answers were gathered, while keeping.
	Source key.Binding
}

// saveDialog asks what to save (the summary, the answers or the JSON
// score) and the file name, then asks before replacing a file. A failure
// is shown in the dialog, which stays open with every answer kept. After
// the summary is saved it comes back as an offer to save the answers too.
type saveDialog struct {
	c     *common
	in    textinput.Model
	keys  saveKeys
	kinds []saveKind
	kind  saveKind
	// offer is the saved summary's path while offering to save the answers
	// (the status line under the dialog says where it went).
	offer   string
	confirm string // the path waiting for "replace it?"
	saving  bool
	err     string
	// source is how the answers were gathered (checklist.Sources), chosen
	// with ↑/↓ while keeping in the register; "" when not said.
	source string
	// date is the date of the call or visit, typed while keeping in the
	// register: the answers' own, else today (intake.CallDate reads it).
	date textinput.Model
}

func newSaveDialog(c *common) *saveDialog {
	in := newSaveInput(c)
	in.SetValue(defaultName(c, saveSummary))
	in.CursorEnd()
	in.Focus()
	date := newSaveInput(c)
	date.CharLimit = 40
	date.SetValue(cmp.Or(c.answers.Vetted.On, c.now().Format(time.DateOnly)))
	date.CursorEnd()
	date.Focus()
	return &saveDialog{c: c, in: in, date: date, kinds: c.s.Kinds(), keys: c.keys.Save}
}

// newSaveInput is a one-line text field in the save dialog's style.
func newSaveInput(c *common) textinput.Model {
	t := c.theme
	in := textinput.New()
	in.Prompt = "› "
	in.CharLimit = 255
	in.SetStyles(textinput.Styles{
		Focused: textinput.StyleState{Text: t.text, Placeholder: t.notAsked, Prompt: t.input},
		Blurred: textinput.StyleState{Text: t.text, Placeholder: t.notAsked, Prompt: t.faint},
		Cursor:  textinput.CursorStyle{Color: t.cursor.GetForeground(), Shape: tea.CursorBar, Blink: false},
	})
	return in
}

// newAnswersOffer is the dialog after the summary was saved to path: it
// offers to save the answers too, under the default name.
func newAnswersOffer(c *common, path string) *saveDialog {
	d := newSaveDialog(c)
	d.setKind(saveAnswers)
	d.offer = path
	// Beside the summary, wherever it was saved (~/x.md offers ~/x.yaml),
	// not in the current folder.
	d.in.SetValue(tildePath(strings.TrimSuffix(path, filepath.Ext(path)) + saveAnswers.Ext()))
	d.in.CursorEnd()
	return d
}

// setKind switches what is saved, and the file name's extension with it
// when the name still has the old one.
func (d *saveDialog) setKind(k saveKind) {
	if name := d.in.Value(); strings.HasSuffix(name, d.kind.Ext()) {
		d.in.SetValue(strings.TrimSuffix(name, d.kind.Ext()) + k.Ext())
		d.in.CursorEnd()
	}
	d.kind = k
	d.err = ""
}

// path is where the typed name points: relative names are in the save
// folder.
func (d *saveDialog) path() (string, bool) {
	name := textclean.CleanLine(d.in.Value())
	if name == "" {
		return "", false
	}
	// A person typing ~ means their home; there is no shell to expand it.
	// (tildePath writes ~\ on Windows.)
	for _, prefix := range []string{"~/", "~" + string(filepath.Separator)} {
		if rest, ok := strings.CutPrefix(name, prefix); ok {
			if home, err := os.UserHomeDir(); err == nil {
				name = filepath.Join(home, rest)
			}
			break
		}
	}
	if !filepath.IsAbs(name) {
		name = filepath.Join(d.c.s.Options().Dir, name)
	}
	if abs, err := filepath.Abs(name); err == nil {
		name = abs
	}
	return name, true
}

// save starts writing the file the dialog names.
func (d *saveDialog) save() []action {
	if d.kind == saveKeep {
		on, err := intake.CallDate(d.c.pack, d.date.Value(), d.c.now())
		if err != nil {
			d.err = err.Error()
			return nil
		}
		d.err = ""
		d.saving = true
		return []action{saveToFile{kind: saveKeep, path: d.c.s.Options().Where, source: d.source, on: on}}
	}
	p, ok := d.path()
	if !ok {
		d.err = d.c.pack.T("ui.save.empty")
		return nil
	}
	d.err = ""
	d.saving = true
	return []action{saveToFile{kind: d.kind, path: p}}
}

func (d *saveDialog) update(msg tea.Msg) ([]action, tea.Cmd) {
	if d.saving {
		return nil, nil
	}
	k, isKey := msg.(tea.KeyPressMsg)
	switch {
	case d.confirm != "":
		switch {
		case isKey && key.Matches(k, d.keys.Yes):
			d.saving = true
			return []action{saveToFile{kind: d.kind, path: d.confirm, overwrite: true}}, nil
		case isKey && key.Matches(k, d.keys.No):
			// Not that file: let them type another name, even when this
			// began as the offer to save the answers under the default one.
			d.confirm, d.offer = "", ""
		}
		return nil, nil
	case d.offer != "" && d.err == "":
		switch {
		case isKey && key.Matches(k, d.keys.Offer):
			return d.save(), nil
		case isKey && key.Matches(k, d.keys.Decline):
			// The summary is kept and the answers are not wanted: the
			// draft has done its job.
			return []action{closeDlg{}, dropDraft{}}, nil
		}
		return nil, nil
	}
	if isKey {
		switch {
		case key.Matches(k, d.keys.Cancel):
			return []action{closeDlg{}}, nil
		case key.Matches(k, d.keys.Save):
			return d.save(), nil
		case key.Matches(k, d.keys.Kind), key.Matches(k, d.keys.KindBack):
			step := 1
			if key.Matches(k, d.keys.KindBack) {
				step = len(d.kinds) - 1
			}
			i := 0
			for j, kind := range d.kinds {
				if kind == d.kind {
					i = j
				}
			}
			d.setKind(d.kinds[(i+step)%len(d.kinds)])
			return nil, nil
		}
	}
	if p, ok := msg.(tea.PasteMsg); ok {
		msg = tea.PasteMsg{Content: textclean.CleanLine(p.Content)}
	}
	var cmd tea.Cmd
	if d.kind == saveKeep {
		// No file name: the register names its own files. What is typed
		// is the date of the call; ↑/↓ say how the answers were gathered.
		if isKey && key.Matches(k, d.keys.Source) {
			d.source = nextSource(d.source, k.String() == "down")
			return nil, nil
		}
		d.date, cmd = d.date.Update(msg)
		return nil, cmd
	}
	d.in, cmd = d.in.Update(msg)
	return nil, cmd
}

// nextSource is the source after (or before) cur in checklist.Sources,
// going round through "" (not said).
func nextSource(cur string, forward bool) string {
	all := append([]string{""}, checklist.Sources...)
	i := slices.Index(all, cur)
	if forward {
		return all[(i+1)%len(all)]
	}
	return all[(i+len(all)-1)%len(all)]
}

// failed shows why a save did not happen: an existing file asks before
// replacing; anything else says why and where, with the name to fix.
func (d *saveDialog) failed(msg savedMsg) {
	d.saving = false
	if errors.Is(msg.err, fs.ErrExist) {
		d.confirm = msg.path
		return
	}
	reason := fileio.ExplainIn(d.c.pack, msg.err)
	d.err = d.c.pack.Tf("ui.save.failed", "path", msg.path, "reason", reason)
}

// kindsLine shows what can be saved, the chosen one marked with ● (not
// colour alone); one per line when they do not fit side by side.
func (d *saveDialog) kindsLines(w int) []string {
	t := d.c.theme
	var parts []string
	for _, k := range d.kinds {
		label := d.c.pack.T(k.Label())
		if k == d.kind {
			parts = append(parts, t.selected.Render("● "+label))
		} else {
			parts = append(parts, t.faint.Render("○ "+label))
		}
	}
	if line := strings.Join(parts, "   "); ansi.StringWidth(line) <= w {
		return []string{line}
	}
	return parts
}

func (d *saveDialog) view(w int) string {
	t := d.c.theme
	p := d.c.pack
	bw := min(w, 76)
	inner := max(bw-4, 1) // border and padding
	var lines []string
	switch {
	case d.confirm != "":
		lines = append(lines, t.title.Render(p.T("ui.save.title")), "")
		lines = append(lines, wrap(t.warn, p.Tf("ui.save.exists", "path", d.confirm), inner)...)
	case d.offer != "" && d.err == "":
		lines = append(lines, t.title.Render(p.T("ui.save.offer.title")), "")
		lines = append(lines, wrap(t.text, p.Tf("ui.save.offer.body", "name", d.in.Value()), inner)...)
		if d.saving {
			lines = append(lines, "", t.faint.Render(p.T("ui.save.saving")))
		} else {
			lines = append(lines, "", t.button.Render(yesKey(p)+"  "+keyDesc(p, d.keys.Offer))+"  "+t.buttonOff.Render("n  "+keyDesc(p, d.keys.Decline)))
		}
	default:
		lines = append(lines, t.title.Render(p.T("ui.save.title")), "")
		lines = append(lines, d.kindsLines(inner)...)
		lines = append(lines, wrap(t.faint, p.T(d.kind.Help()), inner)...)
		lines = append(lines, "")
		if d.kind == saveKeep {
			// No name to type: the register names its files. Say where.
			lines = append(lines, wrap(t.text, p.Tf("ui.save.keep-where", "dir", d.c.s.Options().Where), inner)...)
			// The date and the source each on one line where they fit,
			// so the dialog keeps within 24 rows with an error under it.
			label := p.T("ui.save.keep-date")
			lw := ansi.StringWidth(label) + 1
			if inner-lw < 14 {
				lines = append(lines, wrap(t.faint, label, inner)...)
				lw = 0
			}
			if w := max(inner-lw-3, 1); w != d.date.Width() {
				d.date.SetWidth(w)
				d.date.SetCursor(d.date.Position())
			}
			if lw > 0 {
				lines = append(lines, t.faint.Render(label)+" "+d.date.View())
			} else {
				lines = append(lines, d.date.View())
			}
			var choices []string
			for _, src := range checklist.Sources {
				mark := "○"
				if src == d.source {
					mark = "●"
				}
				choices = append(choices, mark+" "+src)
			}
			lines = append(lines, wrap(t.faint, p.T("ui.save.keep-source"), inner)...)
			lines = append(lines, wrap(t.text, strings.Join(choices, "  "), inner)...)
			if d.saving {
				lines = append(lines, "", t.faint.Render(p.T("ui.save.saving")))
			}
			if d.err != "" {
				lines = append(lines, "")
				lines = append(lines, wrap(t.errText, d.err, inner)...)
				lines = append(lines, wrap(t.faint, p.T("ui.save.kept"), inner)...)
			}
			break
		}
		// The folder the typed name points into, which a typed path
		// changes: the label never names a folder the file will not go to.
		dir := d.c.s.Options().Dir
		if path, ok := d.path(); ok {
			dir = filepath.Dir(path)
		} else if abs, err := filepath.Abs(dir); err == nil {
			dir = abs
		}
		lines = append(lines, wrap(t.text, p.Tf("ui.save.label", "dir", dir), inner)...)
		if w := max(inner-3, 1); w != d.in.Width() {
			// Scroll the name to the new width, keeping the cursor in view.
			d.in.SetWidth(w)
			d.in.SetCursor(d.in.Position())
		}
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
	switch {
	case d.confirm != "":
		return keyList{short: []key.Binding{d.keys.Yes, d.keys.No}, full: [][]key.Binding{{d.keys.Yes, d.keys.No}}}
	case d.offer != "" && d.err == "":
		return keyList{short: []key.Binding{d.keys.Offer, d.keys.Decline}, full: [][]key.Binding{{d.keys.Offer, d.keys.Decline}}}
	}
	if d.kind == saveKeep {
		return keyList{short: []key.Binding{d.keys.Save, d.keys.Source, d.keys.Kind, d.keys.Cancel}, full: [][]key.Binding{{d.keys.Save, d.keys.Cancel}, {d.keys.Source}, {d.keys.Kind, d.keys.KindBack}}}
	}
	return keyList{short: []key.Binding{d.keys.Save, d.keys.Kind, d.keys.Cancel}, full: [][]key.Binding{{d.keys.Save, d.keys.Cancel}, {d.keys.Kind, d.keys.KindBack}}}
}
