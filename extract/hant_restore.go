package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entente/entente/lexicon"
)

// restorer gives strings of the Simplified text back as the original
// writes them. The two texts are aligned byte for byte (the table maps a
// character only to one of the same UTF-8 length), so a string found in the
// Simplified text at some offset is, in the original, the bytes at that
// offset; one that is not there as it is (lines joined, spaces squeezed)
// is looked for with spaces aside, and one not there at all (put together
// from parts) is mapped character by character.
//
// Most strings need no looking for: readings (lexicon.HanTable.
// SimplifyNoting) says, for each character a traditional one maps to, how
// the text writes it, and a character written one way throughout is that
// wherever the string stands. Only a string with a character written in
// several ways (系 for 係 and 系, 干 for 乾 and 幹) is looked for, and only
// where that character stands. The answer is the one a search of the whole
// text gives: the first occurrence, then the first with spaces aside, then
// the first reading of each character (restore_ref_test.go holds it to
// that search).
type restorer struct {
	orig, simp string
	table      *lexicon.HanTable
	readings   []rune
	cursor     int // byte offset after the last sentence found
	// done keeps what restore gave each string: a document names its
	// references, mechanisms and projects in sentence after sentence
	done map[string]string
	// buf is where mapped changes a copy of a string before it makes the
	// result (one allocation instead of two), kept across documents
	buf *[]byte
}

// restoreNext restores a sentence, looking from the end of the previous
// one first.
func (rb *restorer) restoreNext(s string) string {
	if i := indexNear(rb.simp[rb.cursor:], s); i >= 0 && s != "" && rb.cursor+i+len(s) <= len(rb.orig) {
		at := rb.cursor + i
		rb.cursor = at + len(s)
		return rb.orig[at : at+len(s)]
	}
	return rb.restore(s)
}

// restoreAll restores each string of a list in place.
func (rb *restorer) restoreAll(list []string) {
	for k := range list {
		list[k] = rb.restore(list[k])
	}
}

func (rb *restorer) restore(s string) string {
	if s == "" {
		return s
	}
	if w, ok := rb.done[s]; ok {
		return w
	}
	w := rb.restoreFirst(s)
	if rb.done == nil {
		rb.done = make(map[string]string)
	}
	rb.done[s] = w
	return w
}

// restoreFirst is restore for a string not restored before.
func (rb *restorer) restoreFirst(s string) string {
	w, a := rb.mapped(s)
	switch {
	case a == -1:
		return w
	case a == -2:
		// a cut through a character: only a plain search can find it;
		// otherwise its bytes read as U+FFFD, one each, as strings.Map
		// spells them
		if i := strings.Index(rb.simp, s); i >= 0 {
			return rb.orig[i : i+len(s)]
		}
		return rb.restoreSpaced(strings.Map(func(r rune) rune { return r }, s))
	}
	if i := rb.indexAt(s, a); i >= 0 {
		return rb.orig[i : i+len(s)]
	}
	return rb.restoreSpaced(s)
}

// reading returns how the text writes r: r itself, or the one character
// it always stands for, or -1 if it stands for several.
func (rb *restorer) reading(r rune) rune {
	if img := rb.table.ImageIndex(r); img != 0 {
		if o := rb.readings[img]; o != 0 {
			return o
		}
	}
	return r
}

// mapped gives s as written when all its characters are written one way
// throughout the text: wherever it stands, found as it is or with spaces
// aside, its characters are their readings (spaces have only themselves),
// and a string not in the text is mapped character by character to the
// same. Otherwise it returns the byte offset in s of the first character
// written in several ways (s must then be looked for where that character
// stands), or -2 if s is not valid UTF-8; -1 when s is mapped. The table
// writes it (lexicon.HanTable.Written) in the restorer's buffer.
func (rb *restorer) mapped(s string) (string, int) {
	buf := rb.buf
	if buf == nil {
		buf = new([]byte)
	}
	b, a := rb.table.Written(s, rb.readings, buf)
	switch {
	case a != -1:
		return "", a
	case b == nil:
		return s, -1
	}
	return string(b), -1
}

// indexAt returns the first offset of s in the Simplified text, as
// strings.Index does, looking only where the character at byte a of s
// stands (every occurrence of s has it there).
func (rb *restorer) indexAt(s string, a int) int {
	_, w := utf8.DecodeRuneInString(s[a:])
	c := s[a : a+w]
	for from := a; from < len(rb.simp); {
		q := indexByLast(rb.simp[from:], c)
		if q < 0 {
			return -1
		}
		q += from
		if p := q - a; strings.HasPrefix(rb.simp[p:], s) {
			return p
		}
		from = q + w
	}
	return -1
}

// isCompactSpace reports a space the restorer sets aside: unicode.IsSpace's
// (none above U+3000) and the ideographic space, Han answered at once.
func isCompactSpace(r rune) bool {
	if r >= '\u3000' {
		return r == '\u3000'
	}
	return unicode.IsSpace(r)
}

// restoreSpaced gives s (valid UTF-8) as written when it is not in the
// text as it is: at its first occurrence with spaces aside (the characters
// other than spaces the same in number and order), s's spaces as they are;
// when it is not there either, each character as the text first writes it
// otherwise (a character the text writes in one way only, that way).
func (rb *restorer) restoreSpaced(s string) string {
	m, a := rb.mapped(s) // s is valid UTF-8: a is not -2
	if a < 0 {
		return m
	}
	_, w := utf8.DecodeRuneInString(s[a:])
	c := s[a : a+w]
	for from := 0; from < len(rb.simp); {
		q := indexByLast(rb.simp[from:], c)
		if q < 0 {
			break
		}
		q += from
		from = q + w
		if p, ok := rb.spacedMatch(s, a, q); ok {
			return rb.spacedOriginal(s, p)
		}
	}
	return rb.firstReadings(s)
}

