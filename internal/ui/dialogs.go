package ui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// The small dialogs: the notice of answers kept from other rules, and the
// question before quitting.

type noticeKeys struct {
	OK key.Binding
}

// maxNoticeLines bounds the warnings listed in the notice; the rest are
// counted.
const maxNoticeLines = 8

// noticeDialog is shown before the first screen of a resumed draft that
// holds answers these rules do not know: it says they are kept, and which.
type noticeDialog struct {
	c     *common
	items []string
	keys  noticeKeys
}

func newNoticeDialog(c *common, warnings checklist.Errors) *noticeDialog {
	d := &noticeDialog{c: c, keys: c.keys.Notice}
	for _, w := range warnings {
		// A warning quotes the file's own text: show it as plain text.
		d.items = append(d.items, textclean.CleanLine(w.Error()))
	}
	return d
}

func (d *noticeDialog) update(msg tea.Msg) ([]action, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, d.keys.OK) {
		return []action{closeDlg{}}, nil
	}
	return nil, nil
}

func (d *noticeDialog) view(w int) string {
	t := d.c.theme
	p := d.c.pack
	bw := min(w, 90)
	inner := max(bw-4, 1)
	lines := []string{t.title.Render(p.T("ui.notice.title")), ""}
	lines = append(lines, wrap(t.text, p.T("ui.notice.body"), inner)...)
	lines = append(lines, "")
	for i, it := range d.items {
		if i == maxNoticeLines {
			lines = append(lines, t.faint.Render(p.Tf("ui.notice.more", "n", strconv.Itoa(len(d.items)-i))))
			break
		}
		for j, l := range wrap(t.warn, it, inner-2) {
			if j == 0 {
				lines = append(lines, t.warn.Render("• ")+l)
			} else {
				lines = append(lines, "  "+l)
			}
		}
	}
	lines = append(lines, "", t.button.Render("enter  "+d.keys.OK.Help().Desc))
	if w < 8 {
		return strings.Join(lines, "\n")
	}
	return t.dialog.Width(bw).Render(strings.Join(lines, "\n"))
}

func (d *noticeDialog) keyMap() help.KeyMap {
	return keyList{short: []key.Binding{d.keys.OK}, full: [][]key.Binding{{d.keys.OK}}}
}

type quitKeys struct {
	Yes, No key.Binding
}

// quitDialog asks before quitting. ctrl+c here quits for real (the root
// checks that before the dialog sees the key). It says where the answers
// are kept when there is a draft, and that they are lost when there is not.
type quitDialog struct {
	c    *common
	keys quitKeys
	// drafted is set when the draft holds the answers (drafts on, and the
	// last write did not fail).
	drafted bool
}

func newQuitDialog(c *common, draftOK bool) *quitDialog {
	return &quitDialog{c: c, drafted: c.drafts() != nil && draftOK, keys: c.keys.Quit}
}

func (d *quitDialog) update(msg tea.Msg) ([]action, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
	case key.Matches(k, d.keys.Yes):
		return []action{quitNow{}}, nil
	case key.Matches(k, d.keys.No):
		return []action{closeDlg{}}, nil // back to what was open under it
	}
	return nil, nil
}

func (d *quitDialog) view(w int) string {
	t := d.c.theme
	p := d.c.pack
	bw := min(w, 60)
	inner := max(bw-4, 1)
	n := strconv.Itoa(len(d.c.answers.Values))
	body := p.Tf("ui.quit.body", "n", n)
	if d.drafted {
		where := d.c.drafts().Path()
		if where == "" {
			where = d.c.drafts().Dir()
		}
		body = p.Tf("ui.quit.body-draft", "n", n, "path", tildePath(where))
	}
	lines := []string{t.title.Render(p.T("ui.quit.title")), ""}
	lines = append(lines, wrap(t.text, body, inner)...)
	lines = append(lines, "", t.buttonOff.Render(yesKey(p)+"  "+keyDesc(p, d.keys.Yes))+"  "+t.button.Render("n  "+keyDesc(p, d.keys.No)))
	if w < 8 {
		return strings.Join(lines, "\n")
	}
	return t.dialog.Width(bw).Render(strings.Join(lines, "\n"))
}

func (d *quitDialog) keyMap() help.KeyMap {
	return keyList{short: []key.Binding{d.keys.Yes, d.keys.No}, full: [][]key.Binding{{d.keys.Yes, d.keys.No}}}
}
