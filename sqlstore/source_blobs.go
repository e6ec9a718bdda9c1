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

// newSource is a source to write with its bytes: its version, and its
// bytes as they came (for their size) and as packBlob stores them.
type newSource struct {
	vid              int64
	src              entente.Source
	original, stored []byte
	compression      string
}

// insertNewSources writes n sources and their bytes, each blob naming its
// source, and returns the sources' ids in order. The ids are reserved
// first, for the blobs to name. A blob may be new, or one stored before
// that names no live source (its bytes archived as evidence, or a deleted
// document's); when another source holds some of the bytes the write
// fails with a conflict.
func (s *Store) insertNewSources(ctx context.Context, tx *sql.Tx, n int, source func(i int) newSource, now time.Time) ([]int64, error) {
	ids, err := s.reserveIDs(ctx, tx, "sources", n)
	if err != nil {
		return nil, fmt.Errorf("insert source: %w", err)
	}
	claimed := 0
	err = s.insertRowsWith(ctx, tx, "blobs", []string{"sha256", "size", "data", "compression", "created_at", "source_id"}, nil, n,
		func(i int) []any {
			ns := source(i)
			return []any{ns.src.SHA256, len(ns.original), ns.stored, ns.compression, now, ids[i]}
		},
		`ON CONFLICT (sha256) DO UPDATE SET source_id = excluded.source_id
		WHERE blobs.source_id IS NULL OR NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = blobs.source_id AND s.sha256 = blobs.sha256)`,
		"source_id", func(*sql.Rows) error {
			claimed++
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("insert blob: %w", err)
	}
	if claimed != n {
		return nil, entente.Errorf(entente.ECONFLICT, "%d of %d sources' bytes are another source's", n-claimed, n)
	}
	cols := []string{"id", "version_id", "sha256", "size", "name", "url", "format", "encoding", "media_type",
		"retrieved_at", "created_at", "text", "coverage"}
	err = s.insertRows(ctx, tx, "sources", cols, n,
		func(i int) []any {
			ns := source(i)
			src := ns.src
			return []any{ids[i], ns.vid, src.SHA256, src.Size, src.Name, src.URL, src.Format, src.Encoding, src.MediaType,
				nullTime(src.RetrievedAt), now, nearText(src), nearCoverage(src)}
		}, "", nil)
	if err != nil {
		return nil, fmt.Errorf("insert source: %w", err)
	}
	return ids, nil
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
