package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"

	"github.com/entente/entente"
	"github.com/entente/entente/search"
)

// filter returns the sentences that meet q's filters (every sentence when
// q has none), with the same meaning as filterConds: a party is an actor
// of the sentence or a party of its document, labels and dates as
// corrected. The result is shared: callers must not change it.
func (x *labelIndex) filter(q entente.SearchQuery) *roaring.Bitmap {
	if !filtered(q) {
		return x.all
	}
	key := filterKey(q)
	c := x.cache
	c.mu.Lock()
	b, ok := c.filters[key]
	c.mu.Unlock()
	if ok {
		return b
	}
	var parts []*roaring.Bitmap
	if q.Language != "" {
		parts = append(parts, x.version.get(q.Language))
	}
	if q.Party != "" {
		parts = append(parts, roaring.Or(x.actor.get(q.Party), x.party.get(q.Party)))
	}
	if q.Type != "" {
		parts = append(parts, x.typ.get(string(q.Type)))
	}
	if q.Area != "" {
		parts = append(parts, x.area.get(q.Area))
	}
	if q.Strength != "" {
		parts = append(parts, x.strength.get(string(q.Strength)))
	}
	if q.From != "" || q.To != "" {
		parts = append(parts, x.signed(q.From, q.To))
	}
	// smallest first: each intersection is then at most its size
	slices.SortFunc(parts, func(a, b *roaring.Bitmap) int { return cmp.Compare(a.GetCardinality(), b.GetCardinality()) })
	b = parts[0].Clone()
	for _, p := range parts[1:] {
		b.And(p)
	}
	c.mu.Lock()
	if len(c.filters) >= maxCachedFilters {
		c.filters = map[string]*roaring.Bitmap{}
	}
	c.filters[key] = b
	c.mu.Unlock()
	return b
}

// filterKey names q's filters.
func filterKey(q entente.SearchQuery) string {
	return strings.Join([]string{q.Language, q.Party, string(q.Type), q.Area, string(q.Strength), q.From, q.To}, "\x00")
}

// signed returns the sentences of the documents signed between from and
// to, compared as dateConds compares them: from with the whole date, to
// with as many characters of it as to has (a month or a year is
// inclusive); a document without a date is in no range.
func (x *labelIndex) signed(from, to string) *roaring.Bitmap {
	b := roaring.New()
	for i := range x.docs {
		d := &x.docs[i]
		if d.hidden || d.date == "" || from != "" && d.date < from || to != "" && d.date[:min(len(to), len(d.date))] > to {
			continue
		}
		for _, r := range d.runs {
			b.AddRange(uint64(r.start), uint64(r.start+r.size))
		}
	}
	return b
}

// facets counts the sentences of r by each label: every hit, each under
// each of its labels. A result of at most half the collection is counted
// hit by hit (facetsByHits); a larger one by its complement, the
// collection's sentences that are not hits (facetsByComplement), so
// that the cost follows the smaller of the two.
func (x *labelIndex) facets(r *roaring.Bitmap) entente.Facets {
	if byComplement(r.GetCardinality(), x.all.GetCardinality()) {
		return x.facetsByComplement(r)
	}
	return x.facetsByHits(r)
}

// byComplement says whether the facets of hits sentences of a collection
// of all are counted by the complement.
func byComplement(hits, all uint64) bool {
	return hits*2 > all
}

// facetsByBitmaps counts the sentences of r by each label by intersecting
// r with each label's bitmap: the same counts as facetsByHits.
func (x *labelIndex) facetsByBitmaps(r *roaring.Bitmap) entente.Facets {
	count := func(bs bitmaps) []entente.Count {
		out := []entente.Count{}
		for k, b := range bs {
			if n := r.AndCardinality(b); n > 0 {
				out = append(out, entente.Count{Key: k, Count: int(n)})
			}
		}
		sortCounts(out)
		return out
	}
	return entente.Facets{Type: count(x.typ), Strength: count(x.strength), Party: count(x.actor), Area: count(x.area),
		Year: count(x.year), Language: count(x.docLang)}
}

// sortCounts puts a facet's counts in the order search returns them: the
// largest first, then by key.
func sortCounts(cs []entente.Count) {
	slices.SortFunc(cs, func(a, b entente.Count) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Key, b.Key)) })
}

