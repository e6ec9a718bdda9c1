package web

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestAPIFilterForms: the API takes each form of a filter the CLI takes
// (one parser for both), refuses what matches nothing with a 422 problem
// naming the field and the choices, and counts the whole list.
func TestAPIFilterForms(t *testing.T) {
	forEachStore(t, func(t *testing.T, h *harness) {
		if resp, data := h.upload(entente.RoleAnalyst, map[string][]byte{"rs.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")}); resp.StatusCode != 200 {
			t.Fatalf("upload: %d %s", resp.StatusCode, data)
		}
		lists := []struct {
			query string
			want  int
		}{
			{"party=rs", 1}, {"party=" + url.QueryEscape("塞尔维亚"), 1}, {"party=Serbia", 1}, {"party=Srbija", 1},
			{"party=" + url.QueryEscape("Србија"), 1}, {"party=HU", 0},
			{"area=" + url.QueryEscape("基础设施"), 1}, {"area=Infrastructure", 1}, {"area=infrastructure", 1},
			{"kind=joint_statement", 1}, {"from=2024", 1}, {"to=2024-05", 1}, {"to=2024-05-07", 0}, {"lang=ZH", 1},
		}
		for _, tc := range lists {
			resp, data := h.do(entente.RoleViewer, "GET", "/api/v1/documents?"+tc.query, nil, "")
			var got DocumentList
			if resp.StatusCode != 200 || json.Unmarshal(data, &got) != nil {
				t.Errorf("%s: %d %s", tc.query, resp.StatusCode, data)
				continue
			}
			if len(got.Documents) != tc.want || got.Total != tc.want {
				t.Errorf("%s: %d documents of %d, want %d", tc.query, len(got.Documents), got.Total, tc.want)
			}
		}
		searches := []struct {
			query string
			want  bool // some hit
		}{
			{"party=serbia", true}, {"party=" + url.QueryEscape("塞尔维亚"), true}, {"area=" + url.QueryEscape("基础设施"), true},
			{"type=commitment&strength=firm", true}, {"from=2024-05", true}, {"to=2023", false},
		}
		for _, tc := range searches {
			resp, data := h.do(entente.RoleViewer, "GET", "/api/v1/search?q=%E9%93%81%E8%B7%AF&limit=1&"+tc.query, nil, "")
			var got SearchResult
			if resp.StatusCode != 200 || json.Unmarshal(data, &got) != nil {
				t.Errorf("search %s: %d %s", tc.query, resp.StatusCode, data)
				continue
			}
			if (got.Total > 0) != tc.want || len(got.Hits) > 1 || (got.Total > 0 && len(got.Hits) != 1) {
				t.Errorf("search %s: %d hits of %d", tc.query, len(got.Hits), got.Total)
			}
		}
		refused := []struct{ path, field, choice string }{
			{"/api/v1/documents?party=Narnia", "query.party", "CN"},
			{"/api/v1/documents?area=railways", "query.area", "infrastructure"},
			{"/api/v1/documents?kind=treaty", "query.kind", "joint_statement"},
			{"/api/v1/documents?from=2024-13", "query.from", "YYYY-MM"},
			{"/api/v1/search?q=x&strength=strong", "query.strength", "firm"},
			{"/api/v1/search?q=x&type=promise", "query.type", "commitment"},
			{"/api/v1/search?q=x&lang=fr", "query.lang", "sr-Latn"},
		}
		for _, tc := range refused {
			resp, data := h.do(entente.RoleViewer, "GET", tc.path, nil, "")
			var p struct {
				Detail string `json:"detail"`
				Errors []struct {
					Location string `json:"location"`
					Message  string `json:"message"`
				} `json:"errors"`
			}
			if resp.StatusCode != 422 || json.Unmarshal(data, &p) != nil {
				t.Errorf("%s: %d %s, want a 422 problem", tc.path, resp.StatusCode, data)
				continue
			}
			if len(p.Errors) != 1 || p.Errors[0].Location != tc.field || !strings.Contains(p.Errors[0].Message, tc.choice) {
				t.Errorf("%s: %+v, want %s offering %s", tc.path, p.Errors, tc.field, tc.choice)
			}
		}
	})
}

// TestAPISearchDeadEnd: a search with no hit says which filter to drop.
func TestAPISearchDeadEnd(t *testing.T) {
	forEachStore(t, func(t *testing.T, h *harness) {
		h.upload(entente.RoleAnalyst, map[string][]byte{"rs.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")})
		resp, data := h.do(entente.RoleViewer, "GET", "/api/v1/search?q=%E9%93%81%E8%B7%AF&type=position&area=energy", nil, "")
		var got SearchResult
		if resp.StatusCode != 200 || json.Unmarshal(data, &got) != nil {
			t.Fatalf("%d %s", resp.StatusCode, data)
		}
		if got.Total != 0 || len(got.Loosen) == 0 {
			t.Fatalf("total %d, loosen %+v", got.Total, got.Loosen)
		}
		for _, l := range got.Loosen {
			if l.Total == 0 || len(l.Drop) == 0 {
				t.Errorf("useless suggestion %+v", l)
			}
		}
	})
}

// TestSetUpHintNamesStore: the set-up hint names the store the server
// uses, so that the first account lands where the server looks.
func TestSetUpHintNamesStore(t *testing.T) {
	for db, want := range map[string]string{
		"/srv/entente/entente.db":            "--db /srv/entente/entente.db",
		"/home/me/my library/entente.db":     "--db '/home/me/my library/entente.db'",
		"postgres://u:xxxxx@db:5432/entente": "--db postgres://u:xxxxx@db:5432/entente",
		"":                                   "entente user add NAME --role admin\n",
	} {
		if got := SetUpHint(db); !strings.Contains(got, want) {
			t.Errorf("SetUpHint(%q) = %q, want %q in it", db, got, want)
		}
	}
	st := openSQLite(t)
	srv, err := New(Config{Store: st, StoreName: "/srv/entente/entente.db"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close(context.Background()) })
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), "--db /srv/entente/entente.db") {
		t.Errorf("the served hint does not name the store: %q", body)
	}
}
