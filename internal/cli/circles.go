package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/compare"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/people"
	"github.com/vetcircle/vetcircle/internal/register"
	"github.com/vetcircle/vetcircle/internal/report"
	"github.com/vetcircle/vetcircle/internal/summary"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

type circlesOptions struct {
	name, circleFormat, verdict, format string
}

// circleFormats and verdicts are the values the circles filters take.
var (
	circleFormats = []string{"kap-circle", "ceremony", "online-peer", "retreat"}
	verdictValues = []string{"promising", "caution", "avoid", "incomplete"}
)

// checkFilter accepts a filter value in any case, or refuses it naming the
// values allowed.
func checkFilter(flag, v string, allowed []string) (string, error) {
	if v == "" {
		return "", nil
	}
	if l := strings.ToLower(strings.TrimSpace(v)); slices.Contains(allowed, l) {
		return l, nil
	}
	return "", msg.New("cli.err.filter", "flag", flag, "value", displayName(v), "allowed", strings.Join(allowed, ", "))
}

func newCirclesCmd(e env) *cobra.Command {
	var o circlesOptions
	cmd := &cobra.Command{
		Use:  "circles",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ce, err := prepare(cmd, e, needs{formats: []string{"table", "json"}, pack: true, register: true})
			if err != nil {
				return err
			}
			return runCircles(ce, o)
		},
	}
	cmd.Flags().StringVar(&o.name, "name", "", "")
	cmd.Flags().StringVar(&o.circleFormat, "circle-format", "", "")
	cmd.Flags().StringVar(&o.verdict, "verdict", "", "")
	cmd.Flags().StringVarP(&o.format, "format", "f", "table", "")
	addPackFlags(cmd)
	var po provenanceOptions
	var addFor string
	add := &cobra.Command{
		Use:  "add FILE...",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ce, err := prepare(cmd, e, needs{pack: true, register: true})
			if err != nil {
				return err
			}
			return runCirclesAdd(ce, po, addFor, args)
		},
	}
	addProvenanceFlags(add, &po, true)
	addForFlag(add, &addFor)
	var showFormat, showFor string
	show := &cobra.Command{
		Use:  "show NAME [--for ALIAS]",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ce, err := prepare(cmd, e, needs{formats: []string{"markdown", "note", "json"}, pack: true, register: true})
			if err != nil {
				return err
			}
			return runCirclesShow(ce, args[0], showFor)
		},
	}
	show.Flags().StringVarP(&showFormat, "format", "f", "markdown", "")
	addForFlag(show, &showFor)
	cmd.AddCommand(addPackFlags(newCirclesServiceCmd(e)), addPackFlags(newCirclesExportCmd(e)))
	cmd.AddCommand(addPackFlags(add), addPackFlags(show), addPackFlags(&cobra.Command{
		Use:  "diff NAME",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ce, err := prepare(cmd, e, needs{pack: true, register: true})
			if err != nil {
				return err
			}
			return runCirclesDiff(ce, args[0])
		},
	}), addPackFlags(&cobra.Command{
		Use:  "rename NAME NEW-NAME",
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ce, err := prepare(cmd, e, needs{pack: true, register: true})
			if err != nil {
				return err
			}
			return runCirclesRename(ce, args[0], args[1])
		},
	}))
	return cmd
}

func newRevetCmd(e env) *cobra.Command {
	return addPackFlags(&cobra.Command{
		Use:  "revet NAME",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ce, err := prepare(cmd, e, needs{pack: true, register: true, drafts: true})
			if err != nil {
				return err
			}
			return runRevet(cmd, ce, args[0])
		},
	})
}

// kept finds the circle a person names in their register, with the pack
// to read it: the error for a name that matches none says where to look.
func kept(ce cmdEnv, name string) (*checklist.Pack, register.Register, register.Circle, error) {
	if err := register.CheckName(name); err != nil {
		return nil, register.Register{}, register.Circle{}, badInput(err)
	}
	p := ce.pack
	g, err := ce.register()
	if err != nil {
		return nil, g, register.Circle{}, err
	}
	c, err := findCircle(g, name)
	return p, g, c, err
}

func orErr(err, otherwise error) error {
	if err != nil {
		return err
	}
	return otherwise
}

