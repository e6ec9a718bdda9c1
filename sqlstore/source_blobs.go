package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"

	"github.com/entente/entente"
)

// A source's bytes are one blob, and the blob names its source
// (blobs.source_id, migration 0057): a source is found by its bytes
// through blobs' key, then its own. SQLite keeps no index of sources by
// sha256: a hash is a random key, and a second index of the same 100,000
// keys cost every new statement a leaf of its own in the batch's log.
//
// A blob names at most one live source. The writer sets source_id only on
// a blob that names none, or one that is gone (a deleted document's, the
// blob kept for archived evidence or a version's text): a source whose
// bytes another live source holds is refused. Sources' ids are never given
// again (AUTOINCREMENT on SQLite, a sequence on PostgreSQL), and the
// look-ups join the source by its id and its sha256 both.

// sourceOfBytes is the SQL condition that source alias is the one stored
// with the bytes whose sha256 is the SQL expression sha.
func sourceOfBytes(alias, sha string) string {
	return alias + ".id = (SELECT b.source_id FROM blobs b WHERE b.sha256 = " + sha + ") AND " + alias + ".sha256 = " + sha
}

// sourceBlob is a source's bytes to store: its id, reserved before the
// source's row is written, and its bytes as packBlob stores them.
type sourceBlob struct {
	sourceID    int64
	sha         string
	size        int
	stored      []byte
	compression string
}

// insertSourceBlobs stores the bytes of n new sources, each blob naming
// its source: a new blob, or one stored before that names no live source
// (its bytes archived as evidence, or a deleted document's). It fails,
// with a conflict, when another source holds some of the bytes.
func (s *Store) insertSourceBlobs(ctx context.Context, tx *sql.Tx, n int, blob func(i int) sourceBlob, now time.Time) error {
	claimed := 0
	err := s.insertRowsWith(ctx, tx, "blobs", []string{"sha256", "size", "data", "compression", "created_at", "source_id"}, nil, n,
		func(i int) []any {
			b := blob(i)
			return []any{b.sha, b.size, b.stored, b.compression, now, b.sourceID}
		},
		`ON CONFLICT (sha256) DO UPDATE SET source_id = excluded.source_id
		WHERE blobs.source_id IS NULL OR NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = blobs.source_id AND s.sha256 = blobs.sha256)`,
		"source_id", func(*sql.Rows) error {
			claimed++
			return nil
		})
	if err != nil {
		return fmt.Errorf("insert blob: %w", err)
	}
	if claimed != n {
		return entente.Errorf(entente.ECONFLICT, "%d of %d sources' bytes are another source's", n-claimed, n)
	}
	return nil
}

// nameRestoredBlobs makes the blobs of restored sources rows name them
// where they name none: a dump taken before migration 0057 has blobs
// without source_id, and a source whose blob does not name it is refused
// (SQLite's trigger) and could not be found by its bytes. It runs before
// the rows go in; a blob that names its source already is left as it is.
func nameRestoredBlobs(ctx context.Context, tx *sql.Tx, cols []dumpColumn, rows [][]any) error {
	id := slices.IndexFunc(cols, func(c dumpColumn) bool { return c.Name == "id" })
	sha := slices.IndexFunc(cols, func(c dumpColumn) bool { return c.Name == "sha256" })
	if id < 0 || sha < 0 {
		return fmt.Errorf("sources without their id or sha256")
	}
	for _, row := range rows {
		if _, err := tx.ExecContext(ctx, `UPDATE blobs SET source_id = $1 WHERE sha256 = $2 AND source_id IS NULL`, row[id], row[sha]); err != nil {
			return fmt.Errorf("the blob of source %v: %w", row[id], err)
		}
	}
	return nil
}
