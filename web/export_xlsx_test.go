package web

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/entente/entente"
)

// xlsxRows reads the first sheet of an XLSX export: the given columns of
// each row after the header, joined by "/"; and the About sheet's text.
func xlsxRows(t *testing.T, h *harness, path string, cols ...int) ([]string, string) {
	t.Helper()
	resp, data := h.do(entente.RoleViewer, "GET", path, nil, "")
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), "spreadsheetml") {
		t.Fatalf("%s: %d %s %.200s", path, resp.StatusCode, resp.Header.Get("Content-Type"), data)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows[1:] {
		var parts []string
		for _, c := range cols {
			parts = append(parts, r[c])
		}
		out = append(out, strings.Join(parts, "/"))
	}
	about, _ := f.GetRows("About")
	var text []string
	for _, r := range about {
		text = append(text, strings.Join(r, "="))
	}
	return out, strings.Join(text, "\n")
}

// TestXLSXExportsFollowFilters: the XLSX export of the library and of a
// search has the rows of the CSV export (which TestExportsFollowFilters
// holds to the page), and its About sheet names the filters and the
// account.
func TestXLSXExportsFollowFilters(t *testing.T) {
	h := pageLibrary(t)
	// The pages offer it beside CSV and JSON, with their filters.
	if page := h.page("/?area=trade"); !strings.Contains(page, `href="/export/documents.xlsx?area=trade"`) {
		t.Error("the library offers no XLSX export of its filtered list")
	}
	for _, q := range []string{"", "area=infrastructure", "party=AE", "sort=title"} {
		got, about := xlsxRows(t, h, "/export/documents.xlsx?"+q, 0)
		if want := exportRows(t, h, "/export/documents.csv?"+q, 0); !slices.Equal(got, want) {
			t.Errorf("library %q: xlsx %v, csv %v", q, got, want)
		}
		if !strings.Contains(about, string(entente.RoleViewer)+"-user") || (q != "" && !strings.Contains(about, q)) {
			t.Errorf("library %q: About sheet:\n%s", q, about)
		}
	}
	for _, q := range []string{"q=%E5%90%88%E4%BD%9C&strength=firm", "type=commitment&area=trade"} {
		got, _ := xlsxRows(t, h, "/export/search.xlsx?"+q, 0, 5)
		if want := exportRows(t, h, "/export/search.csv?"+q, 0, 5); len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("search %q: xlsx has %d rows, csv %d", q, len(got), len(want))
		}
	}
}
