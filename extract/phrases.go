package extract

import (
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
	stemLen  [4]bool          // the lengths, in characters, of stem keys (three for longer stems)
	exact    map[string][]int // first word's key → phrases
	prefix   map[string][]int // first word's stem, cut to three letters → phrases
	suffix   []int            // phrases whose first word is a suffix pattern
	holders  []int            // phrases opening with a placeholder
	phrases  []phrase
	classes  map[string]func(word) bool
}

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
}

func newPhraseMatcher() *phraseMatcher {
	return &phraseMatcher{exact: map[string][]int{}, prefix: map[string][]int{}, classes: map[string]func(word) bool{}}
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
		pm.phrases = append(pm.phrases, phrase{words: ws, payload: payload})
		if f := ws[0]; (f.kind == patExact || f.kind == patPrefix) && f.text != "" && f.text[0] < 0x80 {
			pm.first[f.text[0]] = true
		} else {
			pm.firstAny = true
		}
		switch first := ws[0]; first.kind {
		case patExact:
			pm.exact[first.text] = append(pm.exact[first.text], id)
		case patPrefix:
			k := cutRunes(first.text, 3)
			pm.prefix[k] = append(pm.prefix[k], id)
			pm.stemLen[utf8.RuneCountInString(k)] = true
		case patSuffix:
			pm.suffix = append(pm.suffix, id)
		case patClass:
			pm.holders = append(pm.holders, id)
		}
	}
}

// Class names a placeholder's test.
func (pm *phraseMatcher) Class(name string, f func(word) bool) { pm.classes[name] = f }

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

func (pm *phraseMatcher) matches(p wordPattern, w word) bool {
	switch p.kind {
	case patExact:
		return w.Key == p.text
	case patPrefix:
		return !w.Punct && strings.HasPrefix(w.Key, p.text)
	case patSuffix:
		return !w.Punct && strings.HasSuffix(w.Key, p.text) && utf8.RuneCountInString(w.Key)-utf8.RuneCountInString(p.text) >= 3
	case patClass:
		f := pm.classes[p.text]
		return f != nil && f(w)
	}
	return false
}

// wordPayload returns the payload of the longest one-word phrase matching
// w, without the allocation of a one-word slice.
func (pm *phraseMatcher) wordPayload(w word) (int, bool) {
	check := func(ids []int) (int, bool) {
		for _, id := range ids {
			p := pm.phrases[id]
			if len(p.words) == 1 && pm.matches(p.words[0], w) {
				return p.payload, true
			}
		}
		return 0, false
	}
	if p, ok := check(pm.exact[w.Key]); ok {
		return p, true
	}
	for n := 1; n <= 3; n++ {
		if p, ok := check(pm.prefix[cutRunes(w.Key, n)]); ok {
			return p, true
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
func (pm *phraseMatcher) longestAt(ws []word, i int) (phraseMatch, bool) {
	best := phraseMatch{End: -1}
	if k := ws[i].Key; !pm.firstAny && (k == "" || k[0] >= 0x80 || !pm.first[k[0]]) {
		return best, false
	}
	try := func(ids []int) {
		for _, id := range ids {
			p := pm.phrases[id]
			if i+len(p.words) > len(ws) || i+len(p.words) < best.End {
				continue
			}
			ok := true
			for k, pat := range p.words {
				if !pm.matches(pat, ws[i+k]) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			exact := p.words[0].kind == patExact
			if i+len(p.words) > best.End || (exact && !best.exact) {
				best = phraseMatch{Start: i, End: i + len(p.words), Payload: p.payload, exact: exact}
			}
		}
	}
	w := ws[i]
	try(pm.exact[w.Key])
	if !w.Punct && len(pm.prefix) > 0 {
		for n := 0; n < 3; n++ {
			if !pm.stemLen[n+1] {
				continue
			}
			k := w.heads[n]
			if k == "" {
				k = cutRunes(w.Key, n+1) // a word made outside tokenize
			}
			if n > 0 && utf8.RuneCountInString(k) <= n {
				break // the word is shorter than the stem key
			}
			try(pm.prefix[k])
		}
	}
	if !w.Punct && len(pm.suffix) > 0 {
		try(pm.suffix)
	}
	if len(pm.holders) > 0 {
		try(pm.holders)
	}
	return best, best.End > 0
}

// FindAll returns the leftmost-longest, non-overlapping phrases.
func (pm *phraseMatcher) FindAll(ws []word) []phraseMatch { return pm.FindAllIf(ws, nil) }

// FindAllIf is FindAll over the phrases whose first word passes opens (nil
// for all): a cheap test that spares the look-ups at most words.
func (pm *phraseMatcher) FindAllIf(ws []word, opens func(word) bool) []phraseMatch {
	var out []phraseMatch
	for i := 0; i < len(ws); {
		if opens != nil && !opens(ws[i]) {
			i++
			continue
		}
		m, ok := pm.longestAt(ws, i)
		if !ok {
			i++
			continue
		}
		out = append(out, m)
		i = m.End
	}
	return out
}
