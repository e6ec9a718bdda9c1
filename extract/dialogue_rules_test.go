package extract

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestDialogueAreas: a foreign and defence ministers' statement (a 2+2)
// names its fields by words of its own: military exercises are defence
// cooperation, and so is armed forces' mutual logistics support (the
// logistics of transport stay infrastructure), as are navies' port calls;
// water cannons used against vessels are the incidents of a sea's dispute,
// no water resources; export controls are the
// security side of trade; the Quad is a regional framework, as ASEAN is;
// an economic cooperation agreement under negotiation is a trade agreement
// (CECA, as ECTA and CEPA are).
func TestDialogueAreas(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"AU", "IN"}
	tests := []docAreaCase{
		{"They commended the growing complexity of bilateral exercises, including Exercise Malabar.", []string{"security"}},
		{"The two sides will hold more joint exercises in the Indian Ocean.", []string{"security"}},
		{"They agreed to coordinate their approaches to export controls.", []string{"security", "trade"}},
		{"The Ministers agreed to expand reciprocal access for their armed forces under the Mutual Logistics Support Arrangement.", []string{"security"}},
		{"The two sides will develop logistics hubs along the corridor.", []string{"infrastructure"}},
		{"The Ministers decided to conduct joint exercises and port calls more frequently.", []string{"security"}},
		{"The Ministers expressed strong opposition to the use of water cannons against Philippine vessels.", []string{"hotspots"}},
		{"The Ministers committed to working together to deliver practical outcomes for the region through the Quad.", []string{"international_order"}},
		{"They agreed to conclude negotiations on an ambitious Comprehensive Economic Cooperation Agreement in 2027.", []string{"trade"}},
	}
	checkSentenceAreas(t, x, parties, tests)
}

// TestDialogueRecognition: a report that the parties recognised what
// others have contributed (the contribution of the diaspora to the
// relationship) is an appraisal of something done, as to commend it is;
// the present or a recital's participle (recognise the contribution of
// education to development) states a principle, and to recognise a
// principle or a fact (recognised the importance of…, recognised that…)
// stays a view.
func TestDialogueRecognition(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"AU", "IN"}
	tests := []struct {
		text string
		typ  entente.SentenceType
	}{
		{"The Ministers recognised the contribution of the Indian community in Australia to the bilateral relationship.", entente.Appraisal},
		{"The leaders recognized the important contributions of students to ties between the two countries.", entente.Appraisal},
		{"The two sides acknowledged the contribution of the business community to bilateral trade.", entente.Appraisal},
		{"The Ministers recognised the importance of maritime security.", entente.Position},
		{"The Parties recognise the contribution of education and sport to sustainable development.", entente.Position},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s, _ := x.label(x.newSentence(tc.text), parties, parties)
			if s.Type != tc.typ {
				t.Errorf("type %v, want %v", s.Type, tc.typ)
			}
		})
	}
}

// TestDialogueReferenceDates: a month after an unquoted title's inner word
// (the … Agreement in September 2025) opens the date it entered into force
// or was signed, no word of the title; a capitalised field after the inner
// word (in Science and Technology) stays the title's.
func TestDialogueReferenceDates(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		text string
		refs []string
	}{
		{"The Ministers welcomed the entry into force of the Reciprocal Access Agreement in September 2025.", []string{"Reciprocal Access Agreement"}},
		{"The Ministers welcomed the growth of trade since the entry into force of the Australia–India Economic Cooperation and Trade Agreement in December 2022.", []string{"Australia–India Economic Cooperation and Trade Agreement"}},
		{"The two sides will implement the Agreement on Cooperation in Science and Technology.", []string{"Agreement on Cooperation in Science and Technology"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			out := x.Extract(tc.text)
			var refs []string
			for _, s := range out.Sentences {
				refs = append(refs, s.References...)
			}
			if !slices.Equal(refs, tc.refs) {
				t.Errorf("references %q, want %q", refs, tc.refs)
			}
		})
	}
}
