package postgres_test

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
	"github.com/entente/entente/search"
	"github.com/entente/entente/sqlstore"
)

func mustOpen(tb testing.TB, dsn string) *sqlstore.Store {
	tb.Helper()
	s, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func TestBackupUnsupported(t *testing.T) {
	s := mustOpen(t, pgtest.DSN(t))
	err := s.Backup(context.Background(), "/tmp/entente.dump")
	if !errors.Is(err, entente.ErrUnsupported) || !strings.Contains(err.Error(), "pg_dump --format=custom --file=/tmp/entente.dump") {
		t.Errorf("Backup = %v, want ErrUnsupported with the pg_dump command", err)
	}
	if err := s.IntegrityCheck(context.Background()); !errors.Is(err, entente.ErrUnsupported) {
		t.Errorf("IntegrityCheck = %v, want ErrUnsupported", err)
	}
}

// TestConcurrentOpen opens one new database from several stores at once:
// the migration lock lets one migrate and the others see it done.
func TestConcurrentOpen(t *testing.T) {
	dsn := pgtest.DSN(t)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() {
			s, err := postgres.Open(context.Background(), dsn)
			if err != nil {
				errs <- err
				return
			}
			s.Close()
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent open: %v", err)
	}
	s := mustOpen(t, dsn)
	files, err := fs.Glob(postgres.Migrations(), "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != len(files) {
		t.Errorf("schema_migrations: %d rows, want %d; %v", n, len(files), err)
	}
}

// TestIndexText checks an index row's text against the server: the
// lexemes the GIN index reads of it are the analyzer's distinct tokens,
// without positions.
func TestIndexText(t *testing.T) {
	s := mustOpen(t, pgtest.DSN(t))
	for _, text := range []string{"一带一路，一带", "Cooperation, co-operation and cooperating", "O'Brien", `a\b 'x'`, "Đoković џак", ""} {
		toks := search.Tokens(text)
		var got []string
		rows, err := s.DB().Query(`SELECT lexeme, positions FROM unnest(array_to_tsvector(string_to_array($1, ' ')))`,
			postgres.IndexText(toks))
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		for rows.Next() {
			var (
				lex string
				pos sql.NullString
			)
			if err := rows.Scan(&lex, &pos); err != nil {
				t.Fatal(err)
			}
			if pos.Valid {
				t.Errorf("%q: lexeme %q has positions %s", text, lex, pos.String)
			}
			got = append(got, lex)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		want := slices.Clone(toks)
		slices.Sort(want)
		want = slices.Compact(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%q: server reads %q, analyzer gave %q", text, got, want)
		}
	}
}

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://u:secret@h:5432/db?sslmode=disable", "postgres://u:xxxxx@h:5432/db?sslmode=disable"},
		{"postgres://u@h/db", "postgres://u@h/db"},
		{"host=h user=u password=secret dbname=db", "host=h user=u password=xxxxx dbname=db"},
	}
	for _, tt := range tests {
		if got := postgres.Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOpenBadDSN(t *testing.T) {
	_, err := postgres.Open(context.Background(), "postgres://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
	if err == nil {
		t.Fatal("Open of an unreachable server succeeded")
	}
	if strings.Contains(err.Error(), "secret") {
		t.Errorf("the error shows the password: %v", err)
	}
}

// TestMatchIDsSQL runs the dialect's listing of full-text matches, which
// search reaches only for rows not yet folded into the postings: valid SQL
// of the server, one row, NULL when nothing matches.
func TestMatchIDsSQL(t *testing.T) {
	s := mustOpen(t, pgtest.DSN(t))
	ctx := context.Background()
	var d postgres.Dialect
	q := d.MatchIDs("$1", "$2", 10)
	var list sql.NullString
	if err := s.DB().QueryRowContext(ctx, q, d.MatchQuery(search.Query("铁路")), int64(0)).Scan(&list); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	if list.Valid {
		t.Errorf("an empty index lists %q", list.String)
	}
}
