// Package ui is vetcircle's interactive walkthrough: a Bubble Tea program
// that asks the pack's questions screen by screen, shows a live verdict,
// and ends on the scored summary, which it can save.
//
// The root Model owns navigation and the one *checklist.Answers; each screen
// (form, question, red flags, review, summary) is a small model in its own
// file with its own keys; dialogs (save, quit, a resumed draft's notice)
// sit on top, and the notes box opens under the question. Screens never
// change answers themselves: they return actions that the root applies in
// one place, Model.changed, which rescores in a command, queues the draft's
// write (Drafts) and calls Options.OnChange. Scoring, rendering the
// summary and saving files and drafts run in tea.Cmds that report back
// with messages.
//
// The package holds no rule logic and no prose: questions, options and
// sentences come from the pack (ui.* keys in rules/ui.yaml), and verdicts
// from checklist.Evaluate.
package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/internal/summary"
)

// Options configure a walkthrough. The zero value is a fresh intake.
type Options struct {
	// InTmux says the terminal is tmux, which passes a clipboard copy on
	// only with set-clipboard on; the copy message says so.
	InTmux bool

	// Answers, when not nil, are answers to continue (a resumed draft): the
	// walkthrough edits this value in place and starts at Answers.ResumeAt
	// when that names a question that applies.
	Answers *checklist.Answers
	// Now is the clock for the summary's date, the default file name and
	// the name of a new draft; nil means time.Now.
	Now func() time.Time
	// SaveDir is the folder the save dialog offers; "" means ".".
	SaveDir string
	// OnChange, when set, is called after every change of an answer and
	// every move to another question, with a copy of the answers whose
	// ResumeAt names the question on screen. The command it returns (for
	// example saving a draft) is run like any other; it must not block.
	OnChange func(*checklist.Answers) tea.Cmd
	// Drafts, when set, saves every change of an answer or note to a draft
	// (created on the first change) and removes it once the summary or the
	// answers are saved; the welcome screen says where drafts live. nil
	// means drafts are off (--no-draft), and the welcome screen says so.
	Drafts *Drafts
	// Warnings are shown in a notice before the first screen: answers of a
	// resumed draft that these rules do not know, kept in the file.
	Warnings checklist.Errors
	// ResultJSON encodes the score as `vetcircle score --format json`
	// writes it, so that the shape is defined in one place; file is the
	// answers file it describes ("" when none was saved). nil leaves JSON
	// out of the save dialog.
	ResultJSON func(file string, r checklist.Result) ([]byte, error)
	// Dark is the guess at the terminal background until the terminal
	// answers tea.RequestBackgroundColor.
	Dark bool
	// NoColor drops every colour (NO_COLOR), keeping bold and reverse.
	NoColor bool
}

// common is what every screen reads: the pack, the answers, the theme and
// the latest score. Screens treat answers as read-only and change them by
// returning actions.
type common struct {
	pack    *checklist.Pack
	answers *checklist.Answers
	theme   *theme
	result  checklist.Result
	// rev counts changes to the answers, so cached renderings know when
	// they are stale.
	rev   int
	now   func() time.Time
	dir   string
	cache *mdCache
	// editing is set while one answer is being changed from the review.
	editing bool
	// noting is the question whose notes box is open, or "".
	noting string
	// drafts keeps the answers in a draft; nil when drafts are off.
	drafts *Drafts
	// resultJSON encodes a score as JSON (Options.ResultJSON).
	resultJSON func(file string, r checklist.Result) ([]byte, error)
	// answersFile is the answers file last saved, named in the JSON.
	answersFile string
	// savedKinds records what was saved at which revision of the answers.
	savedKinds map[saveKind]int
}

// coordinator reports whether a care coordinator is on a call, which
// changes how questions are worded ("Say:", "Listen for:").
func (c *common) coordinator() bool {
	v, _ := c.answers.Get("user-role")
	return v.Choice == "coordinator"
}

