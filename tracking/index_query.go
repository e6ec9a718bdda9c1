package tracking

import (
	"cmp"
	"slices"

	"github.com/entente/entente"
)

// query is a filter of the commitments table as the index reads it: the
// labels it names as the index's numbers. none says a label it names is
// in no commitment, so nothing matches.
type query struct {
	f                   *entente.CommitmentFilter
	none                bool
	party, area, status uint16
	hasParty, hasArea   bool
	hasStrength         bool
	strength            uint16
	hasStatus           bool
	pair                []uint16
	today               int32
	dueBefore, dueAfter int32
}

func (x *commitmentIndex) query(f *entente.CommitmentFilter, today string) *query {
	q := &query{f: f, today: dayNumber(today), dueBefore: dayNumber(f.DueBefore), dueAfter: dayNumber(f.DueAfter)}
	var ok bool
	if f.Party != "" {
		q.hasParty = true
		if q.party, ok = x.names.lookup(f.Party); !ok {
			q.none = true
		}
	}
	if f.Area != "" {
		q.hasArea = true
		if q.area, ok = x.names.lookup(f.Area); !ok {
			q.none = true
		}
	}
	if f.Strength != "" {
		q.hasStrength = true
		if q.strength, ok = x.names.lookup(string(f.Strength)); !ok {
			q.none = true
		}
	}
	if f.Status != "" {
		q.hasStatus, q.status = true, statusID(f.Status)
	}
	for _, p := range f.Pair {
		id, ok := x.names.lookup(p)
		if !ok {
			q.none = true
		}
		q.pair = append(q.pair, id)
	}
	return q
}

// docMatches applies the filters a store applies to documents: withdrawn,
// one document, a pair of parties and signing dates, the parties and
// dates as corrected (as the library's filters read them).
func (q *query) docMatches(d *indexedDoc) bool {
	f := q.f
	if d.withdrawn && !f.Withdrawn {
		return false
	}
	if f.Document != 0 && d.id != f.Document {
		return false
	}
	for _, p := range q.pair {
		if !slices.Contains(d.parties, p) {
			return false
		}
	}
	if f.From != "" && (d.date == "" || d.date < f.From) {
		return false
	}
	if f.To != "" && (d.date == "" || d.date[:min(len(f.To), len(d.date))] > f.To) {
		return false
	}
	return true
}

