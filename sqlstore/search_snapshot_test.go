package sqlstore_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// A store that opens a collection another process searched reads the
// search index from the snapshot that one saved, and only the documents
// changed since (added, withdrawn, corrected): its searches find, count
// and facet what a store that builds its index from every sentence finds.
// A damaged snapshot, or one of another schema, is not used: the index is
// built from the rows, and searches find the same.
func TestSearchSnapshot(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		path := t.TempDir() + "/entente.db"
		testSearchSnapshot(t, func() (*sqlstore.Store, error) { return openSQLitePath(path) })
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		dsn := pgDSN(t)
		testSearchSnapshot(t, func() (*sqlstore.Store, error) { return openPostgresDSN(dsn) })
	})
}

func testSearchSnapshot(t *testing.T, open func() (*sqlstore.Store, error)) {
	ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "test", Via: "cli"})
	queries := []entente.SearchQuery{
		{Text: "cooperate"}, {Text: "cooperate", Party: "NZ"}, {Text: "cooperate", Area: "energy"}, {Text: "item"},
		{Type: entente.Commitment}, {Party: "CN"}, {Party: "HU", Strength: entente.Firm}, {From: "2013", To: "2014"}, {Language: "zh"}, {},
	}
	// process opens a store as a command would, runs fn on it, and
	// returns what the queries found after fn.
	process := func(name string, fn func(s *sqlstore.Store)) []*entente.SearchResults {
		t.Helper()
		s, err := open()
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		s.SearchSnapshotAfter = 1
		if fn != nil {
			fn(s)
		}
		var out []*entente.SearchResults
		for _, q := range queries {
			q.Limit = 100
			r, err := s.SearchPage(ctx, q)
			if err != nil {
				t.Fatalf("%s: %+v: %v", name, q, err)
			}
			out = append(out, r)
		}
		return out
	}
	same := func(step string, got, want []*entente.SearchResults) {
		t.Helper()
		for i := range want {
			if diff := cmp.Diff(want[i], got[i]); diff != "" {
				t.Errorf("%s: %+v (-built from the rows +from the snapshot):\n%s", step, queries[i], diff)
			}
		}
	}
	// sources counts how the store came by its index.
	type sources struct{ builds, updates, loaded int }
	howMade := func(s *sqlstore.Store) sources {
		b, u := sqlstore.IndexBuilds(s)
		l, _ := sqlstore.IndexSnapshots(s)
		return sources{b, u, l}
	}

	docs := labelledDocs(40)
	var ids []int64
	first := process("first", func(s *sqlstore.Store) {
		for _, d := range docs[:30] {
			ids = append(ids, mustCreate(t, s, d))
		}
	})
	if first[len(first)-1].Total == 0 {
		t.Fatal("the collection holds no sentence")
	}
	process("the snapshot's round trip", func(s *sqlstore.Store) {
		if _, err := s.SearchPage(ctx, entente.SearchQuery{}); err != nil {
			t.Fatal(err)
		}
		if size, err := sqlstore.SnapshotRoundTrip(s); err != nil {
			t.Errorf("a snapshot of %d bytes read back: %v", size, err)
		}
	})

	var loaded sources
	second := process("second", func(s *sqlstore.Store) {
		if _, err := s.SearchPage(ctx, queries[0]); err != nil {
			t.Fatal(err)
		}
		loaded = howMade(s)
	})
	if want := (sources{loaded: 1}); loaded != want {
		t.Errorf("a store opened after a search: index made %+v, want %+v (from the snapshot, nothing built)", loaded, want)
	}
	same("unchanged", second, first)

	// another process changes the collection without searching
	change := func(s *sqlstore.Store) {
		for _, d := range docs[30:] {
			mustCreate(t, s, d)
		}
		if err := s.WithdrawDocument(ctx, ids[3], "test"); err != nil {
			t.Fatal(err)
		}
		value, _ := json.Marshal([]string{"NZ", "FR"})
		extracted, _ := json.Marshal([]string{"CN", "RS"})
		if _, err := s.AddCorrection(ctx, entente.NewCorrection{DocumentID: ids[4], Field: "parties",
			Extracted: extracted, Value: value, State: "approved", Why: "test"}); err != nil {
			t.Fatal(err)
		}
	}
	s, err := open()
	if err != nil {
		t.Fatal(err)
	}
	change(s)
	s.Close()

	var updated sources
	var reread int
	fromSnapshot := process("after changes", func(s *sqlstore.Store) {
		if _, err := s.SearchPage(ctx, queries[0]); err != nil {
			t.Fatal(err)
		}
		updated, reread = howMade(s), sqlstore.IndexDocumentsRead(s)
	})
	if updated.builds != 0 || updated.loaded != 1 || reread != 12 {
		t.Errorf("after changes: index made %+v, %d documents read; want it from the snapshot, and only the 12 changed documents read",
			updated, reread)
	}
	rebuilt := process("built anew", func(s *sqlstore.Store) {
		if _, err := s.DB().ExecContext(ctx, `DELETE FROM search_snapshot`); err != nil {
			t.Fatal(err)
		}
	})
	same("after changes", fromSnapshot, rebuilt)
	if rebuilt[0].Total == first[0].Total && rebuilt[5].Total == first[5].Total {
		t.Errorf("the changes changed no result: the test tests nothing")
	}

	for _, c := range []struct{ name, spoil string }{
		{"damaged", `UPDATE search_snapshot SET data = substr(data, 1, length(data) - 1)`},
		{"of another schema", `UPDATE search_snapshot SET schema_version = schema_version - 1`},
		{"of other logic", `UPDATE search_snapshot SET logic = 'search-index-0'`},
	} {
		var made sources
		got := process(c.name, func(s *sqlstore.Store) {
			if _, err := s.SearchPage(ctx, queries[0]); err != nil { // a snapshot of the state
				t.Fatal(err)
			}
		})
		same(c.name+": kept", got, rebuilt)
		got = process(c.name, func(s *sqlstore.Store) {
			if _, err := s.DB().ExecContext(ctx, c.spoil); err != nil {
				t.Fatal(err)
			}
			if _, err := s.SearchPage(ctx, queries[0]); err != nil {
				t.Fatal(err)
			}
			made = howMade(s)
		})
		if want := (sources{builds: 1}); made != want {
			t.Errorf("a snapshot %s: index made %+v, want %+v", c.name, made, want)
		}
		same(c.name, got, rebuilt)
	}
}

// Of two servers that write the snapshot, the one of the later state
// stays, whichever writes last.
func TestSearchSnapshotNewerStays(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		for _, d := range labelledDocs(3) {
			mustCreate(t, s, d)
		}
		if _, err := s.SearchPage(ctx, entente.SearchQuery{Text: "cooperate"}); err != nil {
			t.Fatal(err)
		}
		saved := func() (events int64) {
			t.Helper()
			if err := s.DB().QueryRowContext(ctx, `SELECT events FROM search_snapshot`).Scan(&events); err != nil {
				t.Fatal(err)
			}
			return events
		}
		for _, c := range []struct {
			events, want int64
		}{{100, 100}, {90, 100}, {100, 100}, {120, 120}, {7, 120}} {
			if err := sqlstore.SaveSearchSnapshotAt(ctx, s, c.events); err != nil {
				t.Fatal(err)
			}
			if got := saved(); got != c.want {
				t.Errorf("a snapshot of event %d written: the one kept is of event %d, want %d", c.events, got, c.want)
			}
		}
	})
}
