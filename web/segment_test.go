package web

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestSplitJoinAPIAndPages: split and join through the API (201 with the
// correction, its account recorded; a viewer is refused; a bad split is a
// problem) and through the sentence page's forms, on both databases.
func TestSplitJoinAPIAndPages(t *testing.T) {
	forEachStore(t, func(t *testing.T, h *harness) {
		if resp, data := h.upload(entente.RoleAdmin, map[string][]byte{"rs.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")}); resp.StatusCode != 200 {
			t.Fatalf("upload: %d %s", resp.StatusCode, data)
		}
		count := func() int {
			t.Helper()
			d, err := h.store.Document(t.Context(), 1)
			if err != nil {
				t.Fatal(err)
			}
			return len(d.Extraction.Sentences)
		}
		n := count()
		const s = "/api/v1/documents/1/sentences/s30"
		for _, c := range []struct {
			name   string
			role   entente.Role
			path   string
			body   any
			status int
			delta  int
		}{
			{"viewer", entente.RoleViewer, s + "/split", map[string]any{"at": []int{2}}, 403, 0},
			{"offset outside", entente.RoleAnalyst, s + "/split", map[string]any{"at": []int{100000}}, 422, 0},
			{"parts not its text", entente.RoleAnalyst, s + "/split", map[string]any{"parts": []string{"甲", "乙"}}, 422, 0},
			{"split", entente.RoleAnalyst, s + "/split", map[string]any{"at": []int{2}, "reason": "two"}, 201, 1},
			{"join the parts", entente.RoleEditor, s + "/join", map[string]any{"reason": "one again"}, 201, -1},
			{"join one", entente.RoleAnalyst, s + "/join", map[string]any{"count": 1}, 422, 0},
		} {
			resp, data := h.do(c.role, "POST", c.path, jsonBody(c.body), "application/json")
			if resp.StatusCode != c.status {
				t.Fatalf("%s: %d %s", c.name, resp.StatusCode, clip(data))
			}
			if c.status == 201 {
				var corr entente.Correction
				if json.Unmarshal(data, &corr) != nil || corr.Field != entente.FieldSegmentation || corr.Actor != string(c.role)+"-user" {
					t.Errorf("%s: %s", c.name, clip(data))
				}
			} else if !isProblem(resp, data) {
				t.Errorf("%s: not a problem document: %s", c.name, clip(data))
			}
			if got := count(); got != n+c.delta {
				t.Errorf("%s: %d sentences, want %d", c.name, got, n+c.delta)
			}
			n = count()
		}

		// the page's forms: the textarea's lines are the parts
		ana := signedIn(t, h, entente.RoleAnalyst)
		code, page := fetch(t, ana, "GET", h.ts.URL+"/documents/1/sentences/s31", nil)
		if code != 200 || !strings.Contains(page, `id="split-form"`) || !strings.Contains(page, `id="join-form"`) {
			t.Fatalf("sentence page: %d", code)
		}
		d, err := h.store.Document(t.Context(), 1)
		if err != nil {
			t.Fatal(err)
		}
		rs := []rune(d.Extraction.Sentences[30].Text)
		code, page = fetch(t, ana, "POST", h.ts.URL+"/documents/1/sentences/s31/split",
			url.Values{"parts": {string(rs[:3]) + "\r\n" + string(rs[3:])}, "reason": {"two"}})
		if code != 200 || count() != n+1 || !strings.Contains(page, string(rs[:3])) {
			t.Fatalf("split form: %d, %d sentences (want %d)", code, count(), n+1)
		}
		code, _ = fetch(t, ana, "POST", h.ts.URL+"/documents/1/sentences/s31/join", url.Values{"reason": {"one"}})
		if code != 200 || count() != n {
			t.Fatalf("join form: %d, %d sentences (want %d)", code, count(), n)
		}
		view := signedIn(t, h, entente.RoleViewer)
		if code, _ := fetch(t, view, "POST", h.ts.URL+"/documents/1/sentences/s31/join", url.Values{}); code != 403 {
			t.Errorf("a viewer's join form: %d", code)
		}
	})
}
