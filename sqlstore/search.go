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
// filters, best first. The database's full-text index finds the candidates
// and SQL applies the filters; the ranking is BM25 computed here over the
// analyzer's tokens, with the collection's statistics from the database, so
// that SQLite and PostgreSQL rank alike. Ties go to the newer document,
// then to the earlier sentence. A text of only punctuation finds nothing;
// an empty text lists the sentences that meet the filters, newest version
// first, each in document order. A Limit of 0 returns every hit.
func (s *Store) Search(ctx context.Context, q entente.SearchQuery) ([]entente.SearchHit, error) {
	res, err := s.search(ctx, q, false)
	if err != nil {
		return nil, err
	}
	return res.Hits, nil
}

// SearchPage finds what Search finds, and also counts the whole result
// set and its facets. Every hit can be reached by paging. The total is
// exact for a search without filters; with filters each match is checked,
// and past MaxCount the total is that bound and says it is a lower bound
// (Estimated). The facets count the first
// MaxFacetSentences hits (the best ranked, or the newest), and FacetsOf
// says how many they count.
func (s *Store) SearchPage(ctx context.Context, q entente.SearchQuery) (*entente.SearchResults, error) {
	return s.search(ctx, q, true)
}

func (s *Store) search(ctx context.Context, q entente.SearchQuery, count bool) (*entente.SearchResults, error) {
	res := &entente.SearchResults{Hits: []entente.SearchHit{}, Facets: noFacets()}
	terms := search.Query(q.Text)
	if len(terms) == 0 && strings.TrimSpace(q.Text) != "" {
		return res, nil
	}
	err := s.read(ctx, func(tx *sql.Tx) error {
		var (
			found []candidate
			err   error
		)
		if len(terms) == 0 {
			found, err = s.browse(ctx, tx, q)
			if err == nil && count {
				err = s.countBrowse(ctx, tx, q, res)
			}
		} else {
			found, err = s.ranked(ctx, tx, terms, q, count, res)
		}
		if err != nil {
			return err
		}
		res.Hits, err = loadHits(ctx, tx, found, terms)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", q.Text, err)
	}
	return res, nil
}

// candidate is a matching sentence while it is ranked.
type candidate struct {
	id, documentID int64
	position       int
	text           string
	score          float64
	typ, strength  string // for the facets
}

// filterConds returns the SQL conditions of q's filters on sentences s.
// With walk, each is a correlated EXISTS (or a column of s), checked row
// by row on a key lookup: the form for sentences that come from the
// full-text index, or in index order until a page is full, where it costs
// the same however many sentences the filter keeps. Without walk, the
// party, area and date filters are an IN over a small indexed subquery,
// which the database reads once: the form for a rare value that drives
// the query (see browse). An IN over a common value materialises every
// matching id on each search (a party to most statements: nearly the whole
// collection), which is why search walks when the density probe finds a
// party or area common.
func filterConds(a *args, q entente.SearchQuery, walk bool) []string {
	var conds []string
	if q.Language != "" {
		if walk {
			conds = append(conds, "EXISTS (SELECT 1 FROM versions v WHERE v.id = s.version_id AND v.language = "+a.add(q.Language)+")")
		} else {
			conds = append(conds, "s.version_id IN (SELECT id FROM versions WHERE language = "+a.add(q.Language)+")")
		}
	}
	// Labels are read as corrected: a sentence or document that a
	// correction changed is filtered by its corrected_* rows instead of
	// the extractor's (corrected.go); those tables hold only the corrected
	// few, so each condition adds a small subquery.
	if q.Party != "" {
		p := a.add(q.Party)
		if walk {
			conds = append(conds, `((EXISTS (SELECT 1 FROM sentence_actors x WHERE x.sentence_id = s.id AND x.party = `+p+`)
					AND `+uncorrectedSentence+`)
				OR EXISTS (SELECT 1 FROM corrected_actors x WHERE x.sentence_id = s.id AND x.party = `+p+`)
				OR (EXISTS (SELECT 1 FROM document_parties x WHERE x.document_id = s.document_id AND x.party = `+p+`)
					AND `+uncorrectedParties+`)
				OR EXISTS (SELECT 1 FROM corrected_document_parties x WHERE x.document_id = s.document_id AND x.party = `+p+`))`)
		} else {
			conds = append(conds, `((s.id IN (SELECT sentence_id FROM sentence_actors WHERE party = `+p+`) AND `+uncorrectedSentence+`)
				OR s.id IN (SELECT sentence_id FROM corrected_actors WHERE party = `+p+`)
				OR (s.document_id IN (SELECT document_id FROM document_parties WHERE party = `+p+`) AND `+uncorrectedParties+`)
				OR s.document_id IN (SELECT document_id FROM corrected_document_parties WHERE party = `+p+`))`)
		}
	}
	if q.Type != "" {
		t := a.add(string(q.Type))
		conds = append(conds, `((s.type = `+t+` AND `+uncorrectedSentence+`)
			OR s.id IN (SELECT sentence_id FROM corrected_sentences WHERE type = `+t+`))`)
	}
	if q.Area != "" {
		ar := a.add(q.Area)
		if walk {
			conds = append(conds, `((EXISTS (SELECT 1 FROM sentence_areas x WHERE x.sentence_id = s.id AND x.area = `+ar+`) AND `+uncorrectedSentence+`)
				OR EXISTS (SELECT 1 FROM corrected_areas x WHERE x.sentence_id = s.id AND x.area = `+ar+`))`)
		} else {
			conds = append(conds, `((s.id IN (SELECT sentence_id FROM sentence_areas WHERE area = `+ar+`) AND `+uncorrectedSentence+`)
				OR s.id IN (SELECT sentence_id FROM corrected_areas WHERE area = `+ar+`))`)
		}
	}
	if q.Strength != "" {
		st := a.add(string(q.Strength))
		conds = append(conds, `((s.strength = `+st+` AND `+uncorrectedSentence+`)
			OR s.id IN (SELECT sentence_id FROM corrected_sentences WHERE strength = `+st+`))`)
	}
	if dates := dateConds(nil, a, q.From, q.To); len(dates) > 0 {
		if walk {
			and := strings.Join(dates, " AND ")
			conds = append(conds, `((EXISTS (SELECT 1 FROM documents d WHERE d.id = s.document_id AND `+and+`)
					AND NOT EXISTS (SELECT 1 FROM corrected_documents c WHERE c.document_id = s.document_id AND c.date_corrected))
				OR EXISTS (SELECT 1 FROM corrected_documents d WHERE d.document_id = s.document_id AND d.date_corrected AND `+and+`))`)
		} else {
			w := whereClause(dates)
			conds = append(conds, `(s.document_id IN (SELECT d.id FROM documents d `+w+`
					AND d.id NOT IN (SELECT document_id FROM corrected_documents WHERE date_corrected))
				OR s.document_id IN (SELECT d.document_id FROM corrected_documents d `+w+` AND d.date_corrected))`)
		}
	}
	return conds
}

// uncorrectedSentence and uncorrectedParties hold for a sentence s whose
// labels, and a document whose parties, no correction changed.
const (
	uncorrectedSentence = `s.id NOT IN (SELECT sentence_id FROM corrected_sentences)`
	uncorrectedParties  = `s.document_id NOT IN (SELECT document_id FROM corrected_documents WHERE parties_corrected)`
)

// filtered says whether q has any filter.
func filtered(q entente.SearchQuery) bool {
	return q.Language != "" || q.Party != "" || q.Type != "" || q.Area != "" || q.Strength != "" || q.From != "" || q.To != ""
}

// denseShare is the share of the collection above which a party's or an
// area's sentences are read in order rather than collected and sorted.
const denseShare = 50 // one in 50

// dense says whether q's party and area filters (where set) each hold at
// least one in denseShare of the documents or sentences. Then reading the
// sentences newest first and checking each fills a page after a few
// hundred rows, while collecting them all to sort would read thousands (a
// party to most statements: nearly the whole collection). A rare party
// or area is the other way round. The probe reads at most that share of
// an index, and the highest id stands for the size of the collection (ids
// are never reused).
func (s *Store) dense(ctx context.Context, tx *sql.Tx, q entente.SearchQuery) (bool, error) {
	probe := func(total, rows string, v any) (bool, error) {
		var n, enough int64
		if err := s.queryRow(ctx, tx, total).Scan(&enough); err != nil {
			return false, err
		}
		enough = max(enough/denseShare, 1)
		err := s.queryRow(ctx, tx, "SELECT count(*) FROM ("+rows+" LIMIT $2) AS probe", v, enough).Scan(&n)
		return n >= enough, err
	}
	if q.Party != "" {
		ok, err := probe("SELECT coalesce(max(id), 0) FROM documents",
			"SELECT 1 FROM document_parties WHERE party = $1", q.Party)
		if err != nil || !ok {
			return false, err
		}
	}
	if q.Area != "" {
		return probe("SELECT coalesce(max(id), 0) FROM sentences",
			"SELECT 1 FROM sentence_areas WHERE area = $1", q.Area)
	}
	return true, nil
}

func scanCandidate(out *[]candidate) func(*sql.Rows) error {
	return func(rows *sql.Rows) error {
		var c candidate
		err := rows.Scan(&c.id, &c.documentID, &c.position, &c.text, &c.typ, &c.strength)
		*out = append(*out, c)
		return err
	}
}

// browse pages through the sentences that meet q's filters, newest version
// first, each in document order (the order of index sentences_order).
func (s *Store) browse(ctx context.Context, tx *sql.Tx, q entente.SearchQuery) ([]candidate, error) {
	walk, err := s.dense(ctx, tx, q)
	if err != nil {
		return nil, fmt.Errorf("browse: %w", err)
	}
	var a args
	conds := filterConds(&a, q, walk)
	limit := int64(q.Limit)
	if limit <= 0 {
		limit = math.MaxInt64
	}
	var out []candidate
	err = s.queryRows(ctx, tx, `SELECT s.id, s.document_id, s.position, s.text, s.type, s.strength FROM sentences s `+whereClause(conds)+
		" ORDER BY s.version_id DESC, s.position LIMIT "+a.add(limit)+" OFFSET "+a.add(max(q.Offset, 0)),
		a, scanCandidate(&out))
	return out, err
}

// ranked returns the page of hits of terms that meet q's filters and, with
// count, fills in res's total and facets.
//
// The matches are ranked in blocks of MaxCandidates index candidates,
// newest first: the first page ranks the newest block by BM25, as a search
// always did, and paging goes on into the next block and the ones after,
// so that every match can be reached and a page costs a block or two,
// whatever the number of matches. Where the index alone decides a match
// (every term one token: a word, one or two characters), a page's block is
// read at its offset in the index's newest-first order; a longer run of
// characters (a phrase) is checked against each candidate's text, so the
// blocks before a page are read to know how many hits they hold.
//
// The filters take the form the density probe chooses: a correlated
// EXISTS per candidate when the party or area is common (a party to most
// statements), an IN over the filter's rows when it is rare.
func (s *Store) ranked(ctx context.Context, tx *sql.Tx, terms search.Terms, q entente.SearchQuery, count bool,
	res *entente.SearchResults) ([]candidate, error) {
	sig, err := s.collection(ctx, tx)
	if err != nil {
		return nil, err
	}
	st, err := s.stats(ctx, tx, sig, terms)
	if err != nil {
		return nil, err
	}
	walk, err := s.dense(ctx, tx, q)
	if err != nil {
		return nil, fmt.Errorf("probe filters: %w", err)
	}
	size := s.maxCandidates()
	exact := exactIndex(terms)
	type block struct {
		hits []candidate
		more bool // the index has candidates after this block
	}
	blocks := map[int]block{}
	get := func(b int) (block, error) {
		if blk, ok := blocks[b]; ok {
			return blk, nil
		}
		found, err := s.candidates(ctx, tx, terms, q, walk, b*size, size)
		if err != nil {
			return block{}, err
		}
		blk := block{more: len(found) == size}
		for _, c := range found {
			m := terms.Count(c.text)
			if slices.Contains(m.Counts, 0) {
				continue // the index holds every token, not the phrase: the analyzer decides
			}
			c.score = st.bm25(m)
			blk.hits = append(blk.hits, c)
		}
		sortRanked(blk.hits)
		blocks[b] = blk
		return blk, nil
	}
	// first returns n hits (all for n <= 0) from offset on.
	first := func(offset, n int) ([]candidate, error) {
		b, skip := 0, offset
		if exact {
			b, skip = offset/size, offset%size
		}
		var out []candidate
		for ; ; b++ {
			blk, err := get(b)
			if err != nil {
				return nil, err
			}
			if skip >= len(blk.hits) {
				skip -= len(blk.hits)
			} else {
				out = append(out, blk.hits[skip:]...)
				skip = 0
			}
			if (n > 0 && len(out) >= n) || !blk.more {
				break
			}
		}
		if n > 0 && len(out) > n {
			out = out[:n]
		}
		return out, nil
	}
	found, err := first(max(q.Offset, 0), q.Limit)
	if err != nil || !count {
		return found, err
	}
	if exact {
		res.Total, res.Estimated, err = s.countMatches(ctx, tx, sig, terms, q, walk)
		if err != nil {
			return nil, err
		}
	} else {
		// the hits of the blocks, as far as the counting bound reaches
		for b := 0; ; b++ {
			blk, err := get(b)
			if err != nil {
				return nil, err
			}
			res.Total += len(blk.hits)
			if !blk.more {
				break
			}
			if (b+1)*size >= s.maxCount() {
				res.Estimated = true
				break
			}
		}
	}
	sample, err := first(0, min(res.Total, s.maxFacetSentences()))
	if err != nil {
		return nil, err
	}
	res.FacetsOf = len(sample)
	res.Facets, err = countFacets(ctx, tx, sample)
	return found, err
}

// exactIndex says whether the index alone decides which sentences hold
// terms: each term is one token (a word, a bigram, or one character looked
// up as a prefix), so every candidate matches.
func exactIndex(terms search.Terms) bool {
	for _, t := range terms {
		if len(t.Tokens) != 1 {
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

// countMatches counts the sentences that hold terms (each one token) and
// meet q's filters. Without filters the index counts them all, and the
// count is kept for as long as the collection stays the same (sig); with
// filters each match is checked, so the count stops at MaxCount and says
// it is a lower bound (estimated).
func (s *Store) countMatches(ctx context.Context, tx *sql.Tx, sig collection, terms search.Terms, q entente.SearchQuery,
	walk bool) (int, bool, error) {
	var a args
	if !filtered(q) {
		key := "total " + terms.String()
		if n, ok := s.df.get(sig, key); ok {
			return int(n), false, nil
		}
		var n int64
		if err := s.queryRow(ctx, tx, s.dialect.CountMatches(a.add(s.dialect.MatchQuery(terms))), a...).Scan(&n); err != nil {
			return 0, false, fmt.Errorf("count matches: %w", err)
		}
		s.df.put(sig, map[string]int64{key: n})
		return int(n), false, nil
	}
	match := s.dialect.MatchJoin(a.add(s.dialect.MatchQuery(terms)))
	bound := s.maxCount()
	var n int
	err := s.queryRow(ctx, tx, "SELECT count(*) FROM (SELECT 1 FROM sentences s "+match+" "+whereClause(filterConds(&a, q, walk))+
		" LIMIT "+a.add(int64(bound)+1)+") AS m", a...).Scan(&n)
	if err != nil {
		return 0, false, fmt.Errorf("count matches: %w", err)
	}
	if n > bound {
		return bound, true, nil
	}
	return n, false, nil
}

// candidates returns the sentences that hold every token of terms and
// meet q's filters (in the form walk says), newest first, skipping the
// first skip and returning at most limit (all for 0). A dialect with a
// candidate window (PostgreSQL, whose GIN index finds matches in no order)
// is asked for the newest window of sentence ids first, then for older and
// twice wider windows until enough are found: a common term then costs the
// matches of a few windows, not of the whole collection. A window that
// lies wholly before the offset is counted, not read.
func (s *Store) candidates(ctx context.Context, tx *sql.Tx, terms search.Terms, q entente.SearchQuery, walk bool,
	skip, limit int) ([]candidate, error) {
	if limit <= 0 {
		limit = math.MaxInt
	}
	where := func(a *args, lo, hi int64) string {
		conds := filterConds(a, q, walk)
		if hi > 0 {
			conds = append(conds, s.dialect.MatchRange(a.add(lo), a.add(hi)))
		}
		return whereClause(conds)
	}
	query := func(lo, hi int64, skip, limit int) ([]candidate, error) {
		var a args
		match := s.dialect.MatchJoin(a.add(s.dialect.MatchQuery(terms)))
		var found []candidate
		err := s.queryRows(ctx, tx, `SELECT s.id, s.document_id, s.position, s.text, s.type, s.strength FROM sentences s `+match+
			` `+where(&a, lo, hi)+` ORDER BY `+s.dialect.MatchOrder()+` LIMIT `+a.add(int64(limit))+` OFFSET `+a.add(int64(skip)),
			a, scanCandidate(&found))
		return found, err
	}
	countIn := func(lo, hi int64) (int, error) {
		var a args
		match := s.dialect.MatchJoin(a.add(s.dialect.MatchQuery(terms)))
		var n int
		err := s.queryRow(ctx, tx, `SELECT count(*) FROM sentences s `+match+` `+where(&a, lo, hi), a...).Scan(&n)
		return n, err
	}
	window := s.dialect.CandidateWindow()
	if s.CandidateWindow != 0 {
		window = s.CandidateWindow
	}
	if window <= 0 {
		found, err := query(0, 0, skip, limit)
		if err != nil {
			return nil, fmt.Errorf("find candidates: %w", err)
		}
		return found, nil
	}
	var hi int64
	if err := s.queryRow(ctx, tx, `SELECT coalesce(max(id), 0) FROM sentences`).Scan(&hi); err != nil {
		return nil, err
	}
	var found []candidate
	for hi > 0 && len(found) < limit {
		lo := max(hi-window, 0)
		if skip > 0 {
			n, err := countIn(lo, hi)
			if err != nil {
				return nil, fmt.Errorf("count candidates: %w", err)
			}
			if n <= skip {
				skip -= n
				hi, window = lo, 2*window
				continue
			}
		}
		more, err := query(lo, hi, skip, limit-len(found))
		if err != nil {
			return nil, fmt.Errorf("find candidates: %w", err)
		}
		skip = 0
		found = append(found, more...)
		hi, window = lo, 2*window
	}
	return found, nil
}

func (s *Store) maxFacetSentences() int {
	if s.MaxFacetSentences <= 0 {
		return DefaultMaxFacetSentences
	}
	return s.MaxFacetSentences
}

func (s *Store) maxCount() int {
	if s.MaxCount <= 0 {
		return DefaultMaxCount
	}
	return s.MaxCount
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

// collection reads the collection's sums: a few rows, not every version.
func (s *Store) collection(ctx context.Context, tx *sql.Tx) (collection, error) {
	var c collection
	err := s.queryRow(ctx, tx, `SELECT CAST(coalesce(sum(versions), 0) AS BIGINT), CAST(coalesce(sum(sentences), 0) AS BIGINT),
		CAST(coalesce(sum(tokens), 0) AS BIGINT), CAST(coalesce(sum(changes), 0) AS BIGINT) FROM collection_stats`).
		Scan(&c.versions, &c.sentences, &c.tokens, &c.changes)
	if err != nil {
		return c, fmt.Errorf("read statistics: %w", err)
	}
	return c, nil
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

// documentFrequencies returns the number of sentences that hold each term,
// counting with one query those the cache does not know.
func (s *Store) documentFrequencies(ctx context.Context, tx *sql.Tx, sig collection, terms search.Terms) ([]int64, error) {
	df := make([]int64, len(terms))
	keys := make([]string, len(terms))
	var missing []int
	for i, t := range terms {
		keys[i] = strings.Join(t.Tokens, " ")
		n, ok := s.df.get(sig, keys[i])
		if !ok {
			missing = append(missing, i)
		}
		df[i] = n
	}
	if len(missing) == 0 {
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
func loadHits(ctx context.Context, tx *sql.Tx, found []candidate, terms search.Terms) ([]entente.SearchHit, error) {
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
	byID := make(map[int64]*sentenceRow, len(found))
	for chunk := range slices.Chunk(ids, 1000) {
		var a args
		rows, err := findSentences(ctx, tx, "s.id IN ("+list(&a, chunk)+")", a)
		if err != nil {
			return nil, fmt.Errorf("read hits: %w", err)
		}
		for i := range rows {
			byID[rows[i].id] = &rows[i]
		}
	}
	if err := correctHits(ctx, tx, ids, byID); err != nil {
		return nil, err
	}
	docs, err := findDocumentTitles(ctx, tx, docIDs)
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

type docTitle struct {
	title, kind string
	signed      *string
	language    string
	parties     []string
}

func findDocumentTitles(ctx context.Context, tx *sql.Tx, ids []int64) (map[int64]docTitle, error) {
	slices.Sort(ids)
	ids = slices.Compact(ids)
	out := make(map[int64]docTitle, len(ids))
	for chunk := range slices.Chunk(ids, 1000) {
		var a args
		err := queryRows(ctx, tx, `SELECT d.id, d.title, d.kind, d.signed_date,
				COALESCE((SELECT min(v.language) FROM versions v WHERE v.document_id = d.id), '')
			FROM documents d WHERE d.id IN (`+list(&a, chunk)+`)`, a,
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
		err = queryRows(ctx, tx, `SELECT document_id, party FROM document_parties WHERE document_id IN (`+list(&a2, chunk)+`)
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
