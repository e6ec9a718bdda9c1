package extract

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestDemonymSides: a country's adjective before a party head is that
// party, for every country a statement may be signed with, not only those
// the first statements came from (the Ghanaian Side, the Senegalese
// delegation, the Tanzanian Government).
func TestDemonymSides(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		text    string
		parties []string
		actors  []string
	}{
		{"The Ghanaian Side will designate a focal point for this work.", []string{"DE", "GH"}, []string{"GH"}},
		{"The Senegalese delegation will host the next session.", []string{"FR", "SN"}, []string{"SN"}},
		{"The Tanzanian Government will facilitate the issuing of permits.", []string{"IN", "TZ"}, []string{"TZ"}},
		{"The Mozambican side will provide land for the project.", []string{"MZ", "PT"}, []string{"MZ"}},
		{"The Ivorian Side will send experts to the training.", []string{"CI", "MA"}, []string{"CI"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s, _ := x.label(x.newSentence(tc.text), tc.parties, tc.parties)
			if s.Type != entente.Commitment || !slices.Equal(s.Actors, tc.actors) {
				t.Errorf("%s %v, want a commitment of %v", s.Type, s.Actors, tc.actors)
			}
		})
	}
}

// TestDeclarationOfIntent: a joint declaration of intent (ministries'
// arrangement, signed, with final provisions) is a declaration by its kind
// but reads as a memorandum's articles do: its procedural paragraphs (costs,
// the meetings of its committee, the lead-in to its areas) set out
// procedure and name no area, where a leaders' declaration's frame the
// relationship.
func TestDeclarationOfIntent(t *testing.T) {
	en := newTestSpaced(t, "en")
	const jdi = "Joint Declaration of Intent between the Federal Republic of Germany and the Republic of Ghana on Cooperation in Green Hydrogen\n\n1. "
	const decl = "Joint Declaration between the Federal Republic of Germany and the Republic of Ghana\n\n1. "
	tests := []struct {
		text  string
		areas []string
	}{
		{jdi + "Each Side will bear its own costs arising from activities under this Joint Declaration of Intent.\n", []string{}},
		{jdi + "The Steering Committee will meet at least once a year, alternately in Germany and Ghana.\n", []string{}},
		{jdi + "The Sides intend to cooperate in particular in the following areas:\n", []string{}},
		{jdi + "The Sides will expand their cooperation in green hydrogen.\n", []string{"energy", "green"}},
		{decl + "The two sides will hold consultations every year.\n", []string{"political"}},
	}
	// Serbian names it a statement of intentions (izjava o namerama): its
	// lead-in is in the field its title names, as a Serbian memorandum's is
	sr := newTestSpaced(t, "sr")
	out := sr.Extract("Zajednička izjava o namerama između Vlade Republike Srbije i Vlade Savezne Republike Nemačke o saradnji u oblasti obrazovanja\n\n1. Strane će razvijati saradnju u sledećim oblastima:\n")
	if out.Document.Kind != entente.KindDeclaration || len(out.Sentences) != 1 || !slices.Equal(out.Sentences[0].Areas, []string{"people"}) {
		t.Errorf("sr: kind %s, sentences %+v; want a declaration whose lead-in is in its field", out.Document.Kind, out.Sentences)
	}
	checkDocAreas(t, en, tests)
}

// TestHydrogenAreaWords: the words of an energy partnership's statement:
// green ammonia and power-to-X are energy carriers; a funding instrument is
// finance; the G20's Compact with Africa and the African Continental Free
// Trade Area are frameworks of the order (the latter also trade), as the
// African Union is; a region's industrial development is development.
func TestHydrogenAreaWords(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"DE", "GH"}
	tests := []struct {
		text  string
		areas []string
	}{
		{"The Sides will prepare a feasibility study for a green ammonia plant.", []string{"energy", "green"}},
		{"The Namibian Side will make available the necessary data on groundwater in the Erongo Region.", []string{"resources"}},
		{"The Netherlands will finance the construction of a desalination plant.", []string{"finance", "resources"}},
		{"The Sides aim to conclude an agreement on the recognition of vocational qualifications.", []string{"people"}},
		{"The Sides will cooperate within the framework of the Global Gateway.", []string{"international_order"}},
		{"The German Side will support Ghanaian developers through the PtX Development Fund.", []string{"energy"}},
		{"The German Side will inform project developers of the opportunities offered by the H2Global funding instrument.", []string{"finance"}},
		{"The German Side appreciates Ghana's active role in the Compact with Africa.", []string{"international_order"}},
		{"The Sides support the implementation of the Agreement Establishing the African Continental Free Trade Area.", []string{"international_order", "trade"}},
		{"The Sides share the view that regional electricity markets can strengthen the industrial development of West Africa.", []string{"development", "energy"}},
	}
	checkSentenceAreas(t, x, parties, tests)
}

