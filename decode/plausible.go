package decode

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Mojibake checks. A text in one encoding read as another often decodes
// without a single invalid byte, and would be stored as gibberish that no
// search finds. These checks measure what real text does not do, on the
// text Decode is about to return (plain text and HTML; DOCX and PDF carry
// Unicode and are not read through a code page):
//
//   - UTF-8 read as Latin-1 or Windows-1252 and saved again ("å\u008f\u008c"
//     for 双): the text, written back in Windows-1252, is UTF-8 with
//     multi-byte characters (at least three, and twice as many as stray
//     bytes); real Western text written back has é, ü standing alone,
//     which are never valid UTF-8.
//   - unlikely characters: C1 controls, private-use and unassigned code
//     points, U+FFFD, and the code-page symbols that real prose hardly uses
//     (¤ ¦ ¨ ¬ ¯ ´ ¸ ‰ ‹ › and the like): more than 2% of the non-space
//     characters is mojibake.
//   - a text read through a single-byte code page (the Serbian ones, or
//     what chardet proposes) with no word spaces: every language written in
//     those code pages separates words, and Chinese read through one comes
//     out as a run of letters and symbols without a space.
const (
	unlikelyShare = 0.02
	mojibakeMin   = 4 // non-ASCII characters below which no check decides
)

// singleByte reports whether enc is a single-byte code page.
func singleByte(enc string) bool {
	switch enc {
	case "utf-8", "utf-16le", "utf-16be", "gb18030", "big5", "euc-jp", "euc-kr", "shift_jis", "iso-2022-jp":
		return false
	}
	return true
}

// checkMojibake refuses text that measures as mis-decoded.
func checkMojibake(name, text, enc string) error {
	nonASCII, nonSpace, spaces, unlikely := 0, 0, 0, 0
	for _, r := range text {
		switch {
		case r == ' ' || r == '\u3000':
			spaces++
			continue
		case unicode.IsSpace(r):
			continue
		}
		nonSpace++
		if r < utf8.RuneSelf {
			continue
		}
		nonASCII++
		if isUnlikely(r) {
			unlikely++
		}
	}
	if nonASCII < mojibakeMin {
		return nil
	}
	if doubleUTF8(text) {
		return fail(name, ErrUndecodable, "mis-encoded: UTF-8 text that was read as Windows-1252 or Latin-1 and saved again (mojibake); save the original as UTF-8")
	}
	if float64(unlikely) > unlikelyShare*float64(nonSpace) {
		return fail(name, ErrUndecodable, "mis-encoded: read as %s, %d of its %d characters are control, private-use or code-page symbols (mojibake); save it as UTF-8 or give its charset", enc, unlikely, nonSpace)
	}
	if singleByte(enc) && spaces*30 < nonSpace {
		return fail(name, ErrUndecodable, "mis-encoded: read as %s it has no word spaces (a Chinese text in the wrong encoding?); save it as UTF-8 or give its charset", enc)
	}
	return nil
}

// isUnlikely reports the characters that mark mojibake in prose.
func isUnlikely(r rune) bool {
	switch {
	case r == utf8.RuneError, r >= 0x80 && r < 0xa0, unicode.Is(unicode.Co, r):
		return true
	case !unicode.IsPrint(r) && !unicode.Is(unicode.Cf, r):
		return true // unassigned
	}
	switch r {
	case '¤', '¦', '¨', '¬', '¯', '´', '¸', '¹', '³', '²', '¾', '¼', '½', 'µ', '¶', '‰', '‹', '›', 'ˆ', '˜', '\u00ad', 'Ÿ', 'ƒ', '†', '‡', '№', 'Ѓ', 'ѓ', 'Ґ', 'ґ':
		return true
	}
	return false
}

// doubleUTF8 reports whether text, written back in Windows-1252 (Latin-1
// for the five bytes Windows-1252 leaves undefined), is UTF-8 with
// multi-byte characters.
func doubleUTF8(text string) bool {
	enc := charmap.Windows1252.NewEncoder()
	var b []byte
	for _, r := range text {
		switch {
		case r < 0x80:
			b = append(b, byte(r))
		case r < 0x100:
			b = append(b, byte(r))
		default:
			out, err := enc.String(string(r))
			if err != nil || len(out) != 1 {
				return false // a character no single byte stands for: not this mojibake
			}
			b = append(b, out[0])
		}
	}
	good, bad := 0, 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			good++
		}
		b = b[n:]
	}
	return good >= 3 && good >= 2*bad
}
