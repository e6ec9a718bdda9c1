package extract

import (
	"unicode"
	"unicode/utf8"
)

// clauseSpan is a clause of a sentence in rune offsets: the text between
// two clause breaks (，；：) outside brackets and quotes.
type clauseSpan struct{ Start, End int }

// appendClauses cuts a sentence at ，；：, and at final punctuation, never
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

// text is one sentence as the rules read it: its runes, the same with the
// titles masked, and the cue words found in it, computed once.
type text struct {
	s          string
	rs, masked []rune
	// offs holds the byte offset in s of each rune of rs, and len(s) last,
	// so that a run of the sentence's characters is a slice of s (sub)
	// instead of a string encoded anew; nil when s is not valid UTF-8
	// (string(rs) would then spell an invalid byte U+FFFD)
	offs    []int32
	toks    []token
	named   []nameSpan // the entities' names, once entityCollector.add has run
	clauses []clauseSpan
	// mentions holds the party names classify finds (partyIndex.scan),
	// in room the document's sentences share: nothing keeps them
	mentions []mention
	cut      bool     // clauses holds the clauses
	scr      *scratch // the document's reusable buffers (nil: made on demand)
}

// sub returns the sentence's characters [a, b) as string(st.rs[a:b])
// does, as a slice of the sentence where it can: no copy, no encoding.
func (st *text) sub(a, b int) string {
	if st.offs == nil {
		return string(st.rs[a:b])
	}
	return st.s[st.offs[a]:st.offs[b]]
}

// clauseSpans returns the sentence's clauses, cut once (into the buffer
// the document's sentences share).
func (st *text) clauseSpans() []clauseSpan {
	if !st.cut {
		st.clauses = appendClauses(st.clauses[:0], st.masked)
		st.cut = true
	}
	return st.clauses
}

func (x *Extractor) newText(s string) *text { return x.newTextWith(s, &scratch{}) }

// newTextWith reads a sentence with a document's reusable buffers.
func (x *Extractor) newTextWith(s string, scr *scratch) *text {
	// the runes and their masked copy live in the document's buffer: a
	// sentence's text is read before the next one is (what is kept of it
	// is copied into strings)
	// one decoding pass into room for len(s) runes (at least the count),
	// writing the masked copy (maskTitlesInto) beside them
	buf := scr.runesFor(2 * len(s))
	runes, mask := buf[:len(s)], buf[len(s):2*len(s)]
	offs := scr.offsetsFor(len(s) + 1)
	n, depth, valid := 0, 0, true
	for i := 0; i < len(s) && n < len(runes); n++ {
		offs[n] = int32(i)
		var r rune
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			r = rune(c)
			i++
		case i+3 <= len(s) && c-0xE1 <= 0xEF-0xE1 && c != 0xED && (uint16(s[i+1])|uint16(s[i+2])<<8)&0xC0C0 == 0x8080:
			// three bytes (Han, CJK punctuation) without a call: these
			// lead bytes (E1 to EF but ED) take any continuation bytes
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			i += 3
		default:
			var w int
			r, w = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && w == 1 {
				valid = false // an invalid byte: sub encodes the runes instead
			}
			i += w
		}
		runes[n] = r
		// the inside of 《》 masked as maskTitlesInto does
		switch {
		case r == '《':
			depth++
		case r == '》':
			depth = max(depth-1, 0)
		case depth > 0:
			r = '□'
		}
		mask[n] = r
	}
	if valid {
		offs[n] = int32(len(s))
		offs = offs[: n+1 : n+1]
	} else {
		offs = nil
	}
	rs, masked := runes[:n:n], mask[:n:n]
	// the tokens too: a sentence's tokens are read before the next
	// sentence's are made (clauses and resolve copy what they keep)
	scr.toks = x.cues.scan(masked, &scr.matches, scr.toks[:0])
	// one text per document too: a sentence's reading keeps no pointer
	// to it, and its names and clauses reuse the previous one's room
	st := &scr.txt
	*st = text{s: s, rs: rs, masked: masked, offs: offs, toks: scr.toks, scr: scr, named: st.named[:0], clauses: st.clauses[:0], mentions: st.mentions[:0]}
	return st
}

// maskTitlesInto writes rs into out (of rs's length) with the inside of
// 《》 hidden (an instrument's title is not the sentence's grammar:
// 《关于推动落实…》 undertakes nothing) behind a placeholder of the same
// length, so that offsets stay true.
func maskTitlesInto(out, rs []rune) {
	copy(out, rs)
	depth := 0
	for i, r := range rs {
		switch r {
		case '《':
			depth++
			continue
		case '》':
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth > 0 {
			out[i] = '□'
		}
	}
}

// maskQuotesInto writes into out (of rs's length) a copy of rs with the
// inside of “” hidden as maskTitles hides titles.
func maskQuotesInto(out, rs []rune) []rune {
	quote := false
	for i, r := range rs {
		out[i] = r
		switch r {
		case '“':
			quote = true
		case '”':
			quote = false
		default:
			if quote {
				out[i] = '□'
			}
		}
	}
	return out
}

// isFillerRune is a rune that carries no content in a subject zone.
func isFillerRune(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return false // a Han character, without the tables
	}
	return unicode.IsSpace(r) || unicode.IsPunct(r) || r == '\u3000' || r == '—'
}
