package entente

import "context"

// SearchQuery is a full-text search over sentences with filters.
type SearchQuery struct {
	Text     string
	Language string
	Party    string // an actor of the sentence, or a party of the document
	Type     SentenceType
	Area     string
	Strength Strength
	From, To string // signed date bounds, ISO 8601, inclusive
	Limit    int
	Offset   int
}

// SearchHit is one sentence that matches, with where it stands and the
// matched parts marked.
type SearchHit struct {
	DocumentID    int64  `json:"document_id"`
	DocumentTitle string `json:"document_title"`
	// DocumentKind and DocumentParties name a document without a title.
	DocumentKind    Kind     `json:"document_kind"`
	DocumentParties []string `json:"document_parties"`
	SignedDate      string   `json:"signed_date,omitempty"`
	Language        string   `json:"language,omitempty"`
	Section         string   `json:"section"`
	Sentence        Sentence `json:"sentence"`
	Score           float64  `json:"score"`
	// Marks are the matched spans, in characters of the sentence text.
	Marks []Span `json:"marks"`
	// Highlighted is the text with each match wrapped in [[ and ]].
	Highlighted string `json:"highlighted"`
}

// SearchResults is a page of hits with the size of the whole result set
// and what it holds by type, party, area, strength, year and language.
type SearchResults struct {
	Hits  []SearchHit `json:"hits"`
	Total int         `json:"total"`
	// Estimated says that Total and Facets count only part of the matches
	// and the true numbers are higher. The SQL store counts every match
	// since issue 18 and never sets it; it stays for clients that read it.
	Estimated bool   `json:"estimated"`
	Facets    Facets `json:"facets"`
	// FacetsOf is how many hits the facets count: Total (the SQL store
	// counts every hit), or fewer where a store counts only the first.
	FacetsOf int `json:"facets_of"`
}

// Facets count the hits of a whole result set by a label, most first. A
// sentence counts once under each of its actors and areas.
type Facets struct {
	Type     []Count `json:"type"`
	Party    []Count `json:"party"`
	Area     []Count `json:"area"`
	Strength []Count `json:"strength"`
	Year     []Count `json:"year"`
	Language []Count `json:"lang"`
}

// Searcher finds sentences and counts commitments.
type Searcher interface {
	// Search finds sentences, best first.
	Search(ctx context.Context, q SearchQuery) ([]SearchHit, error)
	// SearchPage finds sentences as Search does, and also counts the whole
	// result set and its facets.
	SearchPage(ctx context.Context, q SearchQuery) (*SearchResults, error)
	// CommitmentStats counts the library's commitments for dashboards.
	CommitmentStats(ctx context.Context) (*CommitmentStats, error)
}

// Count is a labelled number, for dashboards.
type Count struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// CommitmentStats counts the commitments of the library by area, actor,
// strength and year of signing.
type CommitmentStats struct {
	Total      int     `json:"total"`
	ByArea     []Count `json:"by_area"`
	ByParty    []Count `json:"by_party"`
	ByStrength []Count `json:"by_strength"`
	ByYear     []Count `json:"by_year"`
}
