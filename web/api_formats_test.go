package web

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/entente/entente"
)

// TestListFormats: every list of the API answers in CSV and XLSX, asked by
// ?format= or by Accept, with exactly the rows of its JSON page (same
// filters, same paging, same order); the answer names the caller; a bad
// format or a refused filter is a problem, never a file.
func TestListFormats(t *testing.T) {
	h := trackedLibrary(t)
	h.do(entente.RoleAnalyst, "POST", "/api/v1/documents/1/sentences/s12/corrections",
		jsonBody(map[string]any{"field": "strength", "value": "soft", "reason": "愿"}), "application/json")
	h.do(entente.RoleEditor, "PUT", "/api/v1/settings/review", jsonBody(map[string]bool{"required": true}), "application/json")
	h.do(entente.RoleAnalyst, "POST", "/api/v1/documents/1/sentences/s13/corrections",
		jsonBody(map[string]any{"field": "areas", "value": []string{"trade"}, "reason": "x"}), "application/json")

	// keys reads a list's JSON page as row keys; col is the key column of its table.
	type keyed func(body []byte) []string
	field := func(list string, key func(m map[string]any) string) keyed {
		return func(body []byte) []string {
			var page map[string]json.RawMessage
			var items []map[string]any
			if err := json.Unmarshal(body, &page); err != nil || json.Unmarshal(page[list], &items) != nil {
				t.Fatalf("%s: %.200s", list, body)
			}
			var out []string
			for _, m := range items {
				out = append(out, key(m))
			}
			return out
		}
	}
	num := func(k string) func(m map[string]any) string {
		return func(m map[string]any) string { return fmt.Sprint(m[k]) }
	}
	cases := []struct {
		path string
		role entente.Role
		keys keyed
		col  int
		// wider is the same list without its filter, which lists other
		// rows: an export that dropped the filter would not match
		wider string
	}{
		{"/api/v1/documents?area=trade", entente.RoleViewer, field("documents", num("id")), 0, "/api/v1/documents"},
		{"/api/v1/documents?limit=2&offset=1", entente.RoleViewer, field("documents", num("id")), 0, "/api/v1/documents"},
		{"/api/v1/documents/1/sentences?offset=5&limit=20", entente.RoleViewer, field("sentences", func(m map[string]any) string { return m["id"].(string) }), 5, "/api/v1/documents/1/sentences?limit=5000"},
		{"/api/v1/search?q=%E5%90%88%E4%BD%9C&strength=firm&limit=30", entente.RoleViewer,
			field("hits", func(m map[string]any) string { return m["sentence"].(map[string]any)["id"].(string) }), 5, "/api/v1/search?q=%E5%90%88%E4%BD%9C&limit=30"},
		{"/api/v1/commitments?party=RS&sort=due&limit=40", entente.RoleViewer,
			field("commitments", func(m map[string]any) string { return m["sentence"].(map[string]any)["id"].(string) }), 1, "/api/v1/commitments?limit=500"},
		{"/api/v1/commitments?status=stalled", entente.RoleViewer,
			field("commitments", func(m map[string]any) string { return m["sentence"].(map[string]any)["id"].(string) }), 1, "/api/v1/commitments?limit=500"},
		{"/api/v1/events?after=2&limit=5", entente.RoleAdmin, field("events", num("seq")), 0, "/api/v1/events?limit=5"},
		{"/api/v1/history?doc=1", entente.RoleViewer, field("events", num("seq")), 0, ""},
		{"/api/v1/review", entente.RoleEditor, field("corrections", func(m map[string]any) string { return m["ref"].(string) }), 0, ""},
		{"/api/v1/registry?kind=instrument&limit=7", entente.RoleViewer, field("entries", num("id")), 0, "/api/v1/registry?limit=500"},
		{"/api/v1/compare?a=2&b=1", entente.RoleViewer, field("rows", func(m map[string]any) string {
			if a, ok := m["a"].(map[string]any); ok {
				return a["sentence"].(string)
			}
			return ""
		}), 3, ""},
		{"/api/v1/users", entente.RoleAdmin, field("users", func(m map[string]any) string { return m["name"].(string) }), 1, ""},
	}
	for _, c := range cases {
		resp, body := h.do(c.role, "GET", c.path, nil, "")
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", c.path, resp.StatusCode, clip(body))
		}
		want := c.keys(body)
		if len(want) == 0 {
			t.Fatalf("%s: an empty list tests nothing", c.path)
		}
		if c.wider != "" {
			_, all := h.do(c.role, "GET", c.wider, nil, "")
			if other := c.keys(all); slices.Equal(other, want) {
				t.Errorf("%s lists the rows %s lists: the filter does not change the test's list", c.path, c.wider)
			}
		}
		sep := "?"
		if strings.Contains(c.path, "?") {
			sep = "&"
		}
		for _, ask := range []struct {
			name, path, accept, format string
		}{
			{"?format=csv", c.path + sep + "format=csv", "", "csv"},
			{"Accept: text/csv", c.path, "text/csv;q=0.9, application/json;q=0.5", "csv"},
			{"?format=xlsx", c.path + sep + "format=xlsx", "application/json", "xlsx"},
			{"Accept: xlsx", c.path, xlsxType, "xlsx"},
		} {
			resp, data := h.doHeader(c.role, "GET", ask.path, nil, map[string]string{"Accept": ask.accept})
			if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), mediaTypes[ask.format][:8]) {
				t.Fatalf("%s %s: %d %s %s", c.path, ask.name, resp.StatusCode, resp.Header.Get("Content-Type"), clip(data))
			}
			var records [][]string
			about := ""
			if ask.format == "csv" {
				var err error
				if records, err = csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll(); err != nil {
					t.Fatal(err)
				}
			} else {
				f, err := excelize.OpenReader(bytes.NewReader(data))
				if err != nil {
					t.Fatal(err)
				}
				records, _ = f.GetRows(f.GetSheetList()[0])
				rows, _ := f.GetRows("About")
				for _, r := range rows {
					about += strings.Join(r, "=") + "\n"
				}
				f.Close()
			}
			var got []string
			for _, r := range records[1:] {
				got = append(got, r[c.col])
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s %s: rows %v, the JSON page %v", c.path, ask.name, got, want)
			}
			if ask.format == "xlsx" && !strings.Contains(about, string(c.role)+"-user") {
				t.Errorf("%s %s: the About sheet does not name the caller:\n%s", c.path, ask.name, about)
			}
		}
	}

	// The scorecard, an object, is its current state then its months.
	for _, q := range []string{"party=RS", "doc=1&area=political"} {
		_, body := h.do(entente.RoleViewer, "GET", "/api/v1/scorecard?"+q, nil, "")
		var sc entente.Scorecard
		if err := json.Unmarshal(body, &sc); err != nil {
			t.Fatal(err)
		}
		rows := exportRows(t, h, "/api/v1/scorecard?format=csv&"+q, 0, 2, 3)
		if want := fmt.Sprintf("current/%d/%d", sc.Pairs, sc.Rated); len(rows) != 1+len(sc.Timeline) || rows[0] != want {
			t.Errorf("scorecard %s: %q, want %s then %d months", q, rows, want, len(sc.Timeline))
		}
	}

	// ?format=json and no preference are the API's own JSON.
	_, plain := h.do(entente.RoleViewer, "GET", "/api/v1/documents?area=trade", nil, "")
	if _, asked := h.do(entente.RoleViewer, "GET", "/api/v1/documents?area=trade&format=json", nil, ""); !bytes.Equal(plain, asked) {
		t.Errorf("format=json differs from the default:\n%s\n%s", clip(plain), clip(asked))
	}
	refusals := []struct {
		role entente.Role
		path string
		code int
	}{
		{entente.RoleViewer, "/api/v1/documents?format=pdf", 400},
		{entente.RoleViewer, "/api/v1/commitments?format=csv&status=done", 422},
		{entente.RoleViewer, "/api/v1/events?format=csv", 403},
		{"", "/api/v1/documents?format=xlsx", 401},
	}
	for _, c := range refusals {
		resp, data := h.do(c.role, "GET", c.path, nil, "")
		if resp.StatusCode != c.code || !strings.Contains(resp.Header.Get("Content-Type"), "problem+json") ||
			resp.Header.Get("Content-Disposition") != "" {
			t.Errorf("%s as %q: %d %s %s", c.path, c.role, resp.StatusCode, resp.Header.Get("Content-Type"), clip(data))
		}
	}

	// The OpenAPI description says so.
	resp, data := h.do("", "GET", "/api/openapi.json", nil, "")
	if resp.StatusCode != 200 || !bytes.Contains(data, []byte(`"text/csv"`)) || !bytes.Contains(data, []byte(xlsxType)) {
		t.Errorf("the OpenAPI description does not offer CSV and XLSX")
	}
}
