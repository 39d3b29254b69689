package hsds_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/message"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/hsds"
	"github.com/vetcircle/vetcircle/rules"
)

// The HSDS 3 compiled schemas (testdata/hsds-3, CC BY-SA 4.0, see the
// README there) are JSON Schema 2020-12 with keywords of their own. They
// are handled so that the test checks what the specification means:
//
//   - "format" (uuid, email, uri, date-time) is asserted, not only noted;
//   - "datapackage_type" (date, time, datetime) is a vocabulary of its own
//     here, checking the value's shape, since dates and times are plain
//     strings to JSON Schema;
//   - "tabular_required" is checked like "required": an export's services
//     must also be valid as tabular rows (organization_id);
//   - "constraints": {"unique": true} is a rule across the whole data set,
//     so the test checks every id is unique in the export itself;
//   - "datapackage_metadata", "core", "example", "name", "path" describe
//     the tabular form and are left alone as annotations.

func loadSchema(t testing.TB, file string, gz bool) any {
	t.Helper()
	f, err := os.Open("testdata/hsds-3/" + file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r io.Reader = f
	if gz {
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	doc, err := jsonschema.UnmarshalJSON(r)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

type dpTypeErr struct{ typ, value string }

func (e *dpTypeErr) KeywordPath() []string { return []string{"datapackage_type"} }
func (e *dpTypeErr) LocalizedString(p *message.Printer) string {
	return p.Sprintf("%q is not a %s", e.value, e.typ)
}

type tabularErr struct{ missing string }

func (e *tabularErr) KeywordPath() []string { return []string{"tabular_required"} }
func (e *tabularErr) LocalizedString(p *message.Printer) string {
	return p.Sprintf("missing property %q (tabular_required)", e.missing)
}

var (
	timeOfDay = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?$`)
)

type hsdsExt struct {
	dpType  string
	tabular []string
}

func (x *hsdsExt) Validate(ctx *jsonschema.ValidatorContext, v any) {
	if s, ok := v.(string); ok && x.dpType != "" {
		ok := true
		switch x.dpType {
		case "date":
			_, err := time.Parse(time.DateOnly, s)
			ok = err == nil
		case "time":
			ok = timeOfDay.MatchString(s)
		case "datetime":
			_, err := time.Parse(time.RFC3339, s)
			ok = err == nil
		}
		if !ok {
			ctx.AddError(&dpTypeErr{x.dpType, s})
		}
	}
	if obj, ok := v.(map[string]any); ok {
		for _, k := range x.tabular {
			if _, has := obj[k]; !has {
				ctx.AddError(&tabularErr{k})
			}
		}
	}
}

func hsdsVocab(t testing.TB) *jsonschema.Vocabulary {
	meta, err := jsonschema.UnmarshalJSON(strings.NewReader(`{"properties": {
		"datapackage_type": {"enum": ["date", "time", "datetime"]},
		"tabular_required": {"type": "array", "items": {"type": "string"}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("https://vetcircle.invalid/meta/hsds", meta); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("https://vetcircle.invalid/meta/hsds")
	if err != nil {
		t.Fatal(err)
	}
	return &jsonschema.Vocabulary{URL: "https://vetcircle.invalid/meta/hsds", Schema: sch,
		Compile: func(_ *jsonschema.CompilerContext, obj map[string]any) (jsonschema.SchemaExt, error) {
			var x hsdsExt
			x.dpType, _ = obj["datapackage_type"].(string)
			if list, ok := obj["tabular_required"].([]any); ok {
				for _, k := range list {
					if s, ok := k.(string); ok {
						x.tabular = append(x.tabular, s)
					}
				}
			}
			if x.dpType == "" && len(x.tabular) == 0 {
				return nil, nil
			}
			return &x, nil
		}}
}

// schemas are the compiled service and service_list schemas.
func schemas(t testing.TB) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	c.AssertVocabs()
	c.RegisterVocabulary(hsdsVocab(t))
	out := map[string]*jsonschema.Schema{}
	for name, gz := range map[string]bool{"service.json": true, "service_list.json": false} {
		if err := c.AddResource("https://vetcircle.invalid/hsds/"+name, loadSchema(t, name+map[bool]string{true: ".gz"}[gz], gz)); err != nil {
			t.Fatal(err)
		}
		sch, err := c.Compile("https://vetcircle.invalid/hsds/" + name)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = sch
	}
	return out
}

func f(v float64) *float64 { return &v }

// sample is a register's circles: with a full service record, with some of
// one, with none, online, hybrid, in person and not known.
func sample() []hsds.Circle {
	return []hsds.Circle{
		{ID: "3f09c2d17be4a0c5", Name: "Thursday Harbor KAP Group", Kind: "Facilitated KAP integration circle", Setting: "in-person", Checked: "2026-11-20",
			Service: checklist.Service{
				Contact:   checklist.Contact{Phone: "+1 (503) 555-0142 x12", Email: "intake@harbor.example.org", Website: "https://harbor.example.org/circle"},
				Schedule:  checklist.Schedule{Text: "Every other Thursday, 6:30 pm", Weekday: "thursday", Start: "18:30", Frequency: "biweekly"},
				Languages: []string{"en", "es-MX"}, Cost: checklist.Cost{Model: "sliding-scale", Amount: f(20), Upper: f(60)}, LastVerified: "2026-11-30"}},
		{ID: "a1b2c3d4e5f60718", Name: "Café Luna Circle", Kind: "Ceremony-style integration", Setting: "hybrid", Checked: "2026-10-02",
			Service: checklist.Service{Schedule: checklist.Schedule{Text: "First Sunday of the month", Frequency: "monthly", Weekday: "sunday"}, Cost: checklist.Cost{Model: "donation"}}},
		{ID: "00ff00ff00ff00ff", Name: "Ketamine Peer Forum", Kind: "Informal peer support group (often online)", Setting: "online",
			Service: checklist.Service{Contact: checklist.Contact{Website: "https://forum.example.net"}, Cost: checklist.Cost{Model: "free"}}},
		{ID: "1234567890abcdef", Name: "Unnamed Tuesday group", Checked: "2025-01-15"},
	}
}

// odd holds values the service record's checks accept that look unusual,
// so the test shows the checks accept nothing the schema refuses.
func odd(t *testing.T) []hsds.Circle {
	var out []hsds.Circle
	for i, v := range [][3]string{
		{"first.last+circle@mail.example.co.uk", "http://example.org:8080/a?b=c#d", "(503) 555-0142 ext. 9"},
		{"a!b#c$d%e&f'g*h/i=j?k^l_m`n{o|p}q~r@x-y.org", "https://xn--caf-dma.example/ruta", "+44 20 7946 0958"},
		{"ana@xn--caf-dma.example", "https://café.example/señal", "503.555.0142 x123456"},
	} {
		var c checklist.Contact
		var err error
		if c.Email, err = checklist.CheckEmail(v[0]); err != nil {
			t.Fatal(err)
		}
		if c.Website, err = checklist.CheckWebsite(v[1]); err != nil {
			t.Fatal(err)
		}
		if c.Phone, err = checklist.CheckPhone(v[2]); err != nil {
			t.Fatal(err)
		}
		out = append(out, hsds.Circle{ID: fmt.Sprintf("%016x", i), Name: "Odd " + v[0], Setting: "online", Service: checklist.Service{Contact: c}})
	}
	return out
}

func export(t *testing.T, circles []hsds.Circle) (raw []byte, doc map[string]any) {
	t.Helper()
	raw, err := hsds.Marshal(pack(t), circles)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	return raw, doc
}

// TestExportValidates: every exported service is valid against the HSDS 3
// service schema and the list schema, every id is a unique UUID, and every
// reference points at something in the export.
func TestExportValidates(t *testing.T) {
	sch := schemas(t)
	for _, circles := range [][]hsds.Circle{sample(), sample()[3:], nil, odd(t)} {
		raw, doc := export(t, circles)
		contents, _ := doc["contents"].([]any)
		if len(contents) != len(circles) || doc["total_items"] != float64(len(circles)) || doc["empty"] != (len(circles) == 0) {
			t.Fatalf("page: %s", raw)
		}
		for i, s := range contents {
			for name, sc := range sch {
				// Validate what was written, as an importer reads it.
				inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(mustJSON(t, s)))
				if err != nil {
					t.Fatal(err)
				}
				if err := sc.Validate(inst); err != nil {
					t.Errorf("service %d is not valid against %s:\n%v", i, name, err)
				}
			}
		}
		ids, refs := map[string]int{}, map[string]bool{}
		walk(doc, func(key string, v any) {
			s, ok := v.(string)
			switch {
			case !ok:
			case key == "id":
				ids[s]++
			case strings.HasSuffix(key, "_id"):
				refs[s] = true
			}
		})
		uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
		for id, n := range ids {
			if n > 1 {
				t.Errorf("id %s is used %d times; HSDS ids are unique", id, n)
			}
			if !uuid.MatchString(id) {
				t.Errorf("id %s is not a version 5 UUID", id)
			}
		}
		for r := range refs {
			if ids[r] == 0 {
				t.Errorf("reference %s points at nothing in the export", r)
			}
		}
	}
}

// TestValidatorCatches: the schema check can fail: broken exports are
// refused, each for its own reason (so a passing export means something).
func TestValidatorCatches(t *testing.T) {
	sc := schemas(t)["service.json"]
	_, doc := export(t, sample()[:1])
	good := mustJSON(t, doc["contents"].([]any)[0])
	for _, tc := range []struct{ name, from, to, want string }{
		{"not a uuid", `"id": "`, `"id": "x`, "is not valid uuid"},
		{"status", `"status": "active"`, `"status": "open"`, "must be one of"},
		{"assured date", `"assured_date": "2026-11-30"`, `"assured_date": "30/11/2026"`, "is not a date"},
		{"opening time", `"opens_at": "18:30"`, `"opens_at": "6:30 pm"`, "is not a time"},
		{"email", `"email": "intake@harbor.example.org"`, `"email": "intake"`, "is not valid email"},
		{"organization id", `"organization_id": "`, `"organization_idx": "`, "tabular_required"},
	} {
		var pretty bytes.Buffer
		json.Indent(&pretty, good, "", " ")
		s := strings.Replace(pretty.String(), tc.from, tc.to, 1)
		if s == pretty.String() {
			t.Fatalf("%s: %q not in the export", tc.name, tc.from)
		}
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(s))
		if err != nil {
			t.Fatal(err)
		}
		if err := sc.Validate(inst); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: a broken service gives %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestMapping: what each part of the record becomes.
func TestMapping(t *testing.T) {
	page := hsds.Export(pack(t), sample())
	s := page.Contents[0]
	if s.AssuredDate != "2026-11-30" || page.Contents[1].AssuredDate != "2026-10-02" || page.Contents[2].AssuredDate != "" {
		t.Errorf("assured dates: %q %q %q (last verified, else the vetting's date, else none)", s.AssuredDate, page.Contents[1].AssuredDate, page.Contents[2].AssuredDate)
	}
	if len(s.Phones) != 1 || s.Phones[0].Number != "+1 (503) 555-0142" || *s.Phones[0].Extension != 12 {
		t.Errorf("phones: %+v", s.Phones)
	}
	if sc := s.Schedules[0]; sc.Freq != "WEEKLY" || sc.Interval != 2 || sc.Byday != "TH" || sc.OpensAt != "18:30" || sc.Description != "Every other Thursday, 6:30 pm" {
		t.Errorf("schedule: %+v", sc)
	}
	if sc := page.Contents[1].Schedules[0]; sc.Freq != "MONTHLY" || sc.Byday != "" {
		t.Errorf("a monthly schedule names no day it cannot know: %+v", sc)
	}
	if s.Languages[1].Code != "es-MX" || s.Languages[1].Name == "" || s.Languages[0].Name != "English" {
		t.Errorf("languages: %+v", s.Languages)
	}
	if c := s.CostOptions[0]; *c.Amount != 20 || c.Currency != "USD" || !strings.Contains(c.AmountDescription, "$20 to $60") {
		t.Errorf("cost: %+v", c)
	}
	if l := s.ServiceAtLocations; len(l) != 1 || l[0].Location.LocationType != "physical" {
		t.Errorf("an in-person circle has one physical location: %+v", l)
	}
	if l := page.Contents[1].ServiceAtLocations; len(l) != 2 {
		t.Errorf("a hybrid circle has a physical and a virtual location: %+v", l)
	}
	if l := page.Contents[2].ServiceAtLocations; len(l) != 1 || l[0].Location.URL != "https://forum.example.net" {
		t.Errorf("an online circle's location is its website: %+v", l)
	}
	if l := page.Contents[3]; len(l.ServiceAtLocations)+len(l.Phones)+len(l.Schedules)+len(l.CostOptions) != 0 || l.Status != "active" {
		t.Errorf("a circle with no service record says nothing it does not know: %+v", l)
	}
}

// TestStableIDs: the same register exports the same bytes; a circle's IDs
// follow its register ID, not its name (a rename keeps them).
func TestStableIDs(t *testing.T) {
	a, _ := export(t, sample())
	b, _ := export(t, sample())
	if !bytes.Equal(a, b) {
		t.Fatal("two exports of the same register differ")
	}
	renamed := sample()
	renamed[0].Name = "Harbor KAP Group"
	if hsds.Export(pack(t), renamed).Contents[0].ID != hsds.Export(pack(t), sample()).Contents[0].ID {
		t.Error("a rename changed the service's ID")
	}
	if got := hsds.UUID("vetcircle/3f09c2d17be4a0c5/service"); got != hsds.Export(pack(t), sample()).Contents[0].ID {
		t.Errorf("service ID %s is not the UUID of the circle's ID", got)
	}
	// A known value, so a change of namespace or method is seen.
	if got := hsds.UUID("x"); got != hsds.UUID("x") || len(got) != 36 {
		t.Errorf("UUID = %s", got)
	}
}

func pack(t *testing.T) *checklist.Pack {
	t.Helper()
	p, err := rules.Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// walk visits every key and value of a JSON document.
func walk(v any, visit func(key string, v any)) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			visit(k, val)
			walk(val, visit)
		}
	case []any:
		for _, val := range x {
			walk(val, visit)
		}
	}
}

// FuzzExportValidates: whatever service record the register's reader
// accepts exports as valid HSDS.
//
//	go test ./internal/hsds -run '^$' -fuzz FuzzExportValidates -fuzztime 30s
func FuzzExportValidates(f *testing.F) {
	p, err := rules.Default()
	if err != nil {
		f.Fatal(err)
	}
	var sch *jsonschema.Schema
	f.Add([]byte("version: 1\ncircle:\n  contact: {phone: \"+1 503 555 0142 x7\", email: a@b.co, website: \"https://x.example/a\"}\n  schedule: {weekday: monday, start: \"09:05\", frequency: monthly}\n  languages: [es-419, zh-Hant]\n  cost: {model: donation, amount: 0-15}\n  last_verified: 2026-02-28\n"))
	f.Add([]byte("version: 1\ncircle:\n  cost: {model: free, amount: 0}\n  schedule: \"Sundays\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, s, err := checklist.ParseService(p, "f.yaml", data)
		if err != nil {
			return
		}
		if sch == nil {
			sch = schemas(t)["service.json"]
		}
		for _, setting := range []string{"", "in-person", "online", "hybrid"} {
			raw := mustJSON(t, hsds.Export(p, []hsds.Circle{{ID: "0123456789abcdef", Name: "Fuzz", Setting: setting, Checked: "2026-01-01", Service: s}}).Contents[0])
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Fatalf("%+v exports as invalid HSDS:\n%v", s, err)
			}
		}
	})
}
