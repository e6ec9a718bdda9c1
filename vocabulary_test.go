package entente

import (
	"slices"
	"strings"
	"testing"
)

// TestVocabularies: each scale's values are unique and labelled in every
// UI language; every status maps onto a value of the scale or is left off
// it with a note saying why; every value is reached; the G7/G20 mapping
// is the compliance score scorecards average; lookups refuse unknown
// codes.
func TestVocabularies(t *testing.T) {
	vs := Vocabularies()
	if len(vs) != 3 {
		t.Fatalf("%d vocabularies", len(vs))
	}
	for _, v := range vs {
		if v.Code == "" || v.Name == "" || !strings.Contains(v.Source, "http") {
			t.Errorf("%q: code, name and a source with its address are required", v.Code)
		}
		seen := map[string]bool{}
		for _, val := range v.Values {
			if seen[val.Code] {
				t.Errorf("%s: %q twice", v.Code, val.Code)
			}
			seen[val.Code] = true
			for _, lang := range UILanguages() {
				if val.Labels[lang] == "" {
					t.Errorf("%s: %q has no %s label", v.Code, val.Code, lang)
				}
			}
		}
		reached := map[string]bool{}
		for _, s := range Statuses {
			c := v.Of(s)
			switch {
			case c == "" && v.Notes[s] == "":
				t.Errorf("%s: %s is off the scale without a note saying why", v.Code, s)
			case c != "" && !v.Values.Has(c):
				t.Errorf("%s: %s maps to %q, not a value of the scale", v.Code, s, c)
			case c != "" && v.Term(s) != v.Values.Label(c, "en"):
				t.Errorf("%s: the term of %s is %q", v.Code, s, v.Term(s))
			}
			reached[c] = true
		}
		for s := range v.Map {
			if !s.Valid() {
				t.Errorf("%s: maps %q, not a status", v.Code, s)
			}
		}
		for s := range v.Notes {
			if !s.Valid() {
				t.Errorf("%s: a note on %q, not a status", v.Code, s)
			}
		}
		for _, val := range v.Values {
			if !reached[val.Code] {
				t.Errorf("%s: no status maps to %q", v.Code, val.Code)
			}
		}
		got, err := FindVocabulary(" " + strings.ToUpper(v.Code) + " ")
		if err != nil || got.Code != v.Code {
			t.Errorf("FindVocabulary(%q) = %v, %v", v.Code, got, err)
		}
	}
	g7, _ := FindVocabulary("g7")
	score := map[string]int{"full": 1, "partial": 0, "non": -1}
	for _, s := range Statuses {
		n, ok := s.Score()
		c := g7.Of(s)
		if ok != (c != "") || (ok && score[c] != n) {
			t.Errorf("g7: %s maps to %q, its score is %d (%v)", s, c, n, ok)
		}
	}
	if pf, _ := FindVocabulary("politifact"); len(pf.Values) != 6 {
		t.Errorf("PolitiFact's Promise Meter has six ratings, not %d", len(pf.Values))
	}
	if v, err := FindVocabulary(""); v != nil || err != nil {
		t.Errorf(`FindVocabulary("") = %v, %v: want Entente's own`, v, err)
	}
	if _, err := FindVocabulary("truth-o-meter"); ErrorCode(err) != EINVALID || !strings.Contains(err.Error(), "politifact") {
		t.Errorf("an unknown vocabulary: %v", err)
	}
	if !slices.Equal(VocabularyCodes(), []string{"g7", "politifact", "ogp"}) {
		t.Errorf("codes %v", VocabularyCodes())
	}
}
