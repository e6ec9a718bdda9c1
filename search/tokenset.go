package search

import "unicode/utf8"

// TokenSet is the index tokens of one text as a set: what the full-text
// index holds of it, without positions. A store that keeps the matches of
// many queries checks a sentence it reads again against all of them with
// one scan of its text (Tokenizer) and one TokenSet, where Counter would
// scan the text once for each query.
type TokenSet struct {
	tokens map[string]struct{}
	firsts map[rune]struct{} // the first character of each token
}

// NewTokenSet returns an empty TokenSet.
func NewTokenSet() *TokenSet {
	return &TokenSet{tokens: map[string]struct{}{}, firsts: map[rune]struct{}{}}
}

// Reset makes s the set of tokens, as Tokens or Tokenizer.Tokens gives
// them for one text.
func (s *TokenSet) Reset(tokens []string) {
	clear(s.tokens)
	clear(s.firsts)
	for _, t := range tokens {
		s.tokens[t] = struct{}{}
		r, _ := utf8.DecodeRuneInString(t)
		s.firsts[r] = struct{}{}
	}
}

// Positional says whether a term is the run of three or more characters
// that only the tokens' positions (or the text) tell apart from its
// bigrams standing apart: such terms cannot be checked against a
// TokenSet.
func (q Terms) Positional() bool {
	for _, t := range q {
		if t.Phrase() {
			return true
		}
	}
	return false
}

// HeldIn says whether the text whose tokens s holds holds every term, as
// the full-text index finds them: a character as the first of a token, a
// word as any one of its reductions, a two-character run as its bigram.
// It is false for Positional terms.
func (q Terms) HeldIn(s *TokenSet) bool {
	if len(q) == 0 {
		return false
	}
	for _, t := range q {
		if t.Phrase() || !t.heldIn(s) {
			return false
		}
	}
	return true
}

func (t Term) heldIn(s *TokenSet) bool {
	if t.Prefix {
		r, _ := utf8.DecodeRuneInString(t.Tokens[0])
		_, ok := s.firsts[r]
		return ok
	}
	for _, tok := range t.Tokens {
		_, ok := s.tokens[tok]
		if ok && t.Any {
			return true
		}
		if !ok && !t.Any {
			return false
		}
	}
	return !t.Any
}
