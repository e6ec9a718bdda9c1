package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"

	"github.com/entente/entente"
	"github.com/entente/entente/search"
)

// BM25's parameters, the usual ones: k1 saturates repeated terms, b
// normalises by sentence length.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// Search finds the sentences that hold every term of q.Text and meet its
// filters, best first. The database's full-text index finds the matches,
// an index of labels in memory (labelIndex) applies the filters, and the
// ranking is BM25 computed here over the analyzer's tokens, with the
// collection's statistics from the database, so that SQLite and PostgreSQL
// rank alike. Ties go to the newer document, then to the earlier sentence.
// A text of only punctuation finds nothing; an empty text lists the
// sentences that meet the filters, newest version first, each in document
// order. A Limit of 0 returns every hit.
func (s *Store) Search(ctx context.Context, q entente.SearchQuery) ([]entente.SearchHit, error) {
	res, err := s.search(ctx, q, false)
	if err != nil {
		return nil, err
	}
	return res.Hits, nil
}

// SearchPage finds what Search finds, and also counts the whole result
// set and its facets, exactly: every hit, each counted under each of its
// labels. Every hit can be reached by paging.
func (s *Store) SearchPage(ctx context.Context, q entente.SearchQuery) (*entente.SearchResults, error) {
	return s.search(ctx, q, true)
}

func (s *Store) search(ctx context.Context, q entente.SearchQuery, count bool) (*entente.SearchResults, error) {
	res := &entente.SearchResults{Hits: []entente.SearchHit{}, Facets: noFacets()}
	terms := search.Query(q.Text)
	if len(terms) == 0 && strings.TrimSpace(q.Text) != "" {
		return res, nil
	}
	fresh, err := s.freshLabels(ctx)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	key := termsKey(terms) + "\x01" + filterKey(q)
	if kept := s.keptResult(fresh, key, q, count); kept != nil {
		return kept, nil
	}
	run := func(tx *sql.Tx, x *labelIndex) error {
		sig := x.key.collection
		e, _ := s.result(x, key)
		hits, err := e.getHits(func() (*roaring.Bitmap, error) { return s.hits(ctx, tx, x, terms, q) })
		if err != nil {
			return err
		}
		var found []candidate
		if len(terms) == 0 {
			found, err = s.readCandidates(ctx, tx, x, top(hits, max(q.Offset, 0), q.Limit), false)
		} else {
			found, err = s.ranked(ctx, tx, x, sig, e, hits, terms, q)
		}
		if err != nil {
			return err
		}
		if count {
			res.Total = int(hits.GetCardinality())
			res.FacetsOf = res.Total
			res.Facets = e.getFacets(func() entente.Facets { return x.facets(hits) })
		}
		res.Hits, err = s.loadHits(ctx, tx, found, terms)
		if err == nil {
			s.keepPage(x, e, q, res.Hits)
		}
		return err
	}
	if s.readCommitted() {
		// no transaction: it would give the statements no common view of
		// the data, only two more round trips (searchpool.go)
		err = s.onPool(ctx, func() error { return run(nil, fresh) })
	} else {
		err = s.read(ctx, func(tx *sql.Tx) error {
			x, err := s.labels(ctx, tx)
			if err != nil {
				return err
			}
			return run(tx, x)
		})
	}
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	return res, nil
}

// hits returns the sentences that hold terms (every one, without terms)
// and meet q's filters. The result may be shared: callers must not change
// it.
func (s *Store) hits(ctx context.Context, tx *sql.Tx, x *labelIndex, terms search.Terms, q entente.SearchQuery) (*roaring.Bitmap, error) {
	hits := x.filter(q)
	if len(terms) == 0 {
		return hits, nil
	}
	m, err := s.matches(ctx, tx, x, terms)
	if err != nil || !filtered(q) {
		return m, err
	}
	return roaring.And(m, hits), nil
}

