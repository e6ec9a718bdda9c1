package extract

import (
	"testing"
)

// TestActCarriedOnInContent: in the content of a view, the parties' own
// act carried on ("i dalje", as "continue to" and 继续), their subject left
// out and a reciprocal object before the verb, is undertaken: a soft
// commitment (双方强调继续…相互坚定支持). The same act with no continuation,
// support of a principle, and a thing that goes on by itself stay views.
func TestActCarriedOnInContent(t *testing.T) {
	x := newTestSpaced(t, "sr")
	parties := []string{"AE", "CN"}
	tests := []struct {
		text, typ, strength string
	}{
		{"Dve strane naglasile su da jedna drugoj i dalje pružaju čvrstu podršku u pitanjima koja se tiču državnog suvereniteta.", "commitment", "soft"},
		{"Dve strane su istakle da i dalje razvijaju saradnju u oblasti energetike.", "commitment", "soft"},
		{"Две стране нагласиле су да једна другој и даље пружају чврсту подршку.", "commitment", "soft"},
		// controls
		{"Dve strane naglasile su da jedna drugoj pružaju čvrstu podršku.", "position", ""},
		{"Dve strane naglasile su da i dalje podržavaju princip jedne Kine.", "position", ""},
		{"Dve strane naglasile su da se saradnja i dalje razvija.", "position", ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s, _ := x.label(x.newSentence(tc.text), parties, parties)
			if string(s.Type) != tc.typ || string(s.Strength) != tc.strength {
				t.Errorf("%s %q (%+v), want %s %q", s.Type, s.Strength, s.Rationale.Type, tc.typ, tc.strength)
			}
		})
	}
}

// TestSerbianVerbsJoined: a Serbian view or welcome and, after "i", the
// parties' own act in the same plural present (podržavaju otvaranje
// filijala i jačaju razmenu…) share their subject: the act makes the
// sentence a soft commitment, as "welcome … and strengthen" does in
// English. A noun of action (i jačanje), a verb after a relative word
// (kompanije koje ulažu i razvijaju…) and a singular verb join no act of
// the parties.
func TestSerbianVerbsJoined(t *testing.T) {
	x := newTestSpaced(t, "sr")
	parties := []string{"AE", "CN"}
	tests := []struct {
		text, typ, strength string
	}{
		{"Dve strane pozdravljaju i podržavaju otvaranje filijala banaka u drugoj zemlji i jačaju razmenu finansijskih institucija.", "commitment", "soft"},
		{"Dve strane podržavaju otvaranje filijala banaka i jačaju razmenu finansijskih institucija.", "commitment", "soft"},
		{"Две стране поздрављају отварање филијала банака и јачају размену финансијских институција.", "commitment", "soft"},
		// controls
		{"Dve strane podržavaju otvaranje filijala banaka i jačanje razmene finansijskih institucija.", "position", ""},
		{"Dve strane podržavaju kompanije koje ulažu i razvijaju proizvodnju.", "position", ""},
		{"Dve strane pozdravljaju otvaranje filijala banaka i razmenu finansijskih institucija.", "appraisal", ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s, _ := x.label(x.newSentence(tc.text), parties, parties)
			if string(s.Type) != tc.typ || string(s.Strength) != tc.strength {
				t.Errorf("%s %q (%+v), want %s %q", s.Type, s.Strength, s.Rationale.Type, tc.typ, tc.strength)
			}
		})
	}
}
