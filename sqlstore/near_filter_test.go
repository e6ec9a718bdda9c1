package sqlstore_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/sqlstore"
)

// republished is a text as a news agency republishes a statement: the
// same statement, a near-duplicate of it.
func republished(d *entente.NewDocument) string {
	return "新华社北京电\n" + d.Text + "\n（完）\n"
}

// nearFinds checks that every way of looking a text up finds the
// near-duplicate candidate want (0: none).
func nearFinds(t *testing.T, s *sqlstore.Store, what, text string, want int64) {
	t.Helper()
	ctx := t.Context()
	sketch := entente.NearSketch(text)
	looks := map[string]func() ([]entente.Version, error){
		"NearVersions":        func() ([]entente.Version, error) { return s.NearVersions(ctx, sketch) },
		"NearVersionsWritten": func() ([]entente.Version, error) { return s.NearVersionsWritten(ctx, sketch) },
		"FindInput": func() ([]entente.Version, error) {
			_, _, near, err := s.FindInput(ctx, "no such bytes", "no such text", sketch)
			return near, err
		},
	}
	for name, look := range looks {
		vs, err := look()
		if err != nil {
			t.Fatal(err)
		}
		s.WaitBackground() // a filter this look-up began to read, read for the next
		if want == 0 && len(vs) != 0 || want != 0 && (len(vs) == 0 || vs[0].DocumentID != want) {
			t.Errorf("%s: %s finds %+v, want document %d", what, name, vs, want)
		}
	}
}

// filterCovers checks that the filter as written holds every key of
// near_sketches.
func filterCovers(t *testing.T, s *sqlstore.Store, what string) (keys, capacity int64) {
	t.Helper()
	missing, keys, capacity, err := sqlstore.NearFilterMissing(t.Context(), s)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if missing != 0 {
		t.Errorf("%s: the filter says %d keys of near_sketches are absent", what, missing)
	}
	return keys, capacity
}

