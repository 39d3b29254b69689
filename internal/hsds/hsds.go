// Package hsds writes a register's circles as Open Referral Human Services
// Data Specification (HSDS) 3.0 JSON, so a clinic can hand the circles it
// has vetted to a 211-style directory. Only facts about circles go in: the
// name, the kind of circle, where it meets, its service record (contact,
// schedule, languages, cost) and when it was last checked. Never a person's
// data, and never a vetting's verdict (see docs/hsds.md for why). Every ID
// is a UUID derived from the circle's register ID, so exporting the same
// register twice gives the same IDs.
package hsds

import (
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/handout"
)

// Circle is what the export knows of one circle: facts about the circle,
// nothing about anyone who attends or was helped to choose it.
type Circle struct {
	// ID is the register's ID of the circle (stable across renames).
	ID   string
	Name string
	// Kind is the kind of circle in words ("Facilitated KAP integration
	// circle"), Setting where it meets: in-person, online, hybrid or "".
	Kind, Setting string
	// Service is the service record, with the cost the vetting gave where
	// the record has none (checklist.Service.WithAnswers).
	Service checklist.Service
	// Checked is the date of the latest vetting (the call or visit),
	// YYYY-MM-DD; the record's own last verified date comes first.
	Checked string
}

// namespace is this exporter's UUID namespace (a version 4 UUID chosen once;
// changing it would change every exported ID).
var namespace = [16]byte{0x6b, 0x2f, 0x1c, 0x5e, 0x93, 0x0a, 0x4d, 0x27, 0x8f, 0x41, 0x3c, 0x7d, 0x52, 0xe8, 0x06, 0xb9}