// screen is one step's model.
type screen interface {
	// enter is called whenever the screen becomes current; focus names the
	// question to put the cursor on, or "".
	enter(focus string) tea.Cmd
	// update handles a key press or paste.
	update(msg tea.Msg) ([]action, tea.Cmd)
	// setSize tells the screen the cells its body has.
	setSize(w, h int)
	view(w, h int) string
	keyMap() help.KeyMap
	// typing reports whether keys go to a text field, so that q and ? are
	// typed rather than acted on.
	typing() bool
	// focused is the question under the cursor, or "".
	focused() string
}

// dialog is a box over the current screen that takes every key.
type dialog interface {
	update(msg tea.Msg) ([]action, tea.Cmd)
	view(w int) string
	keyMap() help.KeyMap
}

// Actions are what screens and dialogs ask the root to do.
type action interface{}

type (
	setAnswer struct {
		id string
		v  checklist.Value
	}
	clearAnswer struct{ id string }
	goNext      struct{}
	goBack      struct{}
	// setNote replaces a question's note ("" removes it).
	setNote struct {
		id, note string
	}
	// jumpTo opens the screen that asks a question, from the review.
	jumpTo     struct{ id string }
	openSave   struct{}
	closeDlg   struct{}
	closeNotes struct{}
	// dropDraft removes the draft once its answers are kept elsewhere.
	dropDraft struct{}
	// reopenDlg brings back the dialog a quit question interrupted.
	reopenDlg struct{ d dialog }
	quitNow   struct{}
	// copySummary puts the summary markdown on the clipboard.
	copySummary struct{}
	saveToFile  struct {
		kind      saveKind
		path      string
		overwrite bool
	}
)

// Messages from commands.
type (
	scoredMsg struct {
		rev    int
		result checklist.Result
	}
	savedMsg struct {
		kind saveKind
		path string
		err  error
	}
)

// Model is the walkthrough's root model.
type Model struct {
	c       *common
	opts    Options
	keys    globalKeys
	help    help.Model
	steps   []step
	cur     int
	screens map[string]screen
	// builtFor holds, per kept screen, the questions it was built with: a
	// form or checklist whose questions change (a format that drops a
	// field, training that drops two red flags) is built again.
	builtFor map[string]string
	// sized is the screen last told its size, and that size.
	sized struct {
		s    screen
		w, h int
	}
	dlg dialog
	// notes is the notes editor when open, under the current screen.
	notes  *notesBox
	width  int
	height int
	// savedRev is the answers revision last saved to a summary file.
	savedRev int
	// status is a one-line message under the body (a saved file's path).
	status string
	// draftErr says why the draft could not be saved, and where; it stays
	// until a later save succeeds.
	draftErr string
	// draftSeq is the newest draft write reported, so an older report
	// arriving late never hides a newer one.
	draftSeq uint64
	// scored counts the results received, so the side panel knows when
	// to redraw.
	scored     int
	panelCache panelCache
	helpCache  struct {
		key   string
		lines []string
	}
}

// New returns a walkthrough over pack p.
func New(p *checklist.Pack, opts Options) *Model {
	a := opts.Answers
	if a == nil {
		a = checklist.NewAnswers()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.SaveDir == "" {
		opts.SaveDir = "."
	}
	if opts.Drafts != nil {
		opts.Drafts.now = opts.Now
	}
	c := &common{pack: p, answers: a, theme: newTheme(opts.Dark, opts.NoColor), now: opts.Now, dir: opts.SaveDir, cache: &mdCache{},
		drafts: opts.Drafts, resultJSON: opts.ResultJSON, savedKinds: map[saveKind]int{}}
	c.result = checklist.Evaluate(p, a)
	m := &Model{
		c: c, opts: opts, keys: newGlobalKeys(), help: help.New(),
		screens: map[string]screen{}, builtFor: map[string]string{}, width: 80, height: 24, savedRev: -1,
	}
	m.help.Styles = c.theme.help
	m.steps = buildSteps(p, a)
	switch {
	case a.ResumeAt != "":
		if i := stepOf(m.steps, a.ResumeAt); i >= 0 {
			m.cur = i
		}
	case opts.Answers != nil && intake.WorthKeeping(p, a):
		// A finished answers file (it says nowhere to resume) opens at the
		// review, where any answer can be changed, not at the first step.
		m.cur = indexOf(m.steps, "review")
	}
	if len(opts.Warnings) > 0 {
		m.dlg = newNoticeDialog(c, opts.Warnings)
	}
	return m
}

// Answers returns the answers as they stand (the walkthrough's own value).
func (m *Model) Answers() *checklist.Answers { return m.c.answers }

// Result returns the latest score of the answers.
func (m *Model) Result() checklist.Result { return m.c.result }

// Init asks the terminal for its background and opens the first screen.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.screen().enter(m.c.answers.ResumeAt))
}

