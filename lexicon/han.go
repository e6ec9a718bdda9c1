package lexicon

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// HanTable maps Traditional Chinese characters to Simplified, one
// character for one of the same UTF-8 length, so that a text mapped with it
// keeps every offset. It is built from OpenCC's t2s data
// (github.com/longbridgeapp/opencc): every Han character of the Basic
// Multilingual Plane converted alone (one per line, so that no phrase rule
// joins two), keeping the one-to-one results. The extractor reads
// zh-Hant through it, and the search analyzer folds both forms to one.
type HanTable struct {
	// code gives each character of [lo, lo+len(code)) 0 (neither mapped
	// nor an image) or 1 + its place in entries: one small array for the
	// Han blocks, where nearly every character of a text looks
	lo      rune
	code    []uint16
	entries []hanEntry
	// other holds the characters outside that range, in [otherLo, otherHi]
	other            map[rune]hanEntry
	otherLo, otherHi rune
	images           int
}

// hanEntry is what the table knows of one character. An image is a
// character that is the Simplified form of another: images are numbered
// from 1, so that a text's readings of them can be kept in a slice
// (SimplifyNoting).
type hanEntry struct {
	simp      rune   // the Simplified form, or 0 if the character is its own
	simpImage uint16 // simp's number among the images
	image     uint16 // the character's own number among the images, or 0
}

// LoadHanTable builds the table (about 100 ms: callers keep it).
func LoadHanTable() (*HanTable, error) {
	cc, err := opencc.New("t2s")
	if err != nil {
		return nil, fmt.Errorf("lexicon: open the OpenCC t2s table: %w", err)
	}
	var b strings.Builder
	var all []rune
	for _, rg := range [][2]rune{{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}} {
		for r := rg[0]; r <= rg[1]; r++ {
			all = append(all, r)
			b.WriteRune(r)
			b.WriteByte('\n')
		}
	}
	out, err := cc.Convert(b.String())
	if err != nil {
		return nil, fmt.Errorf("lexicon: convert the character table: %w", err)
	}
	lines := strings.Split(out, "\n")
	simp := map[rune]rune{}
	for i, r := range all {
		if i >= len(lines) {
			break
		}
		rs := []rune(lines[i])
		if len(rs) == 1 && rs[0] != r && utf8.RuneLen(rs[0]) == utf8.RuneLen(r) {
			simp[r] = rs[0]
		}
	}
	return newHanTable(simp), nil
}

// the range the table's array covers: CJK extension A and the unified
// block (the compatibility ideographs, few, go to the map)
const hanLo, hanHi = 0x3400, 0xA000

// newHanTable builds the table from its mapping, numbering the images in
// code point order.
func newHanTable(simp map[rune]rune) *HanTable {
	var images []rune
	seen := map[rune]bool{}
	for _, m := range simp {
		if !seen[m] {
			seen[m] = true
			images = append(images, m)
		}
	}
	slices.Sort(images)
	number := make(map[rune]uint16, len(images))
	for i, m := range images {
		number[m] = uint16(i + 1)
	}
	t := &HanTable{lo: hanLo, code: make([]uint16, hanHi-hanLo), other: map[rune]hanEntry{}, images: len(images)}
	set := func(r rune, e hanEntry) {
		if r >= hanLo && r < hanHi {
			t.entries = append(t.entries, e)
			t.code[r-hanLo] = uint16(len(t.entries))
			return
		}
		if len(t.other) == 0 || r < t.otherLo {
			t.otherLo = r
		}
		if len(t.other) == 0 || r > t.otherHi {
			t.otherHi = r
		}
		t.other[r] = e
	}
	var keys []rune
	for r := range simp {
		keys = append(keys, r)
	}
	for _, m := range images {
		if _, ok := simp[m]; !ok {
			keys = append(keys, m)
		}
	}
	slices.Sort(keys)
	for _, r := range keys {
		e := hanEntry{image: number[r]}
		if m, ok := simp[r]; ok {
			e.simp, e.simpImage = m, number[m]
		}
		set(r, e)
	}
	return t
}

