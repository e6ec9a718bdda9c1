package compare

import (
	"context"
	"os"
	"runtime/pprof"
	"syscall"
	"testing"
	"time"

	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/tracking"
)

func TestZZScratchPair(t *testing.T) {
	db := os.Getenv("SCRATCH_DB")
	if db == "" {
		t.Skip()
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := tracking.New(st)
	if err != nil {
		t.Fatal(err)
	}
	svc, err := New(st, tr)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	docs, err := svc.pairDocuments(ctx, os.Getenv("A"), os.Getenv("B"))
	t.Logf("read %d docs in %v", len(docs), time.Since(t0))
	f, _ := os.Create("/tmp/pair.prof")
	pprof.StartCPUProfile(f)
	t1 := time.Now()
	var r0, r1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &r0)
	p, err := svc.computeParts(ctx, os.Getenv("A"), os.Getenv("B"))
	syscall.Getrusage(syscall.RUSAGE_SELF, &r1)
	cpu := time.Duration(r1.Utime.Nano() + r1.Stime.Nano() - r0.Utime.Nano() - r0.Stime.Nano())
	t.Logf("CPU %v", cpu)
	pprof.StopCPUProfile()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("computed in %v: %d docs, %d suggested, %d recycled", time.Since(t1), len(p.Documents), len(p.Suggested), len(p.MostRecycled))
}
