package sqlstore

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math"
	"strconv"

	"github.com/entente/entente"
	"github.com/entente/entente/search"
)

// preparedSentence is a sentence with what the store derives from it before
// writing: its anchor, its evidence as JSON and its index tokens.
type preparedSentence struct {
	// the extraction's sentence, not a copy (some 750 bytes each, a
	// tenth of a batch's allocation): read only
	*entente.Sentence
	anchor     []byte // the anchor's hash as stored (anchor.go); hex text by anchorHex
	occurrence int
	evidence   []byte // the rationale's binary form (rationale_binary.go)
	tokens     []string
	// start is where the text begins in its version's text, -1 when it is
	// not a run of it or was not looked for (locateSentences)
	start int
}

// prepareSentences derives the anchors, evidence JSON and search tokens of
// a version's sentences. A sentence's anchor is its section, the sha256 of
// its text with white space collapsed, and its occurrence among equal texts
// of that section: it stays the same when a better extractor re-reads the
// document, so corrections and statuses keyed to it survive.
func prepareSentences(sents []entente.Sentence) ([]preparedSentence, error) {
	return prepareSentencesFor(sents, true)
}

// prepareSentencesFor is prepareSentences, without the search tokens when
// tokenize is false: a version whose index is left to the background
// indexer (search_pending.go) is tokenized there.
func prepareSentencesFor(sents []entente.Sentence, tokenize bool) ([]preparedSentence, error) {
	out := make([]preparedSentence, len(sents))
	// equal texts of a section, by their hash: the key holds the section
	// and the hash as they are, without a string joined for each sentence
	type anchorKey struct {
		section string
		sum     [sha256.Size]byte
	}
	seen := make(map[anchorKey]int, len(sents))
	// the ids are checked to be distinct by a map only when they are not
	// the extractor's s1, s2, … in order, which are
	var labels map[string]bool
	if !numberedLabels(sents) {
		labels = make(map[string]bool, len(sents))
	}
	tz := search.NewTokenizer() // one for the document: its sentences repeat their words
	var collapsed []byte
	// the anchors' hashes in one allocation, each sentence's a slice of it
	sums := make([]byte, 0, len(sents)*sha256.Size)
	// the rationales' binary forms one after the other, each sentence's a
	// slice of it (a rationale of the genre takes some 40 bytes): when the
	// buffer grows, the slices taken before keep the old one
	evs := make([]byte, 0, len(sents)*48)
	for i := range sents {
		s := &sents[i]
		if labels != nil {
			if labels[s.ID] {
				return nil, fmt.Errorf("sentence id %q appears twice", s.ID)
			}
			labels[s.ID] = true
		}
		from := len(evs)
		evs = rationaleIndex.appendEncoded(evs, s.Text, &s.Rationale)
		ev := evs[from:len(evs):len(evs)]
		collapsed = appendCollapsed(collapsed[:0], s.Text)
		key := anchorKey{s.Section, sha256.Sum256(collapsed)}
		sums = append(sums, key.sum[:]...)
		sum := sums[len(sums)-sha256.Size : len(sums) : len(sums)]
		out[i] = preparedSentence{Sentence: s, anchor: sum, occurrence: seen[key], evidence: ev, start: -1}
		if tokenize {
			out[i].tokens = tz.Tokens(s.Text)
		}
		seen[key]++
	}
	return out, nil
}

// numberedLabels says whether the sentences' ids are s1, s2, … in order
// (as the extractor numbers them), so distinct.
func numberedLabels(sents []entente.Sentence) bool {
	var buf [24]byte
	for i := range sents {
		id := sents[i].ID
		if len(id) < 2 || id[0] != 's' || id[1:] != string(strconv.AppendInt(buf[:0], int64(i+1), 10)) {
			return false
		}
	}
	return true
}

// anchorHex is the hash of p's anchor as hex text, as commitments and
// corrections hold it.
func (p *preparedSentence) anchorHex() string { return hex.EncodeToString(p.anchor) }

// insertExtraction writes the extraction of version vid of document did:
// sections, sentences and their labels, references and entities. It
// returns the sentences' search index rows, for the caller to write last.
func (s *Store) insertExtraction(ctx context.Context, tx *sql.Tx, did, vid int64, x *entente.Extraction, sents []preparedSentence) ([]IndexRow, error) {
	return s.insertExtractions(ctx, tx, []*versionWrite{{did: did, vid: vid, x: x, sents: sents}})
}

