package web

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/entente/entente"
)

func init() {
	for id, need := range map[string]access{
		"list-commitments":   access(entente.RoleViewer),
		"get-commitment":     access(entente.RoleViewer),
		"history":            access(entente.RoleViewer),
		"scorecard":          access(entente.RoleViewer),
		"set-status":         access(entente.RoleAnalyst),
		"add-evidence":       access(entente.RoleAnalyst),
		"retract-evidence":   access(entente.RoleAnalyst),
		"correct-sentence":   access(entente.RoleAnalyst),
		"correct-document":   access(entente.RoleAnalyst),
		"split-sentence":     access(entente.RoleAnalyst),
		"join-sentences":     access(entente.RoleAnalyst),
		"undo-event":         access(entente.RoleAnalyst),
		"review-queue":       access(entente.RoleEditor),
		"review-correction":  access(entente.RoleEditor),
		"set-review-policy":  access(entente.RoleEditor),
		"withdraw-document":  access(entente.RoleEditor),
		"restore-document":   access(entente.RoleEditor),
		"reextract-document": access(entente.RoleEditor),
		"purge-document":     access(entente.RoleAdmin),
		"list-versions":      access(entente.RoleViewer),
		"link-version":       access(entente.RoleEditor),
		"unlink-version":     access(entente.RoleEditor),
	} {
		policy[id] = need
	}
}

// trackingOrder is the order the matrix calls the tracking routes in:
// evidence before the status that names it, withdraw before restore.
var trackingOrder = []string{"list-commitments", "get-commitment", "add-evidence", "set-status", "retract-evidence",
	"correct-sentence", "correct-document", "review-queue", "review-correction", "set-review-policy", "history", "scorecard",
	"reextract-document", "split-sentence", "join-sentences", "undo-event", "withdraw-document", "restore-document", "list-versions", "link-version", "unlink-version"}

// doHeader is h.do with extra request headers.
func (h *harness) doHeader(role entente.Role, method, path string, body io.Reader, header map[string]string) (*http.Response, []byte) {
	h.t.Helper()
	req, err := http.NewRequest(method, h.ts.URL+path, body)
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	if role != "" {
		req.Header.Set("Authorization", "Bearer "+h.tokens[role])
	}
	resp, err := h.ts.Client().Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	h.validate(req, resp, data)
	return resp, data
}

func trackingRequests(h *harness) map[string]func(entente.Role) (*http.Response, []byte) {
	const s = "/api/v1/documents/1/sentences/s12"
	post := func(path string, body any) func(entente.Role) (*http.Response, []byte) {
		return func(r entente.Role) (*http.Response, []byte) {
			return h.do(r, "POST", path, jsonBody(body), "application/json")
		}
	}
	get := func(path string) func(entente.Role) (*http.Response, []byte) {
		return func(r entente.Role) (*http.Response, []byte) { return h.do(r, "GET", path, nil, "") }
	}
	return map[string]func(entente.Role) (*http.Response, []byte){
		"list-commitments": get("/api/v1/commitments?doc=1"),
		"get-commitment":   get(s + "/tracking"),
		"history":          get("/api/v1/history?doc=1"),
		"scorecard":        get("/api/v1/scorecard?doc=1"),
		"review-queue":     get("/api/v1/review"),
		"set-status": func(r entente.Role) (*http.Response, []byte) {
			return h.doHeader(r, "PUT", s+"/status", jsonBody(map[string]any{"status": "in_progress", "evidence_id": 1, "reason": "x"}),
				map[string]string{"If-Match": `"0"`})
		},
		"add-evidence":       post(s+"/evidence", map[string]any{"title": "Works began", "official": true}),
		"retract-evidence":   post("/api/v1/evidence/1/retract", map[string]string{"reason": "wrong page"}),
		"correct-sentence":   post(s+"/corrections", map[string]any{"field": "strength", "value": "soft", "reason": "x"}),
		"correct-document":   post("/api/v1/documents/1/corrections", map[string]any{"field": "place", "value": "Beograd"}),
		"split-sentence":     post("/api/v1/documents/1/sentences/s30/split", map[string]any{"at": []int{2}, "reason": "two"}),
		"join-sentences":     post("/api/v1/documents/1/sentences/s40/join", map[string]any{"reason": "one"}),
		"review-correction":  post("/api/v1/corrections/c1/review", map[string]string{"action": "approve"}),
		"withdraw-document":  post("/api/v1/documents/1/withdraw", map[string]string{"reason": "duplicate"}),
		"restore-document":   post("/api/v1/documents/1/restore", map[string]string{}),
		"purge-document":     post("/api/v1/documents/1/purge", map[string]string{"reason": "test"}),
		"reextract-document": post("/api/v1/documents/1/reextract", map[string]string{}),
		"undo-event":         post("/api/v1/events/1/undo", map[string]string{}),
		"list-versions":      get("/api/v1/documents/1/versions"),
		"link-version":       post("/api/v1/documents/1/versions", map[string]any{"other": 2, "reason": "the English text"}),
		"unlink-version":     post("/api/v1/documents/1/versions/2/unlink", map[string]string{"reason": "another statement"}),
		"set-review-policy": func(r entente.Role) (*http.Response, []byte) {
			return h.do(r, "PUT", "/api/v1/settings/review", jsonBody(map[string]bool{"required": false}), "application/json")
		},
	}
}

