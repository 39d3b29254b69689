package cli

import (
	"bufio"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/people"
	"github.com/vetcircle/vetcircle/internal/register"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// forFlag is --for ALIAS: whose record a command reads or writes. Without
// it, the user's own record.
const forFlag = "for"

func addForFlag(cmd *cobra.Command, alias *string) {
	cmd.Flags().StringVar(alias, forFlag, "", "")
}

// peopleFor is the store of person records that goes with register g: in
// the user's data folder, beside the register's default folder, and never
// inside g (a register may be shared).
func peopleFor(g register.Register) (people.Store, error) {
	s, err := people.Default()
	if err != nil {
		return s, err
	}
	if err := s.CheckOutside(g.Dir); err != nil {
		return s, badInput(err)
	}
	return s, nil
}

// splitPeople moves the person parts of a register written before circles
// and people were kept apart to the user's own record (once; see
// register.SplitPeople), saying so on standard error.
func splitPeople(e env, p *checklist.Pack, g register.Register) {
	s, err := peopleFor(g)
	if err != nil {
		return // said when a command needs the records
	}
	n, problems, err := g.SplitPeople(p, s.Sink())
	if err != nil {
		fmt.Fprintf(e.stderr, "vetcircle: %s\n", textclean.CleanLine(msg.Say(p, err)))
		return
	}
	if n > 0 {
		fmt.Fprintf(e.stderr, "vetcircle: %s\n", p.Tf("cli.people.moved", "n", strconv.Itoa(n), "dir", displayName(s.Dir)))
	}
	for _, pr := range problems {
		fmt.Fprintf(e.stderr, "vetcircle: %s: %s\n", displayName(pr.File), textclean.CleanLine(msg.Say(p, pr.Err)))
	}
}

// findPerson is the existing record alias names (own when ""): a typo is
// refused with the close aliases, never a new record.
func findPerson(g register.Register, alias string) (people.Store, people.Person, error) {
	s, err := peopleFor(g)
	if err != nil {
		return s, people.Person{}, err
	}
	who, err := s.Find(alias)
	if err != nil {
		return s, who, badInput(err)
	}
	return s, who, nil
}

// ensurePerson is the record alias names, started now if there is none.
func ensurePerson(g register.Register, alias string) (people.Store, people.Person, error) {
	s, err := peopleFor(g)
	if err != nil {
		return s, people.Person{}, err
	}
	who, err := s.Ensure(alias)
	if err != nil {
		return s, who, badInput(err)
	}
	return s, who, nil
}

// kept is what keeping a vetting wrote.
type keptVetting struct {
	// Circle is the circle's record's file; Same is true when it held the
	// same answers as the latest, and nothing was added.
	Circle string
	Same   bool
	// Person is the person's part's file; "" when it held nothing.
	Person string
	// Seen is the file of what was seen of the circle; "" when nothing.
	Seen string
}

// keepVetting keeps a vetting split in two: the circle's part in the
// register, the person's part (with its notes) in the person's record, and
// what the person saw of the circle as seen in a session on the vetting's
// date.
// dated says the date of the call was given (see register.KeepDated).
func keepVetting(p *checklist.Pack, g register.Register, alias string, c register.Circle, a *checklist.Answers, dated bool, now time.Time) (keptVetting, error) {
	var k keptVetting
	circle, person := checklist.SplitAnswers(p, a)
	var s people.Store
	var who people.Person
	if !person.IsEmpty() {
		var err error
		if s, who, err = ensurePerson(g, alias); err != nil {
			return k, err
		}
	}
	var err error
	keep := g.KeepVetting
	if dated {
		keep = g.KeepDated
	}
	if k.Circle, k.Same, err = keep(p, c, circle, now); err != nil {
		return k, err
	}
	if person.IsEmpty() {
		return k, nil
	}
	if k.Person, err = s.KeepAnswers(p, who, c, person, now); err != nil {
		return k, msg.Wrap(err, "cli.err.person-record", "reason", err)
	}
	date := a.Vetted.On
	if date == "" {
		date = now.Format(time.DateOnly)
	}
	if k.Seen, err = g.AddSeen(p, c, date, p.ObservationsOf(person), now); err != nil {
		return k, err
	}
	return k, nil
}

// circleRecord is a register circle's record: its latest vetting's circle
// part and what was seen in sessions, and the vetting's file. nil answers
// when it has no vetting.
func circleRecord(e env, p *checklist.Pack, g register.Register, c register.Circle) (*checklist.Answers, string, []checklist.Seen, error) {
	a, path, err := g.LatestVetting(p, c)
	if err != nil {
		return nil, "", nil, badInput(err)
	}
	seen, problems, err := g.Seen(p, c)
	if err != nil {
		return nil, "", nil, err
	}
	for _, pr := range problems {
		fmt.Fprintf(e.stderr, "vetcircle: %s\n", p.Tf("cli.skipped", "file", displayName(pr.File), "reason", textclean.CleanLine(msg.Say(p, pr.Err))))
	}
	return a, path, seen, nil
}

// seenLines are the circle record's "seen in a session on DATE" lines, in
// the pack's words, newest first.
func seenLines(p *checklist.Pack, seen []checklist.Seen) []string {
	var out []string
	for i := len(seen) - 1; i >= 0; i-- {
		var labels []string
		for _, id := range seen[i].IDs {
			labels = append(labels, optionLabel(p, id))
		}
		out = append(out, p.Tf("circles.seen-on", "date", seen[i].Date, "seen", strings.Join(labels, "; ")))
	}
	return out
}

// optionLabel is an option's label in the pack's words, from whichever
// question has it.
func optionLabel(p *checklist.Pack, id string) string {
	for _, q := range p.Questions {
		if o := q.Option(id); o != nil {
			return o.Label
		}
	}
	return id
}

// referralLine is the latest step of a referral in the pack's words:
// "Referral: declined by the person on 2026-11-02 (note)".
func referralLine(p *checklist.Pack, rs []checklist.Referral) string {
	if len(rs) == 0 {
		return ""
	}
	r := rs[len(rs)-1]
	line := p.Tf("referral."+r.Status, "date", r.Date)
	if r.Status == checklist.ReferralDeclined && r.By != "" {
		line = p.Tf("referral.declined-by-"+r.By, "date", r.Date)
	}
	line = p.T("referral.label") + ": " + line
	if r.Note != "" {
		line += " (" + textclean.CleanLine(r.Note) + ")"
	}
	return line
}

type referralOptions struct {
	alias, status, by, date, note string
}

func newReferralCmd(e env) *cobra.Command {
	var o referralOptions
	cmd := &cobra.Command{
		Use: "referral CIRCLE --status referred|joined|declined|left [--for ALIAS]",
		Example: `  vetcircle referral "Thursday KAP Circle" --for MR --status referred
  vetcircle referral "Thursday KAP Circle" --for MR --status declined --by person --date 2026-11-02 --note "prefers evenings"
  vetcircle referral "Thursday KAP Circle" --for MR`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ce, err := prepare(cmd, e, needs{pack: true, register: true})
			if err != nil {
				return err
			}
			return runReferral(ce, o, args[0])
		},
	}
	addForFlag(cmd, &o.alias)
	cmd.Flags().StringVar(&o.status, "status", "", "")
	cmd.Flags().StringVar(&o.by, "by", "", "")
	cmd.Flags().StringVar(&o.date, "date", "", "")
	cmd.Flags().StringVar(&o.note, "note", "", "")
	return addPackFlags(cmd)
}

