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
	// code gives each character of [hanLo, hanHi) what the table knows of
	// it in one word (entry): one array for the Han blocks, where nearly
	// every character of a text looks, read once per character
	code []uint32
	// other holds the characters outside that range, in [otherLo, otherHi]
	other            map[rune]uint32
	otherLo, otherHi rune
	// images are the characters that are the Simplified form of another,
	// numbered from 1 (images[k-1] is number k), so that a text's readings
	// of them can be kept in a slice (SimplifyNoting)
	images []rune
}

// An entry holds the number of the character's Simplified form among the
// images in its high 16 bits (0: the character is its own) and the
// character's own number in its low 16 bits (0: not an image). 0 says
// neither.
func entrySimp(e uint32) uint32  { return e >> 16 }
func entryImage(e uint32) uint32 { return e & 0xFFFF }

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
	if len(images) >= 1<<16 {
		images = images[:1<<16-1] // OpenCC maps to about 2,600: never so
	}
	number := make(map[rune]uint32, len(images))
	for i, m := range images {
		number[m] = uint32(i + 1)
	}
	t := &HanTable{code: make([]uint32, hanHi-hanLo), other: map[rune]uint32{}, images: images}
	set := func(r rune, e uint32) {
		if r >= hanLo && r < hanHi {
			t.code[r-hanLo] = e
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
	for r, m := range simp {
		if number[m] != 0 {
			set(r, number[m]<<16|number[r])
		}
	}
	for _, m := range images {
		if _, ok := simp[m]; !ok {
			set(m, number[m])
		}
	}
	return t
}

// entry returns what the table knows of r (0: nothing).
func (t *HanTable) entry(r rune) uint32 {
	if uint32(r-hanLo) < uint32(len(t.code)) {
		return t.code[r-hanLo]
	}
	if r < t.otherLo || r > t.otherHi {
		return 0
	}
	return t.other[r]
}

// Simplified returns the Simplified form of r, or r.
func (t *HanTable) Simplified(r rune) rune {
	if k := entrySimp(t.entry(r)); k != 0 {
		return t.images[k-1]
	}
	return r
}

// Traditional reports whether r is a Traditional-only character.
func (t *HanTable) Traditional(r rune) bool { return t.Simplified(r) != r }

// Images returns how many characters are the Simplified form of another:
// ImageIndex numbers them from 1 to Images().
func (t *HanTable) Images() int { return len(t.images) }

// ImageIndex returns the number of r among the images (from 1), or 0 if no
// other character maps to r.
func (t *HanTable) ImageIndex(r rune) int { return int(entryImage(t.entry(r))) }

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
// it stands). buf, when not nil, is a buffer to reuse for the copy the
// mapping is made in (the result is a string of its own). s must be valid UTF-8 (an invalid byte is left as it is and
// noted nowhere, where SimplifyString would spell it U+FFFD).
func (t *HanTable) SimplifyNoting(s string, readings []rune, buf *[]byte) string {
	out, _ := t.SimplifyNotingValid(s, readings, buf)
	return out
}

// SimplifyNotingValid is SimplifyNoting reporting too whether s is valid
// UTF-8 (as utf8.ValidString), which the mapping finds out on its way: a
// caller that needs valid text need not read it once more to know.
func (t *HanTable) SimplifyNotingValid(s string, readings []rune, buf *[]byte) (string, bool) {
	valid := true
	var b []byte // a copy of s, made at the first change, changed in place
	if buf == nil {
		buf = new([]byte)
	}
	for i := 0; i < len(s); {
		// the run of ASCII and three-byte characters (all of Han and CJK
		// punctuation) goes through a loop without calls
		var copyAt bool
		if i, copyAt = t.simplifyRun(s, i, readings, b); copyAt {
			b = append((*buf)[:0], s...)
			*buf = b
			continue
		}
		if i >= len(s) {
			break
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			valid = false
			i++
			continue
		}
		e := t.entry(r)
		if e == 0 {
			i += w
			continue
		}
		img := entryImage(e)
		if k := entrySimp(e); k != 0 {
			if m := t.images[k-1]; utf8.RuneLen(m) == w {
				if b == nil {
					b = append((*buf)[:0], s...)
					*buf = b
				}
				utf8.EncodeRune(b[i:], m)
				img = k
			}
		}
		if img != 0 {
			note(readings, img, r)
		}
		i += w
	}
	if b == nil {
		return s, valid
	}
	return string(b), valid
}

// note records that the text writes image img as r (SimplifyNoting).
func note(readings []rune, img uint32, r rune) {
	switch o := readings[img]; o {
	case 0:
		readings[img] = r
	case r, -1:
	default:
		readings[img] = -1
	}
}

// simplifyRun is SimplifyNotingValid's loop over ASCII and valid
// three-byte characters from byte i: it maps them into b and notes their
// readings, and returns where it stopped (at len(s), or at a character of
// another length, or an invalid one, for the caller to read) or, with
// copy, the byte at which a character changes while b is still nil (the
// caller makes the copy and calls again). It calls nothing, so that its
// state stays in registers.
func (t *HanTable) simplifyRun(s string, i int, readings []rune, b []byte) (int, bool) {
	code, images := t.code, t.images
	for i < len(s) {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		if i+3 > len(s) {
			return i, false
		}
		p := s[i : i+3]
		// three bytes of which the lead is E1 to EF but ED and two
		// continuation bytes: valid whatever they hold
		x := uint32(p[0])<<16 | uint32(p[1])<<8 | uint32(p[2])
		if x&0xF0C0C0 != 0xE08080 || p[0] == 0xE0 || p[0] == 0xED {
			return i, false
		}
		r := rune(x>>4&0xF000 | x>>2&0x0FC0 | x&0x3F)
		var e uint32
		if k := uint32(r - hanLo); k < uint32(len(code)) {
			e = code[k]
		} else if r >= t.otherLo && r <= t.otherHi {
			return i, false // the compatibility block: a map, read by the caller
		}
		if e == 0 {
			i += 3
			continue
		}
		img := entryImage(e)
		if k := entrySimp(e); k != 0 && int(k-1) < len(images) {
			if m := images[k-1]; m >= 0x800 && m <= 0xFFFF {
				if b == nil {
					return i, true
				}
				if i+3 <= len(b) {
					q := b[i : i+3]
					q[0], q[1], q[2] = byte(0xE0|m>>12), byte(0x80|m>>6&0x3F), byte(0x80|m&0x3F)
				}
				img = k
			}
		}
		if int(img) < len(readings) && img != 0 {
			if o := readings[img]; o != r && o != -1 {
				if o == 0 {
					readings[img] = r
				} else {
					readings[img] = -1
				}
			}
		}
		i += 3
	}
	return i, false
}
