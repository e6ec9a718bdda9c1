package extract

import (
	"fmt"
	"go/scanner"
	gotoken "go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestSpacedHarness writes the JSON of every English and Serbian extraction
// of every input the repository holds to the file named by
// ENTENTE_SPACED_HARNESS, so that a change meant to be only faster can be
// held byte for byte to the code before it (run it at both commits, compare
// the files). Each text (the inputs of TestChineseHarness, the held-out
// statements, the string literals of the rule tests, and each of these in
// upper and lower case) is read whole, paragraph by paragraph and line by
// line, as en, sr-Latn, sr-Cyrl and detected; the labelled genre files
// sentence by sentence. Skipped unless the variable is set.
func TestSpacedHarness(t *testing.T) {
	out := os.Getenv("ENTENTE_SPACED_HARNESS")
	if out == "" {
		t.Skip("set ENTENTE_SPACED_HARNESS to a file to write the extraction harness")
	}
	r := newTestRegistry(t)
	texts := spacedHarnessTexts(t)
	h := createHarness(t, out)
	emit := func(name, text string) {
		for _, lang := range []string{"en", "sr-Latn", "sr-Cyrl", ""} {
			res, err := r.ExtractAs(text, lang)
			if err != nil {
				t.Fatalf("%s as %q: %v", name, lang, err)
			}
			h.add(fmt.Sprintf("%s as %q", name, lang), res)
		}
	}
	for _, tx := range texts {
		emit(tx.name, tx.text)
		if !tx.whole {
			continue
		}
		for i, p := range strings.Split(tx.text, "\n\n") {
			if strings.TrimSpace(p) != "" && p != tx.text {
				emit(fmt.Sprintf("%s paragraph %d", tx.name, i), p)
			}
		}
		for i, p := range strings.Split(tx.text, "\n") {
			if strings.TrimSpace(p) != "" && p != tx.text {
				emit(fmt.Sprintf("%s line %d", tx.name, i), p)
			}
		}
	}
	for _, gf := range spacedGenreFiles {
		x := newTestSpaced(t, gf.lang)
		h.write(fmt.Sprintf("genre %s as %s", gf.file, gf.lang), labelSpacedGenre(x, readGenre(t, gf.file)))
	}
	h.close()
	t.Logf("%d inputs, %d extractions written to %s", len(texts), h.n, out)
}

// spacedHarnessTexts adds to harnessTexts the held-out statements, the
// string literals of the tests that read like sentences, each alone and all
// together, and every text in upper and lower case.
func spacedHarnessTexts(t *testing.T) []harnessText {
	texts := harnessTexts(t)
	for _, rf := range realFiles {
		for i, d := range readRealDocs(t, rf.file, rf.joiner) {
			texts = append(texts, harnessText{name: fmt.Sprintf("%s#%d", rf.file, i), text: d.text, whole: true})
		}
	}
	tests, err := filepath.Glob("*_test.go")
	if err != nil {
		t.Fatal(err)
	}
	more, _ := filepath.Glob("../structure/*_test.go")
	tests = append(tests, more...)
	sort.Strings(tests)
	var lits []string
	for _, tf := range tests {
		src, err := os.ReadFile(tf)
		if err != nil {
			t.Fatal(err)
		}
		var sc scanner.Scanner
		fs := gotoken.NewFileSet()
		sc.Init(fs.AddFile(tf, -1, len(src)), src, nil, 0)
		for {
			_, tok, lit := sc.Scan()
			if tok == gotoken.EOF {
				break
			}
			if tok != gotoken.STRING {
				continue
			}
			s, err := strconv.Unquote(lit)
			if err != nil || len(s) < 12 || !strings.Contains(s, " ") {
				continue
			}
			lits = append(lits, s)
		}
	}
	texts = append(texts, harnessText{name: "test literals", text: strings.Join(lits, "\n\n"), whole: true})
	for i, l := range lits {
		texts = append(texts, harnessText{name: fmt.Sprintf("test literal %d", i), text: l})
	}
	n := len(texts)
	for _, tx := range texts[:n] {
		texts = append(texts,
			harnessText{name: tx.name + " upper", text: strings.ToUpper(tx.text), whole: tx.whole},
			harnessText{name: tx.name + " lower", text: strings.ToLower(tx.text), whole: tx.whole})
	}
	return texts
}
