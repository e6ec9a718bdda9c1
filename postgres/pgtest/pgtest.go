// Package pgtest gives each test its own PostgreSQL schema in the database
// that ENTENTE_TEST_POSTGRES names (scripts/test-postgres.sh starts one and
// prints its DSN), so that storage tests run against a real server, in
// parallel, without seeing each other's rows.
package pgtest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/entente/entente/internal/skip"
)

// Env is the variable that names the test database.
const Env = "ENTENTE_TEST_POSTGRES"

// SkipMessage is printed, once per test binary, when Env is not set.
const SkipMessage = "SKIPPED PostgreSQL: set " + Env + " (scripts/test-postgres.sh prints a DSN)"

var (
	warnOnce sync.Once
	adminMu  sync.Mutex
	admin    *sql.DB
)

// DSN returns the DSN of a new, empty schema in the test database, dropped
// with everything in it when tb ends. Without ENTENTE_TEST_POSTGRES it skips
// tb with a loud line on stderr, or fails it when CI=true: CI must test
// PostgreSQL, not skip it.
func DSN(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(Env)
	if base == "" {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("%s is not set and CI=true: CI must start PostgreSQL (scripts/test-postgres.sh) and export it", Env)
		}
		warnOnce.Do(func() { fmt.Fprintf(os.Stderr, "\n*** %s ***\n\n", SkipMessage) })
		skip.Group(tb, "PostgreSQL", Env+" not set: scripts/test-postgres.sh starts a server, Debian postgresql-15")
	}
	db, err := adminDB(base)
	if err != nil {
		tb.Fatalf("pgtest: connect to %s: %v", Env, err)
	}
	b := make([]byte, 8)
	rand.Read(b)
	schema := "test_" + hex.EncodeToString(b)
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		tb.Fatalf("pgtest: create schema: %v", err)
	}
	tb.Cleanup(func() {
		// The drop locks every table of the schema in turn; a transaction
		// still finishing in it (a server's background work the test
		// outlived by a moment) can deadlock with it, and PostgreSQL then
		// aborts one of the two. The drop is tried again rather than
		// failing a test that passed.
		var err error
		for try := range 5 {
			if _, err = db.Exec("SET client_min_messages = warning; DROP SCHEMA " + schema + " CASCADE"); err == nil ||
				!strings.Contains(err.Error(), "40P01") {
				break
			}
			time.Sleep(time.Duration(try+1) * 100 * time.Millisecond)
		}
		if err != nil {
			tb.Errorf("pgtest: drop schema %s: %v", schema, err)
		}
	})
	return WithSearchPath(base, schema)
}

// WithSearchPath returns dsn with its search_path set to schema.
func WithSearchPath(dsn, schema string) string {
	if u, err := url.Parse(dsn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		return u.String()
	}
	return strings.TrimSpace(dsn) + " search_path=" + schema
}

func adminDB(dsn string) (*sql.DB, error) {
	adminMu.Lock()
	defer adminMu.Unlock()
	if admin != nil {
		return admin, nil
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	db.SetMaxOpenConns(4)
	admin = db
	return admin, nil
}
