package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/testlibrary"
)

func init() {
	for id, need := range map[string]access{
		"relationship-timeline": access(entente.RoleViewer),
		"compare-documents":     access(entente.RoleViewer),
		"recycled-promises":     access(entente.RoleViewer),
		"list-followups":        access(entente.RoleViewer),
		"get-pair":              access(entente.RoleViewer),
		"accept-followup":       access(entente.RoleEditor),
		"dismiss-followup":      access(entente.RoleEditor),
	} {
		policy[id] = need
	}
}

// compareOrder is the order the matrix calls the compare routes in.
var compareOrder = []string{"relationship-timeline", "compare-documents", "recycled-promises", "list-followups", "get-pair",
	"accept-followup", "dismiss-followup"}

func compareRequests(h *harness) map[string]func(entente.Role) (*http.Response, []byte) {
	get := func(path string) func(entente.Role) (*http.Response, []byte) {
		return func(r entente.Role) (*http.Response, []byte) { return h.do(r, "GET", path, nil, "") }
	}
	post := func(path string, body any) func(entente.Role) (*http.Response, []byte) {
		return func(r entente.Role) (*http.Response, []byte) {
			return h.do(r, "POST", path, jsonBody(body), "application/json")
		}
	}
	decision := map[string]string{"commitment": "1/s12", "report": "1/s3", "reason": "x"}
	return map[string]func(entente.Role) (*http.Response, []byte){
		"relationship-timeline": get("/api/v1/timeline?a=CN&b=RS"),
		"compare-documents":     get("/api/v1/compare?a=1&b=2"),
		"recycled-promises":     get("/api/v1/recycled?ref=1/s12"),
		"list-followups":        get("/api/v1/followups?pair=CN,RS"),
		"get-pair":              get("/api/v1/pairs/CN/RS"),
		"accept-followup":       post("/api/v1/followups/accept", decision),
		"dismiss-followup":      post("/api/v1/followups/dismiss", decision),
	}
}

// uploadLibrary uploads the Chinese statements of the shared test library
// (internal/testlibrary: China and Serbia, 2009 to 2024) and returns the
// ids by year.
func uploadLibrary(t *testing.T, h *harness) map[string]int64 {
	t.Helper()
	ids := map[string]int64{}
	for _, name := range testlibrary.Chinese() {
		year := strings.TrimSuffix(strings.TrimPrefix(name, "cn-rs-"), ".zh.txt")
		b, err := testlibrary.Read(name)
		if err != nil {
			t.Fatal(err)
		}
		if resp, data := h.upload(entente.RoleAdmin, map[string][]byte{name: b}); resp.StatusCode != 200 {
			t.Fatalf("upload %s: %d %s", name, resp.StatusCode, clip(data))
		}
		ds, err := h.store.Documents(t.Context(), entente.DocumentFilter{From: year, To: year})
		if err != nil || len(ds) != 1 {
			t.Fatalf("%s: %v %v", year, ds, err)
		}
		ids[year] = ds[0].ID
	}
	return ids
}

