package checklist_test

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/vetcircle/vetcircle/internal/checklist"
)

const serviceFile = `version: 1
circle:
  name: "Thursday Harbor KAP Group"
  format: kap-circle
  contact:
    phone: "+1 (503) 555-0142 ext. 12"
    email: intake@harbor.example.org
    website: https://harbor.example.org/circle
  schedule:
    text: "Every other Thursday, 6:30 pm"
    weekday: Thursday
    start: "18:30"
    frequency: biweekly
  languages: [en, es-MX, en]
  cost: {model: sliding-scale, amount: 20-60}
  last_verified: 2026-11-30
`

// TestServiceRecord: the circle block's service fields are read, kept
// through a round trip and a clone, and a service file reads back the
// same record.
func TestServiceRecord(t *testing.T) {
	p := defaultPack(t)
	a, err := checklist.ParseAnswers(p, "a.yaml", []byte(serviceFile))
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := 20.0, 60.0
	want := checklist.Service{
		Contact:      checklist.Contact{Phone: "+1 (503) 555-0142 x12", Email: "intake@harbor.example.org", Website: "https://harbor.example.org/circle"},
		Schedule:     checklist.Schedule{Text: "Every other Thursday, 6:30 pm", Weekday: "thursday", Start: "18:30", Frequency: "biweekly"},
		Languages:    []string{"en", "es-MX"},
		Cost:         checklist.Cost{Model: "sliding-scale", Amount: &lo, Upper: &hi},
		LastVerified: "2026-11-30",
	}
	if !reflect.DeepEqual(a.Service, want) {
		t.Fatalf("service = %+v, want %+v", a.Service, want)
	}
	back, err := checklist.ParseAnswers(p, "b.yaml", checklist.MarshalAnswers(p, a))
	if err != nil {
		t.Fatalf("written back, it does not read: %v\n%s", err, checklist.MarshalAnswers(p, a))
	}
	if !reflect.DeepEqual(back.Service, want) || !reflect.DeepEqual(a.Clone().Service, want) {
		t.Fatalf("round trip changed the service: %+v", back.Service)
	}
	name, s, err := checklist.ParseService(p, "s.yaml", checklist.MarshalService("Thursday Harbor KAP Group", want))
	if err != nil || name != "Thursday Harbor KAP Group" || !reflect.DeepEqual(s, want) {
		t.Fatalf("service file: %q %+v %v", name, s, err)
	}
	// Free text alone, and a cost as one word.
	a, err = checklist.ParseAnswers(p, "c.yaml", []byte("version: 1\ncircle:\n  schedule: Monthly, first Sunday\n  cost: free\n  languages: es\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a.Service.Schedule.Text != "Monthly, first Sunday" || a.Service.Cost.Model != "free" || a.Service.Languages[0] != "es" {
		t.Fatalf("short forms: %+v", a.Service)
	}
}

// TestServiceFieldErrors: each service field refuses what it is not, in
// words, at the value's line and column.
func TestServiceFieldErrors(t *testing.T) {
	p := defaultPack(t)
	for _, tc := range []struct{ name, body, want string }{
		{"phone letters", "  contact: {phone: CALL-ME-NOW}", `a.yaml:3:20: contact phone: "CALL-ME-NOW" is not a phone number`},
		{"phone short", "  contact: {phone: \"555 01\"}", `contact phone: "555 01" has 5 digits; a phone number has 7 to 15`},
		{"phone long", "  contact: {phone: \"+1 503 555 0142 0000 99\"}", `has 17 digits`},
		{"phone plus inside", "  contact: {phone: \"503+5550142\"}", `is not a phone number`},
		{"phone control", "  contact: {phone: \"503 555\\u00070142\"}", `holds a control character (U+0007)`},
		{"email no at", "  contact: {email: intake.example.org}", `a.yaml:3:20: contact email: "intake.example.org" is not an email address`},
		{"email display name", "  contact: {email: \"Ana <ana@example.org>\"}", `is not an email address`},
		{"email unicode domain", "  contact: {email: \"ana@café.example\"}", `is not an email address`},
		{"email no dot", "  contact: {email: ana@localhost}", `is not an email address`},
		{"email escape", "  contact: {email: \"ana@example.org\\u001b[31m\"}", `holds a control character (U+001B)`},
		{"website scheme", "  contact: {website: \"javascript:alert(1)\"}", `contact website: "javascript:alert(1)" is not a web address starting with https:// or http://`},
		{"website no host", "  contact: {website: \"https://\"}", `is not a web address`},
		{"website space", "  contact: {website: \"https://example.org/a b\"}", `is not a web address`},
		{"website file", "  contact: {website: \"file:///etc/passwd\"}", `is not a web address`},
		{"contact key", "  contact: {fax: \"503 555 0142\"}", `a.yaml:3:13: unknown key "fax" under contact`},
		{"contact shape", "  contact: \"503 555 0142\"", `contact must be a mapping`},
		{"weekday", "  schedule: {weekday: thursdays}", `schedule weekday: "thursdays" is not one of monday, tuesday`},
		{"start 12h", "  schedule: {start: \"6:30 pm\"}", `schedule start: "6:30 pm" is not a time as HH:MM`},
		{"start range", "  schedule: {start: \"25:00\"}", `is not a time as HH:MM`},
		{"frequency", "  schedule: {frequency: daily}", `schedule frequency: "daily" is not one of weekly, biweekly, monthly`},
		{"schedule list", "  schedule: [thursday]", `schedule must be text or a mapping, found a list`},
		{"schedule long", "  schedule: \"" + strings.Repeat("a", 201) + "\"", `the schedule is 201 characters, over the 200 limit`},
		{"language", "  languages: [english]", `languages: "english" is not a language code`},
		{"language many", "  languages: [" + strings.TrimSuffix(strings.Repeat("en, ", 21), ", ") + "]", `languages lists 21, over the 20 limit`},
		{"cost model", "  cost: cheap", `cost: "cheap" is not one of fixed, donation, sliding-scale, membership, free`},
		{"cost amount", "  cost: {model: fixed, amount: forty}", `cost amount: "forty" is not an amount in US dollars`},
		{"cost negative", "  cost: {model: fixed, amount: -5}", `is not an amount in US dollars`},
		{"cost backwards", "  cost: {model: sliding-scale, amount: 60-20}", `is not a range of US dollars from low to high`},
		{"cost free amount", "  cost: {model: free, amount: 10}", `cost: a free circle has no amount`},
		{"cost fixed range", "  cost: {model: fixed, amount: 20-60}", `a range of amounts is a sliding scale or a suggested donation, not fixed`},
		{"last verified", "  last_verified: 30/11/2026", `a.yaml:3:18: last_verified: "30/11/2026" is not a date as YYYY-MM-DD`},
		{"unknown field", "  fax: \"503 555 0142\"", `unknown circle field "fax" (allowed: name, format, facilitator, participants, minutes, cost_usd, setting, contact, schedule, languages, cost, last_verified)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := checklist.ParseAnswers(p, "a.yaml", []byte("version: 1\ncircle:\n"+tc.body+"\n"))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v\nwant %q", err, tc.want)
			}
		})
	}
	// Good values that look odd are kept.
	for _, good := range []string{
		"  contact: {phone: \"503.555.0142\"}",
		"  contact: {phone: \"+44 20 7946 0958\"}",
		"  contact: {phone: \"(503) 555-0142 x7\"}",
		"  contact: {website: \"http://example.org\"}",
		"  contact: {email: \"first.last+circle@mail.example.co.uk\"}",
		"  languages: [zh-Hant, ase]",
		"  cost: {model: donation, amount: \"$10-$20\"}",
		"  cost: {model: fixed, amount: 45}",
		"  cost: {model: free, amount: 0}",
	} {
		if _, err := checklist.ParseAnswers(p, "a.yaml", []byte("version: 1\ncircle:\n"+good+"\n")); err != nil {
			t.Errorf("%s: %v", good, err)
		}
	}
}

// TestServiceErrorsInSpanish: the Spanish pack says what is wrong in
// Spanish, at the same place.
func TestServiceErrorsInSpanish(t *testing.T) {
	es, err := checklist.LoadPack(os.DirFS("../../rules/es"), "rules/es")
	if err != nil {
		t.Fatal(err)
	}
	_, err = checklist.ParseAnswers(es, "a.yaml", []byte("version: 1\ncircle:\n  contact: {phone: LLAMAR}\n  cost: {model: free, amount: 10}\n"))
	for _, want := range []string{`a.yaml:3:20: contact phone: "LLAMAR" no es un número de teléfono`, "un círculo gratuito no lleva cantidad"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v\nwant %q", err, want)
		}
	}
}

// FuzzParseService: any bytes as a service file or in an answers file's
// circle block never panic, and what reads writes back to the same record.
func FuzzParseService(f *testing.F) {
	p := fuzzPack(f)
	f.Add([]byte(serviceFile))
	f.Add([]byte("version: 1\ncircle:\n  contact: {phone: \"+1 503 555 0142 x9\"}\n  cost: {model: donation, amount: 5-10}\n"))
	f.Add([]byte("version: 1\ncircle:\n  schedule: {start: \"24:00\", weekday: []}\n  languages: [\"\\u202e\"]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := checklist.ParseAnswers(p, "f.yaml", data)
		if err == nil {
			back, err := checklist.ParseAnswers(p, "g.yaml", checklist.MarshalAnswers(p, a))
			if err != nil {
				t.Fatalf("written back, it does not read: %v", err)
			}
			if !reflect.DeepEqual(back.Service, a.Service) {
				t.Fatalf("round trip changed the service: %+v → %+v", a.Service, back.Service)
			}
		}
		_, s, err := checklist.ParseService(p, "s.yaml", data)
		if err == nil {
			_, back, err := checklist.ParseService(p, "t.yaml", checklist.MarshalService("x", s))
			if err != nil || !reflect.DeepEqual(back, s) {
				t.Fatalf("service file round trip: %+v → %+v (%v)", s, back, err)
			}
		}
	})
}

// TestSplitKeepsService: keeping a vetting splits it; the service record
// is the circle's and goes with the circle's part, never the person's.
func TestSplitKeepsService(t *testing.T) {
	p := defaultPack(t)
	a, err := checklist.ParseAnswers(p, "a.yaml", []byte(serviceFile))
	if err != nil {
		t.Fatal(err)
	}
	circle, person := checklist.SplitAnswers(p, a)
	if !reflect.DeepEqual(circle.Service, a.Service) || !person.Service.IsZero() {
		t.Fatalf("split: circle %+v, person %+v", circle.Service, person.Service)
	}
}
