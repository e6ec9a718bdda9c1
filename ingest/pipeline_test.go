package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/entente/entente"
)

// writeStatements writes n distinct statements (the development statement
// with a numbered sentence of its own) and returns their paths.
func writeStatements(t *testing.T, dir string, n int) []string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(corpus, "cn-rs-2024-joint-statement.zh.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for i := range n {
		p := filepath.Join(dir, fmt.Sprintf("s%03d.txt", i))
		if err := os.WriteFile(p, generated(string(raw), i), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// TestBatchGroups ingests more statements than several groups hold, mixed
// with repeats and bad inputs: outcomes come in input order, repeats of
// bytes or text written earlier in the same batch (even in the same group)
// are recognised, a bad input costs no other, and every new statement is
// stored once, whole.
func TestBatchGroups(t *testing.T) {
	forEachStore(t, func(t *testing.T, st entente.Store) {
		ctx := context.Background()
		in := newIngester(t, st)
		in.GroupSize = 4
		dir := t.TempDir()
		paths := writeStatements(t, dir, 11)
		sameText, empty := oddInputs(t, dir, paths[2])
		inputs := []string{paths[0], paths[1], paths[2], sameText, paths[1], empty}
		inputs = append(inputs, paths[3:]...)
		inputs = append(inputs, paths[0], filepath.Join(dir, "missing.txt"))
		want := map[string]Status{sameText: NewSource, empty: Refused, filepath.Join(dir, "missing.txt"): Refused}

		var got []Outcome
		sum := in.Batch(ctx, inputs, nil, func(o Outcome) { got = append(got, o) })
		if len(got) != len(inputs) {
			t.Fatalf("%d outcomes for %d inputs", len(got), len(inputs))
		}
		seen := map[string]int64{}
		for i, o := range got {
			if o.Name != inputs[i] {
				t.Fatalf("outcome %d is of %s, want %s: not in input order", i, o.Name, inputs[i])
			}
			status, ok := want[o.Name]
			switch {
			case ok:
			case seen[o.Name] != 0:
				status = AlreadyHave
			default:
				status = Added
			}
			if o.Status != status {
				t.Errorf("%s: %s (%s), want %s", filepath.Base(o.Name), o.Status, o.Problem, status)
			}
			if o.Status == Added {
				seen[o.Name] = o.DocumentID
			} else if id := seen[o.Name]; id != 0 && o.DocumentID != id {
				t.Errorf("%s: document %d, want %d", filepath.Base(o.Name), o.DocumentID, id)
			}
		}
		if got[3].DocumentID != seen[paths[2]] {
			t.Errorf("the same text went to document %d, want %d", got[3].DocumentID, seen[paths[2]])
		}
		if sum.Added != len(paths) || sum.NewSources != 1 || sum.AlreadyHave != 2 || sum.Refused != 2 {
			t.Errorf("summary %+v", sum)
		}
		docs, err := st.Documents(ctx, entente.DocumentFilter{})
		if err != nil || len(docs) != len(paths) {
			t.Fatalf("%d documents (%v), want %d", len(docs), err, len(paths))
		}
		for _, p := range paths {
			d, err := st.Document(ctx, seen[p])
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Extraction.Sentences) == 0 || d.Versions[0].TextSHA256 == "" {
				t.Errorf("%s: stored without its extraction", p)
			}
		}
	})
}

// TestBatchCancelled stops a batch whose context is cancelled part-way
// (as its fourth input is extracted): it returns, what it reported is
// stored, and running the batch again stores the rest.
func TestBatchCancelled(t *testing.T) {
	forEachStore(t, func(t *testing.T, st entente.Store) {
		in := newIngester(t, st)
		in.GroupSize = 2
		paths := writeStatements(t, t.TempDir(), 12)
		ctx, cancel := context.WithCancel(context.Background())
		in.Extractor = &cancelAt{Extractor: in.Extractor, at: 4, cancel: cancel}
		sum := in.Batch(ctx, paths, nil, nil)
		cancel()
		in.Extractor = in.Extractor.(*cancelAt).Extractor
		docs, err := st.Documents(context.Background(), entente.DocumentFilter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) < sum.Added || len(docs) >= len(paths) {
			t.Errorf("%d documents stored, %d reported added, of %d", len(docs), sum.Added, len(paths))
		}
		sum = in.Batch(context.Background(), paths, nil, nil)
		if sum.Added+sum.AlreadyHave != len(paths) || sum.Refused != 0 {
			t.Errorf("second run: %+v", sum)
		}
		if docs, _ := st.Documents(context.Background(), entente.DocumentFilter{}); len(docs) != len(paths) {
			t.Errorf("%d documents after the second run, want %d", len(docs), len(paths))
		}
	})
}

// oddInputs writes, in dir, the text of the statement at path with other
// line breaks (a new source of it) and an empty file (refused).
func oddInputs(t *testing.T, dir, path string) (sameText, empty string) {
	t.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sameText = filepath.Join(dir, "same-text.txt")
	if err := os.WriteFile(sameText, []byte(strings.ReplaceAll(string(text), "\n", "\n\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	empty = filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return sameText, empty
}

// cancelAt is an extractor that cancels a context as it begins its at-th
// extraction.
type cancelAt struct {
	Extractor
	n      atomic.Int64
	at     int64
	cancel func()
}

func (c *cancelAt) Extract(text string) *entente.Extraction {
	if c.n.Add(1) == c.at {
		c.cancel()
	}
	return c.Extractor.Extract(text)
}
