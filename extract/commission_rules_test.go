package extract

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestCommissionSessions: a joint commission's communiqué counts the body's
// sessions by capitalised ordinals (the Fifth Session of the Joint
// Commission, the 5th Meeting of the Joint Trade Committee). A session of
// the parties' body that the parties agree will be held is their firm
// undertaking whatever the case of its ordinal and head, as "the next
// meeting of the Joint Commission" already was; a session named by its
// ordinal bounds an undertaking as the next session does (before the Fifth
// Session of the Joint Commission).
func TestCommissionSessions(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"MY", "NG"}
	tests := []struct {
		text, typ, strength, deadline string
	}{
		{"The two sides agreed that the Fifth Session of the Joint Commission will be held in Kuala Lumpur in 2028.", "commitment", "firm", "in 2028"},
		{"The two sides agreed that the 5th Session of the Joint Commission will be held in Kuala Lumpur in 2028, on dates to be agreed through diplomatic channels.", "commitment", "firm", "in 2028"},
		{"The two sides agreed that the Third Meeting of the Joint Working Group will take place in Abuja in 2027.", "commitment", "firm", "in 2027"},
		{"The two sides agreed that the fifth session of the Joint Commission will be held in Kuala Lumpur in 2028.", "commitment", "firm", "in 2028"},
		{"The Business Council will meet in Lagos before the Fifth Session of the Joint Commission to identify joint ventures.", "commitment", "firm", "before the Fifth Session of the Joint Commission"},
		{"The Joint Working Group will submit its report before the 5th Meeting of the Joint Commission.", "commitment", "firm", "before the 5th Meeting of the Joint Commission"},
		{"The two sides will hold the meeting in Abuja in 2027, at a mutually convenient time.", "commitment", "firm", "in 2027"},
		// a phrase of its own after the comma still ends the time's clause
		{"The two sides will hold the meeting in Abuja in 2027, in order to review the projects.", "commitment", "firm", ""},
		// a session held is no time limit
		{"The two sides recalled the decisions of the Fourth Session of the Joint Commission.", "narrative", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s, _ := x.label(x.newSentence(tc.text), parties, parties)
			if string(s.Type) != tc.typ && !(tc.typ == "narrative" && s.Type != entente.Commitment) {
				t.Errorf("type %s, want %s", s.Type, tc.typ)
			}
			if tc.strength != "" && string(s.Strength) != tc.strength {
				t.Errorf("strength %q, want %s", s.Strength, tc.strength)
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

// TestInvitedToInvest: a party that invites the other's companies or
// investors to invest or take part (The Nigerian side invited Malaysian
// companies to invest in…) says what others should do: a position of the
// inviting party, as a call is. An invitation to visit stays the visit's
// story.
func TestInvitedToInvest(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"MY", "NG"}
	tests := []struct {
		text   string
		typ    entente.SentenceType
		actors []string
	}{
		{"The Nigerian side invited Malaysian companies to invest in the Lekki Free Trade Zone.", entente.Position, []string{"NG"}},
		{"Nigeria invited Malaysian investors to take advantage of the opportunities in its special economic zones.", entente.Position, []string{"NG"}},
		{"The Malaysian side invited Nigerian businesses to participate in the halal industry.", entente.Position, []string{"MY"}},
		{"The President invited the Prime Minister to visit Nigeria at a mutually convenient time.", entente.Narrative, nil},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s, _ := x.label(x.newSentence(tc.text), parties, parties)
			if s.Type != tc.typ {
				t.Errorf("type %s, want %s", s.Type, tc.typ)
			}
			if tc.actors != nil && !slices.Equal(s.Actors, tc.actors) {
				t.Errorf("actors %v, want %v", s.Actors, tc.actors)
			}
		})
	}
}

