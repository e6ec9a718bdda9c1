//go:build !linux

package hugepages

import "unsafe"

// advise does nothing where the kernel is not Linux's.
func advise(unsafe.Pointer, uintptr) {}
