package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"sync"
	"time"

	kflate "github.com/klauspost/compress/flate"
)

// Original bytes are stored deflated when that saves a tenth or more
// (migration 0016): a statement's text, the usual upload, shrinks to about
// half, while a PDF or a DOCX, already compressed, is kept as it came. The
// compression column says how a row's data is stored: "" as it came (every
// row written before the migration), "deflate" as raw DEFLATE (RFC 1951).
// The sha256 and size are always those of the bytes as they came.
const (
	blobRaw     = ""
	blobDeflate = "deflate"
)

// deflaters keeps DEFLATE writers for reuse: a new writer allocates its
// tables, more than the statement it compresses, and an upload compresses
// twice (its original bytes, its text). The zero value is ready.
//
// The writer is klauspost/compress's at level 4, not the standard
// library's at its default level 6: the same DEFLATE streams (the standard
// library's reader inflates them, and every row written before reads as
// it did), some seven times faster for output about 3% larger
// (docs/decisions.md, "Batch ingest, third round…"). Compressing was a
// tenth of a batch ingest's CPU.
//
// The writers are kept in a free list of their own, not a sync.Pool: a
// batch compresses in its examinations, between extractions that run
// the garbage collector every few statements, and a pool is emptied at
// every other collection; a new writer then cost 2.5 times the
// compressing (docs/decisions.md, "Batch ingest into a library,
// thirteenth session").
type deflaters struct {
	mu   sync.Mutex
	free []*kflate.Writer
}

// maxFreeDeflaters bounds the writers kept: one per core compressing at
// once, with room to spare (each holds some hundreds of kB).
const maxFreeDeflaters = 8

// deflateLevel is klauspost/compress's level for stored texts and bytes.
const deflateLevel = 4

// deflate appends data, compressed, to dst.
func (d *deflaters) deflate(dst *bytes.Buffer, data []byte) error {
	w := d.get()
	if w == nil {
		var err error
		if w, err = kflate.NewWriter(dst, deflateLevel); err != nil {
			return err
		}
	} else {
		w.Reset(dst)
	}
	defer d.put(w)
	if _, err := w.Write(data); err != nil {
		return err
	}
	return w.Close()
}

func (d *deflaters) get() *kflate.Writer {
	d.mu.Lock()
	defer d.mu.Unlock()
	n := len(d.free)
	if n == 0 {
		return nil
	}
	w := d.free[n-1]
	d.free = d.free[:n-1]
	return w
}

func (d *deflaters) put(w *kflate.Writer) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.free) < maxFreeDeflaters {
		d.free = append(d.free, w)
	}
}

// deflatedCap is the room to make for n bytes deflated: a statement's text
// comes to about a third of its bytes, so a buffer of half of them is
// seldom grown (it was grown by doubling from 64 bytes, some ten copies
// for each text, a tenth of what storing a statement allocates).
func deflatedCap(n int) int { return n/2 + 64 }

// packBlob returns the bytes to store for data and how they are stored.
func (d *deflaters) packBlob(data []byte) ([]byte, string) {
	if len(data) < 64 {
		return data, blobRaw
	}
	var b bytes.Buffer
	b.Grow(deflatedCap(len(data)))
	if err := d.deflate(&b, data); err != nil || b.Len() > len(data)-len(data)/10 {
		return data, blobRaw
	}
	return b.Bytes(), blobDeflate
}

// unpackBlob returns the bytes as they came of a stored row, which must
// come to size bytes: a row that does not is reported, never returned cut
// or padded.
func unpackBlob(stored []byte, compression string, size int64) ([]byte, error) {
	var f inflater
	return f.unpack(stored, compression, size)
}

