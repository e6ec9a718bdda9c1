package compare

import (
	"math"
	"slices"

	"github.com/entente/entente"
)

// Recurrences is a pair's recycled promises, kept compactly: each
// commitment of a chain once, with its predecessor, and a Recurrence built
// only when it is read. A promise restated in every statement of a long
// pair lists its whole chain in each of its recurrences, so the whole list
// built at once grows with the square of the chains: 49,039 recurrences
// of the harness's largest pair (China and Thailand, 2,386 statements)
// held 3 GB, read a page of 100 at a time.
type Recurrences struct {
	briefs []entente.CommitmentBrief // each commitment of a chain, its Score 0
	prev   []int32                   // the predecessor's index, -1 for none
	score  []float64                 // the similarity to the predecessor, rounded
	heads  []int32                   // the recurrences, in order
}

// Len is the number of recurrences.
func (r *Recurrences) Len() int {
	if r == nil {
		return 0
	}
	return len(r.heads)
}

// At builds the i-th recurrence.
func (r *Recurrences) At(i int) entente.Recurrence {
	h := r.heads[i]
	out := entente.Recurrence{Commitment: r.briefs[h], Earlier: []entente.CommitmentBrief{}}
	for n := h; r.prev[n] >= 0; n = r.prev[n] {
		e := r.briefs[r.prev[n]]
		e.Score = r.score[n]
		out.Earlier = append(out.Earlier, e)
	}
	slices.Reverse(out.Earlier)
	if len(out.Earlier) > 0 {
		out.FirstPromised, out.Repeated = out.Earlier[0].SignedDate, len(out.Earlier)
	}
	return out
}

// Page builds the recurrences from offset, at most limit of them (never
// nil).
func (r *Recurrences) Page(offset, limit int) []entente.Recurrence {
	return r.PageWithin(offset, limit, math.MaxInt)
}

// PageWithin is Page ended early, after at least one recurrence, once the
// next would bring the earlier commitments listed past maxEarlier: a page
// of a long pair's recurrences, each listing its whole chain, is otherwise
// up to limit × 2,500 of them in one answer.
func (r *Recurrences) PageWithin(offset, limit, maxEarlier int) []entente.Recurrence {
	n := r.Len()
	from := min(max(offset, 0), n)
	to := min(from+max(limit, 0), n)
	out := make([]entente.Recurrence, 0, to-from)
	listed := 0
	for i := from; i < to; i++ {
		k := r.chainLen(i)
		if len(out) > 0 && listed+k > maxEarlier {
			break
		}
		listed += k
		out = append(out, r.At(i))
	}
	return out
}

// chainLen counts the earlier commitments of the i-th recurrence.
func (r *Recurrences) chainLen(i int) int {
	k := 0
	for n := r.heads[i]; r.prev[n] >= 0; n = r.prev[n] {
		k++
	}
	return k
}

// recurrenceList finds the chain of each commitment that only selects
// (nil: all), newest document first; those promised for the first time
// are left out unless selected.
func (c *corpus) recurrenceList(only func(*item) bool) *Recurrences {
	r := &Recurrences{heads: []int32{}}
	index := map[*item]int32{}
	var add func(it *item) int32
	add = func(it *item) int32 {
		if n, ok := index[it]; ok {
			return n
		}
		l := c.linkOf(it)
		p := int32(-1)
		if l.prev != nil {
			p = add(l.prev)
		}
		n := int32(len(r.briefs))
		r.briefs = append(r.briefs, commitmentBrief(it, 0))
		r.prev = append(r.prev, p)
		r.score = append(r.score, round(l.score))
		index[it] = n
		return n
	}
	for k := len(c.docs) - 1; k >= 0; k-- {
		for _, it := range c.commitments[k] {
			if only != nil && !only(it) {
				continue
			}
			if only == nil && c.linkOf(it).prev == nil {
				continue
			}
			r.heads = append(r.heads, add(it))
		}
	}
	return r
}
