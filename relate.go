package entente

import "time"

// The web of texts around one statement: how two parties name their
// relationship over the years, what changed between two statements, which
// promises came back, and which later statements report on earlier
// promises. Package compare computes these from stored extractions.

// RelationshipStep is one document's designation of the relationship
// between two parties: the level it names (product.md's hierarchy), what it
// does with it, and the sentence that says so.
type RelationshipStep struct {
	DocumentID    int64  `json:"document_id"`
	DocumentTitle string `json:"document_title"`
	SignedDate    string `json:"signed_date,omitempty"`
	Sentence      string `json:"sentence"` // sN
	Text          string `json:"text"`
	Designation   string `json:"designation"` // a code of lexicon/data/relations.cues
	Label         Label  `json:"label"`
	Rank          int    `json:"rank"` // 1 (lowest) … 8
	Words         string `json:"words"`
	// From is the lower designation the sentence names beside an upgrade
	// ("将…战略伙伴关系提升为全面战略伙伴关系"), "" when none.
	From      string `json:"from,omitempty"`
	FromLabel *Label `json:"from_label,omitempty"`
	// Action is established, upgraded or reaffirmed.
	Action RelationshipAction `json:"action"`
	// Inferred is set when no word of the sentence says the action and it
	// is read from the step before (a higher level than before is an
	// upgrade, the same or a lower one a reaffirmation).
	Inferred bool `json:"inferred,omitempty"`
}

// Label is a value's name in the UI's languages.
type Label struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
	SR string `json:"sr"` // Latin script
}

// RelationshipAction is what a document does with the relationship.
type RelationshipAction string

// Relationship actions.
const (
	Established RelationshipAction = "established"
	Upgraded    RelationshipAction = "upgraded"
	Reaffirmed  RelationshipAction = "reaffirmed"
)

// Mark is how a commitment or position of one statement stands in another.
type Mark string

// Marks of a comparison.
const (
	Added        Mark = "added"        // only in the later (second) statement
	Dropped      Mark = "dropped"      // only in the first
	Repeated     Mark = "repeated"     // the same words, the same strength
	Reworded     Mark = "reworded"     // the same promise in other words, the same strength
	Strengthened Mark = "strengthened" // the same promise made more firmly
	Weakened     Mark = "weakened"     // made less firmly
)

// Marks lists the marks in the order summaries show them.
var Marks = []Mark{Repeated, Reworded, Strengthened, Weakened, Added, Dropped}

// ComparedSentence is a commitment or position of one side of a comparison.
type ComparedSentence struct {
	DocumentID int64        `json:"document_id"`
	Sentence   string       `json:"sentence"` // sN
	Text       string       `json:"text"`
	Type       SentenceType `json:"type"`
	Strength   Strength     `json:"strength" nullable:"true"`
	Areas      []string     `json:"areas"`
}

// Alignment is one row of a comparison: a sentence of the first statement,
// of the second, or both when they say the same thing.
type Alignment struct {
	Mark  Mark              `json:"mark"`
	A     *ComparedSentence `json:"a,omitempty"`
	B     *ComparedSentence `json:"b,omitempty"`
	Score float64           `json:"score,omitempty"` // similarity, 0 … 1
	// Why names what the two share: "text 0.72", a project, an instrument,
	// a mechanism.
	Why []string `json:"why,omitempty"`
}

// Comparison is two statements' commitments and positions aligned.
type Comparison struct {
	A       DocumentBrief           `json:"a"`
	B       DocumentBrief           `json:"b"`
	Rows    []Alignment             `json:"rows"`
	Summary map[Mark]int            `json:"summary"`
	ByArea  map[string]map[Mark]int `json:"by_area"`
}

// DocumentBrief names a document in results that span several.
type DocumentBrief struct {
	ID         int64    `json:"id"`
	Title      string   `json:"title"`
	SignedDate string   `json:"signed_date,omitempty"`
	Parties    []string `json:"parties"`
	Language   string   `json:"language,omitempty"`
}

// Recurrence is a commitment with the earlier commitments of the same
// parties that promised the same thing.
type Recurrence struct {
	Commitment CommitmentBrief   `json:"commitment"`
	Earlier    []CommitmentBrief `json:"earlier"` // oldest first
	// FirstPromised is the signing date of the oldest; Repeated counts the
	// times the promise came back after it (this one included).
	FirstPromised string `json:"first_promised,omitempty"`
	Repeated      int    `json:"repeated"`
}

// CommitmentBrief is a commitment named in results that span documents.
type CommitmentBrief struct {
	Ref        string   `json:"ref"` // DOC/sN
	DocumentID int64    `json:"document_id"`
	Sentence   string   `json:"sentence"`
	SignedDate string   `json:"signed_date,omitempty"`
	Text       string   `json:"text"`
	Strength   Strength `json:"strength" nullable:"true"`
	Areas      []string `json:"areas"`
	Score      float64  `json:"score,omitempty"`
}

// Followup is a sentence of a later statement that reports on an earlier
// commitment, offered on it as suggested evidence with a suggested status,
// and what an analyst decided about it.
type Followup struct {
	Commitment      CommitmentBrief   `json:"commitment"`
	Report          CommitmentBrief   `json:"report"` // the later sentence (its strength empty)
	ReportTitle     string            `json:"report_title"`
	SuggestedStatus Status            `json:"suggested_status"`
	Cue             string            `json:"cue"` // the words that report
	Score           float64           `json:"score"`
	Why             []string          `json:"why,omitempty"`
	Decision        *FollowupDecision `json:"decision,omitempty"`
}

// FollowupDecision is an analyst's answer to a suggested follow-up:
// accepted (evidence and a status recorded) or dismissed.
type FollowupDecision struct {
	ID               int64     `json:"id"`
	CommitmentAnchor string    `json:"commitment_anchor"`
	CommitmentDoc    int64     `json:"commitment_document"`
	ReportAnchor     string    `json:"report_anchor"`
	ReportDoc        int64     `json:"report_document"`
	Decision         string    `json:"decision"` // accepted, dismissed
	Status           Status    `json:"status,omitempty"`
	EvidenceID       int64     `json:"evidence_id,omitempty"`
	Why              string    `json:"why"`
	Actor            string    `json:"actor"`
	DecidedAt        time.Time `json:"decided_at"`
}

// Follow-up decisions.
const (
	FollowupAccepted  = "accepted"
	FollowupDismissed = "dismissed"
)

// PairView is everything about two parties at a glance: their documents on
// a time axis, the relationship timeline, their commitments by area and
// status, the scorecard, and the promises that came back most often.
type PairView struct {
	Parties   []string           `json:"parties"`
	Documents []DocumentBrief    `json:"documents"` // oldest first
	Timeline  []RelationshipStep `json:"timeline"`
	// ByArea counts (commitment, party) pairs per area and status, as the
	// scorecard counts them; a commitment with no area counts under "none".
	ByArea       map[string]map[Status]int `json:"by_area"`
	Commitments  int                       `json:"commitments"`
	Scorecard    *Scorecard                `json:"scorecard"`
	MostRecycled []Recurrence              `json:"most_recycled"`
}
