package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/RoaringBitmap/roaring/v2"

	"github.com/entente/entente/internal/hugepages"
	"github.com/entente/entente/search"
)

// maxMatchChecks bounds the work an update spends keeping the matches of
// past queries (documents read again times queries kept, each document
// some forty sentences); past it the matches are read again as needed.
const maxMatchChecks = 2500

// update returns old brought to the state key, or nil when only a build
// can get there. The events since old say what changed: a change search
// cannot see (a status, evidence, accounts) changes nothing but the key; a
// change of a document (a correction, a split or join, a re-extraction, a
// withdrawal, a removal) reads that document again into the numbers it
// held; new versions take the next numbers. Anything else (an import, a
// replay, a change to the full-text index that no event tells, an event
// this code does not know without a document) builds anew. The result
// must hold as many versions and sentences as the collection's sums say,
// or it is built anew.
func (s *Store) update(ctx context.Context, tx *sql.Tx, old *labelIndex, key indexKey) (*labelIndex, error) {
	if key.events < old.key.events {
		return nil, nil
	}
	dirty, rebuild, err := changedDocuments(ctx, tx, old.key.events)
	if err != nil || rebuild {
		return nil, err
	}
	// no DISTINCT: SQLite would scan a covering index of every version for it
	err = queryRows(ctx, tx, `SELECT document_id FROM versions WHERE id > $1`, []any{old.maxVersion}, func(rows *sql.Rows) error {
		var d int64
		err := rows.Scan(&d)
		dirty[d] = true
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read new versions: %w", err)
	}
	if len(dirty) == 0 {
		if key.collection != old.key.collection {
			return nil, nil
		}
		x := *old // nothing search sees changed: the same index, caches and all
		x.key, x.reread = key, 0
		return &x, nil
	}
	if len(dirty) > max(1000, len(old.docIndex)/2) {
		return nil, nil // reading most documents one by one costs more than a build
	}
	// the pinned matches written down, read before the update that keeps them
	pinsRead, err := s.readLazyPins(ctx, tx, old)
	if err != nil {
		return nil, err
	}
	x := old.copyFor(key)
	x.reread, x.pinsRead = len(dirty), pinsRead
	o := &owner{owned: map[*roaring.Bitmap]bool{}}
	docs := slices.Sorted(maps.Keys(dirty))
	checks := x.clearDocs(docs, o, old.cache, cmp.Or(s.matchChecks, maxMatchChecks))
	err = s.load(ctx, tx, x, docs, o, false, checks...)
	if errors.Is(err, errRunFull) || errors.Is(err, errUnknownVersion) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if x.heldVersions != key.versions || x.heldSentences != key.sentences {
		return nil, nil
	}
	// a document withdrawn or gone, before or after, moves sentences the
	// terms' counts hold between the matches and what search leaves out
	hidden := false
	for _, id := range docs {
		if i, ok := old.docIndex[id]; ok && old.docs[i].hidden {
			hidden = true
		}
		if i, ok := x.docIndex[id]; !ok || x.docs[i].hidden {
			hidden = true
		}
	}
	x.cache = newSearchCache()
	for _, c := range checks {
		df := c.countAfter(hidden)
		slices.Sort(c.added)
		c.b.AddMany(c.added)
		c.b.RunOptimize()
		x.cache.add(c.key, &matchEntry{terms: c.terms, b: c.b, pinned: c.pinned, df: df})
	}
	s.df.put(key.collection, x.cache.counts())
	return x, nil
}

// changedDocuments reads the events after seq and returns the documents
// whose searchable state they may have changed, or rebuild when one of
// them may have changed what no document names. A new document's versions
// are read as new versions.
func changedDocuments(ctx context.Context, tx *sql.Tx, seq int64) (map[int64]bool, bool, error) {
	return documentsChangedSince(ctx, tx, seq, func(entity, action string, _ int64) bool {
		return unseenBySearch(entity) || entity == "document" && action == "create"
	})
}

// documentsChangedSince reads the events after seq: the documents they
// name, and whether one that names none may have changed anything
// (rebuild); unseen says which events change nothing the caller keeps.
func documentsChangedSince(ctx context.Context, tx *sql.Tx, seq int64, unseen func(entity, action string, doc int64) bool) (map[int64]bool, bool, error) {
	docs := map[int64]bool{}
	rebuild := false
	err := queryRows(ctx, tx, `SELECT entity, action, coalesce(document_id, 0) FROM events WHERE seq > $1`, []any{seq}, func(rows *sql.Rows) error {
		var (
			entity, action string
			doc            int64
		)
		if err := rows.Scan(&entity, &action, &doc); err != nil {
			return err
		}
		switch {
		case unseen(entity, action, doc):
		case doc != 0:
			docs[doc] = true
		default:
			rebuild = true
		}
		return nil
	})
	if err != nil {
		return nil, false, fmt.Errorf("read changes: %w", err)
	}
	return docs, rebuild, nil
}

// unseenBySearch says whether changes of entity leave every search's
// result as it was: statuses and evidence (tracking), accounts and their
// tokens, settings, the registry of names, sources (a new version that
// comes with one is read as a new version) and follow-up decisions.
func unseenBySearch(entity string) bool {
	switch entity {
	case "status", "evidence", "user", "api_token", "setting", "registry", "source", "followup":
		return true
	}
	return false
}

// copyFor returns a copy of x for the state key that an update may
// change without changing x: slices and maps are copied, bitmaps are
// cloned by the owner when first changed.
func (x *labelIndex) copyFor(key indexKey) *labelIndex {
	y := *x
	y.key = key
	// some 75 MB at 100,000 statements, copied at every update: on huge
	// pages, faulted in by the 2 MB, and with room for the sentences an
	// update adds (load appends), so as not to be copied again
	room := func(n int) int { return n/16 + 1024 }
	y.ids, y.numbers = hugepages.Clone(x.ids, room(len(x.ids))), hugepages.Clone(x.numbers, room(len(x.numbers)))
	for i := range y.sets {
		y.sets[i].of = hugepages.Clone(x.sets[i].of, room(len(x.sets[i].of)))
	}
	y.docs, y.docIndex = slices.Clone(x.docs), maps.Clone(x.docIndex)
	for _, f := range y.families() {
		*f = maps.Clone(*f)
	}
	return &y
}

// clearDocs removes the numbers of the documents docs held from every
// bitmap and forgets their sentence ids, keeping their runs for load. It
// returns the kept matches with those numbers removed, for load to check
// the documents' sentences against: the pinned always, the others unless
// that would cost too much.
func (x *labelIndex) clearDocs(docs []int64, o *owner, cache *searchCache, bound int) []*matchCheck {
	var ranges [][2]uint64
	for _, id := range docs {
		i, ok := x.docIndex[id]
		if !ok {
			continue
		}
		for _, r := range x.docs[i].runs {
			for n := r.start; n < r.start+r.size; n++ {
				if sid := x.ids[n]; sid != 0 {
					x.numbers[sid], x.ids[n] = noNumber, 0
				}
			}
			for _, fs := range x.sets {
				clear(fs.of[min(r.start, uint32(len(fs.of))):min(r.start+r.reserve, uint32(len(fs.of)))])
			}
			x.heldVersions--
			x.heldSentences -= int64(r.size)
			ranges = append(ranges, [2]uint64{uint64(r.start), uint64(r.start + r.reserve)})
		}
	}
	remove := func(b *roaring.Bitmap, own func() *roaring.Bitmap) {
		for _, rg := range ranges {
			if b.IntersectsWithInterval(rg[0], rg[1]) {
				b = own()
				b.RemoveRange(rg[0], rg[1])
			}
		}
	}
	for _, f := range x.families() {
		for k, b := range *f {
			remove(b, func() *roaring.Bitmap { return o.own(*f, k) })
		}
	}
	remove(x.all, func() *roaring.Bitmap { return o.ownAll(x) })

	cache.mu.Lock()
	defer cache.mu.Unlock()
	// the pinned always: their check is one scan of a text for them all
	counted := len(cache.matches)*len(docs) <= bound
	checks := make([]*matchCheck, 0, len(cache.matches))
	for k, e := range cache.matches {
		if !e.pinned && !counted {
			continue
		}
		b := e.b.Clone()
		for _, rg := range ranges {
			b.RemoveRange(rg[0], rg[1])
		}
		c := &matchCheck{key: k, terms: e.terms, b: b, pinned: e.pinned, df: e.df, removed: e.b.GetCardinality() - b.GetCardinality()}
		if !e.pinned {
			c.counter = e.terms.Counter()
		}
		checks = append(checks, c)
	}
	return checks
}

// matchCheck keeps a query's matches while documents are read again: the
// sentences read that hold every term join them.
type matchCheck struct {
	key     string
	terms   search.Terms
	b       *roaring.Bitmap
	counter *search.Counter // nil when pinned: matchChecker checks those by tokens
	pinned  bool
	added   []uint32
	df      int64  // the entry's count of the index before (matchEntry.df)
	removed uint64 // its matches among the documents read again, before
}

// countAfter returns the index's count of the check's one term after the
// documents were read again, or -1 when it cannot be told from them. The
// count is the matches plus the sentences of withdrawn documents the
// index holds (which search leaves out): while none of the documents read
// again is withdrawn or gone, before or after, the latter stay as they
// were, and the count moves by the matches taken out and put back. A
// version queued for the index is in neither (load checks none of it).
func (c *matchCheck) countAfter(hidden bool) int64 {
	if c.df < 0 || hidden {
		return -1
	}
	return c.df - int64(c.removed) + int64(len(c.added))
}

func (c *matchCheck) check(n uint32, text string) {
	if !slices.Contains(c.counter.Count(text).Counts, 0) {
		c.added = append(c.added, n)
	}
}
