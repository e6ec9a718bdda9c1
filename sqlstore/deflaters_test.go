package sqlstore

import (
	"bytes"
	"runtime"
	"testing"
)

// TestDeflatersSurviveCollections: a DEFLATE writer used once is used
// again after garbage collections, as a batch's examinations compress
// between extractions that collect, instead of allocating its tables
// anew (several hundred kB against the few kB a statement compresses
// to).
func TestDeflatersSurviveCollections(t *testing.T) {
	var d deflaters
	data := bytes.Repeat([]byte("双方同意推进铁路项目建设。"), 200)
	if _, how := d.packBlob(data); how != blobDeflate {
		t.Fatalf("stored %q, want deflated", how)
	}
	runtime.GC()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if _, how := d.packBlob(data); how != blobDeflate {
		t.Fatalf("stored %q, want deflated", how)
	}
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 64<<10 {
		t.Errorf("compressing %d bytes after two collections allocated %d bytes: a new writer", len(data), n)
	}
}
