package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/vetcircle/vetcircle/internal/accessible"
	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/mdrender"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/people"
	"github.com/vetcircle/vetcircle/internal/register"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/summary"
	"github.com/vetcircle/vetcircle/internal/textclean"
	"github.com/vetcircle/vetcircle/internal/ui"
)

type checkinOptions struct {
	felt, date, note, distress string
	signs, seen                []string
	// newCircle starts a circle that is not in the register yet.
	newCircle bool
	// alias is --for: whose check-in (default: the user's own).
	alias string
	provenanceOptions
}

func newCheckinCmd(e env) *cobra.Command {
	var o checkinOptions
	cmd := &cobra.Command{
		Use: "checkin CIRCLE [--felt better|same|worse]",
		Example: `  vetcircle checkin --new "Thursday KAP Circle" --felt worse --sign performing --seen allows-advice
  vetcircle checkin "thursday kap circle" --felt better --seen holds-time --note "Good round tonight"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ce, err := prepare(cmd, e, needs{pack: true, register: true})
			if err != nil {
				return err
			}
			return runCheckin(cmd, ce, o, args[0])
		},
	}
	cmd.Flags().StringVar(&o.felt, "felt", "", "")
	cmd.Flags().StringVar(&o.date, "date", "", "")
	cmd.Flags().StringArrayVar(&o.signs, "sign", nil, "")
	cmd.Flags().StringArrayVar(&o.seen, "seen", nil, "")
	cmd.Flags().StringVar(&o.distress, "distress", "", "")
	cmd.Flags().StringVar(&o.note, "note", "", "")
	cmd.Flags().BoolVar(&o.newCircle, "new", false, "")
	addForFlag(cmd, &o.alias)
	addProvenanceFlags(cmd, &o.provenanceOptions, false)
	return addPackFlags(cmd)
}

func runCheckin(cmd *cobra.Command, ce cmdEnv, o checkinOptions, circle string) error {
	e, p := ce.env, ce.pack
	if o.date == "" {
		o.date = time.Now().Format(time.DateOnly)
	}
	// Flags are checked before anything is asked, so no one answers the
	// questions only to be told a flag was wrong.
	now := time.Now()
	var aliasErr error
	if o.alias != "" {
		aliasErr = people.CheckAlias(o.alias)
	}
	if err := errors.Join(checkCheckinFlags(p, o, now), o.provenanceOptions.check(now), register.CheckName(circle), aliasErr); err != nil {
		return badInput(err)
	}
	// Which circle, before anything is asked: a name that finds none, or
	// several, is refused now, not after every question was answered, and
	// nothing is written.
	g, err := ce.register()
	if err != nil {
		return err
	}
	kc, err := findCircle(g, circle)
	var nf *register.NotFoundError
	screen := o.felt == "" && !accessibleMode(cmd, e).on && e.isTTY && e.stdinTTY
	if err != nil && !o.newCircle && screen && errors.As(err, &nf) {
		// On a terminal, a name that finds no circle is a choice to make,
		// not a dead end: the close names, or a new circle on purpose.
		var names []string
		for _, c := range nf.Similar {
			names = append(names, c.Name)
		}
		switch i, perr := circlePicker(p, circle, names); {
		case perr != nil:
			return perr
		case i >= 0 && i < len(nf.Similar):
			kc, err = nf.Similar[i], nil
		case i == ui.PickNew:
			o.newCircle = true
		default:
			fmt.Fprintln(e.stderr, p.T("a11y.checkin.nothing-kept"))
			return badInput(errQuiet)
		}
	}
	switch {
	case err != nil && o.newCircle && errors.As(err, &nf):
		kc = register.Circle{Name: strings.TrimSpace(circle)}
	case err != nil && errors.As(err, &nf):
		return badInput(msg.Wrap(err, "cli.err.checkin-new", "reason", err, "name", strconv.Quote(textclean.CleanLine(circle))))
	case err != nil:
		return err
	}
	circle = kc.Name
	c := &checklist.Checkin{Circle: circle, Date: o.date, Felt: o.felt,
		Signs: append([]string{}, o.signs...), Seen: append([]string{}, o.seen...), Distress: o.distress, Note: textclean.Clean(o.note)}
	if o.felt == "" && !accessibleMode(cmd, e).on {
		// A terminal: the check-in on one screen.
		asked, err := checkinScreen(p, circle)
		if err != nil {
			return err
		}
		if asked == nil {
			fmt.Fprintln(e.stderr, p.T("a11y.checkin.nothing-kept"))
			return badInput(errQuiet)
		}
		asked.Date = o.date
		c = asked
	} else if o.felt == "" && e.stdin != nil {
		// No --felt: ask, one line at a time, in a terminal or from a pipe
		// (a screen reader reads it as it comes). The flags' answers are
		// the starting point only for the date.
		asked, err := accessible.Checkin(p, e.stdin, e.stdout, circle, accessible.Options{Echo: !e.stdinTTY})
		if err != nil {
			return badInput(err)
		}
		asked.Date = o.date
		c = asked
		fmt.Fprintln(e.stdout)
	}
	if o.source == "" {
		o.source = "session"
	}
	c.Circle = circle
	c.Recorded = o.provenanceOptions.provenance(e, p, checklist.Provenance{}, now)
	// The file format's own checks, so what is kept reads back.
	if _, err := checklist.ParseCheckin(p, "check-in", checklist.MarshalCheckin(c)); err != nil {
		return badInput(err)
	}
	s, who, err := ensurePerson(g, o.alias)
	if err != nil {
		return err
	}
	if kc.ID == "" { // --new, and only now that there is something to keep
		if kc, err = g.Ensure(circle); err != nil {
			return err
		}
	}
	// The check-in to the person's record; what was seen of the circle to
	// the circle's, with the date and nothing else.
	path, err := s.AddCheckin(who, kc, c, now)
	if err != nil {
		return err
	}
	markKept(e, path)
	if seen, err := g.AddSeen(p, kc, c.Date, p.CheckinObservations(c), now); err != nil {
		return err
	} else if seen != "" {
		markKept(e, seen)
	}
	fmt.Fprintln(e.stdout, p.Tf("checkin.kept", "path", displayName(path)))
	return printHistory(e, p, g, s, who, kc, "text", true)
}

// circlePicker asks which circle a check-in is for when its name found
// none: the index of names chosen, ui.PickNew or ui.PickQuit. Tests
// replace it.
var circlePicker = func(p *checklist.Pack, typed string, names []string) (int, error) {
	k := ui.NewCirclePicker(p, typed, names, mdrender.DarkFromEnv(), mdrender.NoColor())
	if _, err := tea.NewProgram(k, programOptions()...).Run(); err != nil {
		return ui.PickQuit, msg.Wrap(err, "cli.err.screen", "reason", err)
	}
	return k.Chosen(), nil
}

// checkinScreen runs the check-in screen; nil when the person left without
// keeping one. Tests replace it.
var checkinScreen = func(p *checklist.Pack, circle string) (*checklist.Checkin, error) {
	k := ui.NewCheckin(p, circle, mdrender.DarkFromEnv(), mdrender.NoColor())
	if _, err := tea.NewProgram(k, programOptions()...).Run(); err != nil {
		return nil, msg.Wrap(err, "cli.err.screen", "reason", err)
	}
	return k.Result(), nil
}

// checkCheckinFlags names the flag that is wrong and what it takes.
func checkCheckinFlags(p *checklist.Pack, o checkinOptions, now time.Time) error {
	var errs []error
	if o.felt == "" && (len(o.signs) > 0 || len(o.seen) > 0 || o.distress != "" || o.note != "") {
		errs = append(errs, msg.New("cli.err.needs-felt"))
	}
	if o.felt != "" && !slices.Contains([]string{checklist.FeltBetter, checklist.FeltSame, checklist.FeltWorse}, o.felt) {
		errs = append(errs, msg.New("cli.err.felt", "value", strconv.Quote(textclean.CleanLine(o.felt))))
	}
	// A session not yet held would stand as the latest one and hide the
	// real latest; one in year 1 would count as years of sessions.
	if err := checkDate("--date", o.date, now); err != nil {
		errs = append(errs, err)
	}
	if o.distress != "" && o.distress != checklist.Yes && o.distress != checklist.No {
		errs = append(errs, msg.New("cli.err.distress", "value", strconv.Quote(textclean.CleanLine(o.distress))))
	}
	allowed := func(ids ...string) []string {
		var out []string
		for _, id := range ids {
			if q := p.Question(id); q != nil {
				out = append(out, q.OptionIDs()...)
			}
		}
		return out
	}
	for _, f := range []struct {
		flag   string
		values []string
		ok     []string
	}{
		{"--sign", o.signs, allowed("leave-signs")},
		{"--seen", o.seen, allowed("facilitation-good", "facilitation-poor")},
	} {
		for _, v := range f.values {
			if !slices.Contains(f.ok, v) {
				errs = append(errs, msg.New("cli.err.not-an-option", "flag", f.flag, "value", strconv.Quote(textclean.CleanLine(v)), "allowed", strings.Join(f.ok, ", ")))
			}
		}
	}
	return errors.Join(errs...)
}

func newHistoryCmd(e env) *cobra.Command {
	var format, alias string
	cmd := &cobra.Command{
		Use:  "history CIRCLE",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ce, err := prepare(cmd, e, needs{formats: []string{"table", "text", "json"}, pack: true, register: true})
			if err != nil {
				return err
			}
			e, p, format := ce.env, ce.pack, ce.format
			if err := register.CheckName(args[0]); err != nil {
				return badInput(err)
			}
			g, err := ce.register()
			if err != nil {
				return err
			}
			c, err := findCircle(g, args[0])
			if err != nil {
				return err
			}
			s, who, err := findPerson(g, alias)
			if err != nil {
				return err
			}
			return printHistory(e, p, g, s, who, c, format, false)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "table", "")
	addForFlag(cmd, &alias)
	return addPackFlags(cmd)
}

// historyJSON is history --format json: stable keys, fields only ever added.
type historyJSON struct {
	// ID is the circle's ID in the register; Circle its name there.
	ID     string `json:"id"`
	Circle string `json:"circle"`
	// For is the person's alias; "" for the user's own record.
	For string `json:"for"`
	// Referral is the referral's steps, oldest first.
	Referral []checklist.Referral `json:"referral"`
	Sessions []checklist.Checkin  `json:"sessions"`
	Stay     *report.Answer       `json:"stay"`
	Headline string               `json:"headline"`
	Crisis   bool                 `json:"crisis"`
	Problems []string             `json:"problems"`
}

func printHistory(e env, p *checklist.Pack, g register.Register, s people.Store, who people.Person, circle register.Circle, format string, brief bool) error {
	hist, problems, err := s.Checkins(p, who, circle)
	if err != nil {
		return err
	}
	for _, pr := range problems {
		fmt.Fprintf(e.stderr, "vetcircle: %s\n", p.Tf("cli.skipped", "file", displayName(pr.File), "reason", textclean.CleanLine(msg.Say(p, pr.Err))))
	}
	referrals, _, _ := s.Referrals(p, who, circle)
	if len(hist) == 0 && len(referrals) == 0 {
		forArg := ""
		if who.Alias != "" {
			forArg = " --for " + textclean.CleanLine(who.Alias)
		}
		return badInput(msg.New("cli.err.no-checkins", "circle", displayName(circle.Name), "name", strconv.Quote(textclean.CleanLine(circle.Name))+forArg))
	}
	// The stay answer over this person's sessions only: the circle's record
	// (with what anyone saw of it) and this person's own answers.
	a, _, seen, err := circleRecord(e, p, g, circle)
	if err != nil {
		fmt.Fprintf(e.stderr, "vetcircle: %s\n", p.Tf("cli.latest-unreadable", "reason", textclean.CleanLine(msg.Say(p, err))))
		a = nil
	}
	mine, _ := s.LatestAnswers(p, who, circle)
	var joined *checklist.Answers
	if a != nil || mine != nil {
		joined = register.PersonAnswers(p, a, mine, seen)
	}
	rep := report.BuildHistory(p, joined, hist, report.Options{Date: time.Now()})
	refLine := referralLine(p, referrals)
	out := bufio.NewWriter(e.stdout)
	if format == "json" {
		j := historyJSON{ID: circle.ID, Circle: circle.Name, For: who.Alias, Referral: referrals, Sessions: hist, Stay: rep.Stay, Crisis: rep.Crisis != nil, Problems: []string{}}
		if j.Sessions == nil {
			j.Sessions = []checklist.Checkin{}
		}
		if j.Referral == nil {
			j.Referral = []checklist.Referral{}
		}
		if rep.Stay != nil {
			j.Headline = rep.Stay.Headline
		}
		for _, pr := range problems {
			j.Problems = append(j.Problems, pr.File)
		}
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(j); err != nil {
			return err
		}
		return out.Flush()
	}
	// The table is for reading on a screen, wrapped to it (80 columns when
	// piped) with each session's details under its date; text is one line
	// per sentence group, for a screen reader.
	width := 80
	if e.isTTY {
		width = max(termWidth(), 40)
	}
	say := func(s string, indent int) {
		if format != "table" {
			fmt.Fprintln(out, s)
			return
		}
		pad := strings.Repeat(" ", indent)
		for i, l := range strings.Split(ansi.Wrap(s, width-indent, ""), "\n") {
			if i > 0 {
				l = pad + l
			}
			fmt.Fprintln(out, strings.TrimRight(l, " "))
		}
	}
	if rep.Crisis != nil {
		say(plainLine(rep.Crisis.Text), 0)
		fmt.Fprintln(out)
	}
	if who.Alias != "" && !brief {
		// Whose sessions these are, after the crisis line: a coordinator
		// reading several people's histories never mixes them up.
		say(p.Tf("history.for", "alias", textclean.CleanLine(who.Alias), "circle", textclean.CleanLine(circle.Name)), 0)
		fmt.Fprintln(out)
	}
	if !brief && len(hist) > 0 {
		glyph := map[string]string{checklist.FeltBetter: "▲", checklist.FeltSame: "■", checklist.FeltWorse: "▼"}
		trend := ""
		for _, c := range hist {
			word := p.T("felt." + c.Felt)
			var line strings.Builder
			head := fmt.Sprintf("%s: %s.", c.Date, word)
			if format == "table" {
				head = fmt.Sprintf("%s  %s %s", c.Date, glyph[c.Felt], word)
				trend += glyph[c.Felt]
			}
			if len(c.Signs) > 0 {
				fmt.Fprintf(&line, " %s: %s.", p.T("history.signs"), labels(p, "leave-signs", c.Signs))
			}
			if len(c.Seen) > 0 {
				fmt.Fprintf(&line, " %s: %s.", p.T("history.seen"), labels(p, "", c.Seen))
			}
			if c.Note != "" {
				fmt.Fprintf(&line, " %s", textclean.CleanLine(c.Note))
			}
			if format != "table" {
				fmt.Fprintln(out, head+line.String())
				continue
			}
			// The details in a column of their own beside the date, glyph and
			// word, the same column for every row.
			wordW := 0
			for _, f := range []string{checklist.FeltBetter, checklist.FeltSame, checklist.FeltWorse} {
				wordW = max(wordW, ansi.StringWidth(p.T("felt."+f)))
			}
			indent := min(ansi.StringWidth("2006-01-02  ▼ ")+wordW+2, width/2)
			pad := strings.Repeat(" ", indent)
			details := strings.Split(ansi.Wrap(strings.TrimSpace(line.String()), max(width-indent, 10), ""), "\n")
			for i, l := range details {
				prefix := pad
				if i == 0 {
					prefix = head + strings.Repeat(" ", max(indent-ansi.StringWidth(head), 1))
				}
				fmt.Fprintln(out, strings.TrimRight(prefix+l, " "))
			}
		}
		if format == "table" {
			fmt.Fprintf(out, "\n%s %s\n", p.T("history.trend"), trend)
		}
		fmt.Fprintln(out)
	}
	if rep.Stay != nil && len(hist) > 0 {
		say(rep.Stay.Headline, 0)
		for _, reason := range rep.Stay.Further {
			say("- "+reason.Text, 2)
		}
	}
	if refLine != "" && !brief {
		if len(hist) > 0 {
			fmt.Fprintln(out)
		}
		say(refLine, 0)
	}
	return out.Flush()
}

// labels names option IDs as the pack words them; question "" looks in the
// facilitation questions.
func labels(p *checklist.Pack, question string, ids []string) string {
	qs := []string{question}
	if question == "" {
		qs = []string{"facilitation-good", "facilitation-poor"}
	}
	var out []string
	for _, id := range ids {
		label := id
		for _, qid := range qs {
			if q := p.Question(qid); q != nil && q.Option(id) != nil {
				label = summary.OptionLabel(p, q, id)
			}
		}
		out = append(out, label)
	}
	return strings.Join(out, "; ")
}

// plainLine drops markdown marks from a pack sentence for plain output.
func plainLine(s string) string { return strings.NewReplacer("**", "", "`", "").Replace(s) }
