package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestFreeTradeAgreementProvisions holds readings of a bilateral trade
// treaty put into English from another language: "Contracting Parties"
// without its article is both parties; "agreed that" a party may do a
// thing agrees on a permission, a view, while "agreed that" a party will
// do it undertakes; a future in a relative clause under a permission (Any
// state may accede … on terms which would be agreed…) describes the terms
// of a formula, no undertaking; a preamble's recitals that run on into
// "have agreed as follows:" state the parties' aims (providing full
// employment) as a view, not an undertaking.
func TestFreeTradeAgreementProvisions(t *testing.T) {
	x := newTestSpaced(t, "en")
	const fta = "AGREEMENT BETWEEN THE GOVERNMENT OF REPUBLIC OF ARMENIA AND THE GOVERNMENT OF REPUBLIC OF MOLDOVA ON FREE TRADE\n\nARTICLE 1\n\n"
	tests := []oneSentence{
		{fta, "Contracting Parties shall endeavour to avoid conflicting situations in mutual trade.", entente.Commitment, entente.Intent, "AM,MD"},
		{fta, "The Contracting Parties shall endeavour to avoid conflicting situations in mutual trade.", entente.Commitment, entente.Intent, "AM,MD"},
		{fta, "Contracting Parties agree that the adherence to the principle of freedom of transit is the major condition for achieving goals of this Agreement.", entente.Position, "", ""},
		{fta, "Contracting Parties have agreed that the Republic of Armenia may establish its trade representation in the Republic of Moldova.", entente.Position, "", ""},
		{fta, "Contracting Parties have agreed that the Republic of Armenia will establish its trade representation in the Republic of Moldova.", entente.Commitment, entente.Firm, "AM,MD"},
		{fta, "Any state may accede to this Agreement on terms and conditions which would be agreed between the acceding state and the Contracting Parties.", entente.Narrative, "", ""},
		{fta, "The legal status of these trade representations will be agreed by the Contracting Parties separately.", entente.Commitment, entente.Firm, "AM,MD"},
	}
	for _, tc := range tests {
		r := x.Extract(tc.title + tc.text + "\n")
		if len(r.Sentences) != 1 {
			t.Fatalf("%s: %d sentences", tc.text, len(r.Sentences))
		}
		s := r.Sentences[0]
		if s.Type != tc.typ || s.Strength != tc.strength {
			t.Errorf("%s: %s/%s, want %s/%s (cue %+v)", tc.text, s.Type, s.Strength, tc.typ, tc.strength, s.Rationale.Type)
		}
		if got := strings.Join(s.Actors, ","); tc.typ == entente.Commitment && got != tc.actors {
			t.Errorf("%s: actors %s, want %s", tc.text, got, tc.actors)
		}
	}

	const head = "AGREEMENT BETWEEN THE GOVERNMENT OF REPUBLIC OF ARMENIA AND THE GOVERNMENT OF REPUBLIC OF MOLDOVA ON FREE TRADE\n\n"
	preamble := "The Government of Republic of Armenia and the Government of Republic of Moldova, hereafter referred to as the Contracting Parties,\n\n" +
		"Aiming at fostering economic activities, providing full employment, increasing productivity and rational use of resources,\n\n" +
		"HAVE AGREED as follows:\n\nARTICLE 1\n\nContracting Parties shall not apply customs duties on goods originating from the customs territory of the other Contracting Party.\n"
	r := x.Extract(head + preamble)
	if len(r.Sentences) != 2 {
		t.Fatalf("%d sentences, want 2", len(r.Sentences))
	}
	if s := r.Sentences[0]; s.Type != entente.Position {
		t.Errorf("%s: %s/%s, want position (cue %+v)", s.Text, s.Type, s.Strength, s.Rationale.Type)
	}
	if s := r.Sentences[1]; s.Type != entente.Commitment || s.Strength != entente.Firm {
		t.Errorf("%s: %s/%s, want commitment/firm", s.Text, s.Type, s.Strength)
	}
}

// TestTradeTreatyAreasAndPlace: a trade treaty's own terms (commodities,
// quantitative restrictions, freedom of transit) are trade, transit the
// passage of goods across a territory, infrastructure too; the market's
// "competitive environment" is no ecology; "Done in the City of X" names
// the place of signing.
func TestTradeTreatyAreasAndPlace(t *testing.T) {
	xs := newTestSpaced(t, "en")
	parties := []string{"AM", "MD"}
	tests := []struct {
		text  string
		areas []string
	}{
		{"Each Party shall not impose internal taxes on commodities covered by this Agreement.", []string{"trade"}},
		{"The Parties shall not introduce quantitative restrictions.", []string{"trade"}},
		{"The Parties shall conclude a special agreement on transit.", []string{"infrastructure", "trade"}},
	}
	for _, tc := range tests {
		s, _ := xs.label(xs.newSentence(tc.text), parties, parties)
		got := slices.Clone(s.Areas)
		slices.Sort(got)
		if !slices.Equal(got, tc.areas) && !(len(got) == 0 && len(tc.areas) == 0) {
			t.Errorf("%s: areas %v, want %v", tc.text, got, tc.areas)
		}
	}
	// the market's competitive environment is no ecology; the environment is
	if s, _ := xs.label(xs.newSentence("The Parties shall eliminate practices disrupting the competitive environment."), parties, parties); slices.Contains(s.Areas, "green") {
		t.Errorf("competitive environment: areas %v, want no green", s.Areas)
	}
	if s, _ := xs.label(xs.newSentence("The Parties shall cooperate in protecting the environment."), parties, parties); !slices.Contains(s.Areas, "green") {
		t.Errorf("environment: areas %v, want green", s.Areas)
	}
	r := xs.Extract("AGREEMENT BETWEEN THE GOVERNMENT OF REPUBLIC OF ARMENIA AND THE GOVERNMENT OF REPUBLIC OF MOLDOVA ON FREE TRADE\n\nARTICLE 1\n\nContracting Parties shall not apply customs duties.\n\nDone in the City of Ashgabat, on December 24, 1993 in two originals, each in Armenian, Romanian, and Russian, all texts being equally authentic.\n")
	if d := r.Document; d.SignedPlace == nil || *d.SignedPlace != "Ashgabat" || d.SignedDate == nil || *d.SignedDate != "1993-12-24" {
		t.Errorf("signed %v at %v, want 1993-12-24 at Ashgabat", d.SignedDate, d.SignedPlace)
	}
}
