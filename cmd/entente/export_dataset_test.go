package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestExportDataset: a release holds every document, sentence, label,
// commitment, status and evidence item of the library, the same rows in
// CSV and JSON; its codebook describes every column of every file and
// lists every value a coded column holds; the citation line counts what
// it holds; a folder that is not empty is refused and left as it was.
func TestExportDataset(t *testing.T) {
	db := corpusStore(t)
	runOK(t, "evidence", "add", "2/s7", "--title", "Visit", "--date", "2025-03-01", "--db", db)
	runOK(t, "evidence", "add", "2/s7", "--title", "Wrong page", "--db", db)
	runOK(t, "evidence", "retract", "2", "--reason", "another visit", "--db", db)
	runOK(t, "status", "set", "2/s7", "fulfilled", "--evidence", "1", "--reason", "done", "--party", "CN", "--db", db)
	dir := filepath.Join(t.TempDir(), "release")
	out := string(runOK(t, "export", "--dataset", dir, "--vocabulary", "ogp", "--publisher", "Example Institute", "--db", db))

	read := func(name string) ([]string, [][]string, []map[string]any) {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, name+".csv"))
		if err != nil || !bytes.HasPrefix(b, []byte("\uFEFF")) {
			t.Fatalf("%s.csv: %v", name, err)
		}
		recs, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var js struct{ Rows []map[string]any }
		b, err = os.ReadFile(filepath.Join(dir, name+".json"))
		if err != nil || json.Unmarshal(b, &js) != nil {
			t.Fatalf("%s.json: %v", name, err)
		}
		if len(js.Rows) != len(recs)-1 {
			t.Errorf("%s: %d rows in CSV, %d in JSON", name, len(recs)-1, len(js.Rows))
		}
		return recs[0], recs[1:], js.Rows
	}
	var list struct {
		Documents []entente.StoredDocument `json:"documents"`
		Total     int                      `json:"total"`
	}
	if err := json.Unmarshal(runOK(t, "list", "--json", "--limit", "1000", "--db", db), &list); err != nil {
		t.Fatal(err)
	}
	sentences := 0
	for _, d := range list.Documents {
		sentences += d.Sentences
	}
	var commits struct {
		Commitments []entente.TrackedCommitment `json:"commitments"`
		Total       int                         `json:"total"`
	}
	if err := json.Unmarshal(runOK(t, "commitments", "--json", "--limit", "500", "--db", db), &commits); err != nil {
		t.Fatal(err)
	}
	pairs := 0
	for _, c := range commits.Commitments {
		pairs += len(c.Statuses)
	}
	_, docs, _ := read("documents")
	_, sents, _ := read("sentences")
	_, labels, _ := read("labels")
	_, cms, _ := read("commitments")
	sthead, sts, _ := read("statuses")
	_, evs, _ := read("evidence")
	if len(docs) != list.Total || len(sents) != sentences || len(cms) != commits.Total || len(sts) != pairs || len(evs) != 2 {
		t.Errorf("rows: %d documents of %d, %d sentences of %d, %d commitments of %d, %d statuses of %d, %d evidence of 2",
			len(docs), list.Total, len(sents), sentences, len(cms), commits.Total, len(sts), pairs, len(evs))
	}
	types := 0
	for _, l := range labels {
		if l[2] == "type" {
			types++
		}
	}
	if types != sentences {
		t.Errorf("%d type labels for %d sentences", types, sentences)
	}
	if i := slices.Index(sthead, "ogp"); i < 0 || !slices.ContainsFunc(sts, func(r []string) bool { return r[3] == "fulfilled" && r[i] == "Complete" }) {
		t.Errorf("statuses on the OGP scale: %v", sthead)
	}

	// The codebook describes every file's every column, and lists every
	// value a coded column holds.
	var book struct {
		Citation string
		Files    []struct {
			Name    string
			Rows    int
			Columns []struct {
				Name, Description string
				Values            []struct{ Code string }
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "codebook.json"))
	if err != nil || json.Unmarshal(b, &book) != nil {
		t.Fatalf("codebook.json: %v", err)
	}
	md, _ := os.ReadFile(filepath.Join(dir, "codebook.md"))
	if len(book.Files) != 6 {
		t.Fatalf("the codebook describes %d files", len(book.Files))
	}
	for _, f := range book.Files {
		head, rows, _ := read(f.Name)
		if f.Rows != len(rows) || len(f.Columns) != len(head) {
			t.Errorf("%s: codebook %d rows %d columns, file %d rows %d columns", f.Name, f.Rows, len(f.Columns), len(rows), len(head))
			continue
		}
		for i, c := range f.Columns {
			if c.Name != head[i] || !bytes.Contains(md, []byte("`"+c.Name+"`")) {
				t.Errorf("%s: column %d is %q, the codebook says %q", f.Name, i, head[i], c.Name)
			}
			if len(c.Values) == 0 || c.Name == "rule" || c.Name == "statuses" || strings.HasPrefix(c.Name, "statuses_") {
				continue // composed rules and "CN: …" lists are checked by their parts elsewhere
			}
			var codes []string
			for _, v := range c.Values {
				codes = append(codes, v.Code)
			}
			for _, r := range rows {
				for _, v := range strings.Split(r[i], "; ") {
					if v != "" && !slices.Contains(codes, v) {
						t.Errorf("%s.%s holds %q, which the codebook does not list", f.Name, c.Name, v)
					}
				}
			}
		}
	}
	cite, _ := os.ReadFile(filepath.Join(dir, "CITATION.txt"))
	if !strings.HasPrefix(string(cite), "Example Institute (") || strings.Count(string(cite), "\n") != 1 ||
		!strings.Contains(string(cite), "3 documents") || book.Citation+"\n" != string(cite) || !strings.Contains(out, book.Citation) {
		t.Errorf("citation %q, codebook %q", cite, book.Citation)
	}
	if !bytes.Contains(md, []byte("Cite as: "+book.Citation)) || !bytes.Contains(md, []byte("OGP Independent Reporting Mechanism")) {
		t.Error("codebook.md lacks the citation or the vocabularies' mapping")
	}

	// Into a folder that is not empty: refused, nothing changed.
	var o, e bytes.Buffer
	if err := run(context.Background(), []string{"export", "--dataset", dir, "--db", db}, nil, &o, &e); entente.ErrorCode(err) != entente.EINVALID {
		t.Errorf("a release into a full folder: %v", err)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "codebook.json")); !bytes.Equal(after, b) {
		t.Error("a refused release changed the folder")
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("left beside the release: %v", entries)
	}
}
