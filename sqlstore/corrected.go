package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/entente/entente"
)

// The corrected tables (migration 0007) are search's view of
// corrections: the labels (type, strength, actors, areas) of every
// sentence an active correction changes, as corrected, and the date and
// parties of every document whose date or parties are corrected. Search
// filters and facets read them in place of the extractor's labels for
// those sentences and documents alone, so that an uncorrected collection
// costs them nothing. They are derived like the tracked tables: a write
// recomputes the rows of the documents it marked in tracked_dirty, in its
// own transaction (settleMarks), with Correction.ApplyTo, the code the
// reader applies corrections with.

// recomputeCorrected replaces the corrected rows of docs. Only the
// documents that have some are cleared: a write's new documents have
// none, and on PostgreSQL each statement is a round trip.
func (s *Store) recomputeCorrected(ctx context.Context, tx *sql.Tx, docs []int64) error {
	held, err := correctedDocs(ctx, tx, docs)
	if err != nil {
		return err
	}
	if err := clearCorrected(ctx, tx, held); err != nil {
		return err
	}
	cs, err := findCorrections(ctx, tx, correctionQuery{documents: docs})
	if err != nil || len(cs) == 0 {
		return err
	}
	if err := s.insertCorrectedSentences(ctx, tx, docs, cs); err != nil {
		return err
	}
	return s.insertCorrectedDocuments(ctx, tx, cs)
}

