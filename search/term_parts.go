package search

import (
	"fmt"
	"unicode/utf8"
)

// maxRunParts bounds a run's characters as TermFromParts takes them: a
// query's text is bounded far below it.
const maxRunParts = 4096

// Parts returns what the term is made from, for a store that writes it
// down: a run's characters, or a word's reductions (one, or its English
// and Serbian ones). TermFromParts makes the same term again.
func (t Term) Parts() (run string, words []string) {
	if t.runes != nil {
		return string(t.runes), nil
	}
	return "", t.words
}

// TermFromParts makes the term Parts describes: the run's when run is not
// empty, else the word's. Parts that no query makes are refused.
func TermFromParts(run string, words []string) (Term, error) {
	if run != "" {
		runes := []rune(run)
		if len(runes) > maxRunParts || !utf8.ValidString(run) {
			return Term{}, fmt.Errorf("search: a run of %d bytes", len(run))
		}
		return newTerm(&unit{runes: runes}), nil
	}
	if len(words) == 0 || len(words) > 2 {
		return Term{}, fmt.Errorf("search: a word of %d reductions", len(words))
	}
	for _, w := range words {
		if w == "" || !utf8.ValidString(w) {
			return Term{}, fmt.Errorf("search: a reduction %q", w)
		}
	}
	words = append([]string(nil), words...)
	return Term{Tokens: words, words: words, Any: len(words) > 1}, nil
}
