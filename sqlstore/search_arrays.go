package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/entente/entente"
)

// arrayDialect is a Dialect whose driver binds a Go slice as one array
// argument and whose SQL has `= ANY(array)` and json_agg (PostgreSQL
// through pgx). A search then looks up a block's or a page's ids with one
// argument, and reads a page of hits in one statement.
//
// Why, measured at 10,000 statements (EXPLAIN ANALYZE, load about 15):
// PostgreSQL plans each run for its values (plan_cache_mode =
// force_custom_plan, see package postgres), and planning a list of 1,024
// placeholders took 15–29 ms on every ranking, against 2 ms for one array;
// and each statement is a round trip to a server that shares the cores
// with its clients, so a page that was nine statements waited nine times.
type arrayDialect interface {
	Arrays() bool
}

// arrays says whether the store's database takes id lists as arrays.
func (s *Store) arrays() bool {
	d, ok := s.dialect.(arrayDialect)
	return ok && d.Arrays()
}

// idsIn returns the condition that col is one of ids, adding its
// arguments to a: one array where the database takes them, else a list of
// placeholders padded to a few lengths (paddedIDList).
func (s *Store) idsIn(col string, a *args, ids []int64) string {
	if s.arrays() {
		return col + " = ANY(" + a.add(ids) + ")"
	}
	return col + " IN (" + paddedIDList(s.dialect, a, ids) + ")"
}

// hitsAtOnce reads sentences with their lists, corrections and documents
// in one statement: what findSentencesWith, correctHitsWith and
// findDocumentTitles read in nine, each list aggregated in the order
// those read it.
var hitsAtOnce = `SELECT ` + sentenceColumns + `,
	(SELECT json_agg(c.title ORDER BY x.sentence_pos) FROM citation_sentences x JOIN citations c ON c.id = x.citation_id
		WHERE x.sentence_id = s.id AND x.sentence_pos IS NOT NULL),
	(SELECT json_agg(e.name ORDER BY x.sentence_pos) FROM entity_sentences x JOIN entities e ON e.id = x.entity_id
		WHERE x.sentence_id = s.id AND e.kind = 'mechanism' AND x.sentence_pos IS NOT NULL),
	(SELECT json_agg(e.name ORDER BY x.sentence_pos) FROM entity_sentences x JOIN entities e ON e.id = x.entity_id
		WHERE x.sentence_id = s.id AND e.kind = 'project' AND x.sentence_pos IS NOT NULL),
	(SELECT json_agg(json_build_array(k.field, k.value) ORDER BY k.id) FROM corrections k
		WHERE k.version_id = s.version_id AND k.section = s.section AND k.text_sha256 = ` + anchorSQL("s") + `
			AND k.occurrence = s.occurrence AND k.state = 'approved' AND k.withdrawn_at IS NULL),
	d.id, d.title, d.kind, d.signed_date, COALESCE((SELECT min(v.language) FROM versions v WHERE v.document_id = d.id), ''),
	(SELECT json_agg(p.party ORDER BY p.position) FROM document_parties p WHERE p.document_id = d.id)
FROM sentences s JOIN documents d ON d.id = s.document_id
WHERE s.id = ANY($1)`

// readHitsAtOnce is readHits in one statement (hitsAtOnce), for a
// database that takes arrays.
func (s *Store) readHitsAtOnce(ctx context.Context, tx *sql.Tx, ids, _ []int64) (map[int64]*sentenceRow, map[int64]docTitle, error) {
	docs := map[int64]docTitle{}
	var (
		found []sentenceRow
		corrs [][]byte
	)
	err := s.queryRows(ctx, tx, hitsAtOnce, []any{ids}, func(rows *sql.Rows) error {
		var (
			lists                 [3][]byte // references, mechanisms, projects
			corrections, parties  []byte
			doc                   int64
			title, kind, language string
			signed                sql.NullString
		)
		r, err := scanSentenceRow(rows.Scan, &lists[0], &lists[1], &lists[2], &corrections,
			&doc, &title, &kind, &signed, &language, &parties)
		if err != nil {
			return err
		}
		for i, into := range []*[]string{&r.References, &r.Mechanisms, &r.Projects} {
			if err := jsonList(lists[i], into); err != nil {
				return fmt.Errorf("sentence %d: %w", r.id, err)
			}
		}
		d := docTitle{title: title, kind: kind, signed: fromNullString(signed), language: language, parties: []string{}}
		if err := jsonList(parties, &d.parties); err != nil {
			return fmt.Errorf("document %d: %w", doc, err)
		}
		found, corrs = append(found, r), append(corrs, corrections)
		docs[doc] = d
		return nil
	})
	if err == nil {
		err = finishSentences(ctx, s.queryRows, tx, &s.texts, found)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("read hits: %w", err)
	}
	byID := make(map[int64]*sentenceRow, len(found))
	for i := range found {
		r := &found[i]
		// the corrections after the rationale, as readHits applies them
		if err := applyJSONCorrections(&r.Sentence, corrs[i]); err != nil {
			return nil, nil, fmt.Errorf("read hits: sentence %d: %w", r.id, err)
		}
		byID[r.id] = r
	}
	return byID, docs, nil
}

// jsonList reads a json_agg of strings (NULL for none) into into, which
// stays empty for none.
func jsonList(b []byte, into *[]string) error {
	if b == nil {
		return nil
	}
	if err := json.Unmarshal(b, into); err != nil {
		return fmt.Errorf("read a list: %w", err)
	}
	return nil
}

// applyJSONCorrections applies a json_agg of [field, value] pairs, in the
// order the corrections were made, as correctHitsWith does.
func applyJSONCorrections(st *entente.Sentence, b []byte) error {
	if b == nil {
		return nil
	}
	var pairs [][2]json.RawMessage
	if err := json.Unmarshal(b, &pairs); err != nil {
		return fmt.Errorf("read corrections: %w", err)
	}
	for _, p := range pairs {
		var c entente.Correction
		if err := json.Unmarshal(p[0], &c.Field); err != nil {
			return fmt.Errorf("read a correction's field: %w", err)
		}
		c.Value, c.State, c.Anchor = canonicalJSON(p[1]), entente.CorrectionApproved, &entente.Anchor{}
		if err := c.ApplyTo(st); err != nil {
			return err
		}
	}
	return nil
}
