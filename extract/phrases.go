package extract

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// phraseMatcher finds cue phrases in a tokenized sentence, word by word. A
// phrase is a sequence of word patterns, as written in a cue table:
//
//	agreed to        two words, exactly
//	reaffirm*        a word opening so (reaffirms, reaffirmed): Serbian
//	                 inflection is matched by stems (podržava* finds
//	                 podržavaju, podržavamo)
//	*iće             a word ending so, at least three letters before it (the
//	                 fused Serbian future: nastaviće)
//	strengthen~      the present forms of an English verb (strengthen,
//	                 strengthens, strengthening), not the past
//	{year} {month} {day} {num} {unit}
//	                 a placeholder filled by a class of words (deadlines, dates)
//
// Matching is leftmost-longest over words, so a longer phrase shields the
// shorter cue inside it (will endeavour to, look forward to).
type phraseMatcher struct {
	// first marks the ASCII bytes that open a first word's key, with
	// firstAny set when a first word opens with anything else (or is a
	// suffix or a placeholder): a word opening otherwise starts no phrase
	first    [128]bool
	firstAny bool
	stemLen  [4]bool // the lengths, in characters, of stem keys (three for longer stems)
	// keys maps a first word's key to the phrases it opens exactly, and a
	// stem cut to three letters to the phrases it opens as a stem
	keys      keyTable
	hasPrefix bool
	suffix    []int // phrases whose first word is a suffix pattern
	// suffixBy lists them by the last byte of their suffix (nil when
	// there are none): a word tries only those its key ends like, in
	// the order of suffix
	suffixBy *[256][]int
	holders  []int // phrases opening with a placeholder
	// phrases, their word patterns (pats), the patterns' texts (text),
	// the lists of phrases by first word (links) and their splits by
	// second word (splits, nexts) hold no pointer: numbers into each
	// other, so that the collector, which walks every pointer of the
	// reader's tables on every cycle, skips them (thousands of phrases,
	// a slice and two strings each before)
	phrases []phrase
	pats    []wordPattern
	text    []byte
	links   []link
	splits  []split
	nexts   wordTable[chain] // a split's lists by second word: owner is the split's number+1
	// classes numbers the placeholders' tests (classFns) by name
	classes  map[string]int32
	classFns []func(word) bool
	// holderClass numbers the class of each holder's first word (index
	// into holderTests), so that a word is tested once per class, not once
	// per phrase
	holderClass []int
	holderTests []string
	// exactKeys and prefixKeys hold a bit for the hash of every key of
	// exact and prefix: most words of a sentence open no phrase of a
	// table, and one bit test spares them the map look-ups
	exactKeys, prefixKeys keyFilter
	// bit is the table's bit in a phraseIndex (0 when none): a word the
	// index marked without it opens no phrase here
	bit uint64
	// need is bit with markedBit (0 when no bit): a word whose opens (or
	// rest) holds the mark alone of need opens no phrase of the table
	// (or none from it on)
	need uint64
}

// keyTable maps keys to their phrases (see wordTable).
type keyTable = wordTable[keyEntry]

type keyEntry struct {
	exact  chain // phrases whose first word is key, in order
	prefix chain // phrases whose first word's stem, cut to three letters, is key
	// next splits a long exact list (the: the two sides, the United
	// States…) by the second word, so that a frequent first word tries
	// only the phrases its next word may continue (a number+1 into
	// splits, 0 for none)
	next int32
	// prefixNext splits the prefix list so by the second word's first
	// three characters (republik* srbij*, republik* kin*…: the Serbian
	// names of many countries open with one stem)
	prefixNext int32
}

// chain is a list of phrases in the order they were added: links from
// head to tail (numbers+1 into links, 0 for none), n of them.
type chain struct{ head, tail, n int32 }

// link is a phrase of a chain and the next link (0 ends it), with the
// length in bytes of the phrase's first word and that word's last byte:
// a stem's test (stemMay) without a look at the phrase.
type link struct {
	id, next int32
	firstN   int32
	last     byte
}

// keyFilter is a one-hash Bloom filter over key hashes (keyHash): a clear
// bit says a key is not in the table; a set one says look.
type keyFilter [128]uint64