// matches applies the filters of a commitment (Go path: keep).
func (q *query) matches(d *indexedDoc, c *indexedCommitment) bool {
	if q.hasParty && !slices.Contains(c.actorIDs(d), q.party) && !(c.actors == 0 && slices.Contains(d.parties, q.party)) {
		return false
	}
	if q.hasArea && !slices.Contains(c.areaIDs(d), q.area) {
		return false
	}
	if q.hasStrength && c.strength != q.strength {
		return false
	}
	if q.hasStatus {
		found := false
		ps := c.statusPairs(d)
		for i := 0; i+1 < len(ps); i += 2 {
			if ps[i+1] == q.status && (!q.hasParty || ps[i] == q.party) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	if q.f.Overdue && !q.overdue(c) {
		return false
	}
	if q.dueBefore != 0 || q.dueAfter != 0 {
		if c.due == 0 || (q.dueBefore != 0 && c.due > q.dueBefore) || (q.dueAfter != 0 && c.due < q.dueAfter) {
			return false
		}
	}
	return true
}

func (q *query) overdue(c *indexedCommitment) bool {
	return c.open && c.due != 0 && c.due < q.today
}

// each calls fn with every commitment q selects, in the default order,
// until fn returns false.
func (x *commitmentIndex) each(q *query, fn func(d *indexedDoc, c *indexedCommitment) bool) {
	if q.none {
		return
	}
	for _, d := range x.docs {
		if !q.docMatches(d) {
			continue
		}
		for i := range d.commitments {
			c := &d.commitments[i]
			if q.matches(d, c) && !fn(d, c) {
				return
			}
		}
	}
}

// page returns the sentences of the page q's filter, sort, limit and
// offset select, and how many commitments match in all.
func (x *commitmentIndex) page(q *query) ([]int64, int) {
	f := q.f
	lo, hi := f.Offset, f.Offset+f.Limit
	var ids []int64
	total := 0
	switch f.Sort {
	case "due":
		// the dated matches sorted (stably) by due date, then the others
		// in the default order
		type dated struct {
			due      int32
			sentence int64
		}
		var withDue []dated
		x.each(q, func(_ *indexedDoc, c *indexedCommitment) bool {
			if c.due != 0 {
				withDue = append(withDue, dated{c.due, c.sentence})
			}
			total++
			return true
		})
		slices.SortStableFunc(withDue, func(a, b dated) int { return cmp.Compare(a.due, b.due) })
		for i := lo; i < min(hi, len(withDue)); i++ {
			ids = append(ids, withDue[i].sentence)
		}
		if hi > len(withDue) {
			n := 0
			from := max(lo, len(withDue)) - len(withDue)
			to := hi - len(withDue)
			x.each(q, func(_ *indexedDoc, c *indexedCommitment) bool {
				if c.due != 0 {
					return true
				}
				if n >= from {
					ids = append(ids, c.sentence)
				}
				n++
				return n < to
			})
		}
	case "status":
		// counted by rank first, then each rank's part of the page
		// collected in the default order
		var perRank [256]int
		x.each(q, func(_ *indexedDoc, c *indexedCommitment) bool {
			perRank[c.rank]++
			total++
			return true
		})
		var start [257]int // where each rank's matches begin in the sorted order
		for r := range perRank {
			start[r+1] = start[r] + perRank[r]
		}
		out := make([]int64, max(0, min(hi, total)-lo))
		var seen [256]int
		remaining := len(out)
		x.each(q, func(_ *indexedDoc, c *indexedCommitment) bool {
			at := start[c.rank] + seen[c.rank]
			seen[c.rank]++
			if at >= lo && at < hi {
				out[at-lo] = c.sentence
				remaining--
			}
			return remaining > 0
		})
		ids = out
	default:
		x.each(q, func(_ *indexedDoc, c *indexedCommitment) bool {
			if total >= lo && total < hi {
				ids = append(ids, c.sentence)
			}
			total++
			return true
		})
	}
	return ids, total
}

// tally counts what a scorecard needs of the set q selects (Go path:
// Tracker.tally), listing the counted pairs of the commitments changed
// says have a status history.
func (x *commitmentIndex) tally(q *query, changed map[int64]bool) *entente.ScoreTally {
	f := q.f
	var pairA, pairB uint16 = 0, 0
	pairCounted := len(f.Pair) == 2 && f.Party == ""
	if pairCounted {
		pairA, pairB = q.pair[0], q.pair[1]
	}
	counts := make([]int, len(entente.Statuses)+1)
	t := &entente.ScoreTally{Counts: map[entente.Status]int{}}
	x.each(q, func(d *indexedDoc, c *indexedCommitment) bool {
		t.Commitments++
		if q.overdue(c) {
			t.Overdue++
		}
		ps := c.statusPairs(d)
		for i := 0; i+1 < len(ps); i += 2 {
			p := ps[i]
			switch {
			case q.hasParty && p != q.party:
				continue
			case pairCounted && p != pairA && p != pairB:
				continue
			}
			counts[ps[i+1]]++
			if c.id != 0 && changed[c.id] {
				t.Tracked = append(t.Tracked, entente.StatusPair{Commitment: c.id, Party: x.names.of[p]})
			}
		}
		return true
	})
	for i, n := range counts[:len(entente.Statuses)] {
		if n > 0 {
			t.Counts[entente.Statuses[i]] = n
		}
	}
	return t
}

// byArea counts, over the set q selects, each party a commitment binds
// under each of its areas ("none" for a commitment with none) by status,
// and the commitments.
func (x *commitmentIndex) byArea(q *query) (map[string]map[entente.Status]int, int) {
	out := map[string]map[entente.Status]int{}
	total := 0
	none := []string{"none"}
	x.each(q, func(d *indexedDoc, c *indexedCommitment) bool {
		total++
		areas := none
		if c.areas > 0 {
			areas = make([]string, 0, c.areas)
			for _, a := range c.areaIDs(d) {
				areas = append(areas, x.names.of[a])
			}
		}
		for _, ar := range areas {
			if out[ar] == nil {
				out[ar] = map[entente.Status]int{}
			}
			for _, p := range c.bound(d) {
				out[ar][x.statusOf(d, c, p)]++
			}
		}
		return true
	})
	return out, total
}

// statusOf is the status of party p, not rated when none is recorded.
func (x *commitmentIndex) statusOf(d *indexedDoc, c *indexedCommitment, p uint16) entente.Status {
	ps := c.statusPairs(d)
	for i := 0; i+1 < len(ps); i += 2 {
		if ps[i] == p && int(ps[i+1]) < len(entente.Statuses) {
			return entente.Statuses[ps[i+1]]
		}
	}
	return entente.NotRated
}
