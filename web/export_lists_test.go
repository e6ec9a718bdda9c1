package web

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/entente/entente"
)

// exportKeys reads an export in the format its path names and returns,
// for each row, the named columns joined by "/": the same reading of CSV,
// JSON and XLSX, so that the three can be held to one page.
func exportKeys(t *testing.T, h *harness, role entente.Role, target string, cols ...string) []string {
	t.Helper()
	resp, data := h.do(role, "GET", target, nil, "")
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d %s", target, resp.StatusCode, clip(data))
	}
	u, _ := url.Parse(target)
	var header []string
	var rows [][]string
	switch path.Ext(u.Path) {
	case ".csv":
		if !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
			t.Errorf("%s: no byte-order mark", target)
		}
		records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")))).ReadAll()
		if err != nil || len(records) == 0 {
			t.Fatalf("%s: %v", target, err)
		}
		header, rows = records[0], records[1:]
	case ".xlsx":
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", target, err)
		}
		defer f.Close()
		records, err := f.GetRows(f.GetSheetList()[0])
		if err != nil || len(records) == 0 {
			t.Fatalf("%s: %v", target, err)
		}
		header, rows = records[0], records[1:]
	case ".json":
		var doc struct {
			Columns []string                     `json:"columns"`
			Rows    []map[string]json.RawMessage `json:"rows"`
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		if err := dec.Decode(&doc); err != nil {
			t.Fatalf("%s: %v: %s", target, err, clip(data))
		}
		header = doc.Columns
		for _, r := range doc.Rows {
			row := make([]string, len(header))
			for i, c := range header {
				var s string
				if json.Unmarshal(r[c], &s) != nil {
					s = string(r[c]) // a number as written
				}
				row[i] = s
			}
			rows = append(rows, row)
		}
	default:
		t.Fatalf("%s: no format", target)
	}
	idx := make([]int, len(cols))
	for i, c := range cols {
		if idx[i] = slices.Index(header, c); idx[i] < 0 {
			t.Fatalf("%s: no column %q in %v", target, c, header)
		}
	}
	out := []string{}
	for _, r := range rows {
		parts := make([]string, len(cols))
		for i, j := range idx {
			if j < len(r) { // excelize leaves a row's empty tail out
				parts[i] = r[j]
			}
		}
		out = append(out, strings.Join(parts, "/"))
	}
	return out
}

// matches joins the groups of each match of re in body with "/".
func matches(re *regexp.Regexp, body string) []string {
	var out []string
	for _, m := range re.FindAllStringSubmatch(body, -1) {
		out = append(out, strings.Join(m[1:], "/"))
	}
	return out
}

var (
	timelineStep  = regexp.MustCompile(`<span class="muted"><a href="/documents/\d+">[^<]*</a> · (\d+)/(s\d+)</span>`)
	pairStep      = regexp.MustCompile(`<strong class="rel-label">[^<]*</strong>\s*<a href="/documents/(\d+)#(s\d+)">`)
	pairDoc       = regexp.MustCompile(`<li[^>]*>[^<]* · <a href="/documents/(\d+)">`)
	citesRow      = regexp.MustCompile(`<tr><td><a href="/registry/(\d+)">`)
	citedByRow    = regexp.MustCompile(`<tr><td><a href="/documents/\d+/citations">[^\n]*</td>\n<td><a href="/registry/(\d+)">`)
	eventRow      = regexp.MustCompile(`<tr><td>(\d+)</td>`)
	reviewRow     = regexp.MustCompile(`<input type="hidden" name="ref" value="([^"]+)">`)
	eventsNext    = regexp.MustCompile(`<p><a href="(/events\?after=\d+)">`)
	readerSpan    = regexp.MustCompile(`<a class="s [a-z_]+( dim)?" id="(s\d+)"`)
	compareRowRe  = regexp.MustCompile(`(?s)<tr class="row-([a-z_]+)">\s*<td>(?:<a href="/documents/\d+#(s\d+)">)?.*?</td>\s*<td class="mark">.*?</td>\s*<td>(?:<a href="/documents/\d+#(s\d+)">)?`)
	registryPages = func(t *testing.T, h *harness, q string) []string {
		var want []string
		for offset := 0; ; offset += registryPageSize {
			ms := registryLink.FindAllStringSubmatch(h.page("/registry?"+q+"&offset="+strconv.Itoa(offset)), -1)
			for _, m := range ms {
				want = append(want, m[1])
			}
			if len(ms) < registryPageSize {
				return want
			}
		}
	}
)

// pageAs is a page as role reads it.
func pageAs(t *testing.T, h *harness, role entente.Role, target string) string {
	t.Helper()
	resp, data := h.do(role, "GET", target, nil, "")
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d %s", target, resp.StatusCode, clip(data))
	}
	return string(data)
}

