package extract

import (
	"slices"
	"testing"
)

// TestSerbianSoundChanges finds cue, area and country words in forms whose
// stem a sound change hides (sibilarization: pruga → pruzi, naučnik →
// naučnici; palatalization: pomog- → pomože), in both scripts, and no
// word the stem does not name.
func TestSerbianSoundChanges(t *testing.T) {
	x := newTestSpaced(t, "sr")
	parties := []string{"CN", "RS"}
	tests := []struct {
		text   string
		areas  []string
		reason string
	}{
		{"Strane će uložiti u održavanje na pruzi.", []string{"infrastructure"}, "pruga → pruzi"},
		{"Стране ће уложити у одржавање на прузи.", []string{"infrastructure"}, "пруга → прузи"},
		{"Strane će podržati rad kineskih i srpskih naučnika i omogućiti naučnicima boravak.", []string{"science"}, "naučnik → naučnicima"},
		{"Стране ће омогућити научницима дужи боравак.", []string{"science"}, "научник → научницима"},
		{"Strane će sarađivati u nauci i obrazovanju.", []string{"people", "science"}, "nauka → nauci"},
		{"Стране ће сарађивати у науци.", []string{"science"}, "наука → науци"},
		{"Strane će otvoriti predstavništvo u banci u Beogradu.", []string{"finance"}, "banka → banci"},
		{"Strane će modernizovati opremu u luci Bar.", []string{"infrastructure"}, "luka → luci"},
		// a changed form is a whole word: pruža (provides) is no railway (a labour
		// market is people's, the only area left)
		{"Strane će razmotriti šta pruža tržište rada.", []string{"people"}, "pruža is not pruga"},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			s, _ := x.label(x.newSentence(tc.text), parties, parties)
			if !slices.Equal(s.Areas, tc.areas) {
				t.Errorf("areas %v, want %v", s.Areas, tc.areas)
			}
		})
	}
	// countries: Amerika → Americi names the United States
	for _, text := range []string{"Srbija će otvoriti konzulat u Americi.", "Србија ће отворити конзулат у Америци."} {
		st := x.newSentence(text)
		st.ments = x.mentions(st, []string{"RS", "US"})
		var codes []string
		for _, m := range st.ments {
			codes = append(codes, m.Codes...)
		}
		if !slices.Contains(codes, "US") {
			t.Errorf("%s: countries %v, want US among them", text, codes)
		}
	}
	// the forms a table phrase is spelt in
	forms := x.forms("prug* Beograd–Budimpešta")
	if !slices.Contains(forms, "pruzi Beograd–Budimpešta") || !slices.Contains(forms, "prug* Beograd–Budimpešta") {
		t.Errorf("forms %v", forms)
	}
	if got := x.forms("saradnj*"); len(got) != 1 {
		t.Errorf("a stem with no change spelt %v", got)
	}
	if en := newTestSpaced(t, "en"); len(en.forms("railway*")) != 1 {
		t.Error("English has no sound changes")
	}
}
