package extract

import "unicode/utf8"

// phraseIndex tells, for each word of a sentence, which of a reader's
// phrase tables may have a phrase opening at it. A sentence is read by
// some twenty tables (cues, areas, countries, offices, entities…), and
// most of its words open a phrase of none: one look-up of a word's key and
// heads here, when the sentence is tokenized, replaces a look-up per table,
// and each table then tests one bit per word (word.opens).
type phraseIndex struct {
	wordTable[indexEntry] // the tables a word's key opens, by key
	// nonPunct marks the tables with a suffix pattern as a first word (any
	// word but a mark may open one), always those with a placeholder
	nonPunct, always uint64
	stemLen          [4]bool // the lengths, in characters, of stem keys
	tables           []*phraseMatcher
	sets             []*keyWords
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
		pm.bit = bit
		for _, p := range pm.phrases {
			switch first := p.words[0]; first.kind {
			case patExact:
				ix.entry(first.text).exact |= bit
			case patPrefix:
				k := cutRunes(first.text, 3)
				ix.entry(k).head |= bit
				ix.stemLen[utf8.RuneCountInString(k)] = true
			case patSuffix:
				ix.nonPunct |= bit
			default:
				ix.always |= bit
			}
		}
	}
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
			m |= ix.nonPunct
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
}
