package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"math"
	"slices"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
)

// labelIndex is search's picture of the collection in memory: every
// sentence numbered by its place in the order of a search without text,
// counted from the end (the oldest version's last sentence is 0, the
// newest version's first the highest), and for each label a compressed
// bitmap (roaring) of the sentences that carry it, as corrected. Filters,
// totals and facets are then intersections and counts of bitmaps, computed
// in Go the same way on both databases, instead of SQL that checks each
// match (a filter that keeps most of the collection) or reads each hit's
// labels (the facets). Numbering by that order makes a page the n-th
// members of a bitmap from the top, keeps each version's sentences a run of
// numbers, so that document-level labels (parties, dates, languages) are
// ranges, and gives a new statement (a newer version) the next numbers, so
// that an index can grow by what was added (extend) instead of being built
// again.
//
// An index describes one state of the collection (key); a search whose
// transaction sees another state builds a new one. The full-text index
// stays in the database: the matches of a query are read from it once per
// state and kept here as a bitmap (matches).
type labelIndex struct {
	key indexKey

	ids        []int64  // sentence id by number
	numbers    []uint32 // number by sentence id; noNumber where none
	maxID      int64    // the highest sentence id held
	maxVersion int64    // the highest version id held
	all        *roaring.Bitmap

	typ, strength, actor, area bitmaps // sentences, by label as corrected
	party                      bitmaps // sentences whose document the party signed, as corrected
	version                    bitmaps // sentences, by the language of their version (the filter)
	docLang, year              bitmaps // sentences, by their document's first language and year (the facets)
	docs                       []docSpan
	docIndex                   map[int64]int // place in docs by document id

	mu       sync.Mutex
	filters  map[string]*roaring.Bitmap // a filter's sentences, by the filter
	matches  map[string]*roaring.Bitmap // a query's matches, by its terms
	matchMem uint64                     // bytes the matches hold
}

// bitmaps are sentence numbers by a label.
type bitmaps map[string]*roaring.Bitmap

func (b bitmaps) get(k string) *roaring.Bitmap {
	if m := b[k]; m != nil {
		return m
	}
	return roaring.New()
}

// docSpan is a document's signing date (as corrected), first language and
// the runs of numbers its versions' sentences hold.
type docSpan struct {
	date, lang string // "" when unknown
	spans      [][2]uint32
}

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
	mu              sync.Mutex // held while building
	index           *labelIndex
	builds, extends int // how many times, for tests
}

// labels returns the index of the collection as tx sees it: the one kept,
// when nothing changed since; that one grown by what was added, when the
// only changes were new statements; else one built anew.
func (s *Store) labels(ctx context.Context, tx *sql.Tx, sig collection) (*labelIndex, error) {
	key := indexKey{collection: sig}
	if err := s.queryRow(ctx, tx, `SELECT coalesce(max(seq), 0) FROM events`).Scan(&key.events); err != nil {
		return nil, fmt.Errorf("read the last event: %w", err)
	}
	s.index.mu.Lock()
	defer s.index.mu.Unlock()
	old := s.index.index
	if old != nil && old.key == key {
		return old, nil
	}
	var x *labelIndex
	if old != nil {
		grown, err := s.extend(ctx, tx, old, key)
		if err != nil {
			return nil, fmt.Errorf("extend the search index: %w", err)
		}
		x = grown
		if x != nil {
			s.index.extends++
		}
	}
	if x == nil {
		s.index.builds++
		x = &labelIndex{key: key, maxID: -1, docIndex: map[int64]int{}, all: roaring.New(),
			typ: bitmaps{}, strength: bitmaps{}, actor: bitmaps{}, area: bitmaps{}, party: bitmaps{}, version: bitmaps{}, docLang: bitmaps{}, year: bitmaps{}}
		if err := s.addLabels(ctx, tx, x, true); err != nil {
			return nil, fmt.Errorf("build the search index: %w", err)
		}
	}
	x.filters, x.matches = map[string]*roaring.Bitmap{}, map[string]*roaring.Bitmap{}
	s.index.index = x
	return x, nil
}

