package structure

import (
	"reflect"
	"strings"
	"testing"
)

// twinOf maps every unified Han character to its neighbour (its code
// point with the lowest bit flipped): a text aligned with s byte for byte,
// other characters at the same places, as a Traditional text is with its
// Simplified mapping. The layout reads s; it must give the twin's bytes.
func twinOf(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0x4E00 && r <= 0x9FFF {
			return r ^ 1
		}
		return r
	}, s)
}

// TestParseTwinWritten holds Sentence.Written to the twin's bytes for
// sentences within a line, across joined lines and with spaces squeezed.
func TestParseTwinWritten(t *testing.T) {
	cases := []struct {
		name, text string
		texts      []string // the sentences the layout reads
	}{
		{"one line", "联合声明\n\n双方同意深化合作。双方将加强交流。", []string{"双方同意深化合作。", "双方将加强交流。"}},
		{"lines joined", "联合声明\n\n双方同意\n深化合作。双方将\n加强交流。", []string{"双方同意深化合作。", "双方将加强交流。"}},
		{"spaces squeezed", "联合声明\n\n双方 同意  深化合作。 Belt  and Road 合作。", []string{"双方同意深化合作。", "Belt and Road合作。"}},
		{"joined and squeezed", "联合声明\n\n一、双方同意 \n 深化 合作。\n二、双方将加强交流。", []string{"双方同意深化合作。", "双方将加强交流。"}},
		{"rewritten text: no twin", "联合声明\r\n\r\n双方同意深化合作。", []string{"双方同意深化合作。"}},
		{"title of two lines", "中华人民共和国和塞尔维亚共和国 \n关于深化合作的联合声明\n\n双方同意深化合作。", []string{"双方同意深化合作。"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b Buffers
			lay := ParseTwinInto(tc.text, twinOf(tc.text), zhVocabulary, &b)
			if len(lay.Sentences) != len(tc.texts) {
				t.Fatalf("%d sentences, want %d: %+v", len(lay.Sentences), len(tc.texts), lay.Sentences)
			}
			rewritten := strings.Contains(tc.text, "\r")
			if want := twinOf(lay.Title); rewritten && lay.TitleWritten != "" || !rewritten && lay.TitleWritten != want {
				t.Errorf("the title %q is written %q, want %q", lay.Title, lay.TitleWritten, want)
			}
			for i, s := range lay.Sentences {
				if s.Text != tc.texts[i] {
					t.Errorf("sentence %d reads %q, want %q", i, s.Text, tc.texts[i])
				}
				want := twinOf(tc.texts[i])
				if rewritten {
					want = ""
				}
				if s.Written != want {
					t.Errorf("sentence %d is written %q, want %q", i, s.Written, want)
				}
			}
		})
	}
}

// FuzzParseTwin holds ParseTwinInto to ParseInto on any text (the same
// layout but for Written and TitleWritten), and each of them to the twin
// of its sentence or title:
// the twin's own bytes where the sentence stands in the text as it is,
// and given for every sentence unless the layout rewrote the text.
func FuzzParseTwin(f *testing.F) {
	for _, s := range buffersTexts(f) {
		f.Add(s)
	}
	f.Add("双方同意\n深化 合作。\n\n一、双方将\n加强交流。")
	f.Fuzz(func(t *testing.T, text string) {
		w := twinOf(text)
		var b, c Buffers
		got := ParseTwinInto(text, w, zhVocabulary, &b)
		rewritten := got.Text != text
		for i, s := range got.Sentences {
			switch {
			case rewritten || len(w) != len(text):
				if s.Written != "" {
					t.Fatalf("sentence %d of a rewritten text is written %q", i, s.Written)
				}
			case s.Written != twinOf(s.Text):
				t.Fatalf("sentence %d %q is written %q, want %q", i, s.Text, s.Written, twinOf(s.Text))
			case s.Start >= 0 && s.Written != w[s.Start:s.End]:
				t.Fatalf("sentence %d is written %q, the twin has %q at its place", i, s.Written, w[s.Start:s.End])
			}
			got.Sentences[i].Written = ""
		}
		switch {
		case rewritten || len(w) != len(text) || got.Title == "":
			if got.TitleWritten != "" {
				t.Fatalf("the title %q is written %q, want none", got.Title, got.TitleWritten)
			}
		case got.TitleWritten != twinOf(got.Title):
			t.Fatalf("the title %q is written %q, want %q", got.Title, got.TitleWritten, twinOf(got.Title))
		}
		got.TitleWritten = ""
		for i := range got.Blocks {
			got.Blocks[i].written, got.Blocks[i].wok = "", false
		}
		if want := ParseInto(text, zhVocabulary, &c); !reflect.DeepEqual(got, want) {
			t.Fatalf("ParseTwinInto gives %+v, ParseInto %+v", got, want)
		}
	})
}