// TestEveryListExports: every list the UI shows links its export in CSV,
// JSON and XLSX with the page's filters, and each of the three files has
// exactly the rows the page lists (every page of it), in the page's order.
// Each list is tried unfiltered and with a filter that leaves some rows
// out, so an export that dropped the filter would fail.
func TestEveryListExports(t *testing.T) {
	h := trackedLibrary(t)
	// more events than a page of the log shows
	for i := range 100 {
		areas := [][]string{{"energy"}, {"infrastructure"}}[i%2]
		if resp, data := h.do(entente.RoleAnalyst, "POST", "/api/v1/documents/3/sentences/s1/corrections",
			jsonBody(map[string]any{"field": "areas", "value": areas, "reason": "events " + strconv.Itoa(i)}), "application/json"); resp.StatusCode != 201 {
			t.Fatalf("correct: %d %s", resp.StatusCode, clip(data))
		}
	}
	type list struct {
		name   string
		role   entente.Role
		page   func(q string) string // the page that shows the list
		rows   func(q string) []string
		export string // the export's path without its extension
		cols   []string
		// queries: the first lists the most; each other leaves rows out
		// (or, for a comparison, names another pair).
		queries []string
	}
	viewer := func(p string) func(q string) string {
		return func(q string) string { return pageAs(t, h, entente.RoleViewer, p+q) }
	}
	lists := []list{
		{name: "library", role: entente.RoleViewer, page: viewer("/?"), rows: func(q string) []string { return libraryIDs(h.page("/?" + q)) },
			export: "/export/documents", cols: []string{"id"}, queries: []string{"", "area=trade", "sort=title&to=2020"}},
		{name: "search", role: entente.RoleViewer, page: viewer("/search?"),
			rows:   func(q string) []string { r, _ := searchRows(t, h, q); return r },
			export: "/export/search", cols: []string{"document_id", "sentence"},
			queries: []string{"q=" + url.QueryEscape("合作"), "q=" + url.QueryEscape("合作") + "&strength=firm",
				"area=trade&type=commitment"}},
		{name: "commitments", role: entente.RoleViewer, page: viewer("/commitments?"),
			rows:   func(q string) []string { return commitmentPages(t, h, q) },
			export: "/export/commitments", cols: []string{"document_id", "sentence"},
			queries: []string{"", "party=RS&sort=due", "status=stalled"}},
		{name: "registry", role: entente.RoleViewer, page: viewer("/registry?"),
			rows:   func(q string) []string { return registryPages(t, h, q) },
			export: "/export/registry", cols: []string{"id"}, queries: []string{"", "kind=instrument"}},
		{name: "events", role: entente.RoleAdmin,
			page: func(q string) string { return pageAs(t, h, entente.RoleAdmin, "/events?"+q) },
			rows: func(q string) []string {
				var seqs []string
				for p := "/events?" + q; p != ""; {
					body := pageAs(t, h, entente.RoleAdmin, p)
					for _, m := range eventRow.FindAllStringSubmatch(body, -1) {
						seqs = append(seqs, m[1])
					}
					p = ""
					if m := eventsNext.FindStringSubmatch(body); m != nil {
						p = m[1]
					}
				}
				return seqs
			},
			export: "/export/events", cols: []string{"seq"}, queries: []string{"", "after=7"}},
		{name: "reader", role: entente.RoleViewer, page: viewer("/documents/1?"),
			rows: func(q string) []string {
				var ids []string
				for _, m := range readerSpan.FindAllStringSubmatch(pageAs(t, h, entente.RoleViewer, "/documents/1?"+q), -1) {
					if m[1] == "" {
						ids = append(ids, m[2])
					}
				}
				return ids
			},
			export: "/export/documents/1/sentences", cols: []string{"sentence"},
			queries: []string{"", "type=commitment", "actor=RS&area=trade&type=commitment"}},
		{name: "compare", role: entente.RoleViewer, page: viewer("/compare?"),
			rows: func(q string) []string {
				var rows []string
				for _, m := range compareRowRe.FindAllStringSubmatch(pageAs(t, h, entente.RoleViewer, "/compare?"+q), -1) {
					rows = append(rows, m[1]+"/"+m[2]+"/"+m[3])
				}
				return rows
			},
			export: "/export/compare", cols: []string{"mark", "a_sentence", "b_sentence"}, queries: []string{"a=1&b=2", "a=1&b=3"}},
		{name: "timeline", role: entente.RoleViewer, page: viewer("/timeline?"),
			rows: func(q string) []string {
				return matches(timelineStep, pageAs(t, h, entente.RoleViewer, "/timeline?"+q))
			},
			export: "/export/timeline", cols: []string{"document_id", "sentence"}, queries: []string{"a=CN&b=RS"}},
		{name: "pair timeline", role: entente.RoleViewer, page: func(string) string { return pageAs(t, h, entente.RoleViewer, "/pairs/CN/RS") },
			rows: func(string) []string {
				return matches(pairStep, pageAs(t, h, entente.RoleViewer, "/pairs/CN/RS"))
			},
			export: "/export/timeline", cols: []string{"document_id", "sentence"}, queries: []string{"a=CN&b=RS"}},
		{name: "pair documents", role: entente.RoleViewer, page: func(string) string { return pageAs(t, h, entente.RoleViewer, "/pairs/CN/RS") },
			rows: func(string) []string {
				// the page lists the newest first, the export (as the
				// timeline) the oldest
				rows := matches(pairDoc, pageAs(t, h, entente.RoleViewer, "/pairs/CN/RS"))
				slices.Reverse(rows)
				return rows
			},
			export: "/export/pairs/CN/RS/documents", cols: []string{"id"}, queries: []string{""}},
		{name: "citations", role: entente.RoleViewer, page: func(string) string { return pageAs(t, h, entente.RoleViewer, "/documents/1/citations") },
			rows: func(string) []string {
				body := pageAs(t, h, entente.RoleViewer, "/documents/1/citations")
				var rows []string
				for _, m := range citesRow.FindAllStringSubmatch(body, -1) {
					rows = append(rows, "cites/"+m[1])
				}
				for _, m := range citedByRow.FindAllStringSubmatch(body, -1) {
					rows = append(rows, "cited_by/"+m[1])
				}
				return rows
			},
			export: "/export/documents/1/citations", cols: []string{"direction", "entry_id"}, queries: []string{""}},
	}
	// two corrections wait for an editor
	h.do(entente.RoleEditor, "PUT", "/api/v1/settings/review", jsonBody(map[string]bool{"required": true}), "application/json")
	for _, s := range []string{"s12", "s13"} {
		if resp, data := h.do(entente.RoleAnalyst, "POST", "/api/v1/documents/1/sentences/"+s+"/corrections",
			jsonBody(map[string]any{"field": "areas", "value": []string{"trade"}, "reason": "review"}), "application/json"); resp.StatusCode != 201 {
			t.Fatalf("propose: %d %s", resp.StatusCode, clip(data))
		}
	}
	lists = append(lists, list{name: "review", role: entente.RoleEditor,
		page: func(q string) string { return pageAs(t, h, entente.RoleEditor, "/review") },
		rows: func(q string) []string {
			var refs []string
			for _, m := range reviewRow.FindAllStringSubmatch(pageAs(t, h, entente.RoleEditor, "/review"), -1) {
				refs = append(refs, m[1])
			}
			return refs
		},
		export: "/export/review", cols: []string{"ref"}, queries: []string{""}})
	for _, l := range lists {
		var first []string
		for i, q := range l.queries {
			want := l.rows(q)
			if len(want) == 0 {
				t.Fatalf("%s %q: the page lists nothing, which tests nothing", l.name, q)
			}
			if i == 0 {
				first = want
			} else if slices.Equal(want, first) || (l.name != "compare" && len(want) >= len(first)) {
				t.Errorf("%s %q lists %d rows against %d unfiltered: it does not narrow the test's list", l.name, q, len(want), len(first))
			}
			page := l.page(q)
			for _, format := range []string{"csv", "json", "xlsx"} {
				target := l.export + "." + format
				if q != "" {
					target += "?" + q
				}
				if !strings.Contains(html.UnescapeString(page), `href="`+target+`"`) &&
					!(q == "" && strings.Contains(page, `href="`+target+`?"`)) {
					t.Errorf("%s %q: the page does not link %s", l.name, q, target)
				}
				if got := exportKeys(t, h, l.role, target, l.cols...); !slices.Equal(got, want) {
					t.Errorf("%s %q %s: %d rows %v\nthe page: %d rows %v", l.name, q, format, len(got), clip([]byte(fmt.Sprint(got))),
						len(want), clip([]byte(fmt.Sprint(want))))
				}
			}
		}
	}
	// the log's export is an administrator's, as its page is
	if resp, _ := h.do(entente.RoleEditor, "GET", "/export/events.csv", nil, ""); resp.StatusCode != 403 {
		t.Errorf("an editor exports the event log: %d", resp.StatusCode)
	}
	if resp, _ := h.do(entente.RoleAnalyst, "GET", "/export/review.csv", nil, ""); resp.StatusCode != 403 {
		t.Errorf("an analyst exports the review queue: %d", resp.StatusCode)
	}
	for target, code := range map[string]int{"/export/compare.csv?a=1&b=x": 422, "/export/compare.csv?a=1&b=999": 404,
		"/export/documents/999/sentences.csv": 404, "/export/documents/x/sentences.xlsx": 404} {
		if resp, _ := h.do(entente.RoleViewer, "GET", target, nil, ""); resp.StatusCode != code {
			t.Errorf("%s: %d, want %d", target, resp.StatusCode, code)
		}
	}
}

