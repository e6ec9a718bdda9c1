package lexicon

import (
	"encoding/binary"
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
	// code gives each character of the Basic Multilingual Plane what the
	// table knows of it in one word (entry): one array indexed by the
	// character's 16 bits, read once per character of a text with no
	// range to test (256 kB, of which a Chinese text reads the Han
	// blocks' and the punctuation's pages)
	code *[1 << 16]uint32
	// other holds the characters above the BMP (none from OpenCC's
	// single characters, which keep their UTF-8 length)
	other map[rune]uint32
	// images are the characters that are the Simplified form of another,
	// numbered from 1 (images[k-1] is number k), so that a text's readings
	// of them can be kept in a slice (SimplifyNoting)
	images []rune
	// enc holds, at an image's number, its UTF-8 bytes in the low three
	// bytes of a word (enc[0] unused, 0 for an image of another length):
	// simplifyRun writes them as they are
	enc []uint32
	// run is code as simplifyRunBytes reads it, one word a character of
	// the BMP with all it needs (runEntry): no second look-up in enc and
	// no choice of a number per character; indexed by runIndex of the
	// character's three bytes, not by the character
	run *[1 << 16]uint64
}

// A runEntry holds, in its low 32 bits, the character's Simplified form's
// three bytes as they stand in memory (a little-endian word: first byte
// lowest), 0 when the character is its own; in bits 32 to 47 the number of
// the image its reading is noted under (its Simplified form's, or its own
// when it is one); and in its top 16 bits the character itself (the
// reading noted). 0 says neither; invalidRun marks what invalidEntry marks
// in code.
const invalidRun = 0xFFFFFFFFFFFFFFFF

// runIndex is where run holds the entry of the character whose three
// bytes start the little-endian word w: the 16 bits that vary among three-
// byte forms (4 of the first byte, 6 of each other) gathered by one
// multiply into 16 bits, one to one (TestRunIndex), instead of the
// character's code point, which takes three shifts, three masks and two ors.
func runIndex(w uint32) uint16 { return uint16(uint64(w&0x3F3F0F) * 0x4011 >> 6) }

// An entry holds the number of the character's Simplified form among the
// images in its high 16 bits (0: the character is its own) and the
// character's own number in its low 16 bits (0: not an image). 0 says
// neither.
func entrySimp(e uint32) uint32 { return e >> 16 }

// invalidEntry marks in HanTable.code the numbers no valid three-byte
// character has (never an entry: there are fewer than 1<<16-1 images).
const invalidEntry = 0xFFFFFFFF

func entryImage(e uint32) uint32 { return e & 0xFFFF }

// runEntries builds run from code and enc.
func (t *HanTable) runEntries() {
	t.run = new([1 << 16]uint64)
	for r, e := range t.code {
		// the three bytes r's code point spells (an overlong form or a
		// surrogate below 0x800 and from 0xD800, which code marks)
		w := uint32(0xE0|r>>12) | uint32(0x80|r>>6&0x3F)<<8 | uint32(0x80|r&0x3F)<<16
		at := runIndex(w)
		switch {
		case e == invalidEntry:
			t.run[at] = invalidRun
			continue
		case e == 0:
			continue
		}
		img, u := uint64(entryImage(e)), uint64(0)
		if k := entrySimp(e); k != 0 && int(k) < len(t.enc) && t.enc[k] != 0 {
			x := t.enc[k] // first byte highest
			img, u = uint64(k), uint64(x>>16&0xFF|x&0xFF00|x&0xFF<<16)
		}
		if img != 0 || u != 0 {
			t.run[at] = uint64(r)<<48 | img<<32 | u
		}
	}
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
	for t, m := range CornerQuotes {
		simp[t] = m
	}
	return newHanTable(simp), nil
}

