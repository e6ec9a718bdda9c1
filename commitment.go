package entente

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Anchor identifies a sentence across re-extractions: its version, its
// section, the sha256 of its text with white space collapsed, and its
// occurrence among equal texts of that section. Statuses, evidence and
// corrections are keyed to it, never to a row id.
type Anchor struct {
	VersionID  int64  `json:"version_id"`
	Section    string `json:"section"`
	TextSHA256 string `json:"text_sha256"`
	Occurrence int    `json:"occurrence"`
}

// String renders the anchor as one token: version:section:sha256:occurrence.
func (a Anchor) String() string {
	return fmt.Sprintf("%d:%s:%s:%d", a.VersionID, a.Section, a.TextSHA256, a.Occurrence)
}

// ParseAnchor reads what String writes.
func ParseAnchor(s string) (Anchor, error) {
	parts := strings.Split(s, ":")
	if len(parts) < 4 {
		return Anchor{}, Errorf(EINVALID, "%q is not a sentence anchor", s)
	}
	n := len(parts)
	vid, err1 := strconv.ParseInt(parts[0], 10, 64)
	occ, err2 := strconv.Atoi(parts[n-1])
	if err1 != nil || err2 != nil || vid <= 0 || occ < 0 {
		return Anchor{}, Errorf(EINVALID, "%q is not a sentence anchor", s)
	}
	return Anchor{VersionID: vid, Section: strings.Join(parts[1:n-2], ":"), TextSHA256: parts[n-2], Occurrence: occ}, nil
}

// Precision says how exactly a due date is known.
type Precision string

// Precisions of a due date, from the most exact.
const (
	PrecisionDay   Precision = "day"
	PrecisionMonth Precision = "month"
	PrecisionYear  Precision = "year"
	PrecisionOpen  Precision = "open" // no date: as soon as possible, on schedule
)

// Due is a commitment's deadline read as a date.
type Due struct {
	Date      string    `json:"date,omitempty"` // YYYY-MM-DD, the last day the deadline allows; "" when open
	Precision Precision `json:"precision"`
	Urgent    bool      `json:"urgent,omitempty"`   // 尽快 and the like
	Schedule  bool      `json:"schedule,omitempty"` // 按期: by the project's own schedule
	Rule      string    `json:"rule"`               // the rule of due.rules that read it
}

// PartyStatus is the status of a commitment for one of its parties.
type PartyStatus struct {
	Party      string    `json:"party"`
	Status     Status    `json:"status"`
	EvidenceID int64     `json:"evidence_id,omitempty"`
	Why        string    `json:"why,omitempty"`
	Actor      string    `json:"actor,omitempty"`
	UpdatedAt  time.Time `json:"updated_at,omitzero"`
}

// TrackedCommitment is a sentence of type commitment (after corrections) with
// where it stands: its document, its labels, its due date, and a status for
// each of its actors.
type TrackedCommitment struct {
	ID            int64         `json:"id,omitempty"` // the tracking row, 0 until something is recorded
	Anchor        Anchor        `json:"anchor"`
	DocumentID    int64         `json:"document_id"`
	DocumentTitle string        `json:"document_title"`
	SignedDate    string        `json:"signed_date,omitempty"`
	Parties       []string      `json:"parties"` // the document's
	Sentence      Sentence      `json:"sentence"`
	Due           *Due          `json:"due,omitempty"`
	Overdue       bool          `json:"overdue"`
	Statuses      []PartyStatus `json:"statuses"`
	// Revision counts the changes to the commitment's statuses; a change
	// names the revision it was made against (If-Match), and a stale one is
	// refused.
	Revision int `json:"revision"`
}

// Ref is how the reader and the CLI name the commitment: DOC/sN.
func (c *TrackedCommitment) Ref() string { return fmt.Sprintf("%d/%s", c.DocumentID, c.Sentence.ID) }

// StatusOf returns the status of party, not_rated when none is recorded.
func (c *TrackedCommitment) StatusOf(party string) Status {
	for _, s := range c.Statuses {
		if s.Party == party {
			return s.Status
		}
	}
	return NotRated
}

// CommitmentFilter selects commitments for the table and for scorecards.
type CommitmentFilter struct {
	Document   int64
	Party      string   // an actor of the commitment
	Pair       []string // two parties: commitments of documents both signed
	Area       string
	Strength   Strength
	Status     Status
	From, To   string // signed date bounds (YYYY, YYYY-MM or YYYY-MM-DD), inclusive
	Overdue    bool
	DueBefore  string // due on or before this date (YYYY-MM-DD)
	DueAfter   string // due on or after this date
	Sort       string // "due", "signed" (default), "status"
	Limit      int
	Offset     int
	Withdrawn  bool // include withdrawn documents
	ReviewOnly bool
}

// SentenceRef is a stored sentence found by its document and id (sN), with
// its anchor and its labels as corrected.
type SentenceRef struct {
	DocumentID int64
	Anchor     Anchor
	Sentence   Sentence
	Parties    []string // the document's
	SignedDate string
	Title      string
}

// Precisions lists the precisions of a due date with their labels.
func Precisions() ValueList {
	return ValueList{
		value(string(PrecisionDay), "具体到日", "to the day", "tačno na dan"),
		value(string(PrecisionMonth), "具体到月", "to the month", "tačno na mesec"),
		value(string(PrecisionYear), "具体到年", "to the year", "tačno na godinu"),
		value(string(PrecisionOpen), "无具体日期", "no date", "bez datuma"),
	}
}
