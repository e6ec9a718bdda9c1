package search

import (
	"slices"
	"strings"
	"testing"
)

// heldByTokens says whether a text whose index tokens are toks holds the
// term as a store's index finds it: a word by any of its reductions, a
// bigram as a token, one character as the first of a token, and a longer
// run as its bigrams at consecutive places (SQLite's positions).
func heldByTokens(t Term, toks []string) bool {
	switch {
	case t.Prefix:
		return slices.ContainsFunc(toks, func(tok string) bool { return strings.HasPrefix(tok, t.Tokens[0]) })
	case t.Phrase():
		for i := 0; i+len(t.Tokens) <= len(toks); i++ {
			if slices.Equal(toks[i:i+len(t.Tokens)], t.Tokens) {
				return true
			}
		}
		return false
	default:
		return slices.ContainsFunc(t.Tokens, func(w string) bool { return slices.Contains(toks, w) })
	}
}

// Count finds a term in a text exactly when the text's index tokens hold
// it: what checking a text finds (PostgreSQL, and a search kept up to date
// as documents change) is what the index's positions find (SQLite), up to
// the last token the index holds.
func TestCountAgreesWithTokens(t *testing.T) {
	filler := strings.Repeat("x ", MaxTokens-5)
	tests := []struct{ query, text string }{
		{"全面战略伙伴关系", "构建全面战略伙伴关系"},
		{"全面战略伙伴关系", "全面战略，略伙伴关系"},                        // every bigram, apart
		{"战略伙伴", "战略伙伴；伙伴战略"},                             // in a row once
		{"伙伴关系", "伙伴 关系"},                                 // a space breaks the run
		{"伙伴关系", "伙伴Relations关系"},                         // so does a word
		{"铁路 合作", "推进铁路合作"},                               // two terms
		{"铁", "钢铁"},                                       // the run's last character
		{"命运共同体", filler + "命运共同体"},                       // the last bigram is token MaxTokens-1
		{"命运共同体", filler + "x 命运共同体"},                     // ... one past it
		{"共同", filler + "xxxx 命运共同体"},                     // a bigram past the last token
		{"同", filler + "x x 命运共同体"},                       // a character whose token is past it
		{"cooperation", filler + "x x x x x cooperation"}, // a word past it
		{"cooperation", filler + "x x x x cooperation"},   // the last token
	}
	for _, tt := range tests {
		q := Query(tt.query)
		toks := Tokens(tt.text)
		c := q.Count(tt.text)
		for i, term := range q {
			if got, want := c.Counts[i] > 0, heldByTokens(term, toks); got != want {
				t.Errorf("%q in a text ending %q: Count finds it %v, the tokens hold it %v", tt.query, tt.text[max(0, len(tt.text)-40):], got, want)
			}
		}
	}
}

// FuzzCountAgreesWithTokens holds the agreement on any text and query,
// and on texts past MaxTokens.
func FuzzCountAgreesWithTokens(f *testing.F) {
	f.Add("构建全面战略伙伴关系", "全面战略伙伴关系")
	f.Add("全面战略，略伙伴关系 railway", "全面战略伙伴关系 railways")
	f.Add(strings.Repeat("中国", MaxTokens/2)+"人类命运共同体", "命运共同体 同")
	f.Add(strings.Repeat("saradnja ", MaxTokens)+"Сарадња", "saradnja")
	f.Fuzz(func(t *testing.T, text, query string) {
		q := Query(query)
		toks := Tokens(text)
		c := q.Count(text)
		for i, term := range q {
			if got, want := c.Counts[i] > 0, heldByTokens(term, toks); got != want {
				t.Fatalf("term %v of %q in a text of %d bytes ending %q: Count finds it %v, the tokens hold it %v",
					term.Tokens, query, len(text), text[max(0, len(text)-60):], got, want)
			}
		}
	})
}
