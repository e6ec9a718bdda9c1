package search

import "unicode/utf8"

// Tokenizer gives the Tokens of many texts in a row, as a store does for a
// document's sentences before writing them. It remembers words'
// reductions from one text to the next (a document repeats its words, and
// the Snowball stemmer was most of an English sentence's cost), reuses the
// scanner's working slices, and makes one string of all a text's tokens
// instead of one for each bigram. Its tokens are exactly Tokens'. It is
// not safe for concurrent use.
type Tokenizer struct {
	stems stems
	buf   scanBuffers
	bytes []byte // the tokens of the text at hand, one after the other
	ends  []int  // where each token ends in bytes
}

// NewTokenizer returns a Tokenizer.
func NewTokenizer() *Tokenizer { return &Tokenizer{stems: stems{}} }

// Tokens returns the index tokens of text, as Tokens does.
func (t *Tokenizer) Tokens(text string) []string {
	b, ends := t.bytes[:0], t.ends[:0]
	scanInto(text, t.stems, &t.buf, func(u *unit) {
		if len(ends) >= MaxTokens {
			return
		}
		if !u.isRun() {
			b = append(b, u.word...)
			ends = append(ends, len(b))
			return
		}
		for j := 0; j+1 < len(u.runes) && len(ends) < MaxTokens; j++ {
			b = utf8.AppendRune(utf8.AppendRune(b, u.runes[j]), u.runes[j+1])
			ends = append(ends, len(b))
		}
		if len(ends) < MaxTokens {
			b = utf8.AppendRune(b, u.runes[len(u.runes)-1])
			ends = append(ends, len(b))
		}
	})
	t.bytes, t.ends = b, ends
	if len(ends) == 0 {
		return nil
	}
	all := string(b) // one allocation; the tokens are slices of it
	out := make([]string, len(ends))
	from := 0
	for i, e := range ends {
		out[i] = all[from:e]
		from = e
	}
	return out
}