// screen returns the current step's screen, making it on first use.
func (m *Model) screen() screen {
	st := m.steps[m.cur]
	if s, ok := m.screens[st.key]; ok {
		return s
	}
	var s screen
	switch st.kind {
	case stepForm:
		s = newFormScreen(m.c, st)
	case stepQuestion:
		s = newQuestionScreen(m.c, st)
	case stepFlags:
		s = newFlagsScreen(m.c, st)
	case stepReview:
		s = newReviewScreen(m.c, m.steps)
	default:
		s = newSummaryScreen(m.c)
	}
	m.screens[st.key] = s
	m.builtFor[st.key] = questionIDs(st)
	bw, bh := m.bodySize()
	s.setSize(bw, bh)
	return s
}

// Update routes a message: window and colour changes to everyone, keys to
// the dialog if one is open, else to global keys, else to the screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	model, cmd := m.update(msg)
	// A status line that comes or goes changes the room the screen has:
	// tell it, so nothing hides under the footer.
	if bw, bh := m.bodySize(); bw != m.sized.w || bh != m.sized.h || m.screen() != m.sized.s {
		m.sized.s, m.sized.w, m.sized.h = m.screen(), bw, bh
		m.sized.s.setSize(bw, bh)
	}
	return model, cmd
}

func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 0), max(msg.Height, 0)
		return m, m.resize()
	case tea.BackgroundColorMsg:
		return m, m.setTheme(msg.IsDark())
	case scoredMsg:
		if msg.rev == m.c.rev {
			m.c.result = msg.result
			m.scored++
		}
		return m, nil
	case savedMsg:
		return m, m.saved(msg)
	case draftMsg:
		m.drafted(msg)
		return m, nil
	case summaryMsg:
		if s, ok := m.screens["summary"].(*summaryScreen); ok {
			s.rendered(msg)
		}
		return m, nil
	case tea.KeyPressMsg:
		return m, m.key(msg)
	case tea.PasteMsg:
		if m.notes != nil && m.dlg == nil {
			acts, cmd := m.notes.update(msg)
			return m, tea.Batch(cmd, m.apply(acts))
		}
		if m.dlg != nil {
			acts, cmd := m.dlg.update(msg)
			return m, tea.Batch(cmd, m.apply(acts))
		}
		acts, cmd := m.screen().update(msg)
		return m, tea.Batch(cmd, m.apply(acts))
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyPressMsg) tea.Cmd {
	if m.dlg != nil {
		if key.Matches(msg, m.keys.ForceQuit) {
			// ctrl+c in the quit dialog quits for real; in any other
			// dialog it asks, like everywhere else.
			if _, ok := m.dlg.(*quitDialog); ok {
				return m.quitCmd()
			}
			under := m.dlg
			m.dlg = nil
			cmd := m.quit()
			if q, ok := m.dlg.(*quitDialog); ok {
				q.under = under // staying brings the dialog back
			}
			return cmd
		}
		acts, cmd := m.dlg.update(msg)
		return tea.Batch(cmd, m.apply(acts))
	}
	s := m.screen()
	if m.notes != nil {
		// The notes box takes every key but ctrl+c.
		if key.Matches(msg, m.keys.ForceQuit) {
			return m.quit()
		}
		m.status = ""
		acts, cmd := m.notes.update(msg)
		return tea.Batch(cmd, m.apply(acts))
	}
	// ctrl+c always reaches us; q and ? only when not typing into a field.
	if key.Matches(msg, m.keys.ForceQuit) || (!s.typing() && key.Matches(msg, m.keys.Quit)) {
		return m.quit()
	}
	if key.Matches(msg, m.keys.Note) {
		return m.openNotes()
	}
	if !s.typing() && key.Matches(msg, m.keys.Help) {
		m.help.ShowAll = !m.help.ShowAll
		return m.resize()
	}
	m.status = ""
	before, rev := s.focused(), m.c.rev
	acts, cmd := s.update(msg)
	cmds := []tea.Cmd{cmd, m.apply(acts)}
	if m.c.rev == rev && m.screen() == s && s.focused() != before && s.focused() != "" {
		// The cursor moved to another question on the same screen (a form
		// field, a red flag): the draft remembers it as the place to resume.
		cmds = append(cmds, m.notify(false))
	}
	return tea.Batch(cmds...)
}

