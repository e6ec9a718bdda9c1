package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/entente/entente"
)

var sampleTable = Table{Name: "sample", Columns: []Column{
	{Name: "id", Kind: Int},
	{Name: "title", Kind: Text},
	{Name: "signed", Kind: Date},
	{Name: "score", Kind: Float},
	{Name: "parties", Kind: Text},
	{Name: "at", Kind: DateTime},
}}

func sampleRows() [][]any {
	signed := "2024-05-08"
	return [][]any{
		{int64(1), "中华人民共和国和塞尔维亚共和国联合声明", &signed, 2.5, []string{"CN", "RS"}, time.Date(2026, 11, 30, 22, 1, 2, 0, time.UTC)},
		{int64(22), `a "quoted", comma`, nil, 0.0, []string(nil), time.Time{}},
		{int64(333), "=1+1", "2019-07-23", -1.25, []string{"AE"}, time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)},
	}
}

var sampleAbout = About{What: "documents", Filters: []Filter{{"area", "ai"}}, At: time.Date(2026, 12, 1, 0, 30, 0, 0, time.UTC),
	By: entente.Actor{Name: "analyst", Via: "cli"}}

func writeSample(t *testing.T, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	tw, err := NewTableWriter(format, &buf, sampleAbout)
	if err != nil {
		t.Fatal(err)
	}
	if err := tw.Begin(sampleTable); err != nil {
		t.Fatal(err)
	}
	for _, r := range sampleRows() {
		if err := tw.Row(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestCSV: a byte-order mark, a header, one record per row, values as
// text (dates ISO, lists joined).
func TestCSV(t *testing.T) {
	out := writeSample(t, "csv")
	if !bytes.HasPrefix(out, []byte("\uFEFF")) {
		t.Fatalf("no byte-order mark: %q", out[:min(len(out), 8)])
	}
	recs, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"id", "title", "signed", "score", "parties", "at"},
		{"1", "中华人民共和国和塞尔维亚共和国联合声明", "2024-05-08", "2.5", "CN; RS", "2026-11-30T22:01:02Z"},
		{"22", `a "quoted", comma`, "", "0", "", ""},
		{"333", "'=1+1", "2019-07-23", "-1.25", "AE", "2020-01-02T03:04:05Z"},
	}
	if len(recs) != len(want) {
		t.Fatalf("%d records, want %d", len(recs), len(want))
	}
	for i := range want {
		if strings.Join(recs[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("record %d: %q, want %q", i, recs[i], want[i])
		}
	}
}

// TestJSON: about, columns, rows typed.
func TestJSON(t *testing.T) {
	var got struct {
		About struct {
			What    string            `json:"what"`
			Filters map[string]string `json:"filters"`
			By      string            `json:"exported_by"`
		} `json:"about"`
		Columns []string         `json:"columns"`
		Rows    []map[string]any `json:"rows"`
	}
	if err := json.Unmarshal(writeSample(t, "json"), &got); err != nil {
		t.Fatal(err)
	}
	if got.About.What != "documents" || got.About.Filters["area"] != "ai" || got.About.By != "analyst" {
		t.Errorf("about: %+v", got.About)
	}
	if len(got.Rows) != 3 || len(got.Columns) != len(sampleTable.Columns) {
		t.Fatalf("%d rows, %d columns", len(got.Rows), len(got.Columns))
	}
	r := got.Rows[0]
	if r["id"] != 1.0 || r["signed"] != "2024-05-08" || r["score"] != 2.5 {
		t.Errorf("row 0: %v", r)
	}
	if ps, ok := r["parties"].([]any); !ok || len(ps) != 2 {
		t.Errorf("parties not an array: %v", r["parties"])
	}
	if got.Rows[1]["signed"] != nil || got.Rows[1]["at"] != nil {
		t.Errorf("row 1: none should be null: %v", got.Rows[1])
	}
}

// TestXLSX reads the workbook back: typed cells, a bold header, the
// header frozen, a filter, widths, and the About sheet.
func TestXLSX(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(writeSample(t, "xlsx")))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "sample" || got[1] != "About" {
		t.Fatalf("sheets %v, want [sample About]", got)
	}
	rows, err := f.GetRows("sample")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0][0] != "id" || rows[1][1] != "中华人民共和国和塞尔维亚共和国联合声明" || rows[1][2] != "2024-05-08" {
		t.Fatalf("rows %q", rows)
	}
	types := []struct {
		cell string
		want excelize.CellType
	}{
		{"A2", excelize.CellTypeNumber}, {"B2", excelize.CellTypeSharedString}, {"D4", excelize.CellTypeNumber},
	}
	for _, c := range types {
		got, err := f.GetCellType("sample", c.cell)
		// A number may say so or, as OOXML allows, say nothing.
		ok := got == c.want || (c.want == excelize.CellTypeSharedString && got == excelize.CellTypeInlineString) ||
			(c.want == excelize.CellTypeNumber && got == excelize.CellTypeUnset)
		if err != nil || !ok {
			t.Errorf("%s: type %v (%v), want %v", c.cell, got, err, c.want)
		}
	}
	// A date is a number with a date format, not text.
	raw, err := f.GetCellValue("sample", "C2", excelize.Options{RawCellValue: true})
	if err != nil || raw != "45420" {
		t.Errorf("C2 raw %q (%v), want the serial 45420 of 2024-05-08", raw, err)
	}
	if v, _ := f.GetCellValue("sample", "F2"); v != "2026-11-30 22:01:02" {
		t.Errorf("F2 shows %q", v)
	}
	panes, err := f.GetPanes("sample")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v (%v): the header row should be frozen", panes, err)
	}
	names := f.GetDefinedName()
	filtered := false
	for _, n := range names {
		if n.Name == "_xlnm._FilterDatabase" && strings.Contains(n.RefersTo, "sample") {
			filtered = true
		}
	}
	if !filtered {
		t.Errorf("no filter on the sheet: %+v", names)
	}
	if w, _ := f.GetColWidth("sample", "B"); w < 20 {
		t.Errorf("title column %v wide", w)
	}
	about, _ := f.GetRows("About")
	text := ""
	for _, r := range about {
		text += strings.Join(r, "=") + "\n"
	}
	for _, want := range []string{"documents", "area=ai", "analyst (cli)", "3 rows", "2026-12-01"} {
		if !strings.Contains(text, want) {
			t.Errorf("About sheet lacks %q:\n%s", want, text)
		}
	}
}