var (
	dashTotal  = regexp.MustCompile(`<p class="muted" id="dash-total">(\d+) `)
	dashStatus = regexp.MustCompile(`<td data-status="([a-z_]+)">(\d+)</td>`)
)

// TestDashboardExportsItsScorecard: the dashboard links its scorecard's
// export with its filters, and the file's current row counts what the page
// counts (commitments and pairs per status) under each filter; a filter
// the page would leave out is refused, never dropped.
func TestDashboardExportsItsScorecard(t *testing.T) {
	h := trackedLibrary(t)
	var first string
	for _, q := range []string{"", "party=AE", "area=political&from=2024", "pair=CN%2CRS"} {
		page := h.page("/dashboard?" + q)
		m := dashTotal.FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("%q: no total on the dashboard", q)
		}
		want := []string{m[1]}
		for _, st := range dashStatus.FindAllStringSubmatch(page, -1) {
			if st[2] != "0" {
				want = append(want, st[1]+"="+st[2])
			}
		}
		slices.Sort(want[1:])
		if q == "" {
			first = m[1]
		} else if m[1] == first {
			t.Errorf("%q counts %s commitments, as unfiltered: it does not narrow the test's set", q, m[1])
		}
		for _, format := range []string{"csv", "json", "xlsx"} {
			target := "/export/dashboard." + format + "?" + q
			if !strings.Contains(html.UnescapeString(page), `href="`+target+`"`) {
				t.Errorf("%q: the dashboard does not link %s", q, target)
			}
			cols := append([]string{"period", "commitments"}, statusCodes()...)
			rows := exportKeys(t, h, entente.RoleViewer, target, cols...)
			if len(rows) == 0 {
				t.Fatalf("%s: no rows", target)
			}
			cells := strings.Split(rows[0], "/")
			got := []string{cells[1]}
			for i, c := range cells[2:] {
				if c != "0" && c != "" {
					got = append(got, cols[i+2]+"="+c)
				}
			}
			slices.Sort(got[1:])
			if cells[0] != "current" || !slices.Equal(got, want) {
				t.Errorf("%s: %v, the page %v", target, got, want)
			}
		}
	}
	if resp, data := h.do(entente.RoleViewer, "GET", "/export/dashboard.csv?party=Narnia", nil, ""); resp.StatusCode != 422 {
		t.Errorf("a refused party: %d %s", resp.StatusCode, clip(data))
	}
}

