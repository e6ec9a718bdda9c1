package web

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
)

var (
	registryOnce sync.Once
	registry     *extract.Registry
	registryErr  error
)

// sharedRegistry is the extractor of every language Entente reads.
func sharedRegistry(t testing.TB) *extract.Registry {
	registryOnce.Do(func() { registry, registryErr = extract.NewRegistry() })
	if registryErr != nil {
		t.Fatal(registryErr)
	}
	return registry
}

// readParallel reads one language of the parallel statement in extract's
// testdata.
func readParallel(t testing.TB, lang string) []byte {
	b, err := os.ReadFile(filepath.Join("..", "extract", "testdata", "parallel", "cn-rs-2025-green."+lang+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// uploadParallel uploads the Chinese and English texts of the parallel
// statement one after the other (documents 1 and 2), read by the registry.
func uploadParallel(t *testing.T, h *harness, langs ...string) {
	t.Helper()
	h.srv.cfg.Ingester.Extractor = sharedRegistry(t)
	for _, l := range langs {
		if resp, data := h.upload(entente.RoleAnalyst, map[string][]byte{"green." + l + ".txt": readParallel(t, l)}); resp.StatusCode != 200 {
			t.Fatalf("upload %s: %d %s", l, resp.StatusCode, clip(data))
		}
	}
}

func versionsOf(t *testing.T, h *harness, doc string) VersionList {
	t.Helper()
	resp, data := h.do(entente.RoleViewer, "GET", "/api/v1/documents/"+doc+"/versions", nil, "")
	var out VersionList
	if resp.StatusCode != 200 || json.Unmarshal(data, &out) != nil {
		t.Fatalf("versions of %s: %d %s", doc, resp.StatusCode, clip(data))
	}
	return out
}

// TestVersionsAPI: an upload of a statement's English text links it to its
// Chinese text; an editor unlinks and links again through the API, each
// change in the history with the editor's account; bad requests are
// problems.
func TestVersionsAPI(t *testing.T) {
	forEachStore(t, func(t *testing.T, h *harness) {
		uploadParallel(t, h, "zh", "en")
		vs := versionsOf(t, h, "2")
		if len(vs.Versions) != 1 || vs.Versions[0].Other != 1 || !vs.Versions[0].Linked || vs.Versions[0].Origin != entente.LinkAuto {
			t.Fatalf("after upload: %+v", vs)
		}
		resp, data := h.do(entente.RoleEditor, "POST", "/api/v1/documents/2/versions/1/unlink", jsonBody(map[string]string{"reason": "a draft"}), "application/json")
		if resp.StatusCode != 200 {
			t.Fatalf("unlink: %d %s", resp.StatusCode, clip(data))
		}
		if vs := versionsOf(t, h, "1"); len(vs.Versions) != 1 || vs.Versions[0].Linked || vs.Versions[0].Actor != "editor-user" {
			t.Errorf("after unlink: %+v", vs)
		}
		for _, c := range []struct {
			name, path string
			body       any
			want       int
		}{
			{"unlink again", "/api/v1/documents/2/versions/1/unlink", map[string]string{"reason": "x"}, 409},
			{"no reason", "/api/v1/documents/2/versions", map[string]any{"other": 1}, 422},
			{"no such document", "/api/v1/documents/2/versions", map[string]any{"other": 99, "reason": "x"}, 404},
			{"itself", "/api/v1/documents/2/versions", map[string]any{"other": 2, "reason": "x"}, 422},
		} {
			resp, data := h.do(entente.RoleEditor, "POST", c.path, jsonBody(c.body), "application/json")
			if resp.StatusCode != c.want || !isProblem(resp, data) {
				t.Errorf("%s: %d %s, want %d", c.name, resp.StatusCode, clip(data), c.want)
			}
		}
		resp, data = h.do(entente.RoleEditor, "POST", "/api/v1/documents/2/versions", jsonBody(map[string]any{"other": 1, "reason": "the final text"}), "application/json")
		if resp.StatusCode != 200 {
			t.Fatalf("link: %d %s", resp.StatusCode, clip(data))
		}
		resp, data = h.do(entente.RoleViewer, "GET", "/api/v1/history?doc=2", nil, "")
		var hist EventList
		if resp.StatusCode != 200 || json.Unmarshal(data, &hist) != nil {
			t.Fatalf("history: %d %s", resp.StatusCode, clip(data))
		}
		actions := map[string]string{}
		for _, e := range hist.Events {
			actions[e.Action] = e.Actor
		}
		if actions["unlink"] != "editor-user" || actions["link"] != "editor-user" {
			t.Errorf("history of document 2: %v", actions)
		}
	})
}

// TestVersionPages: the reader lists a document's versions with the way to
// the parallel reader; the parallel reader shows both versions' titles,
// languages and labels, one row per aligned pair; an editor unlinks and
// links through the reader's form (an analyst may not), a bad number is
// said beside the form.
func TestVersionPages(t *testing.T) {
	h := newHarness(t, openSQLite(t), false)
	uploadParallel(t, h, "zh", "en")
	ed, ana := signedIn(t, h, entente.RoleEditor), signedIn(t, h, entente.RoleAnalyst)
	base := h.ts.URL

	code, page := fetch(t, ana, "GET", base+"/documents/1?lang=en", nil)
	if code != 200 || !strings.Contains(page, `href="/documents/1/parallel/2"`) || strings.Contains(page, `id="link-form"`) {
		t.Fatalf("the reader as an analyst: %d\n%s", code, page)
	}
	code, page = fetch(t, ana, "GET", base+"/documents/1/parallel/2?lang=en", nil)
	rows := strings.Count(page, "<tr>") - 1 // the header
	if code != 200 || rows < 12 || !strings.Contains(page, versionWordsEN.Linked) ||
		!strings.Contains(page, "Chinese") || !strings.Contains(page, "English") ||
		!strings.Contains(page, `id="b-s1"`) || !strings.Contains(page, `id="a-s1"`) {
		t.Fatalf("the parallel reader: %d, %d rows\n%s", code, rows, page)
	}
	// annotations on both sides: a commitment's badge in each language's column
	if n := strings.Count(page, `class="s commitment"`); n < 4 {
		t.Errorf("%d commitments marked in the parallel reader", n)
	}
	if code, _ := fetch(t, ana, "POST", base+"/documents/1/versions", url.Values{"action": {"unlink"}, "other": {"2"}, "reason": {"x"}}); code != 403 {
		t.Errorf("an analyst's unlink: %d", code)
	}
	code, page = fetch(t, ed, "POST", base+"/documents/1/versions", url.Values{"action": {"unlink"}, "other": {"2"}, "reason": {"a draft"}})
	if code != 200 || !strings.Contains(page, `class="not-linked"`) {
		t.Fatalf("unlink: %d\n%s", code, page)
	}
	code, page = fetch(t, ed, "POST", base+"/documents/1/versions", url.Values{"action": {"link"}, "other": {"x"}, "reason": {"r"}})
	if code != 422 || !strings.Contains(page, "positive whole number") {
		t.Errorf("a bad number: %d", code)
	}
	code, page = fetch(t, ed, "POST", base+"/documents/1/versions", url.Values{"action": {"link"}, "other": {"2"}, "reason": {"final"}})
	if code != 200 || !strings.Contains(page, `class="linked"`) {
		t.Errorf("link: %d", code)
	}
	if code, _ := fetch(t, ana, "GET", base+"/documents/1/parallel/99", nil); code != 404 {
		t.Errorf("beside a missing document: %d", code)
	}
}
