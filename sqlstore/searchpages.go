package sqlstore

import (
	"slices"

	"github.com/entente/entente"
)

// Pages of hits kept with a query's results. A page of a query already
// seen (the same terms, filters, offset and limit) in the same state of
// the collection is the same page: it is answered from memory, after the
// one read of the collection's state that every search makes, with no
// transaction and no other statement. On PostgreSQL a page read from the
// database is some ten round trips to the server (the hits, their labels,
// corrections, documents and parties); on SQLite the same statements cost
// a page its CPU.
//
// A page is kept with the full state it was read in (indexKey: the
// collection's sums and the newest event), not only with the index's
// cache, which states that differ in nothing search counts share: a hit
// shows what such states may change (a mechanism's or a cited
// instrument's name in the registry).

// maxKeptHits bounds the hits kept in pages by one picture of the
// collection (some 2 kB each); past it every kept page is dropped and
// keeping starts again.
const maxKeptHits = 10000

// maxKeptPageSize is the largest page kept: the UI's and the API's pages
// are 20 to 200 hits; an export's thousands are read each time.
const maxKeptPageSize = 200

// keptPage is a page of hits read in one state of the collection.
type keptPage struct {
	key  indexKey
	hits []entente.SearchHit
}

// pageKey names a page of a query: its offset and limit.
type pageKey [2]int

// keepable says whether the page of q is kept.
func keepable(q entente.SearchQuery) bool {
	return q.Limit > 0 && q.Limit <= maxKeptPageSize
}

// keptResult returns the kept page of q (the query named key) in the state
// x describes, with its total and facets when count, or nil when it is not
// kept.
func (s *Store) keptResult(x *labelIndex, key string, q entente.SearchQuery, count bool) *entente.SearchResults {
	if x == nil || s.NoResultCache || !keepable(q) {
		return nil
	}
	c := x.cache
	c.mu.Lock()
	e := c.results[key]
	c.mu.Unlock()
	if e == nil {
		return nil
	}
	e.mu.Lock()
	p := e.pages[pageKey{max(q.Offset, 0), q.Limit}]
	hits, facets := e.hits, e.facets
	e.mu.Unlock()
	if p == nil || p.key != x.key || hits == nil || count && facets == nil {
		return nil
	}
	s.index.mu.Lock()
	s.index.keptPages++
	s.index.mu.Unlock()
	res := &entente.SearchResults{Hits: cloneHits(p.hits), Facets: noFacets()}
	if count {
		res.Total = int(hits.GetCardinality())
		res.FacetsOf = res.Total
		res.Facets = cloneFacets(facets)
	}
	return res
}

// keepPage keeps the page of q that was read in the state x describes.
func (s *Store) keepPage(x *labelIndex, e *resultEntry, q entente.SearchQuery, hits []entente.SearchHit) {
	if s.NoResultCache || !keepable(q) {
		return
	}
	c := x.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.keptHits+len(hits) > maxKeptHits {
		for _, r := range c.results {
			r.mu.Lock()
			r.pages = nil
			r.mu.Unlock()
		}
		c.keptHits = 0
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.pages == nil {
		e.pages = map[pageKey]*keptPage{}
	}
	k := pageKey{max(q.Offset, 0), q.Limit}
	if old := e.pages[k]; old != nil {
		c.keptHits -= len(old.hits)
	}
	e.pages[k] = &keptPage{key: x.key, hits: cloneHits(hits)}
	c.keptHits += len(hits)
}

// cloneFacets returns a copy of f that its caller may change.
func cloneFacets(f *entente.Facets) entente.Facets {
	return entente.Facets{Type: slices.Clone(f.Type), Strength: slices.Clone(f.Strength), Party: slices.Clone(f.Party),
		Area: slices.Clone(f.Area), Year: slices.Clone(f.Year), Language: slices.Clone(f.Language)}
}

// cloneHits returns a deep copy of hits: a kept page is shared by every
// search that answers from it, and callers may change what they get.
func cloneHits(hits []entente.SearchHit) []entente.SearchHit {
	out := make([]entente.SearchHit, len(hits))
	for i, h := range hits {
		h.DocumentParties = slices.Clone(h.DocumentParties)
		h.Marks = slices.Clone(h.Marks)
		h.Sentence = cloneSentence(h.Sentence)
		out[i] = h
	}
	return out
}

func cloneSentence(s entente.Sentence) entente.Sentence {
	s.Actors, s.Areas = slices.Clone(s.Actors), slices.Clone(s.Areas)
	s.References, s.Mechanisms, s.Projects = slices.Clone(s.References), slices.Clone(s.Mechanisms), slices.Clone(s.Projects)
	if s.Deadline != nil {
		d := *s.Deadline
		s.Deadline = &d
	}
	r := &s.Rationale
	r.Type, r.Strength, r.Deadline = cloneCue(r.Type), cloneCue(r.Strength), cloneCue(r.Deadline)
	r.Actors, r.Areas = slices.Clone(r.Actors), slices.Clone(r.Areas)
	r.References, r.Mechanisms, r.Projects = slices.Clone(r.References), slices.Clone(r.Mechanisms), slices.Clone(r.Projects)
	r.Clauses = slices.Clone(r.Clauses)
	for i := range r.Clauses {
		r.Clauses[i].Actors = slices.Clone(r.Clauses[i].Actors)
		r.Clauses[i].Cue = cloneCue(r.Clauses[i].Cue)
	}
	return s
}

func cloneCue(c *entente.Cue) *entente.Cue {
	if c == nil {
		return nil
	}
	d := *c
	return &d
}
