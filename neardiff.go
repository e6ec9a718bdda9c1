package entente

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TextDifference is one way a near-duplicate source's text differs from its
// version's: what each has before the common body (a dateline, a header),
// after it (a footer), or, inside it, marks that differ (half-width for
// full-width punctuation), with how often.
type TextDifference struct {
	Where  string `json:"where" enum:"start,end,body"`
	Stored string `json:"stored"` // the version's text there ("" for nothing)
	Source string `json:"source"` // the source's text there
	Count  int    `json:"count"`  // places where it occurs (1 at the start or the end)
}

// maxShownDifference bounds the text a difference quotes, in bytes.
const maxShownDifference = 600

// maxBodyDifferences bounds the kinds of marks listed for a body.
const maxBodyDifferences = 20

// TextDifferences lists how source differs from stored, two texts NearSame
// found to be one statement; nil when it did not.
func TextDifferences(stored, source string) []TextDifference {
	m, ok := NearSame(stored, source)
	if !ok {
		return nil
	}
	var out []TextDifference
	if s, t := strings.TrimSpace(stored[:m.StoredStart]), strings.TrimSpace(source[:m.SourceStart]); s != t {
		out = append(out, TextDifference{Where: "start", Stored: clip(s), Source: clip(t), Count: 1})
	}
	// Inside the body the letters and digits are the same, one for one: what
	// lies between two of them (marks, spaces) is compared, spaces aside.
	a, b := nearNormal(stored[m.StoredStart:m.StoredEnd]), nearNormal(source[m.SourceStart:m.SourceEnd])
	body := map[[2]string]int{}
	var order [][2]string
	for i := 1; i < len(a) && i < len(b); i++ {
		s := marks(stored[m.StoredStart+a[i-1].off : m.StoredStart+a[i].off])
		t := marks(source[m.SourceStart+b[i-1].off : m.SourceStart+b[i].off])
		if s == t {
			continue
		}
		k := [2]string{s, t}
		if body[k] == 0 {
			order = append(order, k)
		}
		body[k]++
	}
	// The marks that close the body (its last full stop) are the body's.
	sm, s := splitMarks(stored[m.StoredEnd:])
	tm, t := splitMarks(source[m.SourceEnd:])
	if sm != tm {
		k := [2]string{sm, tm}
		if body[k] == 0 {
			order = append(order, k)
		}
		body[k]++
	}
	for _, k := range order {
		if len(out) >= maxBodyDifferences+1 {
			break
		}
		out = append(out, TextDifference{Where: "body", Stored: clip(k[0]), Source: clip(k[1]), Count: body[k]})
	}
	if s != t {
		out = append(out, TextDifference{Where: "end", Stored: clip(s), Source: clip(t), Count: 1})
	}
	return out
}

// marks is what lies between two letters or digits, without white space
// and without the first letter's own bytes.
func marks(between string) string {
	_, size := utf8.DecodeRuneInString(between)
	between = between[size:]
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' {
			return -1
		}
		return r
	}, between)
}

// splitMarks splits the text after a body into the marks that close it
// (white space aside) and the rest, trimmed: a footer.
func splitMarks(tail string) (string, string) {
	i := strings.IndexFunc(tail, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r) || isOpening(r)
	})
	if i < 0 {
		i = len(tail)
	}
	closing := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, tail[:i])
	return closing, strings.TrimSpace(tail[i:])
}

// isOpening reports a mark that opens a footer's text (【打印】, (完)).
func isOpening(r rune) bool {
	return unicode.Is(unicode.Ps, r) || unicode.Is(unicode.Pi, r)
}

// clip shortens a quoted difference to maxShownDifference bytes, on a
// character boundary, with an ellipsis.
func clip(s string) string {
	if len(s) <= maxShownDifference {
		return s
	}
	i := maxShownDifference
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}
