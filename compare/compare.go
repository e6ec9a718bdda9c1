// Package compare is the stage that reads stored statements side by side:
// the relationship timeline of a pair of parties, the comparison of two
// statements, promises that come back statement after statement, and later
// statements that report on earlier promises (follow-ups, offered as
// evidence). It reads extractions through its own small Store and records
// analysts' decisions on follow-ups through tracking.
package compare

import (
	"cmp"
	"context"
	"slices"

	"github.com/entente/entente"
	"github.com/entente/entente/tracking"
)

// Store is what the stage reads of a store: documents whole, and for
// follow-ups the sentences' anchors, the evidence on a commitment and the
// log, where decisions are kept.
type Store interface {
	Document(ctx context.Context, id int64) (*entente.StoredDocument, error)
	Documents(ctx context.Context, f entente.DocumentFilter) ([]entente.StoredDocument, error)
	FindSentence(ctx context.Context, doc int64, label string) (*entente.SentenceRef, error)
	Evidence(ctx context.Context, a entente.Anchor) ([]entente.Evidence, error)
	History(ctx context.Context, f entente.EventFilter) ([]entente.Event, error)
	AppendEvent(ctx context.Context, e *entente.Event) (int64, error)
	UserByID(ctx context.Context, id int64) (*entente.User, error)
}

// Service reads statements side by side over a store.
type Service struct {
	Store Store
	Words *Words
	// Tracker records an accepted follow-up as evidence and a status,
	// with their events; nil refuses accepting.
	Tracker *tracking.Tracker
	// Views keeps the views of pairs (nil: computed at every read).
	Views ViewStore
	// MaxDocuments bounds the statements of one pair (or one document's
	// parties) read at once; 0 is MaxPairDocuments.
	MaxDocuments int

	views views
}

// New returns a service over st with the embedded relations table,
// recording accepted follow-ups through tr, keeping the views of pairs in
// st if it keeps them.
func New(st Store, tr *tracking.Tracker) (*Service, error) {
	w, err := LoadWords()
	if err != nil {
		return nil, err
	}
	svc := &Service{Store: st, Words: w, Tracker: tr}
	svc.views.computing = make(chan struct{}, maxComputing)
	if vs, ok := st.(ViewStore); ok {
		svc.Views = vs
	}
	return svc, nil
}

// MaxPairDocuments bounds the statements of one pair read at once. A
// pair's view compares its commitments with the earlier ones that share a
// rare term or a name (walk.go): measured in the harness's library of
// 100,000 statements, the largest pair (China and Thailand, 2,386
// statements, 49,103 commitments) takes 17 s of CPU and 1.0 GB to compute
// on a quiet machine (340 s and 2.3 GB before the walk, when the bound was
// 500; 25.5 s before each pair was merged once). Past the bound a pair is
// refused, and says so.
const MaxPairDocuments = 2500

// compared reports whether a sentence takes part in comparisons.
func compared(s *entente.Sentence) bool {
	return s.Type == entente.Commitment || s.Type == entente.Position
}

// brief names a document.
func brief(d *entente.StoredDocument) entente.DocumentBrief {
	b := entente.DocumentBrief{ID: d.ID, Title: d.Title, Parties: d.Parties, Language: d.Language}
	if d.SignedDate != nil {
		b.SignedDate = *d.SignedDate
	}
	if b.Parties == nil {
		b.Parties = []string{}
	}
	return b
}

// sentences returns a document's sentences, none when it has no extraction.
func sentences(d *entente.StoredDocument) []entente.Sentence {
	if d.Extraction == nil {
		return nil
	}
	return d.Extraction.Sentences
}

// checkPair refuses what is no pair of parties.
func checkPair(a, b string) error {
	if a == "" || b == "" || a == b {
		return entente.Errorf(entente.EINVALID, "a pair is two different parties (CN RS)")
	}
	return nil
}

// pairDocuments reads, whole and oldest first, the documents both a and b
// are parties to (undated ones last, by id).
func (s *Service) pairDocuments(ctx context.Context, a, b string) ([]*entente.StoredDocument, error) {
	if err := checkPair(a, b); err != nil {
		return nil, err
	}
	return s.partyDocuments(ctx, []string{a, b})
}

// sortByDate orders documents oldest first, undated ones last, by id.
func sortByDate(ds []*entente.StoredDocument) {
	slices.SortStableFunc(ds, func(x, y *entente.StoredDocument) int {
		dx, dy := brief(x).SignedDate, brief(y).SignedDate
		if (dx == "") != (dy == "") {
			if dx == "" {
				return 1
			}
			return -1
		}
		if c := cmp.Compare(dx, dy); c != 0 {
			return c
		}
		return cmp.Compare(x.ID, y.ID)
	})
}

func commitmentBrief(it *item, score float64) entente.CommitmentBrief {
	return entente.CommitmentBrief{
		Ref: refOf(it.doc, it.s.ID), DocumentID: it.doc, Sentence: it.s.ID, SignedDate: it.date,
		Text: it.s.Text, Strength: it.s.Strength, Areas: nonNil(it.s.Areas), Score: round(score),
	}
}
