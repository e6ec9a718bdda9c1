package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlite"
)

// fuzzServer is one server on SQLite with an admin token, for the fuzzers:
// a request decoder must answer any input with a 4xx or a 2xx, never a 5xx
// and never a panic.
func fuzzServer(f *testing.F) (http.Handler, string) {
	st, err := sqlite.Open(context.Background(), filepath.Join(f.TempDir(), "entente.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	h := newHarness(f, st, false)
	return h.srv.Handler(), h.tokens[entente.RoleAdmin]
}

func serve(h http.Handler, r *http.Request) int {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Code
}

func FuzzLoginBody(f *testing.F) {
	h, _ := fuzzServer(f)
	f.Add(`{"name":"admin-user","password":"x"}`)
	f.Add(`{"name":1}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, body string) {
		r := httptest.NewRequest("POST", "/api/v1/session", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		if code := serve(h, r); code >= 500 {
			t.Fatalf("login with %q: %d", body, code)
		}
	})
}

func FuzzTokenBody(f *testing.F) {
	h, tok := fuzzServer(f)
	f.Add(`{"name":"script"}`, "application/json")
	f.Add(`{"name":""}`, "text/plain")
	f.Fuzz(func(t *testing.T, body, ctype string) {
		r := httptest.NewRequest("POST", "/api/v1/tokens", strings.NewReader(body))
		r.Header.Set("Content-Type", ctype)
		r.Header.Set("Authorization", "Bearer "+tok)
		if code := serve(h, r); code >= 500 {
			t.Fatalf("token with %q (%q): %d", body, ctype, code)
		}
	})
}

func FuzzSearchQuery(f *testing.F) {
	h, tok := fuzzServer(f)
	f.Add("铁路", "commitment", "20", "2024-01-01")
	f.Add("", "x", "-1", "yesterday")
	f.Fuzz(func(t *testing.T, q, typ, limit, from string) {
		v := url.Values{"q": {q}, "type": {typ}, "limit": {limit}, "from": {from}}
		r := httptest.NewRequest("GET", "/api/v1/search?"+v.Encode(), nil)
		r.Header.Set("Authorization", "Bearer "+tok)
		if code := serve(h, r); code >= 500 {
			t.Fatalf("search %v: %d", v, code)
		}
	})
}

func FuzzUploadBody(f *testing.F) {
	h, tok := fuzzServer(f)
	f.Add("--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\n双方同意。\r\n--x--\r\n", "x")
	f.Add("garbage", "")
	f.Fuzz(func(t *testing.T, body, boundary string) {
		r := httptest.NewRequest("POST", "/api/v1/documents", strings.NewReader(body))
		r.Header.Set("Content-Type", "multipart/form-data; boundary="+boundary)
		r.Header.Set("Authorization", "Bearer "+tok)
		if code := serve(h, r); code >= 500 {
			t.Fatalf("upload %q: %d", body, code)
		}
	})
}