func runCircles(ce cmdEnv, o circlesOptions) error {
	e, p := ce.env, ce.pack
	o.format = ce.format
	var err error
	var errs []error
	if o.circleFormat, err = checkFilter("circle-format", o.circleFormat, circleFormats); err != nil {
		errs = append(errs, err)
	}
	if o.verdict, err = checkFilter("verdict", o.verdict, verdictValues); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return badInput(err)
	}
	g, err := ce.register()
	if err != nil {
		return err
	}
	all, problems, err := g.Circles(p, time.Now())
	if err != nil {
		return err
	}
	for _, pr := range problems {
		fmt.Fprintf(e.stderr, "vetcircle: %s: %s\n", displayName(pr.File), textclean.CleanLine(msg.Say(e.words(), pr.Err)))
	}
	var rows = all[:0:0]
	for _, c := range all {
		if (o.name == "" || strings.Contains(register.Key(c.Name+" "+c.ID), register.Key(o.name))) &&
			(o.circleFormat == "" || c.Format == o.circleFormat) && (o.verdict == "" || string(c.Verdict) == o.verdict) {
			rows = append(rows, c)
		}
	}
	out := bufio.NewWriter(e.stdout)
	if o.format == "json" {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if rows == nil {
			rows = all[:0:0]
		}
		if err := enc.Encode(rows); err != nil {
			return err
		}
		return out.Flush()
	}
	if len(rows) == 0 {
		fmt.Fprintln(out, p.T("circles.none"))
		return out.Flush()
	}
	// Red flags and "re-vet due" go on a line of their own under the circle,
	// so the table keeps to 80 columns however many flags there are.
	type row struct {
		cells []string
		more  string
	}
	// Each line renders the circle's record: its verdict (with what was
	// seen in sessions). No fit and no stay: those are each person's
	// (compare --for, history --for), never the circle's.
	table := []row{{cells: []string{p.T("compare.name"), p.T("summary.verdict"), p.T("circles.vetted")}}}
	for _, c := range rows {
		verdict, vetted := "—", "—"
		if c.Verdict != "" {
			verdict = summary.VerdictWord(p, c.Verdict)
		}
		if c.Vetted != nil {
			// ISO dates in the table: the same width in every language,
			// and they sort.
			vetted = c.Vetted.Format(time.DateOnly)
		}
		var more []string
		if c.VettedBy != "" || c.Source != "" {
			// Who vetted it, and how: names and the source's ID, the same
			// in every language.
			more = append(more, p.T("circles.vetted")+": "+strings.Join(slices.DeleteFunc([]string{textclean.CleanLine(c.VettedBy), c.Source}, func(s string) bool { return s == "" }), " · "))
		}
		// Why a re-vet is due, and from when: a year since the call, or a
		// rule change that touches this circle's answers.
		for _, r := range c.Revet {
			more = append(more, r.Words)
		}
		if c.Checkins > 0 {
			more = append(more, p.T("circles.checkins")+": "+strconv.Itoa(c.Checkins))
		}
		if len(c.RedFlagLabels) > 0 {
			more = append(more, p.T("compare.red-flags")+": "+strings.Join(c.RedFlagLabels, "; "))
		}
		table = append(table, row{cells: []string{textclean.CleanLine(c.Name), verdict, vetted}, more: strings.Join(more, " · ")})
	}
	widths := make([]int, len(table[0].cells))
	for _, r := range table {
		for i, cell := range r.cells {
			widths[i] = max(widths[i], ansi.StringWidth(cell))
		}
	}
	// A long name is cut so the table keeps to 80 columns; show and json
	// give it whole.
	rest := 0
	for _, w := range widths[1:] {
		rest += w + 2
	}
	if widths[0] > 80-rest-2 {
		widths[0] = max(80-rest-2, 12)
		for i := range table[1:] {
			table[i+1].cells[0] = ansi.Truncate(table[i+1].cells[0], widths[0], "…")
		}
	}
	for _, r := range table {
		var line strings.Builder
		for i, cell := range r.cells {
			line.WriteString(cell)
			if i < len(r.cells)-1 {
				line.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(cell)+2))
			}
		}
		fmt.Fprintln(out, line.String())
		if r.more != "" {
			for l := range strings.Lines(ansi.Wrap(r.more, 74, "")) {
				fmt.Fprintln(out, "    "+strings.TrimRight(l, " \n"))
			}
		}
	}
	return out.Flush()
}