// versionWrite is the extraction of one version to write, with the
// sentence ids the write gives it.
type versionWrite struct {
	did, vid int64
	x        *entente.Extraction
	sents    []preparedSentence
	ids      []int64 // the sentences' ids by position, once written
	// deferIndex leaves the version's index rows to the background
	// indexer: it is queued in search_pending instead
	deferIndex bool
}

// insertExtractions writes the extractions of several versions (a batch's
// new documents) table by table: each table's rows of every version in as
// few statements as the limits allow, because a statement costs a round
// trip, a parse and its triggers whatever its rows (on PostgreSQL most of
// what a statement of a few rows costs). It returns the sentences' search
// index rows, for the caller to write last.
func (s *Store) insertExtractions(ctx context.Context, tx *sql.Tx, vs []*versionWrite) ([]IndexRow, error) {
	// the sections are on the version's row (sections_packed.go), written
	// with it, or by storeExtraction when it is extracted again
	if err := s.insertSentences(ctx, tx, vs); err != nil {
		return nil, err
	}
	if err := s.insertMentions(ctx, tx, vs); err != nil {
		return nil, err
	}
	var rows []IndexRow
	for _, w := range vs {
		if w.deferIndex {
			continue
		}
		for i, p := range w.sents {
			rows = append(rows, IndexRow{SentenceID: w.ids[i], Tokens: p.tokens})
		}
	}
	return rows, nil
}

// insertSentences writes the sentences of vs with their evidence and sets
// each version's ids by position. The ids are reserved first (in order of
// version and position, as the rows would have been numbered), so that
// the rows return nothing: on PostgreSQL they are then copied.
func (s *Store) insertSentences(ctx context.Context, tx *sql.Tx, vs []*versionWrite) error {
	type ref struct {
		w *versionWrite
		i int
	}
	var all []ref
	for _, w := range vs {
		w.ids = make([]int64, len(w.sents))
		for i := range w.sents {
			all = append(all, ref{w, i})
		}
	}
	if len(all) == 0 {
		return nil
	}
	ids, err := s.reserveIDs(ctx, tx, "sentences", len(all))
	if err != nil {
		return fmt.Errorf("insert sentences: %w", err)
	}
	for k, r := range all {
		r.w.ids[r.i] = ids[k]
	}
	cols := []string{"id", "version_id", "document_id", "position", "label", "section", "marker", "paragraph", "text", "text_sha256",
		"anchor_sha256", "occurrence", "type", "strength", "deadline", "evidence", "evidence_z", "actors", "areas",
		"text_start", "text_end"}
	// On SQLite's direct path every value bound costs about as much as
	// SQLite's own work for it (direct.go), whatever its type: what a row
	// need not bind is left out.
	//   - The id: SQLite numbers a new row one past the largest rowid, as
	//     reserveIDs did, and in the order of the statement's rows; the
	//     largest id afterwards is checked (rowidsAsReserved).
	//   - The text of a row whose text is a run of its version's (all of
	//     them but where normalisation moved a character) is '', a
	//     literal in the statement written for such rows: the rows go in
	//     runs of one kind, in order.
	direct := s.bindsDirectly()
	first := 0 // the first column bound
	if direct {
		first = 1
	}
	// the old forms of the anchor hash and the evidence (migrations 0025
	// and 0019) are empty in every row written now
	consts := constantsOf(cols[first:], map[string]string{"text_sha256": "", "evidence": ""})
	located := constantsOf(cols[first:], map[string]string{"text_sha256": "", "evidence": "", "text": ""})
	vals := make([]any, 0, len(cols)) // one row's, reused: insertRows reads them before the next
	row := func(k int) []any {
		w, i := all[k].w, all[k].i
		p := &w.sents[i]
		// the text as a run of the version's (sentence_text.go)
		var text, start, end any = p.Text, nil, nil
		if p.start >= 0 {
			text, start, end = "", int64(p.start), int64(p.start+len(p.Text))
		}
		vals = append(vals[:0], ids[k], w.vid, w.did, i, p.ID, p.Section, p.Marker, p.Paragraph, text, "", p.anchor,
			p.occurrence, string(p.Type), string(p.Strength), storedDeadline(p.Deadline), "", p.evidence,
			packLabels(p.Actors), packLabels(p.Areas), start, end)
		return vals[first:]
	}
	if !direct {
		err = s.insertRowsWith(ctx, tx, "sentences", cols, consts, len(all), row, "", "", nil)
	}
	isLocated := func(k int) bool { return all[k].w.sents[all[k].i].start >= 0 }
	for lo := 0; direct && lo < len(all) && err == nil; {
		hi := lo + 1
		for hi < len(all) && isLocated(hi) == isLocated(lo) {
			hi++
		}
		c := consts
		if isLocated(lo) {
			c = located
		}
		err = s.insertRowsWith(ctx, tx, "sentences", cols[first:], c, hi-lo, func(k int) []any { return row(lo + k) }, "", "", nil)
		lo = hi
	}
	if err == nil && direct {
		err = rowidsAsReserved(ctx, tx, "sentences", ids)
	}
	if err != nil {
		return fmt.Errorf("insert sentences: %w", err)
	}
	return nil
}