// candidate is a matching sentence while it is ranked.
type candidate struct {
	id, documentID int64
	position       int
	text           string
	score          float64
	typ, strength  string
}

// filtered says whether q has any filter.
func filtered(q entente.SearchQuery) bool {
	return q.Language != "" || q.Party != "" || q.Type != "" || q.Area != "" || q.Strength != "" || q.From != "" || q.To != ""
}

// ranked returns the page of q among hits (the sentences that hold terms
// and meet q's filters).
//
// The hits are ranked in blocks of MaxCandidates, newest first (the
// index's order: newest version first, each in document order): the first
// page ranks the newest block by BM25, and paging goes on into the next
// block and the ones after, so that every hit can be reached and a page
// reads the text of a block or two, whatever the number of hits. The
// index knows every hit, so a page's block is found at its offset without
// reading the blocks before it.
func (s *Store) ranked(ctx context.Context, tx *sql.Tx, x *labelIndex, sig collection, e *resultEntry, hits *roaring.Bitmap, terms search.Terms,
	q entente.SearchQuery) ([]candidate, error) {
	size := s.maxCandidates()
	total := int(hits.GetCardinality())
	offset := max(q.Offset, 0)
	var out []candidate
	for b, skip := offset/size, offset%size; b*size < total && (q.Limit <= 0 || len(out) < q.Limit); b, skip = b+1, 0 {
		block, err := e.getBlock(size, b, func() ([]candidate, error) {
			st, err := s.stats(ctx, tx, sig, terms)
			if err != nil {
				return nil, err
			}
			block, err := s.readCandidates(ctx, tx, x, top(hits, b*size, size), true)
			if err != nil {
				return nil, err
			}
			counter := terms.Counter()
			for i := range block {
				block[i].score = st.bm25(counter.Count(block[i].text))
			}
			sortRanked(block)
			return block, nil
		})
		if err != nil {
			return nil, err
		}
		out = append(out, block[min(skip, len(block)):]...)
	}
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out, nil
}

// exactIndex says whether the index alone decides which sentences hold
// terms: each term is one token (a word, a bigram, or one character looked
// up as a prefix) or a word's reductions of which any one will do, so
// every candidate matches.
func exactIndex(terms search.Terms) bool {
	for _, t := range terms {
		if len(t.Tokens) != 1 && !t.Any {
			return false
		}
	}
	return true
}

func sortRanked(found []candidate) {
	slices.SortFunc(found, func(x, y candidate) int {
		return cmp.Or(cmp.Compare(y.score, x.score), cmp.Compare(y.documentID, x.documentID),
			cmp.Compare(x.position, y.position), cmp.Compare(x.id, y.id))
	})
}

func (s *Store) maxCandidates() int {
	if s.MaxCandidates <= 0 {
		return DefaultMaxCandidates
	}
	return s.MaxCandidates
}

// stats are the collection's numbers that BM25 needs.
type stats struct {
	sentences int64     // sentences in the collection
	avgLength float64   // their mean length in tokens
	idf       []float64 // of each term
}

// collection identifies the state of the indexed collection: the sums
// that migration 0009's triggers keep as versions are added, changed and
// removed (changes counts every one of those). Re-indexing a version in
// place updates its row, and so changes it.
type collection struct {
	versions, sentences, tokens, changes int64
}

// stats returns the number of sentences, their mean length and the
// number of sentences that hold each term.
func (s *Store) stats(ctx context.Context, tx *sql.Tx, sig collection, terms search.Terms) (*stats, error) {
	df, err := s.documentFrequencies(ctx, tx, sig, terms)
	if err != nil {
		return nil, err
	}
	st := &stats{sentences: sig.sentences, avgLength: float64(sig.tokens) / float64(max(sig.sentences, 1))}
	st.idf = make([]float64, len(terms))
	for i, n := range df {
		// BM25's idf, in the form that stays positive for common terms.
		st.idf[i] = math.Log(1 + (float64(st.sentences)-float64(n)+0.5)/(float64(n)+0.5))
	}
	return st, nil
}

