package search

import (
	"slices"
	"strings"

	"github.com/entente/entente"
)

// MaxTerms bounds the terms of a query; the rest are ignored.
const MaxTerms = 32

// Terms is a user's search text, analysed: a sentence matches when it holds
// every term.
type Terms []Term

// Term is one word or one run of CJK characters of a query. A word matches a
// word of the same term; a run matches where its characters stand in a row
// in the text. The index finds the sentences that hold all of the run's
// bigrams (at consecutive positions, where it keeps positions: Phrase), or
// for a run of one character a token that begins with it; over an index
// without positions, Match then keeps those where the characters stand in a
// row.
type Term struct {
	// Tokens are the index tokens the term looks up: a sentence holds the
	// term only if it holds all of them, or, when Any is set, one of them.
	Tokens []string
	// Any says that Tokens are a word's reductions in the languages it may
	// be in (pruga: English as it is, Serbian prug): a sentence holds the
	// term when it holds any one of them.
	Any bool
	// Prefix says that Tokens is one character that index tokens begin with.
	Prefix bool
	words  []string // a word's reductions; empty for a run
	runes  []rune   // a run's characters
}

// Query analyses a user's query with the analyzer of Tokens. Repeated terms
// count once; a blank query, or one of punctuation only, has no terms.
func Query(text string) Terms {
	var q Terms
	seen := map[string]bool{}
	scan(text, func(u *unit) {
		if len(q) >= MaxTerms {
			return
		}
		t := newTerm(u)
		key := strings.Join(t.Tokens, " ")
		if seen[key] {
			return
		}
		seen[key] = true
		q = append(q, t)
	})
	return q
}

func newTerm(u *unit) Term {
	if !u.isRun() {
		// a query is too short to tell its language: each word looks for
		// its English and its Serbian reduction
		en, sr := englishStem(u.raw), serbianStem(u.raw)
		if en == sr {
			return Term{Tokens: []string{en}, words: []string{en}}
		}
		return Term{Tokens: []string{en, sr}, Any: true, words: []string{en, sr}}
	}
	t := Term{runes: slices.Clone(u.runes)}
	if len(t.runes) == 1 {
		t.Tokens, t.Prefix = []string{string(t.runes)}, true
		return t
	}
	for j := 0; j+1 < len(t.runes); j++ {
		t.Tokens = append(t.Tokens, string(t.runes[j:j+2]))
	}
	return t
}

// Characters says that the term is a run of CJK characters, not a word.
func (t Term) Characters() bool { return t.runes != nil }

// Phrase says that Tokens are the bigrams of a run of three or more
// characters, in order: a text holds the term where they stand at
// consecutive positions of its tokens, which is where the characters stand
// in a row within one run (a run's bigrams follow one another, and its last
// character, or a word, stands between any two runs).
func (t Term) Phrase() bool { return len(t.runes) >= 3 }

// String returns the terms' tokens, a term's tokens joined by spaces (by
// " | " when any one will do) and terms by " & ", for logs and test
// failures.
func (q Terms) String() string {
	parts := make([]string, len(q))
	for i, t := range q {
		sep := " "
		if t.Any {
			sep = " | "
		}
		parts[i] = strings.Join(t.Tokens, sep)
	}
	return strings.Join(parts, " & ")
}

// Match is what one text holds of a query.
type Match struct {
	// Counts are the occurrences of each of the query's terms.
	Counts []int
	// Length is the number of index tokens of the text (at most MaxTokens),
	// the length ranking normalises by.
	Length int
	// Marks are the characters the occurrences cover, in order, merged
	// where they overlap or touch.
	Marks []entente.Span
}

// Match finds the query's terms in text.
func (q Terms) Match(text string) Match { return q.match(text, true, nil) }

// Count is Match without the marks: what ranking needs, for less. A
// search ranks thousands of candidates and marks only the page it shows.
func (q Terms) Count(text string) Match { return q.match(text, false, nil) }

// Counter counts the terms in many texts as Count does, remembering the
// reductions of the words it met, which repeat from one text to the next.
// It is not safe for concurrent use.
type Counter struct {
	q     Terms
	stems stems
	buf   scanBuffers
}

// Counter returns a Counter of q.
func (q Terms) Counter() *Counter { return &Counter{q: q, stems: stems{}} }

// Count is Terms.Count.
func (c *Counter) Count(text string) Match { return c.q.matchInto(text, false, c.stems, &c.buf) }

func (q Terms) match(text string, marks bool, c stems) Match { return q.matchInto(text, marks, c, nil) }

// matchInto is match with the scanner's slices b (nil: new ones).
func (q Terms) matchInto(text string, marks bool, c stems, b *scanBuffers) Match {
	m := Match{Counts: make([]int, len(q))}
	var spans *[]entente.Span
	if marks {
		spans = new([]entente.Span)
	}
	tokens := 0 // the index tokens of the units before
	scanInto(text, c, b, func(u *unit) {
		n := 1
		if u.isRun() {
			n = len(u.runes) // n-1 bigrams and the last character
		}
		m.Length += n
		for i := range q {
			q[i].find(u, tokens, spans, &m.Counts[i])
		}
		tokens += n
	})
	m.Length = min(m.Length, MaxTokens)
	if marks {
		m.Marks = merge(*spans)
	}
	return m
}

// find counts the occurrences of t in the unit, whose first index token is
// the text's token-th, and, if spans is not nil, appends them to it. Only
// occurrences whose tokens are among the text's first MaxTokens count: the
// index holds no more, and a search finds what the index holds, on either
// store, whether it looks up positions or checks the text.
func (t *Term) find(u *unit, token int, spans *[]entente.Span, count *int) {
	if t.runes == nil {
		if !u.isRun() && token < MaxTokens && slices.Contains(t.words, u.word) {
			*count++
			if spans != nil {
				*spans = append(*spans, entente.Span{Start: u.start, End: u.end})
			}
		}
		return
	}
	if !u.isRun() {
		return
	}
	n := len(t.runes)
	// the last token an occurrence at j needs: its last bigram, or for one
	// character the token it begins
	last := max(n-2, 0)
	for j := 0; j+n <= len(u.runes) && token+j+last < MaxTokens; j++ {
		if u.runes[j] == t.runes[0] && slices.Equal(u.runes[j:j+n], t.runes) {
			*count++
			if spans != nil {
				*spans = append(*spans, entente.Span{Start: u.pos[j], End: u.pos[j+n-1] + 1})
			}
		}
	}
}

// merge sorts spans and joins those that overlap or touch.
func merge(spans []entente.Span) []entente.Span {
	if len(spans) == 0 {
		return nil
	}
	slices.SortFunc(spans, func(a, b entente.Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	})
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.Start <= last.End {
			last.End = max(last.End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}