// rowidsAsReserved checks that the rows just inserted into table without
// their ids were numbered ids (reserveIDs: one past the largest, in
// order): SQLite numbers each new row one past the largest rowid, so the
// rows took ids[0] onwards, in order, exactly when the largest is now the
// last of ids. Anything else fails the write, which leaves nothing.
func rowidsAsReserved(ctx context.Context, tx *sql.Tx, table string, ids []int64) error {
	var last int64
	if err := tx.QueryRowContext(ctx, "SELECT max(rowid) FROM "+table).Scan(&last); err != nil {
		return err
	}
	if want := ids[len(ids)-1]; last != want {
		return fmt.Errorf("%s: the rows were numbered up to %d, not %d as reserved", table, last, want)
	}
	return nil
}

// sentenceRow is a stored sentence with where it stands.
type sentenceRow struct {
	id, versionID int64
	position      int
	entente.Sentence
	// as scanned, until finishSentences reads the text and decodes the
	// rationale, which needs it
	stored   storedText
	evidence []byte
	binary   bool // evidence is evidence_z's binary form
}

// findSentences reads the sentences s that match where, in order of version
// and position, with all their labels and evidence.
func findSentences(ctx context.Context, tx *sql.Tx, where string, a []any) ([]sentenceRow, error) {
	return findSentencesWith(ctx, queryRows, tx, nil, where, a)
}

// sentenceColumns are the columns scanSentenceRow reads, of sentences s.
var sentenceColumns = `s.id, s.position, s.label, s.section, s.marker, s.paragraph, ` + sentenceTextSQL("s") + `,
			s.type, s.strength, s.deadline, s.evidence, s.evidence_z, s.actors, s.areas`

// scanSentenceRow reads a row that begins with sentenceColumns, and the
// row's further columns into more; its actors and areas are unpacked,
// its other lists left empty, and its text and rationale left for
// finishSentences.
func scanSentenceRow(scan func(...any) error, more ...any) (sentenceRow, error) {
	var (
		r             sentenceRow
		typ, strength string
		deadline      sql.NullString
		z             []byte
		actors, areas string
	)
	dest := append([]any{&r.id, &r.position, &r.ID, &r.Section, &r.Marker, &r.Paragraph}, r.stored.dest()...)
	dest = append(dest, &typ, &strength, &deadline, &r.evidence, &z, &actors, &areas)
	if err := scan(append(dest, more...)...); err != nil {
		return r, err
	}
	r.versionID = r.stored.version
	r.Type, r.Strength, r.Deadline = entente.SentenceType(typ), entente.Strength(strength), readDeadline(deadline)
	if z != nil {
		r.evidence, r.binary = z, true
	}
	r.References, r.Mechanisms, r.Projects = []string{}, []string{}, []string{}
	var err error
	if r.Actors, err = unpackLabels(actors); err != nil {
		return r, fmt.Errorf("sentence %d: actors: %w", r.id, err)
	}
	if r.Areas, err = unpackLabels(areas); err != nil {
		return r, fmt.Errorf("sentence %d: areas: %w", r.id, err)
	}
	return r, nil
}

// finishSentences reads the texts of rows (sentenceTexts, with cache when
// not nil) and decodes their rationales.
func finishSentences(ctx context.Context, query queryFunc, tx *sql.Tx, cache *versionTexts, rows []sentenceRow) error {
	ts := make([]storedText, len(rows))
	for i := range rows {
		ts[i] = rows[i].stored
	}
	texts, err := sentenceTexts(ctx, query, tx, cache, ts)
	if err != nil {
		return err
	}
	for i := range rows {
		r := &rows[i]
		r.Text = texts[i]
		decode := decodeRationale // rows written before migration 0019
		if r.binary {
			decode = rationaleIndex.decode
		}
		if err := decode(r.Text, r.evidence, &r.Rationale); err != nil {
			return fmt.Errorf("sentence %d: evidence: %w", r.id, err)
		}
		r.stored, r.evidence = storedText{}, nil
	}
	return nil
}