// correctedDocs returns those of docs that have corrected rows: every
// corrected_actors and corrected_areas row hangs off a corrected_sentences
// row of its document.
func correctedDocs(ctx context.Context, tx *sql.Tx, docs []int64) ([]int64, error) {
	var a args
	in := list(&a, docs)
	var held []int64
	err := queryRows(ctx, tx, `SELECT document_id FROM corrected_sentences WHERE document_id IN (`+in+`)
		UNION SELECT document_id FROM corrected_document_parties WHERE document_id IN (`+in+`)
		UNION SELECT document_id FROM corrected_documents WHERE document_id IN (`+in+`)`, a, func(rs *sql.Rows) error {
		var id int64
		if err := rs.Scan(&id); err != nil {
			return err
		}
		held = append(held, id)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("find corrected documents: %w", err)
	}
	return held, nil
}

// clearCorrected deletes the corrected rows of docs.
func clearCorrected(ctx context.Context, tx *sql.Tx, docs []int64) error {
	if len(docs) == 0 {
		return nil
	}
	var a args
	in := list(&a, docs)
	for _, q := range []string{
		`DELETE FROM corrected_actors WHERE sentence_id IN (SELECT sentence_id FROM corrected_sentences WHERE document_id IN (` + in + `))`,
		`DELETE FROM corrected_areas WHERE sentence_id IN (SELECT sentence_id FROM corrected_sentences WHERE document_id IN (` + in + `))`,
		`DELETE FROM corrected_sentences WHERE document_id IN (` + in + `)`,
		`DELETE FROM corrected_document_parties WHERE document_id IN (` + in + `)`,
		`DELETE FROM corrected_documents WHERE document_id IN (` + in + `)`,
	} {
		if _, err := tx.ExecContext(ctx, q, a...); err != nil {
			return fmt.Errorf("clear corrected rows: %w", err)
		}
	}
	return nil
}

// searchFields are the sentence fields search filters and counts by.
var searchFields = []string{"type", "strength", "actors", "areas"}

// insertCorrectedSentences writes the corrected labels of the sentences
// of docs that an active correction of a searched field changes.
func (s *Store) insertCorrectedSentences(ctx context.Context, tx *sql.Tx, docs []int64, cs []entente.Correction) error {
	byAnchor := map[entente.Anchor][]entente.Correction{}
	for _, c := range cs {
		if c.Anchor != nil && slices.Contains(searchFields, c.Field) {
			byAnchor[*c.Anchor] = append(byAnchor[*c.Anchor], c)
		}
	}
	if len(byAnchor) == 0 {
		return nil
	}
	// the sentences the corrections are keyed to, through the documents'
	// versions (sentences are indexed by version, migration 0043)
	var a args
	var ids []int64
	anchorOf := map[int64]entente.Anchor{}
	docOf := map[int64]int64{}
	err := queryRows(ctx, tx, `SELECT DISTINCT s.id, s.document_id, s.version_id, s.section, `+anchorSQL("s")+`, s.occurrence
		FROM versions v JOIN corrections k ON k.version_id = v.id
			JOIN sentences s ON s.version_id = k.version_id AND s.section = k.section
			AND `+anchorSQL("s")+` = k.text_sha256 AND s.occurrence = k.occurrence
		WHERE v.document_id IN (`+list(&a, docs)+`) AND k.state = 'approved' AND k.withdrawn_at IS NULL`, a,
		func(rs *sql.Rows) error {
			var id, doc int64
			var an entente.Anchor
			if err := rs.Scan(&id, &doc, &an.VersionID, &an.Section, &an.TextSHA256, &an.Occurrence); err != nil {
				return err
			}
			if byAnchor[an] != nil {
				ids = append(ids, id)
				anchorOf[id], docOf[id] = an, doc
			}
			return nil
		})
	if err != nil || len(ids) == 0 {
		return err
	}
	type label struct {
		sentence int64
		value    string
	}
	var rows []sentenceRow
	for chunk := range slices.Chunk(ids, 1000) {
		var a args
		more, err := findSentences(ctx, tx, "s.id IN ("+list(&a, chunk)+")", a)
		if err != nil {
			return err
		}
		rows = append(rows, more...)
	}
	var actors, areas []label
	for i := range rows {
		r := &rows[i]
		if err := applyCorrections(byAnchor[anchorOf[r.id]], &r.Sentence); err != nil {
			return err
		}
		for _, p := range uniq(r.Actors) {
			actors = append(actors, label{r.id, p})
		}
		for _, ar := range uniq(r.Areas) {
			areas = append(areas, label{r.id, ar})
		}
	}
	err = s.insertRows(ctx, tx, "corrected_sentences", []string{"sentence_id", "document_id", "type", "strength"}, len(rows),
		func(i int) []any {
			r := &rows[i]
			return []any{r.id, docOf[r.id], string(r.Type), string(r.Strength)}
		}, "", nil)
	if err != nil {
		return fmt.Errorf("write corrected sentences: %w", err)
	}
	err = s.insertRows(ctx, tx, "corrected_actors", []string{"sentence_id", "party"}, len(actors),
		func(i int) []any { return []any{actors[i].sentence, actors[i].value} }, "", nil)
	if err != nil {
		return fmt.Errorf("write corrected actors: %w", err)
	}
	err = s.insertRows(ctx, tx, "corrected_areas", []string{"sentence_id", "area"}, len(areas),
		func(i int) []any { return []any{areas[i].sentence, areas[i].value} }, "", nil)
	if err != nil {
		return fmt.Errorf("write corrected areas: %w", err)
	}
	return nil
}

// insertCorrectedDocuments writes the corrected date and parties of the
// documents with an active correction of either.
func (s *Store) insertCorrectedDocuments(ctx context.Context, tx *sql.Tx, cs []entente.Correction) error {
	type flags struct{ date, parties bool }
	corrected := map[int64]*flags{}
	var ids []int64
	for _, c := range cs {
		if c.Anchor != nil || (c.Field != "date" && c.Field != "parties") {
			continue
		}
		f := corrected[c.DocumentID]
		if f == nil {
			f = &flags{}
			corrected[c.DocumentID] = f
			ids = append(ids, c.DocumentID)
		}
		f.date = f.date || c.Field == "date"
		f.parties = f.parties || c.Field == "parties"
	}
	if len(ids) == 0 {
		return nil
	}
	slices.Sort(ids)
	var a args
	ds, err := commitmentDocuments(ctx, tx, "WHERE d.id IN ("+list(&a, ids)+")", a)
	if err != nil {
		return err
	}
	var parties []struct {
		doc   int64
		party string
	}
	for _, id := range ids {
		if d := ds[id]; d != nil && corrected[id].parties {
			for _, p := range uniq(d.Parties) {
				parties = append(parties, struct {
					doc   int64
					party string
				}{id, p})
			}
		}
	}
	err = s.insertRows(ctx, tx, "corrected_documents", []string{"document_id", "signed_date", "date_corrected", "parties_corrected"}, len(ids),
		func(i int) []any {
			id := ids[i]
			var date any
			if d := ds[id]; d != nil && d.SignedDate != nil {
				date = *d.SignedDate
			}
			return []any{id, date, corrected[id].date, corrected[id].parties}
		}, "", nil)
	if err != nil {
		return fmt.Errorf("write corrected documents: %w", err)
	}
	err = s.insertRows(ctx, tx, "corrected_document_parties", []string{"document_id", "party"}, len(parties),
		func(i int) []any { return []any{parties[i].doc, parties[i].party} }, "", nil)
	if err != nil {
		return fmt.Errorf("write corrected parties: %w", err)
	}
	return nil
}

// uniq returns l without repeats, in order.
func uniq(l []string) []string {
	var out []string
	for _, v := range l {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}