// split is a list split by second word: the phrases whose second word is
// exact (or opens with a head) are listed in nexts by it, the others
// (one word long, or a stem, suffix or placeholder second) in rest, each
// in the order of the list.
type split struct {
	rest chain
}

// longList is the length from which a list of exact is split by next.
const longList = 4

func (f *keyFilter) add(h uint64)      { f[h>>7&127] |= 1 << (h & 63) }
func (f *keyFilter) has(h uint64) bool { return f[h>>7&127]&(1<<(h&63)) != 0 }

type phrase struct {
	first, n int32 // its word patterns: pats[first:first+n]
	payload  int
}

type patternKind uint8

const (
	patExact patternKind = iota
	patPrefix
	patSuffix
	patClass
)

// wordPattern is a word of a phrase: its text is text[off:off+n] of its
// matcher (a placeholder's class name).
type wordPattern struct {
	kind  patternKind
	runes int32 // a suffix's length in characters
	// class is a placeholder's test, an index into classFns, -1 until
	// both the phrase and the class are known (Add and Class may come in
	// either order)
	class  int32
	off, n int32
}

// patSpec is a word pattern as parsePhrase reads it.
type patSpec struct {
	kind patternKind
	text string
}

func newPhraseMatcher() *phraseMatcher {
	return &phraseMatcher{classes: map[string]int32{}}
}

// patText returns a pattern's text (a copy: for building, not matching).
func (pm *phraseMatcher) patText(p *wordPattern) string { return string(pm.text[p.off : p.off+p.n]) }

// words returns the word patterns of phrase id.
func (pm *phraseMatcher) words(id int) []wordPattern {
	p := &pm.phrases[id]
	return pm.pats[p.first : p.first+p.n]
}

// push appends phrase id to c.
func (pm *phraseMatcher) push(c *chain, id int) {
	l := link{id: int32(id)}
	if q := &pm.pats[pm.phrases[id].first]; q.n > 0 {
		l.firstN, l.last = q.n, pm.text[q.off+q.n-1]
	}
	pm.links = append(pm.links, l)
	at := int32(len(pm.links))
	if c.tail == 0 {
		c.head = at
	} else {
		pm.links[c.tail-1].next = at
	}
	c.tail = at
	c.n++
}

// ids returns the phrases of c, in order (for building, not matching).
func (pm *phraseMatcher) ids(c chain) []int {
	var out []int
	for l := c.head; l != 0; l = pm.links[l-1].next {
		out = append(out, int(pm.links[l-1].id))
	}
	return out
}

// parsePhrase reads a phrase as written in a table into word patterns,
// tokenized as sentences are.
func parsePhrase(s string) [][]patSpec {
	var alts [][]patSpec
	alts = append(alts, nil)
	for _, f := range strings.Fields(s) {
		var pats []patSpec
		switch {
		case strings.HasPrefix(f, "{") && strings.HasSuffix(f, "}"):
			pats = []patSpec{{kind: patClass, text: f[1 : len(f)-1]}}
		case strings.HasSuffix(f, "~") && len(f) > 1:
			base := foldKey(strings.TrimSuffix(f, "~"))
			for _, form := range presentForms(base) {
				pats = append(pats, patSpec{kind: patExact, text: form})
			}
		case strings.HasSuffix(f, "*") && len(f) > 1:
			pats = []patSpec{{kind: patPrefix, text: foldKey(strings.TrimSuffix(f, "*"))}}
		case strings.HasPrefix(f, "*") && len(f) > 1:
			pats = []patSpec{{kind: patSuffix, text: foldKey(strings.TrimPrefix(f, "*"))}}
		default:
			// a written word may be several tokens (U.S.-China, don't):
			// match them one by one
			rs := []rune(f)
			for _, w := range tokenize(rs) {
				k := w.Key
				if w.Punct {
					k = string(rs[w.Start:w.End])
				}
				for i := range alts {
					alts[i] = append(alts[i], patSpec{kind: patExact, text: k})
				}
			}
			continue
		}
		var next [][]patSpec
		for _, a := range alts {
			for _, p := range pats {
				next = append(next, append(append([]patSpec(nil), a...), p))
			}
		}
		alts = next
	}
	return alts
}

