package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/longbridgeapp/opencc"
)

// TestChineseHarness writes the JSON of every extraction of every Chinese
// (and other) input the repository holds to the file named by
// ENTENTE_ZH_HARNESS, so that a change meant to be only faster can be held
// byte for byte to the code before it (run it at both commits, compare the
// files). Each text is read whole and paragraph by paragraph, as written
// and converted to Traditional characters by OpenCC (s2t, s2twp), as zh, as
// zh-Hant and detected; each row of the labelled tables alone and all of a
// table's rows as one text. Skipped unless the variable is set.
func TestChineseHarness(t *testing.T) {
	out := os.Getenv("ENTENTE_ZH_HARNESS")
	if out == "" {
		t.Skip("set ENTENTE_ZH_HARNESS to a file to write the extraction harness")
	}
	r := newTestRegistry(t)
	texts := harnessTexts(t)
	var convs []*opencc.OpenCC
	for _, name := range []string{"s2t", "s2twp"} {
		c, err := opencc.New(name)
		if err != nil {
			t.Fatal(err)
		}
		convs = append(convs, c)
	}
	h := createHarness(t, out)
	emit := func(name, text string) {
		for _, lang := range []string{"zh", "zh-Hant", ""} {
			res, err := r.ExtractAs(text, lang)
			if err != nil {
				t.Fatalf("%s as %q: %v", name, lang, err)
			}
			h.add(fmt.Sprintf("%s as %q", name, lang), res)
		}
	}
	for _, tx := range texts {
		variants := []struct{ name, text string }{{"", tx.text}}
		for i, c := range convs {
			h, err := c.Convert(tx.text)
			if err != nil {
				t.Fatal(err)
			}
			variants = append(variants, struct{ name, text string }{fmt.Sprintf(" conv%d", i), h})
		}
		for _, v := range variants {
			emit(tx.name+v.name, v.text)
			if !tx.whole {
				continue
			}
			for i, p := range strings.Split(v.text, "\n") {
				if strings.TrimSpace(p) != "" {
					emit(fmt.Sprintf("%s%s line %d", tx.name, v.name, i), p)
				}
			}
		}
	}
	h.close()
	t.Logf("%d inputs, %d extractions written to %s", len(texts), h.n, out)
}

type harnessText struct {
	name, text string
	whole      bool // also read line by line
}

// harnessTexts gathers the repository's statements, layouts, labelled
// tables, fuzz seeds and the shared corpus.
func harnessTexts(t *testing.T) []harnessText {
	var out []harnessText
	globs := []string{
		"../testdata/corpus/*.txt", "../testdata/near/*.txt", "../internal/testlibrary/*.txt",
		"testdata/parallel/*.txt", "testdata/heldout_docs/*", "testdata/bench/*.txt",
		"../structure/testdata/layouts/*.txt", "../cmd/entente-load/genre.txt",
		"/work/shared/corpus/*.txt",
	}
	for _, g := range globs {
		files, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, harnessText{name: f, text: string(b), whole: true})
		}
	}
	tables, _ := filepath.Glob("testdata/*.tsv")
	sort.Strings(tables)
	for _, f := range tables {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var rows []string
		for _, line := range strings.Split(string(b), "\n") {
			if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "parties\t") {
				continue
			}
			cols := strings.Split(line, "\t")
			rows = append(rows, cols[len(cols)-1])
		}
		out = append(out, harnessText{name: f + " joined", text: strings.Join(rows, "\n")})
		for i, row := range rows {
			out = append(out, harnessText{name: fmt.Sprintf("%s row %d", f, i), text: row})
		}
	}
	seeds, _ := filepath.Glob("testdata/fuzz/*/*")
	more, _ := filepath.Glob("../structure/testdata/fuzz/*/*")
	seeds = append(seeds, more...)
	sort.Strings(seeds)
	for _, f := range seeds {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if s, ok := strings.CutPrefix(line, "string("); ok {
				if v, err := strconv.Unquote(strings.TrimSuffix(s, ")")); err == nil {
					out = append(out, harnessText{name: f, text: v})
				}
			}
		}
	}
	return out
}
