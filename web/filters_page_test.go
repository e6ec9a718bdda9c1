package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlite"
)

// untitled is a statement with no title line: the extractor finds no
// title, kind other.
const untitled = "双方同意加强铁路合作。塞方愿扩大对华出口。\n"

// pageLibrary holds the two development statements (China–Serbia 2024,
// China–UAE 2019) and an untitled one.
func pageLibrary(t *testing.T) *harness {
	t.Helper()
	h := newHarness(t, openSQLite(t), false)
	resp, data := h.upload(entente.RoleAnalyst, map[string][]byte{
		"rs.txt":       readCorpus(t, "cn-rs-2024-joint-statement.zh.txt"),
		"ae.txt":       readCorpus(t, "cn-ae-2019-joint-statement.zh.txt"),
		"untitled.txt": []byte(untitled),
	})
	if resp.StatusCode != 200 {
		t.Fatalf("upload: %d %s", resp.StatusCode, data)
	}
	return h
}

func (h *harness) page(path string) string {
	h.t.Helper()
	resp, data := h.do(entente.RoleViewer, "GET", path, nil, "")
	if resp.StatusCode != 200 {
		h.t.Fatalf("%s: %d", path, resp.StatusCode)
	}
	return string(data)
}

var docLink = regexp.MustCompile(`<td[^>]*><a href="/documents/(\d+)">([^<]*)</a>`)

// libraryIDs returns the documents a library page lists, in order.
func libraryIDs(body string) []string {
	var ids []string
	for _, m := range docLink.FindAllStringSubmatch(body, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// TestLibraryFilterForms: the library's filters take what the CLI and the
// API take, refuse the rest beside the field, and offer choices.
func TestLibraryFilterForms(t *testing.T) {
	h := pageLibrary(t)
	all := libraryIDs(h.page("/"))
	if len(all) != 3 {
		t.Fatalf("library lists %v, want 3 documents", all)
	}
	serbia := libraryIDs(h.page("/?party=RS"))
	if len(serbia) != 1 {
		t.Fatalf("party=RS lists %v", serbia)
	}
	for _, q := range []string{"party=rs", "party=" + url.QueryEscape("塞尔维亚"), "party=Serbia", "party=Srbija",
		"party=" + url.QueryEscape("Србија"), "from=2024", "from=2024-05&to=2024-05-08"} {
		if got := libraryIDs(h.page("/?" + q)); !slices.Equal(got, serbia) {
			t.Errorf("%s lists %v, want %v", q, got, serbia)
		}
	}
	for _, q := range []string{"area=infrastructure", "area=" + url.QueryEscape("基础设施"), "area=Infrastructure", "lang_filter=ZH",
		"kind=Joint_Statement"} {
		if got := libraryIDs(h.page("/?" + q)); len(got) == 0 {
			t.Errorf("%s lists nothing", q)
		}
	}
	for q, field := range map[string]string{"party=Narnia": "party", "area=railways": "area", "from=2024-13": "from",
		"to=May": "to", "kind=treaty": "kind", "lang_filter=fr": "lang"} {
		body := h.page("/?lang=en&" + q)
		if !strings.Contains(body, `id="err-`+field+`"`) || !strings.Contains(body, `aria-invalid="true"`) {
			t.Errorf("%s: no message beside the field", q)
		}
		if got := libraryIDs(body); len(got) != 0 {
			t.Errorf("%s: lists %v despite the refused value", q, got)
		}
	}
	body := h.page("/?lang=zh")
	for _, want := range []string{`<datalist id="party-choices">`, `<option value="RS">塞尔维亚共和国</option>`,
		`<select name="area"`, `<option value="energy">` + entente.Areas().Label("energy", "zh") + `</option>`, `<select name="lang_filter"`, `<select name="kind"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the Chinese library's form lacks %s", want)
		}
	}
	if body := h.page("/?lang=en"); !strings.Contains(body, `<option value="energy">`+entente.Areas().Label("energy", "en")+`</option>`) ||
		!strings.Contains(body, "3 of 3") {
		t.Error("the English library lacks the area labels or its total")
	}
}

// TestLibraryEmptyOrNoMatch tells an empty library from filters that match
// nothing.
func TestLibraryEmptyOrNoMatch(t *testing.T) {
	h := newHarness(t, openSQLite(t), false)
	if body := h.page("/?lang=en"); !strings.Contains(body, "empty-library") || strings.Contains(body, "no-match") {
		t.Error("an empty library does not say so")
	}
	if body := h.page("/?lang=en&party=HU"); !strings.Contains(body, "empty-library") {
		t.Error("an empty library with a filter does not say it is empty")
	}
	h.upload(entente.RoleAnalyst, map[string][]byte{"rs.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")})
	if body := h.page("/?lang=en&party=HU"); !strings.Contains(body, "no-match") || strings.Contains(body, "empty-library") {
		t.Error("filters that match nothing are taken for an empty library")
	}
}

var hitLink = regexp.MustCompile(`<a href="/documents/(\d+)\?at=s\d+#(s\d+)">([^<]*)</a>`)

// searchRows follows a search's pages and returns each hit as
// "document/sentence", in order, with the label of each hit's link.
func searchRows(t *testing.T, h *harness, query string) (rows, labels []string) {
	t.Helper()
	path := "/search?" + query
	for range 100 {
		body := h.page(path)
		for _, m := range hitLink.FindAllStringSubmatch(body, -1) {
			rows = append(rows, m[1]+"/"+m[2])
			labels = append(labels, m[3])
		}
		next := regexp.MustCompile(`<a href="([^"]+)" rel="next">`).FindStringSubmatch(body)
		if next == nil {
			return rows, labels
		}
		path = strings.ReplaceAll(next[1], "&amp;", "&")
	}
	t.Fatal("more than 100 pages")
	return nil, nil
}