// termsKey names a query's terms for the cache of matches.
func termsKey(terms search.Terms) string {
	var b strings.Builder
	for _, t := range terms {
		b.WriteString(strconv.Itoa(len(t.Tokens)))
		if t.Any {
			b.WriteByte('|')
		}
		if t.Prefix {
			b.WriteByte('*')
		}
		for _, tok := range t.Tokens {
			b.WriteString(strconv.Itoa(len(tok)))
			b.WriteByte(':')
			b.WriteString(tok)
		}
	}
	return b.String()
}

// matches returns the sentences that hold every term: the full-text
// index's matches, and where the index alone does not decide (a run of
// three or more characters, whose bigrams may stand apart, in an index
// without positions) those whose text holds the run, as the analyzer finds
// it. Kept for as long as the collection stays the same. The result is
// shared: callers must not change it.
func (s *Store) matches(ctx context.Context, tx *sql.Tx, x *labelIndex, terms search.Terms) (*roaring.Bitmap, error) {
	e, err := s.matchEntry(ctx, tx, x, terms)
	if err != nil {
		return nil, err
	}
	return e.b, nil
}

// matchEntry returns the kept matches of terms, reading them first if
// needed, and pinning them if they are many (search_pins.go).
func (s *Store) matchEntry(ctx context.Context, tx *sql.Tx, x *labelIndex, terms search.Terms) (*matchEntry, error) {
	key := termsKey(terms)
	c := x.cache
	c.mu.Lock()
	e, ok := c.matches[key]
	p, lazy := c.lazy[key]
	events := c.lazyEvents
	c.mu.Unlock()
	if ok {
		return e, nil
	}
	if lazy {
		// pinned, written down beside the snapshot and not read yet
		e, err := s.readPin(ctx, tx, x, key, events, p.df)
		if err != nil {
			return nil, err
		}
		c.mu.Lock()
		delete(c.lazy, key)
		if e != nil && c.matches[key] == nil {
			c.add(key, e)
		}
		if kept := c.matches[key]; kept != nil {
			e = kept
		}
		c.mu.Unlock()
		if e != nil {
			return e, nil
		}
	}
	var ns []uint32
	var ids []int64
	exact := exactIndex(terms)
	// an index with positions answers a phrase itself (SQLite); its
	// matches are then not the candidates ranking counts (below)
	match, phrased := s.dialect.MatchQuery(terms), false
	if !exact {
		if pq, ok := s.dialect.PhraseQuery(terms); ok {
			match, exact, phrased = pq, true, true
		}
	}
	found := func(id int64) {
		if !exact {
			ids = append(ids, id)
		} else if n, ok := x.number(id); ok {
			ns = append(ns, n)
		}
	}
	var err error
	listed := 0 // the index's matches, before any is checked or left out
	if s.postings() {
		var b *roaring.Bitmap
		if b, err = s.postingMatches(ctx, tx, terms); err == nil {
			b.Iterate(func(id uint32) bool {
				found(int64(id))
				listed++
				return true
			})
		}
	} else {
		chunk := matchIDsChunk
		if _, positions := s.dialect.PhraseQuery(nil); positions && slices.ContainsFunc(terms, func(t search.Term) bool { return t.Prefix }) {
			// An index with positions keeps no prefix index (SQLite's
			// migration 0053): a character's matches are merged from
			// every token it begins, anew for each statement, which for
			// the commonest at 100,000 statements is 0.1 s a statement
			// and 20 statements. They are listed in one: some 8 bytes a
			// match, about twice the numbers the search keeps of them.
			chunk = math.MaxInt32
		}
		err = s.matchIDs(ctx, tx, match, chunk, func(id int64) {
			found(id)
			listed++
		})
	}
	if err != nil {
		return nil, fmt.Errorf("find matches: %w", err)
	}
	if !terms.Positional() {
		s.listedWords.Add(1)
	}
	if len(terms) == 1 && !phrased {
		// what ranking counts again for the term's weight
		// (documentFrequencies): 50 ms of the commonest character's first
		// search at 100,000 statements. A phrase's weight is its
		// candidates' count on both stores, which a phrase's matches are not.
		s.df.put(x.key.collection, map[string]int64{dfKey(terms[0]): int64(listed)})
	}
	checked, err := s.checkRuns(ctx, tx, x, ids, terms)
	if err != nil {
		return nil, err
	}
	ns = append(ns, checked...)
	slices.Sort(ns)
	b := roaring.New()
	b.AddMany(ns)
	b.RunOptimize()
	e = &matchEntry{terms: terms, b: b, pinned: s.pinnable(terms, listed), df: -1}
	if len(terms) == 1 && !phrased {
		e.df = int64(listed)
	}
	c.mu.Lock()
	if c.matchMem+b.GetSizeInBytes() > maxMatchBytes {
		c.dropUnpinned()
	}
	c.add(key, e)
	c.mu.Unlock()
	if e.pinned && x == s.index.get() {
		s.index.mu.Lock()
		s.index.unsavedPins++
		s.index.mu.Unlock()
	}
	return e, nil
}

