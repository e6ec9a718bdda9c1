// Package storetest opens the two real stores for tests, so that a
// stage's tests run on SQLite and on PostgreSQL alike without each
// package writing its own openers.
package storetest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/sqlstore"
)

// SQLite opens a new SQLite store in the test's temporary folder, closed
// when the test ends.
func SQLite(tb testing.TB) *sqlstore.Store {
	tb.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "entente.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// Postgres opens a store on a schema of its own in the test database
// (pgtest.DSN skips, or under CI fails, when there is none).
func Postgres(tb testing.TB) *sqlstore.Store {
	tb.Helper()
	s, err := postgres.Open(context.Background(), pgtest.DSN(tb))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// ForEach runs fn as a parallel subtest on a new SQLite store and on a new
// PostgreSQL store.
func ForEach(t *testing.T, fn func(t *testing.T, s *sqlstore.Store)) {
	for _, st := range []struct {
		name string
		open func(testing.TB) *sqlstore.Store
	}{{"sqlite", SQLite}, {"postgres", Postgres}} {
		t.Run(st.name, func(t *testing.T) {
			t.Parallel()
			fn(t, st.open(t))
		})
	}
}