// quit asks first when there are answers that no saved file holds. The
// draft, if any, is written once more before the program ends.
func (m *Model) quit() tea.Cmd {
	if len(m.c.answers.Values) == 0 && len(m.c.answers.Notes) == 0 || m.savedRev == m.c.rev {
		return m.quitCmd()
	}
	m.dlg = newQuitDialog(m.c, m.draftErr == "")
	return nil
}

// quitCmd ends the program after the draft's last write.
func (m *Model) quitCmd() tea.Cmd {
	if m.c.drafts == nil {
		return tea.Quit
	}
	return tea.Sequence(m.c.drafts.flushCmd(), tea.Quit)
}

// openNotes opens the notes box for the question under the cursor.
func (m *Model) openNotes() tea.Cmd {
	// A note belongs to the question just answered, even where answering
	// moved the cursor on (the red-flag checklist), so "answer, then
	// ctrl+n" on a call files it in the right place.
	id := m.screen().focused()
	if nt, ok := m.screen().(interface{ noteTarget() string }); ok {
		id = nt.noteTarget()
	}
	q := m.c.pack.Question(id)
	if q == nil {
		return nil
	}
	m.status = ""
	m.notes = newNotesBox(m.c, q)
	m.c.noting = q.ID
	return m.notes.focus()
}

// apply carries out actions in order.
func (m *Model) apply(acts []action) tea.Cmd {
	var cmds []tea.Cmd
	for _, a := range acts {
		switch a := a.(type) {
		case setAnswer:
			if old, ok := m.c.answers.Get(a.id); ok && sameValue(old, a.v) {
				continue // choosing what was chosen changes nothing
			}
			m.c.answers.Set(a.id, a.v)
			cmds = append(cmds, m.changed())
		case setNote:
			if m.c.answers.Notes[a.id] != a.note {
				m.c.answers.SetNote(a.id, a.note)
				cmds = append(cmds, m.changed())
			}
		case closeNotes:
			m.notes, m.c.noting = nil, ""
		case copySummary:
			cmds = append(cmds, m.copySummary())
		case clearAnswer:
			if _, ok := m.c.answers.Get(a.id); ok {
				m.c.answers.Clear(a.id)
				cmds = append(cmds, m.changed())
			}
		case goNext:
			if m.c.editing {
				cmds = append(cmds, m.goTo(indexOf(m.steps, "review"), m.screen().focused()))
			} else {
				cmds = append(cmds, m.goTo(m.cur+1, ""))
			}
		case goBack:
			if m.c.editing {
				cmds = append(cmds, m.goTo(indexOf(m.steps, "review"), m.screen().focused()))
			} else if m.cur > 0 {
				// Going back lands on the last question of the screen
				// before, as if stepping back through it.
				prev, focus := m.steps[m.cur-1], ""
				if n := len(prev.questions); n > 0 {
					focus = prev.questions[n-1].ID
				}
				cmds = append(cmds, m.goTo(m.cur-1, focus))
			}
		case jumpTo:
			if i := stepOf(m.steps, a.id); i >= 0 {
				cmds = append(cmds, m.goTo(i, a.id))
				m.c.editing = true
			}
		case openSave:
			m.dlg = newSaveDialog(m.c)
		case closeDlg:
			m.dlg = nil
		case reopenDlg:
			m.dlg = a.d
		case dropDraft:
			if m.c.drafts != nil {
				cmds = append(cmds, m.c.drafts.remove())
			}
		case quitNow:
			cmds = append(cmds, m.quitCmd())
		case saveToFile:
			cmds = append(cmds, saveCmd(m.c, a.kind, a.path, a.overwrite))
		}
	}
	return tea.Batch(cmds...)
}

