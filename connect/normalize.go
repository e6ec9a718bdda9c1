package connect

import (
	"unicode"

	"github.com/entente/entente"
)

// key is the form in which two written names count as the same name
// (entente.NameKey).
func key(name string) string { return entente.NameKey(name) }

// isHan reports whether every letter of s is a Han character (digits and
// punctuation aside): a Chinese name, whose short forms keep some of its
// characters in order.
func isHan(s string) bool {
	han := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han = true
		case unicode.IsLetter(r):
			return false
		}
	}
	return han
}
