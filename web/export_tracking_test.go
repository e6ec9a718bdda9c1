package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/entente/entente"
)

// trackedLibrary holds pageLibrary's statements, China–Serbia 2024 first,
// one upload each so that their ids are 1, 2, 3 in that order, with
// statuses recorded: one joint commitment fulfilled for all its parties,
// another stalled for one, each with its evidence.
func trackedLibrary(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, openSQLite(t), false)
	for _, files := range []map[string][]byte{
		{"rs.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")},
		{"ae.txt": readCorpus(t, "cn-ae-2019-joint-statement.zh.txt")},
		{"untitled.txt": []byte(untitled)}, // one file per upload: the ids follow this order
	} {
		if resp, data := h.upload(entente.RoleAnalyst, files); resp.StatusCode != 200 {
			t.Fatalf("upload: %d %s", resp.StatusCode, data)
		}
	}
	set := func(ref, party, status, title string) {
		t.Helper()
		s := "/api/v1/documents/" + ref
		resp, data := h.do(entente.RoleAnalyst, "POST", s+"/evidence", jsonBody(map[string]any{"title": title, "url": "https://example.org/" + party,
			"event_date": "2025-01-10", "official": true}), "application/json")
		var ev entente.Evidence
		if resp.StatusCode != 201 || json.Unmarshal(data, &ev) != nil {
			t.Fatalf("add evidence: %d %s", resp.StatusCode, clip(data))
		}
		resp, _ = h.do(entente.RoleViewer, "GET", s+"/tracking", nil, "")
		body := map[string]any{"status": status, "evidence_id": ev.ID, "reason": "checked", "party": party}
		resp, data = h.doHeader(entente.RoleAnalyst, "PUT", s+"/status", jsonBody(body), map[string]string{"If-Match": resp.Header.Get("ETag")})
		if resp.StatusCode != 200 {
			t.Fatalf("set status: %d %s", resp.StatusCode, clip(data))
		}
	}
	// the first two commitments China and Serbia both make, as the export
	// lists them (which sentences they are is the extractor's business, not
	// this test's)
	resp, data := h.do(entente.RoleViewer, "GET", "/export/commitments.json?doc=1&party=RS", nil, "")
	var listed struct {
		Rows []struct {
			Doc      int64    `json:"document_id"`
			Sentence string   `json:"sentence"`
			Actors   []string `json:"actors"`
		} `json:"rows"`
	}
	if resp.StatusCode != 200 || json.Unmarshal(data, &listed) != nil {
		t.Fatalf("commitments of document 1: %d %s", resp.StatusCode, clip(data))
	}
	var refs []string
	for _, r := range listed.Rows {
		if slices.Contains(r.Actors, "CN") && slices.Contains(r.Actors, "RS") && len(r.Actors) == 2 {
			refs = append(refs, fmt.Sprintf("%d/%s", r.Doc, r.Sentence))
		}
	}
	if len(refs) < 2 {
		t.Fatalf("document 1 has %d joint commitments of China and Serbia: %s", len(refs), clip(data))
	}
	anchor := func(ref string) string { doc, s, _ := strings.Cut(ref, "/"); return doc + "/sentences/" + s }
	set(anchor(refs[0]), "", "fulfilled", "Talks held")
	set(anchor(refs[1]), "RS", "stalled", "=No meeting since")
	return h
}

var commitmentLink = regexp.MustCompile(`<td><a href="/documents/(\d+)/sentences/(s\d+)">`)

// commitmentPages returns the commitments the table lists under a query,
// every page of it, in order, as DOC/sN.
func commitmentPages(t *testing.T, h *harness, q string) []string {
	t.Helper()
	var out []string
	for offset := 0; ; offset += 50 {
		page := h.page("/commitments?" + q + "&offset=" + strconv.Itoa(offset))
		ms := commitmentLink.FindAllStringSubmatch(page, -1)
		for _, m := range ms {
			out = append(out, m[1]+"/"+m[2])
		}
		if len(ms) < 50 {
			return out
		}
	}
}

