package entente

import "time"

// SearchLag is how far the full-text index is behind the statements
// stored: a batch ingest may commit its statements and leave their index
// to a background indexer (issue 18, item 3). Its statements are stored,
// listed and read at once; search finds them once indexed.
type SearchLag struct {
	// Statements stored and not yet searchable (versions), and their
	// sentences.
	Statements int   `json:"statements"`
	Sentences  int64 `json:"sentences"`
	// Oldest is when the longest waiting was stored (nil when none waits).
	Oldest *time.Time `json:"oldest,omitempty"`
}
