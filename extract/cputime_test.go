package extract

import (
	"syscall"
	"testing"
	"time"
)

// cpuClock reads the process's CPU time (user and system). On a machine
// shared with other work, wall-clock time per operation says more about the
// neighbours than about the code; the CPU time the process spent does not.
func cpuClock() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds the CPU time per operation and the throughput it gives
// (bytes per CPU second) to a benchmark whose loop ran since start. Run
// with -cpu 1: the collector then shares the benchmark's one thread, so the
// process's time is the work's.
func reportCPU(b *testing.B, start time.Duration, bytes int64) {
	b.Helper()
	spent := cpuClock() - start
	if spent <= 0 || b.N == 0 {
		return
	}
	perOp := float64(spent.Nanoseconds()) / float64(b.N)
	b.ReportMetric(perOp, "cpu-ns/op")
	if bytes > 0 {
		b.ReportMetric(float64(bytes)/perOp*1e3, "cpu-MB/s")
	}
}
