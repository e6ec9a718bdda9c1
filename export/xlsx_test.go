package export

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/entente/entente"
)

// writeXLSX writes rows of one text column named t and returns the
// workbook read back by excelize.
func writeXLSX(t testing.TB, name string, rows ...string) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	tw := newXLSXWriter(&buf, About{What: "test", At: time.Now(), By: entente.Actor{Name: "x"}})
	if err := tw.Begin(Table{Name: name, Columns: []Column{{Name: "t", Kind: Text}}}); err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := tw.Row([]any{r}); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestXLSXText: text a cell cannot hold as it is (markup, control
// characters, more than a cell's 32,767 characters) is written so that the
// workbook still opens, and reads back as close to the text as a cell
// allows.
func TestXLSXText(t *testing.T) {
	long := strings.Repeat("字", 40000)
	emoji := strings.Repeat("😀", 20000) // two UTF-16 units each
	cases := []struct {
		name, in, want string
	}{
		{"markup", `a<b>&c "d" 'e'`, `a<b>&c "d" 'e'`},
		{"white space", "  tab\tnew\nline  ", "  tab\tnew\nline  "},
		{"control characters", "a\x00b\x01c\x1fd", "a\uFFFDb\uFFFDc\uFFFDd"},
		{"not a character", "a\uFFFEb", "a\uFFFDb"},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb"},
		{"longer than a cell", long, long[:32767*3]},
		{"astral, cut between pairs", emoji, strings.Repeat("😀", 16383)},
		{"formula-like stays text", "=1+1", "=1+1"},
	}
	for _, c := range cases {
		f := writeXLSX(t, "t", c.in)
		got, err := f.GetCellValue("t", "A2")
		if err != nil || got != c.want {
			t.Errorf("%s: read back %d bytes %.40q (%v), want %d bytes %.40q", c.name, len(got), got, err, len(c.want), c.want)
		}
		if typ, _ := f.GetCellType("t", "A2"); typ != excelize.CellTypeInlineString {
			t.Errorf("%s: cell type %v, want inline text", c.name, typ)
		}
	}
}

// TestXLSXParts: column letters past Z, date serials, sheet names that
// need quoting or would clash, and an empty workbook.
func TestXLSXParts(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 51: "AZ", 701: "ZZ", 702: "AAA", 16383: "XFD"} {
		if got := string(appendColumn(nil, i)); got != want {
			t.Errorf("column %d: %s, want %s", i, got, want)
		}
	}
	for _, c := range []struct {
		t    time.Time
		want float64
	}{
		{time.Date(2024, 5, 8, 0, 0, 0, 0, time.UTC), 45420},
		{time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC), 61},
		{time.Date(2026, 11, 30, 18, 0, 0, 0, time.UTC), 46356.75},
	} {
		if got := serial(c.t); got != c.want {
			t.Errorf("serial(%v) = %v, want %v", c.t, got, c.want)
		}
	}
	f := writeXLSX(t, "O'Brien: [notes]", "x", "y")
	sheets := f.GetSheetList()
	if len(sheets) != 2 || sheets[0] != "O'Brien_ _notes_" || sheets[1] != "About" {
		t.Fatalf("sheets %q", sheets)
	}
	found := false
	for _, n := range f.GetDefinedName() {
		found = found || (n.Name == "_xlnm._FilterDatabase" && n.RefersTo == "'O''Brien_ _notes_'!$A$1:$A$3")
	}
	if !found {
		t.Errorf("filter names %+v", f.GetDefinedName())
	}
	// two tables of one name, and one called About
	var buf bytes.Buffer
	tw := newXLSXWriter(&buf, About{At: time.Now()})
	for _, name := range []string{"rows", "ROWS", "about"} {
		if err := tw.Begin(Table{Name: name, Columns: []Column{{Name: "n", Kind: Int}}}); err != nil {
			t.Fatal(err)
		}
		if err := tw.Row([]any{7}); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	wb, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	if got := wb.GetSheetList(); len(got) != 4 || got[3] != "About" || strings.EqualFold(got[0], got[1]) || got[2] == "About" {
		t.Errorf("sheets %q: each name once, About last", got)
	}
	// nothing but the About sheet
	buf.Reset()
	if err := newXLSXWriter(&buf, About{At: time.Now()}).Close(); err != nil {
		t.Fatal(err)
	}
	if wb, err := excelize.OpenReader(&buf); err != nil {
		t.Errorf("an empty export does not open: %v", err)
	} else if got := wb.GetSheetList(); len(got) != 1 || got[0] != "About" {
		t.Errorf("an empty export's sheets: %q", got)
	}
}

// failing fails every write after the first n bytes.
type failing struct{ n int }

var errFull = errors.New("disk full")

func (f *failing) Write(p []byte) (int, error) {
	if len(p) > f.n {
		return 0, errFull
	}
	f.n -= len(p)
	return len(p), nil
}

// TestXLSXWriteErrors: a failing output is an error, from the row that
// meets it or from Close, never a panic or a silent half file.
func TestXLSXWriteErrors(t *testing.T) {
	for _, n := range []int{0, 10, 200, 5000} {
		tw := newXLSXWriter(&failing{n: n}, About{At: time.Now()})
		err := tw.Begin(Table{Name: "t", Columns: []Column{{Name: "t", Kind: Text}}})
		for i := 0; err == nil && i < 20000; i++ {
			err = tw.Row([]any{"双方同意加强在贸易、投资、基础设施建设和新能源等领域的合作。"})
		}
		if err == nil {
			err = tw.Close()
		}
		if !errors.Is(err, errFull) {
			t.Errorf("after %d bytes: %v, want the write's error", n, err)
		}
	}
}

// FuzzXLSXText: any text written to a cell leaves a workbook that opens,
// with the text read back as valid UTF-8, and unchanged when it holds
// only characters a cell carries.
func FuzzXLSXText(f *testing.F) {
	for _, s := range []string{"", "双方", "a<b>&c", "\x00", "\r\n", "😀", "\uFFFE", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1000 {
			return
		}
		wb := writeXLSX(t, "t", s)
		got, err := wb.GetCellValue("t", "A2")
		if err != nil || !utf8.ValidString(got) {
			t.Fatalf("%q read back as %q (%v)", s, got, err)
		}
		plain := utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool {
			return (r < 0x20 && r != '\t' && r != '\n') || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError
		})
		if plain && got != s {
			t.Fatalf("%q read back as %q", s, got)
		}
	})
}