// TestNearFilter: on SQLite the filter of near_sketches' keys holds every
// key a merge adds (built anew, larger, once they pass its capacity), and
// look-ups through it still find every near-duplicate, merged or staged,
// while leaving out keys no version holds.
func TestNearFilter(t *testing.T) {
	s := openSQLite(t)
	ctx := t.Context()
	keys, capacity := filterCovers(t, s, "a new store")
	if keys != 0 || capacity != 1<<14 {
		t.Errorf("a new store's filter: %d keys, capacity %d, want 0 and the least, %d", keys, capacity, 1<<14)
	}
	// a filter with room for 20 keys, read at the second look-up
	sqlstore.SetNearFilter(s, 1, 20)
	if _, err := s.DB().ExecContext(ctx, `UPDATE near_filter SET capacity = 20`); err != nil {
		t.Fatal(err)
	}

	sqlstore.SetMergeRows(s, 1) // every write merges what it staged
	docs := []*entente.NewDocument{
		corpusDoc(t, statement),
		corpusDoc(t, "cn-ae-2019-joint-statement.zh.txt"),
		corpusDoc(t, "us-ie-2021-joint-statement.en.txt"),
	}
	var ids []int64
	for i, d := range docs {
		ids = append(ids, mustCreate(t, s, d))
		keys, capacity = filterCovers(t, s, d.Source.Name)
		if i == 0 && keys != int64(len(entente.NearSketch(d.Text))) {
			t.Errorf("after one merge the filter counts %d keys, want the sketch's %d", keys, len(entente.NearSketch(d.Text)))
		}
	}
	if capacity <= 20 || keys > capacity {
		t.Errorf("after three statements: %d keys, capacity %d, want it built anew with room for them", keys, capacity)
	}
	before := sqlstore.NearFiltered(s)
	for i, d := range docs {
		nearFinds(t, s, "merged "+d.Source.Name, republished(d), ids[i])
	}
	nearFinds(t, s, "a text no version shares a run with", "完全无关的一段文字。"+
		"Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.", 0)
	if sqlstore.NearFiltered(s) == before {
		t.Error("no look-up left out a key through the filter")
	}

	// staged, not merged: found in near_recent, whatever the filter says
	sqlstore.SetMergeRows(s, 1<<40)
	if err := s.DeleteDocument(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	staged := mustCreate(t, s, docs[0])
	nearFinds(t, s, "staged", republished(docs[0]), staged)
	filterCovers(t, s, "a deleted version's keys left in it")
}

// TestNearFilterOfAnotherProcess: a store that read the filter before
// another store on the same file merged new keys finds the versions
// merged since: its look-up reads the filter's generation after it, and
// looks again with the new filter. (Without that, the keys that moved from
// near_recent into near_sketches behind its back are in neither place it
// looks.)
func TestNearFilterOfAnotherProcess(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "entente.db")
	open := func() *sqlstore.Store {
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	a, b := open(), open()
	sqlstore.SetNearFilter(a, 1, 0)
	first := corpusDoc(t, statement)
	firstID := mustCreate(t, a, first)
	nearFinds(t, a, "before the other merged", republished(first), firstID)
	nearFinds(t, a, "before the other merged, again", republished(first), firstID) // the filter read

	sqlstore.SetMergeRows(b, 1)
	second := corpusDoc(t, "cn-ae-2019-joint-statement.zh.txt")
	secondID := mustCreate(t, b, second)
	nearFinds(t, a, "merged by the other store", republished(second), secondID)
	nearFinds(t, a, "merged by the other store, before it", republished(first), firstID)
}

// TestNearFilterReadAfterLookups: a process starts reading the filter,
// on a goroutine of its own, only after as many look-ups without it as it
// has nearFilterBytesPerLookup bytes (here 16,384 keys of capacity at a
// byte each: none, it starts at the first), so that a short process does
// not pay for reading it whole; the look-up that starts it does not wait
// for it, and a look-up with no key to filter does not count.
func TestNearFilterReadAfterLookups(t *testing.T) {
	for _, c := range []struct {
		name     string
		minKeys  int64
		firstKey int // the first look-up filtered, counted from 0
	}{
		{"the least filter", 0, 1},
		{"a filter of 256 KB", 256 << 10, 9},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := openSQLite(t)
			ctx := t.Context()
			sqlstore.SetNearFilter(s, 0, c.minKeys) // the store's own rule
			d := corpusDoc(t, statement)
			mustCreate(t, s, d)
			if c.minKeys > 0 {
				if err := sqlstore.RebuildNearFilter(ctx, s); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.MergeSketches(ctx); err != nil {
				t.Fatal(err)
			}
			want := max(1<<14, c.minKeys)
			if _, capacity := filterCovers(t, s, "merged"); capacity != want {
				t.Fatalf("capacity %d, want %d", capacity, want)
			}
			// look-ups of bytes and text alone (a batch's examinations on
			// SQLite) have no key to filter and do not count
			for range 2 * c.firstKey {
				if _, _, _, err := s.FindInput(ctx, "no such bytes", "no such text", nil); err != nil {
					t.Fatal(err)
				}
			}
			other := entente.NearSketch("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.")
			for i := range c.firstKey + 2 {
				before := sqlstore.NearFiltered(s)
				if _, err := s.NearVersions(ctx, other); err != nil {
					t.Fatal(err)
				}
				if filtered := sqlstore.NearFiltered(s) > before; filtered != (i >= c.firstKey) {
					t.Errorf("look-up %d: filtered %v, want %v", i+1, filtered, i >= c.firstKey)
				}
				s.WaitBackground()
			}
		})
	}
}

// mergedStatementAt opens a store at path, which the caller closes, and
// writes the statement to it, its sketch merged.
func mergedStatementAt(t *testing.T, path string) (*sqlstore.Store, *entente.NewDocument, int64) {
	t.Helper()
	s, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	sqlstore.SetMergeRows(s, 1)
	d := corpusDoc(t, statement)
	return s, d, mustCreate(t, s, d)
}