// UUID is the version 5 (name-based, SHA-1) UUID of a name in this
// exporter's namespace: the same name always gives the same UUID.
func UUID(name string) string {
	h := sha1.New()
	h.Write(namespace[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// The HSDS objects written, with only the fields this export fills.
type (
	// Page is the export: the shape of the HSDS API's paginated list of
	// services, all on one page.
	Page struct {
		TotalItems int       `json:"total_items"`
		TotalPages int       `json:"total_pages"`
		PageNumber int       `json:"page_number"`
		Size       int       `json:"size"`
		FirstPage  bool      `json:"first_page"`
		LastPage   bool      `json:"last_page"`
		Empty      bool      `json:"empty"`
		Contents   []Service `json:"contents"`
	}
	Service struct {
		ID                 string              `json:"id"`
		OrganizationID     string              `json:"organization_id"`
		Name               string              `json:"name"`
		Description        string              `json:"description,omitempty"`
		URL                string              `json:"url,omitempty"`
		Email              string              `json:"email,omitempty"`
		Status             string              `json:"status"`
		FeesDescription    string              `json:"fees_description,omitempty"`
		AssuredDate        string              `json:"assured_date,omitempty"`
		Organization       Organization        `json:"organization"`
		Phones             []Phone             `json:"phones"`
		Schedules          []Schedule          `json:"schedules"`
		ServiceAtLocations []ServiceAtLocation `json:"service_at_locations"`
		Languages          []Language          `json:"languages"`
		CostOptions        []CostOption        `json:"cost_options"`
		Contacts           []Contact           `json:"contacts"`
	}
	Organization struct {
		ID          string `json:"id"`
		Name        string `json:"name"`
		Description string `json:"description"`
		Email       string `json:"email,omitempty"`
		Website     string `json:"website,omitempty"`
	}
	Phone struct {
		ID        string   `json:"id"`
		ServiceID string   `json:"service_id"`
		Number    string   `json:"number"`
		Extension *float64 `json:"extension,omitempty"`
		Type      string   `json:"type"`
	}
	Schedule struct {
		ID          string `json:"id"`
		ServiceID   string `json:"service_id"`
		Freq        string `json:"freq,omitempty"`
		Interval    int    `json:"interval,omitempty"`
		Byday       string `json:"byday,omitempty"`
		OpensAt     string `json:"opens_at,omitempty"`
		Description string `json:"description,omitempty"`
		Attending   string `json:"attending_type,omitempty"`
	}
	ServiceAtLocation struct {
		ID         string   `json:"id"`
		ServiceID  string   `json:"service_id"`
		LocationID string   `json:"location_id"`
		Location   Location `json:"location"`
	}
	Location struct {
		ID             string `json:"id"`
		LocationType   string `json:"location_type"`
		URL            string `json:"url,omitempty"`
		OrganizationID string `json:"organization_id"`
		Name           string `json:"name"`
	}
	Language struct {
		ID        string `json:"id"`
		ServiceID string `json:"service_id"`
		Name      string `json:"name,omitempty"`
		Code      string `json:"code"`
	}
	CostOption struct {
		ID                string   `json:"id"`
		ServiceID         string   `json:"service_id"`
		Option            string   `json:"option,omitempty"`
		Currency          string   `json:"currency,omitempty"`
		Amount            *float64 `json:"amount,omitempty"`
		AmountDescription string   `json:"amount_description,omitempty"`
	}
	Contact struct {
		ID        string  `json:"id"`
		ServiceID string  `json:"service_id"`
		Email     string  `json:"email,omitempty"`
		Phones    []Phone `json:"phones"`
	}
)

// Export is the circles as an HSDS page of services, in the order given,
// in the words of p's language.
func Export(p *checklist.Pack, circles []Circle) Page {
	out := Page{TotalPages: 1, PageNumber: 1, FirstPage: true, LastPage: true, Contents: []Service{}}
	for _, c := range circles {
		out.Contents = append(out.Contents, service(p, c))
	}
	out.TotalItems, out.Size, out.Empty = len(out.Contents), len(out.Contents), len(out.Contents) == 0
	return out
}

// Marshal is the export as indented JSON, ending in a newline.
func Marshal(p *checklist.Pack, circles []Circle) ([]byte, error) {
	b, err := json.MarshalIndent(Export(p, circles), "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func service(p *checklist.Pack, c Circle) Service {
	id := func(kind string) string { return UUID("vetcircle/" + c.ID + "/" + kind) }
	sid, oid := id("service"), id("organization")
	s := c.Service
	kind := c.Kind
	if kind == "" {
		kind = p.T("hsds.kind")
	}
	out := Service{
		ID: sid, OrganizationID: oid, Name: c.Name,
		Description: p.Tf("hsds.description", "kind", kind),
		URL:         s.Contact.Website, Email: s.Contact.Email, Status: "active",
		AssuredDate: c.Checked,
		// The circle is its own organization: who runs it is not
		// something the register records.
		Organization: Organization{ID: oid, Name: c.Name, Description: p.Tf("hsds.organization", "circle", c.Name), Email: s.Contact.Email, Website: s.Contact.Website},
		Phones:       []Phone{}, Schedules: []Schedule{}, ServiceAtLocations: []ServiceAtLocation{},
		Languages: []Language{}, CostOptions: []CostOption{}, Contacts: []Contact{},
	}
	if s.LastVerified != "" {
		out.AssuredDate = s.LastVerified
	}
	phone := func(kind string) Phone {
		number, ext := checklist.PhoneParts(s.Contact.Phone)
		ph := Phone{ID: id(kind), ServiceID: sid, Number: number, Type: "voice"}
		if e, err := strconv.ParseFloat(ext, 64); err == nil {
			ph.Extension = &e
		}
		return ph
	}
	if s.Contact.Phone != "" {
		out.Phones = append(out.Phones, phone("phone"))
	}
	// The contact is the circle's own way in (no person is named: the
	// register does not keep who answers the phone).
	if s.Contact.Phone != "" || s.Contact.Email != "" {
		ct := Contact{ID: id("contact"), ServiceID: sid, Email: s.Contact.Email, Phones: []Phone{}}
		if s.Contact.Phone != "" {
			ct.Phones = append(ct.Phones, phone("contact/phone"))
		}
		out.Contacts = append(out.Contacts, ct)
	}
	if sc := schedule(p, s.Schedule, c.Setting); sc != (Schedule{}) {
		sc.ID, sc.ServiceID = id("schedule"), sid
		out.Schedules = append(out.Schedules, sc)
	}
	for _, l := range locations(p, c, s) {
		lid := id("location/" + l.LocationType)
		l.ID, l.OrganizationID = lid, oid
		out.ServiceAtLocations = append(out.ServiceAtLocations, ServiceAtLocation{ID: id("service_at_location/" + l.LocationType), ServiceID: sid, LocationID: lid, Location: l})
	}
	for _, code := range s.Languages {
		out.Languages = append(out.Languages, Language{ID: id("language/" + code), ServiceID: sid, Name: languageName(p, code), Code: code})
	}
	if co, fees := cost(p, s.Cost); co != nil {
		co.ID, co.ServiceID = id("cost_option"), sid
		out.CostOptions = append(out.CostOptions, *co)
		out.FeesDescription = fees
	}
	return out
}

// locations are where the circle meets: a physical place (named after the
// circle: the register keeps no address) when it meets in person, a virtual
// one (its website) when online; both for hybrid; none when not known.
func locations(p *checklist.Pack, c Circle, s checklist.Service) []Location {
	var out []Location
	if c.Setting == "in-person" || c.Setting == "hybrid" {
		out = append(out, Location{LocationType: "physical", Name: c.Name})
	}
	if c.Setting == "online" || c.Setting == "hybrid" {
		out = append(out, Location{LocationType: "virtual", Name: p.Tf("hsds.online", "circle", c.Name), URL: s.Contact.Website})
	}
	return out
}

var icalDays = map[string]string{"monday": "MO", "tuesday": "TU", "wednesday": "WE", "thursday": "TH", "friday": "FR", "saturday": "SA", "sunday": "SU"}

// schedule is the circle's schedule as an iCal-style HSDS schedule: a
// weekday only for weekly and biweekly meetings (which week of the month a
// monthly circle meets is not recorded, so its day is left to the words).
func schedule(p *checklist.Pack, s checklist.Schedule, setting string) Schedule {
	var out Schedule
	out.Description = s.Text
	switch s.Frequency {
	case "weekly":
		out.Freq, out.Interval = "WEEKLY", 1
	case "biweekly":
		out.Freq, out.Interval = "WEEKLY", 2
	case "monthly":
		out.Freq, out.Interval = "MONTHLY", 1
	}
	if out.Freq == "WEEKLY" {
		out.Byday = icalDays[s.Weekday]
	}
	out.OpensAt = s.Start
	if out == (Schedule{}) {
		return out
	}
	if setting != "" {
		out.Attending = p.T("hsds.attending." + setting)
	}
	return out
}

// cost is the cost as an HSDS cost option (the low end of a range as the
// amount, the range in words) and the fees in words; nil when not known.
func cost(p *checklist.Pack, c checklist.Cost) (*CostOption, string) {
	if c.IsZero() {
		return nil, ""
	}
	co := &CostOption{}
	if c.Model != "" {
		co.Option = p.T("handout.cost." + c.Model)
	}
	var words []string
	if co.Option != "" {
		words = append(words, co.Option)
	}
	if c.Amount != nil {
		amount := *c.Amount
		co.Amount, co.Currency = &amount, "USD"
		co.AmountDescription = handout.CostAmount(p, c)
		words = append(words, co.AmountDescription)
	}
	return co, strings.Join(words, ": ")
}

// languageName is a language's name in the pack's language.
func languageName(p *checklist.Pack, code string) string {
	return handout.LanguageName(p, code)
}