// extend returns old grown by the statements added since, or nil when
// anything else changed (an event other than a document's creation, a
// version or sentence removed or changed, a version added to a document
// old holds): then the index is built anew. old is not changed: searches
// may be reading it.
func (s *Store) extend(ctx context.Context, tx *sql.Tx, old *labelIndex, key indexKey) (*labelIndex, error) {
	if key.events < old.key.events || key.versions <= old.key.versions || key.sentences < old.key.sentences {
		return nil, nil
	}
	var others, versions, sentences, oldDocs int64
	err := s.queryRow(ctx, tx, `SELECT
			(SELECT count(*) FROM events WHERE seq > $1 AND NOT (entity = 'document' AND action = 'create')),
			(SELECT count(*) FROM versions WHERE id > $2),
			(SELECT count(*) FROM sentences WHERE id > $3),
			(SELECT count(*) FROM sentences WHERE id > $3 AND version_id <= $2)`,
		old.key.events, old.maxVersion, old.maxID).Scan(&others, &versions, &sentences, &oldDocs)
	if err != nil {
		return nil, err
	}
	// Every version and sentence added is new, and none went: the sums
	// grew by exactly what is new.
	if others > 0 || oldDocs > 0 || versions != key.versions-old.key.versions || sentences != key.sentences-old.key.sentences {
		return nil, nil
	}
	x := &labelIndex{key: key, ids: old.ids, numbers: old.numbers, maxID: old.maxID, maxVersion: old.maxVersion,
		all: old.all.Clone(), docs: slices.Clone(old.docs), docIndex: maps.Clone(old.docIndex)}
	for _, b := range []struct{ from, to *bitmaps }{{&old.typ, &x.typ}, {&old.strength, &x.strength}, {&old.actor, &x.actor},
		{&old.area, &x.area}, {&old.party, &x.party}, {&old.version, &x.version}, {&old.docLang, &x.docLang}, {&old.year, &x.year}} {
		*b.to = make(bitmaps, len(*b.from))
		for k, m := range *b.from {
			(*b.to)[k] = m.Clone()
		}
	}
	if err := s.addLabels(ctx, tx, x, false); err != nil {
		return nil, err
	}
	if x.docs == nil {
		return nil, nil // a new version of a document the index held
	}
	return x, nil
}

// collector gathers the numbers of each label before they join the
// bitmaps (adding them sorted, in bulk, is the cheap way).
type collector map[string][]uint32

func (c collector) addTo(into bitmaps) {
	for k, ns := range c {
		slices.Sort(ns)
		b := into[k]
		if b == nil {
			b = roaring.New()
			into[k] = b
		}
		b.AddMany(ns)
		b.RunOptimize()
	}
}

