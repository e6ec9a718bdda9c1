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
// batch's sentences). Each field is copied whole, and a rune is decoded
// only where a space can begin (spaceLead): a Chinese sentence is a few
// copies, where decoding and appending it rune by rune was most of
// preparing its anchor.
func appendCollapsed(dst []byte, s string) []byte {
	field := false // a field was written, so the next one follows a space
	from := -1     // where the field being read began, -1 between fields
	for i := 0; i < len(s); {
		if !spaceLead[s[i]] {
			if from < 0 {
				from = i
			}
			for i++; i < len(s) && !spaceLead[s[i]]; i++ {
			}
			continue
		}
		size := 1
		if s[i] >= utf8.RuneSelf {
			var r rune
			if r, size = utf8.DecodeRuneInString(s[i:]); !entente.IsSpace(r) {
				// a rune that begins as a space can, but is none
				if from < 0 {
					from = i
				}
				i += size
				continue
			}
		}
		if from >= 0 {
			if field {
				dst = append(dst, ' ')
			}
			dst, field, from = append(dst, s[from:i]...), true, -1
		}
		i += size
	}
	if from >= 0 {
		if field {
			dst = append(dst, ' ')
		}
		dst = append(dst, s[from:]...)
	}
	return dst
}

// spaceLead holds the bytes that can begin white space (unicode.IsSpace):
// the ASCII spaces, which are white space, and the first bytes of the
// others in UTF-8, which may be (U+0085 and U+00A0 begin with 0xC2,
// U+1680 with 0xE1, U+2000 to U+205F with 0xE2, U+3000 with 0xE3). Any
// other byte, a continuation byte included, is part of a field:
// strings.Fields decodes from the same places (a byte it cannot decode
// is a rune of its own, never a space), so it finds the same spaces.
var spaceLead = func() (t [256]bool) {
	for _, c := range []byte{'\t', '\n', '\v', '\f', '\r', ' ', 0xC2, 0xE1, 0xE2, 0xE3} {
		t[c] = true
	}
	return t
}()
