package web

import (
	"testing"

	"github.com/entente/entente"
)

// TestHighlight: the reader marks what the extractor placed, where it
// placed it (a name said twice is marked only where a span says), escapes
// the rest, and skips spans that overlap or fall outside the text.
func TestHighlight(t *testing.T) {
	cue := func(start, end int) entente.Cue { return entente.Cue{Start: start, End: end} }
	dl := cue(10, 15)
	for _, tc := range []struct {
		name string
		s    entente.Sentence
		mark func(entente.Sentence) string
		want string
	}{
		{"entities where found", entente.Sentence{Text: "双方将落实《协定》，《协定》<b>",
			Rationale: entente.Rationale{References: []entente.Cue{cue(6, 8)}, Projects: []entente.Cue{cue(0, 2)}}},
			func(s entente.Sentence) string { return string(markEntities(s)) },
			`<mark class="entity">双方</mark>将落实《<mark class="ref">协定</mark>》，《协定》&lt;b&gt;`},
		{"no spans, nothing marked", entente.Sentence{Text: "双方将落实《协定》", References: []string{"协定"}},
			func(s entente.Sentence) string { return string(markEntities(s)) }, `双方将落实《协定》`},
		{"cues, areas and the deadline", entente.Sentence{Text: "双方将加强铁路合作，2025年底前完成。",
			Rationale: entente.Rationale{Strength: &entente.Cue{Start: 2, End: 3}, Areas: []entente.AreaCue{{Cue: cue(5, 7)}}, Deadline: &dl}},
			func(s entente.Sentence) string { return string(markCues(s)) },
			`双方<mark class="cue">将</mark>加强<mark class="area">铁路</mark>合作，<mark class="deadline">2025年</mark>底前完成。`},
		{"overlapping and outside spans skipped", entente.Sentence{Text: "一二三四",
			Rationale: entente.Rationale{Mechanisms: []entente.Cue{cue(0, 2), cue(1, 3), cue(3, 9), cue(2, 2)}}},
			func(s entente.Sentence) string { return string(markEntities(s)) }, `<mark class="entity">一二</mark>三四`},
	} {
		if got := tc.mark(tc.s); got != tc.want {
			t.Errorf("%s:\n got  %s\n want %s", tc.name, got, tc.want)
		}
	}
}
