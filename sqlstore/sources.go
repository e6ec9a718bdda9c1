package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/entente/entente"
)

// checkSource fills a source's sha256 and size from its bytes, or checks
// them when given: a source whose hash does not match its bytes would
// break the promise that the original comes back byte for byte.
func checkSource(src entente.Source, original []byte) (entente.Source, error) {
	if original == nil {
		return src, errors.New("source has no original bytes")
	}
	sha := sha256Hex(original)
	if src.SHA256 == "" {
		src.SHA256 = sha
	} else if src.SHA256 != sha {
		return src, fmt.Errorf("source sha256 %s does not match its bytes (%s)", src.SHA256, sha)
	}
	if src.Size == 0 {
		src.Size = int64(len(original))
	} else if src.Size != int64(len(original)) {
		return src, fmt.Errorf("source size %d does not match its bytes (%d)", src.Size, len(original))
	}
	if src.Format == "" {
		return src, errors.New("source has no format")
	}
	return src, nil
}

// insertSource writes a source of version vid and its bytes, which are
// stored once in blobs whatever else refers to them (source_blobs.go).
// stored and compression are original as packBlob stores it.
func (s *Store) insertSource(ctx context.Context, tx *sql.Tx, vid int64, src entente.Source, original, stored []byte, compression string,
	now time.Time) (int64, error) {
	ids, err := s.insertNewSources(ctx, tx, 1, func(int) newSource {
		return newSource{vid: vid, src: src, original: original, stored: stored, compression: compression}
	}, now)
	if err != nil {
		return 0, fmt.Errorf("insert source %s: %w", src.SHA256, err)
	}
	return ids[0], nil
}

// AddSource records another source (other bytes, same text, or a
// near-duplicate's text with its own Text and Coverage) of an existing
// version, with its bytes. It returns an error wrapping entente.ErrNotFound
// for an unknown version, and fails if a source with the same bytes exists.
func (s *Store) AddSource(ctx context.Context, versionID int64, src entente.Source, original []byte) (int64, error) {
	src, err := checkSource(src, original)
	if err != nil {
		return 0, fmt.Errorf("add source: %w", err)
	}
	stored, compression := s.deflate.packBlob(original)
	var id int64
	err = s.write(ctx, func(tx *sql.Tx) error {
		var doc int64
		err := tx.QueryRowContext(ctx, `SELECT document_id FROM versions WHERE id = $1`, versionID).Scan(&doc)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("version", versionID)
		} else if err != nil {
			return err
		}
		if id, err = s.insertSource(ctx, tx, versionID, src, original, stored, compression, s.now()); err != nil {
			return err
		}
		return s.logChangeOf(ctx, tx, change{action: "create", entity: "source", id: id, document: doc,
			after: sourceEvent(src, doc)})
	})
	if err != nil {
		return 0, fmt.Errorf("add source: %w", err)
	}
	return id, nil
}

// SourceBySHA256 finds the source with these original bytes, or returns an
// error wrapping entente.ErrNotFound.
func (s *Store) SourceBySHA256(ctx context.Context, sha string) (*entente.Source, error) {
	// one statement, through the statement cache: a batch looks up every
	// input's bytes
	srcs, err := findSourcesWith(ctx, s.queryAlone, nil, sourceOfBytes("s", "$1"), sha)
	if err != nil {
		return nil, fmt.Errorf("find source: %w", err)
	}
	if len(srcs) == 0 {
		return nil, notFound("source with sha256", sha)
	}
	return &srcs[0], nil
}

// Original returns a source and its bytes exactly as they came, or an error
// wrapping entente.ErrNotFound.
func (s *Store) Original(ctx context.Context, sourceID int64) (*entente.Source, []byte, error) {
	var (
		srcs []entente.Source
		data []byte
	)
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		if srcs, err = findSources(ctx, tx, "s.id = $1", sourceID); err != nil || len(srcs) == 0 {
			return err
		}
		data, err = readBlob(ctx, tx, srcs[0].SHA256)
		return err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read original %d: %w", sourceID, err)
	}
	if len(srcs) == 0 {
		return nil, nil, notFound("source", sourceID)
	}
	if data == nil {
		data = []byte{} // an empty file is still a file
	}
	return &srcs[0], data, nil
}

// findSources returns the sources s (joined to their version v) that match
// where, in order of id.
func findSources(ctx context.Context, tx *sql.Tx, where string, a ...any) ([]entente.Source, error) {
	return findSourcesWith(ctx, queryRows, tx, where, a...)
}

// findSourcesWith is findSources running its query with query.
func findSourcesWith(ctx context.Context, query queryFunc, tx *sql.Tx, where string, a ...any) ([]entente.Source, error) {
	var srcs []entente.Source
	err := query(ctx, tx, `
		SELECT s.id, s.version_id, v.document_id, s.sha256, s.size, s.name, s.url, s.format, s.encoding,
			s.media_type, s.retrieved_at, s.created_at, s.text, s.coverage
		FROM sources s JOIN versions v ON v.id = s.version_id
		WHERE `+where+` ORDER BY s.id`, a,
		func(rows *sql.Rows) error {
			var (
				src       entente.Source
				retrieved sql.NullTime
				text      sql.NullString
				coverage  sql.NullFloat64
			)
			if err := rows.Scan(&src.ID, &src.VersionID, &src.DocumentID, &src.SHA256, &src.Size, &src.Name, &src.URL,
				&src.Format, &src.Encoding, &src.MediaType, &retrieved, &src.CreatedAt, &text, &coverage); err != nil {
				return err
			}
			src.Text, src.Coverage = text.String, coverage.Float64
			src.RetrievedAt, src.CreatedAt = fromNullTime(retrieved), src.CreatedAt.UTC()
			srcs = append(srcs, src)
			return nil
		})
	return srcs, err
}

// deleteUnusedBlobs removes the blobs among shas that no source and no
// archived evidence refers to any more, and that hold no version's text
// (textInBlob: a version whose text has the blob's sha256 may read it).
func deleteUnusedBlobs(ctx context.Context, tx *sql.Tx, shas []string) error {
	for _, sha := range shas {
		_, err := tx.ExecContext(ctx, `
			DELETE FROM blobs WHERE sha256 = $1
			AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.id = blobs.source_id AND s.sha256 = blobs.sha256)
			AND NOT EXISTS (SELECT 1 FROM evidence WHERE archive_sha256 = $1)
			AND NOT EXISTS (SELECT 1 FROM versions v WHERE `+versionOfText("v", "$1")+`)`, sha)
		if err != nil {
			return fmt.Errorf("delete blob %s: %w", sha, err)
		}
	}
	return nil
}
