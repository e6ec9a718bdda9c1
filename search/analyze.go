// Package search is the text analyzer that both databases index with: it
// turns a sentence into index tokens, a user's query into the same tokens,
// and finds what a query matched in a sentence, in characters of the text,
// for highlighting.
//
// Chinese has no spaces and a dictionary segmenter is large and slow, so a
// run of Han (or kana, hangul) characters is indexed as its overlapping
// bigrams and its last character: every character of the run begins one
// token. A query of two characters is one bigram, a longer one all of its
// bigrams in a row (an index with positions asks for them so; over one
// without, the analyzer checks each candidate's text), and a query of
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
)

// Analyzer names the tokens this package produces. A store records it
// with its index and rebuilds the index when it changes, so it must change
// whenever Tokens would give other tokens for some text.
const Analyzer = "entente-bigram-last/4"

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
	word       string // the folded word reduced by its text's language; empty for a CJK run
	raw        []byte // the folded word before its reduction
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
// slices: the scanner reuses them. Words are reduced by the language the
// whole text reads as (forms.go), so scan reads the text in two passes:
// the units with their folded words, then their reductions.
func scan(text string, fn func(u *unit)) { scanWith(text, nil, fn) }

// stems remembers words' reductions across texts: a search ranks a
// thousand sentences of the same genre, whose words repeat, and the
// Snowball stemmer was most of the cost of counting English hits. Keyed by
// the reduction's language (e or s) and the folded word.
type stems map[string]string

func (c stems) reduce(raw []byte, serbian bool) string {
	if c == nil {
		if serbian {
			return serbianStem(raw)
		}
		return englishStem(raw)
	}
	lang := byte('e')
	if serbian {
		lang = 's'
	}
	var buf [64]byte
	key := append(append(buf[:0], lang), raw...)
	if w, ok := c[string(key)]; ok { // looked up without a copy of key
		return w
	}
	var w string
	if serbian {
		w = serbianStem(raw)
	} else {
		w = englishStem(raw)
	}
	if len(c) < maxStems {
		c[string(key)] = w
	}
	return w
}

// maxStems bounds what one stems remembers.
const maxStems = 1 << 16

// scanWith is scan remembering reductions in c (nil: none).
func scanWith(text string, c stems, fn func(u *unit)) { scanInto(text, c, nil, fn) }

// scanBuffers are the scanner's working slices, kept by a Counter from one
// text to the next: counting a block of a thousand hits allocated them
// anew for each.
type scanBuffers struct {
	units  []unit
	folded []byte
	ends   []int
	runes  []rune
	pos    []int
	rends  []int
}

// scanInto is scanWith reusing b's slices (nil: new ones).
func scanInto(text string, c stems, b *scanBuffers, fn func(u *unit)) {
	if b == nil {
		b = &scanBuffers{}
	}
	var (
		units    = b.units[:0]
		folded   = b.folded[:0] // every word's folded letters, one after the other
		ends     = b.ends[:0]   // where each unit's word ends in folded (a run: where the last word ended)
		runes    = b.runes[:0]  // every run's characters, in Simplified form
		pos      = b.pos[:0]
		rends    = b.rends[:0] // where each unit's run ends in runes
		cur      unit
		inWord   bool
		start    int
		cyr      bool
		runStart = -1
		vote     languageVote
		i        int
	)
	endWord := func() {
		if !inWord {
			return
		}
		inWord = false
		if len(folded) == start {
			return // only letters that fold to nothing (ъ, ь)
		}
		vote.word(folded[start:], cyr)
		units = append(units, cur)
		ends = append(ends, len(folded))
		rends = append(rends, len(runes))
	}
	endRun := func() {
		if runStart < 0 {
			return
		}
		units = append(units, unit{start: pos[runStart], end: pos[len(pos)-1] + 1, runes: []rune{}})
		ends = append(ends, len(folded))
		rends = append(rends, len(runes))
		runStart = -1
	}
	for _, r := range text {
		switch classify(r) {
		case letter:
			endRun()
			if !inWord {
				inWord, start, cyr = true, len(folded), false
				cur = unit{start: i}
			}
			c, l := serbianLetter(r)
			cyr = cyr || c
			vote.letters = vote.letters || l
			folded = appendFolded(folded, r)
			cur.end = i + 1
		case cjk:
			endWord()
			if runStart < 0 {
				runStart = len(runes)
			}
			runes, pos = append(runes, simplified(r)), append(pos, i)
		case ignorable:
			if inWord {
				cur.end = i + 1 // a mark after a word's last letter belongs to it
			}
		default:
			endWord()
			endRun()
		}
		i++
	}
	endWord()
	endRun()
	b.units, b.folded, b.ends, b.runes, b.pos, b.rends = units, folded, ends, runes, pos, rends
	serbian := vote.isSerbian()
	wordFrom, runFrom := 0, 0
	for k := range units {
		u := &units[k]
		if u.runes != nil {
			u.runes, u.pos = runes[runFrom:rends[k]], pos[runFrom:rends[k]]
		} else {
			u.raw = folded[wordFrom:ends[k]]
			u.word = c.reduce(u.raw, serbian)
		}
		wordFrom, runFrom = ends[k], rends[k]
		fn(u)
	}
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
