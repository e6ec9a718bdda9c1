package extract

import (
	"slices"
	"testing"
)

// TestPartnershipRelationsAssessed: in Serbian of both scripts, a view of
// what the relations are (ocenjuju da su odnosi … prijateljski, dobrosusedski,
// na visokom nivou) evaluates what exists: an appraisal, as the noted fact
// is. A view of what matters (da je X od ključnog značaja) stays a position,
// and so does one about what relations should be.
func TestPartnershipRelationsAssessed(t *testing.T) {
	parties := []string{"CZ", "RS"}
	checkLabels(t, newTestSpaced(t, "sr"), parties, []labelCase{
		{"Predsednici ocenjuju da su odnosi Republike Srbije i Češke Republike prijateljski i da ih ne opterećuju otvorena pitanja.", "appraisal", "", parties, "ocenjuju", ""},
		{"Премијери оцењују да су билатерални односи две земље на високом нивоу.", "appraisal", "", parties, "оцењују", ""},
		{"Strane smatraju da su odnosi dveju zemalja dobrosusedski.", "appraisal", "", parties, "smatraju", ""},
		{"Predsednici ističu da je regionalna saradnja od ključnog značaja za stabilnost Evrope.", "position", "", parties, "ističu da", ""},
		{"Strane smatraju da odnosi dveju zemalja treba da se zasnivaju na međusobnom poštovanju.", "position", "", parties, "smatraju", ""},
	})
}

// TestPartnershipNames: a name in sentence case has no clause's word
// between its capital and its head (kompanije Škoda Transportation da
// izgradi fabriku: the company's name, then a clause); and in Serbian, where
// a demonym is written in lower case, one capitalised inside the sentence
// opens a name (Češki centar, Srpski kulturni centar), in both scripts.
func TestPartnershipNames(t *testing.T) {
	for _, tt := range []struct {
		lang, text string
		projs      []string
	}{
		{"sr", "Srpska strana pozdravlja odluku češke kompanije Škoda Transportation da izgradi fabriku električnih autobusa u Kragujevcu.", nil},
		{"sr", "Predsednici pozdravljaju otvaranje Češkog centra u Beogradu 2025. godine.", []string{"Češkog centra"}},
		{"sr", "Стране поздрављају отварање Српског културног центра у Прагу.", []string{"Српског културног центра"}},
		// a demonym in lower case stays an owner's adjective: no name
		{"sr", "Strane će podržati osnivanje češkog centra za obuku u Beogradu.", nil},
		// the sentence's first word is capitalised anyway
		{"sr", "Češki centar u Beogradu organizovaće izložbu.", nil},
	} {
		t.Run(tt.text, func(t *testing.T) {
			x := newTestSpaced(t, tt.lang)
			var projs []string
			for _, s := range x.Extract(tt.text).Sentences {
				projs = append(projs, s.Projects...)
			}
			if !slices.Equal(projs, tt.projs) {
				t.Errorf("projects %q, want %q", projs, tt.projs)
			}
		})
	}
}

// TestPartnershipRegionalFrameworks: Europe's regional frameworks, the
// South-East European Cooperation Process, the Central European Initiative
// and the Visegrad Group, are regional frameworks (international_order) as
// the Berlin Process is, in Serbian of both scripts and in English.
func TestPartnershipRegionalFrameworks(t *testing.T) {
	checkLangAreas(t, []langAreaCase{
		{"sr", "CZ,RS", "Dve strane nastaviće da koordiniraju stavove u okviru Procesa saradnje u Jugoistočnoj Evropi i Centralnoevropske inicijative.", "international_order"},
		{"sr", "CZ,RS", "Стране ће наставити сарадњу у оквиру Вишеградске групе.", "international_order"},
		{"en", "CZ,RS", "The two sides will coordinate their positions within the South-East European Cooperation Process and the Central European Initiative.", "international_order"},
	})
}
