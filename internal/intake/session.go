package intake

import (
	"cmp"
	"strings"
	"sync"
	"time"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// Options configure a walkthrough, for both front ends: the full-screen one
// (ui.New) and the line-prompt one (accessible.Run). The zero value is a
// fresh intake with drafts off.
type Options struct {
	// Answers, when not nil, are answers to continue (a resumed draft, a
	// kept vetting): the session edits this value in place and starts at
	// Answers.ResumeAt when that names a question that applies, or the
	// review.
	Answers *checklist.Answers
	// Now is the clock for the summary's date, the default file names and
	// the name of a new draft; nil means time.Now.
	Now func() time.Time
	// Dir is the folder files are saved in when a bare name is given, and
	// the one the save offers name; "" means ".".
	Dir string
	// Drafts, when set, keeps every change of an answer or note in a draft
	// (made on the first real answer) and removes it once the answers are
	// safe in a saved file. nil means drafts are off (--no-draft).
	Drafts *Autosaver
	// OnChange, when set, is called after every change of an answer or
	// note and every move to another question, with a copy of the answers
	// whose ResumeAt names the place to continue from. It must not block.
	OnChange func(*checklist.Answers)
	// Warnings are answers of a resumed draft that these rules do not know,
	// kept in the file; the front ends show them before the first question.
	Warnings checklist.Errors
	// ResultJSON encodes the score as `vetcircle score --format json`
	// writes it, so that the shape is defined in one place. nil leaves
	// JSON out of the save offers.
	ResultJSON Encoder
	// Keep keeps an answers file in the register of vetted circles under
	// the circle's name, with how the answers were gathered (one of
	// checklist.Sources, or ""), and returns the file it wrote; Where
	// names the register's folder before anything is written. nil leaves
	// "keep in my circles" out.
	Keep  func(name, source string, answers []byte) (string, error)
	Where string
	// Revet, when set, makes the walkthrough a re-vet of a kept circle:
	// only the circle's questions are asked (PlanFor), each with its
	// earlier answer and note beside it; Answers should be Revet.Start's.
	Revet *Revet
	// WalkFinished starts a finished answers file (one that names no place
	// to resume) at its first question rather than at the review: a front
	// end with no review screen to edit from (line prompts) walks every
	// answer, enter keeping each.
	WalkFinished bool
}

// Place is where a walkthrough stands: on a question, the review of every
// answer, or the summary.
type Place struct {
	Question string // the question under the cursor; "" on the review and summary
	Review   bool
	Summary  bool
}

// AtQuestion reports whether the place is a question.
func (p Place) AtQuestion() bool { return p.Question != "" }

// Session is one walkthrough, whatever draws it: it owns the answers, the
// cursor, the parsing and checking of what is typed or picked, change
// detection, notes and the question they are about, the resume point, and
// the save kinds with what each writes. The full-screen walkthrough and
// accessible mode are renderers and key or line readers over it, as huh
// drives one form two ways, so the two cannot drift.
//
// A session is used from one goroutine (a front end's update loop); the
// save and draft jobs it hands out take snapshots and may run on others.
type Session struct {
	p    *checklist.Pack
	a    *checklist.Answers
	opts Options

	at Place
	// editing is set while one answer is changed from the review: moving
	// on goes back to the review.
	editing bool
	// last is the question answered last while the user has not moved on
	// by hand, which a note is about (NoteTarget).
	last string
	// rev counts changes to the answers.
	rev int
	// plan is the plan for the answers at revision planRev, kept until the
	// answers change: every step count, move and screen reads it.
	plan    []Section
	planRev int

	mu sync.Mutex // guards what save jobs report back
	// saved records what was saved at which revision of the answers;
	// answersFile is the answers file saved last, which a JSON score names.
	saved       map[SaveKind]int
	answersFile string
	// savedRev is the revision last saved to a summary or answers file.
	savedRev int
}

// NewSession starts a walkthrough over pack p.
func NewSession(p *checklist.Pack, o Options) *Session {
	if o.Now == nil {
		o.Now = time.Now
	}
	o.Dir = cmp.Or(o.Dir, ".")
	a := o.Answers
	if a == nil {
		a = checklist.NewAnswers()
	}
	if a.Version == 0 {
		a.Version = checklist.AnswersVersion
	}
	if o.Drafts != nil {
		o.Drafts.Now = o.Now
	}
	s := &Session{p: p, a: a, opts: o, saved: map[SaveKind]int{}, savedRev: -1, planRev: -1}
	s.at = s.start()
	return s
}

// start is where the walkthrough opens: where a draft stopped (the review
// included), the review for a finished answers file, else the first
// question.
func (s *Session) start() Place {
	switch r := s.a.ResumeAt; {
	case r == checklist.ResumeReview:
		return Place{Review: true}
	case r != "":
		// A question that no longer applies (rules changed since the
		// draft): on from where it stood.
		qs := s.Questions()
		if i := s.index(qs, r); i >= 0 && qs[i].ID == r {
			return Place{Question: r}
		} else if i+1 < len(qs) {
			return Place{Question: qs[i+1].ID}
		}
		return Place{Review: true}
	case s.opts.Answers != nil && !s.opts.WalkFinished && WorthKeeping(s.p, s.a):
		return Place{Review: true}
	}
	return s.first()
}

func (s *Session) first() Place {
	if qs := s.Questions(); len(qs) > 0 {
		return Place{Question: qs[0].ID}
	}
	return Place{Review: true}
}

// Pack is the rules the walkthrough asks.
func (s *Session) Pack() *checklist.Pack { return s.p }

// Answers are the answers as they stand: the session's own value, to read
// only (every change goes through Answer, Clear and Note).
func (s *Session) Answers() *checklist.Answers { return s.a }

// Options are the options the session was made with, defaults filled in.
func (s *Session) Options() Options { return s.opts }

// Now is the session's clock.
func (s *Session) Now() time.Time { return s.opts.Now() }

// Rev counts the changes of answers and notes so far, so renderings know
// when they are stale.
func (s *Session) Rev() int { return s.rev }

// Plan is the sections and questions that apply to the answers so far (in
// a re-vet, only the circle's: PlanFor), shared until the answers change:
// read it, never change it.
func (s *Session) Plan() []Section {
	if s.planRev != s.rev || s.plan == nil {
		s.plan, s.planRev = PlanFor(s.p, s.a, s.opts.Revet), s.rev
	}
	return s.plan
}

// Questions are the planned questions, in order.
func (s *Session) Questions() []*checklist.Question {
	var out []*checklist.Question
	for _, sec := range s.Plan() {
		out = append(out, sec.Questions...)
	}
	return out
}

// Applies reports whether q is asked for the answers so far.
func (s *Session) Applies(q *checklist.Question) bool {
	return AppliesFor(s.p, q, s.a, s.opts.Revet)
}

// AtFirst reports whether the walkthrough stands at its first question.
func (s *Session) AtFirst() bool { return s.at == s.first() }

// Step is the number of the step (from 1) holding question id, and how
// many steps the plan has; Position is id's number within its step and how
// many questions that step asks.
func (s *Session) Step(id string) (n, total int)     { return Step(s.Plan(), id) }
func (s *Session) Position(id string) (n, total int) { return Position(s.Plan(), id) }

// Coordinator reports whether a care coordinator is on a call, which
// changes how questions are worded ("Say:", "Listen for:").
func (s *Session) Coordinator() bool { return checklist.Coordinator(s.a) }

// At is where the walkthrough stands.
func (s *Session) At() Place { return s.at }

// Focus puts the cursor on question id, one the user moved to by hand, so
// a note is about it from now on. (Next and Back are the moves answering
// makes by itself; a note still follows the answer given before them.)
func (s *Session) Focus(id string) {
	if s.at.Question != id {
		s.last = ""
	}
	s.at = Place{Question: id}
}

// MoveTo puts the cursor on question id where answering moved it (the
// next flag of a checklist): a note still follows the answer just given.
func (s *Session) MoveTo(id string) { s.at = Place{Question: id} }

// ToReview and ToSummary move to the review of every answer and to the
// summary; either ends an edit.
func (s *Session) ToReview()  { s.at, s.editing, s.last = Place{Review: true}, false, "" }
func (s *Session) ToSummary() { s.at, s.editing, s.last = Place{Summary: true}, false, "" }

// Edit opens question id from the review: moving on goes back there.
func (s *Session) Edit(id string) {
	s.Focus(id)
	s.editing = true
}

// Editing reports whether one answer is being changed from the review.
func (s *Session) Editing() bool { return s.editing }

// Next moves on: from a question being edited, back to the review; from a
// question, to the next one that applies (the answers so far decide), or
// the review after the last; from the review, to the summary.
func (s *Session) Next() Place {
	switch {
	case s.at.Summary:
	case s.at.Review:
		s.ToSummary()
	case s.editing:
		s.ToReview()
	default:
		qs := s.Questions()
		i := s.index(qs, s.at.Question)
		if i+1 < len(qs) {
			s.at = Place{Question: qs[i+1].ID}
		} else {
			s.ToReview()
		}
	}
	return s.at
}

// Back goes back one question (the last one from the review), or from an
// edit to the review; ok is false at the first question.
func (s *Session) Back() (Place, bool) {
	if s.editing {
		s.ToReview()
		return s.at, true
	}
	qs := s.Questions()
	i := len(qs) // the review and summary come after every question
	if s.at.AtQuestion() {
		i = s.index(qs, s.at.Question)
	}
	if i <= 0 {
		return s.at, false
	}
	s.at = Place{Question: qs[i-1].ID}
	return s.at, true
}

// index is where id stands among qs; a question that no longer applies
// stands where it would in the pack's order.
func (s *Session) index(qs []*checklist.Question, id string) int {
	for i, q := range qs {
		if q.ID == id {
			return i
		}
	}
	order := map[string]int{}
	for i, q := range s.p.Questions {
		order[q.ID] = i
	}
	at, ok := order[id]
	if !ok {
		return -1
	}
	i := 0
	for i < len(qs) && order[qs[i].ID] < at {
		i++
	}
	return i - 1
}

// ResumeAt is the place to continue from, as a draft records it: the
// question under the cursor, or the review (from the review and the
// summary alike).
func (s *Session) ResumeAt() string {
	if s.at.AtQuestion() {
		return s.at.Question
	}
	return checklist.ResumeReview
}

// Answer records v for question id. It reports whether anything changed:
// choosing what was chosen changes nothing (Value.Equal, ranges, unsure
// items and approximations included).
func (s *Session) Answer(id string, v checklist.Value) bool {
	s.last = id
	if old, ok := s.a.Get(id); ok && old.Equal(v) {
		return false
	}
	s.a.Set(id, v)
	s.rev++
	return true
}

// Clear forgets question id's answer ("not asked yet" again).
func (s *Session) Clear(id string) bool {
	if _, ok := s.a.Get(id); !ok {
		return false
	}
	s.a.Clear(id)
	s.rev++
	return true
}

// NoteLimit bounds a note, in characters: a few paragraphs from a call.
const NoteLimit = 2000

// CleanNote is a note as it is kept: cleaned of terminal controls, its
// line breaks kept (CR and CRLF as LF), trimmed.
func CleanNote(text string) string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	return strings.TrimSpace(textclean.Clean(text))
}