// presentForms spells the present forms of an English verb.
func presentForms(base string) []string {
	out := []string{base}
	switch {
	case strings.HasSuffix(base, "s") || strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "ch") || strings.HasSuffix(base, "x") || strings.HasSuffix(base, "z"):
		out = append(out, base+"es")
	case strings.HasSuffix(base, "y") && len(base) > 2 && !strings.ContainsRune("aeiou", rune(base[len(base)-2])):
		out = append(out, base[:len(base)-1]+"ies")
	default:
		out = append(out, base+"s")
	}
	switch {
	case strings.HasSuffix(base, "ee") || strings.HasSuffix(base, "ye"):
		out = append(out, base+"ing")
	case strings.HasSuffix(base, "ie"):
		out = append(out, base[:len(base)-2]+"ying")
	case strings.HasSuffix(base, "e") && len(base) > 2:
		out = append(out, base[:len(base)-1]+"ing")
	case doublesFinal(base):
		// commit → committing, plan → planning, travel → travelling, but
		// develop → developing: the doubling follows the stress, which a
		// spelling does not tell, so both forms are kept; the one English
		// never writes matches nothing
		out = append(out, base+"ing", base+base[len(base)-1:]+"ing")
	default:
		out = append(out, base+"ing")
	}
	return out
}

// doublesFinal says whether a verb may double its final consonant before
// -ing: it ends in one vowel and a consonant English doubles (plan, commit,
// refer, travel), not in two vowels (repeat) or a w, x or y (show, fix, pay).
func doublesFinal(base string) bool {
	n := len(base)
	if n < 3 {
		return false
	}
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	last, mid, before := base[n-1], base[n-2], base[n-3]
	return strings.IndexByte("bdgklmnprt", last) >= 0 && vowel(mid) && !vowel(before)
}

// Add inserts a phrase as written in a table with its payload.
func (pm *phraseMatcher) Add(s string, payload int) {
	for _, ws := range parsePhrase(s) {
		if len(ws) == 0 {
			continue
		}
		id := len(pm.phrases)
		first := int32(len(pm.pats))
		for _, w := range ws {
			p := wordPattern{kind: w.kind, runes: int32(utf8.RuneCountInString(w.text)), class: -1, off: int32(len(pm.text)), n: int32(len(w.text))}
			if w.kind == patClass {
				if c, ok := pm.classes[w.text]; ok {
					p.class = c
				}
			}
			pm.text = append(pm.text, w.text...)
			pm.pats = append(pm.pats, p)
		}
		pm.phrases = append(pm.phrases, phrase{first: first, n: int32(len(ws)), payload: payload})
		if f := ws[0]; (f.kind == patExact || f.kind == patPrefix) && f.text != "" && f.text[0] < 0x80 {
			pm.first[f.text[0]] = true
		} else {
			pm.firstAny = true
		}
		switch first := ws[0]; first.kind {
		case patExact:
			e := pm.keys.entry(first.text)
			pm.push(&e.exact, id)
			pm.exactKeys.add(keyHash(first.text))
			e.next = pm.split(e.next, e.exact, exactNext)
		case patPrefix:
			k := cutRunes(first.text, 3)
			e := pm.keys.entry(k)
			pm.push(&e.prefix, id)
			e.prefixNext = pm.split(e.prefixNext, e.prefix, nextHeadOf)
			pm.hasPrefix = true
			pm.prefixKeys.add(keyHash(k))
			pm.stemLen[utf8.RuneCountInString(k)] = true
		case patSuffix:
			pm.suffix = append(pm.suffix, id)
			if pm.suffixBy == nil {
				pm.suffixBy = new([256][]int)
			}
			if t := first.text; t != "" {
				pm.suffixBy[t[len(t)-1]] = append(pm.suffixBy[t[len(t)-1]], id)
			} else {
				for b := range pm.suffixBy { // (a suffix folds to one byte at least)
					pm.suffixBy[b] = append(pm.suffixBy[b], id)
				}
			}
		case patClass:
			pm.holders = append(pm.holders, id)
			c := slices.Index(pm.holderTests, first.text)
			if c < 0 {
				c = len(pm.holderTests)
				pm.holderTests = append(pm.holderTests, first.text)
			}
			pm.holderClass = append(pm.holderClass, c)
		}
	}
}