// changed is the one place that follows every change of the answers: it
// rebuilds the steps (a `when` may now hold or not), rescores in a command
// and saves the draft through notify.
func (m *Model) changed() tea.Cmd {
	m.c.rev++
	key := m.steps[m.cur].key
	focus := m.screen().focused()
	m.steps = buildSteps(m.c.pack, m.c.answers)
	if i := indexOf(m.steps, key); i >= 0 {
		m.cur = i
	} else {
		m.cur = min(m.cur, len(m.steps)-1)
	}
	var reenter tea.Cmd
	if m.dropStaleScreens() {
		// The screen in use was built for other questions: build it
		// again and put the focus back where it was.
		reenter = m.screen().enter(focus)
	}
	if r, ok := m.screens["review"].(*reviewScreen); ok {
		r.steps = m.steps
	}
	return tea.Batch(reenter, scoreCmd(m.c.pack, m.c.answers.Clone(), m.c.rev), m.notify(true))
}

// dropStaleScreens forgets kept screens whose step now holds other
// questions, and reports whether the current step's screen was one.
func (m *Model) dropStaleScreens() bool {
	current := false
	for k, built := range m.builtFor {
		i := indexOf(m.steps, k)
		if i >= 0 && questionIDs(m.steps[i]) == built {
			continue
		}
		delete(m.screens, k)
		delete(m.builtFor, k)
		current = current || k == m.steps[m.cur].key
	}
	return current
}

// questionIDs names a step's questions, to tell when they change.
func questionIDs(st step) string {
	ids := make([]string, len(st.questions))
	for i, q := range st.questions {
		ids[i] = q.ID
	}
	return strings.Join(ids, ",")
}

// notify saves the draft and calls the OnChange hook, with a copy that
// remembers where we are. changed is false for a mere move, which is
// written only once there is a draft to keep up to date. On the review
// and the summary the question last shown is kept as the place to resume.
func (m *Model) notify(changed bool) tea.Cmd {
	if id := m.screen().focused(); id != "" {
		m.c.answers.ResumeAt = id
	}
	var cmds []tea.Cmd
	if m.c.drafts != nil {
		cmds = append(cmds, m.c.drafts.queue(m.c.answers, changed))
	}
	if m.opts.OnChange != nil {
		cmds = append(cmds, m.opts.OnChange(m.c.answers.Clone()))
	}
	return tea.Batch(cmds...)
}

// drafted shows how a write of the draft went: a failure stays on screen,
// saying why and where, until a later write succeeds.
func (m *Model) drafted(msg draftMsg) {
	if msg.seq < m.draftSeq {
		return
	}
	m.draftSeq = msg.seq
	p := m.c.pack
	switch {
	case msg.removed && msg.err != nil:
		m.status = p.Tf("ui.draft.not-removed", "path", tildePath(msg.path), "reason", fileio.Explain(msg.err))
	case msg.removed:
		m.draftErr = ""
		if m.status != "" {
			m.status += " " + p.T("ui.draft.removed")
		}
	case msg.err != nil:
		m.draftErr = p.Tf("ui.draft.failed", "path", tildePath(msg.path), "reason", fileio.Explain(msg.err))
	default:
		m.draftErr = ""
	}
}

// copySummary puts the summary's plain markdown on the clipboard with OSC
// 52, which the terminal carries out (locally, even over ssh).
func (m *Model) copySummary() tea.Cmd {
	p, a := m.c.pack, m.c.answers
	md := summary.Markdown(p, a, checklist.Evaluate(p, a), summary.Options{Date: m.c.now()})
	// OSC 52 is sent to the terminal, which may drop it (tmux does unless
	// set-clipboard is on): say it was sent, how to make sure, and that
	// saving always works.
	m.status = m.c.pack.T("ui.summary.copied")
	if m.opts.InTmux {
		m.status = m.c.pack.T("ui.summary.copied-tmux")
	}
	return tea.SetClipboard(md)
}

