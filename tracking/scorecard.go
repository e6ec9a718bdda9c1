package tracking

import (
	"context"
	"slices"

	"github.com/entente/entente"
)

// Scorecard sums up the commitments f selects over their (commitment,
// party) pairs, counting only the parties f names when it names some
// (Party, or the two of Pair): counts per status, the mean compliance of
// the rated pairs, the overdue commitments, and the same at the end of
// each month in which a status changed.
func (t *Tracker) Scorecard(ctx context.Context, f entente.CommitmentFilter) (*entente.Scorecard, error) {
	f.Limit, f.Offset = 1, 0
	if err := checkFilter(&f); err != nil {
		return nil, err
	}
	// the history first: the index lists only the pairs of commitments
	// that have one (a pair that never changed is not rated throughout,
	// listed or not)
	changes, err := t.Store.StatusChanges(ctx)
	if err != nil {
		return nil, err
	}
	var tally *entente.ScoreTally
	if x, _, ok, err := t.commitmentIndex(ctx); err != nil {
		return nil, err
	} else if ok {
		changed := make(map[int64]bool, len(changes))
		for _, ch := range changes {
			changed[ch.Commitment] = true
		}
		tally = x.tally(x.query(&f, t.today()), changed)
	} else if tally, err = t.tally(ctx, f); err != nil {
		return nil, err
	}
	sc := &entente.Scorecard{Counts: zeroCounts(), Timeline: []entente.ScorePoint{}, Commitments: tally.Commitments, Overdue: tally.Overdue}
	sum := 0
	for st, n := range tally.Counts {
		sc.Pairs += n
		sc.Counts[st] += n
		if v, ok := st.Score(); ok {
			sc.Rated += n
			sum += v * n
		}
	}
	sc.Compliance = mean(sum, sc.Rated)
	inSet := make(map[entente.StatusPair]entente.Status, len(tally.Tracked))
	for _, p := range tally.Tracked {
		inSet[p] = entente.NotRated
	}

	// Change over time: replay the status history of the set's pairs and
	// take the state at the end of each month with a change. Pairs with no
	// change yet count as not rated.
	month := ""
	flush := func() {
		if month == "" {
			return
		}
		p := entente.ScorePoint{Month: month, Counts: zeroCounts()}
		s := 0
		for _, st := range inSet {
			p.Counts[st]++
			if v, ok := st.Score(); ok {
				p.Rated++
				s += v
			}
		}
		p.Counts[entente.NotRated] += sc.Pairs - len(inSet)
		p.Compliance = mean(s, p.Rated)
		sc.Timeline = append(sc.Timeline, p)
	}
	for _, ch := range changes {
		k := entente.StatusPair{Commitment: ch.Commitment, Party: ch.Party}
		if _, ok := inSet[k]; !ok {
			continue
		}
		m := ch.At.Format("2006-01")
		if m != month {
			flush()
			month = m
		}
		inSet[k] = ch.Status
	}
	flush()
	return sc, nil
}

// tally counts the set in Go, over every commitment of it: the way of a
// store that keeps no tracked tables, and the reference the tests hold
// the SQL counts to.
func (t *Tracker) tally(ctx context.Context, f entente.CommitmentFilter) (*entente.ScoreTally, error) {
	cs, err := t.selected(ctx, f)
	if err != nil {
		return nil, err
	}
	counted := func(party string) bool {
		switch {
		case f.Party != "":
			return party == f.Party
		case len(f.Pair) == 2:
			return slices.Contains(f.Pair, party)
		}
		return true
	}
	tally := &entente.ScoreTally{Counts: map[entente.Status]int{}}
	for i := range cs {
		c := &cs[i]
		tally.Commitments++
		if c.Overdue {
			tally.Overdue++
		}
		for _, s := range c.Statuses {
			if !counted(s.Party) {
				continue
			}
			tally.Counts[s.Status]++
			if c.ID != 0 {
				tally.Tracked = append(tally.Tracked, entente.StatusPair{Commitment: c.ID, Party: s.Party})
			}
		}
	}
	return tally, nil
}

func zeroCounts() map[entente.Status]int {
	m := make(map[entente.Status]int, len(entente.Statuses))
	for _, s := range entente.Statuses {
		m[s] = 0
	}
	return m
}

func mean(sum, n int) *float64 {
	if n == 0 {
		return nil
	}
	v := float64(sum) / float64(n)
	return &v
}

// ByArea counts, over the commitments f selects, each party a commitment
// binds once under each of its areas ("none" for a commitment with none)
// by status, as a pair of parties' page shows them, and how many
// commitments f selects. It returns false when the store keeps no index of
// its commitments (the caller then pages through them).
func (t *Tracker) ByArea(ctx context.Context, f entente.CommitmentFilter) (map[string]map[entente.Status]int, int, bool, error) {
	if err := checkFilter(&f); err != nil {
		return nil, 0, false, err
	}
	x, _, ok, err := t.commitmentIndex(ctx)
	if err != nil || !ok {
		return nil, 0, false, err
	}
	byArea, n := x.byArea(x.query(&f, t.today()))
	return byArea, n, true, nil
}
