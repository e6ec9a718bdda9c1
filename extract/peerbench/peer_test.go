package peerbench

import (
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/entente/entente/extract"
	"github.com/go-ego/gse"
)

// statements are the development statements both readers are run on.
var statements = []string{"cn-rs-2024-joint-statement", "cn-ae-2019-joint-statement"}

const corpusDir = "../../testdata/corpus"

// cpuClock reads the process's CPU time: on a machine shared with other
// work, wall-clock time says more about the neighbours than about the code.
func cpuClock() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, start time.Duration, bytes int64) {
	b.Helper()
	spent := cpuClock() - start
	if spent <= 0 || b.N == 0 {
		return
	}
	perOp := float64(spent.Nanoseconds()) / float64(b.N)
	b.ReportMetric(perOp, "cpu-ns/op")
	b.ReportMetric(float64(bytes)/perOp*1e3, "cpu-MB/s")
}

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
	t0, c0 := time.Now(), cpuClock()
	x, err := extract.New("zh")
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("entente: tables loaded in %v (CPU %v), heap +%d kB", time.Since(t0).Round(time.Millisecond), (cpuClock() - c0).Round(time.Millisecond), (heapAfterGC()-base)>>10)
	base = heapAfterGC()
	t0, c0 = time.Now(), cpuClock()
	seg, err := gse.NewEmbed("zh")
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("gse: dictionary loaded in %v (CPU %v), heap +%d kB", time.Since(t0).Round(time.Millisecond), (cpuClock() - c0).Round(time.Millisecond), (heapAfterGC()-base)>>10)
	for _, name := range statements {
		text, err := os.ReadFile(filepath.Join(corpusDir, name+".zh.txt"))
		if err != nil {
			b.Fatal(err)
		}
		s := string(text)
		b.Run("entente-extract/"+name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			start := cpuClock()
			for b.Loop() {
				x.Extract(s)
			}
			reportCPU(b, start, int64(len(text)))
		})
		b.Run("gse-cut/"+name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			start := cpuClock()
			for b.Loop() {
				seg.Cut(s, true)
			}
			reportCPU(b, start, int64(len(text)))
		})
	}
}