func scoreCmd(p *checklist.Pack, a *checklist.Answers, rev int) tea.Cmd {
	return func() tea.Msg { return scoredMsg{rev: rev, result: checklist.Evaluate(p, a)} }
}

// goTo makes step i current, focusing question focus.
func (m *Model) goTo(i int, focus string) tea.Cmd {
	if i < 0 || i >= len(m.steps) {
		return nil
	}
	m.c.editing = false
	m.cur = i
	s := m.screen()
	bw, bh := m.bodySize()
	s.setSize(bw, bh)
	return tea.Batch(s.enter(focus), m.notify(false))
}

// saved follows a save from the dialog. Once the summary or the answers
// are in a file the draft has done its job and is removed; after the
// summary, the dialog offers to save the answers too.
func (m *Model) saved(msg savedMsg) tea.Cmd {
	d, ok := m.dlg.(*saveDialog)
	if !ok {
		return nil
	}
	if msg.err != nil {
		d.failed(msg)
		return nil
	}
	m.c.savedKinds[msg.kind] = m.c.rev
	m.status = m.c.pack.Tf(msg.kind.done(), "path", msg.path)
	m.dlg = nil
	if msg.kind == saveJSON {
		return nil
	}
	if msg.kind == saveAnswers {
		m.c.answersFile = msg.path
	}
	m.savedRev = m.c.rev
	if msg.kind == saveSummary {
		if rev, ok := m.c.savedKinds[saveAnswers]; !ok || rev != m.c.rev {
			// Keep the draft until the answers are saved or declined: a
			// summary alone cannot be resumed.
			m.dlg = newAnswersOffer(m.c, msg.path)
			return nil
		}
	}
	if m.c.drafts != nil {
		return m.c.drafts.remove()
	}
	return nil
}

func (m *Model) setTheme(dark bool) tea.Cmd {
	if dark == m.c.theme.isDark {
		return nil
	}
	m.c.theme = newTheme(dark, m.opts.NoColor)
	m.help.Styles = m.c.theme.help
	return m.resize()
}

// resize tells the current screen its size; others learn it on entry.
func (m *Model) resize() tea.Cmd {
	bw, bh := m.bodySize()
	s := m.screen()
	s.setSize(bw, bh)
	if r, ok := s.(refresher); ok {
		return r.refresh()
	}
	return nil
}

// refresher is a screen with work to redo when its size or the theme
// changes (the summary's rendering).
type refresher interface{ refresh() tea.Cmd }

// Layout.
const (
	panelWidth = 30  // the live side panel, border included
	panelMin   = 100 // the panel shows from this terminal width
	singleCol  = 60  // below this, no side-by-side anything
)

func (m *Model) margin() int {
	if m.width >= 30 {
		return 1
	}
	return 0
}

// showPanel reports whether the live side panel fits beside the screen.
func (m *Model) showPanel() bool {
	return m.width >= panelMin && m.steps[m.cur].kind != stepSummary && m.height >= 12
}

// bodySize is the cells a screen has: the window less the header, the
// help and the side panel.
func (m *Model) bodySize() (int, int) {
	return m.bodySizeWith(m.footerHeight())
}

func (m *Model) bodySizeWith(footer int) (int, int) {
	w := m.width - 2*m.margin()
	if m.showPanel() {
		w -= panelWidth + 2
	}
	return max(w, 1), max(m.height-m.chromeHeight(footer), 1)
}

// chromeHeight counts the lines around the body: header, gaps and the
// footer (status and help).
func (m *Model) chromeHeight(footer int) int {
	if m.height < 6 {
		return 1 // the header only
	}
	n := 1 + footer
	if m.height >= 12 {
		n++ // blank line under the header
	}
	if m.height >= 16 {
		n++ // blank line over the help
	}
	return n
}

// View draws the frame: header, the screen (or dialog), the side panel and
// the key help. Every line is cut to the window, so nothing ever wraps.
func (m *Model) View() tea.View {
	v := tea.NewView(m.render())
	v.AltScreen = true
	v.WindowTitle = m.c.pack.T("ui.app")
	return v
}

