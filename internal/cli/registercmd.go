package cli

import (
	"errors"
	"fmt"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/places"
	"github.com/vetcircle/vetcircle/internal/register"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// registerFlag and registerEnv choose the register's folder: a clinic's
// synced folder or git checkout, instead of the data folder.
const (
	registerFlag = "register"
	registerEnv  = "VETCIRCLE_REGISTER"
	// byEnv names who keeps vettings and check-ins when --by is not given.
	byEnv = "VETCIRCLE_BY"
)

func addRegisterFlag(root *cobra.Command) {
	root.PersistentFlags().String(registerFlag, "", "")
}

// locateRegister is where the register is: --register, else
// VETCIRCLE_REGISTER, else the user's data folder (tests point it
// elsewhere with XDG_DATA_HOME). The listing cache lives in this machine's
// own cache folder, never in the register (which a team may share);
// without one, every listing reads every circle, which is slower and
// nothing else. Nothing is read or written.
func locateRegister(e env) (register.Register, error) {
	dir := e.registerDir
	if dir == "" {
		dir = e.env(registerEnv)
	}
	var g register.Register
	if dir != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return g, badInput(fmt.Errorf("--register %s: %w", displayName(dir), err))
		}
		g.Dir = abs
	} else {
		var err error
		if g, err = register.Default(); err != nil {
			return g, msg.Wrap(err, "cli.err.circles-folder", "reason", err)
		}
	}
	here := places.This()
	here.Getenv = e.getenv
	g.CacheDir = here.Cache()
	return g, nil
}

// registerFor moves any folder of the register g of the old layout to the
// new one first (saying so once on stderr), so that lookups and listings
// see every circle.
func registerFor(e env, g register.Register, p *checklist.Pack) (register.Register, error) {
	moved, problems, err := g.Migrate(p)
	if err != nil {
		return g, err
	}
	if len(moved) > 0 {
		fmt.Fprintf(e.stderr, "vetcircle: %s\n", e.words().Tf("cli.moved", "n", strconv.Itoa(len(moved)), "dir", displayName(g.Dir)))
	}
	for _, pr := range problems {
		fmt.Fprintf(e.stderr, "vetcircle: %s: %s\n", displayName(pr.File), textclean.CleanLine(msg.Say(e.words(), pr.Err)))
	}
	// Circles and people apart: an older register's person answers and
	// check-ins move to the user's own private record, once.
	splitPeople(e, p, g)
	return g, nil
}

// findCircle is the circle name names in the register: an exact name (any
// case, accents optional), an alias or an ID. Anything else is bad input
// (exit 2) with the close names suggested; nothing is written.
func findCircle(g register.Register, name string) (register.Circle, error) {
	c, err := g.Lookup(name)
	if err != nil {
		var nf *register.NotFoundError
		var amb *register.AmbiguousError
		if errors.As(err, &nf) || errors.As(err, &amb) || register.CheckName(name) != nil {
			return c, badInput(err)
		}
		return c, err
	}
	return c, nil
}

// provenanceOptions are the flags that say who kept a vetting or a
// check-in, and from what.
type provenanceOptions struct {
	by, source, on string
}

func addProvenanceFlags(cmd *cobra.Command, o *provenanceOptions, withOn bool) {
	cmd.Flags().StringVar(&o.by, "by", "", "")
	cmd.Flags().StringVar(&o.source, "source", "", "")
	if withOn {
		cmd.Flags().StringVar(&o.on, "date", "", "")
		// --on was its first name; scripts that use it keep working.
		cmd.Flags().StringVar(&o.on, "on", "", "")
		_ = cmd.Flags().MarkHidden("on")
	}
}

// check validates the flags before anything is read or written.
func (o provenanceOptions) check(now time.Time) error {
	var errs []error
	if o.source != "" && !slices.Contains(checklist.Sources, strings.ToLower(o.source)) {
		errs = append(errs, msg.New("cli.err.filter", "flag", "source", "value", displayName(o.source), "allowed", strings.Join(checklist.Sources, ", ")))
	}
	if o.on != "" {
		if err := checkDate("--date", o.on, now); err != nil {
			errs = append(errs, err)
		}
	}
	if o.by != "" {
		if err := register.CheckName(o.by); err != nil {
			errs = append(errs, msg.Wrap(err, "cli.err.flag", "flag", "--by", "reason", err))
		}
	}
	return errors.Join(errs...)
}

// checkDate accepts a date from 2000-01-01 to today (a day's grace for
// time zones): a session or a call not yet held, or in year 1, is a slip.
func checkDate(flag, s string, now time.Time) error {
	d, err := time.Parse(time.DateOnly, s)
	switch {
	case err != nil:
		return msg.New("cli.err.date", "flag", flag, "value", strconv.Quote(textclean.CleanLine(s)))
	case d.Before(checklist.EarliestDate):
		return msg.New("cli.err.date-early", "flag", flag, "value", s, "earliest", checklist.EarliestDate.Format(time.DateOnly))
	case d.After(now.AddDate(0, 0, 1)):
		return msg.New("cli.err.date-future", "flag", flag, "value", s)
	}
	return nil
}

// provenance fills what is not known yet of where a vetting or check-in
// came from: the flags first, then what the file already says, then the
// defaults (today, VETCIRCLE_BY or the login name); the rules are always
// the pack's that scored it.
func (o provenanceOptions) provenance(e env, p *checklist.Pack, have checklist.Provenance, now time.Time) checklist.Provenance {
	v := have
	if o.on != "" {
		v.On = o.on
	}
	if v.On == "" {
		v.On = now.Format(time.DateOnly)
	}
	if o.by != "" {
		v.By = o.by
	}
	if v.By == "" {
		v.By = defaultBy(e)
	}
	if o.source != "" {
		v.Source = strings.ToLower(o.source)
	}
	v.Rules = rulesID(p)
	return v
}

// rulesID names a rules pack and its version, as provenance records it.
func rulesID(p *checklist.Pack) string {
	return textclean.CleanLine(strings.TrimSpace(p.Meta.ID + " " + p.Meta.Version))
}

// defaultBy is VETCIRCLE_BY, else the login name, else nothing: it is
// written into the register's files only.
func defaultBy(e env) string {
	if by := strings.TrimSpace(e.env(byEnv)); by != "" && register.CheckName(by) == nil {
		return by
	}
	if e.getenv == nil {
		return "" // tests: no outside world
	}
	if u, err := user.Current(); err == nil && register.CheckName(u.Username) == nil {
		return u.Username
	}
	return ""
}

// markKept records a file kept by this command, so that if the output is
// then lost the exit says it was kept (ExitKeptOutputLost) and no one
// records it twice.
func markKept(e env, path string) {
	if e.kept != nil {
		*e.kept = append(*e.kept, path)
	}
}
