package entente

import (
	"context"
	"strings"
	"time"
)

// The registry connects what documents cite and name across the library:
// one entry per instrument, mechanism or project, with every name it goes
// by (aliases), every sentence that mentions it and, for an instrument that
// is itself a stored document, that document. Entries are rebuilt from the
// stored extractions; editors' merges, splits and renames are kept as
// decisions and replayed after every rebuild.

// RegistryKind is what a registry entry names.
type RegistryKind string

// Kinds of registry entries.
const (
	RegInstrument RegistryKind = "instrument"
	RegMechanism  RegistryKind = "mechanism"
	RegProject    RegistryKind = "project"
)

// RegistryKinds are the kinds of registry entry, with their labels.
func RegistryKinds() ValueList {
	return ValueList{
		value(string(RegInstrument), "文件", "instrument", "akt"),
		value(string(RegMechanism), "机制", "mechanism", "mehanizam"),
		value(string(RegProject), "项目", "project", "projekat"),
	}
}

// Valid reports whether k is one of the registry's kinds.
func (k RegistryKind) Valid() bool {
	return k == RegInstrument || k == RegMechanism || k == RegProject
}

// RegistryItem is one named thing as one stored version lists it: a
// reference, a mechanism or a project, with the sentences that mention it.
// It is what the registry is built from.
type RegistryItem struct {
	Kind       RegistryKind  `json:"kind"`
	Name       string        `json:"name"`
	Bracketed  bool          `json:"bracketed,omitempty"`
	RefKind    ReferenceKind `json:"ref_kind,omitempty"`
	Year       *int          `json:"year,omitempty"`
	VersionID  int64         `json:"version_id"`
	DocumentID int64         `json:"document_id"`
	Language   string        `json:"language"`
	// Sentences are the ids of the stored sentences that mention it (a
	// sentence's id rather than its label: the labels of half a million
	// mentions, each looked up in the sentences, were a sixth of a
	// rebuild at 100,000 statements).
	Sentences []int64 `json:"sentences"`
	// Labels are the labels of those sentences for a name an analyst added
	// (RowID 0), which the store keeps by label; nil otherwise.
	Labels []string `json:"labels,omitempty"`
	// RowID is the store's row of the item (a citation or an entity), 0
	// for a name an analyst added to a sentence by a correction.
	RowID int64 `json:"-"`
	// AddedBy and AddedAt place a name an analyst added among the others
	// as a whole read lays them out: the first correction of the names
	// of the sentence it was added to, and its place in that sentence's
	// corrected list. Zero for the extractor's names.
	AddedBy int64 `json:"-"`
	AddedAt int   `json:"-"`
}

// RegistryDocument is a stored document as the registry sees it: what it
// is called, who signed it and when, in which language.
type RegistryDocument struct {
	ID         int64    `json:"id"`
	Title      string   `json:"title"`
	Kind       Kind     `json:"kind"`
	Language   string   `json:"language"`
	Parties    []string `json:"parties"`
	SignedDate *string  `json:"signed_date" nullable:"true"`
}

// RegistryInput is everything the registry is built from.
type RegistryInput struct {
	Items     []RegistryItem
	Documents []RegistryDocument
	// Mark is how far the store read, for a later read of what was added
	// since (the store's RegistryInputAfter).
	Mark RegistryMark
	// Replaced are the documents, in order, whose items and rows in this
	// input (a read past a mark) stand for everything an earlier read
	// held of them: documents changed since the mark (a re-extraction, a
	// sentence split or joined, a correction of their metadata) are read
	// again whole, and one no longer stored is here with no rows at all.
	Replaced []int64
}

// RegistryMark is how far a registry input was read: the largest id of
// the documents, citations and entities read, how many rows of each it
// read, how many version links there were, and the store's account of
// what else a registry is built from (corrections, changed version
// links). A store reads only the rows past a mark, and those of the
// documents the events since it name, when nothing else was changed or
// removed below it.
type RegistryMark struct {
	LastDocument, LastCitation, LastEntity int64
	Documents, Citations, Entities         int64
	// VersionLinks is how many pairs of documents were linked or
	// unlinked as versions of one statement
	VersionLinks int64
	Others       string
	// Events is the last event's number at the read: the events after
	// it name the documents changed since
	Events int64
}

// RegistryAlias is one name of an entry, with why it was joined to the
// entry and how sure that is (1 for the same name written alike).
type RegistryAlias struct {
	Alias    string `json:"alias"`
	Language string `json:"language"`
	// Reason says why, in English; Why is the same encoded (NewReason),
	// for a page to show in its language (ReasonText).
	Reason     string  `json:"reason"`
	Why        string  `json:"-"`
	Confidence float64 `json:"confidence"`
}

// ItemKey names a stored item: the version that lists it and its name
// there (unique within a version and kind), and the store's row.
type ItemKey struct {
	VersionID int64  `json:"version_id"`
	Name      string `json:"name"`
	RowID     int64  `json:"-"`
	// Added are the sentences of a name an analyst added to them (a
	// correction of their references, mechanisms or projects), which has
	// no row of its own (RowID 0).
	Added []string `json:"-"`
}

