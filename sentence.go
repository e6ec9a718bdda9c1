package entente

import "encoding/json"

// Sentence is one sentence of a document with its labels.
type Sentence struct {
	ID      string `json:"id"`
	Section string `json:"section"`
	// Marker is the list marker or numbering that opened the sentence's
	// paragraph (一、 ——  （一）), kept apart from the text.
	Marker     string       `json:"marker,omitempty"`
	Paragraph  int          `json:"paragraph"`
	Text       string       `json:"text"`
	Type       SentenceType `json:"type"`
	Actors     []string     `json:"actors"`
	Strength   Strength     `json:"strength" nullable:"true"`
	Areas      []string     `json:"areas"`
	References []string     `json:"references"`
	Mechanisms []string     `json:"mechanisms"`
	Projects   []string     `json:"projects"`
	Deadline   *string      `json:"deadline" nullable:"true"`
	Rationale  Rationale    `json:"rationale"`
}

// SentenceType is what a sentence does.
type SentenceType string

// Sentence types, in order of precedence: a sentence with any clause of an
// earlier type is of that type.
const (
	Commitment SentenceType = "commitment"
	Position   SentenceType = "position"
	Appraisal  SentenceType = "appraisal"
	Narrative  SentenceType = "narrative"
)

// Strength is how firmly a commitment is made; empty for other types.
type Strength string

// Strengths of a commitment, strongest first.
const (
	Firm   Strength = "firm"
	Intent Strength = "intent"
	Soft   Strength = "soft"
)

// Rank orders strengths: firm 3, intent 2, soft 1, none 0.
func (s Strength) Rank() int {
	switch s {
	case Firm:
		return 3
	case Intent:
		return 2
	case Soft:
		return 1
	}
	return 0
}

// MarshalJSON writes null for the empty strength, as the contract asks.
func (s Strength) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(s))
}

// Span is a range of characters [Start, End).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// SentenceTypes are the sentence types in order of precedence, with their
// labels.
func SentenceTypes() ValueList {
	return ValueList{
		value(string(Commitment), "承诺", "commitment", "obaveza"),
		value(string(Position), "立场", "position", "stav"),
		value(string(Appraisal), "评价", "appraisal", "ocena"),
		value(string(Narrative), "叙述", "narrative", "opis"),
	}
}

// Strengths are the strengths of a commitment, strongest first, with
// their labels.
func Strengths() ValueList {
	return ValueList{
		value(string(Firm), "明确", "firm", "čvrsta"),
		value(string(Intent), "意愿", "intent", "namera"),
		value(string(Soft), "一般", "soft", "blaga"),
	}
}
