package extract

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// leadersHead opens a joint leaders' statement written as "we", the
// sentence under test after it.
const leadersHead = "Ghana-Japan Joint Leaders’ Statement\n\nMay 2, 2025\n\n"

// leadersSentence reads text as the one sentence of a leaders' statement
// under leadersHead.
func leadersSentence(t *testing.T, x *Spaced, text string) entente.Sentence {
	t.Helper()
	out := x.Extract(leadersHead + text + "\n")
	if len(out.Sentences) != 1 {
		t.Fatalf("%d sentences, want 1: %+v", len(out.Sentences), out.Sentences)
	}
	return out.Sentences[0]
}

// TestLeadersStatementCues: the cues of a joint leaders' statement written
// in English as "we". Commit to + a base verb (consult, determine, end) is
// the parties' own action, firm as "commit to working" is; a launch the
// statement itself announces or marks is a fact of the visit, as
// "launched" is; sharing a conviction and expressing dismay state views; the
// parties' action in progress (we are cooperating to…) is a soft
// undertaking, no copula joining a state to them; committed to "our
// recently concluded partnership" is a goal, the participle qualifying the
// noun.
func TestLeadersStatementCues(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		sentence string
		typ      entente.SentenceType
		strength entente.Strength
	}{
		{"We jointly commit to consult regularly on regional security.", entente.Commitment, entente.Firm},
		{"In our bilateral engagement, Ghana and Japan commit to consult on regulatory reforms.", entente.Commitment, entente.Firm},
		{"The two countries reaffirm their commitment to end malaria as a public health threat by 2030.", entente.Commitment, entente.Firm},
		{"We commit to determine how to sustain the response to tuberculosis.", entente.Commitment, entente.Firm},
		{"Today we announce the launch of a Ghana-Japan Green Growth Partnership.", entente.Narrative, ""},
		{"With this visit, we mark the official launch of the Accra Urban Transport Program.", entente.Narrative, ""},
		{"We share the conviction that open markets serve both our peoples.", entente.Position, ""},
		{"Together, we express dismay at the deepening violence in the Sahel.", entente.Position, ""},
		{"We are cooperating to strengthen the capacity of our customs administrations.", entente.Commitment, entente.Soft},
		{"We remain committed to our recently concluded partnership on vaccine production.", entente.Position, ""},
		{"Today we also pledge to bolster cooperation between our universities.", entente.Commitment, entente.Firm},
		// controls: commitment to a goal's noun, a launch to come
		{"We reaffirm our commitment to multilateralism.", entente.Position, ""},
		{"We will launch a Ghana-Japan Digital Partnership in 2026.", entente.Commitment, entente.Firm},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			s := leadersSentence(t, x, tc.sentence)
			if s.Type != tc.typ || s.Strength != tc.strength {
				t.Errorf("%s %s (%+v), want %s %s", s.Type, s.Strength, s.Rationale.Type, tc.typ, tc.strength)
			}
		})
	}
}

// TestInstrumentStillToBeMade: a quoted title after a verb of making and an
// indefinite article (develop a “… Roadmap”) names an instrument still to
// come, and a title cited is one that exists; a quoted instrument adopted
// is cited.
func TestInstrumentStillToBeMade(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		sentence string
		cited    []string
	}{
		{"We are working together to develop a “National Nutrition Roadmap” to integrate nutrition into primary care.", nil},
		{"The two countries will draft a “Joint Action Plan” on fisheries.", nil},
		{"The two countries welcomed the “Accra Roadmap for Health Cooperation” adopted in 2023.", []string{"Accra Roadmap for Health Cooperation"}},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			out := x.Extract(leadersHead + tc.sentence + "\n")
			var got []string
			for _, r := range out.References {
				got = append(got, r.Title)
			}
			if len(got) != len(tc.cited) || len(got) > 0 && got[0] != tc.cited[0] {
				t.Errorf("cited %q, want %q", got, tc.cited)
			}
		})
	}
}

// TestOrganisationOfStatesNoProject: an organisation of many states named in
// full (the International Monetary Fund) is no project, as its acronym is
// not, whatever its head word; a fund the parties name is one.
func TestOrganisationOfStatesNoProject(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		sentence string
		projects int
	}{
		{"Japan intends to make available new lending to the International Monetary Fund to support the poorest countries.", 0},
		{"Japan intends to make available new lending to the IMF to support the poorest countries.", 0},
		{"We will launch the Ghana-Japan Green Fund in 2026.", 1},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			out := x.Extract(leadersHead + tc.sentence + "\n")
			if len(out.Sentences) != 1 || len(out.Sentences[0].Projects) != tc.projects {
				t.Errorf("%+v, want %d projects", out.Sentences, tc.projects)
			}
		})
	}
}

// TestIntentAnnouncedAfterOpeningPhrase: an intention announced by a party
// or its leader (announced his intent to, expressed its intent to) is an
// intent, as "announced its intention to" is; an opening participle's phrase
// (Underscoring…,) before a leader named by office and name is cut from the
// main clause, whose verb then decides, as before a country named; the
// leader stands for the party the statement first gave them, a generation's
// suffix (Joseph R. Biden, Jr. of the United States) between the name and
// the country included.
func TestIntentAnnouncedAfterOpeningPhrase(t *testing.T) {
	x := newTestSpaced(t, "en")
	const intro = "President John Mahama of Ghana and Prime Minister Shigeru Ishiba of Japan met in Tokyo.\n"
	tests := []struct {
		sentence string
		typ      entente.SentenceType
		strength entente.Strength
		actors   []string
	}{
		{"Underscoring the elevation of our relationship, President Mahama announced his intent to designate Japan as a priority partner.", entente.Commitment, entente.Intent, []string{"GH"}},
		{"Prime Minister Ishiba announced his intention to visit Accra in 2026.", entente.Commitment, entente.Intent, []string{"JP"}},
		{"Japan expressed its intent to join the initiative.", entente.Commitment, entente.Intent, []string{"JP"}},
		{"Recognizing the progress made, Prime Minister Ishiba announced that Japan will open a consulate in Kumasi.", entente.Commitment, entente.Firm, []string{"JP"}},
		// controls: the phrase alone holds a view; a view after it stays one
		{"Underscoring the importance of connectivity, the leaders stressed the need for open markets.", entente.Position, "", []string{"GH", "JP"}},
		// a generation's suffix between the name and its country
		{"President Dwight K. Owusu, Jr. of Ghana announced his intent to open a trade office in Osaka.", entente.Commitment, entente.Intent, []string{"GH"}},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			out := x.Extract(leadersHead + intro + tc.sentence + "\n")
			if len(out.Sentences) != 2 {
				t.Fatalf("%d sentences, want 2", len(out.Sentences))
			}
			s := out.Sentences[1]
			if s.Type != tc.typ || s.Strength != tc.strength || !slices.Equal(s.Actors, tc.actors) {
				t.Errorf("%s %s %v (%+v), want %s %s %v", s.Type, s.Strength, s.Actors, s.Rationale.Type, tc.typ, tc.strength, tc.actors)
			}
		})
	}
}
