package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/fileio"
	"github.com/vetcircle/vetcircle/internal/handout"
	"github.com/vetcircle/vetcircle/internal/hsds"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/register"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// A circle's service record (how to reach and join it), its export as
// Open Referral HSDS, and the handout a person takes away: the commands
// circles service, circles export and handout.

// serviceOptions are circles service's flags: each sets one field of the
// record; the rest are kept from the current record.
type serviceOptions struct {
	phone, email, website               string
	schedule, weekday, start, frequency string
	languages                           []string
	cost, amount, verified              string
	clear                               []string
}

// serviceFlags names each flag and the record's field it sets, for
// --clear and the help.
var serviceFlags = []string{"phone", "email", "website", "schedule", "weekday", "start", "frequency", "languages", "cost", "amount", "verified"}

func newCirclesServiceCmd(e env) *cobra.Command {
	var o serviceOptions
	cmd := &cobra.Command{
		Use:  "service NAME",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ce, err := prepare(cmd, e, needs{pack: true, register: true})
			if err != nil {
				return err
			}
			return runCirclesService(cmd, ce, args[0], o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.phone, "phone", "", "")
	f.StringVar(&o.email, "email", "", "")
	f.StringVar(&o.website, "website", "", "")
	f.StringVar(&o.schedule, "schedule", "", "")
	f.StringVar(&o.weekday, "weekday", "", "")
	f.StringVar(&o.start, "start", "", "")
	f.StringVar(&o.frequency, "frequency", "", "")
	f.StringSliceVar(&o.languages, "languages", nil, "")
	f.StringVar(&o.cost, "cost", "", "")
	f.StringVar(&o.amount, "amount", "", "")
	f.StringVar(&o.verified, "verified", "", "")
	f.StringSliceVar(&o.clear, "clear", nil, "")
	return cmd
}

// apply sets the fields given on the command line, checking each in
// words, and reports whether any was set.
func (o serviceOptions) apply(cmd *cobra.Command, p *checklist.Pack, s *checklist.Service, now time.Time) (bool, error) {
	var errs []error
	changed := false
	set := func(flag string, dst *string, check func(string) (string, error), value string) {
		if !cmd.Flags().Changed(flag) {
			return
		}
		changed = true
		v, err := check(value)
		if err != nil {
			errs = append(errs, errors.New(p.FieldMessage("--"+flag, err)))
			return
		}
		*dst = v
	}
	oneOf := func(values []string) func(string) (string, error) {
		return func(v string) (string, error) {
			if l := strings.ToLower(strings.TrimSpace(v)); containsStr(values, l) {
				return l, nil
			}
			return "", &checklist.FieldError{Format: "%q is not one of %s", Args: []any{v, strings.Join(values, ", ")}}
		}
	}
	for _, field := range o.clear {
		field = strings.ToLower(strings.TrimSpace(field))
		changed = true
		switch field {
		case "phone":
			s.Contact.Phone = ""
		case "email":
			s.Contact.Email = ""
		case "website":
			s.Contact.Website = ""
		case "schedule":
			s.Schedule.Text = ""
		case "weekday":
			s.Schedule.Weekday = ""
		case "start":
			s.Schedule.Start = ""
		case "frequency":
			s.Schedule.Frequency = ""
		case "languages":
			s.Languages = nil
		case "cost":
			s.Cost = checklist.Cost{}
		case "amount":
			s.Cost.Amount, s.Cost.Upper = nil, nil
		case "verified":
			s.LastVerified = ""
		default:
			errs = append(errs, msg.New("cli.err.filter", "flag", "clear", "value", displayName(field), "allowed", strings.Join(serviceFlags, ", ")))
		}
	}
	set("phone", &s.Contact.Phone, checklist.CheckPhone, o.phone)
	set("email", &s.Contact.Email, checklist.CheckEmail, o.email)
	set("website", &s.Contact.Website, checklist.CheckWebsite, o.website)
	set("schedule", &s.Schedule.Text, checklist.CheckScheduleText, o.schedule)
	set("weekday", &s.Schedule.Weekday, oneOf(checklist.Weekdays), o.weekday)
	set("start", &s.Schedule.Start, checklist.CheckStart, o.start)
	set("frequency", &s.Schedule.Frequency, oneOf(checklist.Frequencies), o.frequency)
	set("cost", &s.Cost.Model, oneOf(checklist.CostModels), o.cost)
	set("verified", &s.LastVerified, checklist.CheckDate, o.verified)
	if cmd.Flags().Changed("languages") {
		changed = true
		var langs []string
		for _, l := range o.languages {
			t, err := checklist.CheckLanguage(l)
			if err != nil {
				errs = append(errs, errors.New(p.FieldMessage("--languages", err)))
				continue
			}
			if !containsStr(langs, t) {
				langs = append(langs, t)
			}
		}
		s.Languages = langs
	}
	if cmd.Flags().Changed("amount") {
		changed = true
		lo, hi, err := checklist.CheckCostAmount(o.amount)
		if err != nil {
			errs = append(errs, errors.New(p.FieldMessage("--amount", err)))
		} else {
			s.Cost.Amount, s.Cost.Upper = &lo, hi
		}
	}
	if err := checklist.CheckCost(s.Cost); err != nil && len(errs) == 0 {
		errs = append(errs, errors.New(p.FieldMessage("--cost", err)))
	}
	if changed && !cmd.Flags().Changed("verified") && !containsStr(o.clear, "verified") {
		s.LastVerified = now.Format(time.DateOnly) // set today: these details were just checked
	}
	return changed, errors.Join(errs...)
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func runCirclesService(cmd *cobra.Command, e cmdEnv, name string, o serviceOptions) error {
	p, g, c, err := kept(e, name)
	if err != nil {
		return err
	}
	s, from, problems := g.Service(p, c)
	for _, pr := range problems {
		fmt.Fprintf(e.stderr, "vetcircle: %s: %s\n", displayName(pr.File), textclean.CleanLine(pr.Err.Error()))
	}
	now := time.Now()
	changed, err := o.apply(cmd, p, &s, now)
	if err != nil {
		return badInput(err)
	}
	if !changed {
		if from == "" {
			_, err := fmt.Fprintln(e.stdout, p.Tf("service.none", "name", displayName(c.Name)))
			return err
		}
		return writeService(e.env, p, c.Name, s)
	}
	path, err := g.AddService(c, s, now)
	if err != nil {
		return err
	}
	markKept(e.env, path)
	if err := writeService(e.env, p, c.Name, s); err != nil {
		return err
	}
	_, err = fmt.Fprintln(e.stdout, p.Tf("checkin.kept", "path", displayName(path)))
	return err
}

// writeService prints a service record as the handout's "how to join"
// lines, in the pack's language.
func writeService(e env, p *checklist.Pack, name string, s checklist.Service) error {
	sec := handout.Join(p, handout.Circle{Name: name, Service: s})
	out := bufio.NewWriter(e.stdout)
	fmt.Fprintln(out, textclean.CleanLine(name))
	for _, it := range sec.Items {
		fmt.Fprintln(out, "  "+textclean.CleanLine(it))
	}
	for _, it := range sec.After {
		fmt.Fprintln(out, textclean.CleanLine(it))
	}
	return out.Flush()
}

// exportOptions are circles export's flags.
type exportOptions struct{ format, output string }

func newCirclesExportCmd(e env) *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:  "export",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ce, err := prepare(cmd, e, needs{formats: []string{"hsds"}, pack: true, register: true})
			if err != nil {
				return err
			}
			return runCirclesExport(ce, o)
		},
	}
	cmd.Flags().StringVarP(&o.format, "format", "f", "hsds", "")
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "")
	return cmd
}