// spacedMatch reports whether s, spaces aside, stands in the Simplified
// text with the character at byte a of s at q, and where its first
// character other than a space then stands: the characters of s before
// the anchor are compared backwards from q (most places of a common
// anchor fail at the first), then the rest forwards.
func (rb *restorer) spacedMatch(s string, a, q int) (int, bool) {
	p := q
	for j := a; j > 0; {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		j -= w
		if isCompactSpace(r) {
			continue
		}
		for {
			if p == 0 {
				return 0, false
			}
			t, tw := utf8.DecodeLastRuneInString(rb.simp[:p])
			p -= tw
			if isCompactSpace(t) {
				continue
			}
			if t != r {
				return 0, false
			}
			break
		}
	}
	i := q
	for _, r := range s[a:] {
		if isCompactSpace(r) {
			continue
		}
		for {
			if i >= len(rb.simp) {
				return 0, false
			}
			t, w := utf8.DecodeRuneInString(rb.simp[i:])
			if !isCompactSpace(t) {
				break
			}
			i += w
		}
		t, w := utf8.DecodeRuneInString(rb.simp[i:])
		if t != r {
			return 0, false
		}
		i += w
	}
	return p, true
}

// spacedOriginal writes s with its characters other than spaces taken, in
// order, from the original's characters other than spaces from byte p on
// (where spacedMatch found them).
func (rb *restorer) spacedOriginal(s string, p int) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if isCompactSpace(r) {
			b.WriteRune(r)
			continue
		}
		for {
			t, w := utf8.DecodeRuneInString(rb.simp[p:])
			if !isCompactSpace(t) {
				break
			}
			p += w
		}
		o, w := utf8.DecodeRuneInString(rb.orig[p:])
		b.WriteRune(o)
		p += w
	}
	return b.String()
}

// firstReadings maps each character of s to the first character of the
// original that differs from it where it stands in the Simplified text
// (a character written one way, that way; one never changed, itself).
func (rb *restorer) firstReadings(s string) string {
	var b []byte
	for i, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		o := rb.reading(r)
		if o < 0 {
			o = rb.firstDiffering(r)
		}
		if o != r {
			if b == nil {
				b = []byte(s)
			}
			utf8.EncodeRune(b[i:], o)
		}
	}
	if b == nil {
		return s
	}
	return string(b)
}

// firstDiffering returns the first original character, other than r, that
// stands where the Simplified text has r, or r.
func (rb *restorer) firstDiffering(r rune) rune {
	var buf [utf8.UTFMax]byte
	c := string(buf[:utf8.EncodeRune(buf[:], r)])
	for from := 0; from < len(rb.simp); {
		q := strings.Index(rb.simp[from:], c)
		if q < 0 {
			break
		}
		q += from
		if o, _ := utf8.DecodeRuneInString(rb.orig[q:]); o != r {
			return o
		}
		from = q + len(c)
	}
	return r
}

// indexNear is strings.Index for a sentence that usually stands at or
// near the start of what is left: searched first in a window a little
// longer than it (the first match there is the first match of all), then
// in the whole.
func indexNear(s, sub string) int {
	if sub == "" {
		return 0
	}
	if w := len(sub) + 64; w < len(s) {
		if i := indexFirstByte(s[:w], sub); i >= 0 {
			return i
		}
	}
	return indexByPrefix(s, sub)
}

// indexByPrefix is strings.Index(s, sub) for a sentence that is usually
// not in s at all (lines joined): it is looked for only where its first
// two characters stand, which strings.Index finds quickly, instead of
// hashing every window of s, which a long sentence made strings.Index do.
func indexByPrefix(s, sub string) int {
	n, chars := len(sub), 0 // n: the bytes of sub's first two characters
	for i := range sub {
		if chars == 2 {
			n = i
			break
		}
		chars++
	}
	if n == len(sub) {
		return strings.Index(s, sub)
	}
	p := sub[:n]
	for k := 0; ; {
		j := indexByLast(s[k:], p)
		if j < 0 {
			return -1
		}
		k += j
		if strings.HasPrefix(s[k:], sub) {
			return k
		}
		k++
	}
}

// indexFirstByte is strings.Index(s, sub) for a non-empty sub that
// usually stands a few bytes in: the places where sub's first byte stands
// are tried in order, a few of them, then strings.Index takes the rest (on
// Chinese text, whose characters share a handful of first bytes, the
// library's own search gives up on that and hashes the whole window).
func indexFirstByte(s, sub string) int {
	c := sub[0]
	k := 0
	for range 8 {
		j := strings.IndexByte(s[k:], c)
		if j < 0 {
			return -1
		}
		k += j
		if len(s)-k < len(sub) {
			return -1
		}
		if s[k:k+len(sub)] == sub {
			return k
		}
		k++
	}
	if i := strings.Index(s[k:], sub); i >= 0 {
		return k + i
	}
	return -1
}

// indexByLast is strings.Index(s, p) for a short non-empty p, looking for
// p's last byte first: on Chinese text the library's search looks for the
// first byte, which is the lead byte of a sixth of the characters, while a
// continuation byte stands in few places.
func indexByLast(s, p string) int {
	o := len(p) - 1
	c := p[o]
	// the byte before the last, when p has one, is tested before the
	// whole of p: another continuation byte, where most places fail
	d, hasD := byte(0), o > 0
	if hasD {
		d = p[o-1]
	}
	for k := o; k < len(s); k++ {
		j := strings.IndexByte(s[k:], c)
		if j < 0 {
			return -1
		}
		k += j
		if hasD && s[k-1] != d {
			continue
		}
		if s[k-o:k+1] == p {
			return k - o
		}
	}
	return -1
}
