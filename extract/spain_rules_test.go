package extract

import (
	"slices"
	"testing"
)

// TestSpainAreas: the fields of a China–Spain statement in the Foreign
// Ministry's English. Green development is green alone, as 绿色发展 reads
// (an action plan on green development cooperation is no development
// cooperation); China's relations with the European Union are the regional
// framework, as 中欧关系 is, unless both are the document's parties;
// strategic communication between the two is the relationship (political),
// no world order by "the world" around it; the giant panda's conservation
// is nature, as 大熊猫保护 is; the safety of artificial intelligence is the
// field's own governance, no safety of projects or staff; financing for
// development is development as well as finance; food and farm products
// imported are trade alone, as agricultural products are. The Silk Road is
// the old route's name (an exhibition's, the Belt and Road's Silk Road
// Economic Belt, a Digital Silk Road), no road. The United Nations' central
// or core role supported is the world order itself, beside any field it
// governs, as 支持联合国发挥核心作用 is; the UN named as a venue stays weak.
func TestSpainAreas(t *testing.T) {
	checkLangAreas(t, []langAreaCase{
		{"en", "CN,ES", `The two sides will jointly implement the "China-Spain Action Plan on Green Development Cooperation (2027-2031)" signed during the visit.`, "green"},
		{"en", "CN,ES", "The two sides will promote green development and the green transition of their industries.", "green"},
		{"en", "CN,ES", "The Spanish side will continue to play a positive role in promoting the sound and steady development of China-EU relations.", "international_order"},
		{"en", "CN,EU", "The two sides will promote the sound and steady development of China-EU relations.", "political"},
		{"en", "CN,ES", "The two sides agreed that, as the world undergoes profound changes, China and Spain share broad common interests and should strengthen strategic communication.", "political"},
		{"en", "CN,ES", "The two sides agreed to continue their cooperation in giant panda conservation.", "green"},
		{"en", "CN,ES", "The Chinese side welcomes Spanish financial institutions to issue panda bonds in China's interbank bond market.", "finance"},
		{"en", "CN,ES", "The two sides are willing to strengthen dialogue on the safety of artificial intelligence.", "ai"},
		{"en", "CN,ES", "The two sides will implement the outcome of the Fourth International Conference on Financing for Development.", "development,finance"},
		{"en", "CN,ES", "The Chinese side is ready to import more high-quality Spanish agricultural and food products.", "trade"},
		{"en", "CN,ES", "The two sides will deepen cooperation in agricultural modernization and food security.", "development"},
		{"en", "CN,ES", `The two sides look forward to the exhibition "Treasures of the Silk Road" at the National Archaeological Museum of Spain in 2028.`, "people"},
		{"en", "CN,KZ", "The two sides will jointly promote the building of the Silk Road Economic Belt.", "international_order"},
		{"en", "CN,KZ", "The two sides will build a Digital Silk Road.", "digital"},
		{"en", "CN,ES", "The two sides support the United Nations in playing a central role in the global governance of artificial intelligence.", "ai,international_order"},
		{"en", "CN,ES", "The two sides support the central role of the United Nations in the global governance of artificial intelligence.", "ai,international_order"},
		{"en", "CN,ES", "The two sides will strengthen cooperation in artificial intelligence within the United Nations.", "ai"},
	})
}

// TestSpainEntities: a country's language institute named in its own
// language (the Instituto Cervantes, as the Goethe-Institut and the
// Confucius Institutes) is a project; a named hydrogen valley (an
// industrial cluster of green hydrogen's producers and users) is works.
func TestSpainEntities(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		text  string
		projs []string
	}{
		{"The two sides support the Instituto Cervantes in Beijing and the Confucius Institutes in Spain in playing a greater role.", []string{"Instituto Cervantes", "Confucius Institutes"}},
		{"The Chinese side supports Chinese enterprises in taking part in the Navarra Green Hydrogen Valley.", []string{"Navarra Green Hydrogen Valley"}},
		{"The two sides will cooperate in the Jordan Valley and Silicon Valley.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			out := x.Extract(tc.text)
			var projs []string
			for _, s := range out.Sentences {
				projs = append(projs, s.Projects...)
			}
			if !slices.Equal(projs, tc.projs) {
				t.Errorf("projects %q, want %q", projs, tc.projs)
			}
		})
	}
}

// TestSpainReferenceOccasion: a title's year given after the conference
// or meeting it was adopted, signed or issued at (the "Sevilla Commitment"
// adopted at the Fourth International Conference on Financing for
// Development in 2025), as after one it was agreed at.
func TestSpainReferenceOccasion(t *testing.T) {
	x := newTestSpaced(t, "en")
	for _, tc := range []struct {
		text string
		year int
	}{
		{`The two sides will work together to implement the "Sevilla Commitment" adopted at the Fourth International Conference on Financing for Development in 2025.`, 2025},
		{`The two sides will implement the "Kunming-Montreal Global Biodiversity Framework" adopted at the fifteenth meeting of the Conference of the Parties to the Convention on Biological Diversity in 2022.`, 2022},
	} {
		t.Run(tc.text, func(t *testing.T) {
			out := x.Extract(tc.text)
			if len(out.References) == 0 {
				t.Fatalf("no reference")
			}
			r := out.References[0]
			if r.Year == nil || *r.Year != tc.year {
				t.Errorf("%s: year %v, want %d", r.Title, r.Year, tc.year)
			}
		})
	}
}