// top returns at most n members of r (all for n <= 0), largest first,
// from the one at rank from (0 the largest) on: a page in the order of a
// search without text, newest first.
func top(r *roaring.Bitmap, from, n int) []uint32 {
	card := int(r.GetCardinality())
	if from < 0 || from >= card {
		return nil
	}
	if n <= 0 || n > card-from {
		n = card - from
	}
	first, err := r.Select(uint32(card - from - n))
	if err != nil {
		return nil
	}
	out := make([]uint32, 0, n)
	it := r.Iterator()
	it.AdvanceIfNeeded(first)
	for it.HasNext() && len(out) < n {
		out = append(out, it.Next())
	}
	slices.Reverse(out)
	return out
}

// readCandidates reads the sentences numbered ns, in that order, with
// their text when withText.
func (s *Store) readCandidates(ctx context.Context, tx *sql.Tx, x *labelIndex, ns []uint32, withText bool) ([]candidate, error) {
	at := make(map[int64]int, len(ns))
	ids := make([]int64, len(ns))
	for i, n := range ns {
		ids[i] = x.ids[n]
		at[ids[i]] = i
	}
	out := make([]candidate, len(ns))
	found := make([]bool, len(ns))
	text := "'', 0, NULL, NULL"
	if withText {
		text = sentenceTextSQL("s")
	}
	var ts []storedText
	if withText {
		ts = make([]storedText, len(ns))
	}
	for chunk := range slices.Chunk(ids, maxIDList) {
		var a args
		err := s.queryRows(ctx, tx, "SELECT s.id, s.document_id, s.position, "+text+", s.type, s.strength FROM sentences s WHERE "+
			s.idsIn("s.id", &a, chunk), a, func(rows *sql.Rows) error {
			var (
				c candidate
				t storedText
			)
			dest := append([]any{&c.id, &c.documentID, &c.position}, t.dest()...)
			if err := rows.Scan(append(dest, &c.typ, &c.strength)...); err != nil {
				return err
			}
			i := at[c.id]
			out[i], found[i] = c, true
			if withText {
				ts[i] = t
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read candidates: %w", err)
		}
	}
	if withText {
		texts, err := sentenceTexts(ctx, s.queryRows, tx, &s.texts, ts)
		if err != nil {
			return nil, fmt.Errorf("read candidates: %w", err)
		}
		for i := range out {
			out[i].text = texts[i]
		}
	}
	// the index and the transaction see the same state, so every one is
	// found; keep only those that were, should that ever not hold
	kept := out[:0]
	for i, c := range out {
		if found[i] {
			kept = append(kept, c)
		}
	}
	return kept, nil
}

// maxIDList is the most ids one statement looks up.
const maxIDList = 1024

// paddedIDList is idList of ids, made as long as the next power of two
// (at least 32) with ids no row has (0), so that a statement looking up a
// block's or a page's rows has one of a few shapes and is prepared once
// (stmtCache) instead of parsed on every search: SQLite parsed the
// thousand placeholders of a block's look-up on every ranking.
func paddedIDList(d Dialect, a *args, ids []int64) string {
	n := 32
	for n < len(ids) {
		n *= 2
	}
	padded := make([]int64, n)
	copy(padded, ids)
	return idList(d, a, padded)
}