// TestCommissionAreas: consular matters (the welfare of nationals abroad,
// consular working groups) are people, as Serbian konzularn* already are;
// ECOWAS is a regional framework, as the African Union is; the oil palm is
// a crop, as palm oil is, no energy by its "oil". Humanitarian aid asked
// for in a conflict (beside a ceasefire, the protection of civilians) is
// the conflict's ([area-conflict-aid]), as the qa-gb and my-ng golds read
// it; alone or beside disasters it stays disaster work (au-id).
func TestCommissionAreas(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"MY", "NG"}
	tests := []struct {
		text  string
		areas []string
	}{
		{"They also agreed to establish a Joint Consular Working Group to address the welfare of their nationals.", []string{"people"}},
		{"The two sides agreed to strengthen consular cooperation.", []string{"people"}},
		{"Malaysia expressed support for the efforts of the Economic Community of West African States to restore peace in the Sahel.", []string{"hotspots", "international_order"}},
		{"Malaysia expressed support for the role of ECOWAS in the region.", []string{"international_order"}},
		{"Malaysia will supply one million high-yielding oil palm seedlings to Nigeria within three years.", []string{"development"}},
		{"The two sides will cooperate in the oil and gas sector.", []string{"energy"}},
		// humanitarian aid in a conflict is the conflict's; beside disasters,
		// or alone, disaster work
		{"The two sides called for an immediate and permanent ceasefire in Gaza and the unimpeded delivery of humanitarian assistance.", []string{"hotspots"}},
		{"They called on all parties to ensure the unimpeded delivery of humanitarian aid and the protection of civilians.", []string{"hotspots"}},
		{"The two sides will finalise an arrangement on disaster risk reduction and humanitarian assistance.", []string{"disaster"}},
		{"The two sides will cooperate in humanitarian assistance.", []string{"disaster"}},
	}
	checkSentenceAreas(t, x, parties, tests)
}

// TestCommissionEntities: a programme the parties run, dated by the year it
// has run since (the Malaysian Technical Cooperation Programme since 1980),
// is a project, no instrument of that year; one for a period of years stays
// an instrument. Zones named in the plural (the Special Agro-Industrial
// Processing Zones) are a programme of zones, as one named zone is a
// project.
func TestCommissionEntities(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		text  string
		projs []string
		refs  []string
	}{
		{"The Nigerian side thanked Malaysia for the training provided under the Malaysian Technical Cooperation Programme since 1980.", []string{"Malaysian Technical Cooperation Programme"}, nil},
		{"The two sides will implement the Cultural Exchange Programme for 2024–2027.", nil, []string{"Cultural Exchange Programme for 2024–2027"}},
		// a year the sentence sets after the programme (in, by, before 2027) is when it is
		// launched or run, no period it covers: the programme stays a project
		{"Australia will award one hundred additional scholarships under the Maitri Scholars Program in 2027.", []string{"Maitri Scholars Program"}, nil},
		{"Serbia will launch the Young Researchers Exchange Programme by the end of 2026.", []string{"Young Researchers Exchange Programme"}, nil},
		{"Australia will launch the Young Defence Officers' Exchange Programme in 2027.", []string{"Young Defence Officers' Exchange Programme"}, nil},
		{"The Nigerian side invited Malaysian companies to invest in the Special Agro-Industrial Processing Zones.", []string{"Special Agro-Industrial Processing Zones"}, nil},
		{"The two sides will develop the Lekki Free Trade Zone.", []string{"Lekki Free Trade Zone"}, nil},
		{"The two sides will cooperate in special economic zones.", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			out := x.Extract(tt.text)
			var projs, refs []string
			for _, s := range out.Sentences {
				projs = append(projs, s.Projects...)
				refs = append(refs, s.References...)
			}
			if !slices.Equal(projs, tt.projs) {
				t.Errorf("projects %q, want %q", projs, tt.projs)
			}
			if !slices.Equal(refs, tt.refs) {
				t.Errorf("references %q, want %q", refs, tt.refs)
			}
		})
	}
}
