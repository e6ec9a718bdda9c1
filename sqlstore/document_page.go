package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/entente/entente"
)

// DocumentPage returns a document with its versions and sources and the
// extraction of its first version holding only the sentences at positions
// [offset, offset+limit), with the page's place in the whole: the reader
// and the API page a large statement instead of reading it whole.
func (s *Store) DocumentPage(ctx context.Context, id int64, offset, limit int) (*entente.StoredDocument, *entente.SentencePage, error) {
	offset, limit = max(offset, 0), max(limit, 1)
	var d *entente.StoredDocument
	page := &entente.SentencePage{Offset: offset, Limit: limit, SectionStarts: map[string]int{}}
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		if d, err = s.documentHead(ctx, tx, id); err != nil {
			return err
		}
		if len(d.Versions) == 0 {
			return nil
		}
		vid := d.Versions[0].ID
		if d.Extraction, err = findExtractionWith(ctx, s.queryRows, tx, vid, d.Document, offset, offset+limit); err != nil {
			return err
		}
		// the page shows what the whole document shows: its metadata and
		// its sentences as analysts corrected them
		if err := applyDocumentCorrectionsIn(ctx, s.queryRows, tx, d, offset, offset+limit); err != nil {
			return err
		}
		return s.queryRows(ctx, tx, `SELECT section, min(position), count(*) FROM sentences WHERE version_id = $1 GROUP BY section`,
			[]any{vid}, func(rows *sql.Rows) error {
				var sec string
				var first, n int
				if err := rows.Scan(&sec, &first, &n); err != nil {
					return err
				}
				page.SectionStarts[sec] = first
				page.Total += n
				return nil
			})
	})
	if err != nil {
		return nil, nil, fmt.Errorf("find document page: %w", err)
	}
	return d, page, nil
}
