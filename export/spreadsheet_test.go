package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/tracking"
)

// TestXLSXOpensInLibreOffice: LibreOffice (headless) converts an XLSX
// export of the corpus's sentences, of its documents, of its commitments
// (dates, booleans, a party's status) and of its event log (instants,
// JSON in cells) to CSV, and each
// equals the CSV export of the same rows: what a real spreadsheet program
// reads is what was exported.
func TestXLSXOpensInLibreOffice(t *testing.T) {
	soffice := needTool(t, "soffice", "libreoffice-calc-nogui")
	ctx := context.Background()
	st := library(t)
	hits, err := st.Search(ctx, entente.SearchQuery{Limit: 1000})
	if err != nil || len(hits) < 50 {
		t.Fatalf("%d sentences (%v)", len(hits), err)
	}
	docs, err := st.Documents(ctx, entente.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	type list struct {
		table Table
		rows  [][]any
	}
	var srows, drows [][]any
	for i := range hits {
		srows = append(srows, HitRow(&hits[i], false))
	}
	for i := range docs {
		drows = append(drows, DocumentRow(&docs[i]))
	}
	evs, err := st.Events(ctx, 0, 1000)
	if err != nil || len(evs) < 3 {
		t.Fatalf("%d events (%v)", len(evs), err)
	}
	var erows [][]any
	for i := range evs {
		erows = append(erows, EventRow(&evs[i]))
	}
	tr, err := tracking.New(st)
	if err != nil {
		t.Fatal(err)
	}
	page, err := tr.Commitments(ctx, entente.CommitmentFilter{Limit: 500})
	if err != nil || len(page.Commitments) < 20 {
		t.Fatalf("%v commitments (%v)", page, err)
	}
	var crows [][]any
	for i := range page.Commitments {
		crows = append(crows, CommitmentRow(&page.Commitments[i], nil, nil))
	}
	lists := map[string]list{"sentences": {SentencesTable(false), srows}, "documents": {DocumentsTable, drows},
		"commitments": {CommitmentsTable, crows}, "events": {EventsTable, erows}}

	dir := t.TempDir()
	for name, l := range lists {
		write := func(format string) []byte {
			var buf bytes.Buffer
			tw, err := NewTableWriter(format, &buf, About{What: name, At: time.Now()})
			if err != nil {
				t.Fatal(err)
			}
			if err := tw.Begin(l.table); err != nil {
				t.Fatal(err)
			}
			for _, r := range l.rows {
				if err := tw.Row(r); err != nil {
					t.Fatal(err)
				}
			}
			if err := tw.Close(); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}
		xlsx := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(xlsx, write("xlsx"), 0o644); err != nil {
			t.Fatal(err)
		}
		want, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(write("csv"), []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		// An instant is RFC 3339 text in CSV and a typed date-time in the
		// sheet, shown in its format: the same second either way.
		for _, r := range want[1:] {
			for j, c := range l.table.Columns {
				if at, err := time.Parse(time.RFC3339, r[j]); c.Kind == DateTime && err == nil {
					r[j] = at.UTC().Format(time.DateTime)
				}
			}
		}
		// 44,34,76: comma, double quote, UTF-8; the first sheet.
		cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
			"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", filepath.Join(dir, "out"), xlsx)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, out)
		}
		b, err := os.ReadFile(filepath.Join(dir, "out", name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		got, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: LibreOffice read %d rows, the CSV has %d", name, len(got), len(want))
		}
		for i := range want {
			if strings.Join(got[i], "\x00") != strings.Join(want[i], "\x00") {
				t.Errorf("%s row %d:\nLibreOffice %q\nCSV         %q", name, i, got[i], want[i])
			}
		}
	}
}
