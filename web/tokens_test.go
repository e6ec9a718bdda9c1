package web

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/cookiejar"
	"path/filepath"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlite"
)

// session signs in with a cookie jar of its own.
func (h *harness) session(name, password string) *http.Client {
	h.t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.Post(h.ts.URL+"/api/v1/session", "application/json", jsonBody(map[string]string{"name": name, "password": password}))
	if err != nil {
		h.t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		h.t.Fatalf("sign in as %s: %d", name, resp.StatusCode)
	}
	return c
}

// call sends a JSON request with a client (a session) or a bearer token.
func (h *harness) call(c *http.Client, token, method, path string, body any) (int, []byte) {
	h.t.Helper()
	req, _ := http.NewRequest(method, h.ts.URL+path, nil)
	if body != nil {
		req, _ = http.NewRequest(method, h.ts.URL+path, jsonBody(body))
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if c == nil {
		c = http.DefaultClient
	}
	resp, err := c.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	var buf [1 << 16]byte
	n, _ := resp.Body.Read(buf[:])
	return resp.StatusCode, buf[:n]
}

func (h *harness) newToken(c *http.Client, bearer string, scopes ...string) (int, string) {
	h.t.Helper()
	body := map[string]any{"name": "script"}
	if len(scopes) > 0 {
		body["scopes"] = scopes
	}
	code, data := h.call(c, bearer, "POST", "/api/v1/tokens", body)
	var nt NewToken
	json.Unmarshal(data, &nt)
	return code, nt.Token
}

// TestTokenScope: a token made without the scope "tokens" cannot make
// tokens; one made with it can; a session can always.
func TestTokenScope(t *testing.T) {
	forEachStore(t, func(t *testing.T, h *harness) {
		c := h.session("analyst-user", testPassword)
		code, plain := h.newToken(c, "")
		if code != http.StatusCreated || plain == "" {
			t.Fatalf("a session makes a token: %d", code)
		}
		if code, _ := h.call(nil, plain, "GET", "/api/v1/documents", nil); code != http.StatusOK {
			t.Errorf("a plain token reads: %d", code)
		}
		if code, _ := h.newToken(nil, plain); code != http.StatusForbidden {
			t.Errorf("a plain token makes a token: %d, want 403", code)
		}
		if code, _ := h.newToken(nil, plain, "tokens"); code != http.StatusForbidden {
			t.Errorf("a plain token makes a token with more scope: %d, want 403", code)
		}
		code, minting := h.newToken(c, "", "tokens")
		if code != http.StatusCreated {
			t.Fatalf("a session makes a token with the scope: %d", code)
		}
		if code, child := h.newToken(nil, minting); code != http.StatusCreated || child == "" {
			t.Errorf("a token with the scope makes a token: %d", code)
		}
		if code, _ := h.call(nil, h.tokens[entente.RoleAdmin], "POST", "/api/v1/tokens", map[string]any{"name": "x", "scopes": []string{"admin"}}); code != http.StatusUnprocessableEntity {
			t.Errorf("an unknown scope: %d, want 422", code)
		}
	})
}

// TestPasswordChange: changing one's password revokes every API token of
// the account and ends its other sessions; the session that changed it
// stays; the old password no longer opens anything.
func TestPasswordChange(t *testing.T) {
	forEachStore(t, func(t *testing.T, h *harness) {
		here := h.session("editor-user", testPassword)
		elsewhere := h.session("editor-user", testPassword)
		_, tok := h.newToken(here, "")
		newPassword := "a much better passphrase"
		if code, _ := h.call(here, "", "POST", "/api/v1/password", map[string]string{"current": "not the password", "new": newPassword}); code != http.StatusForbidden {
			t.Errorf("a wrong current password: %d, want 403", code)
		}
		if code, _ := h.call(here, "", "POST", "/api/v1/password", map[string]string{"current": testPassword, "new": "short"}); code != http.StatusUnprocessableEntity {
			t.Errorf("a too short new password: %d, want 422", code)
		}
		if code, data := h.call(here, "", "POST", "/api/v1/password", map[string]string{"current": testPassword, "new": newPassword}); code != http.StatusNoContent {
			t.Fatalf("change the password: %d %s", code, data)
		}
		for _, c := range []struct {
			name   string
			client *http.Client
			token  string
			want   int
		}{
			{"the session that changed it", here, "", http.StatusOK},
			{"another session", elsewhere, "", http.StatusUnauthorized},
			{"a token made before", nil, tok, http.StatusUnauthorized},
			{"the harness's token", nil, h.tokens[entente.RoleEditor], http.StatusUnauthorized},
			{"another account's token", nil, h.tokens[entente.RoleViewer], http.StatusOK},
		} {
			if code, _ := h.call(c.client, c.token, "GET", "/api/v1/session", nil); code != c.want {
				t.Errorf("%s after the change: %d, want %d", c.name, code, c.want)
			}
		}
		if code, _ := h.signInFrom("", "editor-user", testPassword); code != http.StatusUnauthorized {
			t.Errorf("the old password: %d, want 401", code)
		}
		if code, _ := h.signInFrom("", "editor-user", newPassword); code != http.StatusOK {
			t.Errorf("the new password: %d, want 200", code)
		}
		events, _ := h.store.Events(t.Context(), 0, 1000)
		found := false
		for _, e := range events {
			found = found || (e.Action == "change_password" && e.Actor == "editor-user")
		}
		if !found {
			t.Error("the change is not in the event log")
		}
	})
}

// brokenStore fails every read of accounts, as a store does when its
// database is down.
type brokenStore struct {
	fullStore
	broken bool
}

var errDown = errors.New("database is down")

func (b *brokenStore) TokenUser(ctx context.Context, hash string, now time.Time) (*entente.User, error) {
	if b.broken {
		return nil, errDown
	}
	return b.fullStore.TokenUser(ctx, hash, now)
}

func (b *brokenStore) SessionUser(ctx context.Context, hash string, now time.Time) (*entente.User, error) {
	if b.broken {
		return nil, errDown
	}
	return b.fullStore.SessionUser(ctx, hash, now)
}

// TestStoreDownIsNot401: when the store fails, a token or a session is
// answered 503 with Retry-After, not 401 (the caller may well be valid).
func TestStoreDownIsNot401(t *testing.T) {
	st := &brokenStore{fullStore: openSQLite(t)}
	h := newHarness(t, st, false)
	c := h.session("viewer-user", testPassword)
	st.broken = true
	for name, send := range map[string]func() *http.Response{
		"token": func() *http.Response {
			req, _ := http.NewRequest("GET", h.ts.URL+"/api/v1/documents", nil)
			req.Header.Set("Authorization", "Bearer "+h.tokens[entente.RoleViewer])
			resp, _ := http.DefaultClient.Do(req)
			return resp
		},
		"session": func() *http.Response { resp, _ := c.Get(h.ts.URL + "/api/v1/documents"); return resp },
		"page":    func() *http.Response { resp, _ := c.Get(h.ts.URL + "/"); return resp },
	} {
		resp := send()
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
			t.Errorf("%s with the store down: %d (Retry-After %q), want 503 with Retry-After", name, resp.StatusCode, resp.Header.Get("Retry-After"))
		}
	}
}

// TestTokenDuringWriteLock: while another process holds SQLite's write
// lock (a long upload, a backup), scripts' token requests are answered at
// once; the token's last use is recorded when the server closes.
func TestTokenDuringWriteLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "entente.db")
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h := newHarness(t, st, false)
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(100)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, q := range []string{"BEGIN IMMEDIATE", "UPDATE users SET name = name"} {
		if _, err := conn.ExecContext(context.Background(), q); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	code, _ := h.call(nil, h.tokens[entente.RoleViewer], "GET", "/api/v1/session", nil)
	if d := time.Since(start); code != http.StatusOK || d > time.Second {
		t.Errorf("a token request under a held write lock: %d after %s, want 200 at once", code, d)
	}
	conn.ExecContext(context.Background(), "ROLLBACK")
	if err := h.srv.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	toks, err := st.Tokens(context.Background(), h.users[entente.RoleViewer].ID)
	if err != nil || len(toks) != 1 || toks[0].LastUsed == nil {
		t.Errorf("the token's last use after Close: %+v %v", toks, err)
	}
}