// TestConsultationsCommunique: a communiqué of officials' consultations
// (Foreign Secretary level, as South Asia's foreign services hold them)
// names its subjects by their office: the two Foreign Secretaries are both
// parties, a party's Foreign Secretary is that party. A request of the other
// side is what another should do, a position. Power, in its sector and its
// trade, is energy; South Asia's and the Bay of Bengal's regional
// organisations are the order's frameworks, as ASEAN is.
func TestConsultationsCommunique(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"BD", "NP"}
	tests := []struct {
		text, typ string
		actors    []string
		areas     []string
	}{
		{"The two Foreign Secretaries expressed satisfaction at the progress in trade.", "appraisal", []string{"BD", "NP"}, []string{"trade"}},
		{"The Nepali Foreign Secretary will visit Dhaka to review the trade agreement.", "commitment", []string{"NP"}, []string{"trade"}},
		{"The Nepali side requested Bangladesh to allow the use of its ports for third-country trade.", "position", []string{"NP"}, []string{"infrastructure", "trade"}},
		{"The two sides agreed to finalise the Memorandum of Understanding on Cooperation in Power Sector.", "commitment", []string{"BD", "NP"}, []string{"energy"}},
		{"They agreed to increase power trade through the Indian grid to 500 megawatts.", "commitment", []string{"BD", "NP"}, []string{"energy", "trade"}},
		{"The two sides underscored the importance of revitalising SAARC.", "position", []string{"BD", "NP"}, []string{"international_order"}},
		{"They agreed to work together within BIMSTEC.", "commitment", []string{"BD", "NP"}, []string{"international_order"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s, _ := x.label(x.newSentence(tc.text), parties, parties)
			if string(s.Type) != tc.typ || !slices.Equal(s.Actors, tc.actors) || !slices.Equal(s.Areas, tc.areas) {
				t.Errorf("%s %v %v, want %s %v %v", s.Type, s.Actors, s.Areas, tc.typ, tc.actors, tc.areas)
			}
		})
	}
}

// TestLatinAmericanAreaWords: wildfires are disasters; the region's
// political frameworks (CELAC, the Pacific Alliance, regional integration)
// are the order's, as ASEAN is; a UN climate conference by its number and
// the region's environmental treaty are the climate order's, as the Paris
// Agreement is.
func TestLatinAmericanAreaWords(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"CL", "MX"}
	tests := []struct {
		text  string
		areas []string
	}{
		{"Chile thanked Mexico for its support during the wildfires that affected the Valparaíso Region.", []string{"disaster"}},
		{"The Ministers reaffirmed their commitment to the Pacific Alliance and to CELAC as spaces for regional integration.", []string{"international_order"}},
		{"Mexico and Chile will coordinate their positions in view of COP31.", []string{"green", "international_order"}},
		{"They will promote the Escazú Agreement in the region.", []string{"green", "international_order"}},
	}
	checkSentenceAreas(t, x, parties, tests)
}

// TestMobilityPartnership: a migration and mobility partnership's words:
// nursing is health; readmission is migration control (security); the
// Goethe-Institut is Germany's cultural institute, named as a project and
// read as people, as a Confucius Institute is.
func TestMobilityPartnership(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		text     string
		areas    []string
		projects []string
	}{
		{"The Participants intend to facilitate the recruitment of skilled workers in nursing.", []string{"health"}, nil},
		{"The Participants will cooperate on the readmission of persons who have no right to stay.", []string{"security"}, nil},
		{"The German Participant will support language courses at the Goethe-Institut Nairobi.", []string{"people"}, []string{"Goethe-Institut Nairobi"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			out := x.Extract("Joint Declaration of Intent between the Federal Republic of Germany and the Republic of Kenya\n\n1. " + tc.text + "\n")
			if len(out.Sentences) != 1 {
				t.Fatalf("%d sentences", len(out.Sentences))
			}
			s := out.Sentences[0]
			if !slices.Equal(s.Areas, tc.areas) || !slices.Equal(s.Projects, tc.projects) {
				t.Errorf("areas %v projects %v, want %v %v", s.Areas, s.Projects, tc.areas, tc.projects)
			}
		})
	}
}
