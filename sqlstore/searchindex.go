package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"

	"github.com/entente/entente"
	"github.com/entente/entente/search"
)

// labelIndex is search's picture of the collection in memory: every
// sentence numbered by its place in the order of a search without text,
// counted from the end (the oldest version's last sentence is lowest, the
// newest version's first the highest), and for each label a compressed
// bitmap (roaring) of the sentences that carry it, as corrected. Filters,
// totals and facets are then intersections and counts of bitmaps, computed
// in Go the same way on both databases, instead of SQL that checks each
// match (a filter that keeps most of the collection) or reads each hit's
// labels (the facets).
//
// Each version holds a run of numbers a little longer than its sentences
// (reserve), so that a document read again (a correction, a split, a
// re-extraction, a withdrawal) takes the same numbers, in the same order,
// and the index is updated in place of being built again; a new version
// takes the next numbers, as the numbering runs from the oldest. Numbers
// no sentence holds are in no bitmap: they change no total, no facet and
// no order.
//
// An index describes one state of the collection (key); a search whose
// transaction sees another state updates it (update) or builds a new one.
// The full-text index stays in the database: the matches of a query are
// read from it once per state and kept here as a bitmap (matches), and
// kept up to date with the documents read again.
type labelIndex struct {
	key indexKey

	ids        []int64         // sentence id by number; 0 where a number holds none
	numbers    []uint32        // number by sentence id; noNumber where none
	maxVersion int64           // the highest version id held
	all        *roaring.Bitmap // the sentences search sees: those of documents not withdrawn

	typ, strength, actor, area bitmaps // sentences, by label as corrected
	party                      bitmaps // sentences whose document the party signed, as corrected
	version                    bitmaps // sentences, by the language of their version (the filter)
	docLang, year              bitmaps // sentences, by their document's first language and year (the facets)
	docs                       []docSpan
	docIndex                   map[int64]int // place in docs by document id

	// each sentence's labels of the facets, as sets (its own labels, and
	// its document's), to count the facets of a result hit by hit
	sets [2]facetSets

	// every version and sentence held, those of withdrawn documents too:
	// an update must arrive at the sums of key
	heldVersions, heldSentences int64
	reread                      int // documents the update that made this index read again, for tests
	pinsRead                    int // pinned matches the update that made this index read from search_pins

	cache *searchCache // shared by the indexes of states that differ in nothing search sees
}

// searchCache keeps what searches of one picture of the collection found.
type searchCache struct {
	mu       sync.Mutex
	filters  map[string]*roaring.Bitmap // a filter's sentences, by the filter
	matches  map[string]*matchEntry     // a query's matches, by its terms
	matchMem uint64                     // bytes the matches hold
	pinned   uint64                     // bytes the pinned matches hold (search_pins.go)
	// pinned matches written down with the snapshot of events lazyEvents
	// (0: none) and not read yet, by key, with their counts of the index
	// (search_pins_stored.go)
	lazy       map[string]lazyPin
	lazyEvents int64
	results    map[string]*resultEntry // a query's hits, counts and ranked blocks, by its terms and filters
	keptHits   int                     // hits the results' pages hold (searchpages.go)
}

// resultEntry is what searches of one query (terms and filters) found in
// one state: its hits, their facets, and the blocks ranked so far. Pages
// of one query, and the same query again, then read only their hits.
type resultEntry struct {
	mu     sync.Mutex
	hits   *roaring.Bitmap        // nil until found
	facets *entente.Facets        // nil until counted
	blocks map[[2]int][]candidate // by block size and number, ranked, without their texts
	pages  map[pageKey]*keptPage  // pages of hits read, each with its state (searchpages.go)
}

// getHits returns the entry's hits, finding them first if needed.
func (e *resultEntry) getHits(find func() (*roaring.Bitmap, error)) (*roaring.Bitmap, error) {
	e.mu.Lock()
	h := e.hits
	e.mu.Unlock()
	if h != nil {
		return h, nil
	}
	h, err := find()
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	e.hits = h
	e.mu.Unlock()
	return h, nil
}