func runCirclesAdd(ce cmdEnv, o provenanceOptions, alias string, files []string) error {
	e, p := ce.env, ce.pack
	now := time.Now()
	if err := o.check(now); err != nil {
		return badInput(err)
	}
	if alias != "" {
		if err := people.CheckAlias(alias); err != nil {
			return badInput(err)
		}
	}
	g, err := ce.register()
	if err != nil {
		return err
	}
	failed := 0
	for _, f := range files {
		// Read as score reads: a folder, a device or a file over the size
		// limit is refused before more than the limit is read.
		data, err := readInput(e, f)
		if err != nil {
			reportFileError(e, err)
			failed++
			continue
		}
		a, err := checklist.ParseAnswers(p, displayName(f), data)
		if err != nil {
			reportFileError(e, badInput(err))
			failed++
			continue
		}
		name := summary.Build(p, a, summary.Options{}).Circle.Name
		if name == "" {
			name = strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		}
		if err := register.CheckName(name); err != nil {
			reportFileError(e, badInput(msg.Wrap(err, "cli.err.file", "file", displayName(f), "reason", err)))
			failed++
			continue
		}
		// The circle's own name, exactly: a near match is another circle.
		c, err := g.Ensure(name)
		if err != nil {
			return msg.Wrap(err, "cli.err.file", "file", displayName(f), "reason", err)
		}
		a.Vetted = o.provenance(e, p, a.Vetted, now)
		// Each file at its own time, so two vettings of one circle added
		// together keep their order.
		// A date of the call given: the same answers from a later call are
		// a re-vet, kept as such.
		k, err := keepVetting(p, g, alias, c, a, o.on != "", time.Now())
		if err != nil {
			return msg.Wrap(err, "cli.err.file", "file", displayName(f), "reason", err)
		}
		path, same := k.Circle, k.Same
		if k.Person != "" {
			markKept(e, k.Person)
			fmt.Fprintln(e.stdout, p.Tf("circles.person-kept", "path", displayName(k.Person)))
		}
		if same {
			fmt.Fprintln(e.stdout, p.Tf("circles.kept-as", "file", displayName(f), "name", displayName(c.Name), "path", displayName(path))+" — "+p.T("cli.circles.same-answers"))
			continue
		}
		markKept(e, path)
		fmt.Fprintln(e.stdout, p.Tf("circles.kept-as", "file", displayName(f), "name", displayName(c.Name), "path", displayName(path)))
	}
	if failed > 0 {
		return badInput(errQuiet)
	}
	return nil
}

// registerRow is the compare row of the register's circle name: its
// record (latest vetting and what was seen in sessions), verdict only, or
// with alias judged for that person (fit from their private record).
// ok is false, with the lookup's error (and its suggestions), when the
// register holds no such circle.
func registerRow(ce cmdEnv, name, alias string) (compare.Row, bool, error) {
	e, p := ce.env, ce.pack
	if err := register.CheckName(name); err != nil {
		return compare.Row{}, false, badInput(err)
	}
	g, err := ce.register()
	if err != nil {
		return compare.Row{}, false, err
	}
	c, err := findCircle(g, name)
	if err != nil {
		return compare.Row{}, false, err
	}
	a, _, seen, err := circleRecord(e, p, g, c)
	if err != nil {
		return compare.Row{}, false, err
	}
	if a == nil {
		return compare.Row{}, false, badInput(msg.New("cli.err.no-vetting", "circle", displayName(c.Name)))
	}
	if alias == "" {
		return compare.FromReport(p, displayName(name), register.CircleAnswers(p, a, seen), register.CircleReport(p, a, seen, report.Options{})), true, nil
	}
	s, who, err := findPerson(g, alias)
	if err != nil {
		return compare.Row{}, false, err
	}
	rep, merged, err := personReport(p, s, who, c, a, seen, report.Options{})
	if err != nil {
		return compare.Row{}, false, err
	}
	return compare.FromReport(p, displayName(name), merged, rep), true, nil
}

func runCirclesRename(e cmdEnv, name, newName string) error {
	if err := register.CheckName(newName); err != nil {
		return badInput(err)
	}
	_, g, c, err := kept(e, name)
	if err != nil {
		return err
	}
	r, err := g.Rename(c, newName, time.Now())
	if err != nil {
		return badInput(err)
	}
	_, err = fmt.Fprintln(e.stdout, e.words().Tf("cli.circles.renamed", "old", displayName(c.Name), "new", displayName(r.Name), "id", r.ID))
	return err
}
