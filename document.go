package entente

import (
	"context"
	"time"
)

// Extraction is everything Entente reads out of one document, in the shape of
// the extraction contract (shared/spec/extraction.md). Fields beyond the
// contract (evidence, offsets) are additions the contract welcomes.
type Extraction struct {
	Document   Document    `json:"document"`
	Sections   []Section   `json:"sections"`
	Sentences  []Sentence  `json:"sentences"`
	References []Reference `json:"references"`
	Mechanisms []Entity    `json:"mechanisms"`
	Projects   []Entity    `json:"projects"`
	// Warnings say what the reader could not do (a language it has no
	// rules for), so that nothing is labelled silently.
	Warnings []string `json:"warnings,omitempty"`
}

// Document is the metadata of one statement.
type Document struct {
	Title       string   `json:"title"`
	Kind        Kind     `json:"kind"`
	Language    string   `json:"language"`
	Parties     []string `json:"parties"`
	SignedDate  *string  `json:"signed_date" nullable:"true"`
	SignedPlace *string  `json:"signed_place" nullable:"true"`
	// SignedDateSource is set when the date is inferred rather than stated:
	// month and day from an agency dateline, the year from the text. (Not
	// stored yet: the documents table has no column for it.)
	SignedDateSource   string      `json:"signed_date_source,omitempty"`
	Signatories        []Signatory `json:"signatories"`
	AuthenticLanguages []string    `json:"authentic_languages"`
	// NewsDateline is an agency dateline such as (新华社贝尔格莱德5月8日电):
	// metadata, never a sentence.
	NewsDateline string `json:"news_dateline,omitempty"`
}

// Kind is the kind of a document.
type Kind string

// Document kinds of the contract.
const (
	KindJointStatement Kind = "joint_statement"
	KindAgreement      Kind = "agreement"
	KindMoU            Kind = "mou"
	KindActionPlan     Kind = "action_plan"
	KindCommunique     Kind = "communique"
	KindDeclaration    Kind = "declaration"
	KindOther          Kind = "other"
)

// Signatory is one person who signed, with the office as written.
type Signatory struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Party string `json:"party,omitempty"`
}

// Section is a numbered article, the preamble or the closing. ID is
// "preamble", "closing" or the article's number in Arabic digits; Heading is
// the number as written (一, 12, IV).
type Section struct {
	ID      string `json:"id"`
	Heading string `json:"heading,omitempty"`
	// Title is an article's own heading text, when it has one (一、政治互信).
	Title string `json:"title,omitempty"`
}

// Section ids that are not numbers.
const (
	SectionPreamble = "preamble"
	SectionClosing  = "closing"
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
	// Coverage is set on a near-duplicate, a source whose text is its
	// version's statement as another publisher printed it (NearSame): the
	// share of the longer text their common body covers. 0 for a source
	// with the version's own text.
	Coverage float64 `json:"coverage,omitempty"`
	// Text is a near-duplicate's own decoded text; empty otherwise.
	Text string `json:"-"`
	// Differences are how a near-duplicate's text differs from its
	// version's, filled in when a document is read whole.
	Differences []TextDifference `json:"differences,omitempty"`
}

// NearSource reports whether the source is a near-duplicate of its version.
func (s *Source) NearSource() bool { return s.Text != "" }

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
	// NearRunes is the number of letters and digits the near-duplicate
	// measure reads in the text (NearText.Runes), as a near-duplicate
	// look-up returns it to rule candidates out by length
	// (NearRunesMayMatch); 0 when not known.
	NearRunes int `json:"-"`
}

