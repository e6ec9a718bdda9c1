package structure

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// numbering styles that open a paragraph.
type numStyle int

const (
	numNone    numStyle = iota
	numCNComma          // 一、
	numArticle          // 第一条
	numArabic           // 1. 1、 1．
	numParen            // （一） (1)
	numLetter           // (a) a)
	numRoman            // I. XII.
	numChapter          // 第一章: over articles, a heading; alone, the articles' style
)

// marker is a numbering or list marker found at the start of a line.
type marker struct {
	Style  numStyle
	Number int    // the number it gives, 0 for list markers
	Text   string // the marker as written, without trailing spaces
	Label  string // the number as written (一, 12)
	Rest   string // the line after the marker
}

var listMarkers = []string{"——", "—", "－－", "--", "•", "●", "▪", "■", "◆", "○", "·", "-", "*", "–"}

// readMarker recognises the numbering or list marker that opens a line.
// It reads the first ten characters of the line into arrays on the stack:
// a line of valid UTF-8 (every line of a text, splitLines) costs no
// allocation; a head with invalid bytes is read over its runes
// (readMarkerRunes), as it always was.
func readMarker(line string) (marker, bool) {
	var rs [10]rune
	var at [11]int // byte offset of rs[k] in line; at[n] ends the head
	n := 0
	for i := 0; n < len(rs) && i < len(line); n++ {
		r, w := runeAt(line, i)
		if r == utf8.RuneError && w == 1 {
			return readMarkerRunes(line)
		}
		rs[n], at[n] = r, i
		i += w
		at[n+1] = i
	}
	rest := func(k int) string { return trimLead(line[at[k]:]) }
	// 一、 十二、
	i := 0
	for i < n && i < 4 && isNumeralRune(rs[i]) && !(rs[i] >= '0' && rs[i] <= '9') && !(rs[i] >= '０' && rs[i] <= '９') {
		i++
	}
	if i > 0 && i < n && (rs[i] == '、' || rs[i] == '．') {
		if v, ok := parseCNNumber(line[:at[i]]); ok && v > 0 {
			return marker{Style: numCNComma, Number: v, Text: line[:at[i+1]], Label: line[:at[i]], Rest: rest(i + 1)}, true
		}
	}
	// 第一条 第1条
	if n > 2 && rs[0] == '第' {
		j := 1
		for j < n && j < 6 && isNumeralRune(rs[j]) {
			j++
		}
		if j > 1 && j < n && (rs[j] == '条' || rs[j] == '章') {
			if v, ok := parseCNNumber(line[at[1]:at[j]]); ok && v > 0 {
				return marker{Style: articleOrChapter(rs[j]), Number: v, Text: line[:at[j+1]], Label: line[at[1]:at[j]], Rest: rest(j + 1)}, true
			}
		}
	}
	// 1. 1、 12．  (not 2019年, not 1.5)
	j := 0
	for j < n && j < 3 && ((rs[j] >= '0' && rs[j] <= '9') || (rs[j] >= '０' && rs[j] <= '９')) {
		j++
	}
	if j > 0 && j < n && (rs[j] == '.' || rs[j] == '、' || rs[j] == '．') && (j+1 == n || !(rs[j+1] >= '0' && rs[j+1] <= '9')) {
		if v, ok := parseDigits(line[:at[j]]); ok && v > 0 {
			return marker{Style: numArabic, Number: v, Text: line[:at[j+1]], Label: line[:at[j]], Rest: rest(j + 1)}, true
		}
	}
	// （一） (1) （1）
	if n > 2 && (rs[0] == '（' || rs[0] == '(') {
		k := 1
		for k < n && k < 5 && isNumeralRune(rs[k]) {
			k++
		}
		if k > 1 && k < n && (rs[k] == '）' || rs[k] == ')') {
			if v, ok := parseCNNumber(line[at[1]:at[k]]); ok && v > 0 {
				return marker{Style: numParen, Number: v, Text: line[:at[k+1]], Label: line[at[1]:at[k]], Rest: rest(k + 1)}, true
			}
		}
		// (a)
		if rs[1] >= 'a' && rs[1] <= 'z' && (rs[2] == '）' || rs[2] == ')') {
			return marker{Style: numLetter, Number: int(rs[1]-'a') + 1, Text: line[:at[3]], Label: line[at[1]:at[2]], Rest: rest(3)}, true
		}
	}
	return readOtherMarker(line)
}

