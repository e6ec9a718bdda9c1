package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestSpacedSignatures reads the signature blocks English and Serbian
// statements end with, in the layouts they come in: columns set side by
// side with wide gaps, one signatory after another, the name and the office
// on one line, marks where the signatures were. The block gives the
// signatories with their parties, and none of its lines is a sentence.
func TestSpacedSignatures(t *testing.T) {
	en, sr := newTestSpaced(t, "en"), newTestSpaced(t, "sr")
	sig := func(name, title, party string) entente.Signatory {
		return entente.Signatory{Name: name, Title: title, Party: party}
	}
	const (
		enBody = "Joint Statement between the Republic of Serbia and the Republic of Kazakhstan\n\nBelgrade, 12 March 2025\n\n" +
			"1. The two sides will conclude an agreement on visa exemption by the end of 2026.\n\n"
		srBody = "Zajednička izjava Republike Srbije i Republike Kazahstan\n\nBeograd, 12. mart 2025. godine\n\n" +
			"1. Strane će do kraja 2026. godine zaključiti Sporazum o ukidanju viza.\n\n"
		cyBody = "Заједничка изјава Републике Србије и Републике Казахстан\n\nБеоград, 12. март 2025. године\n\n" +
			"1. Стране ће до краја 2026. године закључити Споразум о укидању виза.\n\n"
	)
	enLast, srLast, cyLast := "The two sides will conclude an agreement on visa exemption by the end of 2026.",
		"Strane će do kraja 2026. godine zaključiti Sporazum o ukidanju viza.",
		"Стране ће до краја 2026. године закључити Споразум о укидању виза."
	vucic, tokayev := sig("Aleksandar Vučić", "President", "RS"), sig("Kassym-Jomart Tokayev", "President", "KZ")
	tests := []struct {
		name, text, last string
		want             []entente.Signatory
	}{
		{"columns: party, name, office", enBody +
			"For the Republic of Serbia                For the Republic of Kazakhstan\n" +
			"Aleksandar Vučić                          Kassym-Jomart Tokayev\n" +
			"President                                 President\n",
			enLast, []entente.Signatory{vucic, tokayev}},
		{"columns set by tabs, with marks", enBody +
			"For the Republic of Serbia\tFor the Republic of Kazakhstan\n(signed)\t(signed)\n" +
			"Aleksandar Vučić\tKassym-Jomart Tokayev\nPresident\tPresident\n",
			enLast, []entente.Signatory{vucic, tokayev}},
		{"one after another: name, office naming the country", enBody +
			"Aleksandar Vučić\nPresident of the Republic of Serbia\n\nKassym-Jomart Tokayev\nPresident of the Republic of Kazakhstan\n",
			enLast, []entente.Signatory{sig("Aleksandar Vučić", "President of the Republic of Serbia", "RS"),
				sig("Kassym-Jomart Tokayev", "President of the Republic of Kazakhstan", "KZ")}},
		{"a name ending in a full stop", enBody +
			"For the United States of America          For the Republic of Serbia\n" +
			"Joseph R. Biden Jr.                       Aleksandar Vučić\n",
			enLast, []entente.Signatory{sig("Joseph R. Biden Jr.", "For the United States of America", "US"),
				sig("Aleksandar Vučić", "For the Republic of Serbia", "RS")}},
		{"names in parentheses under the party, the office below", enBody +
			"For the Government of the Republic of Serbia\n(Aleksandar Vučić)\nMinister of Foreign Affairs\n\n" +
			"For the Government of the Republic of Kazakhstan\n(Kassym-Jomart Tokayev)\nMinister of Foreign Affairs\n",
			enLast, []entente.Signatory{sig("Aleksandar Vučić", "Minister of Foreign Affairs", "RS"),
				sig("Kassym-Jomart Tokayev", "Minister of Foreign Affairs", "KZ")}},
		{"Serbian columns: office, name", srBody +
			"Predsednik Republike Srbije                Predsednik Republike Kazahstan\n" +
			"Aleksandar Vučić                           Kasim-Žomart Tokajev\n",
			srLast, []entente.Signatory{sig("Aleksandar Vučić", "Predsednik Republike Srbije", "RS"),
				sig("Kasim-Žomart Tokajev", "Predsednik Republike Kazahstan", "KZ")}},
		{"Serbian one after another, name and office on one line", srBody +
			"Za Republiku Srbiju\nAleksandar Vučić, predsednik\n\nZa Republiku Kazahstan\nKasim-Žomart Tokajev, predsednik\n",
			srLast, []entente.Signatory{sig("Aleksandar Vučić", "predsednik", "RS"), sig("Kasim-Žomart Tokajev", "predsednik", "KZ")}},
		{"Serbian Cyrillic, for a government", cyBody +
			"За Владу Републике Србије\nАлександар Вучић\n\nЗа Владу Републике Казахстан\nКасим-Жомарт Токајев\n",
			cyLast, []entente.Signatory{sig("Александар Вучић", "За Владу Републике Србије", "RS"),
				sig("Касим-Жомарт Токајев", "За Владу Републике Казахстан", "KZ")}},
		{"party lines in capitals, each over a name and its office", srBody +
			"ZA VLADU REPUBLIKE SRBIJE\nDubravka Đedović\nministar rudarstva i energetike\n\nZA VLADU REPUBLIKE KAZAHSTAN\nAlmasadam Satkalijev\nministar energetike\n",
			srLast, []entente.Signatory{sig("Dubravka Đedović", "ministar rudarstva i energetike", "RS"),
				sig("Almasadam Satkalijev", "ministar energetike", "KZ")}},
		{"a ministry's full name on the party line, past ninety characters", enBody +
			"For the Ministry of Mining and Energy and of Environmental Protection of the Republic of Serbia\nDubravka Đedović\nMinister of Mining and Energy\n\n" +
			"For the Ministry of Energy and Mineral Development of the Republic of Kazakhstan\nYerlan Akkenzhenov\nMinister of Energy\n",
			enLast, []entente.Signatory{sig("Dubravka Đedović", "Minister of Mining and Energy", "RS"),
				sig("Yerlan Akkenzhenov", "Minister of Energy", "KZ")}},
		{"ministries' officials below a minister: a state secretary, a deputy minister", cyBody +
			"За Министарство спољних послова Републике Србије\nИвана Петровић\nдржавни секретар\n\n" +
			"За Министарство иностраних послова Републике Казахстан\nЕржан Ашикбајев\nзаменик министра иностраних послова\n",
			cyLast, []entente.Signatory{sig("Ивана Петровић", "државни секретар", "RS"),
				sig("Ержан Ашикбајев", "заменик министра иностраних послова", "KZ")}},
		{"an ambassador and an assistant minister, in Latin script", srBody +
			"Za Ministarstvo spoljnih poslova Republike Srbije\nMarko Ilić\npomoćnik ministra spoljnih poslova\n\n" +
			"Za Ministarstvo inostranih poslova Republike Kazahstan\nTimur Žaksilikov\nambasador Republike Kazahstan u Republici Srbiji\n",
			srLast, []entente.Signatory{sig("Marko Ilić", "pomoćnik ministra spoljnih poslova", "RS"),
				sig("Timur Žaksilikov", "ambasador Republike Kazahstan u Republici Srbiji", "KZ")}},
		{"a head of a department or of a delegation signs: šef", srBody +
			"Za Vladu Republike Srbije\nIvica Dačić\nministar unutrašnjih poslova\n\n" +
			"Za Vladu Republike Kazahstan\nMurat Nurtleu\nšef Saveznog departmana spoljnih poslova\n",
			srLast, []entente.Signatory{sig("Ivica Dačić", "ministar unutrašnjih poslova", "RS"),
				sig("Murat Nurtleu", "šef Saveznog departmana spoljnih poslova", "KZ")}},
		{"offices without names sign for no one, and are no sentence", cyBody +
			"Председник Републике Србије                Председник Републике Казахстан\n",
			cyLast, nil},
		{"a last paragraph naming an office is a sentence", enBody +
			"The President of Kazakhstan thanked the President of Serbia for the hospitality.\n",
			"The President of Kazakhstan thanked the President of Serbia for the hospitality.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := sr
			if tc.last == enLast || strings.HasPrefix(tc.last, "The ") {
				x = en
			}
			got := x.Extract(tc.text)
			d := got.Document
			for _, s := range append([]entente.Signatory{{Party: "KZ"}, {Party: "RS"}}, tc.want...) {
				if !slices.Contains(d.Parties, s.Party) {
					t.Errorf("parties %v, not %s", d.Parties, s.Party)
				}
			}
			if !slices.Equal(d.Signatories, tc.want) && len(d.Signatories)+len(tc.want) > 0 {
				t.Errorf("signatories\n%+v, want\n%+v", d.Signatories, tc.want)
			}
			last := got.Sentences[len(got.Sentences)-1]
			if last.Text != tc.last {
				t.Errorf("last sentence %q, want %q", last.Text, tc.last)
			}
			for _, s := range got.Sentences {
				if strings.Contains(s.Text, "Vučić") || strings.Contains(s.Text, "Вучић") {
					t.Errorf("a signature read as sentence %s: %q", s.ID, s.Text)
				}
			}
		})
	}
}
