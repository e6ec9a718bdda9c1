package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/entente/entente/lexicon"
)

// soundChange is one entry of a table's [sound-change] section: a stem
// ending in the consonant of from is also written to before from's ending
// (ki=ci: prug* finds pruzi, naučnik* finds naučnici).
type soundChange struct {
	consonant, from, to string
}

// soundChanges reads the [sound-change] section (none in English).
func soundChanges(t *lexicon.Table) []soundChange {
	var out []soundChange
	for _, e := range t.Entries("sound-change") {
		from := foldKey(e.Text)
		_, n := utf8.DecodeRuneInString(from)
		if n == 0 || e.Value == "" {
			continue
		}
		out = append(out, soundChange{consonant: from[:n], from: from, to: foldKey(e.Value)})
	}
	return out
}

// forms spells a table phrase with the forms its stems take through a
// sound change: "prug* Beograd" also as "pruzi Beograd". A stem opens a
// prefix pattern, so the regular forms (pruga, pruge, prugom) need
// nothing; the changed forms are exact words, so they cannot reach a word
// the stem does not name. Phrases with no stem that changes come back
// alone.
func (x *Spaced) forms(text string) []string {
	if len(x.changes) == 0 || !strings.Contains(text, "*") {
		return []string{text}
	}
	out := []string{""}
	changed := false
	for _, f := range strings.Fields(text) {
		alts := []string{f}
		if stem, ok := strings.CutSuffix(f, "*"); ok && !strings.HasPrefix(f, "*") {
			k := foldKey(stem)
			for _, c := range x.changes {
				if base, ok := strings.CutSuffix(k, c.consonant); ok && base != "" {
					alts = append(alts, base+c.to)
				}
			}
		}
		changed = changed || len(alts) > 1
		var next []string
		for _, o := range out {
			for _, a := range alts {
				if o != "" {
					a = o + " " + a
				}
				next = append(next, a)
			}
		}
		out = next
	}
	if !changed {
		return []string{text}
	}
	return out
}