// queryFunc runs a read query and calls scan for each row: queryRows, or
// a Store's queryRows, which prepares each shape once.
type queryFunc func(ctx context.Context, tx *sql.Tx, query string, a []any, scan func(*sql.Rows) error) error

// findSentencesWith is findSentences running its queries with query.
func findSentencesWith(ctx context.Context, query queryFunc, tx *sql.Tx, cache *versionTexts, where string, a []any) ([]sentenceRow, error) {
	var out []sentenceRow
	byID := map[int64]*entente.Sentence{}
	err := query(ctx, tx, `
		SELECT `+sentenceColumns+`
		FROM sentences s
		WHERE `+where+` ORDER BY s.version_id, s.position`, a,
		func(rows *sql.Rows) error {
			r, err := scanSentenceRow(rows.Scan)
			if err != nil {
				return err
			}
			out = append(out, r)
			return nil
		})
	if err != nil || len(out) == 0 {
		return out, err
	}
	if err := finishSentences(ctx, query, tx, cache, out); err != nil {
		return nil, err
	}
	for i := range out {
		byID[out[i].id] = &out[i].Sentence
	}
	lists := []struct {
		query string
		field func(*entente.Sentence) *[]string
	}{
		{`SELECT x.sentence_id, c.title FROM citation_sentences x JOIN citations c ON c.id = x.citation_id
			JOIN sentences s ON s.id = x.sentence_id
			WHERE ` + where + ` AND x.sentence_pos IS NOT NULL ORDER BY x.sentence_id, x.sentence_pos`,
			func(s *entente.Sentence) *[]string { return &s.References }},
		{`SELECT x.sentence_id, e.name FROM entity_sentences x JOIN entities e ON e.id = x.entity_id
			JOIN sentences s ON s.id = x.sentence_id
			WHERE ` + where + ` AND e.kind = 'mechanism' AND x.sentence_pos IS NOT NULL ORDER BY x.sentence_id, x.sentence_pos`,
			func(s *entente.Sentence) *[]string { return &s.Mechanisms }},
		{`SELECT x.sentence_id, e.name FROM entity_sentences x JOIN entities e ON e.id = x.entity_id
			JOIN sentences s ON s.id = x.sentence_id
			WHERE ` + where + ` AND e.kind = 'project' AND x.sentence_pos IS NOT NULL ORDER BY x.sentence_id, x.sentence_pos`,
			func(s *entente.Sentence) *[]string { return &s.Projects }},
	}
	for _, l := range lists {
		err := query(ctx, tx, l.query, a, func(rows *sql.Rows) error {
			var id int64
			var v string
			if err := rows.Scan(&id, &v); err != nil {
				return err
			}
			if s := byID[id]; s != nil {
				p := l.field(s)
				*p = append(*p, v)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// findExtraction rebuilds the extraction of version vid as it was stored.
func findExtraction(ctx context.Context, tx *sql.Tx, vid int64, doc entente.Document) (*entente.Extraction, error) {
	return findExtractionWith(ctx, queryRows, tx, vid, doc, 0, math.MaxInt32)
}

// findExtractionWith is findExtraction with only the sentences at
// positions [from, to), running its queries with query: a read
// transaction passes its store's queryRows, so that the dozen statements
// of a document's read are parsed once rather than at every read.
func findExtractionWith(ctx context.Context, query queryFunc, tx *sql.Tx, vid int64, doc entente.Document, from, to int) (*entente.Extraction, error) {
	x := &entente.Extraction{Document: doc, Sentences: []entente.Sentence{}}
	var err error
	if x.Sections, err = findSectionsWith(ctx, query, tx, vid); err != nil {
		return nil, err
	}
	rows, err := findSentencesWith(ctx, query, tx, nil, "s.version_id = $1 AND s.position >= $2 AND s.position < $3", []any{vid, from, to})
	if err != nil {
		return nil, fmt.Errorf("read sentences: %w", err)
	}
	for _, r := range rows {
		x.Sentences = append(x.Sentences, r.Sentence)
	}
	if x.References, err = findCitations(ctx, query, tx, vid); err != nil {
		return nil, err
	}
	if x.Mechanisms, err = findEntities(ctx, query, tx, vid, "mechanism"); err != nil {
		return nil, err
	}
	if x.Projects, err = findEntities(ctx, query, tx, vid, "project"); err != nil {
		return nil, err
	}
	return x, nil
}
