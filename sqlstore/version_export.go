package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"math"

	"github.com/entente/entente"
)

// VersionExtraction returns the extraction of version vid of document doc
// with the document's metadata and the version's approved corrections
// applied, as Document gives the first version's; a version of another
// document is not found.
func (s *Store) VersionExtraction(ctx context.Context, doc, vid int64) (*entente.Extraction, error) {
	var x *entente.Extraction
	err := s.read(ctx, func(tx *sql.Tx) error {
		ds, err := findDocuments(ctx, tx, []string{"d.id = $1"}, "", []any{doc})
		if err != nil {
			return err
		}
		if len(ds) == 0 {
			return notFound("document", doc)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM versions WHERE id = $1 AND document_id = $2`, vid, doc).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return notFound("version", vid)
		}
		d := &ds[0]
		cs, err := findCorrections(ctx, tx, correctionQuery{document: doc})
		if err != nil {
			return err
		}
		byAnchor := map[entente.Anchor][]entente.Correction{}
		for _, c := range cs {
			if c.Anchor == nil {
				if err := c.ApplyToDocument(&d.Document); err != nil {
					return fmt.Errorf("correction %s: %w", c.Ref, err)
				}
			} else if c.Anchor.VersionID == vid {
				byAnchor[*c.Anchor] = append(byAnchor[*c.Anchor], c)
			}
		}
		if x, err = findExtraction(ctx, tx, vid, d.Document); err != nil {
			return err
		}
		anchors, err := versionAnchors(ctx, queryRows, tx, vid, 0, math.MaxInt32)
		if err != nil {
			return err
		}
		for i := range x.Sentences {
			st := &x.Sentences[i]
			if err := applyCorrections(byAnchor[anchors[st.ID]], st); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read version %d of document %d: %w", vid, doc, err)
	}
	return x, nil
}

// VersionCitations lists the instruments version vid cites with their
// registry entries (as last built) and the stored documents those are.
func (s *Store) VersionCitations(ctx context.Context, vid int64) ([]entente.VersionCitation, error) {
	var out []entente.VersionCitation
	err := s.read(ctx, func(tx *sql.Tx) error {
		return queryRows(ctx, tx, `SELECT c.title, r.id, r.document_id FROM citations c
			LEFT JOIN registry r ON r.id = c.registry_id WHERE c.version_id = $1 ORDER BY c.id`, []any{vid},
			func(rows *sql.Rows) error {
				var c entente.VersionCitation
				var entry, doc sql.NullInt64
				if err := rows.Scan(&c.Title, &entry, &doc); err != nil {
					return err
				}
				c.EntryID, c.DocumentID = entry.Int64, doc.Int64
				out = append(out, c)
				return nil
			})
	})
	if err != nil {
		return nil, fmt.Errorf("citations of version %d: %w", vid, err)
	}
	return out, nil
}
