package extract

import (
	"unicode"
	"unicode/utf8"
)

// clauseSpan is a clause of a sentence in rune offsets: the text between
// two clause breaks (，；：) outside brackets and quotes.
type clauseSpan struct{ Start, End int }

// appendClausesAt cuts a sentence at ，；：, and at final punctuation, never
// inside brackets or quotation marks, reading only the runes at the
// positions at (in order), which must hold every rune of rs that is not Han
// (U+4000–U+9FFF, where no bracket, quote or break is): decodeSentence
// notes them (text.rest), a fraction of a Chinese sentence.
func appendClausesAt(out []clauseSpan, rs []rune, at []int32) []clauseSpan {
	depth, start := 0, 0
	quote := false
	for _, p := range at {
		i := int(p)
		switch rs[i] {
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
	offs []int32
	// rest holds the positions of the runes decodeSentence did not read
	// as a pair of Han characters: every rune that is not Han (and a few
	// that are), for the rules that look only at punctuation
	rest    []int32
	toks    []token
	named   []nameSpan // the entities' names, once entityCollector.add has run
	clauses []clauseSpan
	// mentions holds the party names classify finds (partyIndex.scan),
	// in room the document's sentences share: nothing keeps them
	mentions []mention
	cut      bool     // clauses holds the clauses
	scr      *scratch // the document's reusable buffers (nil: made on demand)
	// marks says which of 《, “, □ and 、 the sentence holds (found while it
	// is decoded), so that the rules looking for titles, quotations or
	// masked runes pass over the many sentences without any
	marks runeMarks
}

// runeMarks are the characters whose absence lets a rule skip its pass over
// a sentence.
type runeMarks uint8

const (
	markTitle runeMarks = 1 << iota // 《: a title (and, masked, its □)
	markQuote                       // “: a quotation
	markBox                         // □ as written (the masked copy's placeholder too)
	markEnum                        // 、: an enumeration (A、B等)
)

// has reports whether the sentence may hold any of the characters of m.
func (st *text) has(m runeMarks) bool { return st.marks&m != 0 }

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
		// the masked copy differs from rs only by □, which is no bracket,
		// quote or break: rs's non-Han positions are the ones to read
		st.clauses = appendClausesAt(st.clauses[:0], st.masked, st.rest)
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
	buf := scr.runesFor(2 * len(s))
	runes, mask := buf[:len(s)], buf[len(s):2*len(s)]
	offs := scr.offsetsFor(len(s) + 1)
	rest := scr.restFor(len(s))
	n, k, valid, marks := decodeSentence(s, runes, offs, rest)
	rest = rest[:k:k]
	if valid {
		offs = offs[: n+1 : n+1]
	} else {
		offs = nil
	}
	rs, masked := runes[:n:n], mask[:n:n]
	// the copy with the inside of 《》 hidden (an instrument's title is
	// not the sentence's grammar: 《关于推动落实…》 undertakes nothing)
	// behind a placeholder of the same length, so that offsets stay true;
	// most sentences cite no title and take a plain copy
	copy(masked, rs)
	if marks&markTitle != 0 {
		maskTitlesInto(masked)
	}
	// the tokens too: a sentence's tokens are read before the next
	// sentence's are made (clauses and resolve copy what they keep)
	scr.toks = dropAttributiveModals(x.cues.scan(masked, &scr.matches, scr.toks[:0]), masked, &x.areas.attributive, x.preposition)
	scr.toks = x.g.dropPlanNouns(scr.toks, masked)
	// one text per document too: a sentence's reading keeps no pointer
	// to it, and its names and clauses reuse the previous one's room.
	// Written field by field: a buffer emptied in place (x = x[:0]) is no
	// pointer written, and a copy of a whole text pays the collector's
	// write barrier on each of its nine pointer words while it marks.
	st := &scr.txt
	st.s, st.rs, st.masked, st.offs, st.rest, st.toks, st.scr = s, rs, masked, offs, rest, scr.toks, scr
	st.named, st.clauses, st.mentions = st.named[:0], st.clauses[:0], st.mentions[:0]
	st.cut, st.marks = false, marks
	return st
}

// decodeSentence decodes s into runes (room for len(s) of them) and the
// byte offset of each into offs (room for len(s)+1, len(s) last), returning
// the count, whether s is valid UTF-8 (an invalid byte decodes to U+FFFD,
// and the offsets cannot then make the runes' string) and the marks of the
// characters among them (markOf: each is three bytes, so found on the
// inline path). Han
// characters and CJK punctuation, nearly all of a Chinese sentence, are
// decoded inline from one load of their three bytes.
func decodeSentence(s string, runes []rune, offs, rest []int32) (n, k int, valid bool, marks runeMarks) {
	valid = true
	runes = runes[:len(s)]
	at := offs[:len(runes)] // the last offset (len(s)) is written after the loop
	rest = rest[:len(runes)]
	i := 0
	for i < len(s) && n < len(runes) {
		// two Han characters (lead bytes E4 to E9, which take any
		// continuation bytes, and need no mark) from one load of eight
		// bytes: most of a Chinese sentence, in half the steps
		if i+8 <= len(s) && n+2 <= len(runes) {
			if x := load8(s, i); hanPair(x) {
				at[n], at[n+1] = int32(i), int32(i+3)
				runes[n] = rune(x&0x0F)<<12 | rune(x>>8&0x3F)<<6 | rune(x>>16&0x3F)
				runes[n+1] = rune(x>>24&0x0F)<<12 | rune(x>>32&0x3F)<<6 | rune(x>>40&0x3F)
				n, i = n+2, i+6
				continue
			}
		}
		c := s[i]
		rest[k] = int32(n) // a rune read alone (the pair's path took none)
		k++
		if c < utf8.RuneSelf {
			at[n], runes[n] = int32(i), rune(c)
			n++
			i++
			continue
		}
		if i+2 < len(s) {
			t := s[i : i+3]
			v := uint32(t[0])<<16 | uint32(t[1])<<8 | uint32(t[2])
			// a lead byte E1 to EF but ED and two continuation bytes:
			// those leads take any continuation bytes (E0 and ED do not)
			if v&0xF0C0C0 == 0xE08080 && c != 0xE0 && c != 0xED {
				if c < 0xE4 { // not Han (E4 to E9): punctuation, symbols
					marks |= markOf(v)
				}
				at[n], runes[n] = int32(i), rune(v>>4&0xF000|v>>2&0x0FC0|v&0x3F)
				n++
				i += 3
				continue
			}
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			valid = false // an invalid byte: text.sub encodes the runes instead
		}
		at[n], runes[n] = int32(i), r
		n++
		i += w
	}
	offs[n] = int32(len(s))
	return n, k, valid, marks
}

// load8 reads the eight bytes of s from i as one word, the first the
// lowest (the compiler makes it one load).
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// hanPair reports whether the first six of the eight bytes x (load8) are
// two three-byte characters with lead bytes E4 to E9 (U+4000–U+9FFF): the
// four continuation bytes tested at once, then the two leads.
func hanPair(x uint64) bool {
	return x&0xC0C000C0C000 == 0x808000808000 && byte(x)-0xE4 < 6 && byte(x>>24)-0xE4 < 6
}

// markOf returns the mark of a three-byte character given as its bytes in
// one word (lead byte highest).
func markOf(v uint32) runeMarks {
	switch v {
	case 0xE3808A: // 《
		return markTitle
	case 0xE2809C, 0xE3808C: // “, and 「 as Simplified texts may write it
		return markQuote
	case 0xE296A1: // □
		return markBox
	case 0xE38081: // 、
		return markEnum
	}
	return 0
}

// maskTitlesInto hides, in place, the inside of 《》 behind □ (nested titles
// count their depth; a stray 》 closes nothing).
func maskTitlesInto(rs []rune) {
	depth := 0
	for i, r := range rs {
		switch {
		case r == '《':
			depth++
		case r == '》':
			depth = max(depth-1, 0)
		case depth > 0:
			rs[i] = '□'
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

// dropAttributiveModals removes, in place, the modals right before the
// attributive particle (缔约双方商定的其他领域, 以商定的方式): the verb
// then describes a noun (the fields agreed on), it undertakes nothing.
// So does a modal right after a preposition that opens a relative clause
// closed by the particle in the same clause (为有意在港设立业务的企业提供
// 支援): the object of the preposition is the companies that intend.
func dropAttributiveModals(toks []token, masked []rune, attributive *runeSet, prep *wordSet) []token {
	out := toks[:0]
	for _, t := range toks {
		if t.Kind.has(cModal) && t.End < len(masked) && attributive.has(masked[t.End]) {
			continue
		}
		if t.Kind.has(cModal) && prep != nil && prep.endsAt(masked, t.Start) >= 0 && attributiveInClause(masked, t.End, attributive) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// attributiveInClause reports whether an attributive particle stands
// after from in the same clause.
func attributiveInClause(masked []rune, from int, attributive *runeSet) bool {
	for _, r := range masked[from:] {
		if isClauseBreak(r) {
			return false
		}
		if attributive.has(r) {
			return true
		}
	}
	return false
}
