package ingest

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/entente/entente"
)

// Defaults of Limits. The longest instruments we know are a few hundred
// thousand characters (a trade agreement with its annexes: some 600,000
// characters, 6,000 sentences); the longest real sentences are a preamble's
// run of recitals, a few thousand characters. The defaults sit well above
// those and well below what makes one input cost the machine: 100,000
// sentences took 442 MiB and a 33-second reader page, and extraction time
// grows with a sentence's length.
const (
	DefaultMaxChars         = 2_000_000
	DefaultMaxSentences     = 20_000
	DefaultMaxSentenceChars = 20_000
)

// ErrLimit is what a refusal for a size limit unwraps to.
var ErrLimit = errors.New("ingest: over a size limit")

// Limits bound the text of one statement. The zero value means the
// defaults; each limit is checked on the decoded text before extraction
// (a cheap cut into sentences), and again on what extraction found.
type Limits struct {
	MaxChars         int // characters of the decoded text (--max-chars)
	MaxSentences     int // sentences (--max-sentences)
	MaxSentenceChars int // characters of one sentence (--max-sentence-chars)
}

func (l Limits) maxChars() int         { return orDefault(l.MaxChars, DefaultMaxChars) }
func (l Limits) maxSentences() int     { return orDefault(l.MaxSentences, DefaultMaxSentences) }
func (l Limits) maxSentenceChars() int { return orDefault(l.MaxSentenceChars, DefaultMaxSentenceChars) }

func orDefault(v, d int) int {
	if v > 0 {
		return v
	}
	return d
}

// limitError is a refusal naming the input, the limit and the flag that
// raises it; it unwraps to ErrLimit.
type limitError struct{ msg string }

func (e *limitError) Error() string { return e.msg }
func (e *limitError) Unwrap() error { return ErrLimit }

func newLimitError(name, format string, args ...any) error {
	return &limitError{msg: name + ": " + fmt.Sprintf(format, args...)}
}

// checkText refuses a text over the limits before it is extracted. It
// cuts sentences cheaply, in one pass, at 。！？ and at . ! ? followed by a
// space or a line end, and at blank lines: at least wherever the layout
// parser cuts (it also keeps "Mr. Smith" whole), so a sentence found too
// long here is too long there; checkExtraction counts exactly afterwards.
// (ingest comes before structure on the data's way and does not import it.)
func (l Limits) checkText(name, text string) error {
	n := utf8.RuneCountInString(text)
	if n > l.maxChars() {
		return newLimitError(name, "%d characters, more than the limit of %d (--max-chars raises it)", n, l.maxChars())
	}
	if n <= l.maxSentenceChars() && n <= l.maxSentences() {
		// n characters make at most n sentences of at most n characters
		// each: a statement of the genre (a few thousand characters, under
		// both default limits) needs no cut (it was 3% of a batch's CPU)
		return nil
	}
	return l.cutText(name, text)
}

// cutText is checkText's cut into sentences, each checked against the
// limits.
func (l Limits) cutText(name, text string) error {
	sentences, length := 0, 0
	end := func() error {
		if length == 0 {
			return nil
		}
		sentences++
		if length > l.maxSentenceChars() {
			return newLimitError(name, "sentence %d has %d characters, more than the limit of %d (--max-sentence-chars raises it)", sentences, length, l.maxSentenceChars())
		}
		if sentences > l.maxSentences() {
			return newLimitError(name, "more than %d sentences, the limit (--max-sentences raises it)", l.maxSentences())
		}
		length = 0
		return nil
	}
	var prev rune
	for _, r := range text {
		switch {
		case r == '\n' && prev == '\n':
			if err := end(); err != nil {
				return err
			}
		case entente.IsSpace(r) && (prev == '.' || prev == '!' || prev == '?'):
			if err := end(); err != nil {
				return err
			}
		case entente.IsSpace(r):
			if length > 0 {
				length++
			}
		default:
			length++
			if r == '。' || r == '！' || r == '？' {
				if err := end(); err != nil {
					return err
				}
			}
		}
		prev = r
	}
	return end()
}

// checkExtraction refuses what extraction found over the limits, for a
// layout that joined what checkText saw apart.
func (l Limits) checkExtraction(name string, x *entente.Extraction) error {
	if n := len(x.Sentences); n > l.maxSentences() {
		return newLimitError(name, "%d sentences, more than the limit of %d (--max-sentences raises it)", n, l.maxSentences())
	}
	for i, s := range x.Sentences {
		if n := utf8.RuneCountInString(s.Text); n > l.maxSentenceChars() {
			return newLimitError(name, "sentence %d has %d characters, more than the limit of %d (--max-sentence-chars raises it)", i+1, n, l.maxSentenceChars())
		}
	}
	return nil
}
