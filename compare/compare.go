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
)

// Store is what the stage reads of a store.
type Store interface {
	Document(ctx context.Context, id int64) (*entente.StoredDocument, error)
	Documents(ctx context.Context, f entente.DocumentFilter) ([]entente.StoredDocument, error)
}

// Service reads statements side by side over a store.
type Service struct {
	Store Store
	Words *Words
}

// New returns a service over st with the embedded relations table.
func New(st Store) (*Service, error) {
	w, err := LoadWords()
	if err != nil {
		return nil, err
	}
	return &Service{Store: st, Words: w}, nil
}

// MaxPairDocuments bounds the statements of one pair read at once.
const MaxPairDocuments = 2000

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

// pairDocuments reads, whole and oldest first, the documents both a and b
// are parties to (undated ones last, by id).
func (s *Service) pairDocuments(ctx context.Context, a, b string) ([]*entente.StoredDocument, error) {
	if a == "" || b == "" || a == b {
		return nil, entente.Errorf(entente.EINVALID, "a pair is two different parties (CN RS)")
	}
	list, err := s.Store.Documents(ctx, entente.DocumentFilter{Party: a, Limit: MaxPairDocuments + 1})
	if err != nil {
		return nil, err
	}
	var out []*entente.StoredDocument
	for i := range list {
		if !slices.Contains(list[i].Parties, b) {
			continue
		}
		if len(out) == MaxPairDocuments {
			return nil, entente.Errorf(entente.ETOOLARGE, "%s and %s share more than %d documents: narrow by date", a, b, MaxPairDocuments)
		}
		d, err := s.Store.Document(ctx, list[i].ID)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	slices.SortStableFunc(out, func(x, y *entente.StoredDocument) int {
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
	return out, nil
}

func commitmentBrief(it *item, score float64) entente.CommitmentBrief {
	return entente.CommitmentBrief{
		Ref: refOf(it.doc, it.s.ID), DocumentID: it.doc, Sentence: it.s.ID, SignedDate: it.date,
		Text: it.s.Text, Strength: it.s.Strength, Areas: nonNil(it.s.Areas), Score: round(score),
	}
}
