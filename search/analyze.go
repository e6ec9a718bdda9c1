// Package search is the text analyzer that both databases index with: it
// turns a sentence into index tokens, a user's query into the same tokens,
// and finds what a query matched in a sentence, in characters of the text,
// for highlighting.
//
// Chinese has no spaces and a dictionary segmenter is large and slow, so a
// run of Han (or kana, hangul) characters is indexed as its overlapping
// bigrams and its last character: every character of the run begins one
// token. A query of two characters is one bigram, a longer one all of its
// bigrams (the analyzer then checks they stand in a row), and a query of
// one character a prefix lookup of the tokens that begin with it. Indexing
// the single characters too would double the index for the rare query of
// one character. Other
// words are folded (lowercase, Cyrillic to Latin, no diacritics) and
// English word forms reduced to their Snowball stem. The databases only
// store and look up these tokens; they split them at spaces and change
// nothing, so SQLite and PostgreSQL see the same terms.
package search

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Analyzer names the tokens this package produces. A store records it
// with its index and rebuilds the index when it changes, so it must change
// whenever Tokens would give other tokens for some text.
const Analyzer = "entente-bigram-last/2"

// MaxTokens bounds the tokens one text yields: PostgreSQL records word
// positions up to 16383, and SQLite is held to the same bound so that both
// index the same tokens of an overlong sentence.
const MaxTokens = 16383

// maxWordBytes bounds a word's token (longer words are cut at a character
// boundary), so that no sentence's index row can reach PostgreSQL's limits on
// a lexeme (2 kB) or a tsvector (1 MB).
const maxWordBytes = 40

// unit is what the scanner reads: a word, or a run of CJK characters.
type unit struct {
	word       string // the folded, stemmed word; empty for a CJK run
	runes      []rune // a CJK run's characters
	pos        []int  // the offset in characters of each of runes
	start, end int    // the characters of the text the unit covers
}

func (u *unit) isRun() bool { return u.runes != nil }

// class is what a character does to tokens.
type class uint8

const (
	separator class = iota
	letter          // part of a word
	cjk             // part of a CJK run
	ignorable       // combining marks and format characters: they neither join nor split
)

// classify is classifyRune through a table for the Basic Multilingual
// Plane, built on first use: CJK punctuation and other characters outside
// the common ideographs otherwise cost a search of several Unicode tables
// each, and search classifies every character of thousands of candidate
// sentences per query.
func classify(r rune) class {
	if r < 0x10000 {
		return bmpClasses()[r]
	}
	return classifyRune(r)
}

var bmpClasses = sync.OnceValue(func() *[0x10000]class {
	var t [0x10000]class
	for r := range rune(len(t)) {
		t[r] = classifyRune(r)
	}
	return &t
})

// classifyRune says what a character does to tokens.
func classifyRune(r rune) class {
	if r < 0x80 {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
			return letter
		}
		return separator
	}
	if 0x4E00 <= r && r <= 0x9FFF {
		return cjk // the common ideographs, the bulk of Chinese text
	}
	switch {
	case isCJK(r):
		return cjk
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return letter
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc, unicode.Cf):
		return ignorable
	}
	return separator
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// scan calls fn for each unit of text in order. fn must not keep u's
// slices: the scanner reuses them.
func scan(text string, fn func(u *unit)) {
	var (
		u      unit
		buf    []byte // the folded word being read
		inWord bool
		runes  []rune
		pos    []int
		i      int
	)
	endWord := func() {
		if !inWord {
			return
		}
		inWord = false
		if len(buf) == 0 {
			return // only letters that fold to nothing (ъ, ь)
		}
		u.word, u.runes, u.pos = stem(buf), nil, nil
		fn(&u)
	}
	endRun := func() {
		if len(runes) == 0 {
			return
		}
		u.word, u.runes, u.pos = "", runes, pos
		u.start, u.end = pos[0], pos[len(pos)-1]+1
		fn(&u)
		runes, pos = runes[:0], pos[:0]
	}
	for _, r := range text {
		switch classify(r) {
		case letter:
			endRun()
			if !inWord {
				inWord, buf, u.start = true, buf[:0], i
			}
			buf = appendFolded(buf, r)
			u.end = i + 1
		case cjk:
			endWord()
			runes, pos = append(runes, r), append(pos, i)
		case ignorable:
			if inWord {
				u.end = i + 1 // a mark after a word's last letter belongs to it
			}
		default:
			endWord()
			endRun()
		}
		i++
	}
	endWord()
	endRun()
}

// stem returns the index term of a folded word: English words (plain ASCII
// letters) reduced to their Snowball stem, every word cut to maxWordBytes.
func stem(b []byte) string {
	if len(b) > maxWordBytes {
		n := maxWordBytes
		for n > 0 && !utf8.RuneStart(b[n]) {
			n--
		}
		b = b[:n]
	}
	if len(b) < 3 || !asciiLetters(b) {
		return string(b)
	}
	return english.Stem(string(b), false)
}

func asciiLetters(b []byte) bool {
	for _, c := range b {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// Tokens returns the index tokens of text, in order: each word's term, and
// for each CJK run its overlapping bigrams followed by its last character
// (a run of one character is that character). At most MaxTokens are
// returned.
func Tokens(text string) []string {
	var out []string
	scan(text, func(u *unit) {
		if len(out) >= MaxTokens {
			return
		}
		if !u.isRun() {
			out = append(out, u.word)
			return
		}
		for j := 0; j+1 < len(u.runes); j++ {
			out = append(out, string(u.runes[j:j+2]))
		}
		out = append(out, string(u.runes[len(u.runes)-1]))
	})
	if len(out) > MaxTokens {
		out = out[:MaxTokens]
	}
	return out
}

// Join returns the tokens of text joined by single spaces, the form SQLite's
// full-text index reads.
func Join(tokens []string) string { return strings.Join(tokens, " ") }