// readOtherMarker recognises the markers of spaced scripts and the list
// markers, which readMarker and readMarkerRunes share.
func readOtherMarker(line string) (marker, bool) {
	if m, ok := readLatinMarker(line); ok {
		return m, true
	}
	for _, m := range listMarkers {
		if strings.HasPrefix(line, m) {
			rest := line[len(m):]
			// "-" and "*" need a space after them, or they are part of the text.
			if (m == "-" || m == "*" || m == "–") && !strings.HasPrefix(rest, " ") {
				continue
			}
			// a dash followed by a digit is a minus or a range, not a marker
			if r, _ := utf8.DecodeRuneInString(rest); r >= '0' && r <= '9' && len(m) == 1 {
				continue
			}
			for strings.HasPrefix(rest, m) { // ———— as one marker
				rest = rest[len(m):]
			}
			return marker{Style: numNone, Text: line[:len(line)-len(rest)], Rest: trimLead(rest)}, true
		}
	}
	return marker{}, false
}

// readMarkerRunes is readMarker over the runes of a head with invalid
// bytes, which decode to U+FFFD each.
func readMarkerRunes(line string) (marker, bool) {
	// a marker is short: read only the head of the line
	head := line
	if i := byteIndexOfRune(line, 10); i >= 0 {
		head = line[:i]
	}
	rs := []rune(head)
	n := len(rs)
	rest := func(k int) string { return trimLead(line[len(string(rs[:k])):]) }
	// 一、 十二、
	i := 0
	for i < n && i < 4 && isNumeralRune(rs[i]) && !(rs[i] >= '0' && rs[i] <= '9') && !(rs[i] >= '０' && rs[i] <= '９') {
		i++
	}
	if i > 0 && i < n && (rs[i] == '、' || rs[i] == '．') {
		if v, ok := parseCNNumber(string(rs[:i])); ok && v > 0 {
			return marker{Style: numCNComma, Number: v, Text: string(rs[:i+1]), Label: string(rs[:i]), Rest: rest(i + 1)}, true
		}
	}
	// 第一条 第1条
	if n > 2 && rs[0] == '第' {
		j := 1
		for j < n && j < 6 && isNumeralRune(rs[j]) {
			j++
		}
		if j > 1 && j < n && (rs[j] == '条' || rs[j] == '章') {
			if v, ok := parseCNNumber(string(rs[1:j])); ok && v > 0 {
				return marker{Style: articleOrChapter(rs[j]), Number: v, Text: string(rs[:j+1]), Label: string(rs[1:j]), Rest: rest(j + 1)}, true
			}
		}
	}
	// 1. 1、 12．  (not 2019年, not 1.5)
	j := 0
	for j < n && j < 3 && ((rs[j] >= '0' && rs[j] <= '9') || (rs[j] >= '０' && rs[j] <= '９')) {
		j++
	}
	if j > 0 && j < n && (rs[j] == '.' || rs[j] == '、' || rs[j] == '．') && (j+1 == n || !(rs[j+1] >= '0' && rs[j+1] <= '9')) {
		if v, ok := parseDigits(string(rs[:j])); ok && v > 0 {
			return marker{Style: numArabic, Number: v, Text: string(rs[:j+1]), Label: string(rs[:j]), Rest: rest(j + 1)}, true
		}
	}
	// （一） (1) （1）
	if n > 2 && (rs[0] == '（' || rs[0] == '(') {
		k := 1
		for k < n && k < 5 && isNumeralRune(rs[k]) {
			k++
		}
		if k > 1 && k < n && (rs[k] == '）' || rs[k] == ')') {
			if v, ok := parseCNNumber(string(rs[1:k])); ok && v > 0 {
				return marker{Style: numParen, Number: v, Text: string(rs[:k+1]), Label: string(rs[1:k]), Rest: rest(k + 1)}, true
			}
		}
		// (a)
		if rs[1] >= 'a' && rs[1] <= 'z' && (rs[2] == '）' || rs[2] == ')') {
			return marker{Style: numLetter, Number: int(rs[1]-'a') + 1, Text: string(rs[:3]), Label: string(rs[1]), Rest: rest(3)}, true
		}
	}
	return readOtherMarker(line)
}

// byteIndexOfRune returns the byte offset of the n-th rune of s, or -1 when
// s is shorter.
func byteIndexOfRune(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return -1
}

// articleOrChapter is the style of 第N条 (an article) or 第N章 (a chapter),
// by the word after the number.
func articleOrChapter(r rune) numStyle {
	if r == '章' {
		return numChapter
	}
	return numArticle
}

func (m marker) id() string { return strconv.Itoa(m.Number) }
