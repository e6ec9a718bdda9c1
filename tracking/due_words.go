package tracking

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
)

// dueWords are the month names ({M}) and number words ({N}) a due rule
// reads besides figures: those the English and Serbian cue tables give the
// extractor ([month], [number]), so that a deadline the extractor found
// is read with the same words. A word written as a stem (januar*) reads
// its case forms (januara, decembra).
type dueWords struct {
	byPlaceholder map[string][]dueWord
}

type dueWord struct {
	text  string // lower case, Latin letters
	stem  bool
	value int
}

// dueLanguages are the cue tables whose words the due rules read.
var dueLanguages = []string{"en", "sr"}

func loadDueWords() (*dueWords, error) {
	w := &dueWords{byPlaceholder: map[string][]dueWord{}}
	for _, lang := range dueLanguages {
		t, err := lexicon.Load(lang)
		if err != nil {
			return nil, err
		}
		for section, placeholder := range map[string]string{"month": "M", "number": "N", "session-ordinal": "O"} {
			for _, e := range t.Entries(section) {
				v, err := strconv.Atoi(e.Value)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %q has no number", t.Name, e.Line, e.Text)
				}
				text, stem := strings.CutSuffix(dueText(e.Text), "*")
				w.byPlaceholder[placeholder] = append(w.byPlaceholder[placeholder], dueWord{text: text, stem: stem, value: v})
			}
		}
	}
	for _, ws := range w.byPlaceholder {
		// the longest first: an alternation takes the first that matches
		// (september before sep)
		slices.SortStableFunc(ws, func(a, b dueWord) int { return cmp.Compare(len(b.text), len(a.text)) })
	}
	return w, nil
}

// alternatives is the regular expression of a placeholder's words ("" for
// none), each a whole word.
func (w *dueWords) alternatives(placeholder string) string {
	if w == nil {
		return ""
	}
	var alts []string
	for _, d := range w.byPlaceholder[placeholder] {
		a := regexp.QuoteMeta(d.text)
		if d.stem {
			a += `\pL*`
		}
		alts = append(alts, a+`\b`)
	}
	return strings.Join(alts, "|")
}

// value reads a word a placeholder matched.
func (w *dueWords) value(placeholder, written string) (int, bool) {
	if w == nil {
		return 0, false
	}
	for _, d := range w.byPlaceholder[placeholder] {
		if written == d.text || (d.stem && strings.HasPrefix(written, d.text)) {
			return d.value, true
		}
	}
	return 0, false
}

// dueText is the form in which rules read a text: lower case, Serbian
// Cyrillic spelt in Latin and every run of white space one space.
func dueText(s string) string {
	// most texts are Chinese, with nothing to lower or spell: no copy
	if strings.ContainsFunc(s, func(r rune) bool { return unicode.IsUpper(r) || unicode.Is(unicode.Cyrillic, r) }) {
		s = entente.LowerLatin(s)
	}
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) && r != ' ' }) && !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// parseSpan reads a due date that is a span from the date of signing:
// +{N}y, +{N}m, +{N}w or +{N}d (k 0: the span is read), or +K and a unit
// for K from 1 to 99; unit is the span's y (years), m (months), w (weeks)
// or d (days).
func parseSpan(due string) (k int, unit byte, ok bool) {
	rest, ok := strings.CutPrefix(due, "+")
	if !ok || len(rest) < 2 {
		return 0, 0, false
	}
	unit = rest[len(rest)-1]
	if unit != 'y' && unit != 'm' && unit != 'w' && unit != 'd' {
		return 0, 0, false
	}
	n := rest[:len(rest)-1]
	if n == "{N}" {
		return 0, unit, true
	}
	k, err := strconv.Atoi(n)
	if err != nil || k < 1 || k > 99 || n[0] == '0' || n[0] == '+' {
		return 0, 0, false
	}
	return k, unit, true
}