// getFacets returns a copy of the entry's facets, counting them first if
// needed (the caller may change what it gets).
func (e *resultEntry) getFacets(count func() entente.Facets) entente.Facets {
	e.mu.Lock()
	f := e.facets
	e.mu.Unlock()
	if f == nil {
		counted := count()
		f = &counted
		e.mu.Lock()
		e.facets = f
		e.mu.Unlock()
	}
	return cloneFacets(f)
}

// getBlock returns the entry's block b (of size hits), ranked, ranking it
// first if needed.
func (e *resultEntry) getBlock(size, b int, rank func() ([]candidate, error)) ([]candidate, error) {
	e.mu.Lock()
	block, ok := e.blocks[[2]int{size, b}]
	e.mu.Unlock()
	if ok {
		return block, nil
	}
	block, err := rank()
	if err != nil {
		return nil, err
	}
	for i := range block {
		block[i].text = "" // ranked: kept without it
	}
	e.mu.Lock()
	e.blocks[[2]int{size, b}] = block
	e.mu.Unlock()
	return block, nil
}

// maxCachedResults bounds the queries a state keeps results of; it starts
// again when full.
const maxCachedResults = 256

// matchEntry is a query's matches with its terms, which an update checks
// the sentences it reads again against.
type matchEntry struct {
	terms  search.Terms
	b      *roaring.Bitmap
	pinned bool // kept through every update, never dropped (search_pins.go)
	// df is the index's count of the sentences that hold a query of one
	// term in the state the matches were listed in (withdrawn documents'
	// too, which the matches leave out: the weight ranking gives the term,
	// documentFrequencies), or -1 when not known: an update keeps the
	// matches exact but not this count
	df     int64
	stored bool // a row of search_pins of the snapshot the cache was read from or saved with
}

// add keeps e as the matches of key, pinned only while the pinned matches
// stay within their bound. c.mu is held.
func (c *searchCache) add(key string, e *matchEntry) {
	size := e.b.GetSizeInBytes()
	if old := c.matches[key]; old != nil {
		c.matchMem -= old.b.GetSizeInBytes()
		if old.pinned {
			c.pinned -= old.b.GetSizeInBytes()
		}
	}
	if e.pinned && c.pinned+size > maxPinnedBytes {
		e.pinned = false
	}
	c.matches[key] = e
	c.matchMem += size
	if e.pinned {
		c.pinned += size
	}
}

// counts returns the index's counts of the terms of one-term queries whose
// matches c keeps, where known (matchEntry.df), by dfKey.
func (c *searchCache) counts() map[string]int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	dfs := map[string]int64{}
	for _, e := range c.matches {
		if e.df >= 0 {
			dfs[dfKey(e.terms[0])] = e.df
		}
	}
	for key, p := range c.lazy {
		if p.df >= 0 && c.matches[key] == nil {
			dfs[p.dfKey] = p.df
		}
	}
	return dfs
}

// dropUnpinned forgets every match that is not pinned. c.mu is held.
func (c *searchCache) dropUnpinned() {
	for k, e := range c.matches {
		if !e.pinned {
			delete(c.matches, k)
			c.matchMem -= e.b.GetSizeInBytes()
		}
	}
}

func newSearchCache() *searchCache {
	return &searchCache{filters: map[string]*roaring.Bitmap{}, matches: map[string]*matchEntry{}, results: map[string]*resultEntry{}}
}

// bitmaps are sentence numbers by a label.
type bitmaps map[string]*roaring.Bitmap

func (b bitmaps) get(k string) *roaring.Bitmap {
	if m := b[k]; m != nil {
		return m
	}
	return roaring.New()
}

// families returns every label's bitmaps, to change them all alike.
func (x *labelIndex) families() []*bitmaps {
	return []*bitmaps{&x.typ, &x.strength, &x.actor, &x.area, &x.party, &x.version, &x.docLang, &x.year}
}

// docSpan is a document's signing date (as corrected), first language,
// whether search sees it, and the runs of numbers its versions hold.
type docSpan struct {
	date, lang string // "" when unknown
	hidden     bool   // withdrawn, or removed
	runs       []run  // by version id
}

// run is a version's numbers: its sentences hold [start, start+size), in
// document order from the top; [start, start+reserved) is its own.
type run struct {
	version              int64
	lang                 string
	start, size, reserve uint32
}

// reserve is the run a version of n sentences holds: room for a few more,
// which splits and re-extractions may bring.
func reserve(n int) uint32 { return uint32(n + n/4 + 2) }

