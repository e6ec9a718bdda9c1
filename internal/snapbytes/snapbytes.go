// Package snapbytes writes and reads the fields of the snapshots a store
// keeps of its indexes in memory (search's labels, the tracker's
// commitments): varints, strings, bytes and flags. A Reader checks every
// count against the bytes left before anything is made for it, and fails
// once for good: after its first error every read gives a zero value, so
// a decoder reads on and looks at Err once.
package snapbytes

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
)

// Writer appends fields to B.
type Writer struct{ B []byte }

func (w *Writer) Uvarint(v uint64) { w.B = binary.AppendUvarint(w.B, v) }
func (w *Writer) Varint(v int64)   { w.B = binary.AppendVarint(w.B, v) }
func (w *Writer) Byte(b byte)      { w.B = append(w.B, b) }

// String writes s's length, then its bytes.
func (w *Writer) String(s string) {
	w.Uvarint(uint64(len(s)))
	w.B = append(w.B, s...)
}

// Flag writes b as one byte, 0 or 1.
func (w *Writer) Flag(b bool) {
	if b {
		w.B = append(w.B, 1)
	} else {
		w.B = append(w.B, 0)
	}
}

// Reader reads fields from the front of B.
type Reader struct {
	B   []byte
	Err error // the first failure, wrapping bad
	bad error
	max int // the most items a count may claim where an item may take no byte (Count's least 0)
}

// NewReader reads b; every failure wraps bad, and a count of items that
// may take no byte is bounded by max.
func NewReader(b []byte, bad error, max int) *Reader { return &Reader{B: b, bad: bad, max: max} }

// Fail records a failure unless one is recorded, and returns the first.
func (r *Reader) Fail(format string, a ...any) error {
	if r.Err == nil {
		r.Err = fmt.Errorf("%w: %s", r.bad, fmt.Sprintf(format, a...))
	}
	return r.Err
}

func (r *Reader) Uvarint(what string) uint64 { return read(r, what, binary.Uvarint) }
func (r *Reader) Varint(what string) int64   { return read(r, what, binary.Varint) }

// read reads one number with decode (binary.Uvarint or Varint).
func read[T int64 | uint64](r *Reader, what string, decode func([]byte) (T, int)) T {
	if r.Err != nil {
		return 0
	}
	v, n := decode(r.B)
	if n <= 0 {
		r.Fail("%s: a number cut short", what)
		return 0
	}
	r.B = r.B[n:]
	return v
}

// Byte reads one byte.
func (r *Reader) Byte(what string) byte {
	if r.Err != nil {
		return 0
	}
	if len(r.B) == 0 {
		r.Fail("%s: cut short", what)
		return 0
	}
	v := r.B[0]
	r.B = r.B[1:]
	return v
}

// Count reads a count of items of at least least bytes each: never more
// than the bytes left could hold, so that a bad count allocates nothing
// past them. A least of 0 is for runs, which hold many items in a few
// bytes: their count is bounded by the reader's max.
func (r *Reader) Count(what string, least int) int {
	n := r.Uvarint(what)
	limit := uint64(r.max)
	if least > 0 {
		limit = uint64(len(r.B) / least)
	}
	if n > limit {
		r.Fail("%s: %d items past the end", what, n)
		return 0
	}
	return int(n)
}

// String reads a length, then as many bytes.
func (r *Reader) String(what string) string {
	n := r.Count(what, 1)
	if r.Err != nil {
		return ""
	}
	s := string(r.B[:n])
	r.B = r.B[n:]
	return s
}

// Flag reads a byte that must be 0 or 1.
func (r *Reader) Flag(what string) bool {
	switch r.Byte(what) {
	case 0:
		return false
	case 1:
		return true
	}
	r.Fail("%s: not a flag", what)
	return false
}

// Deflate appends raw to prefix, deflated at the fastest level: a snapshot
// is written while a store waits, and read back far more often than its
// size matters.
func Deflate(prefix, raw []byte) ([]byte, error) {
	out := bytes.NewBuffer(prefix)
	zw, err := flate.NewWriter(out, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(raw); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