// dfCache keeps counts of the index (the number of sentences that hold
// each term, the total of a query without filters) for as long as the
// collection stays the same: counting the matches of a common term is the
// slowest part of a search (some 20 ms for 合作 in 10,000 statements).
type dfCache struct {
	mu  sync.Mutex
	of  collection
	dfs map[string]int64
}

// maxCachedTerms bounds the cache; it starts again when full.
const maxCachedTerms = 10000

func (c *dfCache) get(sig collection, key string) (int64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.of != sig {
		return 0, false
	}
	n, ok := c.dfs[key]
	return n, ok
}

func (c *dfCache) put(sig collection, counts map[string]int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dfs == nil || c.of != sig || len(c.dfs) >= maxCachedTerms {
		c.of, c.dfs = sig, map[string]int64{}
	}
	for k, n := range counts {
		c.dfs[k] = n
	}
}

// dfKey is a term's key in the dfCache.
func dfKey(t search.Term) string { return strings.Join(t.Tokens, " ") }

// documentFrequencies returns the number of sentences that hold each term,
// counting with one query those the cache does not know.
func (s *Store) documentFrequencies(ctx context.Context, tx *sql.Tx, sig collection, terms search.Terms) ([]int64, error) {
	df := make([]int64, len(terms))
	keys := make([]string, len(terms))
	var missing []int
	for i, t := range terms {
		keys[i] = dfKey(t)
		n, ok := s.df.get(sig, keys[i])
		if !ok {
			missing = append(missing, i)
		}
		df[i] = n
	}
	if len(missing) == 0 {
		return df, nil
	}
	if s.postings() {
		found := make(map[string]int64, len(missing))
		for _, i := range missing {
			b, err := s.postingMatches(ctx, tx, search.Terms{terms[i]})
			if err != nil {
				return nil, fmt.Errorf("count term frequencies: %w", err)
			}
			df[i] = int64(b.GetCardinality())
			found[keys[i]] = df[i]
		}
		s.df.put(sig, found)
		return df, nil
	}
	var a args
	counts := make([]string, len(missing))
	dest := make([]any, len(missing))
	for j, i := range missing {
		counts[j] = "(" + s.dialect.CountMatches(a.add(s.dialect.MatchQuery(search.Terms{terms[i]}))) + ")"
		dest[j] = &df[i]
	}
	if err := s.queryRow(ctx, tx, "SELECT "+strings.Join(counts, ", "), a...).Scan(dest...); err != nil {
		return nil, fmt.Errorf("count term frequencies: %w", err)
	}
	found := make(map[string]int64, len(missing))
	for _, i := range missing {
		found[keys[i]] = df[i]
	}
	s.df.put(sig, found)
	return df, nil
}

// bm25 scores a sentence from what it holds of the query's terms.
func (st *stats) bm25(m search.Match) float64 {
	norm := bm25K1 * (1 - bm25B + bm25B*float64(m.Length)/math.Max(st.avgLength, 1))
	var score float64
	for i, c := range m.Counts {
		tf := float64(c)
		score += st.idf[i] * tf * (bm25K1 + 1) / (tf + norm)
	}
	return score
}

