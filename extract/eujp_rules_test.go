package extract

import (
	"slices"
	"strconv"
	"testing"
)

// TestSummitPartyAreas: in a statement one of whose parties is an
// organisation that the tables read as a framework (the EU in an EU–Japan
// summit's statement), the party's own name is who acts and whose bodies
// are named, not what is spoken of; where it is no party (a China–Serbia
// statement) it stays the framework it is.
func TestSummitPartyAreas(t *testing.T) {
	xs := map[string]*Spaced{"sr": newTestSpaced(t, "sr"), "en": newTestSpaced(t, "en")}
	eu := []string{"EU", "JP"}
	tests := []struct {
		lang, text string
		parties    []string
		areas      []string
	}{
		{"en", "We decided to hold the first EU–Japan Security and Defence Dialogue at ministerial level before the end of 2026.", eu, []string{"security"}},
		{"en", "We agreed to hold the next EU–Japan Summit in Japan in 2027.", eu, []string{"political"}},
		{"en", "Japan welcomed the participation of EU naval vessels in joint exercises.", eu, []string{"security"}},
		{"en", "The European Union will expand its trade with Japan.", eu, []string{"trade"}},
		{"en", "The two sides support the European Union's role in the region.", []string{"CN", "RS"}, []string{"international_order"}},
		{"sr", "Srbija i EU će ojačati saradnju u oblasti energetike.", []string{"EU", "RS"}, []string{"energy"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			x := xs[tc.lang]
			s, _ := x.label(x.newSentence(tc.text), tc.parties, tc.parties)
			if !slices.Equal(s.Areas, tc.areas) {
				t.Errorf("areas %v, want %v", s.Areas, tc.areas)
			}
		})
	}
}

// TestSummitAreaWords: a state's internationally recognised borders are its
// sovereignty, no border control; humanitarian access names no field of its
// own (the conflict it is asked for in decides); a World Expo named by its
// year is the cultural event (Expo 2025 Osaka), a trade expo stays trade.
// The World Trade Organization is the order of trade. The Indo-Pacific
// after its article is a place, a free and open one an order.
func TestSummitAreaWords(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"CN", "RS"}
	tests := []struct {
		text  string
		areas []string
	}{
		{"The two sides reiterated their support for Ukraine's sovereignty and territorial integrity within its internationally recognised borders.", []string{"hotspots", "sovereignty"}},
		{"They called for a ceasefire in Gaza and unhindered humanitarian access.", []string{"hotspots"}},
		{"The two sides welcomed the success of Expo 2025 Osaka, Kansai.", []string{"people"}},
		{"Serbia will take part in the China International Import Expo.", []string{"trade"}},
		{"The two sides will strengthen border control.", []string{"security"}},
		// the Indo-Pacific with its article is a region named as a place; a free
		// and open Indo-Pacific is the vision of an order
		{"Japan welcomed the participation of naval vessels in joint exercises in the Indo-Pacific.", []string{"security"}},
		{"The Netherlands will deploy naval vessels to the Indo-Pacific region.", []string{"security"}},
		{"The two sides reaffirmed their commitment to a free and open Indo-Pacific.", []string{"international_order"}},
		// the WTO is the trade order, as the World Health Organization is health's
		{"We are committed to working together to restore a fully functioning dispute settlement system of the World Trade Organization.", []string{"international_order", "trade"}},
		{"Serbia will complete its accession to the WTO.", []string{"international_order", "trade"}},
	}
	checkSentenceAreas(t, x, parties, tests)
}