// addLabels adds to x the sentences after x.maxID with their labels and
// documents. whole says that x is empty and every sentence is read: then
// the corrections apply (an index is only extended by statements that no
// correction can concern yet). If a sentence belongs to a document x holds
// already, it sets x.docs to nil: the caller builds anew.
func (s *Store) addLabels(ctx context.Context, tx *sql.Tx, x *labelIndex, whole bool) error {
	type label struct{ typ, strength string }
	corrected := map[int64]label{}
	partiesCorrected := map[int64]bool{}
	if whole {
		err := s.queryRows(ctx, tx, `SELECT sentence_id, type, strength FROM corrected_sentences`, nil, func(rows *sql.Rows) error {
			var (
				id int64
				l  label
			)
			err := rows.Scan(&id, &l.typ, &l.strength)
			corrected[id] = l
			return err
		})
		if err != nil {
			return fmt.Errorf("read corrected sentences: %w", err)
		}
	}
	prevID, prevVersion := x.maxID, x.maxVersion
	typ, strength := collector{}, collector{}
	type span struct {
		doc int64
		at  [2]uint32
	}
	spans := map[int64]*span{} // of the versions added
	var last *span
	first := uint32(len(x.ids))
	var lastVersion int64 = -1
	var newIDs []int64
	err := s.queryRows(ctx, tx, `SELECT id, document_id, version_id, type, strength FROM sentences WHERE id > $1 ORDER BY version_id, position DESC`,
		[]any{prevID}, func(rows *sql.Rows) error {
			var (
				id, doc, version int64
				l                label
			)
			if err := rows.Scan(&id, &doc, &version, &l.typ, &l.strength); err != nil {
				return err
			}
			n := uint32(len(x.ids))
			x.ids = append(x.ids, id)
			newIDs = append(newIDs, id)
			if c, ok := corrected[id]; ok {
				l = c
			}
			typ[l.typ] = append(typ[l.typ], n)
			if l.strength != "" {
				strength[l.strength] = append(strength[l.strength], n)
			}
			if version != lastVersion {
				last = &span{doc: doc, at: [2]uint32{n, n + 1}}
				spans[version], lastVersion = last, version
				x.maxVersion = max(x.maxVersion, version)
			} else {
				last.at[1] = n + 1
			}
			return nil
		})
	if err != nil {
		return fmt.Errorf("read sentences: %w", err)
	}
	if len(newIDs) > 0 {
		maxID := slices.Max(newIDs)
		if grow := maxID + 1 - int64(len(x.numbers)); grow > 0 {
			x.numbers = slices.Grow(x.numbers, int(grow))
			for range grow {
				x.numbers = append(x.numbers, noNumber)
			}
		}
		for i, id := range newIDs {
			x.numbers[id] = first + uint32(i)
		}
		x.maxID = max(x.maxID, maxID)
	}
	x.all.AddRange(uint64(first), uint64(len(x.ids)))
	typ.addTo(x.typ)
	strength.addTo(x.strength)

	// actors and areas: the extractor's, except for corrected sentences,
	// and the corrected ones (as the filters always read them)
	for _, q := range []struct {
		extracted, corrected string
		into                 bitmaps
	}{
		{`SELECT sentence_id, party FROM sentence_actors WHERE sentence_id > $1`, `SELECT sentence_id, party FROM corrected_actors`, x.actor},
		{`SELECT sentence_id, area FROM sentence_areas WHERE sentence_id > $1`, `SELECT sentence_id, area FROM corrected_areas`, x.area},
	} {
		c := collector{}
		add := func(fromCorrections bool) func(rows *sql.Rows) error {
			return func(rows *sql.Rows) error {
				var (
					id int64
					v  string
				)
				if err := rows.Scan(&id, &v); err != nil {
					return err
				}
				if _, ok := corrected[id]; ok && !fromCorrections {
					return nil
				}
				if n, ok := x.number(id); ok && n >= first {
					c[v] = append(c[v], n)
				}
				return nil
			}
		}
		if err := s.queryRows(ctx, tx, q.extracted, []any{prevID}, add(false)); err != nil {
			return fmt.Errorf("read sentence labels: %w", err)
		}
		if whole {
			if err := s.queryRows(ctx, tx, q.corrected, nil, add(true)); err != nil {
				return fmt.Errorf("read corrected labels: %w", err)
			}
		}
		c.addTo(q.into)
	}

	// the documents of the versions added: their spans, first language,
	// date and parties as corrected
	version := collector{}
	added := map[int64]bool{} // documents new to x
	err = s.queryRows(ctx, tx, `SELECT id, document_id, language FROM versions WHERE id > $1`, []any{prevVersion},
		func(rows *sql.Rows) error {
			var (
				id, doc int64
				lang    string
			)
			if err := rows.Scan(&id, &doc, &lang); err != nil {
				return err
			}
			x.maxVersion = max(x.maxVersion, id)
			i, held := x.docIndex[doc]
			if held && !added[doc] {
				x.docs = nil // a new version of a document held: build anew
				return nil
			}
			if !held {
				i = len(x.docs)
				x.docIndex[doc], added[doc] = i, true
				x.docs = append(x.docs, docSpan{lang: lang})
			}
			d := &x.docs[i]
			if lang < d.lang {
				d.lang = lang
			}
			if sp := spans[id]; sp != nil {
				d.spans = append(d.spans, sp.at)
				for n := sp.at[0]; n < sp.at[1]; n++ {
					version[lang] = append(version[lang], n)
				}
			}
			return nil
		})
	if err != nil || x.docs == nil {
		return err
	}
	version.addTo(x.version)
	newDocs := slices.Collect(maps.Keys(added))
	slices.Sort(newDocs)
	party, year, lang := collector{}, collector{}, collector{}
	spanned := func(into collector, key string, d *docSpan) {
		for _, sp := range d.spans {
			for n := sp[0]; n < sp[1]; n++ {
				into[key] = append(into[key], n)
			}
		}
	}
	for chunk := range slices.Chunk(newDocs, 1000) {
		var a args
		in := idList(s.dialect, &a, chunk)
		err = queryRows(ctx, tx, `SELECT d.id, coalesce(CASE WHEN cd.date_corrected THEN cd.signed_date ELSE d.signed_date END, ''),
				coalesce(cd.parties_corrected, false)
			FROM documents d LEFT JOIN corrected_documents cd ON cd.document_id = d.id WHERE d.id IN (`+in+`)`, a, func(rows *sql.Rows) error {
			var (
				id   int64
				date string
				pc   bool
			)
			if err := rows.Scan(&id, &date, &pc); err != nil {
				return err
			}
			d := &x.docs[x.docIndex[id]]
			d.date = date
			partiesCorrected[id] = pc
			if len(date) >= 4 {
				spanned(year, date[:4], d)
			}
			if d.lang != "" {
				spanned(lang, d.lang, d)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("read documents: %w", err)
		}
		for _, q := range []string{`SELECT document_id, party, 0 FROM document_parties WHERE document_id IN (` + in + `)`,
			`SELECT document_id, party, 1 FROM corrected_document_parties WHERE document_id IN (` + in + `)`} {
			err := queryRows(ctx, tx, q, a, func(rows *sql.Rows) error {
				var (
					doc             int64
					p               string
					fromCorrections int
				)
				if err := rows.Scan(&doc, &p, &fromCorrections); err != nil {
					return err
				}
				if partiesCorrected[doc] && fromCorrections == 0 {
					return nil
				}
				spanned(party, p, &x.docs[x.docIndex[doc]])
				return nil
			})
			if err != nil {
				return fmt.Errorf("read document parties: %w", err)
			}
		}
	}
	year.addTo(x.year)
	lang.addTo(x.docLang)
	party.addTo(x.party)
	return nil
}
