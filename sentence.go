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

// Rationale tells which cue decided each label, so that an analyst can see why
// and a rule can be debugged. Offsets are in characters (runes) of the
// sentence text.
type Rationale struct {
	Type     *Cue        `json:"type,omitempty"`
	Strength *Cue        `json:"strength,omitempty"`
	Actors   []PartyCue  `json:"actors,omitempty"`
	Areas    []AreaCue   `json:"areas,omitempty"`
	Deadline *Cue        `json:"deadline,omitempty"`
	Clauses  []ClauseCue `json:"clauses,omitempty"`
	// References, Mechanisms and Projects are where each instrument cited,
	// mechanism or project named stands in the sentence: what the reader
	// marks.
	References []Cue `json:"references,omitempty"`
	Mechanisms []Cue `json:"mechanisms,omitempty"`
	Projects   []Cue `json:"projects,omitempty"`
}

// Cue is a span of the sentence that fired a rule, with the rule's name.
type Cue struct {
	Rule  string `json:"rule"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// PartyCue is the span that named an actor.
type PartyCue struct {
	Party string `json:"party"`
	Cue
}

// AreaCue is the span that placed the sentence in a policy area.
type AreaCue struct {
	Area string `json:"area"`
	Cue
}

// ClauseCue is how one clause of the sentence was read.
type ClauseCue struct {
	Start    int          `json:"start"`
	End      int          `json:"end"`
	Type     SentenceType `json:"type,omitempty"`
	Strength Strength     `json:"strength,omitempty"`
	Actors   []string     `json:"actors,omitempty"`
	Cue      *Cue         `json:"cue,omitempty"`
}

// Reference is an instrument (agreement, MoU, plan, resolution…) that the
// document cites by title.
type Reference struct {
	Title     string        `json:"title"`
	Bracketed bool          `json:"bracketed"`
	Kind      ReferenceKind `json:"kind"`
	Year      *int          `json:"year" nullable:"true"`
	Sentences []string      `json:"sentences"`
}

// ReferenceKind is the kind of a cited instrument.
type ReferenceKind string

// Kinds of cited instruments.
const (
	RefJointStatement ReferenceKind = "joint_statement"
	RefAgreement      ReferenceKind = "agreement"
	RefMoU            ReferenceKind = "mou"
	RefActionPlan     ReferenceKind = "action_plan"
	RefDeclaration    ReferenceKind = "declaration"
	RefInitiative     ReferenceKind = "initiative"
	RefResolution     ReferenceKind = "resolution"
	RefCharter        ReferenceKind = "charter"
	RefPlan           ReferenceKind = "plan"
	RefOther          ReferenceKind = "other"
)

// Entity is a named mechanism or project with the sentences that mention it.
type Entity struct {
	Name      string   `json:"name"`
	Sentences []string `json:"sentences"`
}
