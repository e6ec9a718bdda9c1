package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/entente/entente"
	"github.com/longbridgeapp/opencc"
)

// TestHantEvidenceAsWritten reads Traditional statements whose conversion
// is not one plain character for one: characters written two ways that map
// to one Simplified character (係 and 系, 乾 and 幹, 後 and 后, 髮 and 發),
// characters whose Simplified form is longer in UTF-8 (嗰, 餸: left as
// written), phrases OpenCC converts as a whole, spaces inside the title.
// Every cue of every sentence (type, strength, deadline, actors, areas,
// clauses, references, mechanisms, projects) reads, at its offsets in the
// sentence, the text it gives, and that text is as written.
func TestHantEvidenceAsWritten(t *testing.T) {
	r := newTestRegistry(t)
	t2s, err := opencc.New("t2s")
	if err != nil {
		t.Fatal(err)
	}
	const title = "中華人民共和國和塞爾維亞共和國 關於 深化全面戰略夥伴關係的\n聯合聲明\n\n"
	tests := []string{
		"雙方同意於2026年底前落實《中塞自由貿易協定》，推進匈塞鐵路項目建設。",
		"雙方將發揮政府間合作委員會機制作用，深化經濟體系與兩國關係。",
		"雙方歡迎乾旱地區的幹線鐵路竣工，此後將在皇后區舉辦展覽，頭髮與發展無關。",
		"塞方願為嗰啲中國遊客提供餸菜與簽證便利。",
		"雙方同意加強執法與安全合作，並於2025年12月31日前簽署《引渡條約》。",
	}
	for _, text := range tests {
		t.Run(text, func(t *testing.T) {
			in := title + text
			x, err := r.ExtractAs(in, "zh-Hant")
			if err != nil {
				t.Fatal(err)
			}
			if len(x.Sentences) == 0 {
				t.Fatal("no sentences")
			}
			cues := 0
			for _, s := range x.Sentences {
				if !strings.Contains(in, s.Text) {
					t.Errorf("sentence %q not as written", s.Text)
				}
				// OpenCC's own conversion, phrase by phrase, keeps the count
				// of characters: offsets into either Simplified text are
				// offsets into the text as written
				if simp, err := t2s.Convert(s.Text); err != nil || utf8.RuneCountInString(simp) != utf8.RuneCountInString(s.Text) {
					t.Errorf("OpenCC converts %q to %q (%v): not one character for one", s.Text, simp, err)
				}
				rs := []rune(s.Text)
				for _, c := range sentenceCues(s.Rationale) {
					cues++
					if c.Start < 0 || c.End > len(rs) || c.Start > c.End {
						t.Errorf("%s cue %q at [%d,%d) outside %q", c.Rule, c.Text, c.Start, c.End, s.Text)
						continue
					}
					if got := string(rs[c.Start:c.End]); got != c.Text {
						t.Errorf("%s cue %q at [%d,%d) reads %q", c.Rule, c.Text, c.Start, c.End, got)
					}
				}
			}
			if cues == 0 {
				t.Error("no cues to check")
			}
		})
	}
}

// sentenceCues lists every span a sentence's rationale marks.
func sentenceCues(r entente.Rationale) []entente.Cue {
	var out []entente.Cue
	for _, c := range []*entente.Cue{r.Type, r.Strength, r.Deadline} {
		if c != nil {
			out = append(out, *c)
		}
	}
	for _, a := range r.Actors {
		out = append(out, a.Cue)
	}
	for _, a := range r.Areas {
		out = append(out, a.Cue)
	}
	for _, c := range r.Clauses {
		if c.Cue != nil {
			out = append(out, *c.Cue)
		}
	}
	out = append(out, r.References...)
	out = append(out, r.Mechanisms...)
	return append(out, r.Projects...)
}
