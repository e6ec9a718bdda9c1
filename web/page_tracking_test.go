package web

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// signedIn returns a client with a session of role's account.
func signedIn(t *testing.T, h *harness, role entente.Role) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.PostForm(h.ts.URL+"/login", url.Values{"name": {string(role) + "-user"}, "password": {testPassword}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return c
}

func fetch(t *testing.T, c *http.Client, method, u string, form url.Values) (int, string) {
	t.Helper()
	var resp *http.Response
	var err error
	if method == "POST" {
		resp, err = c.PostForm(u, form)
	} else {
		resp, err = c.Get(u)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestTrackingPages walks the workspace without JavaScript: the
// commitments table with its scorecard, a sentence's panel, a status set
// with new evidence through the form (its account recorded), a stale form
// refused with the other change shown, a correction, an undo, the review
// queue for editors only, and the reader's panel linking to it all.
func TestTrackingPages(t *testing.T) {
	h := newHarness(t, openSQLite(t), false)
	h.upload(entente.RoleAnalyst, map[string][]byte{"rs.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")})
	ana := signedIn(t, h, entente.RoleAnalyst)
	base := h.ts.URL

	code, page := fetch(t, ana, "GET", base+"/commitments", nil)
	if code != 200 || !strings.Contains(page, `id="compliance">—`) || !strings.Contains(page, "/documents/1/sentences/s12") {
		t.Fatalf("commitments page: %d\n%s", code, page)
	}
	code, page = fetch(t, ana, "GET", base+"/documents/1/sentences/s12", nil)
	if code != 200 || !strings.Contains(page, `id="status-form"`) || !strings.Contains(page, `name="revision" value="0"`) {
		t.Fatalf("sentence page: %d", code)
	}
	form := url.Values{"revision": {"0"}, "status": {"fulfilled"}, "reason": {"dialogue held"}, "ev_title": {"Talks held"},
		"ev_publisher": {"MFA"}, "ev_date": {"2025-01-10"}, "ev_official": {"1"}}
	code, page = fetch(t, ana, "POST", base+"/documents/1/sentences/s12/status", form)
	if code != 200 || !strings.Contains(page, "CN: "+entente.StatusLabels().Label("fulfilled", "zh")) || !strings.Contains(page, "Talks held") || !strings.Contains(page, "analyst-user") {
		t.Fatalf("after setting the status: %d\n%s", code, page)
	}
	// the same form again is stale: refused, showing who changed it
	code, page = fetch(t, ana, "POST", base+"/documents/1/sentences/s12/status", form)
	if code != http.StatusConflict || !strings.Contains(page, "analyst-user set") {
		t.Errorf("a stale form: %d", code)
	}
	code, page = fetch(t, ana, "GET", base+"/commitments?doc=1", nil)
	if code != 200 || !regexp.MustCompile(`id="compliance">1\.00`).MatchString(page) {
		t.Errorf("the scorecard did not change: %d %s", code, regexp.MustCompile(`id="compliance">[^<]*`).FindString(page))
	}
	code, page = fetch(t, ana, "POST", base+"/documents/1/sentences/s12/correct", url.Values{"field": {"strength"}, "value": {"intent"}, "reason": {"愿"}})
	if code != 200 || !strings.Contains(page, "c1 strength") || !strings.Contains(page, "· "+entente.Strengths().Label("intent", "zh")) {
		t.Errorf("after a correction: %d", code)
	}
	seq := regexp.MustCompile(`name="event" value="(\d+)"`).FindAllStringSubmatch(page, -1)
	if len(seq) == 0 {
		t.Fatal("no undo in the history")
	}
	code, page = fetch(t, ana, "POST", base+"/documents/1/sentences/s12/undo", url.Values{"event": {seq[len(seq)-1][1]}})
	if code != 200 || !strings.Contains(page, trackWordsZH.Withdrawn) {
		t.Errorf("after undoing the correction: %d", code)
	}
	if code, _ := fetch(t, ana, "GET", base+"/review", nil); code != http.StatusForbidden {
		t.Errorf("an analyst opened the review queue: %d", code)
	}
	ed := signedIn(t, h, entente.RoleEditor)
	if code, page := fetch(t, ed, "GET", base+"/review", nil); code != 200 || !strings.Contains(page, "<h1>") {
		t.Errorf("review queue: %d", code)
	}
	code, page = fetch(t, ana, "GET", base+"/documents/1", nil)
	if code != 200 || !strings.Contains(page, `href="/documents/1/sentences/s12"`) || !strings.Contains(page, "CN: "+entente.StatusLabels().Label("fulfilled", "zh")) {
		t.Errorf("the reader's panel lacks the status and the link: %d", code)
	}
	viewer := signedIn(t, h, entente.RoleViewer)
	if code, page := fetch(t, viewer, "GET", base+"/documents/1/sentences/s12", nil); code != 200 || strings.Contains(page, `id="status-form"`) {
		t.Errorf("a viewer sees the status form: %d", code)
	}
	if code, _ := fetch(t, viewer, "POST", base+"/documents/1/sentences/s12/status", form); code != http.StatusForbidden {
		t.Errorf("a viewer posted a status: %d", code)
	}
}

// TestEventsPage: the event log is a page for admins only, with who did
// what.
func TestEventsPage(t *testing.T) {
	h := newHarness(t, openSQLite(t), false)
	h.upload(entente.RoleAnalyst, map[string][]byte{"rs.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")})
	if code, _ := fetch(t, signedIn(t, h, entente.RoleEditor), "GET", h.ts.URL+"/events", nil); code != http.StatusForbidden {
		t.Errorf("an editor opened the event log: %d", code)
	}
	code, page := fetch(t, signedIn(t, h, entente.RoleAdmin), "GET", h.ts.URL+"/events", nil)
	if code != 200 || !strings.Contains(page, "analyst-user") || !strings.Contains(page, "create document") {
		t.Errorf("event log page: %d", code)
	}
}