// split keeps a list's split by second word (nx, a number+1 into splits,
// 0 for none) up to date with the list's last phrase, and returns it. A
// list shorter than longList is never split (the look-up tries it whole),
// so its split is made only when it reaches that length, from every
// phrase of the list in order, as adding them one by one would have made
// it.
func (pm *phraseMatcher) split(nx int32, list chain, key func(pm *phraseMatcher, ws []wordPattern) (string, bool)) int32 {
	if list.n < longList {
		return 0
	}
	ids := pm.ids(list)
	from := len(ids) - 1 // the phrase just added
	if nx == 0 {
		pm.splits = append(pm.splits, split{})
		nx, from = int32(len(pm.splits)), 0
	}
	for _, id := range ids[from:] {
		if k, ok := key(pm, pm.words(id)); ok {
			pm.push(pm.nexts.entryOf(nx, k), id)
		} else {
			pm.push(&pm.splits[nx-1].rest, id)
		}
	}
	return nx
}

// exactNext returns a phrase's second word when it is an exact one: the
// key an exact list is split by.
func exactNext(pm *phraseMatcher, ws []wordPattern) (string, bool) {
	if len(ws) > 1 && ws[1].kind == patExact {
		return pm.patText(&ws[1]), true
	}
	return "", false
}

// nextHeadOf returns the first three characters every word that matches a
// phrase's second pattern opens with: an exact word's, or a stem's of
// three or more; false when the phrase has no such second word.
func nextHeadOf(pm *phraseMatcher, ws []wordPattern) (string, bool) {
	if len(ws) < 2 {
		return "", false
	}
	switch p := &ws[1]; p.kind {
	case patExact:
		return cutRunes(pm.patText(p), 3), p.n > 0
	case patPrefix:
		if p.runes >= 3 {
			return cutRunes(pm.patText(p), 3), true
		}
	}
	return "", false
}

// nextHead is a word's key cut to three characters, as nextHeadOf cuts a
// phrase's second word, with its hash.
func nextHead(w *word) (string, uint64) {
	if w.hashed && !w.Punct {
		return w.head(2), w.headHash[2]
	}
	k := cutRunes(w.Key, 3) // a mark has no heads; a word made outside tokenize neither
	return k, keyHash(k)
}

// tryChain tries the phrases of the chain from link l at word i, their
// words before from known to match.
func (pm *phraseMatcher) tryChain(ws []word, i int, l int32, from int, best *phraseMatch) {
	for ; l != 0; l = pm.links[l-1].next {
		pm.tryPhraseFrom(ws, i, int(pm.links[l-1].id), from, best)
	}
}

// tryStems tries the phrases of a stem chain from link l at word i,
// those whose stem's last byte the word's key has in place: stems under
// one head of three characters differ past it, and most of a list fail
// there (a test without the calls of a comparison and of tryPhraseFrom).
func (pm *phraseMatcher) tryStems(ws []word, i int, l int32, best *phraseMatch) {
	k := ws[i].Key
	for ; l != 0; l = pm.links[l-1].next {
		if lk := &pm.links[l-1]; stemMay(k, lk) {
			pm.tryPhraseFrom(ws, i, int(lk.id), 0, best)
		}
	}
}

// stemMay reports whether key may open with the stem of link l's phrase:
// it is long enough and has the stem's last byte in place.
func stemMay(key string, l *link) bool {
	return l.firstN == 0 || (len(key) >= int(l.firstN) && key[l.firstN-1] == l.last)
}

