package extract

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestStrategicDialogueTypes: a party that confirms, announces or
// reiterates its intention to act (Serbia confirmed its intention to launch
// an auction…) undertakes it as "intends to" does: intent, with its time
// limit. A dialogue's round counted by its ordinal or as the next one
// (before the third round of the Dialogue) bounds an undertaking, as a
// commission's session does. One party that encourages the other party
// itself to act (The United States encouraged Serbia to…) says what
// another should do: a position; encouraging businesses stays soft.
func TestStrategicDialogueTypes(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"RS", "US"}
	tests := []struct {
		text, typ, strength, deadline string
		actors                        []string
	}{
		{"Serbia confirmed its intention to launch an auction for 1,000 megawatts of renewable energy capacity by the end of 2027.", "commitment", "intent", "by the end of 2027", []string{"RS"}},
		{"The United States announced its intention to open a trade office in Niš in 2027.", "commitment", "intent", "in 2027", []string{"US"}},
		{"Serbia expressed its intention to join the programme.", "commitment", "intent", "", []string{"RS"}},
		// one party encouraging the other party itself says what it should do
		{"The United States encouraged Serbia to engage constructively in the EU-facilitated Belgrade–Pristina Dialogue.", "position", "", "", []string{"US"}},
		{"The two sides encouraged their businesses to explore opportunities in energy.", "commitment", "soft", "", []string{"RS", "US"}},
		// a dialogue's round bounds an undertaking as a commission's session does
		{"The sides agreed to resume negotiations on an Agreement for the Avoidance of Double Taxation, with the aim of signing it before the third round of the Dialogue.", "commitment", "firm", "before the third round of the Dialogue", []string{"RS", "US"}},
		{"The working groups will report before the next round of the Strategic Dialogue.", "commitment", "firm", "before the next round of the Strategic Dialogue", []string{"RS", "US"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s, _ := x.label(x.newSentence(tc.text), parties, parties)
			if string(s.Type) != tc.typ {
				t.Errorf("type %s, want %s", s.Type, tc.typ)
			}
			if string(s.Strength) != tc.strength {
				t.Errorf("strength %q, want %s", s.Strength, tc.strength)
			}
			if !slices.Equal(s.Actors, tc.actors) {
				t.Errorf("actors %v, want %v", s.Actors, tc.actors)
			}
			got := ""
			if s.Type == entente.Commitment {
				if d := x.deadline(x.newSentence(tc.text)); d != nil {
					got = d.Text
				}
			}
			if got != tc.deadline {
				t.Errorf("deadline %q, want %q", got, tc.deadline)
			}
		})
	}
}

// TestStrategicDialogueAreas: a joint or military exercise in the singular
// is security, as exercises are; a library (a public library, an American
// Corner in a city's library) is culture, people; Pristina, the other side
// of Serbia's dialogue on Kosovo, names the sovereignty question as Kosovo
// does.
func TestStrategicDialogueAreas(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"RS", "US"}
	tests := []docAreaCase{
		{"They agreed to conduct the joint exercise \"Platinum Wolf\" in 2027.", []string{"security"}},
		{"The two sides will hold a military exercise in 2027.", []string{"security"}},
		{"Serbia welcomed the reopening of the public library in Niš.", []string{"people"}},
		{"The two sides will support cooperation between their national libraries.", []string{"people"}},
		{"The United States encouraged Serbia to engage constructively in the dialogue between Belgrade and Pristina.", []string{"sovereignty"}},
	}
	checkSentenceAreas(t, x, parties, tests)
}

// TestStrategicDialogueEntities: an energy interconnector and an LNG
// terminal named by their place are works, as a named pipeline is; a
// named American Corner is a facility of the United States' programme, as
// a named Confucius Institute is. A hyphenated modifier that ends in a
// lower-case participle (EU-facilitated, UN-led) says who runs a body and
// is no part of its name. A capitalised noun after "to" inside an
// instrument's title (the Agreement on the Path to Normalisation) keeps
// the title going, as a treaty sets it. An instrument described with "a"
// or "an" keeps the article of its subject (an Agreement for the
// Avoidance of Double Taxation), not the one of its parties after
// "between".
func TestStrategicDialogueEntities(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		text               string
		projs, mechs, refs []string
	}{
		{"The two sides welcomed the completion of the Serbia–Bulgaria Gas Interconnector in 2023.", []string{"Serbia–Bulgaria Gas Interconnector"}, nil, nil},
		{"They will secure additional volumes of liquefied natural gas through the Alexandroupolis LNG Terminal.", []string{"Alexandroupolis LNG Terminal"}, nil, nil},
		{"Serbia welcomed the reopening of the American Corner Niš at the city's public library.", []string{"American Corner Niš"}, nil, nil},
		{"The United States encouraged Serbia to engage constructively in the EU-facilitated Belgrade–Pristina Dialogue.", nil, []string{"Belgrade–Pristina Dialogue"}, nil},
		{"The two sides will implement the Agreement on the Path to Normalisation.", nil, nil, []string{"Agreement on the Path to Normalisation"}},
		{"The two sides agreed to continue consultations, in line with the Memorandum of Understanding on Energy.", nil, nil, []string{"Memorandum of Understanding on Energy"}},
		// an instrument described by its subject keeps the subject's article;
		// its parties after "between the" stay the sentence's
		{"The sides agreed to resume negotiations on an Agreement for the Avoidance of Double Taxation.", nil, nil, []string{"Agreement for the Avoidance of Double Taxation"}},
		{"The ministries signed a Memorandum of Understanding on the Promotion of Investment.", nil, nil, []string{"Memorandum of Understanding on the Promotion of Investment"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			out := x.Extract(tt.text)
			var projs, mechs, refs []string
			for _, s := range out.Sentences {
				projs = append(projs, s.Projects...)
				mechs = append(mechs, s.Mechanisms...)
				refs = append(refs, s.References...)
			}
			if !slices.Equal(projs, tt.projs) {
				t.Errorf("projects %q, want %q", projs, tt.projs)
			}
			if !slices.Equal(mechs, tt.mechs) {
				t.Errorf("mechanisms %q, want %q", mechs, tt.mechs)
			}
			if !slices.Equal(refs, tt.refs) {
				t.Errorf("references %q, want %q", refs, tt.refs)
			}
		})
	}
}

// TestStrategicDialogueQuotedYear: the date of an act set off by commas
// between its noun and the quoted title (the signing, in March 2025, of the
// “…”) is the title's year, as a date right before "signed" is.
func TestStrategicDialogueQuotedYear(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		text string
		year int
	}{
		{"They welcomed the signing, in March 2025, of the \"Agreement on Scientific and Technological Cooperation between the United States of America and the Republic of Serbia\".", 2025},
		{"They welcomed the signing in 2024 of the \"Memorandum of Understanding on Energy\".", 2024},
		{"They will implement the \"Memorandum of Understanding on Energy\".", 0},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			out := x.Extract(tc.text)
			if len(out.References) != 1 {
				t.Fatalf("references %v, want one", out.References)
			}
			if got := out.References[0].Year; got == nil && tc.year != 0 || got != nil && *got != tc.year {
				t.Errorf("year %v, want %d", got, tc.year)
			}
		})
	}
}
