package structure

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// buffersTexts are layouts of every kind (Chinese and Latin, articles,
// lists, closing, signatures, datelines), read one after another through
// one Buffers.
func buffersTexts(t testing.TB) []string {
	texts := []string{
		"中华人民共和国和巴西联邦共和国联合声明\n\n应邀访问。双方举行会谈。\n\n一、双方同意深化合作。\n\n二、双方将加强交流。\n\n" +
			"本声明于二〇二三年四月十四日在北京签订，一式两份，两种文本同等作准。\n中华人民共和国主席 巴西联邦共和国总统\n习近平 卢拉\n(新华社北京4月14日电)",
		"联合声明\n\n双方反对就有关问题\n\n强加任何方案。双方将继续合作。",
		"Joint Statement\n\nThe two sides met. They agreed on trade.\n\n1. The sides will open markets.\n2. They will meet again.",
		"",
		"\xff\xfe\x00a。b\r\nc",
	}
	paths, err := filepath.Glob("testdata/layouts/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	return texts
}

// TestParseWithBuffers holds ParseWith to Parse over texts read in turn
// through one Buffers, forwards and backwards (a long text's buffers then
// serve a short one and the other way round), and checks that a layout
// kept by its caller is not changed by the parses after it: nothing of it
// points into the buffers.
func TestParseWithBuffers(t *testing.T) {
	texts := buffersTexts(t)
	want := make([]*Layout, len(texts))
	for i, s := range texts {
		want[i] = Parse(s, zhVocabulary)
	}
	orders := []struct {
		name  string
		order []int
	}{
		{"forwards", nil},
		{"backwards", nil},
		{"twice", nil},
	}
	for i := range texts {
		orders[0].order = append(orders[0].order, i)
		orders[1].order = append(orders[1].order, len(texts)-1-i)
	}
	orders[2].order = append(append([]int{}, orders[0].order...), orders[1].order...)
	for _, o := range orders {
		t.Run(o.name, func(t *testing.T) {
			var b Buffers
			kept := make([]*Layout, len(o.order))
			for k, i := range o.order {
				kept[k] = ParseWith(texts[i], zhVocabulary, &b)
				if !reflect.DeepEqual(kept[k], want[i]) {
					t.Fatalf("text %d: ParseWith gives %+v, Parse %+v", i, kept[k], want[i])
				}
			}
			for k, i := range o.order {
				if !reflect.DeepEqual(kept[k], want[i]) {
					t.Errorf("text %d: the layout changed after later parses through its buffers", i)
				}
			}
		})
	}
}

// TestParseInto holds ParseInto to Parse over texts read in turn through
// one Buffers: each layout, read before the next parse, is Parse's.
func TestParseInto(t *testing.T) {
	texts := buffersTexts(t)
	var b Buffers
	for _, order := range [][]int{{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}} {
		for _, k := range order {
			for i := k; i < len(texts); i += 5 {
				got := ParseInto(texts[i], zhVocabulary, &b)
				if want := Parse(texts[i], zhVocabulary); !reflect.DeepEqual(got, want) {
					t.Fatalf("text %d: ParseInto gives %+v, Parse %+v", i, got, want)
				}
			}
		}
	}
}

// TestBuffersKeepNoText checks that buffers left after a parse hold no
// string of the text: a kept Buffers must not keep a statement alive.
func TestBuffersKeepNoText(t *testing.T) {
	var b Buffers
	for k, s := range buffersTexts(t) {
		if k%2 == 0 {
			ParseWith(s, zhVocabulary, &b)
		} else {
			ParseInto(s, zhVocabulary, &b)
			b.Reset()
		}
		for _, l := range b.lines[:cap(b.lines)] {
			if l.text != "" || l.mark.Text != "" || l.mark.Rest != "" || l.mark.Label != "" {
				t.Fatalf("a line of %q is kept: %+v", s, l)
			}
		}
		for _, bl := range b.blocks[:cap(b.blocks)] {
			if bl != (Block{}) {
				t.Fatalf("a block of %q is kept: %+v", s, bl)
			}
		}
		for _, st := range b.sentences[:cap(b.sentences)] {
			if st != (Sentence{}) {
				t.Fatalf("a sentence of %q is kept: %+v", s, st)
			}
		}
		for _, seg := range b.segs[:cap(b.segs)] {
			if seg != "" {
				t.Fatalf("a sentence of %q is kept: %q", s, seg)
			}
		}
	}
}

// FuzzParseWith holds ParseWith and ParseInto with buffers a first text
// grew to Parse on a second text.
func FuzzParseWith(f *testing.F) {
	texts := buffersTexts(f)
	for i := range texts {
		f.Add(texts[i], texts[(i+1)%len(texts)])
	}
	f.Fuzz(func(t *testing.T, first, second string) {
		var b Buffers
		a := ParseWith(first, zhVocabulary, &b)
		got := ParseWith(second, zhVocabulary, &b)
		if want := Parse(second, zhVocabulary); !reflect.DeepEqual(got, want) {
			t.Fatalf("ParseWith after %q gives %+v, Parse %+v", first, got, want)
		}
		if want := Parse(first, zhVocabulary); !reflect.DeepEqual(a, want) {
			t.Fatalf("the layout of %q changed after a later parse through its buffers", first)
		}
		ParseInto(first, zhVocabulary, &b)
		if got, want := ParseInto(second, zhVocabulary, &b), Parse(second, zhVocabulary); !reflect.DeepEqual(got, want) {
			t.Fatalf("ParseInto after %q gives %+v, Parse %+v", first, got, want)
		}
	})
}
