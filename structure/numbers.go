package structure

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

var cnDigits = map[rune]int{
	'〇': 0, '零': 0, 'Ｏ': 0, 'O': 0, '○': 0,
	'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

// parseCNNumber reads a number written in Chinese numerals (十二, 二十八,
// 一百零五) or Arabic digits, full-width included. ok is false when s is not
// a number.
func parseCNNumber(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	if n, ok := parseDigits(s); ok {
		return n, true
	}
	total, section, digit, seen := 0, 0, -1, false
	for _, r := range s {
		switch {
		case r == '十':
			if digit < 0 {
				digit = 1
			}
			section += digit * 10
			digit, seen = -1, true
		case r == '百':
			if digit < 0 {
				digit = 1
			}
			section += digit * 100
			digit, seen = -1, true
		case r == '千':
			if digit < 0 {
				digit = 1
			}
			section += digit * 1000
			digit, seen = -1, true
		default:
			d, ok := cnDigits[r]
			if !ok {
				return 0, false
			}
			if d == 0 {
				digit = -1
			} else {
				digit = d
			}
			seen = true
		}
	}
	if digit > 0 {
		section += digit
	}
	total += section
	return total, seen
}

// parseDigits reads Arabic digits, full-width included.
func parseDigits(s string) (int, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		default:
			return 0, false
		}
	}
	if b.Len() == 0 || b.Len() > 9 {
		return 0, false
	}
	n, err := strconv.Atoi(b.String())
	return n, err == nil
}

// parseCNYear reads a year written digit by digit (二〇二四, 2024).
func parseCNYear(s string) (int, bool) {
	if n, ok := parseDigits(s); ok {
		return n, true
	}
	if utf8.RuneCountInString(s) != 4 {
		return 0, false
	}
	n := 0
	for _, r := range s {
		d, ok := cnDigits[r]
		if !ok {
			return 0, false
		}
		n = n*10 + d
	}
	return n, true
}

func isNumeralRune(r rune) bool {
	_, cn := cnDigits[r]
	return cn || r == '十' || r == '百' || (r >= '0' && r <= '9') || (r >= '０' && r <= '９')
}