func statusCodes() []string {
	var out []string
	for _, s := range entente.Statuses {
		out = append(out, string(s))
	}
	return out
}

var readerNext = regexp.MustCompile(`<a href="([^"]+)" rel="next">`)

// TestReaderExportEveryPage: a statement longer than a page of the reader
// exports every sentence the filter keeps, from every page, in order.
func TestReaderExportEveryPage(t *testing.T) {
	h := newHarness(t, openSQLite(t), false)
	if resp, data := h.upload(entente.RoleAnalyst, map[string][]byte{"long.txt": longStatement(2*readerPageSize + 30)}); resp.StatusCode != 200 {
		t.Fatalf("upload: %d %s", resp.StatusCode, clip(data))
	}
	for _, q := range []string{"", "type=commitment"} {
		var want []string
		pages := 0
		for p := "/documents/1?" + q; p != ""; pages++ {
			body := h.page(p)
			for _, m := range readerSpan.FindAllStringSubmatch(body, -1) {
				if m[1] == "" {
					want = append(want, m[2])
				}
			}
			p = ""
			if m := readerNext.FindStringSubmatch(body); m != nil {
				p = html.UnescapeString(m[1])
			}
		}
		if pages < 3 || len(want) <= 2*readerPageSize {
			t.Fatalf("%q: %d pages, %d sentences: the statement should span three pages", q, pages, len(want))
		}
		for _, format := range []string{"csv", "xlsx"} {
			target := "/export/documents/1/sentences." + format + "?" + q
			if got := exportKeys(t, h, entente.RoleViewer, target, "sentence"); !slices.Equal(got, want) {
				t.Errorf("%s: %d rows, the pages %d", target, len(got), len(want))
			}
		}
	}
}
