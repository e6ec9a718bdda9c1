package entente

import (
	"context"
	"time"
)

// Source is one ingested file or page: the original bytes as they came,
// their format and encoding, where and when they came from. Its identity is
// the sha256 of the bytes: the same bytes are never stored twice.
type Source struct {
	ID          int64     `json:"id"`
	VersionID   int64     `json:"version_id"`
	DocumentID  int64     `json:"document_id"` // filled in when read from the store
	SHA256      string    `json:"sha256"`
	Size        int64     `json:"size"`
	Name        string    `json:"name"`     // file name or page address as given
	URL         string    `json:"url"`      // the address it was fetched from, if any
	Format      string    `json:"format"`   // text | html | docx | pdf
	Encoding    string    `json:"encoding"` // the character encoding it was decoded from
	MediaType   string    `json:"media_type"`
	RetrievedAt time.Time `json:"retrieved_at"` // when it was read or fetched
	CreatedAt   time.Time `json:"created_at"`
}

// Version is a document in one language. TextSHA256 is the sha256 of the
// normalised text: the same text arriving in another encoding or format is
// another source of the same version, not another document.
type Version struct {
	ID         int64     `json:"id"`
	DocumentID int64     `json:"document_id"`
	Language   string    `json:"language"`
	Authentic  bool      `json:"authentic"`
	TextSHA256 string    `json:"text_sha256"`
	Text       string    `json:"-"`
	Extractor  string    `json:"extractor"` // the extractor that produced its labels
	CreatedAt  time.Time `json:"created_at"`
}

// StoredDocument is a document as the store holds it: its metadata, its
// versions and sources, and (when loaded whole) the extraction of its
// version.
type StoredDocument struct {
	ID         int64       `json:"id"`
	Document               // title, kind, parties, date, place, signatories
	Versions   []Version   `json:"versions"`
	Sources    []Source    `json:"sources"`
	Extraction *Extraction `json:"extraction,omitempty"`
	CreatedAt  time.Time   `json:"created_at"`
	// Withdrawn documents are hidden from lists and kept; an editor can
	// restore them.
	Withdrawn bool `json:"withdrawn,omitempty"`
	// Corrections are the corrections applied to what is shown (and those
	// waiting or flagged), so that a reader sees what changed and why.
	Corrections []Correction `json:"corrections,omitempty"`
	// Counts by sentence type, for lists.
	Sentences   int `json:"sentence_count"`
	Commitments int `json:"commitment_count"`
}

// NewDocument is what ingest hands the store for a document seen for the
// first time: the extraction, the normalised text it came from, and its
// first source with the original bytes. The store writes all of it in one
// transaction.
type NewDocument struct {
	Extraction *Extraction
	Text       string // the normalised text the extraction read
	TextSHA256 string
	Extractor  string
	Source     Source
	Original   []byte
}

// DocumentFilter selects documents for a list.
type DocumentFilter struct {
	Party    string
	Kind     Kind
	Language string
	Area     string // documents with a commitment in this area
	From, To string // signed date bounds, ISO 8601, inclusive
	Limit    int
	Offset   int
	// Withdrawn includes withdrawn documents.
	Withdrawn bool
}

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
	DocumentID    int64    `json:"document_id"`
	DocumentTitle string   `json:"document_title"`
	SignedDate    string   `json:"signed_date,omitempty"`
	Language      string   `json:"language,omitempty"`
	Section       string   `json:"section"`
	Sentence      Sentence `json:"sentence"`
	Score         float64  `json:"score"`
	// Marks are the matched spans, in characters of the sentence text.
	Marks []Span `json:"marks"`
	// Highlighted is the text with each match wrapped in [[ and ]].
	Highlighted string `json:"highlighted"`
}

// Span is a range of characters [Start, End).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Store keeps documents, their versions, sources and extractions. The
// embedded SQLite store and the PostgreSQL store implement it with the same
// behaviour.
type Store interface {
	// SourceBySHA256 finds the source with these original bytes.
	SourceBySHA256(ctx context.Context, sha256 string) (*Source, error)
	// VersionByTextSHA256 finds the version with this normalised text.
	VersionByTextSHA256(ctx context.Context, sha256 string) (*Version, error)
	// CreateDocument writes a new document with its version, source,
	// original bytes, sections, sentences, references and entities, all or
	// nothing. It returns the new document's id.
	CreateDocument(ctx context.Context, d *NewDocument) (int64, error)
	// CreateDocuments writes several new documents as CreateDocument does,
	// all of them or none, and returns their ids in order. Batch ingests
	// use it to share one commit among many documents.
	CreateDocuments(ctx context.Context, ds []*NewDocument) ([]int64, error)
	// AddSource records another source (other bytes, same text) of an
	// existing version, with its original bytes.
	AddSource(ctx context.Context, versionID int64, s Source, original []byte) (int64, error)
	// Original returns a source and its bytes exactly as they came.
	Original(ctx context.Context, sourceID int64) (*Source, []byte, error)
	// Documents lists documents, newest first.
	Documents(ctx context.Context, f DocumentFilter) ([]StoredDocument, error)
	// Document returns one document with its versions, sources and the
	// extraction of its first version.
	Document(ctx context.Context, id int64) (*StoredDocument, error)
	// DeleteDocument removes a document and everything that hangs on it.
	DeleteDocument(ctx context.Context, id int64) error
	// Search finds sentences, best first.
	Search(ctx context.Context, q SearchQuery) ([]SearchHit, error)
	// CommitmentStats counts the library's commitments for dashboards.
	CommitmentStats(ctx context.Context) (*CommitmentStats, error)
	// Backup writes a consistent copy of the store to a file while it is in
	// use (SQLite); a store that cannot (PostgreSQL) says how to.
	Backup(ctx context.Context, path string) error
	// Close releases the store.
	Close() error
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
