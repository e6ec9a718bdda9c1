package web

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestPages signs in through the form, opens the library, the reader (with
// a dimming filter) and a search, as a browser without JavaScript would.
func TestPages(t *testing.T) {
	st := openSQLite(t)
	h := newHarness(t, st, false)
	h.upload(entente.RoleAnalyst, map[string][]byte{"rs.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")})

	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	get := func(path string) (int, string) {
		resp, err := c.Get(h.ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	// anonymous: sent to sign in, and back where it was going
	if code, body := get("/documents/1"); code != 200 || !strings.Contains(body, `action="/login"`) || !strings.Contains(body, `value="/documents/1"`) {
		t.Fatalf("anonymous reader: %d", code)
	}
	resp, err := c.PostForm(h.ts.URL+"/login", url.Values{"name": {"viewer-user"}, "password": {testPassword}, "next": {"/documents/1"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Request.URL.Path != "/documents/1" {
		t.Errorf("after sign-in at %s, want /documents/1", resp.Request.URL.Path)
	}
	code, body := get("/?lang=en")
	if code != 200 || !strings.Contains(body, `href="/documents/1"`) || !strings.Contains(body, "Library") {
		t.Errorf("library: %d", code)
	}
	code, body = get("/documents/1?type=commitment&actor=RS")
	if code != 200 {
		t.Fatalf("reader: %d", code)
	}
	for _, want := range []string{`id="s27"`, `href="#panel-s27"`, `id="panel-s27"`, `class="s commitment"`, `class="s commitment dim"`,
		`<span class="badge"`, `<mark class="cue">`, `<mark class="ref">`, `<mark class="entity">`, `id="sec-4"`, "/api/v1/sources/1/original"} {
		if !strings.Contains(body, want) {
			t.Errorf("reader lacks %s", want)
		}
	}
	code, body = get("/search?q=" + url.QueryEscape("铁路"))
	if code != 200 || !strings.Contains(body, "<mark>铁路</mark>") || !strings.Contains(body, `/documents/1?at=s`) {
		t.Errorf("search: %d", code)
	}
	if !strings.Contains(body, `class="facets"`) || !strings.Contains(body, `type=commitment`) || !strings.Contains(body, `lang_filter=zh`) {
		t.Error("search shows no facets (type, language)")
	}
	if _, body := get("/?area=infrastructure"); !strings.Contains(body, `href="/documents/1"`) {
		t.Error("the library's area filter drops a document with commitments in the area")
	}
	if _, body := get("/?area=nothing"); strings.Contains(body, `href="/documents/1"`) {
		t.Error("the library's area filter keeps a document without the area")
	}
	// 合作 is in most sentences: more than a page, so a next page
	if _, body := get("/search?lang=en&q=" + url.QueryEscape("合作")); !strings.Contains(body, `rel="next"`) || !strings.Contains(body, "20 of ") {
		t.Error("search is not paginated")
	}
	if code, _ := get("/documents/999"); code != 404 {
		t.Errorf("a missing document: %d", code)
	}
	// an off-site next is refused
	resp, err = c.PostForm(h.ts.URL+"/login", url.Values{"name": {"viewer-user"}, "password": {testPassword}, "next": {"//evil.example/"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Request.URL.Host != strings.TrimPrefix(h.ts.URL, "http://") {
		t.Errorf("redirected off-site to %s", resp.Request.URL)
	}
	// sign out ends the session
	resp, err = c.PostForm(h.ts.URL+"/logout", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if _, body := get("/"); !strings.Contains(body, `action="/login"`) {
		t.Error("still signed in after signing out")
	}
}

// TestPagePolicy: every page has an access rule; a viewer reads, nobody
// anonymous does (without --public-read).
func TestPagePolicy(t *testing.T) {
	st := openSQLite(t)
	h := newHarness(t, st, false)
	for _, p := range h.srv.pages() {
		if p.need == "" {
			t.Errorf("page %s %s has no access rule", p.method, p.pattern)
		}
		if p.method == "GET" && p.need != accessPublic && h.srv.allowed(p.need, nil) {
			t.Errorf("page %s is open to anonymous visitors", p.pattern)
		}
	}
}

// TestExports: the filtered lists come away as CSV (with a byte-order mark,
// formulas neutralised) and JSON, under the same access as the pages.
func TestExports(t *testing.T) {
	h := newHarness(t, openSQLite(t), false)
	h.upload(entente.RoleAnalyst, map[string][]byte{"rs.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")})
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.PostForm(h.ts.URL+"/login", url.Values{"name": {"viewer-user"}, "password": {testPassword}, "next": {"/search?q=" + url.QueryEscape("铁路") + "&type=commitment"}})
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), `href="/export/search.csv?q=%E9%93%81%E8%B7%AF&amp;type=commitment"`) {
		t.Errorf("the search page does not link its export with its filters")
	}
	get := func(path string) (*http.Response, string) {
		resp, err := c.Get(h.ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	resp, body := get("/export/search.csv?q=" + url.QueryEscape("铁路") + "&type=commitment")
	if !strings.HasPrefix(body, "\xEF\xBB\xBFdocument_id,") || !strings.Contains(resp.Header.Get("Content-Disposition"), "entente-search.csv") {
		t.Errorf("search CSV: %q", clip([]byte(body)))
	}
	if strings.Count(body, "\n") < 2 || strings.Contains(body, ",narrative,") {
		t.Errorf("search CSV holds other types or no rows: %s", clip([]byte(body)))
	}
	if _, body := get("/export/documents.json?party=RS"); !strings.Contains(body, `"parties":["`) || !strings.Contains(body, `"filters":{"party":"RS"}`) {
		t.Errorf("documents JSON: %s", clip([]byte(body)))
	}
}

// TestUploadForm: an analyst uploads through the library's form and sees
// each file's outcome; a viewer may not.
func TestUploadForm(t *testing.T) {
	h := newHarness(t, openSQLite(t), false)
	post := func(user string, files map[string]string) (int, string) {
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar}
		resp, err := c.PostForm(h.ts.URL+"/login", url.Values{"name": {user}, "password": {testPassword}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		for name, content := range files {
			w, _ := mw.CreateFormFile("files", name)
			w.Write([]byte(content))
		}
		mw.Close()
		resp, err = c.Post(h.ts.URL+"/upload", mw.FormDataContentType(), &buf)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, body := post("analyst-user", map[string]string{
		"rs.txt":    string(readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")),
		"empty.txt": "",
	})
	if code != 200 || !strings.Contains(body, "rs.txt</strong>: added") || !strings.Contains(body, "empty.txt</strong>: refused") {
		t.Errorf("analyst upload: %d\n%s", code, clip([]byte(body)))
	}
	if code, _ := post("viewer-user", map[string]string{"a.txt": "双方同意加强合作。"}); code != http.StatusForbidden {
		t.Errorf("viewer upload: %d, want 403", code)
	}
	// the form's upload is recorded under the account that made it
	_, data := h.do(entente.RoleAdmin, "GET", "/api/v1/events", nil, "")
	var log struct{ Events []entente.Event }
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, e := range log.Events {
		if e.Action == "create" && e.Entity == "document" {
			found = true
			if e.Actor != "analyst-user" || e.UserID != h.users[entente.RoleAnalyst].ID {
				t.Errorf("the form's upload is logged as %q (user %d), want analyst-user", e.Actor, e.UserID)
			}
		}
	}
	if !found {
		t.Error("the form's upload is not in the event log")
	}
}

// TestOneCaller: the pages and the API find the caller the same way, so a
// bearer token opens a page as a session cookie does, and a bad one is
// refused by the API with its reason.
func TestOneCaller(t *testing.T) {
	h := newHarness(t, openSQLite(t), false)
	get := func(path, auth string) (int, string) {
		req, _ := http.NewRequest("GET", h.ts.URL+path, nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := (&http.Transport{}).RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	for _, tc := range []struct {
		name, path, auth string
		want             int
	}{
		{"page with a viewer's token", "/", "Bearer " + h.tokens[entente.RoleViewer], http.StatusOK},
		{"page anonymous", "/", "", http.StatusSeeOther},
		{"page with a bad token", "/", "Bearer nope", http.StatusSeeOther},
		{"API with a viewer's token", "/api/v1/documents", "Bearer " + h.tokens[entente.RoleViewer], http.StatusOK},
		{"API with a bad token", "/api/v1/documents", "Bearer nope", http.StatusUnauthorized},
		{"API with another scheme", "/api/v1/documents", "Basic eDp5", http.StatusUnauthorized},
		{"analyst's page with a viewer's token", "/dashboard", "Bearer " + h.tokens[entente.RoleViewer], http.StatusOK},
	} {
		if code, body := get(tc.path, tc.auth); code != tc.want {
			t.Errorf("%s: %d, want %d: %s", tc.name, code, tc.want, clip([]byte(body)))
		}
	}
}

// TestStaticAssets: pages link assets by content hash, served for a year
// as immutable; the plain name still answers with a short cache; unknown
// names are 404.
func TestStaticAssets(t *testing.T) {
	h := newHarness(t, openSQLite(t), true)
	resp, err := http.Get(h.ts.URL + "/dashboard")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	links := regexp.MustCompile(`(?:href|src)="(/static/[^"]+)"`).FindAllStringSubmatch(string(page), -1)
	if len(links) < 3 {
		t.Fatalf("the dashboard links %d static files, want the stylesheet and two scripts", len(links))
	}
	head := func(path string) (int, string, string) {
		resp, err := http.Get(h.ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		return resp.StatusCode, resp.Header.Get("Cache-Control"), string(b)
	}
	for _, l := range links {
		hashed := l[1]
		if !regexp.MustCompile(`\.[0-9a-f]{12}\.(css|js)$`).MatchString(hashed) {
			t.Errorf("%s carries no content hash", hashed)
			continue
		}
		code, cache, body := head(hashed)
		if code != 200 || !strings.Contains(cache, "immutable") || !strings.Contains(cache, "max-age=31536000") {
			t.Errorf("%s: %d, Cache-Control %q", hashed, code, cache)
		}
		plain := regexp.MustCompile(`\.[0-9a-f]{12}(\.(css|js))$`).ReplaceAllString(hashed, "$1")
		pcode, pcache, pbody := head(plain)
		if pcode != 200 || strings.Contains(pcache, "immutable") || pbody != body {
			t.Errorf("%s: %d, Cache-Control %q, same body %v", plain, pcode, pcache, pbody == body)
		}
		stale := regexp.MustCompile(`\.[0-9a-f]{12}(\.(css|js))$`).ReplaceAllString(hashed, ".000000000000$1")
		if code, cache, _ := head(stale); code != 200 || strings.Contains(cache, "immutable") {
			t.Errorf("%s (a stale hash): %d, Cache-Control %q", stale, code, cache)
		}
	}
	for _, bad := range []string{"/static/nothing.css", "/static/vendor", "/static/../pages.go"} {
		if code, _, _ := head(bad); code != 404 {
			t.Errorf("%s: %d, want 404", bad, code)
		}
	}
}
