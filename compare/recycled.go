package compare

import (
	"cmp"
	"context"
	"slices"

	"github.com/entente/entente"
	"github.com/entente/entente/tracking"
)

// Recycled lists, for every commitment of the documents both parties
// signed, the earlier commitments that promised the same thing, newest
// document first; commitments promised for the first time are left out.
func (s *Service) Recycled(ctx context.Context, a, b string) ([]entente.Recurrence, error) {
	docs, err := s.pairDocuments(ctx, a, b)
	if err != nil {
		return nil, err
	}
	return s.Words.newCorpus(docs).recurrences(nil), nil
}

// RecycledOf is the recurrence of one commitment (DOC/sN): the earlier
// commitments of its document's parties that promised the same thing.
func (s *Service) RecycledOf(ctx context.Context, ref string) (*entente.Recurrence, error) {
	doc, label, err := tracking.ParseRef(ref)
	if err != nil {
		return nil, err
	}
	d, err := s.Store.Document(ctx, doc)
	if err != nil {
		return nil, err
	}
	st := findLabel(d, label)
	if st == nil {
		return nil, entente.Errorf(entente.ENOTFOUND, "document %d has no sentence %s", doc, label)
	}
	if st.Type != entente.Commitment {
		return nil, entente.Errorf(entente.EINVALID, "%s is a %s, not a commitment", ref, st.Type)
	}
	docs, err := s.partyDocuments(ctx, d.Parties)
	if err != nil {
		return nil, err
	}
	rs := s.Words.newCorpus(docs).recurrences(func(it *item) bool { return it.doc == doc && it.s.ID == label })
	if len(rs) == 0 {
		it := newItem(doc, brief(d).SignedDate, st)
		return &entente.Recurrence{Commitment: commitmentBrief(it, 0), Earlier: []entente.CommitmentBrief{}}, nil
	}
	return &rs[0], nil
}

func findLabel(d *entente.StoredDocument, label string) *entente.Sentence {
	ss := sentences(d)
	for i := range ss {
		if ss[i].ID == label {
			return &ss[i]
		}
	}
	return nil
}

// recurrences finds, for each commitment that only selects (nil: all),
// the best match above RecycledThreshold in each earlier document. The
// ones with none are left out unless selected.
func (c *corpus) recurrences(only func(*item) bool) []entente.Recurrence {
	var out []entente.Recurrence
	for k := len(c.docs) - 1; k >= 0; k-- {
		for _, it := range c.commitments[k] {
			if only != nil && !only(it) {
				continue
			}
			r := entente.Recurrence{Commitment: commitmentBrief(it, 0), Earlier: []entente.CommitmentBrief{}}
			for j := 0; j < k; j++ {
				if !c.earlier(j, k) {
					continue
				}
				var best *item
				bestScore := 0.0
				for _, e := range c.commitments[j] {
					if sc, _ := similarity(it, e); sc >= RecycledThreshold && sc > bestScore {
						best, bestScore = e, sc
					}
				}
				if best != nil {
					r.Earlier = append(r.Earlier, commitmentBrief(best, bestScore))
				}
			}
			if len(r.Earlier) == 0 && only == nil {
				continue
			}
			if len(r.Earlier) > 0 {
				r.FirstPromised, r.Repeated = r.Earlier[0].SignedDate, len(r.Earlier)
			}
			out = append(out, r)
		}
	}
	if out == nil {
		out = []entente.Recurrence{}
	}
	return out
}

// MostRecycled keeps, of recurrences listed newest document first, the
// latest of each promise (a promise listed as another's earlier occurrence
// is not listed again), most repeated first, at most n.
func MostRecycled(rs []entente.Recurrence, n int) []entente.Recurrence {
	seen := map[string]bool{}
	var out []entente.Recurrence
	for _, r := range rs {
		if seen[r.Commitment.Ref] {
			continue
		}
		for _, e := range r.Earlier {
			seen[e.Ref] = true
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(x, y entente.Recurrence) int { return cmp.Compare(y.Repeated, x.Repeated) })
	if len(out) > n {
		out = out[:n]
	}
	if out == nil {
		out = []entente.Recurrence{}
	}
	return out
}