// indexKey identifies a state of the collection: the sums kept by
// migration 0009's triggers (every change of a version) and the newest
// event (every change of anything else, corrections among them).
type indexKey struct {
	collection
	events int64
}

const noNumber = math.MaxUint32

// maxCachedFilters and maxMatchBytes bound what an index keeps of past
// searches; each starts again when full.
const (
	maxCachedFilters = 256
	maxMatchBytes    = 256 << 20
)

// number returns the sentence's number, and false for a sentence the
// index does not hold.
func (x *labelIndex) number(id int64) (uint32, bool) {
	if id < 0 || id >= int64(len(x.numbers)) || x.numbers[id] == noNumber {
		return 0, false
	}
	return x.numbers[id], true
}

// indexHolder keeps the newest index and builds one at a time.
type indexHolder struct {
	build           sync.Mutex // held while building; never by a search that holds a transaction
	mu              sync.Mutex // guards what follows, held for no I/O
	index           *labelIndex
	builds, updates int // how many times, for tests
	keptPages       int // searches answered from a kept page, for tests

	// the snapshot (search_snapshot.go): documents the kept index read
	// since the one on record, and the snapshots loaded and saved, for
	// tests
	unsaved           int
	unsavedPins       int // matches pinned in the kept index since the snapshot on record
	loaded, snapshots int
	saving, saveAgain bool // a snapshot being written; more to write when it is
}

func (h *indexHolder) get() *labelIndex {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.index
}

// rowQuerier is a transaction or the pool.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// readKey reads the state of the collection. It goes past the statement
// cache (which prepares on the read pool): it runs in the build's
// transaction, which must need no other connection (see freshLabels).
func readKey(ctx context.Context, q rowQuerier) (indexKey, error) {
	var k indexKey
	err := q.QueryRowContext(ctx, `SELECT CAST(coalesce(sum(versions), 0) AS BIGINT), CAST(coalesce(sum(sentences), 0) AS BIGINT),
		CAST(coalesce(sum(tokens), 0) AS BIGINT), CAST(coalesce(sum(changes), 0) AS BIGINT),
		(SELECT coalesce(max(seq), 0) FROM events) FROM collection_stats`).
		Scan(&k.versions, &k.sentences, &k.tokens, &k.changes, &k.events)
	if err != nil {
		return k, fmt.Errorf("read the state of the collection: %w", err)
	}
	return k, nil
}

// freshLabels brings the kept index up to date before a search begins its
// transaction. Searches that find it stale wait here for one of them to
// build it, holding no connection meanwhile: a search waiting inside its
// transaction would hold a connection of the read pool, and with every
// connection so held the build's queries (or the statement cache's
// preparing) would wait for ever.
//
// It returns the index of the state it read (the collection as it stood
// at that moment), which a search whose page is kept answers from without
// a transaction.
func (s *Store) freshLabels(ctx context.Context) (*labelIndex, error) {
	key, err := readKey(ctx, s.rdb)
	if err != nil {
		return nil, err
	}
	if x := s.index.get(); x != nil && x.key == key {
		s.keepSnapshot(ctx) // of an index a search built in its transaction (labels)
		return x, nil
	}
	x, err := s.buildFresh(ctx)
	if err == nil {
		s.keepSnapshot(ctx)
	}
	return x, err
}

// buildFresh brings the kept index to the state the collection is in,
// one search at a time.
func (s *Store) buildFresh(ctx context.Context) (*labelIndex, error) {
	s.index.build.Lock()
	defer s.index.build.Unlock()
	var x *labelIndex
	err := s.read(ctx, func(tx *sql.Tx) error {
		key, err := readKey(ctx, tx)
		if err != nil {
			return err
		}
		x, err = s.buildLabels(ctx, tx, key, true)
		return err
	})
	return x, err
}

// labels returns the index of the collection as tx sees it: the one kept,
// when nothing changed since; that one updated by what changed, when that
// can be told; else one built anew. The kept one is replaced only if no
// other search is building (a write may have come between freshLabels and
// this transaction); else this search builds its own without waiting.
func (s *Store) labels(ctx context.Context, tx *sql.Tx) (*labelIndex, error) {
	key, err := readKey(ctx, tx)
	if err != nil {
		return nil, err
	}
	if x := s.index.get(); x != nil && x.key == key {
		return x, nil
	}
	keep := s.index.build.TryLock()
	if keep {
		defer s.index.build.Unlock()
	}
	return s.buildLabels(ctx, tx, key, keep)
}