func (m *Model) render() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	// The footer is built once per frame: help.ShortHelpView is not free.
	var footer []string
	if m.height >= 6 {
		footer = append(m.statusLines(), m.helpView()...)
	}
	bw, bh := m.bodySizeWith(len(footer))
	var lines []string
	switch {
	case m.dlg != nil:
		lines = clipLines(m.dlg.view(bw), bw, bh)
	case m.notes != nil:
		// The question stays in view above the notes box.
		// The box follows the question, a blank line apart when it fits.
		nh := min(m.notes.height(bh), bh)
		if sh := bh - nh; sh > 0 {
			lines = clipLines(m.screen().view(bw, sh), bw, sh)
			for len(lines) > 0 && lines[len(lines)-1] == "" {
				lines = lines[:len(lines)-1]
			}
			if len(lines) < sh {
				lines = append(lines, "")
			}
		}
		lines = append(lines, m.notes.view(bw, bh)...)
	default:
		if s, ok := m.screen().(fitter); ok {
			lines = s.fitted(bw, bh)
		} else {
			lines = clipLines(m.screen().view(bw, bh), bw, bh)
		}
	}
	if m.showPanel() {
		lines = joinCols(lines, bw, m.panel(bh), 2)
	}
	fw := max(m.width-2*m.margin(), 1)
	out := make([]string, 0, m.height)
	out = append(out, clipLine(m.header(), fw))
	if m.height >= 12 {
		out = append(out, "")
	}
	out = append(out, lines...)
	// Push the footer to the bottom lines.
	for len(out) < m.height-len(footer) {
		out = append(out, "")
	}
	for _, l := range footer {
		out = append(out, clipLine(l, fw))
	}
	if len(out) > m.height {
		out = out[:m.height]
	}
	if mg := m.margin(); mg > 0 {
		pad := strings.Repeat(" ", mg)
		for i, l := range out {
			if l != "" {
				out[i] = pad + l
			}
		}
	}
	return strings.Join(out, "\n")
}

// fitter is a screen whose view already fits its size, so the frame need
// not measure every line again (the summary's long styled lines).
type fitter interface{ fitted(w, h int) []string }

func (m *Model) footerHeight() int {
	if m.height < 6 {
		return 0
	}
	return len(m.helpView()) + len(m.statusLines())
}

// statusLines are the draft's error, if any (at most four lines), and the
// status message (at most three).
func (m *Model) statusLines() []string {
	w := m.width - 2*m.margin()
	var out []string
	if m.draftErr != "" {
		// Why and where matter more than the screen's last lines.
		lines := wrap(m.c.theme.errText, "✘ "+m.draftErr, w)
		out = append(out, lines[:min(len(lines), 4)]...)
	}
	if m.status != "" {
		lines := wrap(m.c.theme.okText, m.status, w)
		out = append(out, lines[:min(len(lines), 3)]...)
	}
	return out
}

// header is "vetcircle  Section · step n of m".
func (m *Model) header() string {
	t := m.c.theme
	st := m.steps[m.cur]
	name := m.c.pack.T("ui.summary.step")
	switch {
	case st.section != nil:
		name = st.section.Title
	case st.kind == stepReview:
		name = m.c.pack.T("ui.review.title")
	}
	n, total := strconv.Itoa(m.cur+1), strconv.Itoa(len(m.steps))
	step := m.c.pack.Tf("ui.step", "n", n, "m", total)
	app := t.app.Render(m.c.pack.T("ui.app")) + " "
	if m.width < singleCol {
		// Narrow: the section and where we are matter more than our name.
		app, step = "", n+"/"+total
	}
	h := app + t.section.Render(name) + t.progress.Render(" · "+step)
	if m.c.editing && m.width >= singleCol {
		hint := m.c.pack.T("ui.editing")
		if ansi.StringWidth(h)+2+ansi.StringWidth(hint) > m.width-1 {
			// Make room: our name goes before the hint is cut.
			h = t.section.Render(name) + t.progress.Render(" · "+step)
		}
		room := m.width - 1 - ansi.StringWidth(h) - 2
		h += "  " + t.warn.Render(ansi.Truncate(hint, max(room, 0), "…"))
	} else if live := m.liveStatus(); live != "" && !m.showPanel() && st.kind != stepSummary {
		// A running verdict at every width the side panel does not cover:
		// a coordinator on a laptop hears of a critical red flag at once.
		room := m.width - 2*m.margin() - 1
		if ansi.StringWidth(h)+2+ansi.StringWidth(live) <= room {
			h += strings.Repeat(" ", room-ansi.StringWidth(h)-ansi.StringWidth(live)) + live
		}
	}
	return h
}

