package compare

import (
	"cmp"
	"slices"
	"sort"
)

// walkBack calls fn with the candidates of each document signed before
// it's, newest document first, until fn returns false: the commitments
// that share a rare term, a name or the whole text with it, those of one
// document in the order of its commitments. Only these can say the same
// thing (a pair that shares only common terms scores too low to count,
// and one that names nothing in common is no follow-up), so a pair's
// statements are not compared each with each; and as the lists are read
// from their newest end, a caller that wants the newest earlier document
// with a match reads no further back than it.
//
// Every list (c.postings, c.named, c.sameText) is oldest first, as the
// corpus was read, so each is read backwards from the first entry of a
// document not before it's; a document's entries are gathered from every
// list at once.
func (c *corpus) walkBack(it *item, fn func(pos int, cands []*item) bool) {
	if it.date == "" {
		return // an undated document is after nothing
	}
	if c.seen == nil {
		c.seen = make([]int, c.count)
	}
	lists := c.lists[:0]
	for k, id := range it.ids {
		if it.rareID[k] {
			lists = append(lists, c.postings[id])
		}
	}
	for _, name := range it.entities {
		lists = append(lists, c.named[name])
	}
	if it.same != "" {
		lists = append(lists, c.sameText[it.same])
	}
	at := c.at[:0]
	for _, l := range lists {
		// the last entry of a document before it's
		at = append(at, sort.Search(len(l), func(i int) bool { return l[i].pos >= it.pos })-1)
	}
	c.lists, c.at = lists, at
	c.stamp++
	for {
		pos := -1
		for k, l := range lists {
			if at[k] >= 0 {
				pos = max(pos, l[at[k]].pos)
			}
		}
		if pos < 0 {
			return
		}
		cands := c.cands[:0]
		for k, l := range lists {
			for ; at[k] >= 0 && l[at[k]].pos == pos; at[k]-- {
				if e := l[at[k]]; c.seen[e.n] != c.stamp {
					c.seen[e.n] = c.stamp
					cands = append(cands, e)
				}
			}
		}
		c.cands = cands
		if !c.earlier(pos, it.pos) {
			continue // the same day
		}
		slices.SortFunc(cands, func(x, y *item) int { return cmp.Compare(x.n, y.n) })
		if !fn(pos, cands) {
			return
		}
	}
}
