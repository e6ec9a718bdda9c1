package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
)

// labelIndex is search's picture of the collection in memory: every
// sentence numbered by its place in the order of a search without text
// (newest version first, each in document order), and for each label a
// compressed bitmap (roaring) of the sentences that carry it, as corrected.
// Filters, totals and facets are then intersections and counts of bitmaps,
// computed in Go the same way on both databases, instead of SQL that
// checks each match (a filter that keeps most of the collection) or reads
// each hit's labels (the facets). Numbering by that order makes a page of
// a search without text the n-th members of a bitmap, and keeps each
// version's sentences a run of numbers, so that document-level labels
// (parties, dates, languages) are ranges.
//
// An index describes one state of the collection (key); a search whose
// transaction sees another state builds a new one. The full-text index
// stays in the database: the matches of a query are read from it once per
// state and kept here as a bitmap (matches).
type labelIndex struct {
	key indexKey

	ids     []int64  // sentence id by number
	numbers []uint32 // number by sentence id - minID; noNumber where none
	minID   int64
	all     *roaring.Bitmap

	typ, strength, actor, area bitmaps // sentences, by label as corrected
	party                      bitmaps // sentences whose document the party signed, as corrected
	version                    bitmaps // sentences, by the language of their version (the filter)
	docLang, year              bitmaps // sentences, by their document's first language and year (the facets)
	docs                       []docSpan

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

// docSpan is a document's signing date (as corrected) and the runs of
// numbers its versions' sentences hold.
type docSpan struct {
	date  string // "" when unknown
	spans [][2]uint32
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
	i := id - x.minID
	if i < 0 || i >= int64(len(x.numbers)) || x.numbers[i] == noNumber {
		return 0, false
	}
	return x.numbers[i], true
}

// indexHolder keeps the newest index and builds one at a time.
type indexHolder struct {
	mu    sync.Mutex // held while building
	index *labelIndex
}

// labels returns the index of the collection as tx sees it, building it
// when the collection changed since the last one.
func (s *Store) labels(ctx context.Context, tx *sql.Tx, sig collection) (*labelIndex, error) {
	key := indexKey{collection: sig}
	if err := s.queryRow(ctx, tx, `SELECT coalesce(max(seq), 0) FROM events`).Scan(&key.events); err != nil {
		return nil, fmt.Errorf("read the last event: %w", err)
	}
	s.index.mu.Lock()
	defer s.index.mu.Unlock()
	if x := s.index.index; x != nil && x.key == key {
		return x, nil
	}
	x, err := s.buildLabels(ctx, tx, key)
	if err != nil {
		return nil, fmt.Errorf("build the search index: %w", err)
	}
	s.index.index = x
	return x, nil
}

// collector gathers the numbers of each label before they become bitmaps
// (adding them sorted, in bulk, is the cheap way).
type collector map[string][]uint32

func (c collector) bitmaps() bitmaps {
	out := make(bitmaps, len(c))
	for k, ns := range c {
		slices.Sort(ns)
		b := roaring.New()
		b.AddMany(ns)
		b.RunOptimize()
		out[k] = b
	}
	return out
}

// buildLabels reads every sentence's place and labels, as corrected.
func (s *Store) buildLabels(ctx context.Context, tx *sql.Tx, key indexKey) (*labelIndex, error) {
	x := &labelIndex{key: key, filters: map[string]*roaring.Bitmap{}, matches: map[string]*roaring.Bitmap{}}
	type label struct{ typ, strength string }
	corrected := map[int64]label{}
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
		return nil, fmt.Errorf("read corrected sentences: %w", err)
	}
	typ, strength := collector{}, collector{}
	versionSpans := map[int64][2]uint32{}
	versionDoc := map[int64]int64{}
	var lastVersion int64 = -1
	maxID := int64(0)
	x.minID = math.MaxInt64
	err = s.queryRows(ctx, tx, `SELECT id, document_id, version_id, type, strength FROM sentences ORDER BY version_id DESC, position`, nil,
		func(rows *sql.Rows) error {
			var (
				id, doc, version int64
				l                label
			)
			if err := rows.Scan(&id, &doc, &version, &l.typ, &l.strength); err != nil {
				return err
			}
			n := uint32(len(x.ids))
			x.ids = append(x.ids, id)
			x.minID, maxID = min(x.minID, id), max(maxID, id)
			if c, ok := corrected[id]; ok {
				l = c
			}
			typ[l.typ] = append(typ[l.typ], n)
			if l.strength != "" {
				strength[l.strength] = append(strength[l.strength], n)
			}
			if version != lastVersion {
				versionSpans[version] = [2]uint32{n, n + 1}
				versionDoc[version] = doc
				lastVersion = version
			} else {
				sp := versionSpans[version]
				sp[1] = n + 1
				versionSpans[version] = sp
			}
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("read sentences: %w", err)
	}
	if len(x.ids) == 0 {
		x.minID = 0
	}
	x.numbers = make([]uint32, maxID-x.minID+1)
	for i := range x.numbers {
		x.numbers[i] = noNumber
	}
	for n, id := range x.ids {
		x.numbers[id-x.minID] = uint32(n)
	}
	x.all = roaring.New()
	x.all.AddRange(0, uint64(len(x.ids)))
	x.typ, x.strength = typ.bitmaps(), strength.bitmaps()

	// actors and areas: the extractor's, except for corrected sentences,
	// and the corrected ones (as filterConds reads them)
	for _, q := range []struct {
		extracted, corrected string
		into                 *bitmaps
	}{
		{`SELECT sentence_id, party FROM sentence_actors`, `SELECT sentence_id, party FROM corrected_actors`, &x.actor},
		{`SELECT sentence_id, area FROM sentence_areas`, `SELECT sentence_id, area FROM corrected_areas`, &x.area},
	} {
		c := collector{}
		for _, query := range []string{q.extracted, q.corrected} {
			fromCorrections := query == q.corrected
			err := s.queryRows(ctx, tx, query, nil, func(rows *sql.Rows) error {
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
				if n, ok := x.number(id); ok {
					c[v] = append(c[v], n)
				}
				return nil
			})
			if err != nil {
				return nil, fmt.Errorf("read sentence labels: %w", err)
			}
		}
		*q.into = c.bitmaps()
	}

	// documents: their spans, first language, date and parties as corrected
	docIndex := map[int64]int{}
	docOf := func(id int64) *docSpan {
		i, ok := docIndex[id]
		if !ok {
			i = len(x.docs)
			docIndex[id] = i
			x.docs = append(x.docs, docSpan{})
		}
		return &x.docs[i]
	}
	version, docLang := collector{}, map[int64]string{}
	err = s.queryRows(ctx, tx, `SELECT id, document_id, language FROM versions`, nil, func(rows *sql.Rows) error {
		var (
			id, doc int64
			lang    string
		)
		if err := rows.Scan(&id, &doc, &lang); err != nil {
			return err
		}
		if l, ok := docLang[doc]; !ok || lang < l {
			docLang[doc] = lang
		}
		if sp, ok := versionSpans[id]; ok {
			d := docOf(doc)
			d.spans = append(d.spans, sp)
			for n := sp[0]; n < sp[1]; n++ {
				version[lang] = append(version[lang], n)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read versions: %w", err)
	}
	x.version = version.bitmaps()
	partiesCorrected := map[int64]bool{}
	err = s.queryRows(ctx, tx, `SELECT d.id, coalesce(CASE WHEN cd.date_corrected THEN cd.signed_date ELSE d.signed_date END, ''),
			coalesce(cd.parties_corrected, false)
		FROM documents d LEFT JOIN corrected_documents cd ON cd.document_id = d.id`, nil, func(rows *sql.Rows) error {
		var (
			id   int64
			date string
			pc   bool
		)
		if err := rows.Scan(&id, &date, &pc); err != nil {
			return err
		}
		docOf(id).date = date
		partiesCorrected[id] = pc
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read documents: %w", err)
	}
	spanned := func(into collector, key string, d *docSpan) {
		for _, sp := range d.spans {
			for n := sp[0]; n < sp[1]; n++ {
				into[key] = append(into[key], n)
			}
		}
	}
	year, lang := collector{}, collector{}
	for id, i := range docIndex {
		d := &x.docs[i]
		if len(d.date) >= 4 {
			spanned(year, d.date[:4], d)
		}
		if l := docLang[id]; l != "" {
			spanned(lang, l, d)
		}
	}
	x.year, x.docLang = year.bitmaps(), lang.bitmaps()
	party := collector{}
	for _, q := range []string{`SELECT document_id, party FROM document_parties`, `SELECT document_id, party FROM corrected_document_parties`} {
		fromCorrections := q != `SELECT document_id, party FROM document_parties`
		err := s.queryRows(ctx, tx, q, nil, func(rows *sql.Rows) error {
			var (
				doc int64
				p   string
			)
			if err := rows.Scan(&doc, &p); err != nil {
				return err
			}
			if partiesCorrected[doc] && !fromCorrections {
				return nil
			}
			if i, ok := docIndex[doc]; ok {
				spanned(party, p, &x.docs[i])
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read document parties: %w", err)
		}
	}
	x.party = party.bitmaps()
	return x, nil
}
