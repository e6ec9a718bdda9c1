package search

import (
	"unicode/utf8"

	"github.com/entente/entente/internal/snapbytes"
)

// maxSnapshotRun bounds a run's characters as a snapshot gives them back:
// a query's text is bounded far below it.
const maxSnapshotRun = 4096

// WriteTerms writes q for ReadTerms: each term's reductions (a word) or
// characters (a run), from which the rest of it follows as Query makes it.
func WriteTerms(w *snapbytes.Writer, q Terms) {
	w.Uvarint(uint64(len(q)))
	for _, t := range q {
		w.Flag(t.runes != nil)
		if t.runes != nil {
			w.String(string(t.runes))
			continue
		}
		w.Uvarint(uint64(len(t.words)))
		for _, word := range t.words {
			w.String(word)
		}
	}
}

// ReadTerms reads terms WriteTerms wrote. A count or a text out of bounds
// fails r (whose Err the caller reads) and gives nil.
func ReadTerms(r *snapbytes.Reader) Terms {
	n := r.Count("terms", 2)
	if n == 0 || n > MaxTerms {
		r.Fail("%d terms", n)
		return nil
	}
	q := make(Terms, 0, n)
	for range n {
		if r.Flag("run") {
			s := r.String("run")
			runes := []rune(s)
			if len(runes) == 0 || len(runes) > maxSnapshotRun || !utf8.ValidString(s) {
				r.Fail("a run of %d bytes", len(s))
				return nil
			}
			q = append(q, newTerm(&unit{runes: runes}))
			continue
		}
		words := make([]string, r.Count("words", 1))
		if len(words) == 0 || len(words) > 2 {
			r.Fail("a word of %d reductions", len(words))
			return nil
		}
		for i := range words {
			if words[i] = r.String("word"); words[i] == "" {
				r.Fail("an empty word")
				return nil
			}
		}
		t := Term{Tokens: words, words: words}
		t.Any = len(words) > 1
		q = append(q, t)
	}
	if r.Err != nil {
		return nil
	}
	return q
}
