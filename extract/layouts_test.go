package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestLayouts reads statements in the layouts the genre comes in (articles
// numbered 一、, 第一条 or 1.; dash lists; titles on two lines; agency and
// bare datelines; signature blocks in columns, in alternating lines or one
// per line; text wrapped as from a PDF; CRLF and a BOM) and checks the
// metadata, the sections and the sentences against what a reader finds.
func TestLayouts(t *testing.T) {
	x := newTestExtractor(t)
	files, err := filepath.Glob("../structure/testdata/layouts/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no layout documents: %v", err)
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(strings.TrimSuffix(path, ".txt") + ".want.json")
			if err != nil {
				t.Fatal(err)
			}
			var want struct {
				Document struct {
					entente.Document
					SignedDate  *string `json:"signed_date"`
					SignedPlace *string `json:"signed_place"`
				} `json:"document"`
				Sections      []string `json:"sections"`
				Sentences     int      `json:"sentences"`
				FirstSentence string   `json:"first_sentence"`
				LastSentence  string   `json:"last_sentence"`
			}
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			got := x.Extract(string(text))
			d, w := got.Document, want.Document
			if d.Title != w.Title {
				t.Errorf("title %q, want %q", d.Title, w.Title)
			}
			if d.Kind != w.Kind {
				t.Errorf("kind %s, want %s", d.Kind, w.Kind)
			}
			if !slices.Equal(d.Parties, w.Parties) {
				t.Errorf("parties %v, want %v", d.Parties, w.Parties)
			}
			if str(d.SignedDate) != str(w.SignedDate) || str(d.SignedPlace) != str(w.SignedPlace) {
				t.Errorf("signed %s in %s, want %s in %s", str(d.SignedDate), str(d.SignedPlace), str(w.SignedDate), str(w.SignedPlace))
			}
			if w.SignedDateSource != "" && d.SignedDateSource != w.SignedDateSource {
				t.Errorf("signed date from %q, want %q", d.SignedDateSource, w.SignedDateSource)
			}
			if !slices.Equal(d.AuthenticLanguages, w.AuthenticLanguages) {
				t.Errorf("authentic languages %v, want %v", d.AuthenticLanguages, w.AuthenticLanguages)
			}
			if len(d.Signatories) != len(w.Signatories) {
				t.Errorf("signatories %+v, want %+v", d.Signatories, w.Signatories)
			} else {
				for i := range d.Signatories {
					if d.Signatories[i] != w.Signatories[i] {
						t.Errorf("signatory %d: %+v, want %+v", i, d.Signatories[i], w.Signatories[i])
					}
				}
			}
			var ids []string
			for _, s := range got.Sections {
				ids = append(ids, s.ID)
			}
			if !slices.Equal(ids, want.Sections) {
				t.Errorf("sections %v, want %v", ids, want.Sections)
			}
			if len(got.Sentences) != want.Sentences {
				for _, s := range got.Sentences {
					t.Logf("%s %s %s", s.ID, s.Section, s.Text)
				}
				t.Fatalf("%d sentences, want %d", len(got.Sentences), want.Sentences)
			}
			if got.Sentences[0].Text != want.FirstSentence {
				t.Errorf("first sentence %q, want %q", got.Sentences[0].Text, want.FirstSentence)
			}
			if last := got.Sentences[len(got.Sentences)-1].Text; last != want.LastSentence {
				t.Errorf("last sentence %q, want %q", last, want.LastSentence)
			}
		})
	}
}

func str(p *string) string {
	if p == nil {
		return "null"
	}
	return *p
}
