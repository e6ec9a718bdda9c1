package extract

import "unicode/utf8"

// appendRunes appends the runes of s to dst, as append(dst, []rune(s)...)
// does (an invalid byte is U+FFFD), decoding the three-byte characters
// that make up Chinese text without a call. With a buffer on the caller's
// stack it spares the copy []rune(s) allocates for a short string a rule
// only reads.
func appendRunes(dst []rune, s string) []rune {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			dst = append(dst, rune(c))
			i++
			continue
		case c-0xE1 <= 0xEF-0xE1 && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			// lead E1 to EF but ED: valid with any continuation bytes
			dst = append(dst, rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F))
			i += 3
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		dst = append(dst, r)
		i += w
	}
	return dst
}
