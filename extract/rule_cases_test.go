package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// The rule tests of each round of held-out statements check the same two
// things of sentences of their own: the areas a sentence is labelled with,
// and the mechanisms and projects it names.

// areaCase is a sentence of the parties' statement (codes, comma-joined)
// and the areas it is labelled with, comma-joined.
type areaCase struct{ parties, text, want string }

// checkAreas labels each case's sentence as a statement of its parties and
// compares its areas.
func checkAreas(t *testing.T, x *Extractor, cases []areaCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.text, func(t *testing.T) {
			parties := strings.Split(tt.parties, ",")
			s := mustLabel(t, x, tt.text, parties, parties)
			if got := strings.Join(s.Areas, ","); got != tt.want {
				t.Errorf("areas %s, want %s (%s: %+v)", got, tt.want, s.Type, s.Rationale.Areas)
			}
		})
	}
}

// entityCase is a sentence and the mechanisms and projects it names.
type entityCase struct {
	text         string
	mechs, projs []string
}

// checkEntities collects each case's sentence's names and compares them.
func checkEntities(t *testing.T, x *Extractor, cases []entityCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.text, func(t *testing.T) {
			st := x.newText(tt.text)
			mechs, projs, _, _ := newEntityCollector().add(x, "s", st)
			if !slices.Equal(mechs, orEmpty(tt.mechs)) {
				t.Errorf("mechanisms %q, want %q", mechs, tt.mechs)
			}
			if !slices.Equal(projs, orEmpty(tt.projs)) {
				t.Errorf("projects %q, want %q", projs, tt.projs)
			}
		})
	}
}

// extractOne extracts doc, a statement's title and one sentence (what),
// and stops the test unless it reads as exactly one sentence.
func extractOne(t *testing.T, x *Extractor, doc, what string) *entente.Extraction {
	t.Helper()
	r := x.Extract(doc)
	if len(r.Sentences) != 1 {
		t.Fatalf("%s: %d sentences", what, len(r.Sentences))
	}
	return r
}

// docAreaCase is a whole document whose text holds one sentence, and that
// sentence's areas.
type docAreaCase = struct {
	text  string
	areas []string
}

// checkDocAreas extracts each case's document with x and compares its one
// sentence's areas.
func checkDocAreas(t *testing.T, x interface {
	Extract(string) *entente.Extraction
}, cases []docAreaCase) {
	t.Helper()
	for _, tc := range cases {
		out := x.Extract(tc.text)
		if len(out.Sentences) != 1 {
			t.Fatalf("%q: %d sentences", tc.text, len(out.Sentences))
		}
		if got := out.Sentences[0].Areas; !slices.Equal(got, tc.areas) {
			t.Errorf("%s: areas %v, want %v", out.Sentences[0].Text, got, tc.areas)
		}
	}
}

// labelCase is one sentence's expected labels: its type and strength, its
// actors (nil: none), the cue that decided its type and its deadline ("":
// none).
type labelCase struct {
	text, typ, strength string
	actors              []string
	cue, deadline       string
}

// checkLabels labels each case's text as one sentence of parties with x
// and compares its type, strength, actors, type cue (and that the cue's
// offsets point at its text) and deadline.
func checkLabels(t *testing.T, x *Spaced, parties []string, cases []labelCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			s, _ := x.label(x.newSentence(tc.text), parties, parties)
			if string(s.Type) != tc.typ || string(s.Strength) != tc.strength {
				t.Errorf("%s/%s, want %s/%s", s.Type, s.Strength, tc.typ, tc.strength)
			}
			want := tc.actors
			if want == nil {
				want = []string{}
			}
			if !slices.Equal(s.Actors, want) {
				t.Errorf("actors %v, want %v", s.Actors, want)
			}
			if s.Rationale.Type == nil || !strings.EqualFold(s.Rationale.Type.Text, tc.cue) {
				t.Errorf("type cue %+v, want %q", s.Rationale.Type, tc.cue)
			} else if got := string([]rune(tc.text)[s.Rationale.Type.Start:s.Rationale.Type.End]); got != s.Rationale.Type.Text {
				t.Errorf("cue offsets [%d,%d) give %q, not %q", s.Rationale.Type.Start, s.Rationale.Type.End, got, s.Rationale.Type.Text)
			}
			if got := deref(s.Deadline); got != tc.deadline {
				t.Errorf("deadline %q, want %q", got, tc.deadline)
			}
		})
	}
}

// checkDeadlines reads each text as one sentence with x and compares the
// deadline found ("" for none).
func checkDeadlines(t *testing.T, x *Spaced, cases []struct{ text, deadline string }) {
	t.Helper()
	for _, tc := range cases {
		got := ""
		if d := x.deadline(x.newSentence(tc.text)); d != nil {
			got = d.Text
		}
		if got != tc.deadline {
			t.Errorf("%s: deadline %q, want %q", tc.text, got, tc.deadline)
		}
	}
}

// checkSentenceAreas labels each case's text as one sentence of parties
// with x and compares its areas.
func checkSentenceAreas(t *testing.T, x *Spaced, parties []string, cases []docAreaCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			s, _ := x.label(x.newSentence(tc.text), parties, parties)
			if !slices.Equal(s.Areas, tc.areas) {
				t.Errorf("areas %v, want %v", s.Areas, tc.areas)
			}
		})
	}
}

// langAreaCase is a sentence read with the rules of lang and the parties
// (comma-separated), and the areas it has (comma-separated, in order).
type langAreaCase struct{ lang, parties, text, want string }

// checkLangAreas labels each sentence alone in its language and compares
// its areas.
func checkLangAreas(t *testing.T, cases []langAreaCase) {
	t.Helper()
	xs := map[string]*Spaced{}
	for _, tc := range cases {
		if xs[tc.lang] == nil {
			xs[tc.lang] = newTestSpaced(t, tc.lang)
		}
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			x, parties := xs[tc.lang], strings.Split(tc.parties, ",")
			s, _ := x.label(x.newSentence(tc.text), parties, parties)
			if want := strings.Split(tc.want, ","); !slices.Equal(s.Areas, want) {
				t.Errorf("areas %v, want %v (%+v)", s.Areas, want, s.Rationale.Areas)
			}
		})
	}
}

// provisionCase is a provision's text and what one of its labels reads,
// comma-separated ("" for none).
type provisionCase struct{ text, want string }

// checkProvisions reads each text as the first numbered provision (一、) of
// a statement that opens with title and compares one label of its
// sentence, as label reads it.
func checkProvisions(t *testing.T, x *Extractor, title string, label func(entente.Sentence) (string, string), cases []provisionCase) {
	t.Helper()
	for _, tc := range cases {
		r := extractOne(t, x, title+"一、"+tc.text+"\n", tc.text)
		if name, got := label(r.Sentences[0]); got != tc.want {
			t.Errorf("%s: %s %q, want %q", tc.text, name, got, tc.want)
		}
	}
}

// The labels checkProvisions compares: their name and value.
func areasOf(s entente.Sentence) (string, string) { return "areas", strings.Join(s.Areas, ",") }
func projectsOf(s entente.Sentence) (string, string) {
	return "projects", strings.Join(s.Projects, ",")
}
func mechanismsOf(s entente.Sentence) (string, string) {
	return "mechanisms", strings.Join(s.Mechanisms, ",")
}
func sortedMechanismsOf(s entente.Sentence) (string, string) {
	return "mechanisms", strings.Join(slices.Sorted(slices.Values(s.Mechanisms)), ",")
}
