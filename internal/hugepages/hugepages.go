// Package hugepages asks the kernel to back a large slice made fresh with
// transparent huge pages, where the kernel does so only for memory that asks
// (Linux with transparent_hugepage set to "madvise", the default of Debian
// and Ubuntu).
//
// A command that reads a library of 100,000 statements makes arrays of
// hundreds of MB (the registry's input, its builder, the search index, the
// tracker's commitments) and fills each page once. With 4 KB pages the
// kernel takes a fault for every page: on this project's virtual machines
// some 3 ms a MB (BenchmarkFirstTouch), 1.5-1.9 s of `entente ingest`'s 6 s
// at that size (docs/decisions.md, "A new process at 100,000"). A huge page
// is one fault for 2 MB. The advice changes no byte of the
// slice: where it is refused or unknown the slice is the same, on 4 KB
// pages.
package hugepages

import (
	"io"
	"unsafe"
)

// Size is the huge page this package aligns to: 2 MB, the size
// x86-64 and arm64 Linux use for transparent huge pages.
const Size = 2 << 20

// MinBytes is the smallest slice advised: below a few huge pages the
// faults saved are too few to matter, and a huge page of a small slice
// would mostly hold other objects.
const MinBytes = 8 * Size

// Make returns make([]T, n, c), advised for huge pages when its capacity
// spans MinBytes or more. It panics as make does when n > c or n < 0.
func Make[T any](n, c int) []T {
	s := make([]T, n, c)
	var zero T
	if bytes := uintptr(c) * unsafe.Sizeof(zero); bytes >= MinBytes {
		advise(unsafe.Pointer(unsafe.SliceData(s)), bytes)
	}
	return s
}

// Clone returns a copy of s made by Make (nil for nil), with room for
// room more elements after it: a copy that is to grow is not copied
// again at its first append.
func Clone[T any](s []T, room int) []T {
	if s == nil {
		return nil
	}
	out := Make[T](len(s), len(s)+max(room, 0))
	copy(out, s)
	return out
}

// inner is the part of [p, p+n) made of whole huge pages: the advice is
// given for those alone, so that no neighbour's memory is advised.
func inner(p, n uintptr) (start, end uintptr) {
	start = (p + Size - 1) &^ (Size - 1)
	end = (p + n) &^ (Size - 1)
	if end < start {
		end = start
	}
	return start, end
}

// ReadAll reads r to its end, as io.ReadAll does, into a slice made by
// Make with room for hint bytes first (a decoder's guess of what it will
// read), doubling when it fills: an inflated snapshot of tens of MB is then
// faulted in by huge pages, and read without the dozen copies io.ReadAll's
// growth from 512 bytes makes.
func ReadAll(r io.Reader, hint int) ([]byte, error) {
	b := Make[byte](0, max(hint, 512))
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			grown := Make[byte](len(b), 2*cap(b))
			copy(grown, b)
			b = grown
		}
	}
}
