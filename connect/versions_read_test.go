package connect_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/connect"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/internal/testlibrary"
	"github.com/entente/entente/sqlstore"
)

// countingStore counts what a rebuild reads: the documents it reads whole,
// and how many times the registry's input.
type countingStore struct {
	*sqlstore.Store
	whole []int64
	reads int // whole reads of the registry's input
	added int // reads of what was added past a mark, that found only additions
	// snapshots are the reads of the input's snapshot that found one
	snapshots int
}

func (c *countingStore) RegistryInputSnapshot(ctx context.Context) ([]byte, bool, error) {
	data, found, err := c.Store.RegistryInputSnapshot(ctx)
	if found {
		c.snapshots++
	}
	return data, found, err
}

// countingConnector is a new connector over s that counts its reads.
func countingConnector(t *testing.T, s *sqlstore.Store) (*connect.Connector, *countingStore) {
	t.Helper()
	c, err := connect.New(s)
	if err != nil {
		t.Fatal(err)
	}
	rs := &countingStore{Store: s}
	c.Store = rs
	return c, rs
}

func (c *countingStore) RegistryInputAfter(ctx context.Context, m entente.RegistryMark) (*entente.RegistryInput, bool, error) {
	in, ok, err := c.Store.RegistryInputAfter(ctx, m)
	if ok {
		c.added++
	}
	return in, ok, err
}

func (c *countingStore) Document(ctx context.Context, id int64) (*entente.StoredDocument, error) {
	c.whole = append(c.whole, id)
	return c.Store.Document(ctx, id)
}

func (c *countingStore) RegistryInput(ctx context.Context) (*entente.RegistryInput, error) {
	c.reads++
	return c.Store.RegistryInput(ctx)
}

// TestUndecidedPairsReadByOutline: two documents of one day and parties in
// two languages that are not versions of one statement (the English text
// has lost most of its paragraphs) are compared by their headings and
// outlines, never read whole, and their names stay apart; the two texts
// of one statement are read whole, to align their sentences.
func TestUndecidedPairsReadByOutline(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := cli(context.Background())
		ids := ingestLibrary(t, ctx, s, "cn-rs-2024.zh.txt")
		short := shortened(t, "cn-rs-2024.en.txt")
		shortID := ingestFile(t, ctx, s, short)
		cs := &countingStore{Store: s}
		c, err := connect.New(s)
		if err != nil {
			t.Fatal(err)
		}
		c.Store = cs
		if _, err := c.Rebuild(ctx); err != nil {
			t.Fatal(err)
		}
		if len(cs.whole) != 0 {
			t.Errorf("the rebuild read documents %v whole; a pair that is not one statement needs only its outline", cs.whole)
		}
		for _, e := range allEntries(t, ctx, s) {
			for _, a := range e.Aliases {
				if strings.Contains(a.Reason, "counterparts in the") {
					t.Errorf("%q joined as a counterpart of documents that are not versions", a.Alias)
				}
			}
		}

		// the full English text is the Chinese one's version: both read whole
		en := ingestLibrary(t, ctx, s, "cn-rs-2024.en.txt")["cn-rs-2024.en.txt"]
		cs.whole = nil
		if _, err := c.Rebuild(ctx); err != nil {
			t.Fatal(err)
		}
		read := map[int64]bool{}
		for _, id := range cs.whole {
			read[id] = true
		}
		if !read[ids["cn-rs-2024.zh.txt"]] || !read[en] || read[shortID] {
			t.Errorf("read whole %v; want the Chinese %d and English %d texts, not the shortened %d", cs.whole, ids["cn-rs-2024.zh.txt"], en, shortID)
		}
	})
}

// shortened writes a copy of a test library file without the middle three
// fifths of its lines (its heading and signature kept) and returns its path.
func shortened(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(testlibrary.Path(name))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	n := len(lines) / 5
	kept := append(lines[:n:n], lines[len(lines)-n:]...)
	p := filepath.Join(t.TempDir(), "short-"+name)
	if err := os.WriteFile(p, []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// ingestFile stores one file as ingestLibrary does and returns its id.
func ingestFile(t *testing.T, ctx context.Context, s *sqlstore.Store, path string) int64 {
	t.Helper()
	in := newIngester(t, s)
	var id int64
	in.Batch(ctx, []string{path}, nil, func(o ingest.Outcome) { id = o.DocumentID })
	if id == 0 {
		t.Fatalf("%s was not stored", path)
	}
	return id
}
