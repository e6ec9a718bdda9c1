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
	phrases  []phrase
	classes  map[string]func(word) bool
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
	exact  []int // phrases whose first word is key, in order
	prefix []int // phrases whose first word's stem, cut to three letters, is key
	// next splits a long exact list (the: the two sides, the United
	// States…) by the second word, so that a frequent first word tries
	// only the phrases its next word may continue
	next *nextIndex
	// prefixNext splits the prefix list so by the second word's first
	// three characters (republik* srbij*, republik* kin*…: the Serbian
	// names of many countries open with one stem)
	prefixNext *nextIndex
}

// keyFilter is a one-hash Bloom filter over key hashes (keyHash): a clear
// bit says a key is not in the table; a set one says look.
type keyFilter [128]uint64

// nextIndex is a list of exact splits by second word: byNext holds the
// phrases whose second word is exact, rest the others (one word long, or a
// stem, suffix or placeholder second), each in the order of the list.
type nextIndex struct {
	byNext map[string][]int
	rest   []int
}

// longList is the length from which a list of exact is split by next.
const longList = 4

func (f *keyFilter) add(h uint64)      { f[h>>7&127] |= 1 << (h & 63) }
func (f *keyFilter) has(h uint64) bool { return f[h>>7&127]&(1<<(h&63)) != 0 }

type phrase struct {
	words   []wordPattern
	payload int
}

type patternKind int

const (
	patExact patternKind = iota
	patPrefix
	patSuffix
	patClass
)

type wordPattern struct {
	kind patternKind
	text string
	// class is a placeholder's test, set when both the phrase and the
	// class are known (Add and Class may come in either order)
	class func(word) bool
}

func newPhraseMatcher() *phraseMatcher {
	return &phraseMatcher{classes: map[string]func(word) bool{}}
}

// parsePhrase reads a phrase as written in a table into word patterns,
// tokenized as sentences are.
func parsePhrase(s string) [][]wordPattern {
	var alts [][]wordPattern
	alts = append(alts, nil)
	for _, f := range strings.Fields(s) {
		var pats []wordPattern
		switch {
		case strings.HasPrefix(f, "{") && strings.HasSuffix(f, "}"):
			pats = []wordPattern{{kind: patClass, text: f[1 : len(f)-1]}}
		case strings.HasSuffix(f, "~") && len(f) > 1:
			base := foldKey(strings.TrimSuffix(f, "~"))
			for _, form := range presentForms(base) {
				pats = append(pats, wordPattern{kind: patExact, text: form})
			}
		case strings.HasSuffix(f, "*") && len(f) > 1:
			pats = []wordPattern{{kind: patPrefix, text: foldKey(strings.TrimSuffix(f, "*"))}}
		case strings.HasPrefix(f, "*") && len(f) > 1:
			pats = []wordPattern{{kind: patSuffix, text: foldKey(strings.TrimPrefix(f, "*"))}}
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
					alts[i] = append(alts[i], wordPattern{kind: patExact, text: k})
				}
			}
			continue
		}
		var next [][]wordPattern
		for _, a := range alts {
			for _, p := range pats {
				next = append(next, append(append([]wordPattern(nil), a...), p))
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
	default:
		out = append(out, base+"ing")
	}
	return out
}

