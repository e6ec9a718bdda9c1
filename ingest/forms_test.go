package ingest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/entente/entente/decode"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/internal/skip"
)

const corpus = "../testdata/corpus"

// TestEveryFormExtractsAlike decodes the development statement in each form
// it arrives in and checks that the extractor reads each exactly as it reads
// the UTF-8 text: same title, sections, sentences and labels.
func TestEveryFormExtractsAlike(t *testing.T) {
	x, err := extract.New("zh")
	if err != nil {
		t.Fatal(err)
	}
	read := func(form string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(corpus, "cn-ae-2019-joint-statement.zh."+form))
		if err != nil {
			t.Fatal(err)
		}
		r, err := decode.Decode(context.Background(), form, b, decode.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return r.Text
	}
	want := x.Extract(read("txt"))
	for _, form := range []string{"gb18030.txt", "utf16le.txt", "html", "docx", "pdf"} {
		t.Run(form, func(t *testing.T) {
			if form == "pdf" {
				if _, err := exec.LookPath("pdftotext"); err != nil {
					if os.Getenv("CI") == "true" {
						t.Fatal("pdftotext is needed (Debian poppler-utils)")
					}
					skip.Group(t, "PDF", "no pdftotext: apt-get install poppler-utils")
				}
			}
			got := x.Extract(read(form))
			if got.Document.Title != want.Document.Title || len(got.Sections) != len(want.Sections) {
				t.Errorf("title %q, %d sections; want %q, %d", got.Document.Title, len(got.Sections), want.Document.Title, len(want.Sections))
			}
			if len(got.Sentences) != len(want.Sentences) {
				t.Fatalf("%d sentences, want %d", len(got.Sentences), len(want.Sentences))
			}
			for i := range want.Sentences {
				g, w := got.Sentences[i], want.Sentences[i]
				if g.Text != w.Text || g.Type != w.Type || g.Strength != w.Strength {
					t.Errorf("%s: %s %s %q, want %s %s %q", w.ID, g.Type, g.Strength, g.Text, w.Type, w.Strength, w.Text)
				}
			}
			if TextSHA256(read(form)) != TextSHA256(read("txt")) {
				t.Error("the text's identity differs from the UTF-8 text's: it would become a second document")
			}
		})
	}
}
