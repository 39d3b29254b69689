package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"sync"

	"github.com/vetcircle/vetcircle/internal/checklist"
)

// MarshalJSON writes the report as `score --format json` prints it: the
// verdict as its value (with verdict_words and verdict_reasons beside it),
// fit and stay as objects with value, words, headline and reasons, the
// headline sentences together, and follow_ups as every follow-up in the
// order the summary asks them (the same list as ask_facilitator and
// ask_person together). IDs stay in JSON; labels are beside them.
func (r Report) MarshalJSON() ([]byte, error) {
	own, err := r.ownJSON()
	if err != nil {
		return nil, err
	}
	// Facts the judgement holds that the report does not say otherwise
	// flow through as they are, so a new one reaches scripts without a
	// change here; the report's own keys win.
	extra := resultOnly()
	if len(extra) == 0 {
		return own, nil
	}
	v := reflect.ValueOf(r.Result)
	out := bytes.NewBuffer(own[:len(own)-1])
	for _, f := range extra {
		b, err := json.Marshal(v.Field(f.index).Interface())
		if err != nil {
			return nil, err
		}
		key, _ := json.Marshal(f.name)
		out.WriteByte(',')
		out.Write(key)
		out.WriteByte(':')
		out.Write(b)
	}
	out.WriteByte('}')
	return out.Bytes(), nil
}

// ownJSON is the report's own keys.
func (r Report) ownJSON() ([]byte, error) {
	type plain Report
	h := struct {
		Verdict string `json:"verdict"`
		Fit     string `json:"fit,omitempty"`
		Stay    string `json:"stay,omitempty"`
	}{Verdict: r.Verdict.Headline}
	if r.Fit != nil {
		h.Fit = r.Fit.Headline
	}
	if r.Stay != nil {
		h.Stay = r.Stay.Headline
	}
	flags := make([]string, len(r.RedFlags))
	for i, f := range r.RedFlags {
		flags[i] = f.ID
	}
	return json.Marshal(struct {
		plain
		Verdict        string   `json:"verdict"`
		VerdictWords   string   `json:"verdict_words"`
		VerdictReasons []Reason `json:"verdict_reasons"`
		Headline       any      `json:"headline"`
		RedFlags       []string `json:"red_flags"`
		RedFlagLabels  []Flag   `json:"red_flag_details"`
		FollowUps      []Ask    `json:"follow_ups"`
		Crisis         bool     `json:"crisis"`
		CrisisText     string   `json:"crisis_text,omitempty"`
	}{plain(r), r.Verdict.Value, r.Verdict.Words, r.Verdict.Reasons, h, flags, r.RedFlags, r.FollowUps(), r.Crisis != nil, crisisText(r.Crisis)})
}

type resultField struct {
	index int
	name  string
}

// resultOnly lists the judgement's JSON fields the report's JSON lacks,
// found once by reflection (none today; a field the checklist adds later
// appears here without a change).
var resultOnly = sync.OnceValue(func() []resultField {
	own, err := Report{Verdict: Answer{}}.ownJSON()
	if err != nil {
		return nil
	}
	var keys map[string]json.RawMessage
	if json.Unmarshal(own, &keys) != nil {
		return nil
	}
	var out []resultField
	t := reflect.TypeFor[checklist.Result]()
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" || f.Anonymous {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if _, ok := keys[name]; !ok {
			out = append(out, resultField{i, name})
		}
	}
	return out
})
