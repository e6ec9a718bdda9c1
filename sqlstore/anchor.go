package sqlstore

import (
	"unicode/utf8"

	"github.com/entente/entente"
)

// A sentence's anchor names it across re-extractions: its version, its
// section, the sha256 of its text with white space collapsed, and its
// occurrence among equal texts of the section. Commitments, corrections
// and statuses hold the hash as 64 hex characters; a sentence row holds
// it as 32 bytes in anchor_sha256 (migration 0025), or, written before
// and not lowercase hex, as text in text_sha256; the other column is
// empty.

// anchorSQL is the SQL of the anchor hash, as hex text, of the sentence
// row aliased alias: one of the two columns is empty (SQLite's hex of
// NULL is empty, PostgreSQL's NULL, hence the coalesce), and PostgreSQL
// has SQLite's hex() from migration 0025.
func anchorSQL(alias string) string {
	return "(" + alias + ".text_sha256 || coalesce(lower(hex(" + alias + ".anchor_sha256)), ''))"
}

// appendCollapsed appends s with its white space collapsed, as the anchor
// hashes it: the same bytes as strings.Join(strings.Fields(s), " ") (runs
// of unicode.IsSpace as one space, none at either end, every other byte
// as it is), into dst, which a caller reuses from sentence to sentence
// (the slice of fields and the joined copy were a fifth of preparing a
// batch's sentences).
func appendCollapsed(dst []byte, s string) []byte {
	space, field := false, false // a space is owed before the next field; a field was written
	for i := 0; i < len(s); {
		c := s[i]
		var isSpace bool
		size := 1
		if c < utf8.RuneSelf {
			isSpace = c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			isSpace = entente.IsSpace(r) // unicode.IsSpace, quicker for the genre's runes
		}
		if isSpace {
			space = true
		} else {
			if space && field {
				dst = append(dst, ' ')
			}
			space, field = false, true
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}
