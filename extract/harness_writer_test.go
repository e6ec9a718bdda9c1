package extract

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/entente/entente"
)

// harnessWriter writes the extractions of a speed harness
// (TestChineseHarness, TestSpacedHarness) to a file, each one after the
// next extraction has run, so that a result sharing a buffer that the next
// document reuses shows it.
type harnessWriter struct {
	t       testing.TB
	f       *os.File
	w       *bufio.Writer
	pending *entente.Extraction
	name    string
	n       int // extractions added
}

func createHarness(t testing.TB, path string) *harnessWriter {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	return &harnessWriter{t: t, f: f, w: bufio.NewWriter(f)}
}

// add writes the extraction added before and keeps x until the next.
func (h *harnessWriter) add(name string, x *entente.Extraction) {
	h.flush()
	h.pending, h.name = x, name
	h.n++
}

// write writes a named JSON value at once.
func (h *harnessWriter) write(name string, v any) {
	h.flush()
	b, err := json.Marshal(v)
	if err != nil {
		h.t.Fatal(err)
	}
	fmt.Fprintf(h.w, "== %s\n%s\n", name, b)
}

func (h *harnessWriter) flush() {
	if h.pending == nil {
		return
	}
	x := h.pending
	h.pending = nil
	h.write(h.name, x)
}

// close writes what is pending and closes the file.
func (h *harnessWriter) close() {
	h.flush()
	if err := h.w.Flush(); err != nil {
		h.t.Fatal(err)
	}
	if err := h.f.Close(); err != nil {
		h.t.Fatal(err)
	}
}
