package extract

import (
	"strings"
	"unicode/utf8"
)

// phraseIndex tells, for each word of a sentence, which of a reader's
// phrase tables may have a phrase opening at it. A sentence is read by
// some twenty tables (cues, areas, countries, offices, entities…), and
// most of its words open a phrase of none: one look-up of a word's key and
// heads here, when the sentence is tokenized, replaces a look-up per table,
// and each table then tests one bit per word (word.opens).
type phraseIndex struct {
	wordTable[indexEntry] // the tables a word's key opens, by key
	// suffixBy lists the suffix patterns that open a phrase (*iće), by
	// their last byte, with the tables they open: a word gets a table's
	// bit only when its key ends so, as the table's own test asks (nil
	// when no table has one)
	suffixBy *[256][]indexSuffix
	// always marks the tables with a placeholder as a first word
	always  uint64
	stemLen [4]bool // the lengths, in characters, of stem keys
	tables  []*phraseMatcher
	sets    []*keyWords
}

// A word's opens holds the bits of tables below setBits and of word sets
// from it, so that one look-up marks both.
const (
	maxTables = 32
	setBits   = 32
	maxSets   = 31
)

// keyWords is a set of word keys ([determiner], [preposition]…) that rules
// ask of words one at a time; a word the reader's index marked answers
// with a bit, any other with a map look-up.
type keyWords struct {
	keys map[string]bool
	bit  uint64
}

func newKeyWords(words []string) *keyWords { return &keyWords{keys: keySet(words)} }

// has reports whether w's key is in the set.
func (s *keyWords) has(w *word) bool {
	if s.bit != 0 && w.opens&markedBit != 0 {
		return w.opens&s.bit != 0
	}
	return s.keys[w.Key]
}

// registerSets gives word sets their bits; words marked after it carry
// their membership.
func (ix *phraseIndex) registerSets(sets ...*keyWords) {
	for _, ws := range sets {
		if len(ix.sets) >= maxSets || ws.bit != 0 {
			continue
		}
		bit := uint64(1) << (setBits + len(ix.sets))
		ix.sets = append(ix.sets, ws)
		ws.bit = bit
		for k := range ws.keys {
			ix.entry(k).exact |= bit
		}
	}
}

// indexSuffix is a suffix pattern opening a phrase of the tables of bits.
type indexSuffix struct {
	text  string
	runes int // its length in characters
	bits  uint64
}

type indexEntry struct {
	exact uint64 // tables with a phrase whose first word is key, and sets holding key
	head  uint64 // tables with a phrase whose first word's stem, cut to three characters, is key
}

// markedBit is set in the opens of every word an index has marked, so
// that a word it has not (made outside a sentence's tokens) is told from
// one that opens no table.
const markedBit = 1 << 63

// register gives a table its bit and indexes the first words of its
// phrases; after it, no phrase may be added to the table. Past maxTables
// tables, a table keeps no bit and is read at every word.
func (ix *phraseIndex) register(pms ...*phraseMatcher) {
	for _, pm := range pms {
		if len(ix.tables) >= maxTables || pm.bit != 0 {
			continue
		}
		bit := uint64(1) << len(ix.tables)
		ix.tables = append(ix.tables, pm)
		pm.bit, pm.need = bit, bit|markedBit
		for _, p := range pm.phrases {
			switch first := p.words[0]; first.kind {
			case patExact:
				ix.entry(first.text).exact |= bit
			case patPrefix:
				k := cutRunes(first.text, 3)
				ix.entry(k).head |= bit
				ix.stemLen[utf8.RuneCountInString(k)] = true
			case patSuffix:
				ix.addSuffix(first.text, bit)
			default:
				ix.always |= bit
			}
		}
	}
}

// addSuffix notes that suffix opens a phrase of the table of bit.
func (ix *phraseIndex) addSuffix(suffix string, bit uint64) {
	if ix.suffixBy == nil {
		ix.suffixBy = new([256][]indexSuffix)
	}
	add := func(b byte) {
		l := ix.suffixBy[b]
		for k := range l {
			if l[k].text == suffix {
				l[k].bits |= bit
				return
			}
		}
		ix.suffixBy[b] = append(l, indexSuffix{text: suffix, runes: utf8.RuneCountInString(suffix), bits: bit})
	}
	if suffix == "" { // ends every key (a suffix folds to a byte at least)
		for b := range 256 {
			add(byte(b))
		}
		return
	}
	add(suffix[len(suffix)-1])
}

// suffixBits returns the bits of the tables a suffix pattern of which
// matches key (phraseMatcher.matches: the key ends so, with three
// characters at least before it).
func (ix *phraseIndex) suffixBits(key string) uint64 {
	if ix.suffixBy == nil || key == "" {
		return 0
	}
	var m uint64
	n := -1
	for _, sf := range ix.suffixBy[key[len(key)-1]] {
		if !strings.HasSuffix(key, sf.text) {
			continue
		}
		if n < 0 {
			n = utf8.RuneCountInString(key)
		}
		if n-sf.runes >= 3 {
			m |= sf.bits
		}
	}
	return m
}

// mark fills the opens of words that tokenize made (hashed).
func (ix *phraseIndex) mark(ws []word) {
	for i := range ws {
		w := &ws[i]
		if !w.hashed {
			continue
		}
		m := ix.always | markedBit
		if e := ix.get(w.Key, w.keyHash); e != nil {
			m |= e.exact
		}
		if !w.Punct {
			m |= ix.suffixBits(w.Key)
			for n := 0; n < 3; n++ {
				if !ix.stemLen[n+1] || (n > 0 && w.headEnd[n] == w.headEnd[n-1]) {
					continue // no stem of this length, or the word is shorter
				}
				if e := ix.get(w.head(n), w.headHash[n]); e != nil {
					m |= e.head
				}
			}
		}
		w.opens = m
	}
	// what the words from each on open, for a table to skip the rest of
	// a sentence at once; a word made elsewhere (not hashed) may open any
	acc := uint64(markedBit)
	for i := len(ws) - 1; i >= 0; i-- {
		if !ws[i].hashed {
			acc = ^uint64(0)
		}
		acc |= ws[i].opens
		ws[i].rest = acc
	}
}
