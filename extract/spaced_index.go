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
	// suffixBy lists the suffix patterns of two bytes or more that open a
	// phrase (*iće), by their last byte, with the tables they open: a word
	// gets a table's bit only when its key ends so, as the table's own test
	// asks (nil when no table has a suffix pattern)
	suffixBy *[256][]indexSuffix
	// suffixShort lists those of one byte (*a) and the empty one, by the
	// byte: they end every key that ends in it, and are kept apart so that
	// a Serbian case ending of one letter, which most words end in, does
	// not send every word through the longer suffixes of its last byte
	suffixShort *[256][]indexSuffix
	// suffixPrev holds, by a suffix's last byte, the bytes that may come
	// before it (every byte for a short suffix): most words that end like
	// a suffix (Serbian -e, -o) do not end like one in two bytes, and are
	// told so without a comparison
	suffixPrev *[256][4]uint64
	// always marks the tables with a placeholder as a first word
	always  uint64
	stemLen [4]bool // the lengths, in characters, of stem keys
	tables  []*phraseMatcher
	sets    []*keyWords
	// exactF and headF hold a bit for the hash of every key of an entry
	// with exact, and with head, bits: most words and heads of a sentence
	// are in neither, and one bit test spares them the table's probe
	exactF, headF indexFilter
}

// indexFilter is a one-hash Bloom filter over key hashes, as keyFilter, of
// a size for the index's keys (some two thousand, from all its tables).
type indexFilter [512]uint64

func (f *indexFilter) add(h uint64)      { f[h>>6&511] |= 1 << (h & 63) }
func (f *indexFilter) has(h uint64) bool { return f[h>>6&511]&(1<<(h&63)) != 0 }

// addExact and addHead give key's entry the bits and note it in the
// filter.
func (ix *phraseIndex) addExact(key string, bits uint64) {
	ix.entry(key).exact |= bits
	ix.exactF.add(keyHash(key))
}

func (ix *phraseIndex) addHead(key string, bits uint64) {
	ix.entry(key).head |= bits
	ix.headF.add(keyHash(key))
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
			ix.addExact(k, bit)
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
			switch first := &pm.pats[p.first]; first.kind {
			case patExact:
				ix.addExact(pm.patText(first), bit)
			case patPrefix:
				k := cutRunes(pm.patText(first), 3)
				ix.addHead(k, bit)
				ix.stemLen[utf8.RuneCountInString(k)] = true
			case patSuffix:
				ix.addSuffix(pm.patText(first), bit)
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
		ix.suffixShort = new([256][]indexSuffix)
		ix.suffixPrev = new([256][4]uint64)
	}
	add := func(b byte) {
		by := ix.suffixBy
		if p := &ix.suffixPrev[b]; len(suffix) < 2 {
			*p = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
			by = ix.suffixShort
		} else {
			c := suffix[len(suffix)-2]
			p[c>>6] |= 1 << (c & 63)
		}
		l := by[b]
		for k := range l {
			if l[k].text == suffix {
				l[k].bits |= bit
				return
			}
		}
		by[b] = append(l, indexSuffix{text: suffix, runes: utf8.RuneCountInString(suffix), bits: bit})
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
	// a key that matches has three characters before the suffix: three
	// bytes at least
	if ix.suffixBy == nil || len(key) < 3 {
		return 0
	}
	last, prev := key[len(key)-1], key[len(key)-2]
	if ix.suffixPrev[last][prev>>6]&(1<<(prev&63)) == 0 {
		return 0 // no suffix ends in these two bytes
	}
	var m uint64
	n := -1
	for _, sf := range ix.suffixShort[last] { // they end key: its last byte is theirs
		if n < 0 {
			n = utf8.RuneCountInString(key)
		}
		if n-sf.runes >= 3 {
			m |= sf.bits
		}
	}
	for _, sf := range ix.suffixBy[last] {
		// the byte before the last first: most of a byte's suffixes
		// differ there, and the comparison is spared
		if sf.text[len(sf.text)-2] != prev || !strings.HasSuffix(key, sf.text) {
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

// headEntryBits returns the tables a stem of w's head n opens, for a head
// that passed the filter (headF): mark tests the filter inline, as most
// heads are in no table.
func (ix *phraseIndex) headEntryBits(w *word, n int) uint64 {
	if e := ix.get(w.head(n), w.headHash[n]); e != nil {
		return e.head
	}
	return 0
}

// mayEndSuffix reports whether key may end in a suffix pattern
// (suffixBits): three bytes at least, and a suffix ends in its last two;
// small enough to be inlined where every word is asked.
func (ix *phraseIndex) mayEndSuffix(key string) bool {
	if ix.suffixBy == nil || len(key) < 3 {
		return false
	}
	last, prev := key[len(key)-1], key[len(key)-2]
	return ix.suffixPrev[last][prev>>6]&(1<<(prev&63)) != 0
}

// mark fills the opens of words that tokenize made (hashed).
func (ix *phraseIndex) mark(ws []word) {
	for i := range ws {
		w := &ws[i]
		if !w.hashed {
			continue
		}
		m := ix.always | markedBit
		w.exactT, w.sufT, w.headT = 0, 0, [3]uint32{}
		if ix.exactF.has(w.keyHash) {
			if e := ix.get(w.Key, w.keyHash); e != nil {
				m |= e.exact
				w.exactT = uint32(e.exact) // (the tables' bits, below setBits)
			}
		}
		if !w.Punct {
			if ix.mayEndSuffix(w.Key) {
				sf := ix.suffixBits(w.Key)
				w.sufT = uint32(sf)
				m |= sf
			}
			// the heads of one, two and three characters where there
			// are stems of that length; a head as long as the one before
			// is the whole word, shorter than the stem. The filter is
			// tested here: most heads are in no table
			if ix.stemLen[1] && ix.headF.has(w.headHash[0]) {
				w.headT[0] = uint32(ix.headEntryBits(w, 0))
			}
			if w.headEnd[1] != w.headEnd[0] {
				if ix.stemLen[2] && ix.headF.has(w.headHash[1]) {
					w.headT[1] = uint32(ix.headEntryBits(w, 1))
				}
				if ix.stemLen[3] && w.headEnd[2] != w.headEnd[1] && ix.headF.has(w.headHash[2]) {
					w.headT[2] = uint32(ix.headEntryBits(w, 2))
				}
			}
			m |= uint64(w.headT[0] | w.headT[1] | w.headT[2])
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
