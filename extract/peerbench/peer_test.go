package peerbench

import (
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/entente/entente/extract"
	"github.com/entente/entente/internal/cputime"
	"github.com/go-ego/gse"
)

// statements are the development statements both readers are run on.
var statements = []string{"cn-rs-2024-joint-statement", "cn-ae-2019-joint-statement"}

const corpusDir = "../../testdata/corpus"

// heapAfterGC is the live heap after a collection.
func heapAfterGC() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkPeer runs, in one process and one run so that the machine's load
// weighs on both alike, the whole extraction of each development statement
// and gse's segmentation of the same text (dictionary and HMM). The set-up
// of each (tables or dictionaries, once per process) is logged with the
// heap it keeps.
func BenchmarkPeer(b *testing.B) {
	base := heapAfterGC()
	t0, c0 := time.Now(), cputime.Process()
	x, err := extract.New("zh")
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("entente: tables loaded in %v (CPU %v), heap +%d kB", time.Since(t0).Round(time.Millisecond), (cputime.Process() - c0).Round(time.Millisecond), (heapAfterGC()-base)>>10)
	base = heapAfterGC()
	t0, c0 = time.Now(), cputime.Process()
	seg, err := gse.NewEmbed("zh")
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("gse: dictionary loaded in %v (CPU %v), heap +%d kB", time.Since(t0).Round(time.Millisecond), (cputime.Process() - c0).Round(time.Millisecond), (heapAfterGC()-base)>>10)
	for _, name := range statements {
		text, err := os.ReadFile(filepath.Join(corpusDir, name+".zh.txt"))
		if err != nil {
			b.Fatal(err)
		}
		s := string(text)
		b.Run("entente-extract/"+name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			start := cputime.Process()
			for b.Loop() {
				x.Extract(s)
			}
			cputime.Report(b, start, int64(len(text)))
		})
		b.Run("gse-cut/"+name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			start := cputime.Process()
			for b.Loop() {
				seg.Cut(s, true)
			}
			cputime.Report(b, start, int64(len(text)))
		})
	}
}