// inflater inflates stored rows, keeping its decompressor from one to the
// next: a new one allocates and clears a 32 kB window and its tables, more
// than inflating a statement's few kB costs, and search cuts its hits'
// texts from hundreds of versions at a time (sentence_text.go). Its reader
// is klauspost/compress's, as the writer is: the same DEFLATE, and the
// first search of a phrase common to a library of 100,000 statements,
// which inflates nearly every version, 12% faster than with the standard
// library's (docs/decisions.md, "First searches"). The zero value is
// ready; it is not safe for concurrent use.
type inflater struct {
	r   io.ReadCloser
	src bytes.Reader
}

// inflaters keeps decompressors from one read to the next (a document's,
// a search's): each read took a new one, a 32 kB window and its tables
// allocated and cleared for a statement's few kB. A pool of reusable
// buffers, no state: what one read leaves in an inflater is reset by the
// next (inflate).
var inflaters = sync.Pool{New: func() any { return new(inflater) }}

// getInflater returns an inflater from the pool; release returns it.
func getInflater() *inflater { return inflaters.Get().(*inflater) }

// release returns f to the pool, holding no stored bytes.
func (f *inflater) release() {
	f.src.Reset(nil)
	inflaters.Put(f)
}

// unpack is unpackBlob with f's decompressor.
func (f *inflater) unpack(stored []byte, compression string, size int64) ([]byte, error) {
	switch compression {
	case blobRaw:
		if int64(len(stored)) != size {
			return nil, fmt.Errorf("stored bytes: %d bytes, the row says %d", len(stored), size)
		}
		return stored, nil
	case blobDeflate:
		if size < 0 || size > maxBlobSize {
			return nil, fmt.Errorf("stored bytes: size %d out of range", size)
		}
		out, err := f.inflate(stored, size)
		if err != nil {
			return nil, fmt.Errorf("stored bytes: %w", err)
		}
		return out, nil
	}
	return nil, fmt.Errorf("stored bytes: unknown compression %q", compression)
}

// inflate inflates the raw DEFLATE stream z, which must come to size
// bytes.
func (f *inflater) inflate(z []byte, size int64) ([]byte, error) {
	f.src.Reset(z)
	if f.r == nil {
		f.r = kflate.NewReader(&f.src)
	} else if err := f.r.(kflate.Resetter).Reset(&f.src, nil); err != nil {
		return nil, fmt.Errorf("inflate: %w", err)
	}
	// one byte past size, to tell a longer stream from an exact one
	out := make([]byte, size+1)
	n, err := io.ReadFull(f.r, out)
	switch {
	case err == nil:
		return nil, fmt.Errorf("inflates past the %d bytes the row says", size)
	case err != io.EOF && err != io.ErrUnexpectedEOF:
		return nil, fmt.Errorf("inflate: %w", err)
	case int64(n) != size:
		return nil, fmt.Errorf("inflate to %d bytes, the row says %d", n, size)
	}
	return out[:n], nil
}

// maxBlobSize bounds what a stored row may inflate to (far above any
// upload limit), so that a damaged row cannot ask for any amount of memory.
const maxBlobSize = 1 << 31

// insertBlob stores data under its sha256, once whatever refers to it,
// as stored (packBlob) says.
func insertBlob(ctx context.Context, tx *sql.Tx, sha string, data, stored []byte, compression string, now time.Time) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO blobs (sha256, size, data, compression, created_at) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (sha256) DO NOTHING`,
		sha, len(data), stored, compression, now)
	return err
}

// blobQuerier is a transaction or a pool.
type blobQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// readBlob reads the bytes stored under sha as they came; sql.ErrNoRows
// when there are none.
func readBlob(ctx context.Context, q blobQuerier, sha string) ([]byte, error) {
	var (
		stored      []byte
		compression string
		size        int64
	)
	if err := q.QueryRowContext(ctx, `SELECT data, compression, size FROM blobs WHERE sha256 = $1`, sha).
		Scan(&stored, &compression, &size); err != nil {
		return nil, err
	}
	data, err := unpackBlob(stored, compression, size)
	if err != nil {
		return nil, fmt.Errorf("blob %s: %w", sha, err)
	}
	return data, nil
}
