package cli

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/internal/intake"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/register"
)

// runRevet vets a kept circle again: the circle's questions only (never
// the person's role, stage, attending or fit), each with the answer and
// note of the latest vetting beside it, those answers filled in (enter
// keeps one) and the carried notes marked as from that vetting's date. The
// kept vetting is never rewritten: the walkthrough works on a new draft,
// and Keep in my circles keeps the result as a new vetting.
func runRevet(cmd *cobra.Command, ce cmdEnv, name string) error {
	e := ce.env
	p, g, c, err := kept(ce, name)
	if err != nil {
		return err
	}
	a, path, err := g.LatestVetting(p, c)
	if err != nil || path == "" {
		return badInput(orErr(err, msg.New("cli.err.no-vetting", "circle", displayName(c.Name))))
	}
	on := ""
	if t := register.VettedOn(a, path); !t.IsZero() {
		on = t.Format(time.DateOnly)
	}
	r := intake.NewRevet(a, on)
	start := r.Start(p)
	if m := accessibleMode(cmd, e); m.on {
		return runAccessibleFrom(cmd, ce, m, start, r)
	}
	var d *draft.Draft
	store := ce.drafts
	if !draftsOff(cmd) {
		// The re-vet is a draft from its first screen: a call cut short
		// loses nothing, and resume continues it (as a full walkthrough).
		if d, err = store.Create(p, start, time.Now()); err != nil {
			return err
		}
		start = d.Answers
	}
	drafts, err := walkthroughDrafts(cmd, p, store, d)
	if err != nil {
		return err
	}
	return runProgram(cmd, e, p, intake.Options{Answers: start, Drafts: drafts, Revet: r})
}
