package compare

import (
	"cmp"
	"context"

	"github.com/entente/entente"
)

// MostRecycledShown is how many recycled promises a pair view lists.
const MostRecycledShown = 10

// Pair is the view of two parties: their documents, the relationship
// timeline, commitments by area and status, the scorecard and the most
// recycled promises. What it reads of the pair's documents is the pair's
// kept view (see ViewStore), computed again only when they changed.
func (s *Service) Pair(ctx context.Context, a, b string) (*entente.PairView, error) {
	v, _, err := s.pair(ctx, a, b, false)
	return v, err
}

// PairWithFollowups is Pair with the pair's pending follow-ups, read from
// one view: what a pair's page shows.
func (s *Service) PairWithFollowups(ctx context.Context, a, b string) (*entente.PairView, []entente.Followup, error) {
	return s.pair(ctx, a, b, true)
}

func (s *Service) pair(ctx context.Context, a, b string, followups bool) (*entente.PairView, []entente.Followup, error) {
	if s.Tracker == nil {
		return nil, nil, entente.Errorf(entente.EUNAVAILABLE, "the pair view needs tracking")
	}
	p, err := s.parts(ctx, a, b)
	if err != nil {
		return nil, nil, err
	}
	var fs []entente.Followup
	if followups {
		if fs, err = s.pending(ctx, p.Suggested, false); err != nil {
			return nil, nil, err
		}
	}
	v, err := s.pairView(ctx, a, b, p)
	return v, fs, err
}

func (s *Service) pairView(ctx context.Context, a, b string, p *pairParts) (*entente.PairView, error) {
	var err error
	v := &entente.PairView{Parties: []string{a, b}, Documents: p.Documents, Timeline: p.Timeline, MostRecycled: p.MostRecycled,
		ByArea: map[string]map[entente.Status]int{}}
	f := entente.CommitmentFilter{Pair: []string{a, b}}
	if v.Scorecard, err = s.Tracker.Scorecard(ctx, f); err != nil {
		return nil, err
	}
	if ok, err := s.byArea(ctx, f, v); err != nil || ok {
		return v, err
	}
	// the table of commitments, a page at a time: its statuses per party
	for offset := 0; ; {
		f.Limit, f.Offset = 500, offset
		page, err := s.Tracker.Commitments(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, c := range page.Commitments {
			areas := c.Sentence.Areas
			if len(areas) == 0 {
				areas = []string{"none"}
			}
			for _, ar := range areas {
				if v.ByArea[ar] == nil {
					v.ByArea[ar] = map[entente.Status]int{}
				}
				for _, p := range partiesOf(&c) {
					v.ByArea[ar][c.StatusOf(p)]++
				}
			}
		}
		offset += len(page.Commitments)
		if len(page.Commitments) == 0 || offset >= page.Total {
			v.Commitments = page.Total
			break
		}
	}
	return v, nil
}

// byArea fills the view's table by area from the tracker's index of the
// commitments, if the store lists them for one, and says whether it did.
func (s *Service) byArea(ctx context.Context, f entente.CommitmentFilter, v *entente.PairView) (bool, error) {
	byArea, n, ok, err := s.Tracker.ByArea(ctx, f)
	if err != nil || !ok {
		return false, err
	}
	v.ByArea, v.Commitments = byArea, n
	return true, nil
}

// partiesOf are the parties a commitment binds: its actors, or its
// document's when it names none (as tracking reads them).
func partiesOf(c *entente.TrackedCommitment) []string {
	if len(c.Sentence.Actors) > 0 {
		return c.Sentence.Actors
	}
	return c.Parties
}

// PairDocuments lists the documents both parties signed, oldest first, as
// the pair's view lists them: from the kept view when it is current, else
// from the store's list, without reading a statement whole or computing
// the view (what a pair's export of its documents needs).
func (s *Service) PairDocuments(ctx context.Context, a, b string) ([]entente.DocumentBrief, error) {
	if err := checkPair(a, b); err != nil {
		return nil, err
	}
	x, y := min(a, b), max(a, b)
	if s.Views != nil {
		if p, _, ok, err := s.keptParts(ctx, x, y); err != nil || ok {
			if err != nil {
				return nil, err
			}
			return p.Documents, nil
		}
	}
	limit := cmp.Or(s.MaxDocuments, MaxPairDocuments)
	list, err := s.Store.Documents(ctx, entente.DocumentFilter{Parties: []string{x, y}, Limit: limit + 1})
	if err != nil {
		return nil, err
	}
	if len(list) > limit {
		return nil, entente.Errorf(entente.ETOOLARGE, "%s, %s share more than %d documents", x, y, limit)
	}
	docs := make([]*entente.StoredDocument, len(list))
	for i := range list {
		docs[i] = &list[i]
	}
	sortByDate(docs)
	out := make([]entente.DocumentBrief, 0, len(docs))
	for _, d := range docs {
		out = append(out, brief(d))
	}
	return out, nil
}
