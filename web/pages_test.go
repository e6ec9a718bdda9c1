package web

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
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
	if code != 200 || !strings.Contains(body, "<mark>铁路</mark>") || !strings.Contains(body, `/documents/1#s`) {
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
	if _, body := get("/search?q=" + url.QueryEscape("合作")); !strings.Contains(body, `rel="next"`) || !strings.Contains(body, "1–20 / ") {
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
	if _, body := get("/export/documents.json?party=RS"); !strings.Contains(body, `"parties": [`) {
		t.Errorf("documents JSON: %s", clip([]byte(body)))
	}
	if got := neutralize([]string{"=cmd()", "双方", "-1"}); got[0] != "'=cmd()" || got[1] != "双方" || got[2] != "'-1" {
		t.Errorf("neutralize = %q", got)
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
}
