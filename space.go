package entente

import "unicode"

// IsSpace is unicode.IsSpace, with a quick way through the runes a
// statement is mostly made of: no rune between U+0100 and U+167F (Latin
// with diacritics, Greek, Cyrillic…), or above U+3000 (Chinese), is white
// space, where unicode.IsSpace searches its table. A batch ingest asks it
// of every rune of a text several times over (the text's hash, its limits,
// every sentence's anchor).
func IsSpace(r rune) bool {
	switch {
	case r < 0x80:
		return r == ' ' || '\t' <= r && r <= '\r'
	case r <= 0xFF:
		return r == 0x85 || r == 0xA0
	case r < 0x1680 || r > 0x3000:
		return false
	}
	return unicode.IsSpace(r)
}

// isHan says whether r is a CJK unified ideograph of the basic block
// (U+4E00 to U+9FFF): each is a letter (unicode.IsLetter), not a digit,
// with no case (unicode.ToLower returns it), which TestIsHan checks rune
// by rune.
func isHan(r rune) bool {
	return 0x4E00 <= r && r <= 0x9FFF
}
