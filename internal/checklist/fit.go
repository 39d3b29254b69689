package checklist

import (
	"slices"
)

// fitFormats ranks every format for this person. A format starts at its base
// fit. Cautions dominate: a fired rule rating the format at or below base
// caps it at the worst such rating; otherwise the best fired rating wins.
func (p *Pack) fitFormats(a *Answers, coord bool) []FormatFit {
	out := make([]FormatFit, 0, len(p.Formats))
	for _, f := range p.Formats {
		ff := FormatFit{ID: f.ID, Name: f.Name, Fit: f.Base, Reasons: []Reason{}}
		var worst, best Fit
		for _, fr := range f.Rules {
			if !p.holds(&fr.When, a) {
				continue
			}
			ff.Reasons = append(ff.Reasons, fr.reason(coord))
			if fr.Fit.Rank() <= f.Base.Rank() && (worst == "" || fr.Fit.Rank() < worst.Rank()) {
				worst = fr.Fit
			}
			if fr.Fit.Rank() > best.Rank() {
				best = fr.Fit
			}
		}
		switch {
		case worst != "":
			ff.Fit = worst
		case best != "":
			ff.Fit = best
		}
		out = append(out, ff)
	}
	// Best fit first; ties keep pack order.
	slices.SortStableFunc(out, func(x, y FormatFit) int { return y.Fit.Rank() - x.Fit.Rank() })
	return out
}

// reason is a fit rule as a Reason, worded for this user.
func (fr *FitRule) reason(coord bool) Reason {
	text := fr.Reason
	if coord && fr.ReasonCoordinator != "" {
		text = fr.ReasonCoordinator
	}
	return Reason{Rule: fr.ID, Text: text, Source: fr.Source}
}

// circleFit answers "is it right for this person now?" for the circle's own
// format: that format's fit, lowered (never raised) by the rules about this
// circle's own circumstances. The decisive reasons come first.
func (p *Pack) circleFit(a *Answers, r Result, coord bool) *FitAnswer {
	i := slices.IndexFunc(r.Formats, func(f FormatFit) bool { return f.ID == r.Circle.Format })
	if i < 0 {
		return nil
	}
	if u := p.FitUnknown; u != nil && p.holds(&u.When, a) {
		// Nothing is known about the person: a format's base fit would be
		// a guess, so say so, and let the questions for the person settle it.
		return &FitAnswer{Value: FitUnknown, Reasons: []Reason{u.reason(coord)}, FormatOnly: r.Verdict == VerdictAvoid}
	}
	ff := r.Formats[i]
	value := ff.Fit
	type judged struct {
		fit    Fit
		reason Reason
	}
	var all []judged
	f := p.Format(ff.ID)
	for _, fr := range f.Rules {
		if p.holds(&fr.When, a) {
			all = append(all, judged{fr.Fit, fr.reason(coord)})
		}
	}
	for _, fr := range p.CircleFit {
		if !p.holds(&fr.When, a) {
			continue
		}
		all = append(all, judged{fr.Fit, fr.reason(coord)})
		if fr.Fit.Rank() < value.Rank() {
			value = fr.Fit
		}
	}
	out := &FitAnswer{Value: value, Reasons: []Reason{}, FormatOnly: r.Verdict == VerdictAvoid}
	for _, j := range all {
		if j.fit == value {
			out.Reasons = append(out.Reasons, j.reason)
		}
	}
	for _, j := range all {
		if j.fit != value {
			out.Reasons = append(out.Reasons, j.reason)
		}
	}
	return out
}

// stay answers "should I stay?" for someone attending: the worst value any
// fired stay rule or the circle's own verdict gives, decisive reasons first.
func (p *Pack) stay(a *Answers, r *Result, coord bool) *StayAnswer {
	s := p.Stay
	value := s.Base
	type judged struct {
		stay   StayValue
		reason Reason
	}
	var all []judged
	pick := func(v StayValue, id, reason, reasonCoord, source string) {
		if coord && reasonCoord != "" {
			reason = reasonCoord
		}
		all = append(all, judged{v, Reason{Rule: id, Text: reason, Source: source}})
		if v.Rank() < value.Rank() {
			value = v
		}
	}
	for _, sv := range s.Verdicts {
		if sv.Verdict == r.Verdict {
			pick(sv.Stay, sv.ID, sv.Reason, sv.ReasonCoordinator, sv.Source)
		}
	}
	for _, sr := range s.Rules {
		if !p.holds(&sr.When, a) {
			continue
		}
		pick(sr.Stay, sr.ID, sr.Reason, sr.ReasonCoordinator, sr.Source)
		if sr.Crisis {
			r.Crisis = true
		}
	}
	out := &StayAnswer{Value: value, Reasons: []Reason{}}
	for _, rank := range []int{value.Rank(), -1} {
		for _, j := range all {
			if (rank >= 0) == (j.stay == value) {
				out.Reasons = append(out.Reasons, j.reason)
			}
		}
	}
	return out
}