// Add inserts a phrase as written in a table with its payload.
func (pm *phraseMatcher) Add(s string, payload int) {
	for _, ws := range parsePhrase(s) {
		if len(ws) == 0 {
			continue
		}
		id := len(pm.phrases)
		pm.bindClasses(ws)
		pm.phrases = append(pm.phrases, phrase{words: ws, payload: payload})
		if f := ws[0]; (f.kind == patExact || f.kind == patPrefix) && f.text != "" && f.text[0] < 0x80 {
			pm.first[f.text[0]] = true
		} else {
			pm.firstAny = true
		}
		switch first := ws[0]; first.kind {
		case patExact:
			e := pm.keys.entry(first.text)
			e.exact = append(e.exact, id)
			pm.exactKeys.add(keyHash(first.text))
			e.next = pm.split(e.next, e.exact, exactNext)
		case patPrefix:
			k := cutRunes(first.text, 3)
			e := pm.keys.entry(k)
			e.prefix = append(e.prefix, id)
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

// split keeps a list's split by second word (next) up to date with the
// list's last phrase, and returns it. A list shorter than longList is
// never split (the look-up tries it whole), so its split is made only when
// it reaches that length, from every phrase of the list in order, as
// adding them one by one would have made it: the many short lists of a
// table (country names, cue phrases) hold no map each, which the collector
// would otherwise walk on every cycle for nothing.
func (pm *phraseMatcher) split(nx *nextIndex, list []int, key func([]wordPattern) (string, bool)) *nextIndex {
	if len(list) < longList {
		return nil
	}
	from := len(list) - 1 // the phrase just added
	if nx == nil {
		nx, from = &nextIndex{byNext: map[string][]int{}}, 0
	}
	for _, id := range list[from:] {
		if k, ok := key(pm.phrases[id].words); ok {
			nx.byNext[k] = append(nx.byNext[k], id)
		} else {
			nx.rest = append(nx.rest, id)
		}
	}
	return nx
}

// exactNext returns a phrase's second word when it is an exact one: the
// key an exact list is split by.
func exactNext(ws []wordPattern) (string, bool) {
	if len(ws) > 1 && ws[1].kind == patExact {
		return ws[1].text, true
	}
	return "", false
}

// nextHeadOf returns the first three characters every word that matches a
// phrase's second pattern opens with: an exact word's, or a stem's of
// three or more; false when the phrase has no such second word.
func nextHeadOf(ws []wordPattern) (string, bool) {
	if len(ws) < 2 {
		return "", false
	}
	switch p := ws[1]; p.kind {
	case patExact:
		return cutRunes(p.text, 3), p.text != ""
	case patPrefix:
		if utf8.RuneCountInString(p.text) >= 3 {
			return cutRunes(p.text, 3), true
		}
	}
	return "", false
}

// nextHead is a word's key cut to three characters, as nextHeadOf cuts a
// phrase's second word.
func nextHead(w *word) string {
	if w.hashed && !w.Punct {
		return w.head(2)
	}
	return cutRunes(w.Key, 3) // a mark has no heads; a word made outside tokenize neither
}

// tryMerged tries the phrases of a split list at word i: those its next
// word may continue and the others, in the order of the list.
func (pm *phraseMatcher) tryMerged(ws []word, i int, rest, more []int, best *phraseMatch) {
	a, b := rest, more
	for len(a) > 0 || len(b) > 0 {
		if len(b) == 0 || (len(a) > 0 && a[0] < b[0]) {
			pm.tryPhrase(ws, i, a[0], best)
			a = a[1:]
		} else {
			pm.tryPhrase(ws, i, b[0], best)
			b = b[1:]
		}
	}
}

// Class names a placeholder's test.
func (pm *phraseMatcher) Class(name string, f func(word) bool) {
	pm.classes[name] = f
	for i := range pm.phrases {
		pm.bindClasses(pm.phrases[i].words)
	}
}

// bindClasses gives each placeholder of a phrase its test.
func (pm *phraseMatcher) bindClasses(ws []wordPattern) {
	for k := range ws {
		if ws[k].kind == patClass {
			ws[k].class = pm.classes[ws[k].text]
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

func (pm *phraseMatcher) matches(p *wordPattern, w *word) bool {
	switch p.kind {
	case patExact:
		return w.Key == p.text
	case patPrefix:
		return !w.Punct && strings.HasPrefix(w.Key, p.text)
	case patSuffix:
		return !w.Punct && strings.HasSuffix(w.Key, p.text) && utf8.RuneCountInString(w.Key)-utf8.RuneCountInString(p.text) >= 3
	case patClass:
		return p.class != nil && p.class(*w) // a copy: w stays on its caller's stack
	}
	return false
}

// wordPayload returns the payload of the longest one-word phrase matching
// w, without the allocation of a one-word slice.
func (pm *phraseMatcher) wordPayload(w *word) (int, bool) {
	check := func(ids []int) (int, bool) {
		for _, id := range ids {
			p := &pm.phrases[id]
			if len(p.words) == 1 && pm.matches(&p.words[0], w) {
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
}

// longestAt returns the longest phrase starting at word i, preferring an
// exact first word over a stem or suffix of the same length.
func (pm *phraseMatcher) longestAt(ws []word, i int) (m phraseMatch, ok bool) {
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
	try := func(ids []int) {
		for _, id := range ids {
			pm.tryPhrase(ws, i, id, &best)
		}
	}
	w := &ws[i]
	kh := w.keyHash
	if !w.hashed {
		kh = keyHash(w.Key) // a word made outside tokenize
	}
	var e *keyEntry
	if !w.hashed || pm.exactKeys.has(kh) {
		e = pm.keys.get(w.Key, kh)
	}
	if e != nil {
		if len(e.exact) < longList {
			try(e.exact)
		} else {
			// the phrases that may continue with the next word, and
			// the others, in the list's order
			nx := e.next
			var more []int
			if i+1 < len(ws) {
				more = nx.byNext[ws[i+1].Key]
			}
			a, b := nx.rest, more
			for len(a) > 0 || len(b) > 0 {
				if len(b) == 0 || (len(a) > 0 && a[0] < b[0]) {
					pm.tryPhrase(ws, i, a[0], &best)
					a = a[1:]
				} else {
					pm.tryPhrase(ws, i, b[0], &best)
					b = b[1:]
				}
			}
		}
	}
	if !w.Punct && pm.hasPrefix {
		for n := 0; n < 3; n++ {
			if !pm.stemLen[n+1] {
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
			if !w.hashed || pm.prefixKeys.has(hh) {
				if e := pm.keys.get(k, hh); e != nil {
					if len(e.prefix) < longList {
						try(e.prefix)
					} else {
						var more []int
						if i+1 < len(ws) {
							more = e.prefixNext.byNext[nextHead(&ws[i+1])]
						}
						pm.tryMerged(ws, i, e.prefixNext.rest, more, &best)
					}
				}
			}
		}
	}
	if k := w.Key; !w.Punct && pm.suffixBy != nil && k != "" {
		// a word ending otherwise ends no suffix (and "" matches none)
		try(pm.suffixBy[k[len(k)-1]])
	}
	if len(pm.holders) > 0 {
		// each class of first word is tested once at this word
		var tested [8]int8 // 0 not yet, 1 passes, 2 fails
		for k, id := range pm.holders {
			c := pm.holderClass[k]
			if c < len(tested) {
				if tested[c] == 0 {
					tested[c] = 2
					if p := &pm.phrases[id].words[0]; pm.matches(p, w) {
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
	p := &pm.phrases[id]
	if i+len(p.words) > len(ws) || i+len(p.words) < best.End {
		return
	}
	for k := range p.words {
		if !pm.matches(&p.words[k], &ws[i+k]) {
			return
		}
	}
	exact := p.words[0].kind == patExact
	if i+len(p.words) > best.End || (exact && !best.exact) {
		*best = phraseMatch{Start: i, End: i + len(p.words), Payload: p.payload, exact: exact}
	}
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