// VersionToRead is a version to extract again. CorrectedLanguage is the
// language an analyst corrected its document's to ("" when none, and on
// any version but the first, whose language is the document's): it
// decides which rules read the text. Otherwise, when LanguageGiven, the
// version's Language was chosen at ingest and decides them; else the
// language is detected again.
type VersionToRead struct {
	Version
	CorrectedLanguage string
	LanguageGiven     bool
	// CorrectedParties are the document's parties as an analyst corrected
	// them (nil: not corrected), for every version: the joint subjects of
	// each are read as standing for them.
	CorrectedParties []string
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
	// NearSketch is the text's NearSketch when the caller has it already
	// (ingest computes it to look for near-duplicates); nil for the store
	// to compute.
	NearSketch []int64
	// NearRunes is the count of letters and digits NearSketchRunes gave
	// with NearSketch (read only when NearSketch is set).
	NearRunes int
	// LanguageGiven says the extraction's language was chosen by whoever
	// ingested the text rather than detected, so that re-extraction keeps it.
	LanguageGiven bool
	// Prepared is what the store derived from the document ahead of its
	// transaction, when the caller asked it to (a batch does, on every
	// core, while the one writer writes); nil for the store to derive it
	// when writing.
	Prepared PreparedDocument
}

// PreparedDocument is a store's own form of a NewDocument, derived ahead
// of writing it (its rows encoded, its text packed): opaque to anyone
// else, and used by the store only with the document it was derived from.
type PreparedDocument interface {
	// PreparedFrom is the document it was derived from.
	PreparedFrom() *NewDocument
}

// DocumentFilter selects documents for a list.
type DocumentFilter struct {
	Party string
	// Parties are parties every one of which signed the documents
	// listed (with Party, if set): the statements of a pair, or of a
	// document's parties.
	Parties  []string
	Kind     Kind
	Language string
	Area     string // documents with a commitment in this area
	From, To string // signed date bounds, ISO 8601, inclusive
	Limit    int
	Offset   int
	// Withdrawn includes withdrawn documents.
	Withdrawn bool
}

// DocumentWriter is what ingest needs to store statements: find what is
// already there by its bytes or its text, and write what is new.
type DocumentWriter interface {
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
}

// Library is what readers need of the stored documents: lists, one
// document whole, a source's original bytes; and removal.
type Library interface {
	// Documents lists documents, newest first.
	Documents(ctx context.Context, f DocumentFilter) ([]StoredDocument, error)
	// CountDocuments counts the documents that meet f, ignoring its limit
	// and offset: the "of 63" of a page of documents.
	CountDocuments(ctx context.Context, f DocumentFilter) (int, error)
	// Document returns one document with its versions, sources and the
	// extraction of its first version.
	Document(ctx context.Context, id int64) (*StoredDocument, error)
	// Original returns a source and its bytes exactly as they came.
	Original(ctx context.Context, sourceID int64) (*Source, []byte, error)
	// DocumentPage returns a document as Document does but with only a
	// window of its first version's sentences, so that a statement of
	// 100,000 sentences is read a page at a time.
	DocumentPage(ctx context.Context, id int64, offset, limit int) (*StoredDocument, *SentencePage, error)
	// DeleteDocument removes a document and everything that hangs on it.
	DeleteDocument(ctx context.Context, id int64) error
}

// DocumentKinds are the kinds of document, with their labels.
func DocumentKinds() ValueList {
	return ValueList{
		value(string(KindJointStatement), "联合声明", "joint statement", "zajednička izjava"),
		value(string(KindAgreement), "协定", "agreement", "sporazum"),
		value(string(KindMoU), "谅解备忘录", "memorandum of understanding", "memorandum o razumevanju"),
		value(string(KindActionPlan), "行动计划", "action plan", "akcioni plan"),
		value(string(KindCommunique), "联合公报", "joint communiqué", "zajedničko saopštenje"),
		value(string(KindDeclaration), "宣言", "declaration", "deklaracija"),
		value(string(KindOther), "其他", "other", "drugo"),
	}
}

// SentencePage is the window of a version's sentences that DocumentPage
// returned: from Offset (in document order, from 0), at most Limit, of
// Total; and the position of each section's first sentence, so that a
// table of contents can link to the page where each section begins.
type SentencePage struct {
	Offset        int            `json:"offset"`
	Limit         int            `json:"limit"`
	Total         int            `json:"total"`
	SectionStarts map[string]int `json:"section_starts"`
}
