package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
)

// A version's text is stored deflated when that saves a tenth or more
// (migration 0017): text_z holds the length of the text in bytes as a
// uvarint, then the text as raw DEFLATE (RFC 1951), and text is empty.
// Otherwise, and in every row written before the migration, text holds the
// text and text_z is NULL. The text is read whole with its version (the
// reader, near-duplicates, a split's parts), never searched in SQL: search
// reads the sentences' own text.

// maxVersionText bounds what a stored text may inflate to, far above the
// largest statement ingest accepts.
const maxVersionText = 256 << 20

// packText returns text_z for text, or nil when the text is stored as it is.
func (d *deflaters) packText(text string) []byte {
	if len(text) < 256 {
		return nil
	}
	var b bytes.Buffer
	b.Grow(binary.MaxVarintLen64 + deflatedCap(len(text)))
	var n [binary.MaxVarintLen64]byte
	b.Write(n[:binary.PutUvarint(n[:], uint64(len(text)))])
	// a stream as short as textInBlobZ would pass for one (a run of one
	// character deflates to a few bytes): such a text is stored as it is
	if err := d.deflate(&b, []byte(text)); err != nil || b.Len() > len(text)-len(text)/10 || b.Len() <= textInBlobMax {
		return nil
	}
	return b.Bytes()
}

// A plain-text upload's original bytes are its text: its blob (blobs.go)
// and its version would hold the same deflated stream. The version then
// holds only the text's length and textInBlob in text_z, and its text is
// read from the blob stored under its text_sha256 (the sha256 of the same
// bytes); deleteUnusedBlobs keeps a blob while a version has its sha256.
// 0xFF cannot begin a DEFLATE stream (block type 3 is reserved), so the
// mark is never a stored text.
const textInBlob = 0xFF

// textInBlobMax is the longest textInBlobZ: a version's text_z no longer
// than this is read from its blob, and a stored stream is longer
// (packText).
const textInBlobMax = binary.MaxVarintLen64 + 1

// textInBlobZ returns text_z for a text of size bytes held by its blob.
func textInBlobZ(size int) []byte {
	var n [textInBlobMax]byte
	k := binary.PutUvarint(n[:], uint64(size))
	n[k] = textInBlob
	return n[:k+1]
}

// versionBlobSQL selects, for a row of versions named alias, the data and
// compression of the blob its text is cut from (text_blob: runs, in
// version_text_runs.go), or of the blob under its text_sha256 when its
// text_z is short enough to be textInBlobZ (else NULL, and no look-up):
// the two columns versionTextOf takes after text and text_z.
func versionBlobSQL(alias string) string {
	col := func(c string) string {
		return "CASE WHEN " + alias + ".text_blob IS NOT NULL THEN (SELECT b." + c + " FROM blobs b WHERE b.sha256 = " + alias + ".text_blob)" +
			" WHEN length(" + alias + ".text_z) <= " + fmt.Sprint(textInBlobMax) +
			" THEN (SELECT b." + c + " FROM blobs b WHERE b.sha256 = " + alias + ".text_sha256) END"
	}
	return col("data") + ", " + col("compression")
}

// versionText returns a version's text from its two columns; a text held
// by its blob is an error here (versionTextOf reads it).
func versionText(text string, z []byte) (string, error) {
	return versionTextOf(text, z, nil, sql.NullString{})
}

// versionTextOf returns a version's text from its two columns and, for a
// text held by its blob, the blob's stored data and compression
// (versionBlobSQL).
func versionTextOf(text string, z, blob []byte, compression sql.NullString) (string, error) {
	if z == nil {
		return text, nil // no decompressor needed
	}
	f := getInflater()
	defer f.release()
	return f.versionText(text, z, blob, compression)
}

// scanVersionText reads a row of id, text, text_z and versionBlobSQL's
// two columns, in that order, and returns the version's id and its text.
func (f *inflater) scanVersionText(rows *sql.Rows) (int64, string, error) {
	var (
		id      int64
		text    string
		z, blob []byte
		comp    sql.NullString
	)
	if err := rows.Scan(&id, &text, &z, &blob, &comp); err != nil {
		return 0, "", err
	}
	text, err := f.versionText(text, z, blob, comp)
	if err != nil {
		return 0, "", fmt.Errorf("version %d: %w", id, err)
	}
	return id, text, nil
}

// versionText is versionTextOf with f's decompressor.
func (f *inflater) versionText(text string, z, blob []byte, compression sql.NullString) (string, error) {
	if z == nil {
		return text, nil
	}
	if text != "" {
		return "", errors.New("version text: stored both plain and deflated")
	}
	size, n := binary.Uvarint(z)
	if n <= 0 || size > maxVersionText {
		return "", errors.New("version text: bad length")
	}
	if len(z) == n+1 && z[n] == textInBlob {
		if !compression.Valid {
			return "", errors.New("version text: held by a blob that is not there")
		}
		b, err := f.unpack(blob, compression.String, int64(size))
		if err != nil {
			return "", fmt.Errorf("version text: %w", err)
		}
		return string(b), nil
	}
	if isTextRuns(z, n) {
		if !compression.Valid {
			return "", errors.New("version text: cut from a blob that is not there")
		}
		osize, m, err := runsBlobSize(z[n+1:])
		if err != nil {
			return "", err
		}
		original, err := f.unpack(blob, compression.String, osize)
		if err != nil {
			return "", fmt.Errorf("version text: %w", err)
		}
		return applyTextRuns(z[n+1+m:], original, int(size))
	}
	b, err := f.inflate(z[n:], int64(size))
	if err != nil {
		return "", fmt.Errorf("version text: %w", err)
	}
	return string(b), nil
}

// readVersionText reads the text of version vid.
func readVersionText(ctx context.Context, tx *sql.Tx, vid int64) (string, error) {
	var (
		text    string
		z, blob []byte
		comp    sql.NullString
	)
	if err := tx.QueryRowContext(ctx, `SELECT text, text_z, `+versionBlobSQL("versions")+` FROM versions WHERE id = $1`, vid).
		Scan(&text, &z, &blob, &comp); err != nil {
		return "", fmt.Errorf("read version %d: %w", vid, err)
	}
	text, err := versionTextOf(text, z, blob, comp)
	if err != nil {
		return "", fmt.Errorf("read version %d: %w", vid, err)
	}
	return text, nil
}

// versionTextSize returns the length in bytes of a version's text from its
// two columns, without inflating it.
func versionTextSize(text string, z []byte) int64 {
	if z == nil {
		return int64(len(text))
	}
	size, n := binary.Uvarint(z)
	if n <= 0 {
		return 0
	}
	return int64(size)
}

// TextBytes returns the length in bytes of every version's text, as
// stored deflated or not: what the database's size is measured against.
func (s *Store) TextBytes(ctx context.Context) (int64, error) {
	var total int64
	rows, err := s.rdb.QueryContext(ctx, `SELECT text, text_z FROM versions`)
	if err != nil {
		return 0, fmt.Errorf("text size: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			text string
			z    []byte
		)
		if err := rows.Scan(&text, &z); err != nil {
			return 0, fmt.Errorf("text size: %w", err)
		}
		total += versionTextSize(text, z)
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("text size: %w", err)
	}
	return total, nil
}
