package extract

import (
	"testing"
)

// TestEnergyEducationDeclarationRules holds the readings a joint
// declaration of intent on the energy transition and dual education shows
// (Serbian, both scripts share the table), in wording of our own.
func TestEnergyEducationDeclarationRules(t *testing.T) {
	parties := []string{"DE", "RS"}
	checkLabels(t, newTestSpaced(t, "sr"), parties, []labelCase{
		// a recital of awareness or conviction (Svesni da…, Uverene da…) is a view the
		// parties hold, as Naglašavajući is; it outranks a welcoming recital
		{"Vlada Republike Srbije i Vlada Savezne Republike Nemačke, Svesni da energetska tranzicija zahteva nova znanja, Pozdravljajući dobre odnose dveju zemalja, izjavljuju sledeće:", "position", "", parties, "Svesni", ""},
		{"Vlada Republike Srbije i Vlada Savezne Republike Nemačke, Svesne značaja stručnog obrazovanja, Pozdravljajući dobre odnose dveju zemalja, izjavljuju sledeće:", "position", "", parties, "Svesne", ""},
		// after a recital of a view, as after one of aim, agreeing as follows is the main clause: firm
		{"Vlada Republike Srbije i Vlada Savezne Republike Nemačke, Svesne značaja energetske bezbednosti, dogovorile su se o sledećem:", "commitment", "firm", parties, "dogovorile su se", ""},
		// the fused future of doprineti, as of doneti: with a thing for subject, a prediction
		{"Izgradnja nove elektrane doprineće smanjenju emisija.", "appraisal", "", parties, "doprineće", ""},
		{"Nemačka strana doprineće finansiranju projekta.", "commitment", "firm", []string{"DE"}, "doprineće", ""},
	})
}

// TestEnergyEducationDeclarationEffects: in an instrument (a joint
// declaration of intent reads as one), the future of a verb of effect with
// a thing for subject still forecasts (appraisal); a body's future binds.
func TestEnergyEducationDeclarationEffects(t *testing.T) {
	r := newTestRegistry(t)
	for _, tc := range []struct{ text, typ string }{
		{"Realizacija projekta doprineće smanjenju emisija.", "appraisal"},
		{"Izgradnja pruge će omogućiti brži prevoz putnika.", "appraisal"},
		{"Zajednička radna grupa sastajaće se jednom godišnje.", "commitment"},
	} {
		out := r.Extract("Zajednička izjava o namerama između Vlade Republike Srbije i Vlade Savezne Republike Nemačke\n\n1. Strane će sarađivati u oblasti energetike.\n\n2. " + tc.text + "\n")
		if n := len(out.Sentences); n != 2 {
			t.Fatalf("%s: %d sentences", tc.text, n)
		}
		if got := string(out.Sentences[1].Type); got != tc.typ {
			t.Errorf("%s: %s, want %s", tc.text, got, tc.typ)
		}
	}
}

// TestEnergyEducationDeclarationAreas holds the fields of such a
// declaration in words the table lacked, and a port's stem that took a
// city's name.
func TestEnergyEducationDeclarationAreas(t *testing.T) {
	x := newTestSpaced(t, "sr")
	parties := []string{"DE", "RS"}
	checkSentenceAreas(t, x, parties, []docAreaCase{
		// hydrogen is a fuel (energy), its production no industry of investment; green hydrogen green too
		{"Strane će sarađivati u proizvodnji zelenog vodonika.", []string{"energy", "green"}},
		{"Strane će razviti nacionalnu strategiju za vodonik.", []string{"energy"}},
		// coal is energy's fuel
		{"Strane smatraju da je smanjenje zavisnosti od uglja ključno.", []string{"energy"}},
		// the Stabilisation and Association Agreement is the EU framework, and a port is no city
		{"Strane smatraju da je Sporazum o stabilizaciji i pridruživanju, potpisan u Luksemburgu, važan.", []string{"international_order"}},
		{"Strane će modernizovati luku Bar.", []string{"infrastructure"}},
		// the Energy Community is energy's regional framework
		{"Strane smatraju da su obaveze iz Ugovora o osnivanju Energetske zajednice važne.", []string{"energy", "international_order"}},
	})
}

// TestEnergyEducationDeclarationLaws: a national law cited by its title
// (Zakon o …) is an instrument cited, of kind other, unquoted.
func TestEnergyEducationDeclarationLaws(t *testing.T) {
	r := newTestRegistry(t).Extract("Zajednička izjava o namerama između Vlade Republike Srbije i Vlade Savezne Republike Nemačke\n\n" +
		"1. Srpska strana će usavršavati nastavnike u skladu sa Zakonom o dualnom obrazovanju iz 2017. godine.\n")
	if len(r.References) != 1 || r.References[0].Title != "Zakonom o dualnom obrazovanju" || r.References[0].Kind != "other" || r.References[0].Bracketed {
		t.Fatalf("references %+v, want one unquoted law", r.References)
	}
	if y := r.References[0].Year; y == nil || *y != 2017 {
		t.Errorf("year %v, want 2017", y)
	}
}