// liveStatus is the header's running verdict: the badge, and the red flags
// confirmed so far.
func (m *Model) liveStatus() string {
	if m.width < singleCol {
		return ""
	}
	t := m.c.theme
	r := m.c.result
	s := t.verdict(r.Verdict).Render(summary.VerdictBadge(m.c.pack, r.Verdict))
	if n := len(r.RedFlags); n > 0 {
		s += " " + t.bad.Bold(true).Render("✘ "+m.c.pack.Tf("ui.panel.flags", "n", strconv.Itoa(n)))
	}
	return s
}

// helpView is the key help: one line, or the full help's columns.
func (m *Model) helpView() []string {
	var km help.KeyMap
	switch {
	case m.dlg != nil:
		km = m.dlg.keyMap()
	case m.notes != nil:
		km = m.notes.keyMap()
	default:
		km = m.screen().keyMap()
	}
	m.help.SetWidth(max(m.width-2*m.margin(), 1))
	// The dialog takes every key, and a text field takes q and ?: then
	// only ctrl+c quits. Notes can be taken on any question.
	var global []key.Binding
	if m.dlg == nil && m.notes == nil && m.screen().focused() != "" {
		global = append(global, m.keys.Note)
	}
	if m.dlg != nil || m.notes != nil || m.screen().typing() {
		global = append(global, m.keys.ForceQuit)
	} else {
		global = append(global, m.keys.Help, m.keys.Quit)
	}
	groups := [][]key.Binding{append(km.ShortHelp(), global...)}
	if m.help.ShowAll {
		groups = append(km.FullHelp(), global)
	}
	if m.atStart() && m.dlg == nil && m.notes == nil {
		groups = withoutBack(groups) // there is nothing before the first question
	}
	// Rendering the help is a good share of a frame; it changes only with
	// the keys, the width and the theme.
	var sig strings.Builder
	fmt.Fprintf(&sig, "%d/%t/%p", m.help.Width(), m.help.ShowAll, m.c.theme)
	for _, g := range groups {
		sig.WriteByte('|')
		for _, b := range g {
			if b.Enabled() {
				sig.WriteString(b.Help().Key + "=" + b.Help().Desc + ";")
			}
		}
	}
	if m.helpCache.key == sig.String() {
		return m.helpCache.lines
	}
	groups = keyWords(m.c.pack, groups)
	var lines []string
	if m.help.ShowAll {
		lines = strings.Split(m.help.FullHelpView(groups), "\n")
	} else {
		lines = []string{m.help.ShortHelpView(groups[0])}
	}
	m.helpCache.key, m.helpCache.lines = sig.String(), lines
	return lines
}

// sameValue reports whether two answers are the same answer.
func sameValue(a, b checklist.Value) bool {
	return a.Choice == b.Choice && a.Number == b.Number && a.Text == b.Text &&
		slices.Equal(a.List, b.List) && (a.List == nil) == (b.List == nil) &&
		slices.Equal(a.Unsure, b.Unsure) &&
		(a.Upper == nil) == (b.Upper == nil) && (a.Upper == nil || *a.Upper == *b.Upper)
}

// atStart reports whether the very first question has the focus, where
// going back has nowhere to go.
func (m *Model) atStart() bool {
	first := m.steps[0]
	return m.cur == 0 && len(first.questions) > 0 && m.screen().focused() == first.questions[0].ID
}

// withoutBack drops the "back" binding (esc) from help groups.
func withoutBack(groups [][]key.Binding) [][]key.Binding {
	out := make([][]key.Binding, len(groups))
	for i, g := range groups {
		for _, b := range g {
			if !slices.Contains(b.Keys(), "esc") {
				out[i] = append(out[i], b)
			}
		}
	}
	return out
}