// TestCommitmentsExportFollowsTable: the commitments export has the rows
// the table lists under each filter and sort, every page of them, in
// CSV, JSON and XLSX; the workbook adds the statuses and the evidence,
// and the scorecard export is the page's scorecard.
func TestCommitmentsExportFollowsTable(t *testing.T) {
	h := trackedLibrary(t)
	if page := h.page("/commitments?party=RS&sort=due"); !strings.Contains(page, `href="/export/commitments.xlsx?party=RS&amp;sort=due"`) ||
		!strings.Contains(page, `href="/export/scorecard.csv?party=RS&amp;sort=due"`) {
		t.Error("the commitments page offers no export of its filtered table and scorecard")
	}
	all := commitmentPages(t, h, "")
	if len(all) <= 50 {
		t.Fatalf("%d commitments: the test needs more than a page", len(all))
	}
	for _, q := range []string{"", "party=AE", "party=RS&status=stalled", "status=fulfilled", "strength=firm&sort=status",
		"area=trade", "sort=due", "doc=1&sort=status", "upcoming=1", "due_before=not-a-date"} {
		want := commitmentPages(t, h, q)
		if len(want) == len(all) && q != "" && q != "sort=due" && q != "due_before=not-a-date" {
			t.Errorf("%q narrows nothing: the case tests nothing", q)
		}
		if got := exportRows(t, h, "/export/commitments.csv?"+q, 0, 1); !slices.Equal(got, want) {
			t.Errorf("%q: CSV %v,\ntable %v", q, got, want)
		}
		got, about := xlsxRows(t, h, "/export/commitments.xlsx?"+q, 0, 1)
		if !slices.Equal(got, want) {
			t.Errorf("%q: XLSX %v,\ntable %v", q, got, want)
		}
		if !strings.Contains(about, "viewer-user") || (q != "" && !strings.Contains(about, strings.SplitN(q, "&", 2)[0])) {
			t.Errorf("%q: About sheet:\n%s", q, about)
		}
		resp, data := h.do(entente.RoleViewer, "GET", "/export/commitments.json?"+q, nil, "")
		var js struct {
			Rows []struct {
				Doc      int64  `json:"document_id"`
				Sentence string `json:"sentence"`
			} `json:"rows"`
		}
		if resp.StatusCode != 200 || json.Unmarshal(data, &js) != nil {
			t.Fatalf("%q: JSON %d %s", q, resp.StatusCode, clip(data))
		}
		var jrows []string
		for _, r := range js.Rows {
			jrows = append(jrows, fmt.Sprintf("%d/%s", r.Doc, r.Sentence))
		}
		if !slices.Equal(jrows, want) {
			t.Errorf("%q: JSON %v,\ntable %v", q, jrows, want)
		}
	}

	// The rows carry each party's status and the evidence.
	resp, data := h.do(entente.RoleViewer, "GET", "/export/commitments.json?doc=1", nil, "")
	var js struct {
		Rows []map[string]any `json:"rows"`
	}
	if resp.StatusCode != 200 || json.Unmarshal(data, &js) != nil {
		t.Fatalf("JSON %d", resp.StatusCode)
	}
	stalled := commitmentPages(t, h, "doc=1&status=stalled")
	if len(stalled) != 1 {
		t.Fatalf("stalled commitments: %v", stalled)
	}
	_, stalledSentence, _ := strings.Cut(stalled[0], "/")
	found := false
	for _, r := range js.Rows {
		if r["sentence"] != stalledSentence {
			continue
		}
		found = true
		sts, _ := r["statuses"].([]any)
		evs, _ := r["evidence_items"].([]any)
		text, _ := json.Marshal(sts)
		if len(sts) != 2 || !strings.Contains(string(text), `"party":"RS","status":"stalled"`) || !strings.Contains(string(text), `"by":"analyst-user"`) ||
			len(evs) != 1 || r["evidence"] != 1.0 {
			t.Errorf("%s's row: statuses %s, evidence %v", stalled[0], text, evs)
		}
	}
	if !found {
		t.Errorf("no row for %s", stalled[0])
	}
	csvRows := exportRows(t, h, "/export/commitments.csv?doc=1&status=stalled", 1, 13, 14, 15)
	if len(csvRows) != 1 || !strings.Contains(csvRows[0], "RS: stalled") || !strings.Contains(csvRows[0], "=No meeting since <https://example.org/RS>") {
		t.Errorf("CSV row of %s: %q", stalled[0], csvRows)
	}

	// The workbook's further sheets: one row per party's status, one per evidence item.
	resp, data = h.do(entente.RoleViewer, "GET", "/export/commitments.xlsx?doc=1&status=fulfilled", nil, "")
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if resp.StatusCode != 200 || err != nil {
		t.Fatalf("xlsx: %d %v", resp.StatusCode, err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"commitments", "statuses", "evidence", "About"}) {
		t.Fatalf("sheets %v", got)
	}
	statuses, _ := f.GetRows("statuses")
	evidence, _ := f.GetRows("evidence")
	if len(statuses) != 3 || statuses[1][3] != "fulfilled" || statuses[1][6] != "analyst-user" || len(evidence) != 2 || evidence[1][3] != "Talks held" {
		t.Errorf("statuses %q\nevidence %q", statuses, evidence)
	}
	if typ, _ := f.GetCellType("evidence", "G2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("event_date is text (%v), not a date", typ)
	}

	// The scorecard export is the scorecard of the page's set.
	for _, q := range []string{"", "party=RS", "doc=1", "area=trade"} {
		resp, data := h.do(entente.RoleViewer, "GET", "/api/v1/scorecard?"+q, nil, "")
		var sc entente.Scorecard
		if resp.StatusCode != 200 || json.Unmarshal(data, &sc) != nil {
			t.Fatalf("scorecard %q: %d", q, resp.StatusCode)
		}
		rows := exportRows(t, h, "/export/scorecard.csv?"+q, 0, 1, 2, 3, 4, 5, 10, 11)
		comp := ""
		if sc.Compliance != nil {
			comp = strconv.FormatFloat(*sc.Compliance, 'f', -1, 64)
		}
		want := fmt.Sprintf("current/%d/%d/%d/%s/%d/%d/%d", sc.Commitments, sc.Pairs, sc.Rated, comp, sc.Overdue,
			sc.Counts[entente.Fulfilled], sc.Counts[entente.Stalled])
		if len(rows) != 1+len(sc.Timeline) || rows[0] != want {
			t.Errorf("scorecard %q: export %q, want %q then %d months", q, rows, want, len(sc.Timeline))
		}
	}

	// The export form: the page's filters as hidden fields, a format, a
	// scale; the scale's columns beside Entente's statuses.
	page := h.page("/commitments?doc=1&status=stalled&offset=50")
	for _, want := range []string{`action="/export/commitments"`, `formaction="/export/scorecard"`, `name="doc" value="1"`,
		`name="status" value="stalled"`, `<option value="politifact">PolitiFact Promise Meter</option>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the export form lacks %s", want)
		}
	}
	if strings.Contains(page, `name="offset"`) {
		t.Error("the export form carries the page's offset: it would export from there")
	}
	for _, c := range []struct{ path, want string }{
		{"/export/commitments?doc=1&status=stalled&format=csv&vocabulary=politifact", "RS: Stalled"},
		{"/export/commitments?doc=1&status=stalled&format=csv&vocabulary=g7", "RS: -1"},
		{"/export/commitments?doc=1&status=fulfilled&format=csv&vocabulary=ogp", "CN: Complete"},
	} {
		resp, data := h.do(entente.RoleViewer, "GET", c.path, nil, "")
		if resp.StatusCode != 200 || !strings.Contains(string(data), c.want) || !strings.Contains(string(data), "statuses_") {
			t.Errorf("%s: %d %s", c.path, resp.StatusCode, clip(data))
		}
	}
	rows := exportRows(t, h, "/export/scorecard?format=csv&vocabulary=g7&doc=1", 0, 14, 15, 16, 17)
	if len(rows) == 0 || !strings.HasPrefix(rows[0], "current/") {
		t.Errorf("scorecard on the G7 scale: %q", rows)
	}
	for _, path := range []string{"/export/commitments?format=csv&vocabulary=truth", "/export/scorecard?format=csv&vocabulary=truth"} {
		if resp, _ := h.do(entente.RoleViewer, "GET", path, nil, ""); resp.StatusCode != 422 {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
	}
	if resp, _ := h.do(entente.RoleViewer, "GET", "/export/commitments?format=pdf", nil, ""); resp.StatusCode != 400 {
		t.Errorf("format=pdf: %d", resp.StatusCode)
	}
	resp, data = h.do(entente.RoleViewer, "GET", "/api/v1/commitments?doc=1&status=stalled&format=csv&vocabulary=ogp", nil, "")
	if resp.StatusCode != 200 || !strings.Contains(string(data), "RS: Limited") {
		t.Errorf("API on the OGP scale: %d %s", resp.StatusCode, clip(data))
	}
	if resp, _ := h.do(entente.RoleViewer, "GET", "/api/v1/scorecard?format=csv&vocabulary=truth", nil, ""); resp.StatusCode != 400 {
		t.Errorf("API vocabulary=truth: %d", resp.StatusCode)
	}

	// A filter the table refuses is refused, with no file.
	if resp, data := h.do(entente.RoleViewer, "GET", "/export/commitments.csv?status=done", nil, ""); resp.StatusCode != 422 ||
		strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
		t.Errorf("status=done: %d %s", resp.StatusCode, clip(data))
	}
}

var registryLink = regexp.MustCompile(`<td><a href="/registry/(\d+)">`)

// TestRegistryExportFollowsPage: the registry's export has the entries the
// page lists under its query and kind, every page of them, in order.
func TestRegistryExportFollowsPage(t *testing.T) {
	h := pageLibrary(t)
	if page := h.page("/registry?kind=instrument"); !strings.Contains(page, `href="/export/registry.xlsx?kind=instrument"`) {
		t.Error("the registry page offers no export of its list")
	}
	for _, q := range []string{"", "kind=instrument", "kind=mechanism", "q=" + url.QueryEscape("倡议")} {
		var want []string
		for offset := 0; ; offset += registryPageSize {
			ms := registryLink.FindAllStringSubmatch(h.page("/registry?"+q+"&offset="+strconv.Itoa(offset)), -1)
			for _, m := range ms {
				want = append(want, m[1])
			}
			if len(ms) < registryPageSize {
				break
			}
		}
		if len(want) == 0 {
			t.Fatalf("%q: the page lists nothing", q)
		}
		if got := exportRows(t, h, "/export/registry.csv?"+q, 0); !slices.Equal(got, want) {
			t.Errorf("%q: export %v, page %v", q, got, want)
		}
		if got, _ := xlsxRows(t, h, "/export/registry.xlsx?"+q, 0); !slices.Equal(got, want) {
			t.Errorf("%q: xlsx %v, page %v", q, got, want)
		}
	}
	if resp, _ := h.do(entente.RoleViewer, "GET", "/export/registry.csv?kind=treaty", nil, ""); resp.StatusCode != 422 {
		t.Errorf("kind=treaty: %d", resp.StatusCode)
	}
}
