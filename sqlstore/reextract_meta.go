package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/entente/entente"
)

// A re-extraction of a document's first version (the one its metadata
// was read from) reads its metadata again: the document's title, kind,
// language, parties, date and place become the new extraction's, and a
// metadata correction whose field the extractor now reads otherwise than
// when the correction was made is flagged for review, as a sentence's is;
// the corrected value keeps applying.

// refreshMetadata writes the metadata of x over document doc's when vid
// is its first version, and flags its corrections.
func (s *Store) refreshMetadata(ctx context.Context, tx *sql.Tx, doc, vid int64, x *entente.Extraction, out *entente.Reextracted) error {
	var first int64
	if err := tx.QueryRowContext(ctx, `SELECT min(id) FROM versions WHERE document_id = $1`, doc).Scan(&first); err != nil {
		return fmt.Errorf("first version: %w", err)
	}
	if first != vid {
		return nil
	}
	ds, err := findDocuments(ctx, tx, []string{"d.id = $1"}, "", []any{doc})
	if err != nil || len(ds) == 0 {
		return err
	}
	old, now := ds[0].Document, x.Document
	if now.Language == "" {
		now.Language = old.Language // a reader that names none keeps the stored one
	}
	if now.Kind == "" {
		now.Kind = old.Kind
	}
	if _, err := tx.ExecContext(ctx, `UPDATE documents SET title = $1, kind = $2, language = $3, signed_date = $4, signed_place = $5
		WHERE id = $6`, now.Title, string(now.Kind), now.Language, nullString(now.SignedDate), nullString(now.SignedPlace), doc); err != nil {
		return fmt.Errorf("update metadata: %w", err)
	}
	if !slices.Equal(old.Parties, now.Parties) {
		// storeExtraction marked the document: the corrected parties are
		// read from these rows, and inserts mark nothing (migration 0042)
		if _, err := tx.ExecContext(ctx, `DELETE FROM document_parties WHERE document_id = $1`, doc); err != nil {
			return fmt.Errorf("update parties: %w", err)
		}
		err = s.insertRows(ctx, tx, "document_parties", []string{"document_id", "position", "party"}, len(now.Parties),
			func(i int) []any { return []any{doc, i, now.Parties[i]} }, "", nil)
		if err != nil {
			return fmt.Errorf("update parties: %w", err)
		}
	}
	cs, err := findCorrections(ctx, tx, correctionQuery{document: doc, all: true})
	if err != nil {
		return err
	}
	for i := range cs {
		c := cs[i]
		if c.Anchor != nil || c.Withdrawn || c.State == entente.CorrectionRejected {
			continue
		}
		v, err := entente.DocumentField(&now, c.Field)
		if err != nil {
			return err
		}
		out.Kept++
		if sameJSON(v, c.Extracted) {
			continue
		}
		if c.Flag == entente.FlagChanged {
			out.Flagged = append(out.Flagged, c)
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE document_corrections SET flag = $1 WHERE id = $2`, entente.FlagChanged, c.ID); err != nil {
			return err
		}
		after := c
		after.Flag = entente.FlagChanged
		if err := s.logCorrection(ctx, tx, "flag", &c, &after); err != nil {
			return err
		}
		out.Flagged = append(out.Flagged, after)
	}
	return nil
}
