package search

import (
	"strings"
	"unicode/utf8"

	"github.com/entente/entente"
)

// Marks returns what query matched in text: the characters of each
// occurrence of its terms, in order, merged where they overlap or touch.
// Both stores mark their hits with it, so highlighting is the same on both.
func Marks(text, query string) []entente.Span {
	return Query(query).Match(text).Marks
}

// Highlight returns text with each marked span wrapped in [[ and ]]. Marks
// must be ordered and not overlap, as Marks returns them; spans outside the
// text are cut to it.
func Highlight(text string, marks []entente.Span) string {
	if len(marks) == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text) + 4*len(marks))
	m, i := 0, 0 // the next mark; the character offset of r
	open := false
	for k := 0; k < len(text); {
		_, size := utf8.DecodeRuneInString(text[k:])
		if open && i >= marks[m].End {
			b.WriteString("]]")
			open = false
			m++
		}
		for !open && m < len(marks) && marks[m].End <= i {
			m++ // empty, or behind an overlapping one
		}
		if !open && m < len(marks) && marks[m].Start <= i {
			b.WriteString("[[")
			open = true
		}
		// the bytes as they are, so that invalid UTF-8 passes unchanged
		b.WriteString(text[k : k+size])
		k += size
		i++
	}
	if open {
		b.WriteString("]]")
	}
	return b.String()
}
