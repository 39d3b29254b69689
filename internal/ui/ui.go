// Package ui is vetcircle's interactive walkthrough: a Bubble Tea program
// that draws the intake core's walkthrough session screen by screen, shows
// a live verdict, and ends on the scored summary, which it can save.
//
// The session (intake.Session) owns the answers, the cursor, parsing, notes,
// the resume point and saving; this package reads keys and draws. The root
// Model owns the screens: each step (form, question, red flags, review,
// summary) is a small model in its own file with its own keys; dialogs
// (save, quit, a resumed draft's notice) sit on top, and the notes box
// opens under the question. Screens never change answers themselves: they
// return actions that the root hands to the session in one place
// (Model.apply), and Model.changed follows every change: it rebuilds the
// steps, rescores in a command and syncs the session (draft, OnChange).
// Scoring, rendering the summary and saving files and drafts run in
// tea.Cmds that report back with messages.
//
// The package holds no rule logic and no prose: questions, options and
// sentences come from the pack (ui.* keys in rules/ui.yaml), and verdicts
// from the report.
package ui

import (
	"cmp"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/internal/report"
)

// Options configure a walkthrough: the walkthrough's own options, shared
// with accessible mode (answers to continue, the clock, the save folder,
// drafts, warnings, the JSON encoder, the register), and how the terminal
// is drawn on. The zero value is a fresh intake with drafts off.
type Options struct {
	intake.Options

	// Coalesce draws at most one frame per FrameInterval: a backlog of
	// keys (a paste into the wrong place, a held key, a slow terminal) is
	// worked off at the speed of Update, not of drawing. Programs set it;
	// tests that read View after every key leave it off.
	Coalesce bool
	// InTmux says the terminal is tmux, which passes a clipboard copy on
	// only with set-clipboard on; the copy message says so.
	InTmux bool
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
	// keys is the whole walkthrough's key map, built once.
	keys *keyMap
	// s is the walkthrough's session: answers, cursor, parsing, notes,
	// resume point and saving live there; screens draw it.
	s       *intake.Session
	pack    *checklist.Pack
	answers *checklist.Answers // s's answers, read only
	theme   *theme
	// rep is the live answers' report: every rendering shows it.
	rep   report.Report
	cache *mdCache
	// noting is the question whose notes box is open, or "".
	noting string
}

// rev counts changes to the answers, so cached renderings know when they
// are stale.
func (c *common) rev() int { return c.s.Rev() }

// now is the walkthrough's clock.
func (c *common) now() time.Time { return c.s.Now() }

// editing reports whether one answer is being changed from the review.
func (c *common) editing() bool { return c.s.Editing() }

// drafts keeps the answers in a draft; nil when drafts are off.
func (c *common) drafts() *intake.Autosaver { return c.s.Drafts() }

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
	quitNow   struct{}
	// copySummary puts the summary markdown on the clipboard.
	// With note, the plain-text note for a health record instead.
	copySummary struct{ note bool }
	saveToFile  struct {
		kind      saveKind
		path      string
		overwrite bool
		// source is how the answers were gathered, and on the date of the
		// call or visit, for a kept vetting.
		source, on string
	}
	// tell puts a line in the status area: something the user did had an
	// effect they could not see, such as text cut at a field's limit.
	tell struct{ text string }
)

// Messages from commands.
type (
	scoredMsg struct {
		rev int
		rep report.Report
	}
	savedMsg struct {
		kind saveKind
		path string
		err  error
	}
)

// top is the dialog on top of the stack, or nil.
func (m *Model) top() dialog {
	if len(m.dlgs) == 0 {
		return nil
	}
	return m.dlgs[len(m.dlgs)-1]
}

// push opens a dialog over whatever is open; pop closes the top one.
func (m *Model) push(d dialog) { m.dlgs = append(m.dlgs, d) }
func (m *Model) pop() {
	if len(m.dlgs) > 0 {
		m.dlgs = m.dlgs[:len(m.dlgs)-1]
	}
}

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
	// dlgs is the stack of open dialogs, the top one last: it takes every
	// key. A quit question asked over the save dialog sits on top of it,
	// and staying pops back to it, half-typed name and all.
	dlgs []dialog
	// notes is the notes editor when open, under the current screen.
	notes  *notesBox
	width  int
	height int
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
	frames     frames
	panelCache panelCache
	helpCache  struct {
		key   string
		lines []string
	}
}

// New returns a walkthrough over pack p.
func New(p *checklist.Pack, opts Options) *Model {
	ws := intake.NewSession(p, opts.Options)
	a := ws.Answers()
	c := &common{keys: newKeyMap(p), s: ws, pack: p, answers: a, theme: newTheme(opts.Dark, opts.NoColor), cache: &mdCache{}}
	c.rep = report.Build(p, a, report.Options{Date: c.now()})
	m := &Model{
		c: c, opts: opts, keys: c.keys.Global, help: help.New(),
		screens: map[string]screen{}, builtFor: map[string]string{}, width: 80, height: 24,
	}
	m.help.Styles = c.theme.help
	m.steps = buildSteps(ws.Plan())
	// The session says where to open: where a draft stopped (the review
	// included), the review for a finished answers file, else the start.
	switch at := ws.At(); {
	case at.Review || at.Summary:
		m.cur = indexOf(m.steps, "review")
	default:
		if i := stepOf(m.steps, at.Question); i >= 0 {
			m.cur = i
		}
	}
	if len(opts.Warnings) > 0 {
		m.push(newNoticeDialog(c, opts.Warnings))
	}
	if r := opts.Revet; r != nil {
		// Said once, as accessible mode says it: what a re-vet asks.
		m.status = p.Tf("ui.revet", "date", cmp.Or(r.On, p.T("report.date-unknown")))
	}
	return m
}

// Answers returns the answers as they stand (the walkthrough's own value).
func (m *Model) Answers() *checklist.Answers { return m.c.answers }

// Result returns the latest score of the answers.
func (m *Model) Result() checklist.Result { return m.c.rep.Result }

// Init asks the terminal for its background and opens the first screen.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.screen().enter(m.c.s.At().Question))
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
