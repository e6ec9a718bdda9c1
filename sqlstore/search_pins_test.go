package sqlstore_test

import (
	"context"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// Pinned matches outlive the process that pinned them: written down with
// the search index's snapshot, a row each, they are read by a store that
// opens the collection one at a time, as its searches need them; it
// answers their queries without reading the full-text index (the count
// ranking weighs a term by too, while the collection is as the snapshot
// found it), keeps them through a new statement (reading them all first)
// and writes them down again with its snapshot, and finds what a store
// that builds its index from every sentence finds. A snapshot of a later
// state whose searches find the same keeps the rows not read. A phrase is
// never pinned.
func TestPinnedMatchesOutliveTheProcess(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		path := t.TempDir() + "/entente.db"
		testPinnedMatchesOutliveTheProcess(t, func() (*sqlstore.Store, error) { return openSQLitePath(path) })
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		dsn := pgDSN(t)
		testPinnedMatchesOutliveTheProcess(t, func() (*sqlstore.Store, error) { return openPostgresDSN(dsn) })
	})
}

func testPinnedMatchesOutliveTheProcess(t *testing.T, open func() (*sqlstore.Store, error)) {
	ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "test", Via: "cli"})
	queries := []entente.SearchQuery{{Text: "合"}, {Text: "合作"}, {Text: "cooperate"}, {Text: "合作", Party: "HU"}, {Text: "全面战略伙伴关系"}}
	pinnable := []string{"合", "合作", "cooperate"}
	results := func(s *sqlstore.Store) []*entente.SearchResults {
		t.Helper()
		var out []*entente.SearchResults
		for _, q := range queries {
			q.Limit = 50
			r, err := s.SearchPage(ctx, q)
			if err != nil {
				t.Fatalf("%+v: %v", q, err)
			}
			out = append(out, r)
		}
		return out
	}
	built := func() []*entente.SearchResults {
		t.Helper()
		s, err := open()
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		sqlstore.IgnoreSearchSnapshot(s)
		return results(s)
	}

	first, err := open()
	if err != nil {
		t.Fatal(err)
	}
	searchCorpus(t, first)
	first.PinMatches = 2
	results(first)
	pinned := sqlstore.PinnedQueries(first)
	if len(pinned) != len(pinnable) {
		t.Fatalf("pinned %v; want the matches of %v, not the phrase's", pinned, pinnable)
	}
	first.Close() // waits for the snapshot the pins made it write
	if _, saved := sqlstore.IndexSnapshots(first); saved == 0 {
		t.Fatal("no snapshot saved after pinning")
	}
	rows := func(*sqlstore.Store) int {
		t.Helper()
		s, err := open()
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var n int
		if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM search_pins`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}

	if n := rows(first); n != len(pinnable) {
		t.Errorf("%d pinned rows written, want %d", n, len(pinnable))
	}
	// a command that searches one of them reads its row alone, and a
	// snapshot it writes of a later state (an event search cannot see)
	// keeps the others
	one, err := open()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := one.SearchPage(ctx, entente.SearchQuery{Text: "合作"}); err != nil {
		t.Fatal(err)
	}
	if read, listed := sqlstore.PinsRead(one), sqlstore.WordsListed(one); read != 1 || listed != 0 {
		t.Errorf("one search read %d pinned rows and listed %d queries' matches; want its row alone", read, listed)
	}
	if _, err := one.AppendEvent(ctx, entente.NewEvent(ctx, "set", "status", 0)); err != nil {
		t.Fatal(err)
	}
	if _, err := one.SearchPage(ctx, entente.SearchQuery{Text: "合作", Party: "CN"}); err != nil {
		t.Fatal(err)
	}
	if err := sqlstore.SaveSearchSnapshot(ctx, one); err != nil {
		t.Fatal(err)
	}
	one.Close()
	if n := rows(one); n != len(pinnable) {
		t.Errorf("%d pinned rows after a later snapshot, want %d", n, len(pinnable))
	}

	next, err := open()
	if err != nil {
		t.Fatal(err)
	}
	defer next.Close()
	next.SearchSnapshotAfter = 1
	got := results(next)
	if listed := sqlstore.WordsListed(next); listed != 0 {
		t.Errorf("a new process read %d queries' matches from the full-text index; want them from the snapshot", listed)
	}
	if n, ok := sqlstore.CachedDocumentFrequency(next, "合作"); !ok || n == 0 {
		t.Errorf("the term's count was not kept with its matches (%d, %v)", n, ok)
	}
	if diff := cmp.Diff(built(), got); diff != "" {
		t.Errorf("from the snapshot's pins (-built +pinned):\n%s", diff)
	}
	if !slices.Equal(sqlstore.PinnedQueries(next), pinned) {
		t.Errorf("the new process pins %v, the first pinned %v", sqlstore.PinnedQueries(next), pinned)
	}

	mustCreate(t, next, handDoc("zh", "后来的声明", "2026-03-01", []string{"CN", "HU"},
		sentence{text: "双方将加强铁路合作，推动全面战略伙伴关系。", typ: entente.Commitment, strength: entente.Firm, actors: []string{"CN", "HU"}, areas: []string{"infrastructure"}}))
	got = results(next)
	if listed := sqlstore.WordsListed(next); listed != 0 {
		t.Errorf("after a new statement, the searches read %d queries' matches from the full-text index; want the pinned kept", listed)
	}
	if diff := cmp.Diff(built(), got); diff != "" {
		t.Errorf("after a new statement (-built +pinned):\n%s", diff)
	}

	// written down again with the snapshot of the new state
	next.WaitBackground()
	last, err := open()
	if err != nil {
		t.Fatal(err)
	}
	defer last.Close()
	got = results(last)
	if listed := sqlstore.WordsListed(last); listed != 0 || rows(last) != len(pinnable) {
		t.Errorf("after the new statement's snapshot, %d listings and %d pinned rows; want none and %d", listed, rows(last), len(pinnable))
	}
	if diff := cmp.Diff(built(), got); diff != "" {
		t.Errorf("from the new snapshot's pins (-built +pinned):\n%s", diff)
	}
}

// PinCommon pins the matches of the characters and words the most
// sentences hold, those a search then answers without reading the
// full-text index; PostgreSQL, whose postings list them quickly, pins
// none.
func TestPinCommon(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		searchCorpus(t, s)
		if err := s.WarmSearch(ctx); err != nil {
			t.Fatal(err)
		}
		s.PinMatches = 20
		n, err := s.PinCommon(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if s.Dialect().Name() == "postgres" {
			if n != 0 {
				t.Errorf("PostgreSQL pinned %d queries", n)
			}
			return
		}
		pinned := sqlstore.PinnedQueries(s)
		if n == 0 || len(pinned) != n || !slices.Contains(pinned, "合") || !slices.Contains(pinned, "合作") {
			t.Fatalf("pinned %d: %v; want 合 and 合作 among them", n, pinned)
		}
		for _, p := range pinned {
			r, err := s.SearchPage(ctx, entente.SearchQuery{Text: p, Limit: 1})
			if err != nil {
				t.Fatal(err)
			}
			if r.Total < s.PinMatches {
				t.Errorf("%s pinned with %d matches, fewer than %d", p, r.Total, s.PinMatches)
			}
		}
		if listed := sqlstore.WordsListed(s); listed != int64(n) {
			t.Errorf("%d pinned, %d listings: their searches read them again", n, listed)
		}
	})
}
