package decode

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Punctuation that ends a sentence or introduces what follows, after which
// a PDF line may end its paragraph; and closing marks that may trail it
// ("。”") or wrap onto the next line but never start a paragraph.
const (
	finalPunct   = "。！？；：…!?;:."
	closingMarks = "”’」』）)》〉】]\"'"
	continuers   = closingMarks + "，、。！？；：,;:.!?"
)

// shortLine is the fraction of the document's full line width below which a
// line is taken to end its paragraph: titles, headings, dates and
// signatures, and the last line of a paragraph that ends without
// punctuation.
const shortLine = 0.75

// reflowPDF undoes what pdftotext does to running text. It breaks every
// paragraph into the PDF's lines and, in Chinese, puts spaces around Latin
// letters and digits ("于 2019 年 7 月"). A line joins the next unless it
// ends in sentence-final punctuation or is clearly shorter than a full
// line; a blank line always ends a paragraph. Lines join without a space
// at a CJK character and with one between words; a word hyphenated across
// lines is joined again. Lines that are only a page number are dropped.
func reflowPDF(s string) string {
	lines := strings.Split(s, "\n")
	full := fullLineWidth(lines)
	var (
		paras []string
		cur   strings.Builder
		prev  string
		ended bool
	)
	flush := func() {
		if cur.Len() > 0 {
			paras = append(paras, closeCJKSpaces(cur.String()))
			cur.Reset()
		}
	}
	for _, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			flush()
			ended = false
			continue
		}
		if isPageNumber(line) {
			continue // a page footer between two halves of a paragraph
		}
		if ended && !startsWithAny(line, continuers) {
			flush()
		}
		if cur.Len() == 0 {
			cur.WriteString(line)
		} else {
			joinLine(&cur, prev, line)
		}
		ended = endsParagraph(line, full)
		prev = line
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// joinLine appends next to the paragraph in b, whose last line is prev.
func joinLine(b *strings.Builder, prev, next string) {
	a, _ := utf8.DecodeLastRuneInString(prev)
	c, _ := utf8.DecodeRuneInString(next)
	switch {
	case a == '\u00ad': // soft hyphen: a break opportunity, not text
		trimLast(b, a)
	case a == '-' && unicode.IsLower(c) && letterBeforeLast(prev):
		trimLast(b, a) // "coope-" + "ration"
	case isCJK(a) || isCJK(c):
	default:
		b.WriteByte(' ')
	}
	b.WriteString(next)
}

// trimLast removes the rune r, which b ends with.
func trimLast(b *strings.Builder, r rune) {
	s := b.String()
	s = s[:len(s)-utf8.RuneLen(r)]
	b.Reset()
	b.WriteString(s)
}

// letterBeforeLast reports whether the rune before the last one of s is a letter.
func letterBeforeLast(s string) bool {
	_, n := utf8.DecodeLastRuneInString(s)
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-n])
	return unicode.IsLetter(r)
}

// endsParagraph reports whether a PDF line ends its paragraph.
func endsParagraph(line string, full int) bool {
	core := strings.TrimRight(line, closingMarks)
	if last, _ := utf8.DecodeLastRuneInString(core); core != "" && strings.ContainsRune(finalPunct, last) {
		return true
	}
	return float64(displayWidth(line)) < shortLine*float64(full)
}

// fullLineWidth estimates the width of a full line: the 90th percentile of
// the line widths, so that a few long outliers do not count. 0 (every line
// full) when there are too few lines to tell.
func fullLineWidth(lines []string) int {
	var widths []int
	for _, l := range lines {
		if w := displayWidth(strings.TrimSpace(l)); w > 0 {
			widths = append(widths, w)
		}
	}
	if len(widths) < 3 {
		return 0
	}
	slices.Sort(widths)
	return widths[len(widths)*9/10]
}

// displayWidth counts CJK characters as two columns and others as one,
// which approximates how much of a line's width a run of text takes.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		w++
		if isCJK(r) {
			w++
		}
	}
	return w
}

// closeCJKSpaces removes the spaces pdftotext puts between CJK characters
// and between a CJK character and a Latin letter or digit; Chinese is
// written without them.
func closeCJKSpaces(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	rs := []rune(s)
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		if rs[i] != ' ' || len(out) == 0 {
			out = append(out, rs[i])
			continue
		}
		j := i
		for j < len(rs) && rs[j] == ' ' {
			j++
		}
		if j < len(rs) && cjkGap(out[len(out)-1], rs[j]) {
			i = j - 1
			continue
		}
		out = append(out, rs[i:j]...)
		i = j - 1
	}
	return string(out)
}

// cjkGap reports whether a space between a and b is one Chinese does not write.
func cjkGap(a, b rune) bool {
	latin := func(r rune) bool { return !isCJK(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%') }
	return (isCJK(a) && (isCJK(b) || latin(b))) || (latin(a) && isCJK(b))
}

// isCJK reports whether r is a Chinese or Japanese character or CJK
// punctuation (ideographic and full-width forms). Hangul is left out:
// Korean puts spaces between words.
func isCJK(r rune) bool {
	switch {
	case r < 0x2e80:
		return false
	case r >= 0x3000 && r < 0x3040, r >= 0xff00 && r < 0xffef:
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana)
}

// isPageNumber reports whether a line is a page number as footers print
// them: "3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 5 页", "3 / 5",
// "Page 3", "Page 3 of 5", "Strana 3".
func isPageNumber(line string) bool {
	s := strings.ToLower(strings.Join(strings.Fields(line), ""))
	s = strings.Trim(s, "-–—")
	for _, prefix := range []string{"page", "strana", "стр.", "страна"} {
		s = strings.TrimPrefix(s, prefix)
	}
	if rest, ok := strings.CutPrefix(s, "第"); ok {
		n, tail := leadingDigits(rest)
		return n > 0 && (tail == "页" || (strings.HasPrefix(tail, "页共") && strings.HasSuffix(tail, "页")))
	}
	n, tail := leadingDigits(s)
	if n == 0 || n > 3 {
		return false
	}
	for _, sep := range []string{"/", "of", "od", "од"} {
		if rest, ok := strings.CutPrefix(tail, sep); ok {
			m, end := leadingDigits(rest)
			return m > 0 && end == ""
		}
	}
	return tail == ""
}

// leadingDigits returns how many ASCII digits s starts with, and the rest.
func leadingDigits(s string) (int, string) {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i, s[i:]
}

// startsWithAny reports whether s starts with one of the runes of set.
func startsWithAny(s, set string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(set, r)
}
