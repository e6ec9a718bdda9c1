// Package cputime reads the CPU time this process has spent, for
// benchmarks and harnesses that run on a machine shared with other work:
// there, wall-clock time per operation says more about the neighbours than
// about the code, and the process's CPU time does not.
package cputime

import (
	"testing"
	"time"
)

// Report adds the CPU time per operation, and the throughput it gives
// (bytes per CPU second) when bytes > 0, to a benchmark whose loop ran since
// start (a Process reading). Run with -cpu 1: the collector then shares the
// benchmark's one thread, so the process's time is the work's.
func Report(b *testing.B, start time.Duration, bytes int64) {
	b.Helper()
	spent := Process() - start
	if spent <= 0 || b.N == 0 {
		return
	}
	perOp := float64(spent.Nanoseconds()) / float64(b.N)
	b.ReportMetric(perOp, "cpu-ns/op")
	if bytes > 0 {
		b.ReportMetric(float64(bytes)/perOp*1e3, "cpu-MB/s")
	}
}
