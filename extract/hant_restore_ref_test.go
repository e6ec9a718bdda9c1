package extract

// The restorer as it was before it kept its characters' readings (it
// looked every string up in the whole text, through an index of character
// pairs, then in copies of both texts without their spaces): the
// reference the restorer is held to (FuzzRestorer).

import (
	"math"
	"strings"
	"unicode/utf8"
)

// refRestorer finds strings of the Simplified text in the original. The two
// texts are aligned byte for byte (the table maps a character only to one
// of the same UTF-8 length), so a string found in the Simplified text at
// some offset is, in the original, the bytes at that offset. A string that
// is not a plain substring (lines joined, spaces squeezed) is looked for
// with spaces aside (compactRestorer, built when first needed).
type refRestorer struct {
	orig, simp string
	cursor     int // byte offset after the last sentence found
	slow       *compactRestorer
	// pairs finds where two characters stand side by side (built on the
	// first restore): titles and names are looked up many times in a long
	// text, and a scan of the whole text for each cost as much as the
	// extraction itself
	pairs *pairIndex
}

// restoreNext restores a sentence, looking from the end of the previous
// one first.
func (rb *refRestorer) restoreNext(s string) string {
	if i := indexNear(rb.simp[rb.cursor:], s); i >= 0 && s != "" && rb.cursor+i+len(s) <= len(rb.orig) {
		at := rb.cursor + i
		rb.cursor = at + len(s)
		return rb.orig[at : at+len(s)]
	}
	return rb.restore(s)
}

func (rb *refRestorer) restore(s string) string {
	if s == "" {
		return s
	}
	if i := rb.index(s); i >= 0 && i+len(s) <= len(rb.orig) {
		return rb.orig[i : i+len(s)]
	}
	if rb.slow == nil {
		rb.slow = newCompactRestorer(rb.orig, rb.simp)
	}
	return rb.slow.find(s)
}

// index returns the byte offset of the first occurrence of s in the
// Simplified text, as strings.Index does: a string of two characters or
// more is looked for only where its first two stand.
func (rb *refRestorer) index(s string) int {
	r1, w1 := utf8.DecodeRuneInString(s)
	r2, w2 := utf8.DecodeRuneInString(s[w1:])
	if w2 == 0 || r1 == utf8.RuneError || r2 == utf8.RuneError || len(rb.simp) >= math.MaxInt32 {
		return strings.Index(rb.simp, s)
	}
	if rb.pairs == nil {
		rb.pairs = newPairIndex(rb.simp)
	}
	for i := rb.pairs.head[pairBucket(r1, r2)]; i >= 0; i = rb.pairs.next[i] {
		if strings.HasPrefix(rb.simp[rb.pairs.at[i]:], s) {
			return int(rb.pairs.at[i])
		}
	}
	return -1
}

// pairIndex chains the characters of a text by the bucket of the pair
// each opens with the character after it, in text order: the first
// character of a string is looked for only where the pair it opens with
// may stand (a bucket holds other pairs too: the caller compares).
type pairIndex struct {
	head [1 << 12]int32 // bucket → first character index, or -1
	next []int32        // character index → next in its bucket, or -1
	at   []int32        // character index → byte offset
}

func pairBucket(a, b rune) uint32 { return (uint32(a)*31 + uint32(b)) * 2654435761 >> 20 }

func newPairIndex(s string) *pairIndex {
	px := &pairIndex{}
	for i := range px.head {
		px.head[i] = -1
	}
	px.at = make([]int32, 0, len(s)/2)
	rs := make([]rune, 0, len(s)/2)
	for i := 0; i < len(s); {
		var r rune
		w := 3
		if c := s[i]; c < utf8.RuneSelf {
			r, w = rune(c), 1
		} else if (c >= 0xE1 && c <= 0xEC || c >= 0xEE && c <= 0xEF) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F) // Han without a call
		} else {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		px.at = append(px.at, int32(i))
		rs = append(rs, r)
		i += w
	}
	px.next = make([]int32, len(px.at))
	// from the end, so that each chain runs in text order
	for k := len(rs) - 1; k >= 0; k-- {
		px.next[k] = -1
		if k+1 < len(rs) {
			b := pairBucket(rs[k], rs[k+1])
			px.next[k] = px.head[b]
			px.head[b] = int32(k)
		}
	}
	return px
}

// compactRestorer finds a string in the Simplified text with spaces aside:
// the characters other than spaces are the same in number and order. Both
// texts are kept without their spaces, aligned byte for byte as the whole
// texts are.
type compactRestorer struct {
	simp, orig string
	byChar     map[rune]rune // built when first needed
}

func newCompactRestorer(orig, simp string) *compactRestorer {
	sb, ob := make([]byte, 0, len(simp)), make([]byte, 0, len(simp))
	for i := 0; i < len(simp); {
		// both texts are valid UTF-8 (Extract made them so): a lead byte
		// gives a character's length, and only a few can start a space
		w := validWidth(simp[i])
		ow := 0
		if i < len(orig) {
			ow = validWidth(orig[i])
		}
		if ow != w {
			break // not aligned past here (never so for a text mapped by the table)
		}
		space := false
		if c := simp[i]; c < utf8.RuneSelf || c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 {
			r, _ := utf8.DecodeRuneInString(simp[i:])
			space = isCompactSpace(r)
		}
		if !space {
			sb = append(sb, simp[i:i+w]...)
			ob = append(ob, orig[i:i+w]...)
		}
		i += w
	}
	return &compactRestorer{simp: string(sb), orig: string(ob)}
}

// validWidth is the length of the character at a byte of valid UTF-8, as
// DecodeRuneInString gives it: 1 inside a character.
func validWidth(c byte) int {
	switch {
	case c < 0xC0:
		return 1
	case c < 0xE0:
		return 2
	case c < 0xF0:
		return 3
	}
	return 4
}

func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if isCompactSpace(r) {
			return -1
		}
		return r
	}, s)
}

// find gives s as the original writes it: its characters other than spaces
// from where they stand in the original, its spaces as they are; a string
// that is not in the text (a title put together from parts) is mapped
// character by character.
func (rb *compactRestorer) find(s string) string {
	c := compact(s)
	if c == "" {
		return s
	}
	p := strings.Index(rb.simp, c)
	if p < 0 {
		rb.charTable()
		return strings.Map(func(r rune) rune {
			if o, ok := rb.byChar[r]; ok {
				return o
			}
			return r
		}, s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isCompactSpace(r) || p >= len(rb.orig) {
			b.WriteRune(r)
			continue
		}
		o, w := utf8.DecodeRuneInString(rb.orig[p:])
		b.WriteRune(o)
		p += w
	}
	return b.String()
}

// charTable maps each Simplified character to the original character it
// first stands for.
func (rb *compactRestorer) charTable() {
	if rb.byChar != nil {
		return
	}
	rb.byChar = map[rune]rune{}
	for i := 0; i < len(rb.simp); {
		r, w := utf8.DecodeRuneInString(rb.simp[i:])
		o, _ := utf8.DecodeRuneInString(rb.orig[i:])
		if r != o {
			if _, ok := rb.byChar[r]; !ok {
				rb.byChar[r] = o
			}
		}
		i += w
	}
}
