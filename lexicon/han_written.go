package lexicon

import (
	"encoding/binary"
	"unicode/utf8"
)

// Written gives back a string of a text SimplifyNoting mapped as that text
// writes it, where it can without looking: each image in s (ImageIndex)
// becomes its reading (readings as SimplifyNoting noted them; 0 leaves it
// as it is). It returns the string so written in *buf (nil when no
// character changes) and -1; or nil and the byte offset in s of the first
// character written in several ways (reading -1), which only the text
// itself can settle; or nil and -2 when s is not valid UTF-8 (up to that
// character, or anywhere after it). Han characters and CJK punctuation are
// read from the BMP's array in a loop without calls, as simplifyRun does.
func (t *HanTable) Written(s string, readings []rune, buf *[]byte) ([]byte, int) {
	code := t.code
	var b []byte
	for i := 0; i < len(s); {
		if b != nil {
			// once there is a copy, in place in it (writtenRunBytes),
			// up to a character it leaves to this loop
			if i = t.writtenRunBytes(b, i, readings); i >= len(s) {
				break
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		var e uint32
		var r rune
		n := 3
		if i < len(s)-2 {
			if x := uint32(c)<<16 | uint32(s[i+1])<<8 | uint32(s[i+2]); x&0xF0C0C0 == 0xE08080 {
				r = rune(uint16(x>>4)&0xF000 | uint16(x>>2)&0x0FC0 | uint16(x)&0x3F)
				if e = code[r]; e == invalidEntry {
					return nil, -2 // an overlong form or a surrogate
				}
				goto read
			}
		}
		if r, n = utf8.DecodeRuneInString(s[i:]); r == utf8.RuneError && n == 1 {
			return nil, -2
		}
		e = t.entry(r)
	read:
		if img := e & 0xFFFF; img != 0 && int(img) < len(readings) {
			switch o := readings[img]; {
			case o < 0:
				if !utf8.ValidString(s[i:]) {
					return nil, -2
				}
				return nil, i
			case o != 0 && o != r:
				if b == nil {
					b = append((*buf)[:0], s...)
					*buf = b
				}
				// a reading has its image's length (the table keeps
				// UTF-8 lengths), so it is written over it: three bytes
				// (all of Han) without a call
				if n == 3 && o >= 0x800 && o <= 0xFFFF && (o < 0xD800 || o > 0xDFFF) && i+2 < len(b) {
					b[i], b[i+1], b[i+2] = byte(0xE0|o>>12), byte(0x80|o>>6&0x3F), byte(0x80|o&0x3F)
				} else if utf8.RuneLen(o) == n {
					utf8.EncodeRune(b[i:], o)
				}
			}
		}
		i += n
	}
	return b, -1
}

// writtenRunBytes is Written's loop in place in its copy b of s (whose
// bytes from i on are s's): ASCII and three-byte characters read in one
// load of a word, written as their readings say. It returns where it
// stops, three bytes before the end or at a character it leaves to
// Written (another length, invalid bytes, a reading of -1 or of another
// length).
func (t *HanTable) writtenRunBytes(b []byte, i int, readings []rune) int {
	code := t.code
	if i < 0 {
		return i
	}
	for i < len(b)-3 {
		w := binary.LittleEndian.Uint32(b[i:])
		if byte(w) < utf8.RuneSelf {
			i++
			continue
		}
		r, ok := rune3(w)
		if !ok {
			return i
		}
		e := code[r]
		if e == invalidEntry {
			return i
		}
		if img := e & 0xFFFF; img != 0 && int(img) < len(readings) {
			o := readings[img]
			if o < 0 || o > 0xFFFF || o >= 0xD800 && o <= 0xDFFF || o != 0 && o < 0x800 {
				return i
			}
			if o != 0 && o != rune(r) {
				b[i], b[i+1], b[i+2] = byte(0xE0|o>>12), byte(0x80|o>>6&0x3F), byte(0x80|o&0x3F)
			}
		}
		i += 3
	}
	return i
}
