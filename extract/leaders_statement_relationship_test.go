package extract

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestLeadersStatementJudgements: a leaders' statement judges the
// relationship and the other party as much as it undertakes. The
// relationship itself as the subject of a copula (the Ghana-Japan bond is
// stronger than ever, our partnership is expanding) is the parties' appraisal,
// both of them its actors whichever names it; a participle after the copula
// (is founded on) states a principle. One party regarding the other "as a…"
// (views Ghana as a strong partner, recognizes Ghana as a model) judges it;
// a country no party to the statement regarded so is a stance. Looking to
// the years ahead with optimism is an appraisal. "The governments of X and
// Y" are both parties; committed to a goal "and to" an action is firm.
func TestLeadersStatementJudgements(t *testing.T) {
	x := newTestSpaced(t, "en")
	both := []string{"GH", "JP"}
	tests := []struct {
		sentence string
		typ      entente.SentenceType
		strength entente.Strength
		actors   []string
	}{
		{"Yet the Ghana-Japan bond is stronger than ever.", entente.Appraisal, "", both},
		{"The Ghana-Japan partnership is expanding from a regional to a global one.", entente.Appraisal, "", both},
		{"Our bilateral relations are excellent.", entente.Appraisal, "", both},
		// the relationship named with its parties after "between"; a gap between things is none
		{"Ties between our two countries are at their strongest point yet.", entente.Appraisal, "", both},
		{"Relations between Ghana and Japan are excellent.", entente.Appraisal, "", both},
		{"The gap between supply and demand is large.", entente.Position, "", both},
		// acknowledging an achievement evaluates it; acknowledging a principle is a view
		{"The two sides acknowledged the progress made in trade since 2019.", entente.Appraisal, "", both},
		{"Ghana and Japan recognized the achievements of their Strategic Partnership.", entente.Appraisal, "", both},
		{"Ghana and Japan recognized the importance of free trade.", entente.Position, "", both},
		// a view whose object is the relationship judges it; of a principle, a view
		{"Ghana and Japan reaffirmed the historic ties of friendship between their peoples.", entente.Appraisal, "", both},
		{"Ghana and Japan reaffirmed the principle of non-interference.", entente.Position, "", both},
		// the meeting as the subject of a verb only the parties do speaks for them
		{"The meeting agreed to hold the next session in Accra in 2027.", entente.Commitment, entente.Firm, both},
		{"The meeting reaffirmed the historic ties of friendship between Ghana and Japan.", entente.Appraisal, "", both},
		{"Japan views Ghana as a strong emergent partner in building resilient supply chains.", entente.Appraisal, "", []string{"JP"}},
		{"As the globe transitions to clean energy, Japan recognizes Ghana as a model.", entente.Appraisal, "", []string{"JP"}},
		{"Today, we look to the next 60 years of Ghana-Japan relations with optimism.", entente.Appraisal, "", both},
		{"Building on this initiative, the governments of Ghana and Japan intend to establish a Strategic Dialogue on AI.", entente.Commitment, entente.Intent, both},
		{"Separately, the Ghana Foreign Service Academy and the Japan Foreign Service Institute have committed to closer cooperation and to explore joint training.", entente.Commitment, entente.Firm, both},
		// controls: a principle the relationship rests on, a country no
		// party regarded, a goal alone
		{"The partnership is founded on respect for international law.", entente.Position, "", nil},
		{"Japan recognizes Palestine as a state.", entente.Position, "", nil},
		{"Japan and Ghana have committed to closer cooperation in the region.", entente.Position, "", nil},
		{"We reaffirmed our commitment to the Paris Agreement and to achieving net-zero emissions by 2050.", entente.Position, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			s := leadersSentence(t, x, tc.sentence)
			if s.Type != tc.typ || s.Strength != tc.strength {
				t.Errorf("%s %s (%+v), want %s %s", s.Type, s.Strength, s.Rationale.Type, tc.typ, tc.strength)
			}
			if tc.actors != nil && !slices.Equal(s.Actors, tc.actors) {
				t.Errorf("actors %v, want %v", s.Actors, tc.actors)
			}
		})
	}
}

// TestPairPartnershipProject: a Partnership named by the pair joined by a
// dash and its field (the Ghana-Japan Climate and Clean Energy Industrial
// Partnership) is a work of the parties, a project, as the golds read the
// Canada–Philippines Disaster Risk Reduction Partnership; the relationship
// itself (a Comprehensive Strategic Partnership), a trade agreement's name
// (Comprehensive Economic Partnership) and a partnership no pair names
// are none.
func TestPairPartnershipProject(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		sentence string
		project  string
	}{
		{"Today we announce the launch of a Ghana-Japan Climate and Clean Energy Industrial Partnership to elevate climate action.", "Ghana-Japan Climate and Clean Energy Industrial Partnership"},
		{"We will conclude an agreement on an ambitious Ghana–Japan Strategic Trade and Investment Partnership.", "Ghana–Japan Strategic Trade and Investment Partnership"},
		{"We reaffirm the Ghana–Japan Comprehensive Strategic Partnership.", ""},
		{"We welcome the growth of trade under the Ghana–Japan Comprehensive Economic Partnership.", ""},
		{"We continue to strengthen the Open Government Partnership.", ""},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			got := leadersSentence(t, x, tc.sentence).Projects
			if tc.project == "" && len(got) > 0 || tc.project != "" && !slices.Equal(got, []string{tc.project}) {
				t.Errorf("projects %q, want %q", got, tc.project)
			}
		})
	}
}
