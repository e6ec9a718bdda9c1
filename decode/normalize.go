package decode

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// normalize gives every result the same shape, whatever it was read from:
// NFC (Serbian č arrives as c + combining caron from some editors), "\n"
// line ends, no control characters but "\n" and "\t" (NUL padding, form
// feeds, C1 controls from mis-set code pages), no byte-order marks inside
// the text, no trailing spaces, and at most one blank line in a row. Lines
// are not joined: line breaks carry layout the parser downstream reads.
func normalize(s string) string {
	s = strings.NewReplacer("\r\n", "\n", "\u2029", "\n\n").Replace(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\r', r == '\u0085', r == '\u2028':
			return '\n'
		case r == '\n', r == '\t':
			return r
		case unicode.IsControl(r), r == '\ufeff':
			return -1
		}
		return r
	}, s)
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	blank := false
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if line == "" {
			blank = b.Len() > 0
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
			if blank {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(line)
	}
	return b.String()
}
