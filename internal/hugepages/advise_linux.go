//go:build linux

package hugepages

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// advise asks for huge pages over the whole huge pages of [p, p+n). The
// advice is advice: an error (a kernel without transparent huge pages)
// leaves the memory as it was, and is not worth a caller's attention.
func advise(p unsafe.Pointer, n uintptr) {
	start, end := inner(uintptr(p), n)
	if end == start {
		return
	}
	_ = unix.Madvise(unsafe.Slice((*byte)(unsafe.Add(p, start-uintptr(p))), end-start), unix.MADV_HUGEPAGE)
}
