package extract

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestAccessionDeadlines: the next elections bound an undertaking as the
// next summit does (Serbia will implement the recommendations before the
// next parliamentary elections); the due date is open.
func TestAccessionDeadlines(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"EU", "RS"}
	tests := []struct{ text, deadline string }{
		{"Serbia will fully implement the outstanding recommendations of the election observers before the next parliamentary elections.", "before the next parliamentary elections"},
		{"The parties will adopt the new electoral law by the next elections.", "by the next elections"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s, _ := x.label(x.newSentence(tc.text), parties, parties)
			if s.Type != entente.Commitment {
				t.Fatalf("type %s, want commitment", s.Type)
			}
			got := ""
			if d := x.deadline(x.newSentence(tc.text)); d != nil {
				got = d.Text
			}
			if got != tc.deadline {
				t.Errorf("deadline %q, want %q", got, tc.deadline)
			}
		})
	}
}

// TestAccessionAreas: a candidate's way into a union (accession
// negotiations, membership of the EU, negotiating chapters, an
// intergovernmental conference, the candidate's alignment with the common
// foreign and security policy and with restrictive measures) is the
// regional framework, international_order, even where the union is a
// party and its name gives no area; the judiciary is political, as judicial
// independence is; pre-financing is finance.
func TestAccessionAreas(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"EU", "RS"}
	tests := []docAreaCase{
		{"The EU reiterated its unequivocal commitment to the EU membership perspective of Serbia.", []string{"international_order"}},
		{"Serbia reaffirmed that EU membership remains its strategic goal.", []string{"international_order"}},
		{"The EU took note that Serbia has opened 22 out of 35 negotiating chapters.", []string{"international_order"}},
		{"The Council agreed to take work forward on the opening of Cluster 3 at an intergovernmental conference before the end of 2026.", []string{"international_order"}},
		{"The EU expressed its regret that Serbia's alignment with the common foreign and security policy has remained at 51 per cent.", []string{"international_order"}},
		{"The EU urged Serbia to align progressively with the EU's restrictive measures against Russia.", []string{"international_order"}},
		{"Serbia committed to increasing its rate of alignment in 2027.", []string{"international_order"}},
		{"The EU stressed that normalisation is an essential condition for progress on Serbia's path to the EU.", []string{"international_order"}},
		{"The EU underlined the importance of the pace of accession negotiations.", []string{"international_order"}},
		{"Serbia will strengthen the accountability of the judiciary.", []string{"political"}},
		{"The EU recalled that Serbia fulfils the opening benchmarks for the chapter.", []string{"international_order"}},
		{"The EU welcomed Serbia's participation in Horizon Europe and Erasmus+.", []string{"people", "science"}},
		{"The EU will release the second instalment of pre-financing to Serbia in the first half of 2027.", []string{"finance"}},
	}
	checkSentenceAreas(t, x, parties, tests)
}

// TestAccessionEntities: a facility named for a region (the Reform and
// Growth Facility for the Western Balkans) keeps its region, as a plan's
// title does; programmes a state takes part in, named bare after
// "participation in" (Horizon Europe), are programmes, as after
// "association to".
func TestAccessionEntities(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		text         string
		projs, mechs []string
	}{
		{"Serbia will receive payments from the Reform and Growth Facility for the Western Balkans.", []string{"Reform and Growth Facility for the Western Balkans"}, nil},
		{"The EU welcomed Serbia's participation in Horizon Europe.", []string{"Horizon Europe"}, nil},
		// a state's judicial council is its own organ, no body of the parties
		{"The EU welcomed the appointment of members of the High Judicial Council.", nil, nil},
		{"The Stabilisation and Association Council held its sixth meeting.", nil, []string{"Stabilisation and Association Council"}},
		// an exercise or an operation named so is an event, no programme
		{"They welcomed Australia's participation in Exercise Malabar.", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			out := x.Extract(tt.text)
			var projs, mechs []string
			for _, s := range out.Sentences {
				projs = append(projs, s.Projects...)
				mechs = append(mechs, s.Mechanisms...)
			}
			if !slices.Equal(mechs, tt.mechs) {
				t.Errorf("mechanisms %q, want %q", mechs, tt.mechs)
			}
			if !slices.Equal(projs, tt.projs) {
				t.Errorf("projects %q, want %q", projs, tt.projs)
			}
		})
	}
}
