package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCutTextsReadWithoutFailure reads every statement of the repository,
// in every language's rules, as analysts' files also come: cut short
// anywhere (a truncated download, a page of a PDF), each line without its
// final stop (a list of documents exchanged, a heading run into the text),
// all on one line, and each line alone. Rules look past a title or a
// name for what follows it (a year, a head, an occasion); where a
// sentence ends there, nothing follows. Read without the registry's guard,
// so that a reader's failure fails the test instead of giving the layout:
// thirteen statements failed so, in the Serbian, English and Chinese
// readers, before a phrase looked up past a sentence's end opened nothing.
func TestCutTextsReadWithoutFailure(t *testing.T) {
	r := newTestRegistry(t)
	var names []string
	for _, glob := range []string{"testdata/heldout_docs/*.txt", "../testdata/corpus/*.txt"} {
		n, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, n...)
	}
	if len(names) < 50 {
		t.Fatalf("%d statements: the repository's are missing", len(names))
	}
	stride := 97 // bytes between cuts
	if testing.Short() {
		stride = 997
	}
	stops := ".。;；:：,，!?！？)）」”\" "
	read := func(name, what, text string) {
		t.Helper()
		defer func() {
			if p := recover(); p != nil {
				t.Errorf("%s, %s: %v", filepath.Base(name), what, p)
			}
		}()
		for _, tag := range []string{"zh", "zh-Hant", "en", "sr-Latn"} {
			r.read(text, tag, "given", nil)
		}
	}
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		lines := strings.Split(text, "\n")
		bare := make([]string, len(lines))
		for i, l := range lines {
			bare[i] = strings.TrimRightFunc(l, func(c rune) bool { return strings.ContainsRune(stops, c) })
		}
		read(name, "every line without its final stop", strings.Join(bare, "\n"))
		read(name, "on one line", strings.Join(lines, " "))
		for i, l := range lines {
			if strings.TrimSpace(l) != "" {
				read(name, fmt.Sprintf("line %d alone", i+1), l)
			}
		}
		for cut := stride; cut < len(text); cut += stride {
			c := cut
			for c > 0 && !utf8.RuneStart(text[c]) {
				c--
			}
			read(name, fmt.Sprintf("cut at byte %d", c), text[:c])
		}
	}
}
