package tracking

import (
	"context"
	"fmt"

	"github.com/entente/entente"
)

// Breakdown counts the commitments f selects (its filters; not its page)
// by area, party, strength and year, as the dashboard charts them. With
// the index of the commitments it counts the index's entries, in
// proportion to the commitments and holding none of them in full: the
// dashboard read every commitment of the set in full, pages of 500, which
// at 100,000 statements (two million commitments) did not end within a
// request's time. A store that keeps no index is paged through.
func (t *Tracker) Breakdown(ctx context.Context, f entente.CommitmentFilter) (*entente.Breakdown, error) {
	f.Limit, f.Offset = MaxLimit, 0
	if err := checkFilter(&f); err != nil {
		return nil, err
	}
	x, _, ok, err := t.commitmentIndex(ctx)
	if err != nil {
		return nil, err
	}
	if ok {
		return x.breakdown(x.query(&f, t.today())), nil
	}
	b := entente.NewBreakdown()
	for {
		p, err := t.Commitments(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("count commitments: %w", err)
		}
		for i := range p.Commitments {
			b.Add(&p.Commitments[i])
		}
		f.Offset += len(p.Commitments)
		if len(p.Commitments) == 0 || f.Offset >= p.Total {
			return b, nil
		}
	}
}

// breakdown counts the set q selects by the names' numbers, and names
// them once at the end.
func (x *commitmentIndex) breakdown(q *query) *entente.Breakdown {
	area := make([]int, len(x.names.of))
	party := make([]int, len(x.names.of))
	strength := make([]int, len(x.names.of))
	years := map[string]int{}
	// a document's commitments are counted under its year together
	var (
		doc   *indexedDoc
		inDoc int
	)
	flush := func() {
		if doc != nil && len(doc.date) >= 4 {
			years[doc.date[:4]] += inDoc
		}
	}
	x.each(q, func(d *indexedDoc, c *indexedCommitment) bool {
		if d != doc {
			flush()
			doc, inDoc = d, 0
		}
		inDoc++
		for _, a := range c.areaIDs(d) {
			area[a]++
		}
		ps := c.statusPairs(d)
		for i := 0; i+1 < len(ps); i += 2 {
			party[ps[i]]++
		}
		strength[c.strength]++
		return true
	})
	flush()
	b := entente.NewBreakdown()
	b.Year = years
	for id, name := range x.names.of {
		if area[id] > 0 {
			b.Area[name] += area[id]
		}
		if party[id] > 0 {
			b.Party[name] += party[id]
		}
		if strength[id] > 0 && name != "" {
			b.Strength[name] += strength[id]
		}
	}
	return b
}
