package structure

import (
	"unicode/utf8"
)

// cnDigit gives the value of a Chinese numeral digit (〇 零 一 … 九, and the
// letters O, Ｏ and ○ written for 〇).
func cnDigit(r rune) (int, bool) {
	switch r {
	case '〇', '零', 'Ｏ', 'O', '○':
		return 0, true
	case '一':
		return 1, true
	case '二', '两':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

// parseCNNumber reads a number written in Chinese numerals (十二, 二十八,
// 一百零五), or digit by digit with no unit (一一四, 一○九: a Minguo year as
// Taiwan's documents write it), or in Arabic digits, full-width included.
// ok is false when s is not a number.
func parseCNNumber(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	if n, ok := parseDigits(s); ok {
		return n, true
	}
	total, section, digit, seen := 0, 0, -1, false
	// the digits read one after another, as a number without units
	// reads: their value while no unit is seen (unit), and how many
	positional, count, unit := 0, 0, false
	for _, r := range s {
		if r == '十' || r == '百' || r == '千' {
			unit = true
		} else if d, ok := cnDigit(r); ok && count < 9 {
			positional, count = positional*10+d, count+1
		}
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
			d, ok := cnDigit(r)
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
	if !unit && count > 1 {
		return positional, true
	}
	if digit > 0 {
		section += digit
	}
	total += section
	return total, seen
}

// parseDigits reads Arabic digits, full-width included: one to nine of
// them, so that the number always fits.
func parseDigits(s string) (int, bool) {
	n, count := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		default:
			return 0, false
		}
		count++
	}
	if count == 0 || count > 9 {
		return 0, false
	}
	return n, true
}

// parseCNYear reads a year written digit by digit (二〇二四, 2024), with
// an Arabic zero typed for 〇 among Chinese digits too (二0一0), as older
// statements on the web often have it.
func parseCNYear(s string) (int, bool) {
	if n, ok := parseDigits(s); ok {
		return n, true
	}
	if utf8.RuneCountInString(s) != 4 {
		return 0, false
	}
	n := 0
	for _, r := range s {
		d, ok := cnDigit(r)
		if r == '0' || r == '０' {
			d, ok = 0, true
		}
		if !ok {
			return 0, false
		}
		n = n*10 + d
	}
	return n, true
}

// ParseYear reads a year written in Arabic digits (2017) or digit by digit
// in Chinese numerals (二〇一七), as a cited instrument's year of signing is
// written before its title.
func ParseYear(s string) (int, bool) { return parseCNYear(s) }

func isNumeralRune(r rune) bool {
	_, cn := cnDigit(r)
	return cn || r == '十' || r == '百' || (r >= '0' && r <= '9') || (r >= '０' && r <= '９')
}
