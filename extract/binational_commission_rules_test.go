package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// A bi-national commission's communiqué (South Africa–Sweden, 2015) names
// its body once in full with its acronym in brackets and then by the
// acronym alone; records the talks in the impersonal passive (Further
// efforts will be made…, The importance of … was underlined…); speaks of
// the body as "it"; and names information platforms with their acronyms.
// Copied from a web page, two of its paragraphs lost their final stop.
const binationalTitle = "Joint Communiqué of the 9th Session of the South Africa–Sweden Bi-national Commission\n\n"

// TestUnstoppedParagraph: a paragraph of a spaced script that lost its
// final stop ends before the next one when a blank line parts them, it
// already holds a sentence ended by a stop, its last word is in lower
// case and the next opens with a sentence's opener; a sentence broken by a
// blank line (no stop inside, or the next line in lower case) still joins.
func TestUnstoppedParagraph(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		body string
		want int
	}{
		{"The meeting reaffirmed the ties between South Africa and Sweden. The support of the Swedish people laid a firm foundation for future co-operation between the two countries\n\nThe BNC reviewed and welcomed the progress made.", 3},
		{"The two sides will promote peace building. Sweden and South Africa will work jointly to train female mediators\n\nThe two sides welcomed the extension of the programme.", 3},
		// no sentence ended inside: a sentence broken across the blank line
		{"The two sides agreed to strengthen cooperation between the two countries\n\nThe agreement was signed.", 1},
		// the next line in lower case: the sentence runs on
		{"The two sides welcomed the progress. The support of the Swedish people laid a foundation for\n\nco-operation between the two countries.", 2},
	}
	for _, tc := range tests {
		r := x.Extract(binationalTitle + tc.body + "\n")
		if len(r.Sentences) != tc.want {
			var got []string
			for _, s := range r.Sentences {
				got = append(got, s.Text)
			}
			t.Errorf("%q: %d sentences, want %d: %q", tc.body, len(r.Sentences), tc.want, got)
		}
	}
}

// TestBodyAcronym: the acronym a communiqué gives its body in brackets
// (the Bi-national Commission (BNC)) names the body after: a mechanism in
// each sentence that uses it, and the parties' body as a subject (the 10th
// Session of the … BNC would convene…: their firm undertaking). An
// acronym whose first letter is not the name's is not the body's.
func TestBodyAcronym(t *testing.T) {
	x := newTestSpaced(t, "en")
	first := "His Excellency the Deputy President of the Republic of South Africa visited Sweden on the occasion of the 9th session of the Bi-national Commission (BNC) between South Africa and Sweden. "
	tests := []struct {
		second, typ, mech, deadline string
	}{
		{"In conclusion, the Co-Chairs agreed that the 10th Session of the South Africa – Sweden BNC would convene in South Africa during the second half of 2017, on a date to be mutually determined through diplomatic channels.", "commitment", "BNC", "during the second half of 2017"},
		{"The BNC reviewed and welcomed progress made since the 8th session of the BNC.", "appraisal", "BNC", ""},
		{"A seminar on local partnerships was also held during the BNC.", "narrative", "BNC", ""},
	}
	for _, tc := range tests {
		r := x.Extract(binationalTitle + first + tc.second + "\n")
		if len(r.Sentences) != 2 {
			t.Fatalf("%q: %d sentences", tc.second, len(r.Sentences))
		}
		s := r.Sentences[1]
		if string(s.Type) != tc.typ {
			t.Errorf("%q: type %s, want %s", tc.second, s.Type, tc.typ)
		}
		if !slices.ContainsFunc(s.Mechanisms, func(m string) bool { return strings.Contains(m, tc.mech) }) {
			t.Errorf("%q: mechanisms %q, want %s", tc.second, s.Mechanisms, tc.mech)
		}
		got := ""
		if s.Deadline != nil {
			got = *s.Deadline
		}
		if got != tc.deadline {
			t.Errorf("%q: deadline %q, want %q", tc.second, got, tc.deadline)
		}
	}
	r := x.Extract(binationalTitle + "The Joint Commission (XYZ) met in Pretoria. The XYZ agreed to meet again.\n")
	for _, s := range r.Sentences {
		if slices.Contains(s.Mechanisms, "XYZ") {
			t.Errorf("%q: XYZ is no acronym of the Joint Commission", s.Text)
		}
	}
}

