package fhir

// The few FHIR R4 types vetcircle writes and reads, typed by hand. Every
// choice-type element (answer[x], value[x]) is a pointer with omitempty, so
// exactly the one variant that was set is written: the generated R4 models
// on the Go module proxy write every variant of a required choice element
// (answerBoolean: false, answerDecimal: 0, ...), which is not valid FHIR;
// docs/fhir.md says more. Fields follow the R4 JSON names and order.

// Coding is a code in a code system, with its words.
type Coding struct {
	System  string `json:"system,omitempty"`
	Code    string `json:"code,omitempty"`
	Display string `json:"display,omitempty"`
}

// CodeableConcept is a coded value with its words.
type CodeableConcept struct {
	Coding []Coding `json:"coding,omitempty"`
	Text   string   `json:"text,omitempty"`
}

// Reference points at another resource, or only names it (display).
type Reference struct {
	Reference string `json:"reference,omitempty"`
	Display   string `json:"display,omitempty"`
}

// Annotation is a note.
type Annotation struct {
	Text string `json:"text"`
}

// Extension carries what R4 has no element for. Only the value types
// vetcircle uses are modelled.
type Extension struct {
	Extension    []Extension `json:"extension,omitempty"`
	URL          string      `json:"url"`
	ValueBoolean *bool       `json:"valueBoolean,omitempty"`
	ValueString  *string     `json:"valueString,omitempty"`
	ValueCode    *string     `json:"valueCode,omitempty"`
	ValueDecimal *float64    `json:"valueDecimal,omitempty"`
	ValueCoding  *Coding     `json:"valueCoding,omitempty"`
}

// Questionnaire is an R4 Questionnaire: the form, generated from a pack.
type Questionnaire struct {
	ResourceType string `json:"resourceType"`
	ID           string `json:"id,omitempty"`
	Language     string `json:"language,omitempty"`
	URL          string `json:"url"`
	Version      string `json:"version"`
	Name         string `json:"name,omitempty"`
	Title        string `json:"title,omitempty"`
	Status       string `json:"status"`
	Date         string `json:"date,omitempty"`
	Publisher    string `json:"publisher,omitempty"`
	Description  string `json:"description,omitempty"`
	Item         []Item `json:"item,omitempty"`
}

// Item is one Questionnaire.item: a group, a display text or a question.
type Item struct {
	Extension      []Extension    `json:"extension,omitempty"`
	LinkID         string         `json:"linkId"`
	Prefix         string         `json:"prefix,omitempty"`
	Text           string         `json:"text,omitempty"`
	Type           string         `json:"type"`
	EnableWhen     []EnableWhen   `json:"enableWhen,omitempty"`
	EnableBehavior string         `json:"enableBehavior,omitempty"`
	Required       bool           `json:"required,omitempty"`
	Repeats        bool           `json:"repeats,omitempty"`
	MaxLength      int            `json:"maxLength,omitempty"`
	AnswerOption   []AnswerOption `json:"answerOption,omitempty"`
	Item           []Item         `json:"item,omitempty"`
}

// EnableWhen is one condition on another item's answer.
type EnableWhen struct {
	Question      string   `json:"question"`
	Operator      string   `json:"operator"`
	AnswerBoolean *bool    `json:"answerBoolean,omitempty"`
	AnswerDecimal *float64 `json:"answerDecimal,omitempty"`
	AnswerCoding  *Coding  `json:"answerCoding,omitempty"`
}

// AnswerOption is one allowed answer of a choice item.
type AnswerOption struct {
	ValueCoding *Coding `json:"valueCoding,omitempty"`
}

// QuestionnaireResponse is an R4 QuestionnaireResponse: one vetting's
// answers, citing the Questionnaire they answer.
type QuestionnaireResponse struct {
	ResourceType  string         `json:"resourceType"`
	Language      string         `json:"language,omitempty"`
	Contained     []Observation  `json:"contained,omitempty"`
	Extension     []Extension    `json:"extension,omitempty"`
	Questionnaire string         `json:"questionnaire"`
	Status        string         `json:"status"`
	Authored      string         `json:"authored,omitempty"`
	Author        *Reference     `json:"author,omitempty"`
	Item          []ResponseItem `json:"item,omitempty"`
}

// ResponseItem is one QuestionnaireResponse.item, matched to the
// Questionnaire's item by LinkID.
type ResponseItem struct {
	Extension []Extension    `json:"extension,omitempty"`
	LinkID    string         `json:"linkId"`
	Text      string         `json:"text,omitempty"`
	Answer    []Answer       `json:"answer,omitempty"`
	Item      []ResponseItem `json:"item,omitempty"`
}

// Answer is one answer; exactly one value is set, of the item's type.
type Answer struct {
	Extension    []Extension    `json:"extension,omitempty"`
	ValueDecimal *float64       `json:"valueDecimal,omitempty"`
	ValueString  *string        `json:"valueString,omitempty"`
	ValueCoding  *Coding        `json:"valueCoding,omitempty"`
	Item         []ResponseItem `json:"item,omitempty"`
}

// Observation is an R4 Observation, contained in a response: one of the
// three answers (verdict, fit, stay) vetcircle derived from it.
type Observation struct {
	ResourceType         string            `json:"resourceType"`
	ID                   string            `json:"id"`
	Status               string            `json:"status"`
	Category             []CodeableConcept `json:"category,omitempty"`
	Code                 CodeableConcept   `json:"code"`
	EffectiveDateTime    string            `json:"effectiveDateTime,omitempty"`
	ValueCodeableConcept *CodeableConcept  `json:"valueCodeableConcept,omitempty"`
	Note                 []Annotation      `json:"note,omitempty"`
	DerivedFrom          []Reference       `json:"derivedFrom,omitempty"`
}
