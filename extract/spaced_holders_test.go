package extract

import (
	"slices"
	"testing"
)

// TestMeasureHolders reads the holders an action plan names for a measure
// in its parenthesis ((nosioci: Ministarstvo … Republike Srbije i
// Ministarstvo … Republike Slovenije; rok: …)): they carry the measure
// out, so their parties undertake it with the subject's, and their titles
// (Ministarstvo za privredu, turizam i sport) say who they are, not what the
// measure is about: no area.
func TestMeasureHolders(t *testing.T) {
	x := newTestSpaced(t, "sr")
	head := "Akcioni plan saradnje Vlade Republike Srbije i Vlade Republike Slovenije\n\n1. Ekonomija\n\n1.1. "
	for _, tc := range []struct {
		sentence string
		actors   []string
		areas    []string
	}{
		{"Mešovita komisija za ekonomsku saradnju održaće zasedanje u Beogradu (nosioci: Ministarstvo privrede Republike Srbije i Ministarstvo za privredu, turizam i sport Republike Slovenije).",
			[]string{"RS", "SI"}, []string{"investment", "trade"}},
		{"Elektroprivreda Srbije izradiće studiju o nuklearnoj energiji (nosioci: Ministarstvo rudarstva i energetike Republike Srbije i Ministarstvo za okoliš, klimu i energiju Republike Slovenije; rok: do kraja 2027. godine).",
			[]string{"RS", "SI"}, []string{"energy"}},
		{"Slovenačka strana će prenositi iskustva u energetskoj tranziciji (nosilac: Ministarstvo za okoliš, klimu i energiju Republike Slovenije; rok: kontinuirano).",
			[]string{"SI"}, []string{"energy"}},
		// a parenthesis that names no holders is read as the sentence
		{"Strane će razvijati turizam (posebno seoski turizam).",
			[]string{"RS", "SI"}, []string{"people"}},
	} {
		found := false
		for _, s := range x.Extract(head + tc.sentence + "\n").Sentences {
			if s.Text != tc.sentence {
				continue
			}
			found = true
			if !slices.Equal(s.Actors, tc.actors) {
				t.Errorf("%q: actors %v, want %v", tc.sentence, s.Actors, tc.actors)
			}
			if !slices.Equal(s.Areas, tc.areas) {
				t.Errorf("%q: areas %v, want %v", tc.sentence, s.Areas, tc.areas)
			}
		}
		if !found {
			t.Errorf("%q: no such sentence", tc.sentence)
		}
	}
}

// TestMinistryTitles holds that the portfolio in a ministry's title
// (Ministarstvo za privredu, turizam i sport Republike Slovenije) says who
// acts, not what about, where the sentence names its matter in words of
// its own; a ministry's field alone is the sentence's.
func TestMinistryTitles(t *testing.T) {
	x := newTestSpaced(t, "sr")
	head := "Akcioni plan saradnje Vlade Republike Srbije i Vlade Republike Slovenije\n\n1. Ekonomija\n\n1.1. "
	for _, tc := range []struct {
		sentence string
		areas    []string
	}{
		{"Ministarstvo spoljne i unutrašnje trgovine Republike Srbije i Ministarstvo za privredu, turizam i sport Republike Slovenije organizovaće poslovni forum u Ljubljani.",
			[]string{"investment", "trade"}},
		{"Ministarstvo nauke, tehnološkog razvoja i inovacija Republike Srbije i Ministarstvo za visoko obrazovanje, nauku i inovacije Republike Slovenije raspisaće javni poziv za zajedničke istraživačke projekte.",
			[]string{"science"}},
		{"Ministarstva odbrane dveju zemalja sastajaće se dva puta godišnje.", []string{"security"}},
		{"Ministarstvo unutrašnjih poslova Republike Srbije i Ministarstvo unutrašnjih poslova Republike Slovenije razmenjivaće informacije o krijumčarenju migranata.",
			[]string{"security"}},
	} {
		found := false
		for _, s := range x.Extract(head + tc.sentence + "\n").Sentences {
			if s.Text != tc.sentence {
				continue
			}
			found = true
			if !slices.Equal(s.Areas, tc.areas) {
				t.Errorf("%q: areas %v, want %v", tc.sentence, s.Areas, tc.areas)
			}
		}
		if !found {
			t.Errorf("%q: no such sentence", tc.sentence)
		}
	}
}