func runCirclesExport(e cmdEnv, o exportOptions) error {
	if o.output != "" {
		if _, err := os.Lstat(o.output); err == nil {
			return badInput(msg.New("cli.err.exists", "file", displayName(o.output)))
		}
	}
	p := e.pack
	g, err := e.register()
	if err != nil {
		return err
	}
	circles, err := exportCircles(e.env, p, g, time.Now())
	if err != nil {
		return err
	}
	data, err := hsds.Marshal(p, circles)
	if err != nil {
		return err
	}
	if o.output == "" {
		_, err = e.stdout.Write(data)
		return err
	}
	if err := fileio.WriteNew(o.output, data); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return badInput(msg.New("cli.err.exists", "file", displayName(o.output)))
		}
		return err
	}
	_, err = fmt.Fprintln(e.stderr, "vetcircle: "+p.Tf("export.written", "n", fmt.Sprint(len(circles)), "path", displayName(o.output)))
	return err
}

// exportCircles reads what the export needs of each circle: its identity,
// its service record told with its latest vetting's answers, the kind of
// circle and where it meets, and the date of that vetting. Files that do
// not read are named on standard error and passed over, and so is a circle
// with neither a vetting nor a service record.
func exportCircles(e env, p *checklist.Pack, g register.Register, now time.Time) ([]hsds.Circle, error) {
	entries, problems, err := g.Circles(p, now)
	if err != nil {
		return nil, err
	}
	for _, pr := range problems {
		fmt.Fprintf(e.stderr, "vetcircle: %s: %s\n", displayName(pr.File), textclean.CleanLine(pr.Err.Error()))
	}
	out := make([]hsds.Circle, 0, len(entries))
	for _, en := range entries {
		if en.Vettings == 0 && en.Service == nil {
			// Known only from someone's check-ins: that says who attends,
			// not what the circle is; nothing to tell a directory.
			continue
		}
		c := register.Circle{ID: en.ID, Name: en.Name, Aliases: en.Aliases, Folder: en.Folder}
		hc := hsds.Circle{ID: en.ID, Name: en.Name}
		a, _, _ := g.LatestVetting(p, c)
		if en.Service != nil {
			hc.Service = *en.Service
		}
		hc.Service = hc.Service.WithAnswers(a)
		hc.Kind, hc.Setting = circleKind(p, a)
		if en.Vetted != nil {
			hc.Checked = en.Vetted.Format(time.DateOnly)
		}
		out = append(out, hc)
	}
	return out, nil
}