// TestTableWriterRefusals: a bad format, a row that does not fit, a second
// table in CSV.
func TestTableWriterRefusals(t *testing.T) {
	if _, err := NewTableWriter("pdf", io.Discard, About{}); err == nil {
		t.Error("format pdf accepted")
	}
	for _, format := range Formats {
		tw, _ := NewTableWriter(format, io.Discard, About{})
		if err := tw.Row([]any{1}); err == nil {
			t.Errorf("%s: a row before its table accepted", format)
		}
		if err := tw.Begin(sampleTable); err != nil {
			t.Fatal(err)
		}
		if err := tw.Row([]any{1}); err == nil {
			t.Errorf("%s: a row of 1 value for 6 columns accepted", format)
		}
		if err := tw.Begin(sampleTable); (err == nil) != (format == "xlsx") {
			t.Errorf("%s: a second table: %v", format, err)
		}
		tw.Close()
	}
}

// TestNestedAndBool: a nested value is its text in CSV and XLSX and its
// records in JSON; a boolean is TRUE or FALSE in CSV, a boolean cell in
// XLSX and a JSON boolean.
func TestNestedAndBool(t *testing.T) {
	table := Table{Name: "t", Columns: []Column{{Name: "ok", Kind: Bool}, {Name: "items", Kind: Text}}}
	rows := [][]any{
		{true, Nested{Text: "CN: fulfilled", Value: []map[string]string{{"party": "CN"}}}},
		{false, Nested{Text: "", Value: []int{}}},
	}
	write := func(format string) []byte {
		var buf bytes.Buffer
		tw, _ := NewTableWriter(format, &buf, sampleAbout)
		if err := tw.Begin(table); err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			if err := tw.Row(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := tw.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(write("csv"), []byte("\uFEFF")))).ReadAll()
	if err != nil || len(recs) != 3 || recs[1][0] != "TRUE" || recs[1][1] != "CN: fulfilled" || recs[2][0] != "FALSE" || recs[2][1] != "" {
		t.Errorf("csv %q (%v)", recs, err)
	}
	var js struct{ Rows []map[string]any }
	if err := json.Unmarshal(write("json"), &js); err != nil {
		t.Fatal(err)
	}
	if items, ok := js.Rows[0]["items"].([]any); !ok || len(items) != 1 || js.Rows[0]["ok"] != true || js.Rows[1]["ok"] != false {
		t.Errorf("json rows %v", js.Rows)
	}
	if items, ok := js.Rows[1]["items"].([]any); !ok || len(items) != 0 {
		t.Errorf("json: an empty list is %v", js.Rows[1]["items"])
	}
	f, err := excelize.OpenReader(bytes.NewReader(write("xlsx")))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if typ, _ := f.GetCellType("t", "A2"); typ != excelize.CellTypeBool {
		t.Errorf("A2 is %v, not a boolean", typ)
	}
	if v, _ := f.GetCellValue("t", "B2"); v != "CN: fulfilled" {
		t.Errorf("B2 %q", v)
	}
}
