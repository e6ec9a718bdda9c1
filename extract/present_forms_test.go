package extract

import (
	"slices"
	"testing"
)

// The present forms a table's "verb~" stands for: the third person and the
// -ing form, with the final consonant doubled where English may double it.
func TestPresentForms(t *testing.T) {
	for _, c := range []struct {
		base string
		want []string
	}{
		{"commit", []string{"commit", "commits", "committing"}},
		{"plan", []string{"plan", "plans", "planning"}},
		{"refer", []string{"refer", "refers", "referring"}},
		{"travel", []string{"travel", "travels", "travelling", "traveling"}},
		{"develop", []string{"develop", "develops", "developing"}},
		{"strengthen", []string{"strengthen", "strengthens", "strengthening"}},
		{"repeat", []string{"repeat", "repeats", "repeating"}},
		{"show", []string{"show", "shows", "showing"}},
		{"fix", []string{"fix", "fixes", "fixing"}},
		{"promote", []string{"promote", "promotes", "promoting"}},
		{"agree", []string{"agree", "agrees", "agreeing"}},
		{"tie", []string{"tie", "ties", "tying"}},
		{"study", []string{"study", "studies", "studying"}},
		{"push", []string{"push", "pushes", "pushing"}},
	} {
		got := presentForms(c.base)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s~ gives %v, without %q", c.base, got, w)
			}
		}
	}
}
