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
// What it returns is shared by readers: nothing may change it. A store
// that keeps views (ViewStore) lets the list be kept in memory with the
// signature of the pair's documents, so that reading it again, a page at a
// time, computes nothing while they do not change (a pair of 284
// statements: over a second to compute).
func (s *Service) Recycled(ctx context.Context, a, b string) (*Recurrences, error) {
	if err := checkPair(a, b); err != nil {
		return nil, err
	}
	if b < a {
		a, b = b, a // the order of the two parties changes nothing
	}
	if s.Views == nil {
		return s.recycled(ctx, a, b)
	}
	signature, err := s.Views.PairSignature(ctx, a, b)
	if err != nil {
		return nil, err
	}
	if rs, ok := s.views.keptRecycled(a+","+b, signature); ok {
		return rs, nil
	}
	defer s.views.lock("recycled:" + a + "," + b)()
	// computed meanwhile by another reader?
	if signature, err = s.Views.PairSignature(ctx, a, b); err != nil {
		return nil, err
	}
	if rs, ok := s.views.keptRecycled(a+","+b, signature); ok {
		return rs, nil
	}
	rs, err := s.recycled(ctx, a, b)
	if err == nil {
		// kept with the signature read before the documents were: a
		// write in between leaves it stale, to be computed again
		s.views.keepRecycled(a+","+b, signature, rs)
	}
	return rs, err
}

// recycled computes the pair's recycled promises, as one of at most
// maxComputing computations at once (a large pair holds as much memory
// as its view).
func (s *Service) recycled(ctx context.Context, a, b string) (*Recurrences, error) {
	release, err := s.views.acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	docs, err := s.pairDocuments(ctx, a, b)
	if err != nil {
		return nil, err
	}
	return s.Words.newCorpus(docs).recurrenceList(nil), nil
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
	rs := s.Words.newCorpus(docs).recurrenceList(func(it *item) bool { return it.doc == doc && it.s.ID == label })
	if rs.Len() == 0 {
		it := newItem(doc, brief(d).SignedDate, st)
		return &entente.Recurrence{Commitment: commitmentBrief(it, 0), Earlier: []entente.CommitmentBrief{}}, nil
	}
	r := rs.At(0)
	return &r, nil
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

// A promise that comes back is a chain: each commitment links to the
// commitment that says the same thing (above RecycledThreshold) in the
// newest earlier document that has one, and that one to its own, back to
// the first time it was promised. Looking only as far back as the first
// document with a match keeps the work near the number of commitments,
// where scoring each against every earlier one grows with its square.

// link is a commitment's predecessor in its chain, nil for none.
type link struct {
	done  bool
	prev  *item
	score float64
	depth int // the commitments before it in its chain
}

// linkOf finds (once) a commitment's predecessor.
func (c *corpus) linkOf(it *item) *link {
	if c.links == nil {
		c.links = make([]link, c.count)
	}
	l := &c.links[it.n]
	if l.done {
		return l
	}
	l.done = true
	// the newest earlier document with a match is read whole, and none
	// before it
	c.walkBack(it, func(_ int, cands []*item) bool {
		for _, e := range cands {
			if sc := similarityAtLeast(it, e, RecycledThreshold); sc >= RecycledThreshold && sc > l.score {
				l.prev, l.score = e, sc
			}
		}
		return l.prev == nil
	})
	if l.prev != nil {
		l.depth = c.linkOf(l.prev).depth + 1
	}
	return l
}

// recurrence walks a commitment's chain back to the first promise.
func (c *corpus) recurrence(it *item) entente.Recurrence {
	r := entente.Recurrence{Commitment: commitmentBrief(it, 0), Earlier: []entente.CommitmentBrief{}}
	for l := c.linkOf(it); l.prev != nil; l = c.linkOf(l.prev) {
		r.Earlier = append(r.Earlier, commitmentBrief(l.prev, l.score))
	}
	slices.Reverse(r.Earlier)
	if len(r.Earlier) > 0 {
		r.FirstPromised, r.Repeated = r.Earlier[0].SignedDate, len(r.Earlier)
	}
	return r
}

// mostRecycled lists the n longest chains by their newest commitment (one
// no later commitment links to), most repeated first, newest first among
// equals, each promise once: two restatements in the newest documents
// whose chains join further back (a long pair restates its promises in
// several statements of one year) are one promise, shown by the longer.
func (c *corpus) mostRecycled(n int) []entente.Recurrence {
	linked := make([]bool, c.count)
	var heads []*item
	for k := len(c.docs) - 1; k >= 0; k-- {
		for _, it := range c.commitments[k] {
			if l := c.linkOf(it); l.prev != nil {
				linked[l.prev.n] = true
			}
		}
	}
	for k := len(c.docs) - 1; k >= 0; k-- {
		for _, it := range c.commitments[k] {
			if !linked[it.n] && c.linkOf(it).depth > 0 {
				heads = append(heads, it)
			}
		}
	}
	slices.SortStableFunc(heads, func(x, y *item) int { return cmp.Compare(c.linkOf(y).depth, c.linkOf(x).depth) })
	out := []entente.Recurrence{}
	shown := make([]bool, c.count) // the commitments of the chains listed
	for _, it := range heads {
		if len(out) == n {
			break
		}
		joins := false
		for e := it; e != nil && !joins; e = c.linkOf(e).prev {
			joins = shown[e.n]
		}
		if joins {
			continue
		}
		for e := it; e != nil; e = c.linkOf(e).prev {
			shown[e.n] = true
		}
		out = append(out, c.recurrence(it))
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