// TestSummitClauses: leaders who task "our" officials undertake, as "their"
// officials do; a season of a year is a deadline; to encourage the
// peaceful resolution of a dispute is a view of what others should do,
// while to encourage exchanges undertakes softly.
func TestSummitClauses(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"EU", "JP"}
	tests := []struct {
		text, typ, strength, cue, deadline string
	}{
		{"We tasked our officials with preparing a joint report on the implementation of this statement before the next summit.", "commitment", "firm", "tasked our", "before the next summit"},
		{"We instructed our ministers to report on progress.", "commitment", "firm", "instructed our", ""},
		{"We decided to launch a dialogue, whose first meeting will take place in autumn 2026.", "commitment", "firm", "decided to", "in autumn 2026"},
		{"The two sides will hold the first meeting in the spring of 2027.", "commitment", "firm", "will", "in the spring of 2027"},
		{"We stressed the importance of peace and stability across the Taiwan Strait and encouraged the peaceful resolution of cross-Strait issues.", "position", "", "", ""},
		{"We encourage the peaceful settlement of disputes in accordance with international law.", "position", "", "", ""},
		{"We encouraged more exchanges between students and young people.", "commitment", "soft", "encouraged", ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s, _ := x.label(x.newSentence(tc.text), parties, parties)
			if string(s.Type) != tc.typ || string(s.Strength) != tc.strength {
				t.Errorf("type %s %s, want %s %s", s.Type, s.Strength, tc.typ, tc.strength)
			}
			if tc.cue != "" && (s.Rationale.Type == nil || s.Rationale.Type.Text != tc.cue) {
				t.Errorf("cue %+v, want %q", s.Rationale.Type, tc.cue)
			}
			d := ""
			if s.Deadline != nil {
				d = *s.Deadline
			}
			if d != tc.deadline {
				t.Errorf("deadline %q, want %q", d, tc.deadline)
			}
		})
	}
}

// TestSummitNames: a name the sentence calls a facility in an apposition
// (the Arctic Digital Link, a submarine cable…) is a project; a name right
// before a lowercase programme (the Erasmus+ programme) is one, and so is
// the programme a party associates to; a quoted name the sentence says was
// signed is an instrument, whatever its head.
func TestSummitNames(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		text  string
		projs []string
		refs  []string
	}{
		{"We welcomed the progress of the Arctic Digital Link, a submarine cable connecting Europe and Japan, and will support its completion by 2030.", []string{"Arctic Digital Link"}, nil},
		{"We encouraged more exchanges between students, researchers and young people, including under the Erasmus+ programme.", []string{"Erasmus+ programme"}, nil},
		{"We welcomed the conclusion of negotiations on Japan's association to Horizon Europe.", []string{"Horizon Europe"}, nil},
		{"Building on the “Partnership on Sustainable Connectivity and Quality Infrastructure between the European Union and Japan”, signed in 2019, we will mobilise finance for infrastructure.", nil,
			[]string{"Partnership on Sustainable Connectivity and Quality Infrastructure between the European Union and Japan|other|2019"}},
		{"They elevated their relations to a “Comprehensive Strategic Partnership”.", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			out := x.Extract("Joint Statement of the EU–Japan Summit\n\n" + tc.text + "\n")
			var projs, refs []string
			for _, s := range out.Sentences {
				projs = append(projs, s.Projects...)
			}
			for _, r := range out.References {
				y := 0
				if r.Year != nil {
					y = *r.Year
				}
				refs = append(refs, r.Title+"|"+string(r.Kind)+"|"+strconv.Itoa(y))
			}
			if !slices.Equal(projs, tc.projs) || !slices.Equal(refs, tc.refs) {
				t.Errorf("projects %q, references %q; want %q, %q", projs, refs, tc.projs, tc.refs)
			}
		})
	}
}

// TestPlaceInProjectName: a region's name inside a project's name (the
// Arctic Digital Link, the India–Middle East–Europe Economic Corridor)
// locates the project and says nothing of the sentence's topic, as a
// country's name inside a project's name does in Chinese; the same region
// outside a name keeps its area.
func TestPlaceInProjectName(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		text  string
		areas []string
	}{
		{"We welcomed the progress of the Arctic Digital Link, a submarine cable connecting Europe and Japan.", []string{"digital", "infrastructure"}},
		{"They welcomed the progress of the India–Middle East–Europe Economic Corridor.", []string{"infrastructure"}},
		{"They will protect the environment of the Arctic and build the Arctic Digital Link.", []string{"digital", "green"}},
		{"They expressed concern over the situation in the Middle East.", []string{"hotspots"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			out := x.Extract("Joint Statement of the EU–Japan Summit\n\n" + tc.text + "\n")
			if len(out.Sentences) != 1 || !slices.Equal(out.Sentences[0].Areas, tc.areas) {
				t.Errorf("sentences %+v, want areas %v", out.Sentences, tc.areas)
			}
		})
	}
}
