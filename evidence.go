package entente

import (
	"time"
)

// Evidence is a dated source that supports a status: a page (kept as an
// original when it could be fetched) or a sentence of another stored
// statement. It is never deleted, only retracted with a reason.
type Evidence struct {
	ID           int64  `json:"id"`
	CommitmentID int64  `json:"commitment_id"`
	URL          string `json:"url,omitempty"`
	Title        string `json:"title"`
	Publisher    string `json:"publisher,omitempty"`
	EventDate    string `json:"event_date,omitempty"` // when what it reports happened (YYYY-MM-DD)
	Accessed     string `json:"accessed,omitempty"`   // when it was read (YYYY-MM-DD)
	Quote        string `json:"quote,omitempty"`
	Note         string `json:"note,omitempty"`
	Official     bool   `json:"official"`
	// SentenceAnchor names a sentence of another stored statement that is
	// the evidence ("" for a page); SentenceDocument is its document.
	SentenceAnchor   string `json:"sentence_anchor,omitempty"`
	SentenceDocument int64  `json:"sentence_document,omitempty"`
	// ArchiveSHA256 is the kept copy of the page, an original like a
	// source's; ArchiveProblem says why there is none.
	ArchiveSHA256  string    `json:"archive_sha256,omitempty"`
	ArchiveProblem string    `json:"archive_problem,omitempty"`
	AddedBy        string    `json:"added_by"`
	AddedAt        time.Time `json:"added_at"`
	Retracted      bool      `json:"retracted"`
	RetractedBy    string    `json:"retracted_by,omitempty"`
	RetractedAt    time.Time `json:"retracted_at,omitzero"`
	RetractReason  string    `json:"retract_reason,omitempty"`
}

// Archive is a page fetched to keep with evidence.
type Archive struct {
	Data      []byte
	MediaType string
	URL       string // where it ended up
}

// NewEvidence is evidence to attach to the commitment at Anchor, with the
// page's kept copy when it could be fetched.
type NewEvidence struct {
	Anchor     Anchor
	DocumentID int64
	Evidence   Evidence
	Archive    *Archive
}
