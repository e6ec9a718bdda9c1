package extract

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// thirdNeighborHead opens a joint statement of the United States and
// Mongolia, written under topic headings, the sentence under test after it.
const thirdNeighborHead = "Joint Statement on the Partnership between the United States of America and Mongolia\n\nAugust 2, 2023\n\n"

// TestThirdNeighborReadings: the readings of a leaders' partnership
// statement in English.
//   - An adverb between the copula and the parties' action in progress (is
//     also working to…, are further deepening…) leaves the action in
//     progress a soft undertaking, as it is with nothing between them.
//   - A desire the parties share to act (share a desire to deepen…) is
//     their aim: intent, not the action of sharing.
//   - Engaging further in cooperation is the parties' own doing: committed
//     to engage is firm, as committed to consult is.
//   - A party's development agency, named by its acronym alone (USAID), is
//     that party where it is one of the document's.
//   - A phrase that opens the sentence with its participle, its subject left
//     out (Working with Congress, USAID plans to…), is done by the main
//     clause's subject, not by the parties together.
//   - The statement's own year, said of a step still to come (later this
//     year, this year), is the commitment's deadline.
func TestThirdNeighborReadings(t *testing.T) {
	x := newTestSpaced(t, "en")
	both := []string{"MN", "US"}
	tests := []struct {
		sentence string
		typ      entente.SentenceType
		strength entente.Strength
		actors   []string
		deadline string
	}{
		{"The United States is also working to expand its English Teaching Assistants program in Mongolia.", entente.Commitment, entente.Soft, []string{"US"}, ""},
		{"The United States and Mongolia are also exploring additional areas of collaboration on renewable energy.", entente.Commitment, entente.Soft, both, ""},
		{"The two sides are further deepening cooperation in the minerals sector.", entente.Commitment, entente.Soft, both, ""},
		{"Our countries share a desire to deepen the bilateral economic relationship.", entente.Commitment, entente.Intent, both, ""},
		{"The two sides had an open exchange of views on regional issues, and both committed to engage further in strategic security cooperation.", entente.Commitment, entente.Firm, both, ""},
		{"USAID is also providing $600,000 in additional support for disaster preparedness programs.", entente.Commitment, entente.Soft, []string{"US"}, ""},
		{"Working with Congress, USAID plans to invest an initial $12 million into the agreement this year.", entente.Commitment, entente.Intent, []string{"US"}, "this year"},
		{"The two sides plan to hold a meeting of the Trade and Investment Council in Mongolia later this year.", entente.Commitment, entente.Intent, both, "later this year"},
		// controls: a copula joining a state, a view the parties share, a
		// joint opening phrase before a joint subject
		{"The United States is also a member of the Freedom Online Coalition.", entente.Position, "", []string{"US"}, ""},
		{"The two sides share the view that the region must remain peaceful.", entente.Position, "", both, ""},
		{"Building on this progress, the two sides will expand education cooperation.", entente.Commitment, entente.Firm, both, ""},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			out := x.Extract(thirdNeighborHead + tc.sentence + "\n")
			if len(out.Sentences) != 1 {
				t.Fatalf("%d sentences, want 1", len(out.Sentences))
			}
			s := out.Sentences[0]
			if s.Type != tc.typ || s.Strength != tc.strength || !slices.Equal(s.Actors, tc.actors) {
				t.Errorf("%s %s %v (%+v), want %s %s %v", s.Type, s.Strength, s.Actors, s.Rationale.Type, tc.typ, tc.strength, tc.actors)
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

// TestThirdNeighborEntities: an American Space is the United States'
// public library of its programme, as an American Corner is (open a new
// American Space in Erdenet); a month before a body's head word dates the
// meeting and names no body (the June trilateral dialogue), while the
// dialogue named by its own capitals stays one.
func TestThirdNeighborEntities(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		sentence          string
		mechanisms, projs []string
	}{
		{"The two sides intend to open a new American Space in Erdenet with English programming.", nil, []string{"American Space"}},
		{"We welcome the June trilateral dialogue between the United States, Mongolia, and Republic of Korea in Ulaanbaatar.", nil, nil},
		{"The two sides will hold discussions in the next bilateral Energy Security Dialogue.", []string{"Energy Security Dialogue"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			out := x.Extract(thirdNeighborHead + tc.sentence + "\n")
			var mechs, projs []string
			for _, s := range out.Sentences {
				mechs = append(mechs, s.Mechanisms...)
				projs = append(projs, s.Projects...)
			}
			if !slices.Equal(mechs, tc.mechanisms) || !slices.Equal(projs, tc.projs) {
				t.Errorf("mechanisms %q projects %q, want %q %q", mechs, projs, tc.mechanisms, tc.projs)
			}
		})
	}
}
