package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
	"github.com/entente/entente/internal/syncbuf"
)

// TestSecurityHeaders: every response carries the security headers: API
// answers and refusals, pages, /static, originals, the set-up hint, the
// cross-origin refusal; and /static/ lists nothing.
func TestSecurityHeaders(t *testing.T) {
	st := openSQLite(t)
	h := newHarness(t, st, false)
	h.upload(entente.RoleAnalyst, map[string][]byte{"rs.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")})
	cases := []struct {
		name, method, path string
		token              entente.Role
		header             map[string]string
		want               int
	}{
		{"API list", "GET", "/api/v1/documents", entente.RoleViewer, nil, 200},
		{"API 401", "GET", "/api/v1/documents", "", nil, 401},
		{"API 403", "GET", "/api/v1/users", entente.RoleViewer, nil, 403},
		{"API 404", "GET", "/api/v1/documents/4242", entente.RoleViewer, nil, 404},
		{"API 422", "GET", "/api/v1/documents/x", entente.RoleViewer, nil, 422},
		{"unknown path", "GET", "/nothing-here", "", nil, 404},
		{"original", "GET", "/api/v1/sources/1/original", entente.RoleViewer, nil, 200},
		{"OpenAPI", "GET", "/api/openapi.json", "", nil, 200},
		{"health", "GET", "/healthz", "", nil, 200},
		{"static file", "GET", "/static/entente.css", "", nil, 200},
		{"static folder", "GET", "/static/", "", nil, 404},
		{"static subfolder", "GET", "/static/vendor/", "", nil, 404},
		{"sign-in page", "GET", "/login", "", nil, 200},
		{"page redirect", "GET", "/documents/1", "", nil, 303},
		{"cross-site refusal", "POST", "/api/v1/tokens", entente.RoleAdmin, map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
	}
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, tc := range cases {
		req, _ := http.NewRequest(tc.method, h.ts.URL+tc.path, nil)
		if tc.token != "" {
			req.Header.Set("Authorization", "Bearer "+h.tokens[tc.token])
		}
		for k, v := range tc.header {
			req.Header.Set(k, v)
		}
		resp, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, resp.StatusCode, tc.want)
		}
		checkSecurityHeaders(t, tc.name, resp.Header)
		if strings.HasPrefix(tc.path, "/static/") && strings.Contains(string(body), "<a href=") {
			t.Errorf("%s: a directory listing", tc.name)
		}
	}
	// the set-up hint of an instance without accounts
	bare, err := New(Config{Store: openSQLite(t), PasswordParams: auth.Fast})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bare.Close(context.Background()) })
	rec := httptest.NewRecorder()
	bare.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/documents", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("set-up hint: %d", rec.Code)
	}
	checkSecurityHeaders(t, "set-up hint", rec.Header())
}

func checkSecurityHeaders(t *testing.T, name string, h http.Header) {
	t.Helper()
	for header, want := range map[string]string{
		"Content-Security-Policy": "frame-ancestors 'none'",
		"X-Content-Type-Options":  "nosniff",
		"X-Frame-Options":         "DENY",
		"Referrer-Policy":         "same-origin",
	} {
		if !strings.Contains(h.Get(header), want) {
			t.Errorf("%s: %s is %q, want %q in it", name, header, h.Get(header), want)
		}
	}
}

// TestNoHostEcho: what a client sends as Host or X-Forwarded-Host comes
// back in no API body and no header.
func TestNoHostEcho(t *testing.T) {
	st := openSQLite(t)
	h := newHarness(t, st, false)
	for _, path := range []string{"/api/v1/documents", "/api/v1/session", "/api/v1/documents/4242", "/api/v1/tokens"} {
		req, _ := http.NewRequest("GET", h.ts.URL+path, nil)
		req.Host = "evil-host.example"
		req.Header.Set("X-Forwarded-Host", "evil-forwarded.example")
		req.Header.Set("Authorization", "Bearer "+h.tokens[entente.RoleViewer])
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var all bytes.Buffer
		all.Write(body)
		resp.Header.Write(&all)
		if strings.Contains(all.String(), "evil-") {
			t.Errorf("%s: the client's Host comes back: %s", path, clip(all.Bytes()))
		}
	}
}

