package hugepages

import (
	"runtime/debug"
	"testing"
)

// BenchmarkFirstTouch makes a slice of 64 MB and writes every page of it
// once, as a decoder fills the arrays it made, on 4 KB pages and advised
// for huge pages, in the same run. Each round's memory is given back to
// the kernel before the next, so that every round touches it fresh. The
// plain case runs first: the advice stays with the addresses, which the
// heap may give the next slice.
func BenchmarkFirstTouch(b *testing.B) {
	const size = 64 << 20
	for _, c := range []struct {
		name string
		make func() []byte
	}{
		{"pages=4KB", func() []byte { return make([]byte, size) }},
		{"pages=huge", func() []byte { return Make[byte](size, size) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				b.StopTimer()
				debug.FreeOSMemory()
				b.StartTimer()
				s := c.make()
				for i := 0; i < len(s); i += 4096 {
					s[i] = 1
				}
			}
		})
	}
}
