package lexicon

import (
	"slices"
	"strings"
	"testing"
)

// refLongest is LongestAt the slow way: the longest word of words that
// starts at i, with the payload of its last entry.
func refLongest(words []string, text []rune, i int) (int, int) {
	end, payload := -1, 0
	for k, w := range words {
		rw := []rune(w)
		if len(rw) == 0 || i+len(rw) > len(text) || string(text[i:i+len(rw)]) != w {
			continue
		}
		if i+len(rw) >= end {
			end, payload = i+len(rw), k
		}
	}
	return end, payload
}

// refSuffix is SuffixAt the slow way.
func refSuffix(words []string, text []rune, end int) (int, int) {
	start, payload := -1, 0
	for k, w := range words {
		rw := []rune(w)
		if len(rw) == 0 || end-len(rw) < 0 || end > len(text) || string(text[end-len(rw):end]) != w {
			continue
		}
		if start == -1 || end-len(rw) <= start {
			start, payload = end-len(rw), k
		}
	}
	return start, payload
}

// FuzzMatcherReference holds the matcher's walks, forwards and backwards,
// and its one pass over a text (AppendAll, after what out holds) to a scan
// of every word, on tries that branch widely (many words sharing
// a first character move their node's run of edges as it fills).
func FuzzMatcherReference(f *testing.F) {
	f.Add("双方将继续加强合作", "将|继续|加强合作|合作|加强|加")
	f.Add("abcabdabeabfabgabhabi", "ab|abc|abd|abe|abf|abg|abh|abi|b|bd|abc")
	f.Add("甲乙丙丁戊己庚辛壬癸", "甲乙|甲丙|甲丁|乙丙丁|乙丙|丙|丁戊己庚|戊己庚辛壬|甲乙丙丁戊")
	f.Fuzz(func(t *testing.T, text, list string) {
		if len(list) > 2000 || len(text) > 2000 {
			return
		}
		words := strings.Split(list, "|")
		for i := range words {
			words[i] = strings.ToValidUTF8(words[i], "")
			if strings.ContainsRune(words[i], 0) {
				words[i] = "" // no word starts with NUL (the root table's empty mark)
			}
		}
		fwd, rev := NewMatcher(), NewMatcher()
		for k, w := range words {
			fwd.Add(w, k)
			rev.AddReversed(w, k)
		}
		rs := []rune(text)
		for i := 0; i <= len(rs); i++ {
			gotEnd, gotP := fwd.LongestAt(rs, i)
			wantEnd, wantP := refLongest(words, rs, i)
			if gotEnd != wantEnd || gotEnd >= 0 && gotP != wantP {
				t.Fatalf("LongestAt(%q, %d) = %d/%d, want %d/%d (words %q)", text, i, gotEnd, gotP, wantEnd, wantP, words)
			}
			gotStart, gotP := rev.SuffixAt(rs, i)
			wantStart, wantP := refSuffix(words, rs, i)
			if gotStart != wantStart || gotStart >= 0 && gotP != wantP {
				t.Fatalf("SuffixAt(%q, %d) = %d/%d, want %d/%d (words %q)", text, i, gotStart, gotP, wantStart, wantP, words)
			}
		}
		// the one pass (AppendAll) is the leftmost-longest words, each
		// read on from the end of the one before
		var want []Match
		for i := 0; i < len(rs); {
			end, p := refLongest(words, rs, i)
			if end < 0 {
				i++
				continue
			}
			want = append(want, Match{Start: i, End: end, Payload: p})
			i = end
		}
		if got := fwd.AppendAll([]Match{{Start: -1}}, rs)[1:]; !slices.Equal(got, want) {
			t.Fatalf("AppendAll(%q) = %v, want %v (words %q)", text, got, want, words)
		}
	})
}