func runReferral(ce cmdEnv, o referralOptions, name string) error {
	e := ce.env
	now := time.Now()
	var errs []error
	status := strings.ToLower(strings.TrimSpace(o.status))
	by := strings.ToLower(strings.TrimSpace(o.by))
	if status != "" && !slices.Contains(checklist.ReferralStatuses, status) {
		errs = append(errs, msg.New("cli.err.filter", "flag", "status", "value", displayName(o.status), "allowed", strings.Join(checklist.ReferralStatuses, ", ")))
	}
	if by != "" && !slices.Contains(checklist.ReferralBy, by) {
		errs = append(errs, msg.New("cli.err.filter", "flag", "by", "value", displayName(o.by), "allowed", strings.Join(checklist.ReferralBy, ", ")))
	}
	if by != "" && status != checklist.ReferralDeclined {
		errs = append(errs, msg.New("cli.err.by-needs-declined"))
	}
	if status == "" && (by != "" || o.date != "" || o.note != "") {
		errs = append(errs, msg.New("cli.err.needs-status"))
	}
	if o.date == "" {
		o.date = now.Format(time.DateOnly)
	}
	if err := checkDate("--date", o.date, now); err != nil {
		errs = append(errs, err)
	}
	if o.alias != "" {
		if err := people.CheckAlias(o.alias); err != nil {
			errs = append(errs, err)
		}
	}
	errs = append(errs, register.CheckName(name))
	if err := errors.Join(errs...); err != nil {
		return badInput(err)
	}
	p, g, c, err := kept(ce, name)
	if err != nil {
		return err
	}
	if status == "" {
		s, who, err := findPerson(g, o.alias)
		if err != nil {
			return err
		}
		return printReferrals(e, p, s, who, c)
	}
	s, who, err := ensurePerson(g, o.alias)
	if err != nil {
		return err
	}
	r := &checklist.Referral{Circle: c.Name, Status: status, Date: o.date, By: by, Note: textclean.Clean(o.note)}
	r.Recorded = provenanceOptions{}.provenance(e, p, checklist.Provenance{}, now)
	r.Recorded.On = ""
	if _, err := checklist.ParseReferral(p, "referral", checklist.MarshalReferral(r)); err != nil {
		return badInput(err)
	}
	path, err := s.AddReferral(who, c, r, now)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, p.Tf("checkin.kept", "path", displayName(path)))
	fmt.Fprintln(e.stdout, referralLine(p, []checklist.Referral{*r}))
	return nil
}

func printReferrals(e env, p *checklist.Pack, s people.Store, who people.Person, c register.Circle) error {
	rs, problems, err := s.Referrals(p, who, c)
	if err != nil {
		return err
	}
	for _, pr := range problems {
		fmt.Fprintf(e.stderr, "vetcircle: %s\n", p.Tf("cli.skipped", "file", displayName(pr.File), "reason", textclean.CleanLine(msg.Say(p, pr.Err))))
	}
	out := bufio.NewWriter(e.stdout)
	if len(rs) == 0 {
		fmt.Fprintln(out, p.T("referral.none"))
	}
	for i := range rs {
		fmt.Fprintln(out, referralLine(p, rs[:i+1]))
	}
	return out.Flush()
}

// personReport is circle c judged for a person: the circle's record with
// what was seen, and the person's own answers (fit) over it.
func personReport(p *checklist.Pack, s people.Store, who people.Person, c register.Circle, a *checklist.Answers, seen []checklist.Seen, opt report.Options) (report.Report, *checklist.Answers, error) {
	person, err := s.FitAnswers(p, who, c)
	if err != nil {
		return report.Report{}, nil, err
	}
	merged := register.PersonAnswers(p, a, person, seen)
	// Someone attending: stay is judged over their own sessions there.
	if hist, _, _ := s.Checkins(p, who, c); len(hist) > 0 {
		return report.BuildHistory(p, merged, hist, opt), merged, nil
	}
	return register.PersonReport(p, a, person, seen, opt), merged, nil
}