// TestProblemsHideSecrets: a refused sign-in or password change does not
// send the submitted password back.
func TestProblemsHideSecrets(t *testing.T) {
	st := openSQLite(t)
	h := newHarness(t, st, false)
	secret := "Sup3rSecretPassphrase-" + strings.Repeat("x", 1100)
	cases := []struct {
		path string
		role entente.Role
		body any
	}{
		{"/api/v1/session", "", map[string]any{"name": "viewer-user", "password": secret}},
		{"/api/v1/session", "", map[string]any{"name": "", "password": secret[:30]}},
		{"/api/v1/session", "", map[string]any{"name": "viewer-user", "password": secret[:30], "extra": 1}},
		{"/api/v1/password", entente.RoleViewer, map[string]any{"current": secret[:30], "new": secret}},
	}
	for _, tc := range cases {
		resp, data := h.do(tc.role, "POST", tc.path, jsonBody(tc.body), "application/json")
		if resp.StatusCode != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d, want 422", tc.path, resp.StatusCode)
		}
		if strings.Contains(string(data), "Sup3rSecret") {
			t.Errorf("%s: the password comes back: %s", tc.path, clip(data))
		}
	}
}

// slowStore answers document lists only when the request is over.
type slowStore struct{ fullStore }

func (s slowStore) Documents(ctx context.Context, f entente.DocumentFilter) ([]entente.StoredDocument, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

// TestClientHangUp: a client that hangs up is logged as 499 at level
// INFO, not as a 500 and an internal error.
func TestClientHangUp(t *testing.T) {
	var logs syncbuf.Buffer
	st := slowStore{openSQLite(t)}
	h := newHarnessWith(t, st, Config{PasswordParams: auth.Fast, Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", h.ts.URL+"/api/v1/documents", nil)
	req.Header.Set("Authorization", "Bearer "+h.tokens[entente.RoleViewer])
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Fatal("the request was answered")
	}
	var line map[string]any
	deadline := time.Now().Add(3 * time.Second)
	for line == nil && time.Now().Before(deadline) {
		for _, l := range strings.Split(logs.String(), "\n") {
			var m map[string]any
			if json.Unmarshal([]byte(l), &m) == nil && m["msg"] == "request" && m["path"] == "/api/v1/documents" {
				line = m
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	if line == nil {
		t.Fatalf("no access log line: %s", logs.String())
	}
	if line["status"] != float64(statusClientClosed) {
		t.Errorf("a client that hung up logged with status %v, want %d", line["status"], statusClientClosed)
	}
	if strings.Contains(logs.String(), `"level":"ERROR"`) {
		t.Errorf("a client that hung up logged as an error: %s", logs.String())
	}
}

// TestUploadTooLarge: an upload over the limit is answered 413, whether
// its length is declared or not, through the API and the upload form.
func TestUploadTooLarge(t *testing.T) {
	st := openSQLite(t)
	h := newHarness(t, st, false)
	big := bytes.Repeat([]byte("双方同意加强合作。\n"), (maxUpload+6<<20)/28)
	form := func() (*bytes.Buffer, string) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		w, _ := mw.CreateFormFile("files", "big.txt")
		w.Write(big)
		mw.Close()
		return &buf, mw.FormDataContentType()
	}
	send := func(path string, chunked bool, cookie *http.Cookie, token string) int {
		body, ct := form()
		var r io.Reader = body
		if chunked {
			r = io.MultiReader(body) // hides the length: sent chunked
		}
		req, _ := http.NewRequest("POST", h.ts.URL+path, r)
		req.Header.Set("Content-Type", ct)
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		if cookie != nil {
			req.AddCookie(cookie)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Logf("%s: %v", path, err)
			return 0
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	analyst := h.tokens[entente.RoleAnalyst]
	if code := send("/api/v1/documents", false, nil, analyst); code != http.StatusRequestEntityTooLarge {
		t.Errorf("API upload of %d MiB with its length: %d, want 413", len(big)>>20, code)
	}
	if code := send("/api/v1/documents", true, nil, analyst); code != http.StatusRequestEntityTooLarge {
		t.Errorf("API upload of %d MiB chunked: %d, want 413", len(big)>>20, code)
	}
	if code := send("/api/v1/documents", false, nil, ""); code != http.StatusUnauthorized {
		t.Errorf("anonymous API upload: %d, want 401 before anything is read", code)
	}
	c := h.session("analyst-user", testPassword)
	u, _ := url.Parse(h.ts.URL)
	if code := send("/upload", true, c.Jar.Cookies(u)[0], ""); code != http.StatusRequestEntityTooLarge {
		t.Errorf("form upload of %d MiB: %d, want 413", len(big)>>20, code)
	}
	docs, _ := st.Documents(context.Background(), entente.DocumentFilter{Limit: 10})
	if len(docs) != 0 {
		t.Errorf("a refused upload stored %d documents", len(docs))
	}
}

// TestLoginRedirect: after sign-in the browser goes only to a path of this
// site, whatever next says.
func TestLoginRedirect(t *testing.T) {
	st := openSQLite(t)
	h := newHarness(t, st, false)
	cases := []struct{ next, want string }{
		{"/documents/1", "/documents/1"},
		{"/search?q=%E9%93%81&type=commitment", "/search?q=%E9%93%81&type=commitment"},
		{"/documents/1#s12", "/documents/1#s12"},
		{"/\t/evil.example", "/"},
		{"/%09/evil.example", "/%09/evil.example"}, // stays a path: %09 is not decoded in Location
		{"//evil.example", "/"},
		{"/\\evil.example", "/"},
		{"\\\\evil.example", "/"},
		{"/%2F/evil.example", "/"},
		{"/%5Cevil.example", "/"},
		{"https://evil.example/", "/"},
		{"http:/evil.example", "/"},
		{"javascript:alert(1)", "/"},
		{" /evil", "/"},
		{"/ /evil", "/"},
		{"", "/"},
		{"evil.example", "/"},
		{"/\n/evil.example", "/"},
	}
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, tc := range cases {
		resp, err := noRedirect.PostForm(h.ts.URL+"/login", url.Values{"name": {"viewer-user"}, "password": {testPassword}, "next": {tc.next}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || got != tc.want {
			t.Errorf("next=%q: %d to %q, want 303 to %q", tc.next, resp.StatusCode, got, tc.want)
		}
		if got := safeNext(tc.next); got != tc.want {
			t.Errorf("safeNext(%q) = %q, want %q", tc.next, got, tc.want)
		}
	}
	// the page's hidden field carries the same: /login?next=/%09/evil.example
	resp, err := http.Get(h.ts.URL + "/login?next=/%09/evil.example")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if strings.Contains(string(body), "evil.example") {
		t.Error("the sign-in page carries a next that leaves the site")
	}
}

// FuzzSafeNext: whatever next is, the redirect is a path of this site that
// no browser reads as another host.
func FuzzSafeNext(f *testing.F) {
	for _, s := range []string{"/", "/documents/1", "//evil", "/\\evil", "/\t/evil", "https://x", "/%2F/x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, next string) {
		got := safeNext(next)
		if !strings.HasPrefix(got, "/") || strings.HasPrefix(got, "//") || strings.ContainsAny(got, "\\\t\n\r ") {
			t.Fatalf("safeNext(%q) = %q", next, got)
		}
		u, err := url.Parse(got)
		if err != nil || u.Host != "" || u.Scheme != "" {
			t.Fatalf("safeNext(%q) = %q parses with host %q", next, got, u.Host)
		}
		if got != "/" && got != next {
			t.Fatalf("safeNext(%q) = %q: changed rather than kept or refused", next, got)
		}
	})
}
