package web

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestDocumentCache: a document's JSON carries an ETag; asked again with
// it, the answer is 304 with no body; asked again without it, the same
// bytes; after a change to the document (a correction) the old ETag gets
// the new JSON; each window of sentences is its own entry.
func TestDocumentCache(t *testing.T) {
	forEachStore(t, func(t *testing.T, h *harness) {
		if resp, data := h.upload(entente.RoleAdmin, map[string][]byte{"ae.txt": readCorpus(t, "cn-ae-2019-joint-statement.zh.txt")}); resp.StatusCode != 200 {
			t.Fatalf("upload: %d %s", resp.StatusCode, data)
		}
		const doc = "/api/v1/documents/1"
		// the reader, before and after the change below
		reader := func(role entente.Role, path string, header map[string]string) (*http.Response, string) {
			resp, data := h.doHeader(role, "GET", path, nil, header)
			return resp, string(data)
		}
		resp, page := reader(entente.RoleViewer, "/documents/1", nil)
		pageTag := resp.Header.Get("ETag")
		if resp.StatusCode != 200 || pageTag == "" || !strings.Contains(page, "<html") {
			t.Fatalf("reader: %d, ETag %q", resp.StatusCode, pageTag)
		}
		if resp, again := reader(entente.RoleViewer, "/documents/1", nil); again != page || resp.Header.Get("ETag") != pageTag {
			t.Errorf("the reader asked again differs")
		}
		if resp, body := reader(entente.RoleViewer, "/documents/1", map[string]string{"If-None-Match": pageTag}); resp.StatusCode != 304 || body != "" {
			t.Errorf("reader with its ETag: %d, %d bytes", resp.StatusCode, len(body))
		}
		if _, en := reader(entente.RoleViewer, "/documents/1?lang=en", nil); en == page {
			t.Errorf("the English reader is the Chinese one")
		}
		if _, other := reader(entente.RoleEditor, "/documents/1", nil); !strings.Contains(other, "editor-user") && strings.Contains(page, "viewer-user") {
			t.Errorf("the editor is shown the viewer's page")
		}
		resp, first := h.do(entente.RoleViewer, "GET", doc, nil, "")
		etag := resp.Header.Get("ETag")
		if resp.StatusCode != 200 || !strings.HasPrefix(etag, `"`) || !strings.Contains(resp.Header.Get("Content-Type"), "json") {
			t.Fatalf("first GET: %d, ETag %q, %s", resp.StatusCode, etag, resp.Header.Get("Content-Type"))
		}
		resp, again := h.do(entente.RoleViewer, "GET", doc, nil, "")
		if resp.StatusCode != 200 || resp.Header.Get("ETag") != etag || !bytes.Equal(first, again) {
			t.Errorf("second GET: %d, ETag %q (want %q), same bytes %v", resp.StatusCode, resp.Header.Get("ETag"), etag, bytes.Equal(first, again))
		}
		for _, inm := range []string{etag, "W/" + etag, `"other", ` + etag, "*"} {
			resp, body := h.doHeader(entente.RoleViewer, "GET", doc, nil, map[string]string{"If-None-Match": inm})
			if resp.StatusCode != http.StatusNotModified || len(body) != 0 || resp.Header.Get("ETag") != etag {
				t.Errorf("If-None-Match %s: %d, %d bytes, ETag %q; want 304, none, %q", inm, resp.StatusCode, len(body), resp.Header.Get("ETag"), etag)
			}
		}
		resp, _ = h.doHeader(entente.RoleViewer, "GET", doc, nil, map[string]string{"If-None-Match": `"other"`})
		if resp.StatusCode != 200 {
			t.Errorf("If-None-Match of another tag: %d, want 200", resp.StatusCode)
		}
		resp, window := h.do(entente.RoleViewer, "GET", doc+"?sentences_offset=5&sentences_limit=3", nil, "")
		if resp.StatusCode != 200 || resp.Header.Get("ETag") == etag || bytes.Equal(window, first) {
			t.Errorf("another window of sentences shares the whole document's entry: %d, ETag %q", resp.StatusCode, resp.Header.Get("ETag"))
		}
		// A change to the document (another source of it): the old tag no
		// longer matches.
		if resp, data := h.upload(entente.RoleAnalyst, map[string][]byte{"ae.html": readCorpus(t, "cn-ae-2019-joint-statement.zh.html")}); resp.StatusCode != 200 ||
			!strings.Contains(string(data), "new source") {
			t.Fatalf("upload another source: %d %s", resp.StatusCode, clip(data))
		}
		resp, changed := h.doHeader(entente.RoleViewer, "GET", doc, nil, map[string]string{"If-None-Match": etag})
		if resp.StatusCode != 200 || resp.Header.Get("ETag") == etag || !strings.Contains(string(changed), "ae.html") {
			t.Errorf("after a new source: %d, ETag %q (was %q), the source in it: %v", resp.StatusCode, resp.Header.Get("ETag"), etag,
				strings.Contains(string(changed), "ae.html"))
		}
		if resp, after := reader(entente.RoleViewer, "/documents/1", map[string]string{"If-None-Match": pageTag}); resp.StatusCode != 200 ||
			!strings.Contains(after, "ae.html") {
			t.Errorf("reader after a new source: %d, the source in it: %v", resp.StatusCode, strings.Contains(after, "ae.html"))
		}
		resp, _ = h.do(entente.RoleViewer, "GET", "/api/v1/documents/99", nil, "")
		if resp.StatusCode != 404 || resp.Header.Get("ETag") != "" {
			t.Errorf("a missing document: %d, ETag %q", resp.StatusCode, resp.Header.Get("ETag"))
		}
		resp, _ = h.do("", "GET", doc, nil, "")
		if resp.StatusCode != 401 {
			t.Errorf("anonymous GET of a cached document: %d, want 401", resp.StatusCode)
		}
	})
}