// entry returns what the table knows of r, and whether it knows anything.
func (t *HanTable) entry(r rune) (hanEntry, bool) {
	if uint32(r-t.lo) < uint32(len(t.code)) {
		if k := t.code[r-t.lo]; k != 0 {
			return t.entries[k-1], true
		}
		return hanEntry{}, false
	}
	if r < t.otherLo || r > t.otherHi {
		return hanEntry{}, false
	}
	e, ok := t.other[r]
	return e, ok
}

// Simplified returns the Simplified form of r, or r.
func (t *HanTable) Simplified(r rune) rune {
	if e, ok := t.entry(r); ok && e.simp != 0 {
		return e.simp
	}
	return r
}

// Traditional reports whether r is a Traditional-only character.
func (t *HanTable) Traditional(r rune) bool { return t.Simplified(r) != r }

// Images returns how many characters are the Simplified form of another:
// ImageIndex numbers them from 1 to Images().
func (t *HanTable) Images() int { return t.images }

// ImageIndex returns the number of r among the images (from 1), or 0 if no
// other character maps to r.
func (t *HanTable) ImageIndex(r rune) int {
	e, _ := t.entry(r)
	return int(e.image)
}

// SimplifyString maps every character of s with Simplified, as
// strings.Map(t.Simplified, s) does, but in place on a copy of the bytes:
// the table keeps each character's UTF-8 length, so nothing moves, and a
// text with nothing to map is returned as it is.
func (t *HanTable) SimplifyString(s string) string {
	var b []byte
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		var r rune
		w := 3
		if c := s[i]; (c >= 0xE1 && c <= 0xEC || c >= 0xEE && c <= 0xEF) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// three bytes (all of Han) decoded without a call: these
			// lead bytes take any continuation bytes
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		} else if r, w = utf8.DecodeRuneInString(s[i:]); r == utf8.RuneError && w == 1 {
			return strings.Map(t.Simplified, s) // invalid bytes: Map spells them U+FFFD
		}
		if m := t.Simplified(r); m != r && utf8.RuneLen(m) == w {
			if b == nil {
				b = []byte(s)
			}
			utf8.EncodeRune(b[i:], m)
		} else if m != r {
			return strings.Map(t.Simplified, s)
		}
		i += w
	}
	if b == nil {
		return s
	}
	return string(b)
}

// SimplifyNoting maps s as SimplifyString does and notes, for every image
// in the result (ImageIndex), which character stood there in s: readings
// (at least Images()+1 long, zero on entry) gets at an image's number the
// one character all its places were written with (itself where the text
// has the Simplified form), or -1 if they were written in more than one
// way. With it a string of the result is given back as written without
// being looked for (a character with one reading is that reading wherever
// it stands). s must be valid UTF-8 (an invalid byte is left as it is and
// noted nowhere, where SimplifyString would spell it U+FFFD).
func (t *HanTable) SimplifyNoting(s string, readings []rune) string {
	var b strings.Builder // the result so far, up to s[done:], once something changed
	done := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		var r rune
		w := 3
		if c := s[i]; (c >= 0xE1 && c <= 0xEC || c >= 0xEE && c <= 0xEF) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F) // as in SimplifyString
		} else if r, w = utf8.DecodeRuneInString(s[i:]); r == utf8.RuneError && w == 1 {
			i++
			continue
		}
		e, ok := t.entry(r)
		if !ok {
			i += w
			continue
		}
		img := e.image
		if e.simp != 0 && utf8.RuneLen(e.simp) == w {
			if done == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[done:i])
			b.WriteRune(e.simp)
			done = i + w
			img = e.simpImage
		}
		if img != 0 {
			switch o := readings[img]; o {
			case 0:
				readings[img] = r
			case r, -1:
			default:
				readings[img] = -1
			}
		}
		i += w
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}
