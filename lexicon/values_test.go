package lexicon

import (
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestTableValues: the codes the cue table gives its words (areas, kinds
// of document and of cited instrument) are the domain's, so that each has
// its labels in the UI languages.
func TestTableValues(t *testing.T) {
	for _, lang := range []string{"zh", "en", "sr"} {
		t.Run(lang, func(t *testing.T) { checkTableValues(t, lang) })
	}
}

func checkTableValues(t *testing.T, lang string) {
	tab, err := Load(lang)
	if err != nil {
		t.Fatal(err)
	}
	refs := "reference-kind"
	if lang != "zh" {
		refs = "reference-head" // the spaced tables name instruments by their head word
	}
	for _, tc := range []struct {
		section string
		list    entente.ValueList
		extra   string // a value the section may use beside the list's
	}{
		{"area", entente.Areas(), "none"},
		{"area-weak", entente.Areas(), "none"},
		{"document-kind", entente.DocumentKinds(), ""},
		{refs, entente.ReferenceKinds(), ""},
	} {
		if len(tab.Entries(tc.section)) == 0 {
			t.Errorf("[%s] is empty", tc.section)
		}
		for _, e := range tab.Entries(tc.section) {
			for _, code := range strings.Split(e.Value, "+") {
				if !tc.list.Has(code) && (tc.extra == "" || code != tc.extra) {
					t.Errorf("%s:%d [%s] %s=%s: %q is not one of %v", tab.Name, e.Line, tc.section, e.Text, e.Value, code, tc.list.Codes())
				}
			}
		}
	}
	for _, w := range tab.Words("area-default") {
		if !entente.Areas().Has(w) {
			t.Errorf("[area-default] %q is not an area", w)
		}
	}
}