// TestImpersonalRecord: the talks' record in the impersonal: what will be
// made or given (Further efforts will be made to…, Focus will be given
// to…) is the parties' firm undertaking, a forecast (New jobs will be
// created) is none; a view in the passive with no agent (… was underlined
// in the discussions) is theirs, another's (… by the Secretary-General) is
// not; the body's "it" that agrees is the body; a process under way is a
// fact; "committed to contribute" is an action, and its month bounds it.
func TestImpersonalRecord(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"SE", "ZA"}
	tests := []struct {
		text     string
		typ      entente.SentenceType
		strength string
		deadline string
	}{
		{"Further efforts will be made to deepen and develop economic relations, not least in the area of trade and investments.", entente.Commitment, "firm", ""},
		{"Focus will be given to ensuring a conducive and predictable investment climate.", entente.Commitment, "firm", ""},
		{"Priority will be given to the rehabilitation of the railway.", entente.Commitment, "firm", ""},
		{"New jobs will be created.", entente.Narrative, "", ""},
		{"The importance of upholding the principles of international law was underlined in the discussions.", entente.Position, "", ""},
		{"The role of women in mediation was emphasised.", entente.Position, "", ""},
		{"The need for reform was stressed by the Secretary-General.", entente.Narrative, "", ""},
		{"It agreed on the desirability to improve cooperation between the UN and the AU.", entente.Position, "", ""},
		{"It also agreed to meet annually.", entente.Commitment, "firm", ""},
		{"It highlighted an agreement between the two research foundations.", entente.Narrative, "", ""},
		{"An adjudication process of these research applications is currently underway.", entente.Narrative, "", ""},
		{"Sweden and South Africa are committed to contribute towards a positive conclusion of COP21 in Paris in December 2015 and intend to intensify cooperation on sustainable development.", entente.Commitment, "firm", "in December 2015"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			r := x.Extract(binationalTitle + tc.text + "\n")
			if len(r.Sentences) != 1 {
				t.Fatalf("%d sentences", len(r.Sentences))
			}
			s := r.Sentences[0]
			if s.Type != tc.typ {
				t.Errorf("type %s, want %s", s.Type, tc.typ)
			}
			if tc.typ != entente.Narrative && !slices.Equal(s.Actors, parties) {
				t.Errorf("actors %v, want %v", s.Actors, parties)
			}
			if tc.strength != "" && string(s.Strength) != tc.strength {
				t.Errorf("strength %q, want %s", s.Strength, tc.strength)
			}
			got := ""
			if s.Deadline != nil {
				got = *s.Deadline
			}
			if got != tc.deadline {
				t.Errorf("deadline %q, want %q", got, tc.deadline)
			}
		})
	}
}

// TestAcronymProjects: after a class noun (platforms, programme), a
// capitalised name whose acronym follows in brackets, its first and last
// letters the name's first and last words' initials, is a named work; so
// is the next one joined to it by "and". An organisation with its acronym
// and no class noun before it is none.
func TestAcronymProjects(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		body string
		want []string
	}{
		{"The Committee agreed to continue collaboration on the information platforms Water and Climate Change Information for Africa (WACCA) and Drought Early Warning Detection (DEWD).", []string{"Water and Climate Change Information for Africa", "Drought Early Warning Detection"}},
		{"It highlighted an agreement between the South African National Research Foundation (NRF) and its Swedish partner.", nil},
	}
	for _, tc := range tests {
		r := x.Extract(binationalTitle + tc.body + "\n")
		var got []string
		for _, s := range r.Sentences {
			got = append(got, s.Projects...)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: projects %q, want %q", tc.body, got, tc.want)
		}
	}
}

// TestPeaceBuildingArea: peace building and peace keeping are security, as
// peacekeeping is; a scholarship programme is people's.
func TestPeaceBuildingArea(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"SE", "ZA"}
	for text, want := range map[string]string{
		"Sweden and South Africa will work jointly to strengthen inclusive and sustainable peace building.": "security",
		"The two sides will cooperate in the peace keeping field.":                                          "security",
		"The two sides welcomed the extension of the full scholarship programme.":                           "people",
	} {
		s, _ := x.label(x.newSentence(text), parties, parties)
		if !slices.Contains(s.Areas, want) {
			t.Errorf("%s: areas %v, want %s", text, s.Areas, want)
		}
	}
}