// TestCompareAPI reads the library through the API: the timeline by
// names as typed, a comparison, follow-ups accepted by an editor (the
// account recorded) and refused to an analyst, a pair's view, and a
// refused party as a 422 naming its field.
func TestCompareAPI(t *testing.T) {
	forEachStore(t, func(t *testing.T, h *harness) {
		ids := uploadLibrary(t, h)
		getJSON := func(path string, v any) {
			t.Helper()
			resp, data := h.do(entente.RoleViewer, "GET", path, nil, "")
			if resp.StatusCode != 200 || json.Unmarshal(data, v) != nil {
				t.Fatalf("%s: %d %s", path, resp.StatusCode, clip(data))
			}
		}
		var steps []entente.RelationshipStep
		getJSON("/api/v1/timeline?a=%E4%B8%AD%E5%9B%BD&b=Serbia", &steps)
		if len(steps) != 5 || steps[4].Action != entente.Upgraded || steps[4].DocumentID != ids["2024"] {
			t.Errorf("timeline %+v", steps)
		}
		var c entente.Comparison
		getJSON(fmt.Sprintf("/api/v1/compare?a=%d&b=%d", ids["2016"], ids["2019"]), &c)
		if c.Summary[entente.Strengthened] != 1 || c.Summary[entente.Dropped] != 3 || c.ByArea["trade"][entente.Strengthened] != 1 {
			t.Errorf("compare: %v %v", c.Summary, c.ByArea)
		}
		var fs []entente.Followup
		getJSON("/api/v1/followups?pair=CN,RS", &fs)
		// the railway section reported open (promised 2016 and restated in
		// 2019, offered on the restatement; studied 2009), the free trade
		// agreement in force (explored 2016, negotiated 2019, signed 2023)
		if len(fs) != 5 {
			t.Fatalf("%d follow-ups, want 5", len(fs))
		}
		// a page of them, with their total
		var page []entente.Followup
		resp, data := h.do(entente.RoleViewer, "GET", "/api/v1/followups?pair=CN,RS&limit=2&offset=3", nil, "")
		if resp.StatusCode != 200 || json.Unmarshal(data, &page) != nil || len(page) != 2 || resp.Header.Get("X-Total-Count") != "5" ||
			page[0].Report.Ref != fs[3].Report.Ref || page[0].Commitment.Ref != fs[3].Commitment.Ref || page[1].Commitment.Ref != fs[4].Commitment.Ref {
			t.Errorf("the follow-ups from the fourth, two: %d, total %q, %s", resp.StatusCode, resp.Header.Get("X-Total-Count"), clip(data))
		}
		body := map[string]string{"commitment": fs[0].Commitment.Ref, "report": fs[0].Report.Ref, "reason": "reported done"}
		if resp, _ := h.do(entente.RoleAnalyst, "POST", "/api/v1/followups/accept", jsonBody(body), "application/json"); resp.StatusCode != 403 {
			t.Errorf("an analyst accepts: %d", resp.StatusCode)
		}
		resp, data = h.do(entente.RoleEditor, "POST", "/api/v1/followups/accept", jsonBody(body), "application/json")
		var d entente.FollowupDecision
		if resp.StatusCode != 200 || json.Unmarshal(data, &d) != nil || d.Actor != "editor-user" || d.Status != entente.Fulfilled {
			t.Fatalf("accept: %d %s", resp.StatusCode, clip(data))
		}
		if resp, data := h.do(entente.RoleEditor, "POST", "/api/v1/followups/dismiss", jsonBody(body), "application/json"); resp.StatusCode != 409 || !isProblem(resp, data) {
			t.Errorf("dismissing an accepted one: %d %s", resp.StatusCode, clip(data))
		}
		var v entente.PairView
		getJSON("/api/v1/pairs/RS/CN", &v)
		if len(v.Documents) != len(ids) || v.Scorecard == nil || v.Scorecard.Counts[entente.Fulfilled] != 2 || len(v.MostRecycled) == 0 {
			t.Errorf("pair: %d documents, scorecard %+v", len(v.Documents), v.Scorecard)
		}
		var rs []entente.Recurrence
		getJSON(fmt.Sprintf("/api/v1/recycled?ref=%d/s6", ids["2024"]), &rs)
		if len(rs) != 1 || rs[0].Repeated != 3 || rs[0].FirstPromised != "2009-08-20" {
			t.Errorf("recycled: %+v", rs)
		}
		// a pair's recycled promises, a page at a time with their total
		var all, second []entente.Recurrence
		getJSON("/api/v1/recycled?a=CN&b=RS", &all)
		resp, data = h.do(entente.RoleViewer, "GET", "/api/v1/recycled?a=RS&b=CN&limit=1&offset=1", nil, "")
		if resp.StatusCode != 200 || json.Unmarshal(data, &second) != nil || len(all) < 2 || len(second) != 1 ||
			second[0].Commitment.Ref != all[1].Commitment.Ref || resp.Header.Get("X-Total-Count") != fmt.Sprint(len(all)) {
			t.Errorf("the second page of one of %d recycled promises: %d, total %q, %s",
				len(all), resp.StatusCode, resp.Header.Get("X-Total-Count"), clip(data))
		}
		resp, data = h.do(entente.RoleViewer, "GET", "/api/v1/recycled?a=CN&b=RS&offset=100000", nil, "")
		if resp.StatusCode != 200 || strings.TrimSpace(string(data)) != "[]" {
			t.Errorf("a page past the end: %d %s", resp.StatusCode, clip(data))
		}
		resp, data = h.do(entente.RoleViewer, "GET", "/api/v1/timeline?a=CN&b=Narnia", nil, "")
		var p struct {
			Errors []struct{ Location string } `json:"errors"`
		}
		if resp.StatusCode != 422 || json.Unmarshal(data, &p) != nil || len(p.Errors) != 1 || p.Errors[0].Location != "query.b" {
			t.Errorf("a refused party: %d %s", resp.StatusCode, clip(data))
		}
	})
}

// TestComparePagesRefuse: a bad value on the compare pages gets a page
// with one message and a 4xx, never a panic or an empty 200; an analyst
// cannot decide a follow-up through the form.
func TestComparePagesRefuse(t *testing.T) {
	h := newHarness(t, openSQLite(t), false)
	ids := uploadLibrary(t, h)
	viewer := signedIn(t, h, entente.RoleViewer)
	ana := signedIn(t, h, entente.RoleAnalyst)
	base := h.ts.URL
	cases := []struct {
		path string
		want int
		says string
	}{
		{"/compare?a=abc&b=1", 422, "number"},
		{fmt.Sprintf("/compare?a=%d&b=%d", ids["2016"], ids["2016"]), 422, "different"},
		{fmt.Sprintf("/compare?a=%d&b=99999", ids["2016"]), 404, "99999"},
		{"/pairs/CN/Narnia", 422, "Narnia"},
		{"/pairs/CN/CN", 422, ""},
		{"/timeline?a=CN&b=Narnia", 200, "Narnia"},
		{"/compare", 200, ""},
		{"/timeline", 200, ""},
	}
	for _, c := range cases {
		code, page := fetch(t, viewer, "GET", base+c.path, nil)
		if code != c.want || !strings.Contains(page, c.says) {
			t.Errorf("%s: %d, want %d saying %q", c.path, code, c.want, c.says)
		}
		if c.want != 200 && !strings.Contains(page, `class="error"`) {
			t.Errorf("%s: no message", c.path)
		}
	}
	form := url.Values{"a": {"CN"}, "b": {"RS"}, "commitment": {fmt.Sprintf("%d/s4", ids["2019"])},
		"report": {fmt.Sprintf("%d/s3", ids["2024"])}, "reason": {"done"}}
	if code, _ := fetch(t, ana, "POST", base+"/followups/accept", form); code != 403 {
		t.Errorf("an analyst's accept form: %d, want 403", code)
	}
	ed := signedIn(t, h, entente.RoleEditor)
	if code, _ := fetch(t, ed, "POST", base+"/followups/approve", form); code != 404 {
		t.Errorf("an unknown decision: %d, want 404", code)
	}
	if code, page := fetch(t, ed, "POST", base+"/followups/dismiss", form); code != 200 || !strings.Contains(page, "dismissed") {
		t.Errorf("an editor's dismiss form: %d", code)
	}
}