// reopened closes s and opens the store at path again, as a process that
// starts anew would, closed when the test ends.
func reopened(t *testing.T, s *sqlstore.Store, path string) *sqlstore.Store {
	t.Helper()
	s.Close()
	s, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestNearFilterBuiltOnOpen: a store whose filter is gone (a migration
// that rewrote near_sketches deletes it) builds it again as it opens, and
// a restored dump's store has one that holds every key.
func TestNearFilterBuiltOnOpen(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "entente.db")
	s, d, id := mergedStatementAt(t, path)
	if _, err := s.DB().ExecContext(ctx, `DELETE FROM near_filter`); err != nil {
		t.Fatal(err)
	}
	archive := dump(t, s)
	s = reopened(t, s, path)
	if keys, _ := filterCovers(t, s, "reopened"); keys != int64(len(entente.NearSketch(d.Text))) {
		t.Errorf("the filter built on open counts %d keys, want %d", keys, len(entente.NearSketch(d.Text)))
	}
	sqlstore.SetNearFilter(s, 1, 0)
	nearFinds(t, s, "reopened", republished(d), id)

	fresh := openSQLite(t)
	restore(t, fresh, archive)
	filterCovers(t, fresh, "restored")
	sqlstore.SetNearFilter(fresh, 1, 0)
	nearFinds(t, fresh, "restored", republished(d), id)
}

// TestNearFilterChecked: the store's integrity check fails when the
// filter says a key near_sketches holds is absent.
func TestNearFilterChecked(t *testing.T) {
	s := openSQLite(t)
	ctx := t.Context()
	sqlstore.SetMergeRows(s, 1)
	mustCreate(t, s, corpusDoc(t, statement))
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatalf("a store as written: %v", err)
	}
	// the filter's bits all cleared, as a change of near_sketches that
	// did not write it would leave them
	if _, err := s.DB().ExecContext(ctx, `UPDATE near_filter SET bits = zeroblob(length(bits))`); err != nil {
		t.Fatal(err)
	}
	if err := s.IntegrityCheck(ctx); err == nil || !strings.Contains(err.Error(), "near-duplicate filter") {
		t.Errorf("a filter that holds no key: %v, want the filter named", err)
	}
}

// TestNearFilterOfAnotherLayout: a filter whose keys were placed another
// way (store_settings names the layout) is never trusted: a process that
// reads it looks every key up, and the store builds it again as it opens.
func TestNearFilterOfAnotherLayout(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "entente.db")
	s, d, id := mergedStatementAt(t, path)
	// another layout's bits: here none set, so that trusting them would
	// find nothing
	for _, q := range []string{`UPDATE near_filter SET bits = zeroblob(length(bits))`,
		`UPDATE store_settings SET value = 'another layout' WHERE key = 'near.filter'`} {
		if _, err := s.DB().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	sqlstore.SetNearFilter(s, 1, 0)
	nearFinds(t, s, "through another layout's filter", republished(d), id)
	s = reopened(t, s, path)
	filterCovers(t, s, "reopened")
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

// TestNearFilterReadAsBatchStarts: a batch that says it will look up more
// inputs than the count after which the filter is read has it read at
// once, so that its first look-up is filtered; one of fewer inputs, or one
// on a store that has read it, reads nothing more.
func TestNearFilterReadAsBatchStarts(t *testing.T) {
	const after = 8 // look-ups before a 256 KB filter is read (32 KB each)
	for _, c := range []struct {
		name          string
		expect        int
		firstFiltered bool
	}{
		{"a batch of as many inputs as the count", after, false},
		{"a batch of one input more", after + 1, true},
		{"no batch", 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := openSQLite(t)
			ctx := t.Context()
			sqlstore.SetNearFilter(s, 0, 256<<10)
			mustCreate(t, s, corpusDoc(t, statement))
			if err := sqlstore.RebuildNearFilter(ctx, s); err != nil {
				t.Fatal(err)
			}
			if err := s.MergeSketches(ctx); err != nil {
				t.Fatal(err)
			}
			if c.expect > 0 {
				s.ExpectNearLookups(ctx, c.expect)
			}
			s.WaitBackground()
			other := entente.NearSketch("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.")
			before := sqlstore.NearFiltered(s)
			if _, err := s.NearVersions(ctx, other); err != nil {
				t.Fatal(err)
			}
			if filtered := sqlstore.NearFiltered(s) > before; filtered != c.firstFiltered {
				t.Errorf("first look-up filtered %v, want %v", filtered, c.firstFiltered)
			}
		})
	}
}
