package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
)

// TestSetUpHint: an instance with no accounts serves nothing but the hint
// on how to create the first admin (health checks aside), until one exists.
func TestSetUpHint(t *testing.T) {
	st := openSQLite(t)
	srv, err := New(Config{Store: st, PasswordParams: auth.Fast})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close(context.Background()) })
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	for _, path := range []string{"/", "/api/v1/documents", "/api/openapi.json", "/api/v1/session"} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), "entente user add NAME --role admin") {
			t.Errorf("%s: %d %q, want the set-up hint", path, resp.StatusCode, body)
		}
	}
	if resp, err := http.Get(ts.URL + "/healthz"); err != nil || resp.StatusCode != 200 {
		t.Errorf("healthz during set-up: %v %v", resp, err)
	}
	hash, _ := auth.Hash(testPassword, auth.Fast)
	if _, err := st.CreateUser(context.Background(), &entente.User{Name: "root", Role: entente.RoleAdmin, PasswordHash: hash}); err != nil {
		t.Fatal(err)
	}
	if resp, err := http.Get(ts.URL + "/api/v1/documents"); err != nil || resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("after the first account: %v %v, want 401", resp, err)
	}
}

// TestPublicRead: with --public-read anonymous visitors read and search,
// and still change nothing.
func TestPublicRead(t *testing.T) {
	st := openSQLite(t)
	h := newHarness(t, st, true)
	h.upload(entente.RoleAnalyst, map[string][]byte{"rs.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")})
	for path, want := range map[string]int{
		"/api/v1/documents":          200,
		"/api/v1/documents/1":        200,
		"/api/v1/search?q=%E9%93%81": 200,
		"/api/v1/users":              401,
		"/api/v1/tokens":             401,
	} {
		if resp, data := h.do("", "GET", path, nil, ""); resp.StatusCode != want {
			t.Errorf("anonymous GET %s: %d, want %d: %s", path, resp.StatusCode, want, clip(data))
		}
	}
	if resp, _ := h.do("", "DELETE", "/api/v1/documents/1", nil, ""); resp.StatusCode != 401 {
		t.Errorf("anonymous delete: %d, want 401", resp.StatusCode)
	}
}

// TestGracefulShutdown: when the context ends, a request in flight still
// gets its answer, and Run returns.
func TestGracefulShutdown(t *testing.T) {
	started := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(300 * time.Millisecond)
		io.WriteString(w, "finished")
	})
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, "127.0.0.1:0", slow, slog.New(slog.DiscardHandler), func(a string) { addrc <- a })
	}()
	addr := <-addrc
	got := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + addr + "/")
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- string(b)
	}()
	<-started
	cancel()
	if body := <-got; body != "finished" {
		t.Errorf("the request in flight got %q", body)
	}
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
}

// TestCrossSiteRequests: a state-changing request sent by another site's
// page is refused, whatever cookie it carries; reads and same-site or
// non-browser requests go through.
func TestCrossSiteRequests(t *testing.T) {
	st := openSQLite(t)
	h := newHarness(t, st, false)
	send := func(method, path string, header map[string]string) int {
		req, _ := http.NewRequest(method, h.ts.URL+path, strings.NewReader(`{"name":"x"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+h.tokens[entente.RoleAdmin])
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	cross := map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}
	if code := send("POST", "/api/v1/tokens", cross); code != http.StatusForbidden {
		t.Errorf("cross-site POST: %d, want 403", code)
	}
	if code := send("DELETE", "/api/v1/documents/1", cross); code != http.StatusForbidden {
		t.Errorf("cross-site DELETE: %d, want 403", code)
	}
	if code := send("GET", "/api/v1/documents", cross); code != http.StatusOK {
		t.Errorf("cross-site GET: %d, want 200", code)
	}
	if code := send("POST", "/api/v1/tokens", map[string]string{"Sec-Fetch-Site": "same-origin"}); code != http.StatusCreated {
		t.Errorf("same-origin POST: %d, want 201", code)
	}
	if code := send("POST", "/api/v1/tokens", nil); code != http.StatusCreated {
		t.Errorf("a script's POST: %d, want 201", code)
	}
}