// tryMergedStems is tryMerged for a split stem list, with tryStems' test.
func (pm *phraseMatcher) tryMergedStems(ws []word, i int, a, b int32, best *phraseMatch) {
	k := ws[i].Key
	for a != 0 || b != 0 {
		var lk *link
		if b == 0 || (a != 0 && pm.links[a-1].id < pm.links[b-1].id) {
			lk = &pm.links[a-1]
			a = lk.next
		} else {
			lk = &pm.links[b-1]
			b = lk.next
		}
		if stemMay(k, lk) {
			pm.tryPhraseFrom(ws, i, int(lk.id), 0, best)
		}
	}
}

// tryMerged tries the phrases of a split list at word i: those its next
// word may continue (from link b) and the others (from link a), in the
// order of the list, their words before from known to match.
func (pm *phraseMatcher) tryMerged(ws []word, i int, a, b int32, from int, best *phraseMatch) {
	for a != 0 || b != 0 {
		if b == 0 || (a != 0 && pm.links[a-1].id < pm.links[b-1].id) {
			pm.tryPhraseFrom(ws, i, int(pm.links[a-1].id), from, best)
			a = pm.links[a-1].next
		} else {
			pm.tryPhraseFrom(ws, i, int(pm.links[b-1].id), from, best)
			b = pm.links[b-1].next
		}
	}
}

// Class names a placeholder's test.
func (pm *phraseMatcher) Class(name string, f func(word) bool) {
	c, ok := pm.classes[name]
	if !ok {
		c = int32(len(pm.classFns))
		pm.classes[name] = c
		pm.classFns = append(pm.classFns, nil)
	}
	pm.classFns[c] = f
	for k := range pm.pats {
		if p := &pm.pats[k]; p.kind == patClass && pm.patText(p) == name {
			p.class = c
		}
	}
}

func cutRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// matches reports whether word w matches pattern p. The pattern's text is
// compared in place (a conversion in a comparison copies nothing).
func (pm *phraseMatcher) matches(p *wordPattern, w *word) bool {
	switch p.kind {
	case patExact:
		return w.Key == string(pm.text[p.off:p.off+p.n])
	case patPrefix:
		return !w.Punct && len(w.Key) >= int(p.n) && w.Key[:p.n] == string(pm.text[p.off:p.off+p.n])
	case patSuffix:
		k := w.Key
		return !w.Punct && len(k) >= int(p.n) && k[len(k)-int(p.n):] == string(pm.text[p.off:p.off+p.n]) &&
			utf8.RuneCountInString(k)-int(p.runes) >= 3
	case patClass:
		return p.class >= 0 && pm.classFns[p.class](*w) // a copy: w stays on its caller's stack
	}
	return false
}

// wordPayload returns the payload of the longest one-word phrase matching
// w, without the allocation of a one-word slice.
func (pm *phraseMatcher) wordPayload(w *word) (int, bool) {
	check := func(c chain) (int, bool) {
		for l := c.head; l != 0; l = pm.links[l-1].next {
			p := &pm.phrases[pm.links[l-1].id]
			if p.n == 1 && pm.matches(&pm.pats[p.first], w) {
				return p.payload, true
			}
		}
		return 0, false
	}
	if k := w.Key; !pm.firstAny && (k == "" || k[0] >= 0x80 || !pm.first[k[0]]) {
		return 0, false // no phrase opens with this byte (as in longestAt)
	}
	kh := w.keyHash
	if !w.hashed {
		kh = keyHash(w.Key) // a word made outside tokenize
	}
	if e := pm.keys.get(w.Key, kh); e != nil {
		if p, ok := check(e.exact); ok {
			return p, true
		}
	}
	if !pm.hasPrefix {
		return 0, false
	}
	for n := 1; n <= 3; n++ {
		k, hh := "", uint64(0)
		if w.hashed && !w.Punct { // a mark has no heads
			k, hh = w.head(n-1), w.headHash[n-1]
		} else {
			k = cutRunes(w.Key, n)
			hh = keyHash(k)
		}
		if e := pm.keys.get(k, hh); e != nil {
			if p, ok := check(e.prefix); ok {
				return p, true
			}
		}
	}
	return 0, false
}

// phraseMatch is a phrase found at words [Start, End).
type phraseMatch struct {
	Start, End int
	Payload    int
	exact      bool
	id         int32 // the phrase matched
}