// loadHits reads the sentences of found with their labels and documents,
// and marks what terms matched.
// Its statements go through the statement cache, their id lists padded to
// a few lengths (paddedIDList): parsing them again was a fifth of a
// search's CPU, whether its results were kept or not.
func (s *Store) loadHits(ctx context.Context, tx *sql.Tx, found []candidate, terms search.Terms) ([]entente.SearchHit, error) {
	hits := make([]entente.SearchHit, 0, len(found))
	if len(found) == 0 {
		return hits, nil
	}
	ids := make([]int64, len(found))
	docIDs := make([]int64, 0, len(found))
	for i, c := range found {
		ids[i] = c.id
		docIDs = append(docIDs, c.documentID)
	}
	read := s.readHits
	if s.arrays() {
		read = s.readHitsAtOnce
	}
	byID, docs, err := read(ctx, tx, ids, docIDs)
	if err != nil {
		return nil, err
	}
	for _, c := range found {
		r := byID[c.id]
		if r == nil {
			continue
		}
		d := docs[c.documentID]
		h := entente.SearchHit{
			DocumentID: c.documentID, DocumentTitle: d.title, DocumentKind: entente.Kind(d.kind), DocumentParties: d.parties, Language: d.language, Section: r.Section, Sentence: r.Sentence,
			Score: c.score, Marks: []entente.Span{},
		}
		if d.signed != nil {
			h.SignedDate = *d.signed
		}
		if len(terms) > 0 {
			h.Marks = nonNil(terms.Match(r.Text).Marks)
		}
		h.Highlighted = search.Highlight(r.Text, h.Marks)
		hits = append(hits, h)
	}
	return hits, nil
}

// readHits reads the sentences ids, with their labels as corrected, and
// the titles of the documents docIDs: nine statements.
func (s *Store) readHits(ctx context.Context, tx *sql.Tx, ids, docIDs []int64) (map[int64]*sentenceRow, map[int64]docTitle, error) {
	byID := make(map[int64]*sentenceRow, len(ids))
	idsOf := func(a *args, ids []int64) string { return paddedIDList(s.dialect, a, ids) }
	for chunk := range slices.Chunk(ids, maxIDList) {
		var a args
		rows, err := findSentencesWith(ctx, s.queryRows, tx, &s.texts, "s.id IN ("+idsOf(&a, chunk)+")", a)
		if err != nil {
			return nil, nil, fmt.Errorf("read hits: %w", err)
		}
		for i := range rows {
			byID[rows[i].id] = &rows[i]
		}
	}
	if err := correctHitsWith(ctx, s.queryRows, tx, ids, byID, idsOf); err != nil {
		return nil, nil, err
	}
	docs, err := findDocumentTitles(ctx, s.queryRows, tx, idsOf, docIDs)
	if err != nil {
		return nil, nil, err
	}
	return byID, docs, nil
}

type docTitle struct {
	title, kind string
	signed      *string
	language    string
	parties     []string
}

func findDocumentTitles(ctx context.Context, query queryFunc, tx *sql.Tx, idsOf func(*args, []int64) string, ids []int64) (map[int64]docTitle, error) {
	slices.Sort(ids)
	ids = slices.Compact(ids)
	out := make(map[int64]docTitle, len(ids))
	for chunk := range slices.Chunk(ids, maxIDList) {
		var a args
		err := query(ctx, tx, `SELECT d.id, d.title, d.kind, d.signed_date,
				COALESCE((SELECT min(v.language) FROM versions v WHERE v.document_id = d.id), '')
			FROM documents d WHERE d.id IN (`+idsOf(&a, chunk)+`)`, a,
			func(rows *sql.Rows) error {
				var (
					id          int64
					title, kind string
					signed      sql.NullString
					lang        string
				)
				if err := rows.Scan(&id, &title, &kind, &signed, &lang); err != nil {
					return err
				}
				out[id] = docTitle{title: title, kind: kind, signed: fromNullString(signed), language: lang, parties: []string{}}
				return nil
			})
		if err != nil {
			return nil, fmt.Errorf("read hit documents: %w", err)
		}
		var a2 args
		err = query(ctx, tx, `SELECT document_id, party FROM document_parties WHERE document_id IN (`+idsOf(&a2, chunk)+`)
			ORDER BY document_id, position`, a2,
			func(rows *sql.Rows) error {
				var (
					id    int64
					party string
				)
				if err := rows.Scan(&id, &party); err != nil {
					return err
				}
				d := out[id]
				d.parties = append(d.parties, party)
				out[id] = d
				return nil
			})
		if err != nil {
			return nil, fmt.Errorf("read hit parties: %w", err)
		}
	}
	return out, nil
}
