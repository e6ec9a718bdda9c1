package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// referenceText is what newTextWith must produce for s, written the plain
// way: the runes as range decodes them, the byte offset of each (len(s)
// last; nil when s is not valid UTF-8), and the copy with the inside of
// 《》 hidden rune by rune.
func referenceText(s string) (rs, masked []rune, offs []int32) {
	for i, r := range s {
		rs = append(rs, r)
		offs = append(offs, int32(i))
	}
	offs = append(offs, int32(len(s)))
	if !utf8.ValidString(s) {
		offs = nil
	}
	depth := 0
	for _, r := range rs {
		switch {
		case r == '《':
			depth++
		case r == '》':
			depth = max(depth-1, 0)
		case depth > 0:
			r = '□'
		}
		masked = append(masked, r)
	}
	return rs, masked, offs
}

// checkSentenceText compares a sentence's runes, masked copy and offsets
// with the plain reading of referenceText, and its marks with a search for
// each marked character.
func checkSentenceText(t *testing.T, x *Extractor, s string) {
	t.Helper()
	st := x.newTextWith(s, &scratch{})
	rs, masked, offs := referenceText(s)
	if !slices.Equal(st.rs, rs) {
		t.Fatalf("%q: runes %q, want %q", s, st.rs, rs)
	}
	if !slices.Equal(st.masked, masked) {
		t.Fatalf("%q: masked %q, want %q", s, st.masked, masked)
	}
	if !slices.Equal(st.offs, offs) || (st.offs == nil) != (offs == nil) {
		t.Fatalf("%q: offsets %v, want %v", s, st.offs, offs)
	}
	var marks runeMarks
	for _, m := range []struct {
		r    rune
		mark runeMarks
	}{{'《', markTitle}, {'“', markQuote}, {'□', markBox}, {'、', markEnum}} {
		if strings.ContainsRune(s, m.r) {
			marks |= m.mark
		}
	}
	if st.marks != marks {
		t.Fatalf("%q: marks %03b, want %03b", s, st.marks, marks)
	}
	for a := 0; a <= len(rs); a++ {
		if got, want := st.sub(a, len(rs)), string(rs[a:]); got != want {
			t.Fatalf("%q: sub(%d, end) = %q, want %q", s, a, got, want)
		}
	}
	// rest: increasing positions holding every rune that is not Han
	// (U+4000–U+9FFF), so that the clauses read from them are the clauses
	// read from every rune
	inRest := make([]bool, len(rs))
	for k, p := range st.rest {
		if p < 0 || int(p) >= len(rs) || k > 0 && p <= st.rest[k-1] {
			t.Fatalf("%q: rest %v is not increasing positions of its runes", s, st.rest)
		}
		inRest[p] = true
	}
	for i, r := range rs {
		if !inRest[i] && (r < 0x4000 || r > 0x9FFF) {
			t.Fatalf("%q: rune %d (%U) is not Han and not in rest %v", s, i, r, st.rest)
		}
	}
	if got, want := appendClausesAt(nil, st.masked, st.rest), appendClauses(nil, st.masked); !slices.Equal(got, want) {
		t.Fatalf("%q: clauses from rest %v, from every rune %v", s, got, want)
	}
}

// TestSentenceDecode holds the inline decoding of three-byte characters and
// the title mask to the plain reading, on the byte sequences the fast path
// must refuse (E0 and ED leads, truncated and invalid continuations) and on
// titles nested, unclosed and closed twice.
func TestSentenceDecode(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct{ name, s string }{
		{"empty", ""},
		{"ascii", "Article 1, para. 2"},
		{"han and punctuation", "双方同意加强合作，推动发展。"},
		{"title masked", "双方签署了《中塞自由贸易协定》并将落实。"},
		{"nested titles", "《关于《某协定》的议定书》生效"},
		{"unclosed title", "《未完的标题，双方将合作"},
		{"stray close", "双方》将合作《协定》"},
		{"two bytes", "Srbija–Kina: saradnja ž"},
		{"four bytes", "双方𠀋合作"},
		{"E0 lead", "\xe0\xa4\x85合作"},              // U+0905, valid: decoded the slow way
		{"E0 overlong", "\xe0\x80\x80合作"},          // invalid
		{"ED surrogate", "合\xed\xa0\x80作"},         // invalid
		{"ED valid", "合\xed\x9f\xbf作"},             // U+D7FF
		{"truncated at end", "合作\xe5\x90"},         // two bytes of three
		{"bad continuation", "合\xe5\x41\x80作"},     // second byte ASCII
		{"lone continuation", "\x80合作"},            // invalid
		{"title in invalid text", "\xff《协定》双方"},    // masked, offsets nil
		{"angle-like runes", "〈非书名〉《书名》＜比较＞"},      // only 《》 mask
		{"ideographic space", "双方\u3000将\u00a0合作"}, // E3 and C2 leads
		{"quotation", "“一带一路”倡议"},
		{"box as written", "第□条"},
		{"closing quote alone", "倡议”"},
		{"marks at the end", "双方《"},
		{"every mark", "□“《》”、"},
		{"enumeration", "铁路、公路等基础设施"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkSentenceText(t, x, tc.s) })
	}
}

// FuzzSentenceDecode holds newTextWith to the plain reading on any bytes.
func FuzzSentenceDecode(f *testing.F) {
	for _, s := range []string{"双方签署了《中塞自由贸易协定》。", "“□”", "《a《b》c", "\xe0\xa4\x85\xed\x9f\xbf", "合\xe5\x41\x80", "ž𠀋\x80",
		// Han characters two at a time (hanPair): at every alignment, cut
		// short, the second not Han or its continuation byte wrong
		"中国塞尔维亚两国", "a中国b塞尔维亚、", "中\xe5\x80", "中国\xe4\xb8", "中\xe3\x80\x81国家", "中\xe5\x41\x80国家"} {
		f.Add(s)
	}
	x := newTestExtractor(f)
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4096 {
			return
		}
		checkSentenceText(t, x, s)
	})
}

// appendClauses is the plain reading appendClausesAt is held to: it cuts a sentence at ，；：, and at final punctuation, never
// inside 《》, （）or quotation marks, appending its clauses to out, so that
// a document's sentences can share one buffer.
func appendClauses(out []clauseSpan, rs []rune) []clauseSpan {
	depth, start := 0, 0
	quote := false
	for i, r := range rs {
		if r >= 0x4E00 && r <= 0x9FFF {
			continue // a Han character: no bracket, quote or break
		}
		switch r {
		case '《', '（', '(', '「', '【':
			depth++
		case '》', '）', ')', '」', '】':
			if depth > 0 {
				depth--
			}
		case '“':
			quote = true
		case '”':
			quote = false
		case '，', '；', '：', ',', ';', ':', '。', '！', '？':
			if depth == 0 && !quote {
				if i > start {
					out = append(out, clauseSpan{start, i})
				}
				start = i + 1
			}
		}
	}
	if start < len(rs) {
		out = append(out, clauseSpan{start, len(rs)})
	}
	return out
}