// longestAt returns the longest phrase starting at word i, preferring an
// exact first word over a stem or suffix of the same length.
func (pm *phraseMatcher) longestAt(ws []word, i int) (m phraseMatch, ok bool) {
	// a word past the sentence's end opens nothing: a rule that looks
	// after a title or a name that ends its sentence (a listed item
	// without a final stop, a text cut short) asks about one
	if i >= len(ws) {
		m.End = -1
		return m, false
	}
	// the index's answer first, in the caller (inlined): most words a
	// rule asks about open no phrase of the table
	if ws[i].opens&pm.need != markedBit {
		return pm.longestFrom(ws, i)
	}
	m.End = -1
	return m, false
}

// longestFrom is longestAt past the index's test.
func (pm *phraseMatcher) longestFrom(ws []word, i int) (phraseMatch, bool) {
	best := phraseMatch{End: -1}
	if k := ws[i].Key; !pm.firstAny && (k == "" || k[0] >= 0x80 || !pm.first[k[0]]) {
		return best, false
	}
	w := &ws[i]
	kh := w.keyHash
	if !w.hashed {
		kh = keyHash(w.Key) // a word made outside tokenize
	}
	// a word the reader's index marked says which of this table's
	// look-ups find something (exactT, headT, sufT): only those are
	// made, and a look-up it says finds nothing is spared with its
	// filter's test (whose bit is set for a fifth of the words)
	tb := uint32(pm.bit)
	known := tb != 0 && w.opens&markedBit != 0
	var e *keyEntry
	if known {
		if w.exactT&tb != 0 {
			e = pm.keys.get(w.Key, kh)
		}
	} else if !w.hashed || pm.exactKeys.has(kh) {
		e = pm.keys.get(w.Key, kh)
	}
	if e != nil {
		// the exact phrases listed under the word's key open with it:
		// tried from their second word
		if e.exact.n < longList {
			pm.tryChain(ws, i, e.exact.head, 1, &best)
		} else {
			// the phrases that may continue with the next word, and
			// the others, in the list's order
			var more int32
			if i+1 < len(ws) {
				nw := &ws[i+1]
				h := nw.keyHash
				if !nw.hashed {
					h = keyHash(nw.Key)
				}
				if c := pm.nexts.getOf(e.next, nw.Key, h); c != nil {
					more = c.head
				}
			}
			pm.tryMerged(ws, i, pm.splits[e.next-1].rest.head, more, 1, &best)
		}
	}
	if !w.Punct && pm.hasPrefix && (!known || (w.headT[0]|w.headT[1]|w.headT[2])&tb != 0) {
		for n := 0; n < 3; n++ {
			if !pm.stemLen[n+1] || known && w.headT[n]&tb == 0 {
				continue
			}
			var k string
			var hh uint64
			if w.hashed {
				// the word is shorter than the stem key when its head of
				// n+1 characters is its head of n (no count of runes)
				if n > 0 && w.headEnd[n] == w.headEnd[n-1] {
					break
				}
				k, hh = w.head(n), w.headHash[n]
			} else {
				k = cutRunes(w.Key, n+1) // a word made outside tokenize
				if n > 0 && utf8.RuneCountInString(k) <= n {
					break // the word is shorter than the stem key
				}
				hh = keyHash(k)
			}
			if !w.hashed || known || pm.prefixKeys.has(hh) {
				if e := pm.keys.get(k, hh); e != nil {
					if e.prefix.n < longList {
						pm.tryStems(ws, i, e.prefix.head, &best)
					} else {
						var more int32
						if i+1 < len(ws) {
							nk, nh := nextHead(&ws[i+1])
							if c := pm.nexts.getOf(e.prefixNext, nk, nh); c != nil {
								more = c.head
							}
						}
						pm.tryMergedStems(ws, i, pm.splits[e.prefixNext-1].rest.head, more, &best)
					}
				}
			}
		}
	}
	if k := w.Key; !w.Punct && pm.suffixBy != nil && k != "" && (!known || w.sufT&tb != 0) {
		// a word ending otherwise ends no suffix (and "" matches none)
		for _, id := range pm.suffixBy[k[len(k)-1]] {
			pm.tryPhrase(ws, i, id, &best)
		}
	}
	if len(pm.holders) > 0 {
		// each class of first word is tested once at this word
		var tested [8]int8 // 0 not yet, 1 passes, 2 fails
		for k, id := range pm.holders {
			c := pm.holderClass[k]
			if c < len(tested) {
				if tested[c] == 0 {
					tested[c] = 2
					if pm.matches(&pm.pats[pm.phrases[id].first], w) {
						tested[c] = 1
					}
				}
				if tested[c] == 2 {
					continue
				}
			}
			pm.tryPhrase(ws, i, id, &best)
		}
	}
	return best, best.End > 0
}

