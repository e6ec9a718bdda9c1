package extract

import (
	"slices"
	"testing"
)

// An analyst's parties decide whom a joint subject stands for, in every
// language; the sentence that names its own party keeps it, and the
// document keeps the parties as read from the text (the correction
// overlays them, as a corrected language does).
func TestGivenPartiesResolveJointSubjects(t *testing.T) {
	r := newTestRegistry(t)
	tests := []struct {
		lang, text string
		read       []string // the document's parties as read
		joint      string   // the id of a sentence with a joint subject
		own        string   // the id of one naming its own party, "" for none
		ownParty   string
		given      []string // the analyst's parties: one of those read was wrong
	}{
		{"zh", "中法联合声明\n\n一、双方同意扩大农产品贸易。\n二、中方愿同法方加强科技合作。\n", []string{"CN", "FR"}, "s1", "s2", "CN", []string{"CN", "DE"}},
		{"zh-Hant", "中法聯合聲明\n\n一、雙方同意擴大農產品貿易。\n二、中方願同法方加強科技合作。\n", []string{"CN", "FR"}, "s1", "s2", "CN", []string{"CN", "DE"}},
		{"en", "Joint Statement between China and France\n\nParis, 6 May 2024\n\n1. The two sides agreed to expand trade in farm products.\n2. China will open a research centre.\n", []string{"CN", "FR"}, "s1", "s2", "CN", []string{"CN", "DE"}},
		{"sr-Latn", "Zajednička izjava Srbije i Francuske\n\nBeograd, 6. maj 2024.\n\n1. Dve strane su se dogovorile da prošire trgovinu.\n2. Srbija će otvoriti istraživački centar.\n", []string{"FR", "RS"}, "s1", "s2", "RS", []string{"HU", "RS"}},
		// no parties read at all: the joint subject had no one to stand for
		{"en", "Joint Statement on the Visit\n\nParis, 6 May 2024\n\n1. The two sides agreed to expand trade in farm products.\n", []string{}, "s1", "", "", []string{"CN", "FR"}},
	}
	for _, tt := range tests {
		given := tt.given
		t.Run(tt.lang+"/"+tt.joint, func(t *testing.T) {
			x, err := r.ExtractGiven(tt.text, tt.lang, given)
			if err != nil {
				t.Fatal(err)
			}
			plain, err := r.ExtractAs(tt.text, tt.lang)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(plain.Document.Parties, tt.read) || !slices.Equal(x.Document.Parties, tt.read) {
				t.Fatalf("document parties %v, read without given ones %v; want %v both", x.Document.Parties, plain.Document.Parties, tt.read)
			}
			byID := func(id string) ([]string, []string) {
				for i := range x.Sentences {
					if x.Sentences[i].ID == id {
						return x.Sentences[i].Actors, plain.Sentences[i].Actors
					}
				}
				t.Fatalf("no sentence %s", id)
				return nil, nil
			}
			got, before := byID(tt.joint)
			if !slices.Equal(got, given) {
				t.Errorf("%s: actors %v with parties given (%v without), want %v", tt.joint, got, before, given)
			}
			if tt.own != "" {
				if got, _ := byID(tt.own); !slices.Equal(got, []string{tt.ownParty}) {
					t.Errorf("%s: actors %v, want its own party %s", tt.own, got, tt.ownParty)
				}
			}
		})
	}
	// no parties given: the reading is the plain one
	x, err := r.ExtractGiven(tests[2].text, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := x.Sentences[0].Actors; !slices.Equal(got, []string{"CN", "FR"}) {
		t.Errorf("nothing given: actors %v, want the document's", got)
	}
	if _, err := r.ExtractGiven("x", "xx-Nope", nil); err == nil {
		t.Error("an unknown language given was accepted")
	}
}