// BuiltEntry is an entry as the registry's builder makes it, before the
// store gives it an id: its names, the document it is, and the stored
// items it gathers.
type BuiltEntry struct {
	Kind           RegistryKind    `json:"kind"`
	Name           string          `json:"name"`
	InstrumentKind ReferenceKind   `json:"instrument_kind,omitempty"`
	Year           *int            `json:"year,omitempty"`
	Parties        []string        `json:"parties"`
	DocumentID     int64           `json:"document_id,omitempty"`
	Reason         string          `json:"reason"`
	Confidence     float64         `json:"confidence"`
	Aliases        []RegistryAlias `json:"aliases"`
	Items          []ItemKey       `json:"items"`
	Mentions       int             `json:"mentions"`
	Documents      int             `json:"documents"`
}

// RegistryEntry is a stored entry of the registry.
type RegistryEntry struct {
	ID             int64         `json:"id"`
	Kind           RegistryKind  `json:"kind"`
	Name           string        `json:"name"`
	InstrumentKind ReferenceKind `json:"instrument_kind,omitempty"`
	Year           *int          `json:"year" nullable:"true"`
	Parties        []string      `json:"parties"`
	// Document is the stored document this instrument is, or nil.
	Document *RegistryDocument `json:"document,omitempty"`
	// Reason says why the names were joined, in English; Why is the same
	// encoded, for a page to show in its language (ReasonText).
	Reason     string  `json:"reason"`
	Why        string  `json:"-"`
	Confidence float64 `json:"confidence"`
	// Mentions and Documents count the sentences that mention the entry
	// and the documents they are in.
	MentionCount  int             `json:"mention_count"`
	DocumentCount int             `json:"document_count"`
	Aliases       []RegistryAlias `json:"aliases"`
	// MentionList is filled by RegistryEntry (one entry), up to a bound.
	MentionList []RegistryMention `json:"mentions,omitempty"`
}

// RegistryMention is one sentence that mentions an entry.
type RegistryMention struct {
	DocumentID int64   `json:"document_id"`
	Title      string  `json:"title"`
	SignedDate *string `json:"signed_date" nullable:"true"`
	Language   string  `json:"language"`
	Sentence   string  `json:"sentence"` // its label, s12
	Text       string  `json:"text"`
	Alias      string  `json:"alias"` // the name it uses
}

// RegistryFilter selects registry entries for a list.
type RegistryFilter struct {
	Query  string // a part of any alias, any case
	Kind   RegistryKind
	Limit  int
	Offset int
}

// Registry decisions an editor makes.
const (
	DecisionMerge  = "merge"
	DecisionSplit  = "split"
	DecisionRename = "rename"
)

// RegistryDecision is an editor's merge, split or rename, kept by the
// names involved (not by entry ids, which a rebuild may change) so that it
// is replayed after every rebuild.
type RegistryDecision struct {
	ID     int64        `json:"id"`
	Action string       `json:"action"`
	Kind   RegistryKind `json:"kind"`
	// Names are the aliases that identify the entry acted on: for a merge
	// the entry merged away, for a split the aliases split off, for a
	// rename the entry renamed.
	Names []string `json:"names"`
	// Into identifies the entry a merge keeps, by its aliases.
	Into []string `json:"into,omitempty"`
	// Name is a rename's new name.
	Name  string    `json:"name,omitempty"`
	Why   string    `json:"why,omitempty"`
	Actor string    `json:"actor,omitempty"`
	At    time.Time `json:"at"`
}

// CitationLink is one instrument a document cites, or one document that
// cites a document, with the sentences that do.
type CitationLink struct {
	// Entry is the registry entry of the instrument cited.
	EntryID   int64  `json:"entry_id"`
	EntryName string `json:"entry_name"`
	// Document is the citing document (cited-by) or the cited instrument's
	// document (cites), nil when the instrument is not in the library.
	Document  *RegistryDocument `json:"document,omitempty"`
	Sentences []string          `json:"sentences"`
}

// CitationEdge is one document citing one instrument, and the stored
// document that instrument is (nil when the library has none).
type CitationEdge struct {
	From      RegistryDocument  `json:"from"`
	EntryID   int64             `json:"entry_id"`
	EntryName string            `json:"entry_name"`
	To        *RegistryDocument `json:"to,omitempty"`
}

// RegistryReader reads the registry.
type RegistryReader interface {
	RegistryEntries(ctx context.Context, f RegistryFilter) ([]RegistryEntry, int, error)
	RegistryEntry(ctx context.Context, id int64, mentions int) (*RegistryEntry, error)
	Cites(ctx context.Context, doc int64) ([]CitationLink, error)
	CitedBy(ctx context.Context, doc int64) ([]CitationLink, error)
	// CitationEdges returns who cites what for the instruments cited most
	// (those that are stored documents first), up to per citing documents
	// each (the latest): the library's graph.
	CitationEdges(ctx context.Context, instruments, per int) ([]CitationEdge, error)
}

// ParseRegistryKind reads a kind of registry entry as people type it: its
// code or its label in any language, in any case; "" is no kind.
func ParseRegistryKind(s string) (RegistryKind, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, v := range RegistryKinds() {
		if strings.EqualFold(v.Code, s) {
			return RegistryKind(v.Code), nil
		}
		for _, l := range v.Labels {
			if strings.EqualFold(l, s) {
				return RegistryKind(v.Code), nil
			}
		}
	}
	return "", Errorf(EINVALID, "%q is not a kind of registry entry (one of %s)", s, strings.Join(RegistryKinds().Codes(), ", "))
}
