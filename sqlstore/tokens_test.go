package sqlstore_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/testload"
	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/sqlstore"
)

// lockedStores open a store and a second connection to the same database
// that takes its write lock (SQLite) or locks the token table against
// writes (PostgreSQL) until the returned release is called.
var lockedStores = []struct {
	name string
	open func(t *testing.T) (s *sqlstore.Store, lock func() (release func()))
}{
	{"sqlite", func(t *testing.T) (*sqlstore.Store, func() func()) {
		path := filepath.Join(t.TempDir(), "entente.db")
		s, err := sqlite.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s, func() func() {
			return holdLock(t, "sqlite", "file:"+path+"?_pragma=busy_timeout(100)", "BEGIN IMMEDIATE", "UPDATE users SET name = name")
		}
	}},
	{"postgres", func(t *testing.T) (*sqlstore.Store, func() func()) {
		dsn := pgtest.DSN(t)
		s, err := postgres.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s, func() func() {
			return holdLock(t, "pgx", dsn, "BEGIN", "LOCK TABLE api_tokens IN EXCLUSIVE MODE")
		}
	}},
}

// holdLock runs stmts on one connection of its own and keeps the
// transaction open until release.
func holdLock(t *testing.T, driver, dsn string, stmts ...string) func() {
	t.Helper()
	db, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range stmts {
		if _, err := conn.ExecContext(context.Background(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return func() {
		conn.ExecContext(context.Background(), "ROLLBACK")
		conn.Close()
		db.Close()
	}
}

// TestTokenUserReadsOnly: a token is checked while another connection holds
// the write lock, at once, because checking writes nothing; the last use is
// recorded later, in a batch, once the lock is gone.
func TestTokenUserReadsOnly(t *testing.T) {
	for _, st := range lockedStores {
		t.Run(st.name, func(t *testing.T) {
			t.Parallel()
			s, lock := st.open(t)
			ctx := context.Background()
			u := &entente.User{Name: "ana", Role: entente.RoleAnalyst, PasswordHash: "h"}
			if _, err := s.CreateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
			if _, err := s.CreateToken(ctx, &entente.APIToken{UserID: u.ID, Name: "script", Hash: "t1"}); err != nil {
				t.Fatal(err)
			}
			release := lock()
			qctx, cancel := context.WithTimeout(ctx, time.Second)
			start := time.Now()
			got, err := s.TokenUser(qctx, "t1", time.Now())
			cancel()
			if err != nil || got.ID != u.ID {
				t.Errorf("TokenUser under a held write lock: %v, %v", got, err)
			}
			if d, bound := time.Since(start), testload.WallBound(500*time.Millisecond); d > bound {
				t.Errorf("TokenUser under a held write lock took %s, more than %s", d, bound)
			}
			release()
			when := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
			if err := s.TouchTokens(ctx, map[string]time.Time{"t1": when}); err != nil {
				t.Fatal(err)
			}
			toks, err := s.Tokens(ctx, u.ID)
			if err != nil || len(toks) != 1 || toks[0].LastUsed == nil || !toks[0].LastUsed.Equal(when) {
				t.Errorf("last use after TouchTokens: %+v, %v", toks, err)
			}
		})
	}
}

// TestChangePassword: a new password revokes every token of the account
// and ends its sessions but the one kept; other accounts keep theirs.
func TestChangePassword(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		now := fixed
		var ids [2]int64
		for i, name := range []string{"ana", "bob"} {
			u := &entente.User{Name: name, Role: entente.RoleAnalyst, PasswordHash: "old"}
			if _, err := s.CreateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
			ids[i] = u.ID
			for _, h := range []string{name + "-s1", name + "-s2"} {
				if err := s.CreateSession(ctx, h, u.ID, now.Add(time.Hour)); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := s.CreateToken(ctx, &entente.APIToken{UserID: u.ID, Name: "script", Hash: name + "-t"}); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.ChangePassword(ctx, ids[0], "new", "ana-s1"); err != nil {
			t.Fatal(err)
		}
		if u, err := s.UserByID(ctx, ids[0]); err != nil || u.PasswordHash != "new" {
			t.Errorf("the hash after the change: %+v %v", u, err)
		}
		open := func(kind, h string) bool {
			var err error
			if kind == "token" {
				_, err = s.TokenUser(ctx, h, now)
			} else {
				_, err = s.SessionUser(ctx, h, now)
			}
			if err != nil && !errors.Is(err, entente.ErrNotFound) {
				t.Fatal(err)
			}
			return err == nil
		}
		for _, c := range []struct {
			kind, hash string
			want       bool
		}{
			{"token", "ana-t", false}, {"session", "ana-s1", true}, {"session", "ana-s2", false},
			{"token", "bob-t", true}, {"session", "bob-s1", true}, {"session", "bob-s2", true},
		} {
			if got := open(c.kind, c.hash); got != c.want {
				t.Errorf("%s %s opens: %v, want %v", c.kind, c.hash, got, c.want)
			}
		}
		// the administrator's reset (SetPassword) keeps nothing
		if err := s.SetPassword(ctx, ids[0], "newer"); err != nil {
			t.Fatal(err)
		}
		if open("session", "ana-s1") {
			t.Error("a session survived SetPassword")
		}
		if err := s.ChangePassword(ctx, 424242, "x", ""); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("an unknown account: %v", err)
		}
	})
}