// buildLabels returns the index of key, read through tx: the kept one if
// it is of key, else that one updated or a new one, kept if keep.
func (s *Store) buildLabels(ctx context.Context, tx *sql.Tx, key indexKey, keep bool) (*labelIndex, error) {
	old := s.index.get()
	if old != nil && old.key == key {
		return old, nil
	}
	loaded := false
	if old == nil {
		// none held yet: the snapshot's, if any, and what changed since
		if !s.ignoreSnapshot {
			old = s.loadSearchSnapshot(ctx, tx)
		}
		loaded = old != nil
		if loaded {
			if err := s.listPins(ctx, tx, old); err != nil {
				return nil, err
			}
		}
	}
	var x *labelIndex
	switch {
	case loaded && old.key == key:
		x = old
		s.df.put(key.collection, old.cache.counts())
	case old != nil:
		updated, err := s.update(ctx, tx, old, key)
		if err != nil {
			return nil, fmt.Errorf("update the search index: %w", err)
		}
		x = updated
	}
	updated := x != nil
	if x == nil {
		var err error
		if x, err = s.buildIndex(ctx, tx, key); err != nil {
			return nil, fmt.Errorf("build the search index: %w", err)
		}
	}
	if keep {
		h := &s.index
		h.mu.Lock()
		h.index = x
		switch {
		case !updated:
			h.builds++
			h.unsaved = len(x.docIndex)
		case loaded:
			h.loaded++
			h.unsaved = x.reread
			if x.pinsRead > 0 {
				// written down with the new state, so that the next
				// process reads neither the documents nor every pin again
				h.unsavedPins++
			}
		default:
			h.updates++
			h.unsaved += x.reread
		}
		h.mu.Unlock()
	}
	return x, nil
}

// newLabelIndex returns an empty index of key.
func newLabelIndex(key indexKey) *labelIndex {
	return &labelIndex{key: key, docIndex: map[int64]int{}, all: roaring.New(), cache: newSearchCache(), sets: newFacetSets(),
		typ: bitmaps{}, strength: bitmaps{}, actor: bitmaps{}, area: bitmaps{}, party: bitmaps{}, version: bitmaps{}, docLang: bitmaps{}, year: bitmaps{}}
}

// buildIndex reads the whole collection into a new index. A version whose
// stored count of sentences is short of its sentences (which no write
// should leave) is counted again, with the rest.
func (s *Store) buildIndex(ctx context.Context, tx *sql.Tx, key indexKey) (*labelIndex, error) {
	x := newLabelIndex(key)
	err := s.load(ctx, tx, x, nil, nil, false)
	if errors.Is(err, errRunFull) {
		x = newLabelIndex(key)
		err = s.load(ctx, tx, x, nil, nil, true)
	}
	if err != nil {
		return nil, err
	}
	return x, nil
}

// collector gathers the numbers of each label before they join the
// bitmaps (adding them sorted, in bulk, is the cheap way).
type collector map[string][]uint32

func (c collector) addTo(into bitmaps, own func(bitmaps, string) *roaring.Bitmap) {
	for k, ns := range c {
		slices.Sort(ns)
		b := own(into, k)
		b.AddMany(ns)
		b.RunOptimize()
	}
}

func (c collector) span(key string, r run) {
	for n := r.start; n < r.start+r.size; n++ {
		c[key] = append(c[key], n)
	}
}

// result returns the kept results of the query named key, or a new entry
// to fill (kept unless s keeps none).
func (s *Store) result(x *labelIndex, key string) (e *resultEntry, found bool) {
	if s.NoResultCache {
		return &resultEntry{blocks: map[[2]int][]candidate{}}, false
	}
	c := x.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if e := c.results[key]; e != nil {
		return e, true
	}
	if len(c.results) >= maxCachedResults {
		c.results = map[string]*resultEntry{}
	}
	e = &resultEntry{blocks: map[[2]int][]candidate{}}
	c.results[key] = e
	return e, false
}