// CornerQuotes maps the quotation marks of Taiwan and Hong Kong (「」, and
// 『』 for a quotation inside one) to those Simplified texts write (“”):
// OpenCC's t2s keeps them, but the Chinese rules know quoted names,
// initiatives and titles by “”, so a Traditional text mapped with the
// table is read as a Simplified one quoting the same names. Each keeps its
// UTF-8 length (three bytes).
var CornerQuotes = map[rune]rune{'「': '“', '」': '”', '『': '“', '』': '”'}

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
	t := &HanTable{code: new([1 << 16]uint32), other: map[rune]uint32{}, images: images}
	t.enc = make([]uint32, len(images)+1)
	for k, m := range images {
		if m >= 0x800 && m <= 0xFFFF && (m < 0xD800 || m >= 0xE000) {
			t.enc[k+1] = uint32(0xE0|m>>12)<<16 | uint32(0x80|m>>6&0x3F)<<8 | uint32(0x80|m&0x3F)
		}
	}
	// what three bytes read as an overlong form (after E0) or a
	// surrogate (after ED) give, for simplifyRun to stop at; the
	// characters of one or two bytes that share the numbers have nothing
	// in the table (entry answers 0)
	for r := range rune(0x800) {
		t.code[r] = invalidEntry
	}
	for r := rune(0xD800); r < 0xE000; r++ {
		t.code[r] = invalidEntry
	}
	set := func(r rune, e uint32) {
		if r < 1<<16 {
			t.code[r] = e
			return
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
	t.runEntries()
	return t
}

// entry returns what the table knows of r (0: nothing).
func (t *HanTable) entry(r rune) uint32 {
	if uint32(r) < 1<<16 {
		if e := t.code[r]; e != invalidEntry {
			return e
		}
		return 0
	}
	if len(t.other) == 0 {
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
		// (in place in the copy once there is one)
		var copyAt bool
		if b != nil {
			i = t.simplifyRunBytes(b, i, readings)
		} else if i, copyAt = t.simplifyRun(s, i, readings, b); copyAt {
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
// state stays in registers. A character's entry is read by its 16 bits
// from the BMP's array (no range to test), where the overlong forms and
// surrogates that three bytes after E0 or ED can spell are marked invalid,
// so that no lead byte is tested, and a Simplified form is written from
// its three bytes kept ready (enc). SimplifyNotingValid calls it until the
// copy is made (b nil), and simplifyRunBytes after.
func (t *HanTable) simplifyRun(s string, i int, readings []rune, b []byte) (int, bool) {
	code, enc := t.code, t.enc
	if i < 0 {
		return i, false
	}
	for i < len(s)-2 {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		x := uint32(c)<<16 | uint32(s[i+1])<<8 | uint32(s[i+2])
		if x&0xF0C0C0 != 0xE08080 {
			return i, false // another length, or invalid
		}
		r := uint16(x>>4)&0xF000 | uint16(x>>2)&0x0FC0 | uint16(x)&0x3F
		e := code[r]
		if e == 0 {
			i += 3
			continue
		}
		if e == invalidEntry {
			return i, false
		}
		img := e & 0xFFFF
		if k := e >> 16; k != 0 && int(k) < len(enc) && enc[k] != 0 {
			if b == nil {
				return i, true
			}
			if i+2 < len(b) {
				u := enc[k]
				b[i], b[i+1], b[i+2] = byte(u>>16), byte(u>>8), byte(u)
			}
			img = k
		}
		if int(img) < len(readings) && img != 0 {
			note(readings, img, rune(r))
		}
		i += 3
	}
	// the last bytes: ASCII goes on, anything else is the caller's
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	return i, false
}

// rune3 reads the character whose bytes start the little-endian word w
// (one load of four bytes of a []byte), when they are a three-byte form:
// its code point (in the BMP), or false for another length or invalid
// bytes. Overlong forms and surrogates come out as code points the table
// marks invalid.
func rune3(w uint32) (uint16, bool) {
	if w&0xC0C0F0 != 0x8080E0 {
		return 0, false
	}
	return uint16(w&0x0F)<<12 | uint16(w>>2)&0x0FC0 | uint16(w>>16)&0x3F, true
}

// simplifyRunBytes is simplifyRun in place, in the copy b of the text
// (made at the first change, so that its bytes ahead of i are the text's):
// two characters' six bytes come from one load of a word (a character's
// three from one of four bytes when the next is not three bytes long),
// which a []byte allows and a string does not, and each character's
// entry is the one word of run. It stops three bytes before the end, or
// where simplifyRun would, for the caller to read on.
func (t *HanTable) simplifyRunBytes(b []byte, i int, readings []rune) int {
	run := t.run
	if i < 0 {
		return i
	}
	for i < len(b)-3 {
		if i < len(b)-7 {
			// two three-byte characters (nearly all of a Chinese text)
			// in one step: one load, one test, one loop's turn
			x := binary.LittleEndian.Uint64(b[i:])
			if x&0x0000C0C0F0C0C0F0 == 0x00008080E08080E0 {
				w1, w2 := uint32(x), uint32(x>>24)
				e1, e2 := run[runIndex(w1)], run[runIndex(w2)]
				if e1 != invalidRun && e2 != invalidRun {
					if e1|e2 != 0 {
						applyRun(b, i, w1, e1, readings)
						applyRun(b, i+3, w2, e2, readings)
					}
					i += 6
					continue
				}
			}
		}
		w := binary.LittleEndian.Uint32(b[i:])
		if byte(w) < utf8.RuneSelf {
			i++
			continue
		}
		if w&0xC0C0F0 != 0x8080E0 {
			return i // another length, or invalid
		}
		e := run[runIndex(w)]
		if e == invalidRun {
			return i
		}
		applyRun(b, i, w, e, readings)
		i += 3
	}
	return i
}

// applyRun writes at b[i:] the Simplified form of the character whose
// entry is e (runEntry) and notes its reading; w is the word of four bytes
// read at i, the fourth written back as it was.
func applyRun(b []byte, i int, w uint32, e uint64, readings []rune) {
	if u := uint32(e); u != 0 && i+4 <= len(b) {
		binary.LittleEndian.PutUint32(b[i:], w&0xFF000000|u)
	}
	if img := e >> 32 & 0xFFFF; img < uint64(len(readings)) && img != 0 {
		note(readings, uint32(img), rune(e>>48))
	}
}
