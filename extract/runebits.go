package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/entente/entente/lexicon"
)

// runeBits is the union of several matchers' first-rune tests
// (lexicon.Matcher.Starts): a rule that asks of each character whether
// any of several tables has a word there tests one bit instead of one per
// table. Starts reads a character's low sixteen bits only, so the union is
// built over those and answers as the tables would for any rune.
type runeBits [1 << 16 / 64]uint64

func unionStarts(ms ...*lexicon.Matcher) *runeBits {
	b := new(runeBits)
	for r := rune(0); r < 1<<16; r++ {
		for _, m := range ms {
			if m.Starts(r) {
				b[r>>6] |= 1 << (r & 63)
				break
			}
		}
	}
	return b
}

// has reports whether one of the tables may have a word starting with r.
func (b *runeBits) has(r rune) bool {
	return b[uint32(r)>>6&1023]&(1<<(uint32(r)&63)) != 0
}

// runeMask is a 64-bit summary of the characters of a short text: bit
// r%64 of each. A word whose mask has a bit the text's lacks is not in the
// text, so a rule that looks for any of a list of words in a name tests
// each word's mask before it searches (the name's mask is one pass over
// its runes; a word's is made once, with its list).
type runeMask uint64

func maskOfRunes(rs []rune) runeMask {
	var m runeMask
	for _, r := range rs {
		m |= 1 << (uint32(r) & 63)
	}
	return m
}

func maskOf(s string) runeMask {
	var m runeMask
	for _, r := range s {
		m |= 1 << (uint32(r) & 63)
	}
	return m
}

// maskedWords is a list of words with the mask of each (maskOf).
type maskedWords struct {
	words []string
	masks []runeMask
}

func newMaskedWords(words []string) maskedWords {
	mw := maskedWords{words: words, masks: make([]runeMask, len(words))}
	for i, w := range words {
		if utf8.ValidString(w) { // an invalid word's bytes may decode otherwise in a text: searched always (mask 0)
			mw.masks[i] = maskOf(w)
		}
	}
	return mw
}

// bmpSet is a set of characters: a bit for each of the Basic Multilingual
// Plane, where the genre's characters are, and a map for the rest.
type bmpSet struct {
	bits  runeBits
	other map[rune]bool
}

func newBMPSet(list []rune) *bmpSet {
	s := &bmpSet{}
	for _, r := range list {
		if r >= 0 && r < 1<<16 {
			s.bits[r>>6] |= 1 << (r & 63)
			continue
		}
		if s.other == nil {
			s.other = map[rune]bool{}
		}
		s.other[r] = true
	}
	return s
}

func (s *bmpSet) has(r rune) bool {
	if uint32(r) < 1<<16 {
		return s.bits[r>>6]&(1<<(r&63)) != 0
	}
	return s.other[r]
}

// inside reports whether any of the words is in s, whose mask is sm
// (maskOf(s)): strings.Contains for each word whose characters s may hold.
func (mw *maskedWords) inside(s string, sm runeMask) bool {
	for k, w := range mw.words {
		if mw.masks[k]&^sm == 0 && strings.Contains(s, w) {
			return true
		}
	}
	return false
}