// circleKind is the kind of circle in the pack's words and where it meets,
// from a vetting's answers ("" when not answered).
func circleKind(p *checklist.Pack, a *checklist.Answers) (kind, setting string) {
	if v, ok := a.Get("circle-format"); ok {
		if q := p.Question("circle-format"); q != nil {
			if o := q.Option(v.Choice); o != nil {
				kind = o.Label
			}
		}
	}
	if v, ok := a.Get("setting"); ok {
		setting = v.Choice
	}
	return kind, setting
}

// handoutOptions are handout's flags.
type handoutOptions struct{ forAlias, format string }

func newHandoutCmd(e env) *cobra.Command {
	var o handoutOptions
	cmd := &cobra.Command{
		Use:  "handout CIRCLE",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ce, err := prepare(cmd, e, needs{formats: []string{"text", "markdown"}, pack: true, register: true})
			if err != nil {
				return err
			}
			return runHandout(ce, args[0], o)
		},
	}
	addForFlag(cmd, &o.forAlias)
	cmd.Flags().StringVarP(&o.format, "format", "f", "text", "")
	return cmd
}

func runHandout(e cmdEnv, name string, o handoutOptions) error {
	format := e.format
	p, g, c, err := kept(e, name)
	if err != nil {
		return err
	}
	// The person first: an alias that finds no record is refused (with
	// the close ones) before anything is printed.
	ps, who, perr := findPerson(g, o.forAlias)
	if perr != nil && o.forAlias != "" {
		return perr
	}
	a, _, seen, err := circleRecord(e.env, p, g, c)
	if err != nil {
		return err
	}
	s, _, problems := g.Service(p, c)
	for _, pr := range problems {
		fmt.Fprintf(e.stderr, "vetcircle: %s: %s\n", displayName(pr.File), textclean.CleanLine(pr.Err.Error()))
	}
	hc := handout.Circle{Name: c.Name, Service: s.WithAnswers(a)}
	_, hc.Setting = circleKind(p, a)
	if a != nil || len(seen) > 0 {
		// The circle's record, with what was seen of it in sessions: its
		// confirmed red flags open the sheet.
		for _, f := range register.CircleReport(p, a, seen, report.Options{}).RedFlags {
			hc.RedFlags = append(hc.RedFlags, f.Label)
		}
	}
	if perr == nil {
		if rs, _, _ := ps.Referrals(p, who, c); len(rs) > 0 {
			hc.Referral = strings.TrimPrefix(referralLine(p, rs), p.T("referral.label")+": ")
		}
		// The person's own record decides whether the crisis line comes
		// first: the same report every other view of them uses.
		if r, _, err := personReport(p, ps, who, c, a, seen, report.Options{}); err == nil && r.Crisis != nil {
			hc.Distress = true
		}
	}
	sheet := handout.Build(p, hc)
	if format == "markdown" {
		_, err = fmt.Fprint(e.stdout, sheet.Markdown())
		return err
	}
	_, err = fmt.Fprint(e.stdout, sheet.Text(80))
	return err
}

// writeServiceMarkdown adds the circle's service record to circles show's
// markdown, as the handout's "how to join" section; nothing when none is
// kept.
func writeServiceMarkdown(e env, p *checklist.Pack, g register.Register, c register.Circle) error {
	s, _, problems := g.Service(p, c)
	for _, pr := range problems {
		fmt.Fprintf(e.stderr, "vetcircle: %s: %s\n", displayName(pr.File), textclean.CleanLine(pr.Err.Error()))
	}
	if s.IsZero() {
		return nil
	}
	sec := handout.Join(p, handout.Circle{Name: c.Name, Service: s})
	out := bufio.NewWriter(e.stdout)
	fmt.Fprintf(out, "\n## %s\n\n", textclean.EscapeMarkdown(sec.Heading))
	for _, it := range sec.Items {
		fmt.Fprintln(out, "- "+textclean.EscapeMarkdown(textclean.CleanLine(it)))
	}
	for _, it := range sec.After {
		fmt.Fprintln(out, "\n"+textclean.EscapeMarkdown(textclean.CleanLine(it)))
	}
	return out.Flush()
}