// TestSearchPageFilters: the search form takes each filter's forms and
// refuses the rest beside the field; a search with no hit says what to
// drop, with links.
func TestSearchPageFilters(t *testing.T) {
	h := pageLibrary(t)
	want, _ := searchRows(t, h, "q=%E9%93%81%E8%B7%AF&party=RS&type=commitment")
	if len(want) == 0 {
		t.Fatal("铁路 by RS: no commitment")
	}
	for _, q := range []string{"party=serbia&type=Commitment", "party=" + url.QueryEscape("塞尔维亚") + "&type=commitment",
		"party=Srbija&type=COMMITMENT"} {
		if got, _ := searchRows(t, h, "q=%E9%93%81%E8%B7%AF&"+q); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
	for q, field := range map[string]string{"strength=strong": "strength", "type=promise": "type", "area=railways": "area", "to=2024-02-30": "to"} {
		body := h.page("/search?lang=en&q=%E9%93%81%E8%B7%AF&" + q)
		if !strings.Contains(body, `id="err-`+field+`"`) || hitLink.MatchString(body) {
			t.Errorf("%s: no message beside the field, or hits despite it", q)
		}
	}
	body := h.page("/search?lang=en&q=%E9%93%81%E8%B7%AF&type=position&area=energy")
	if !strings.Contains(body, `class="no-hits"`) || !strings.Contains(body, "Drop a filter") {
		t.Fatalf("a search with no hit does not say what to drop")
	}
	m := regexp.MustCompile(`<a href="(/search\?[^"]+)">− ([^<]+)</a> \((\d+)\)`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no link that drops a filter")
	}
	if got, _ := searchRows(t, h, strings.TrimPrefix(strings.ReplaceAll(m[1], "&amp;", "&"), "/search?")); len(got) == 0 ||
		strconv.Itoa(len(got)) != m[3] {
		t.Errorf("the link %s finds %d, it promised %s", m[1], len(got), m[3])
	}
	if body := h.page("/search?lang=en&q=zzzzqqqq"); !strings.Contains(body, `class="no-hits"`) || !strings.Contains(body, "Try fewer") {
		t.Error("a search with no hit and no filter says nothing")
	}
}

// TestUntitledLabels: a document without a title has a label in the
// library and in search hits (its kind, parties and date), as a link.
func TestUntitledLabels(t *testing.T) {
	h := pageLibrary(t)
	for _, m := range docLink.FindAllStringSubmatch(h.page("/"), -1) {
		if strings.TrimSpace(m[2]) == "" || strings.HasPrefix(m[2], "#") {
			t.Errorf("document %s is listed without a label: %q", m[1], m[2])
		}
	}
	_, labels := searchRows(t, h, "lang=en&q="+url.QueryEscape("塞方愿扩大对华出口"))
	if len(labels) == 0 {
		t.Fatal("the untitled statement's sentence is not found")
	}
	for _, l := range labels {
		if strings.TrimSpace(l) == "" {
			t.Error("a hit's link has no label")
		}
	}
	if !slices.Contains(labels, entente.DocumentKinds().Label(string(entente.KindOther), "en")) {
		t.Errorf("labels %q: none names the untitled statement by its kind", labels)
	}
}

// exportRows reads an export's CSV and returns the given columns of each row.
func exportRows(t *testing.T, h *harness, path string, cols ...int) []string {
	t.Helper()
	resp, data := h.do(entente.RoleViewer, "GET", path, nil, "")
	if resp.StatusCode != 200 {
		t.Fatalf("%s: %d %s", path, resp.StatusCode, data)
	}
	records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range records[1:] {
		var parts []string
		for _, c := range cols {
			parts = append(parts, r[c])
		}
		out = append(out, strings.Join(parts, "/"))
	}
	return out
}

// TestExportsFollowFilters: each list's export has exactly the rows the
// page shows, under every filter (area and language for the library;
// strength, language and dates for search), in the page's order.
func TestExportsFollowFilters(t *testing.T) {
	h := pageLibrary(t)
	for _, q := range []string{"", "area=infrastructure", "area=" + url.QueryEscape("能源"), "lang_filter=zh", "party=AE",
		"from=2024", "to=2020", "kind=other", "sort=title", "sort=oldest&area=trade"} {
		page := libraryIDs(h.page("/?" + q))
		if got := exportRows(t, h, "/export/documents.csv?"+q, 0); !slices.Equal(got, page) {
			t.Errorf("library %q: export %v, page %v", q, got, page)
		}
	}
	// Narrowing filters must change the rows, or the test proves nothing.
	if a, b := libraryIDs(h.page("/")), libraryIDs(h.page("/?area=energy")); slices.Equal(a, b) {
		t.Errorf("area=energy lists every document (%v): pick another area", a)
	}
	for _, q := range []string{"q=%E5%90%88%E4%BD%9C", "q=%E5%90%88%E4%BD%9C&strength=firm", "q=%E5%90%88%E4%BD%9C&lang_filter=zh",
		"q=%E5%90%88%E4%BD%9C&from=2024", "q=%E5%90%88%E4%BD%9C&to=2019-12", "q=%E5%90%88%E4%BD%9C&type=commitment&strength=intent&party=AE",
		"type=commitment&area=trade"} {
		page, _ := searchRows(t, h, q)
		if got := exportRows(t, h, "/export/search.csv?"+q, 0, 5); !slices.Equal(got, page) {
			t.Errorf("search %q: export has %d rows, the pages %d", q, len(got), len(page))
		}
	}
	all, _ := searchRows(t, h, "q=%E5%90%88%E4%BD%9C")
	for _, q := range []string{"strength=firm", "from=2024", "to=2019-12"} {
		if some, _ := searchRows(t, h, "q=%E5%90%88%E4%BD%9C&"+q); len(some) == 0 || len(some) == len(all) {
			t.Errorf("%s keeps %d of %d hits: it does not narrow the test's search", q, len(some), len(all))
		}
	}
	if resp, _ := h.do(entente.RoleViewer, "GET", "/export/documents.csv?party=Narnia", nil, ""); resp.StatusCode != 422 {
		t.Errorf("an export with a refused filter: %d, want 422", resp.StatusCode)
	}
}

// TestFacetsCountEveryHit: the facets count the whole result set, however
// many blocks the store ranks it in, so the page never calls them
// estimates.
func TestFacetsCountEveryHit(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "entente.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.MaxCandidates = 3
	h := newHarness(t, st, false)
	h.upload(entente.RoleAnalyst, map[string][]byte{"rs.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")})
	if body := h.page("/search?lang=en&q=%E5%90%88%E4%BD%9C"); strings.Contains(body, "facets-estimate") {
		t.Error("facets of every hit are called estimates")
	}
}