// tryPhrase makes phrase id the best match at word i when it matches
// there and is longer than best, or as long with an exact first word where
// best's is not.
func (pm *phraseMatcher) tryPhrase(ws []word, i, id int, best *phraseMatch) {
	pm.tryPhraseFrom(ws, i, id, 0, best)
}

// tryPhraseFrom is tryPhrase with the phrase's words before from known to
// match: the phrases listed under a word's key open with it exactly.
func (pm *phraseMatcher) tryPhraseFrom(ws []word, i, id, from int, best *phraseMatch) {
	p := &pm.phrases[id]
	n := int(p.n)
	if i+n > len(ws) || i+n < best.End {
		return
	}
	first := int(p.first)
	for k := from; k < n; k++ {
		q, w := &pm.pats[first+k], &ws[i+k]
		// exact words and stems, most words of phrases, compared here
		// without a call (as matches does)
		switch q.kind {
		case patExact:
			if w.Key != string(pm.text[q.off:q.off+q.n]) {
				return
			}
		case patPrefix:
			if w.Punct || len(w.Key) < int(q.n) || w.Key[:q.n] != string(pm.text[q.off:q.off+q.n]) {
				return
			}
		default:
			if !pm.matches(q, w) {
				return
			}
		}
	}
	exact := pm.pats[first].kind == patExact
	switch {
	case i+n > best.End || (exact && !best.exact):
	case i+n == best.End && exact == best.exact && pm.spelled(id) > pm.spelled(int(best.id)):
		// as long, and spelled out further: of two stems that both open
		// a word the longer names it (nigerij* over niger* in Nigerije)
	default:
		return
	}
	*best = phraseMatch{Start: i, End: i + n, Payload: p.payload, exact: exact, id: int32(id)}
}

// spelled counts the characters phrase id spells out (its exact words,
// stems and suffixes), which says how much of a word a match of it fixes.
func (pm *phraseMatcher) spelled(id int) int32 {
	p := &pm.phrases[id]
	var n int32
	for _, q := range pm.pats[p.first : p.first+p.n] {
		if q.kind != patClass {
			n += q.n
		}
	}
	return n
}

// FindAll returns the leftmost-longest, non-overlapping phrases.
func (pm *phraseMatcher) FindAll(ws []word) []phraseMatch { return pm.FindAllIf(ws, nil) }

// FindAllIf is FindAll over the phrases whose first word passes opens (nil
// for all): a cheap test that spares the look-ups at most words.
func (pm *phraseMatcher) FindAllIf(ws []word, opens func(*word) bool) []phraseMatch {
	var out []phraseMatch
	for m, ok := pm.next(ws, 0, opens); ok; m, ok = pm.next(ws, m.End, opens) {
		out = append(out, m)
	}
	return out
}

// next returns the first phrase FindAllIf finds from word i on: a loop
// over next(ws, m.End) finds them all without a slice.
func (pm *phraseMatcher) next(ws []word, i int, opens func(*word) bool) (phraseMatch, bool) {
	need := pm.need
	for ; i < len(ws); i++ {
		w := &ws[i]
		if w.opens&need == markedBit {
			if w.rest&need == markedBit {
				break // no word from here on opens a phrase of this table
			}
			continue // the index says no phrase of this table opens here
		}
		if opens != nil && !opens(w) {
			continue
		}
		if m, ok := pm.longestFrom(ws, i); ok {
			return m, true
		}
	}
	return phraseMatch{}, false
}
