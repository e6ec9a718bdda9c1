package extract

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// factSheetHead is a joint fact sheet's opening: its title, its dateline
// and the lead-in its bulleted outcomes stand under.
const factSheetHead = "Joint Fact Sheet: Canada and the Philippines Launch a Strategic Partnership\n\nOttawa, 14 October 2026\n\nThe leaders committed to the following actions to deliver the Strategic Partnership:\n\nDefence and Maritime Security\n\n"

// TestFactSheetGerundItems: a joint fact sheet lists its outcomes as
// bullets that open with a gerund and have no subject (Launching…,
// Convening…, Doubling…): each is the parties' own undertaking, soft as an
// item with no modal is, of the lead-in's actors. "Committing to" + an
// action is firm, as "committed to" is; a lead-in that commits the parties
// to "the following actions" is firm, as "agreed on the following" is; a
// welcome in a bullet stays an appraisal.
func TestFactSheetGerundItems(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		item     string
		typ      entente.SentenceType
		strength entente.Strength
	}{
		{"Convening the first meeting of the joint committee in Manila.", entente.Commitment, entente.Soft},
		{"Doubling the number of scholarships offered to Filipino students.", entente.Commitment, entente.Soft},
		{"Partnering to develop nickel processing in the Philippines.", entente.Commitment, entente.Soft},
		{"Bringing into force the agreement on visiting forces.", entente.Commitment, entente.Soft},
		// the instrument's signing after its title, and a relative clause's
		// verb, are no main verb that would make the gerund a subject
		{"Bringing into force the Status of Visiting Forces Agreement signed in Manila in November 2025.", entente.Commitment, entente.Soft},
		{"Bringing into force the Status of Visiting Forces Agreement signed in Manila in November 2025, which will allow the armed forces of each country to train together.", entente.Commitment, entente.Soft},
		{"Working together to ensure the success of the Summit.", entente.Commitment, entente.Soft},
		{"Committing to conclude the negotiations by the end of 2026.", entente.Commitment, entente.Firm},
		{"Strengthening cooperation on maritime security.", entente.Commitment, entente.Soft},
		{"Welcoming the signing of a memorandum of understanding on critical minerals.", entente.Appraisal, ""},
	}
	for _, tc := range tests {
		t.Run(tc.item, func(t *testing.T) {
			out := x.Extract(factSheetHead + "• " + tc.item + "\n")
			if len(out.Sentences) != 2 {
				t.Fatalf("%d sentences, want 2: %+v", len(out.Sentences), out.Sentences)
			}
			lead, s := out.Sentences[0], out.Sentences[1]
			if lead.Type != entente.Commitment || lead.Strength != entente.Firm {
				t.Errorf("lead-in: %s %s, want a firm commitment", lead.Type, lead.Strength)
			}
			if s.Type != tc.typ || s.Strength != tc.strength || !slices.Equal(s.Actors, []string{"CA", "PH"}) {
				t.Errorf("%s %s %v, want %s %s of CA, PH", s.Type, s.Strength, s.Actors, tc.typ, tc.strength)
			}
		})
	}
}

// TestJointFactSheetKind: a fact sheet both governments issue ("Joint Fact
// Sheet") is their joint statement; one government's own fact sheet stays
// other.
func TestJointFactSheetKind(t *testing.T) {
	x := newTestSpaced(t, "en")
	for title, want := range map[string]entente.Kind{
		"Joint Fact Sheet: Canada and the Philippines Launch a Strategic Partnership": entente.KindJointStatement,
		"Fact Sheet: President Biden Hosts Prime Minister Kishida":                    entente.KindOther,
	} {
		out := x.Extract(title + "\n\nThe two sides will hold consultations every year.\n")
		if out.Document.Kind != want {
			t.Errorf("%q: kind %s, want %s", title, out.Document.Kind, want)
		}
	}
}

// TestHostsVisitorLongStyle: a welcome of a visitor named in full style
// (an initial, a suffix and "of the Republic of …") to a place tells the
// visit, a narrative, however many words the style takes.
func TestHostsVisitorLongStyle(t *testing.T) {
	x := newTestSpaced(t, "en")
	out := x.Extract("Joint Statement\n\nPrime Minister Mark Carney welcomed President Ferdinand R. Marcos Jr. of the Republic of the Philippines to Ottawa on 13–14 October 2026.\n")
	if len(out.Sentences) != 1 || out.Sentences[0].Type != entente.Narrative {
		t.Errorf("%+v, want one narrative", out.Sentences)
	}
}

// TestFactSheetAreas: the fields of a statement with a maritime Southeast
// Asian state. A coast guard is security at sea, as maritime security is;
// the 2016 arbitral award in the South China Sea is international law, as
// the Convention on the Law of the Sea is; loss and damage is climate
// finance's term, green; pension funds are investors, no social security.
func TestFactSheetAreas(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"CA", "PH"}
	tests := []struct {
		text  string
		areas []string
	}{
		{"Canada will train officers of the Philippine Coast Guard.", []string{"security"}},
		{"The leaders reaffirmed that the 2016 Arbitral Award on the South China Sea is final and legally binding.", []string{"hotspots", "international_order"}},
		{"Canada will contribute to the fund for responding to loss and damage.", []string{"green"}},
		{"The President welcomed the growing presence of Canadian pension funds in Philippine ports.", []string{"infrastructure", "investment"}},
		{"The two sides will cooperate on social security and pensions.", []string{"people"}},
	}
	checkSentenceAreas(t, x, parties, tests)
}

// TestFactSheetEntities: a named fellowship is a programme, as a named
// scholarship is; a bullet's opening gerund (Expanding…) is no part of the
// name after it, capitalised as the sentence's first word though it is.
func TestFactSheetEntities(t *testing.T) {
	tests := []struct {
		text  string
		projs []string
	}{
		{"The two sides will launch the Canada–Philippines Agricultural Innovation Fellowship.", []string{"Canada–Philippines Agricultural Innovation Fellowship"}},
		{"Expanding the Dark Vessel Detection program.", []string{"Dark Vessel Detection program"}},
		{"Expanding Canada's Dark Vessel Detection program.", []string{"Dark Vessel Detection program"}},
		{"The two sides will offer fellowships to young researchers.", nil},
	}
	x := newTestSpaced(t, "en")
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			out := x.Extract(tt.text)
			var projs []string
			for _, s := range out.Sentences {
				projs = append(projs, s.Projects...)
			}
			if !slices.Equal(projs, tt.projs) {
				t.Errorf("projects %q, want %q", projs, tt.projs)
			}
		})
	}
}
