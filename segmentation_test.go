package entente

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestParseSegmentation(t *testing.T) {
	for _, c := range []struct {
		raw string
		ok  bool
	}{
		{`{"covers":1,"parts":["甲方将修路。","乙方将建桥。"]}`, true},
		{`{"covers":2,"parts":["Both sides will build it."]}`, true},
		{`{"covers":1,"parts":["only one"]}`, false}, // a split needs two parts
		{`{"covers":2,"parts":["a","b"]}`, false},    // a join makes one
		{`{"covers":0,"parts":["a","b"]}`, false},    // covers nothing
		{`{"covers":21,"parts":["a"]}`, false},       // too many
		{`{"covers":1,"parts":["a"," "]}`, false},    // an empty part
		{`{"covers":1,"parts":"a"}`, false},          // not a list
		{`["a","b"]`, false},                         // not an object
		{`{"covers":1,"parts":["` + strings.Repeat("x", 20001) + `","b"]}`, false},
	} {
		_, canon, err := ParseSegmentation(json.RawMessage(c.raw))
		if (err == nil) != c.ok {
			t.Errorf("%.60s: error %v, want ok %v", c.raw, err, c.ok)
		}
		if err == nil {
			// canonical: parses again to the same bytes
			if _, again, err := ParseSegmentation(canon); err != nil || string(again) != string(canon) {
				t.Errorf("%s: canonical form %s does not read back (%v)", c.raw, canon, err)
			}
		}
	}
}

func TestSegmentationMatchesAndResegment(t *testing.T) {
	deadline := "2025年底前"
	a := Sentence{ID: "s4", Text: "双方将修建铁路，", Type: Commitment, Strength: Intent, Actors: []string{"CN", "RS"}, Areas: []string{"infrastructure"},
		Rationale: Rationale{Type: &Cue{Text: "将"}}}
	b := Sentence{ID: "s5", Text: "中方将于2025年底前完成。", Type: Commitment, Strength: Firm, Actors: []string{"CN"}, Areas: []string{"trade"}, Deadline: &deadline}
	c := Sentence{ID: "s6", Text: "双方回顾了历史。", Type: Narrative}
	for _, tc := range []struct {
		name    string
		g       Segmentation
		covered []Sentence
		match   bool
		want    []Sentence
	}{
		{"split", Segmentation{1, []string{"双方将修建", "铁路，"}}, []Sentence{a}, true, []Sentence{
			{ID: "s4", Text: "双方将修建", Type: Commitment, Strength: Intent, Actors: []string{"CN", "RS"}, Areas: []string{"infrastructure"}},
			{ID: "s4", Text: "铁路，", Type: Commitment, Strength: Intent, Actors: []string{"CN", "RS"}, Areas: []string{"infrastructure"}},
		}},
		{"split with other text", Segmentation{1, []string{"双方将修建", "公路，"}}, []Sentence{a}, false, nil},
		{"join", Segmentation{2, []string{"双方将修建铁路， 中方将于2025年底前完成。"}}, []Sentence{a, b}, true, []Sentence{
			{ID: "s4", Text: "双方将修建铁路， 中方将于2025年底前完成。", Type: Commitment, Strength: Firm, Actors: []string{"CN", "RS"},
				Areas: []string{"infrastructure", "trade"}, Deadline: &deadline},
		}},
		{"join takes the first type in precedence", Segmentation{2, []string{"双方回顾了历史。双方将修建铁路，"}}, []Sentence{c, a}, true, []Sentence{
			{ID: "s6", Text: "双方回顾了历史。双方将修建铁路，", Type: Commitment, Strength: Intent, Actors: []string{"CN", "RS"},
				Areas: []string{"infrastructure"}},
		}},
		{"join in the wrong order", Segmentation{2, []string{"中方将于2025年底前完成。双方将修建铁路，"}}, []Sentence{a, b}, false, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var texts []string
			for _, s := range tc.covered {
				texts = append(texts, s.Text)
			}
			if got := tc.g.Matches(texts); got != tc.match {
				t.Fatalf("Matches = %v, want %v", got, tc.match)
			}
			if !tc.match {
				return
			}
			got := tc.g.Resegment(tc.covered)
			norm := func(ss []Sentence) string {
				for i := range ss {
					ss[i] = cloneSentence(ss[i])
				}
				b, _ := json.Marshal(ss)
				return string(b)
			}
			if g, w := norm(got), norm(tc.want); g != w {
				t.Errorf("Resegment:\n got %s\nwant %s", g, w)
			}
			// the covered sentences are left as they were
			if a.Rationale.Type == nil || !slices.Equal(a.Areas, []string{"infrastructure"}) {
				t.Error("Resegment changed its input")
			}
		})
	}
}

func TestJoinTexts(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want string
	}{
		{[]string{"双方将修建铁路，", "中方将完成。"}, "双方将修建铁路，中方将完成。"},
		{[]string{"Both sides will", "build it."}, "Both sides will build it."},
		{[]string{"Strane će", " izgraditi prugu."}, "Strane će izgraditi prugu."},
		{[]string{"中方将", "build"}, "中方将build"},
	} {
		if got := JoinTexts(c.in); got != c.want {
			t.Errorf("JoinTexts(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzParseSegmentation(f *testing.F) {
	f.Add(`{"covers":1,"parts":["a","b"]}`)
	f.Add(`{"covers":3,"parts":["abc"]}`)
	f.Add(`{"covers":-1}`)
	f.Fuzz(func(t *testing.T, raw string) {
		g, canon, err := ParseSegmentation(json.RawMessage(raw))
		if err != nil {
			return
		}
		if g.Covers < 1 || len(g.Parts) < 1 || (g.Covers == 1) == (len(g.Parts) == 1) {
			t.Fatalf("%q accepted as %+v", raw, g)
		}
		if _, again, err := ParseSegmentation(canon); err != nil || string(again) != string(canon) {
			t.Fatalf("%q: canonical %s does not read back", raw, canon)
		}
		// a segmentation always matches its own parts when it is a split
		if g.Covers == 1 && !g.Matches([]string{strings.Join(g.Parts, "")}) {
			t.Fatalf("%+v does not match its own text", g)
		}
	})
}