// NoteTarget is the question a note taken now is about: the one answered
// last while the user has not moved on by hand (answering often moves on by
// itself), else the one under the cursor (current, as the front end knows
// it: the focused field of a form).
func (s *Session) NoteTarget(current string) string {
	return NoteTarget(s.last, cmp.Or(current, s.at.Question))
}

// Note sets question id's note ("" removes it), cleaned. It reports
// whether the notes changed, and a problem when the note is over the
// limit (nothing is kept then).
func (s *Session) Note(id, text string) (changed bool, problem *Problem) {
	text = CleanNote(text)
	if n := len([]rune(text)); n > NoteLimit {
		return false, &Problem{Kind: TooLong, Limit: NoteLimit}
	}
	if s.a.Notes[id] == text {
		return false, nil
	}
	s.a.SetNote(id, text)
	s.rev++
	return true, nil
}

// Sync hands the answers as they stand, with the place to resume from, to
// the draft and OnChange: after every change (changed) and every move. It
// returns the draft's write for the front end to run (off its update loop,
// or at once), nil when there is none.
func (s *Session) Sync(changed bool) func() Written {
	s.a.ResumeAt = s.ResumeAt()
	var w func() Written
	if s.opts.Drafts != nil {
		w = s.opts.Drafts.Queue(s.a, changed)
	}
	if s.opts.OnChange != nil {
		s.opts.OnChange(s.a.Clone())
	}
	return w
}

// Drafts is the draft keeper, nil when drafts are off.
func (s *Session) Drafts() *Autosaver { return s.opts.Drafts }

// DropDraft returns the removal of the draft once its answers are safe in
// a saved file (nil when drafts are off).
func (s *Session) DropDraft() func() Written {
	if s.opts.Drafts == nil {
		return nil
	}
	return s.opts.Drafts.Remove()
}

// Flush writes the draft's newest state now (on the way out).
func (s *Session) Flush() error {
	if s.opts.Drafts == nil {
		return nil
	}
	return s.opts.Drafts.Flush()
}

// Unsaved reports whether there are answers or notes that no saved
// summary or answers file holds, so that quitting should ask first.
func (s *Session) Unsaved() bool {
	if len(s.a.Values) == 0 && len(s.a.Notes) == 0 {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.savedRev != s.rev
}