// TestTrackingAPI: a status change through the API carries its account,
// needs If-Match, and a stale one is a 409 problem naming the other
// change; a document with evidence refuses deletion (409).
func TestTrackingAPI(t *testing.T) {
	forEachStore(t, func(t *testing.T, h *harness) {
		if resp, data := h.upload(entente.RoleAdmin, map[string][]byte{"rs.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")}); resp.StatusCode != 200 {
			t.Fatalf("upload: %d %s", resp.StatusCode, data)
		}
		const s = "/api/v1/documents/1/sentences/s12"
		resp, data := h.do(entente.RoleAnalyst, "POST", s+"/evidence", jsonBody(map[string]any{"title": "Dialogue held", "publisher": "MFA"}), "application/json")
		var ev entente.Evidence
		if resp.StatusCode != 201 || json.Unmarshal(data, &ev) != nil || ev.AddedBy != "analyst-user" {
			t.Fatalf("add evidence: %d %s", resp.StatusCode, clip(data))
		}
		resp, _ = h.do(entente.RoleViewer, "GET", s+"/tracking", nil, "")
		if resp.Header.Get("ETag") != `"0"` {
			t.Errorf("ETag %q, want \"0\"", resp.Header.Get("ETag"))
		}
		body := map[string]any{"status": "fulfilled", "evidence_id": ev.ID, "reason": "held twice a year"}
		resp, data = h.doHeader(entente.RoleAnalyst, "PUT", s+"/status", jsonBody(body), nil)
		if resp.StatusCode != 422 || !isProblem(resp, data) {
			t.Errorf("a status change without If-Match: %d %s", resp.StatusCode, clip(data))
		}
		resp, data = h.doHeader(entente.RoleAnalyst, "PUT", s+"/status", jsonBody(body), map[string]string{"If-Match": `"0"`})
		if resp.StatusCode != 200 || resp.Header.Get("ETag") != `"1"` {
			t.Fatalf("set status: %d %s", resp.StatusCode, clip(data))
		}
		body["status"] = "stalled"
		resp, data = h.doHeader(entente.RoleEditor, "PUT", s+"/status", jsonBody(body), map[string]string{"If-Match": `"0"`})
		if resp.StatusCode != http.StatusConflict || !isProblem(resp, data) || !strings.Contains(string(data), "analyst-user set") {
			t.Errorf("a stale change: %d %s", resp.StatusCode, clip(data))
		}
		resp, data = h.do(entente.RoleViewer, "GET", "/api/v1/history?doc=1&sentence=s12", nil, "")
		var hist EventList
		if resp.StatusCode != 200 || json.Unmarshal(data, &hist) != nil || len(hist.Events) != 2 {
			t.Fatalf("history: %d %s", resp.StatusCode, clip(data))
		}
		for _, e := range hist.Events {
			if e.Actor != "analyst-user" || e.UserID == 0 {
				t.Errorf("a change through the API without its account: %+v", e)
			}
		}
		resp, data = h.do(entente.RoleEditor, "DELETE", "/api/v1/documents/1", nil, "")
		if resp.StatusCode != http.StatusConflict || !isProblem(resp, data) {
			t.Errorf("delete of a document with evidence: %d %s", resp.StatusCode, clip(data))
		}
		resp, data = h.do(entente.RoleViewer, "GET", "/api/v1/scorecard?doc=1", nil, "")
		var sc entente.Scorecard
		if resp.StatusCode != 200 || json.Unmarshal(data, &sc) != nil || sc.Counts[entente.Fulfilled] < 1 || sc.Compliance == nil {
			t.Errorf("scorecard: %d %s", resp.StatusCode, clip(data))
		}
	})
}
