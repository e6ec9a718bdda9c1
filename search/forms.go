package search

import (
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/entente/entente/lexicon"
)

// Word forms and scripts. Chinese is indexed in Simplified characters
// (Traditional ones are mapped through OpenCC's table, lexicon.HanTable),
// so 铁路 and 鐵路 are the same tokens. A word is reduced by its text's
// language: a text that reads as Serbian (Cyrillic words and Serbian
// function words outnumber the English ones, by lexicon/data/detect.cues)
// has its endings cut (lexicon/data/search.cues: pruga, pruge, prugom →
// prug), any other its English Snowball stem. A query has no language to
// speak of ("pruga" is one word), so each of its words looks for both
// reductions: a sentence holds it when it holds either.

// forms is what the analyzer reads from the lexicon, loaded once.
type forms struct {
	han     *lexicon.HanTable // nil when OpenCC's table could not be read
	english map[string]bool   // function words, folded
	serbian map[string]bool
	endings []string // longest first
	// changed maps a consonant a Serbian sound change writes at the end of
	// a stem (folded: c, z, s) to the one it stands for (k, g, h): pruzi
	// and pruga, naučnici and naučnik, druže and drug share a key
	changed  map[byte]byte
	loadErrs []error
}

// loadForms reads the tables. A table that cannot be read leaves its part
// out (the analyzer still works, with less folding) and is reported by
// FormsError: the embedded data is tested, so this is a build's fault.
var loadForms = sync.OnceValue(func() *forms {
	f := &forms{english: map[string]bool{}, serbian: map[string]bool{}}
	var err error
	if f.han, err = lexicon.LoadHanTable(); err != nil {
		f.han, f.loadErrs = nil, append(f.loadErrs, err)
	}
	if t, err := lexicon.Load("detect"); err != nil {
		f.loadErrs = append(f.loadErrs, err)
	} else {
		for _, w := range t.Words("stop-en") {
			f.english[foldWord(w)] = true
		}
		for _, w := range t.Words("stop-sr") {
			f.serbian[foldWord(w)] = true
		}
	}
	if t, err := lexicon.Load("search"); err != nil {
		f.loadErrs = append(f.loadErrs, err)
	} else {
		for _, w := range t.Words("serbian-endings") {
			f.endings = append(f.endings, foldWord(w))
		}
		slices.SortStableFunc(f.endings, func(a, b string) int { return len(b) - len(a) })
	}
	if t, err := lexicon.Load("sr"); err != nil {
		f.loadErrs = append(f.loadErrs, err)
	} else {
		f.changed = soundChanges(t.Entries("sound-change"))
	}
	return f
})

// soundChanges reads the Serbian cue table's [sound-change] entries
// (ki=ci: a stem's k is written c before i) as the consonants they change:
// the first letters of each side, folded, where they are one ASCII letter
// each and differ.
func soundChanges(es []lexicon.Entry) map[byte]byte {
	m := map[byte]byte{}
	for _, e := range es {
		from, to := foldWord(e.Text), foldWord(e.Value)
		if len(from) < 2 || len(to) < 2 || from[0] == to[0] || from[0] >= utf8.RuneSelf || to[0] >= utf8.RuneSelf || from[1:] != to[1:] {
			continue
		}
		m[to[0]] = from[0]
	}
	return m
}

// FormsError reports whether the analyzer's tables could not be read.
func FormsError() []error { return loadForms().loadErrs }

// foldWord folds a table's word as the scanner folds text.
func foldWord(w string) string {
	var b []byte
	for _, r := range w {
		b = appendFolded(b, r)
	}
	return string(b)
}

// simplified maps a Han character to its Simplified form.
func simplified(r rune) rune {
	if f := loadForms(); f.han != nil {
		return f.han.Simplified(r)
	}
	return r
}

// cut bounds a word's token to maxWordBytes, at a character boundary.
func cut(b []byte) []byte {
	if len(b) > maxWordBytes {
		n := maxWordBytes
		for n > 0 && !utf8.RuneStart(b[n]) {
			n--
		}
		b = b[:n]
	}
	return b
}

// englishStem is a folded word's English Snowball stem (plain ASCII
// words of three letters or more; others as they are).
func englishStem(b []byte) string {
	b = cut(b)
	if len(b) < 3 || !asciiLetters(b) {
		return string(b)
	}
	return english.Stem(string(b), false)
}

// serbianStem cuts a folded word's longest Serbian ending that leaves at
// least three letters, and gives the stem's last consonant back what a
// sound change took (pruz → prug), so that the forms a sound change spells
// otherwise share one key. Every stem that ends in such a consonant is
// keyed so (vez of veza and vezi alike → veg): keying only the forms whose
// ending causes the change would part veza from vezi.
func serbianStem(b []byte) string {
	b = cut(b)
	n := utf8.RuneCount(b)
	f := loadForms()
	stem := b
	for _, e := range f.endings {
		if len(b) > len(e) && string(b[len(b)-len(e):]) == e && n-utf8.RuneCountInString(e) >= 3 {
			stem = b[:len(b)-len(e)]
			break
		}
	}
	if k := len(stem) - 1; k >= 1 {
		if to, ok := f.changed[stem[k]]; ok {
			out := make([]byte, len(stem))
			copy(out, stem)
			out[k] = to
			return string(out)
		}
	}
	return string(stem)
}

// serbianText decides a text's reduction from its words: Serbian when its
// Cyrillic words and Serbian function words outnumber its English function
// words; on a tie (a title, a name), when it has Cyrillic or the Latin
// letters of Serbian (č ć š ž đ).
type languageVote struct {
	serbian, english int
	letters          bool
}

func (v *languageVote) word(folded []byte, cyrillic bool) {
	switch f := loadForms(); {
	case cyrillic:
		v.serbian++
		v.letters = true
	case f.serbian[string(folded)]:
		v.serbian++
	case f.english[string(folded)]:
		v.english++
	}
}

func (v *languageVote) isSerbian() bool {
	if v.serbian != v.english {
		return v.serbian > v.english
	}
	return v.letters
}

// serbianLetter reports the letters that say a word is Serbian: Cyrillic,
// and Latin č ć š ž đ.
func serbianLetter(r rune) (cyrillic, latin bool) {
	switch {
	case r >= 0x0400 && r <= 0x04FF:
		return true, false
	case r == 'č' || r == 'ć' || r == 'š' || r == 'ž' || r == 'đ' || r == 'Č' || r == 'Ć' || r == 'Š' || r == 'Ž' || r == 'Đ':
		return false, true
	}
	return false, false
}
