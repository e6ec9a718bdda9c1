package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/sqlstore"
)

func mustOpen(tb testing.TB, path string) *sqlstore.Store {
	tb.Helper()
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// queryPlan is SQLite's plan of query, its steps joined by "; ".
func queryPlan(t *testing.T, db *sql.DB, query string, args ...any) string {
	t.Helper()
	rows, err := db.Query(`EXPLAIN QUERY PLAN `+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(plan, "; ")
}

// planCase is a query whose plan names want and not not.
type planCase struct{ query, want, not string }

// checkPlans checks each case's plan on db.
func checkPlans(t *testing.T, db *sql.DB, cases []planCase) {
	t.Helper()
	for _, c := range cases {
		p := queryPlan(t, db, c.query)
		if !strings.Contains(p, c.want) || strings.Contains(p, c.not) {
			t.Errorf("%s:\nplan %q, want %q and not %q", c.query, p, c.want, c.not)
		}
	}
}

var (
	extractorOnce sync.Once
	extractor     *extract.Extractor
)

// statement returns the development statement as a new document; n makes
// its bytes and text unique, so that it can be stored many times.
func statement(tb testing.TB, n int) *entente.NewDocument {
	tb.Helper()
	b, err := os.ReadFile("../testdata/corpus/cn-rs-2024-joint-statement.zh.txt")
	if err != nil {
		tb.Fatal(err)
	}
	extractorOnce.Do(func() {
		if extractor, err = extract.New("zh"); err != nil {
			tb.Fatal(err)
		}
	})
	text := string(b)
	if n > 0 {
		text += strings.Repeat("。", n) // a different text, the same sentences
	}
	return &entente.NewDocument{
		Extraction: extractor.Extract(text), Text: text, Extractor: "extract/zh",
		Source:   entente.Source{Name: "statement.txt", Format: "text", Encoding: "utf-8"},
		Original: []byte(text),
	}
}

// TestReadersDuringWrite holds a write transaction open and checks that
// readers neither wait for it nor see it (WAL), then that they see it once
// it commits.
func TestReadersDuringWrite(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, filepath.Join(t.TempDir(), "entente.db"))
	id, err := s.CreateDocument(ctx, statement(t, 0))
	if err != nil {
		t.Fatal(err)
	}
	tx, err := s.DB().BeginTx(ctx, nil) // BEGIN IMMEDIATE: holds the write lock
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}

	rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 4 {
		wg.Go(func() {
			for range 10 {
				if _, err := s.Document(rctx, id); err != nil {
					errs <- err
					return
				}
				hits, err := s.Search(rctx, entente.SearchQuery{Text: "铁路"})
				if err != nil || len(hits) == 0 {
					errs <- errors.Join(err, errors.New("no hits during the write"))
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("reader during a write: %v", err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Document(ctx, id); !errors.Is(err, entente.ErrNotFound) {
		t.Errorf("after the commit: %v, want ErrNotFound", err)
	}
}

// TestConcurrentWriters writes from two stores on one file, as two
// processes would, while a third reads: BEGIN IMMEDIATE and busy_timeout
// make the writers queue, never fail with "database is locked".
func TestConcurrentWriters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "entente.db")
	a, b := mustOpen(t, path), mustOpen(t, path)
	docs := make([]*entente.NewDocument, 16)
	for i := range docs {
		docs[i] = statement(t, i+1)
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(docs)+1)
	for i, d := range docs {
		s := a
		if i%2 == 1 {
			s = b
		}
		wg.Go(func() {
			if _, err := s.CreateDocument(ctx, d); err != nil {
				errs <- err
			}
		})
	}
	wg.Go(func() {
		for range 20 {
			if _, err := b.Search(ctx, entente.SearchQuery{Text: "签证"}); err != nil {
				errs <- err
				return
			}
		}
	})
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent write: %v", err)
	}
	ds, err := a.Documents(ctx, entente.DocumentFilter{})
	if err != nil || len(ds) != len(docs) {
		t.Errorf("%d documents after concurrent writes, want %d (%v)", len(ds), len(docs), err)
	}
	if err := a.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
}

// TestBackup copies the database while a write transaction is open: the
// copy opens, holds what was committed and not what was not; an existing
// file is never overwritten.
func TestBackup(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := mustOpen(t, filepath.Join(dir, "entente.db"))
	id, err := s.CreateDocument(ctx, statement(t, 0))
	if err != nil {
		t.Fatal(err)
	}
	tx, err := s.DB().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE id = $1`, id); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(dir, "backup.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	tx.Rollback()

	c := mustOpen(t, backup)
	d, err := c.Document(ctx, id)
	if err != nil {
		t.Fatalf("document in the backup: %v", err)
	}
	if len(d.Extraction.Sentences) == 0 {
		t.Error("the backup's document has no sentences")
	}
	if hits, err := c.Search(ctx, entente.SearchQuery{Text: "铁路"}); err != nil || len(hits) == 0 {
		t.Errorf("search in the backup: %d hits, %v", len(hits), err)
	}
	if err := c.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}

	if err := s.Backup(ctx, backup); err == nil || !strings.Contains(err.Error(), "exists") {
		t.Errorf("backup over an existing file: %v, want a refusal", err)
	}
}

// TestIntegrityCheck finds a row whose parent is gone.
func TestIntegrityCheck(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "entente.db")
	s := mustOpen(t, path)
	if _, err := s.CreateDocument(ctx, statement(t, 0)); err != nil {
		t.Fatal(err)
	}
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Fatalf("a fresh store: %v", err)
	}
	// Another program, with foreign keys off, leaves an orphan.
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(0)&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`INSERT INTO relationships (document_id, sentence_id, party_a, party_b, designation, created_at)
		VALUES (999999, NULL, 'CN', 'RS', 'partnership', '2026-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	if err := s.IntegrityCheck(ctx); err == nil || !strings.Contains(err.Error(), "relationships") {
		t.Errorf("IntegrityCheck with an orphan row = %v", err)
	}
}

func TestOpenNeedsAPath(t *testing.T) {
	for _, p := range []string{"", ":memory:", "file:x.db"} {
		if s, err := sqlite.Open(context.Background(), p); err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", p)
		}
	}
	// Characters that a URI would read as syntax are part of the name.
	path := filepath.Join(t.TempDir(), "a?b#c%d.db")
	mustOpen(t, path)
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database file: %v", err)
	}
}

// TestPragmas: the writer has the settings the store relies on (WAL, a
// sync at every commit, foreign keys, its page cache), and a new database
// has pages of 4 KB; a database made with 8 KB pages (as the store made
// them from its eighth round of batch ingest to its thirtieth session)
// keeps them and is written and read as before, and its backup has pages
// of 4 KB.
func TestPragmas(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	n := 0 // a new statement for each store checked
	check := func(t *testing.T, s *sqlstore.Store, pageSize int) {
		t.Helper()
		n++
		db := s.DB()
		// pragma reads the writer's setting of name into dst
		pragma := func(name string, dst any) {
			t.Helper()
			if err := db.QueryRowContext(ctx, "PRAGMA "+name).Scan(dst); err != nil {
				t.Fatalf("PRAGMA %s: %v", name, err)
			}
		}
		var mode string
		var sync, fk, size int
		pragma("journal_mode", &mode)
		pragma("synchronous", &sync)
		pragma("foreign_keys", &fk)
		pragma("page_size", &size)
		if mode != "wal" || sync != 2 || fk != 1 || size != pageSize {
			t.Errorf("journal_mode %s, synchronous %d, foreign_keys %d, page_size %d; want wal, 2 (FULL), 1, %d",
				mode, sync, fk, size, pageSize)
		}
		// the writer's cache: 4 MB kept, 8,192 pages changed before a spill,
		// statement journals in memory
		var cache, spill, temp int
		pragma("cache_size", &cache)
		pragma("cache_spill", &spill)
		pragma("temp_store", &temp)
		var autocheckpoint int
		pragma("wal_autocheckpoint", &autocheckpoint)
		if autocheckpoint != 8000 {
			t.Errorf("the writer checkpoints its log every %d pages, want 8000", autocheckpoint)
		}
		if cache != -4096 || spill != 8192 || temp != 2 {
			t.Errorf("cache_size %d, cache_spill %d, temp_store %d; want -4096, 8192, 2 (MEMORY)", cache, spill, temp)
		}
		if _, err := s.CreateDocument(ctx, statement(t, n)); err != nil {
			t.Fatal(err)
		}
		if hits, err := s.Search(ctx, entente.SearchQuery{Text: "铁路"}); err != nil || len(hits) == 0 {
			t.Errorf("search: %d hits, %v", len(hits), err)
		}
		if err := s.IntegrityCheck(ctx); err != nil {
			t.Error(err)
		}
	}
	t.Run("new", func(t *testing.T) {
		check(t, mustOpen(t, filepath.Join(dir, "new.db")), 4096)
	})
	t.Run("8 KB pages", func(t *testing.T) {
		path := filepath.Join(dir, "old.db")
		// a database made before: 8 KB pages, WAL
		db, err := sql.Open("sqlite", "file:"+path+"?_pragma=page_size(8192)&_journal_mode=WAL")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExecContext(ctx, "CREATE TABLE made_before (x)"); err != nil {
			t.Fatal(err)
		}
		db.Close()
		s := mustOpen(t, path)
		check(t, s, 8192)
		// a backup is a new file: VACUUM INTO writes it with the pages
		// the connection asks for
		backup := filepath.Join(dir, "backup.db")
		if err := s.Backup(ctx, backup); err != nil {
			t.Fatal(err)
		}
		check(t, mustOpen(t, backup), 4096)
	})
}
