package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/testlibrary"
)

func init() {
	for id, need := range map[string]access{
		"list-registry":         access(entente.RoleViewer),
		"get-registry-entry":    access(entente.RoleViewer),
		"list-cites":            access(entente.RoleViewer),
		"list-cited-by":         access(entente.RoleViewer),
		"merge-registry-entry":  access(entente.RoleEditor),
		"split-registry-entry":  access(entente.RoleEditor),
		"rename-registry-entry": access(entente.RoleEditor),
	} {
		policy[id] = need
	}
}

// registryOrder is the order the matrix calls the registry routes in.
var registryOrder = []string{"list-registry", "get-registry-entry", "list-cites", "list-cited-by",
	"rename-registry-entry", "split-registry-entry", "merge-registry-entry"}

func registryRequests(h *harness) map[string]func(entente.Role) (*http.Response, []byte) {
	post := func(path string, body any) func(entente.Role) (*http.Response, []byte) {
		return func(r entente.Role) (*http.Response, []byte) {
			return h.do(r, "POST", path, jsonBody(body), "application/json")
		}
	}
	get := func(path string) func(entente.Role) (*http.Response, []byte) {
		return func(r entente.Role) (*http.Response, []byte) { return h.do(r, "GET", path, nil, "") }
	}
	return map[string]func(entente.Role) (*http.Response, []byte){
		"list-registry":         get("/api/v1/registry?q=%E9%93%81%E8%B7%AF"),
		"get-registry-entry":    get("/api/v1/registry/1"),
		"list-cites":            get("/api/v1/documents/1/cites"),
		"list-cited-by":         get("/api/v1/documents/1/cited-by"),
		"rename-registry-entry": post("/api/v1/registry/1/rename", map[string]string{"name": "renamed", "reason": "matrix"}),
		"split-registry-entry":  post("/api/v1/registry/1/split", map[string]any{"aliases": []string{"no such name"}}),
		"merge-registry-entry":  post("/api/v1/registry/1/merge", map[string]any{"into": 2}),
	}
}

// uploadRegistryLibrary uploads the whole shared test library
// (internal/testlibrary) and returns the documents' ids by file name.
func uploadRegistryLibrary(t *testing.T, h *harness) map[string]int64 {
	t.Helper()
	var files []string
	for _, n := range testlibrary.Names() {
		files = append(files, testlibrary.Path(n))
	}
	ids := map[string]int64{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		resp, data := h.upload(entente.RoleAdmin, map[string][]byte{filepath.Base(f): b})
		var out struct {
			Outcomes []struct {
				DocumentID int64 `json:"document_id"`
			} `json:"outcomes"`
		}
		if resp.StatusCode != 200 || json.Unmarshal(data, &out) != nil || len(out.Outcomes) != 1 || out.Outcomes[0].DocumentID == 0 {
			t.Fatalf("upload %s: %d %s", f, resp.StatusCode, clip(data))
		}
		ids[filepath.Base(f)] = out.Outcomes[0].DocumentID
	}
	return ids
}

// TestRegistryAPI reads the registry as a viewer, decides as an editor
// (each decision's event names the account), and follows citations both
// ways.
func TestRegistryAPI(t *testing.T) {
	forEachStore(t, func(t *testing.T, h *harness) {
		ids := uploadRegistryLibrary(t, h)
		var page RegistryPage
		resp, data := h.do(entente.RoleViewer, "GET", "/api/v1/registry?q=%E4%B8%AD%E5%A1%9E%E8%87%AA%E8%B4%B8", nil, "") // 中塞自贸
		if resp.StatusCode != 200 || json.Unmarshal(data, &page) != nil || page.Total != 1 {
			t.Fatalf("query: %d %s", resp.StatusCode, clip(data))
		}
		fta := page.Entries[0]
		if len(fta.Aliases) < 2 { // the harness reads every upload as Chinese: no English alias here
			t.Errorf("aliases %+v", fta.Aliases)
		}
		resp, data = h.do(entente.RoleViewer, "GET", "/api/v1/registry?kind=treaty", nil, "")
		if resp.StatusCode != 422 {
			t.Errorf("a bad kind: %d %s", resp.StatusCode, clip(data))
		}
		resp, _ = h.do(entente.RoleViewer, "POST", fmt.Sprintf("/api/v1/registry/%d/rename", fta.ID), jsonBody(map[string]string{"name": "x"}), "application/json")
		if resp.StatusCode != 403 {
			t.Errorf("a viewer renames: %d", resp.StatusCode)
		}
		var e entente.RegistryEntry
		resp, data = h.do(entente.RoleEditor, "POST", fmt.Sprintf("/api/v1/registry/%d/split", fta.ID),
			jsonBody(map[string]any{"aliases": []string{"中塞自贸协定"}, "reason": "check"}), "application/json")
		if resp.StatusCode != 200 || json.Unmarshal(data, &e) != nil || e.ID == fta.ID || len(e.Aliases) != 1 {
			t.Fatalf("split: %d %s", resp.StatusCode, clip(data))
		}
		resp, data = h.do(entente.RoleEditor, "POST", fmt.Sprintf("/api/v1/registry/%d/merge", e.ID),
			jsonBody(map[string]any{"into": fta.ID}), "application/json")
		if resp.StatusCode != 200 || json.Unmarshal(data, &e) != nil || e.ID != fta.ID || len(e.Aliases) != len(fta.Aliases) {
			t.Fatalf("merge: %d %s", resp.StatusCode, clip(data))
		}
		resp, data = h.do(entente.RoleEditor, "POST", fmt.Sprintf("/api/v1/registry/%d/rename", fta.ID),
			jsonBody(map[string]any{"name": "中塞自由贸易协定"}), "application/json")
		if resp.StatusCode != 200 || json.Unmarshal(data, &e) != nil || e.Name != "中塞自由贸易协定" {
			t.Fatalf("rename: %d %s", resp.StatusCode, clip(data))
		}
		evs, err := h.store.(interface {
			History(context.Context, entente.EventFilter) ([]entente.Event, error)
		}).History(context.Background(), entente.EventFilter{Entity: "registry", Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != 3 || slices.ContainsFunc(evs, func(e entente.Event) bool { return e.Actor != "editor-user" }) {
			t.Errorf("registry events %+v", evs)
		}

		var cites, by CitationList
		resp, data = h.do(entente.RoleViewer, "GET", fmt.Sprintf("/api/v1/documents/%d/cites", ids["cn-rs-2023.zh.txt"]), nil, "")
		if resp.StatusCode != 200 || json.Unmarshal(data, &cites) != nil || len(cites.Links) != 3 || cites.Links[0].Document == nil ||
			cites.Links[0].Document.ID != ids["cn-rs-2016.zh.txt"] {
			t.Errorf("cites: %d %s", resp.StatusCode, clip(data))
		}
		resp, data = h.do(entente.RoleViewer, "GET", fmt.Sprintf("/api/v1/documents/%d/cited-by", ids["cn-rs-2016.zh.txt"]), nil, "")
		if resp.StatusCode != 200 || json.Unmarshal(data, &by) != nil || len(by.Links) != 1 || by.Links[0].Document.ID != ids["cn-rs-2023.zh.txt"] {
			t.Errorf("cited-by: %d %s", resp.StatusCode, clip(data))
		}
		if resp, _ := h.do(entente.RoleViewer, "GET", "/api/v1/documents/999/cites", nil, ""); resp.StatusCode != 404 {
			t.Errorf("cites of no document: %d", resp.StatusCode)
		}
	})
}
