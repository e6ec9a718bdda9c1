package search

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// HeldIn finds a query's terms in a text's TokenSet exactly where Count
// finds them all in the text, for every term that is not a phrase: the
// check a store makes of many kept queries at once gives what it made
// one query at a time.
func TestHeldInAgreesWithCount(t *testing.T) {
	filler := strings.Repeat("x ", MaxTokens-5)
	texts := []string{
		"双方同意加强铁路合作，推进基础设施建设。",
		"钢铁 合作",
		"The two sides will strengthen cooperation on railways.",
		"Dve strane će jačati saradnju u oblasti železnice.",
		"Две стране ће јачати сарадњу у области железнице.",
		filler + "x x 命运共同体",
		filler + "x x x x x cooperation",
	}
	for _, name := range []string{"cn-rs-2024-joint-statement.zh.txt", "us-ie-2021-joint-statement.en.txt"} {
		b, err := os.ReadFile("../testdata/corpus/" + name)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	queries := []string{"合", "铁", "同", "铁路", "合作", "双方 合作", "合 railway", "cooperation", "railways",
		"saradnju", "сарадњу", "sides strengthen", "钢", "作", "x", "中方 愿", "Ireland", "塞尔 中", "爱尔"}
	set := NewTokenSet()
	held := 0
	for _, text := range texts {
		set.Reset(Tokens(text))
		for _, query := range queries {
			q := Query(query)
			want := !slices.Contains(q.Count(text).Counts, 0)
			if got := q.HeldIn(set); got != want {
				t.Errorf("%q in %q: HeldIn %v, Count %v", query, text[max(0, len(text)-60):], got, want)
			}
			if want {
				held++
			}
		}
	}
	if held < 20 {
		t.Fatalf("only %d texts held a query: the test checks too little", held)
	}
	if q := Query("全面战略伙伴关系"); !q.Positional() || q.HeldIn(set) {
		t.Error("a phrase is positional and never held by a TokenSet")
	}
}

// FuzzHeldIn holds the agreement on any text and query.
func FuzzHeldIn(f *testing.F) {
	f.Add("双方同意加强铁路合作", "铁路 合")
	f.Add(strings.Repeat("中国", MaxTokens/2)+"人类命运共同体", "同")
	f.Add("Saradnja i сарадња", "saradnja")
	f.Fuzz(func(t *testing.T, text, query string) {
		q := Query(query)
		if q.Positional() || len(q) == 0 {
			return
		}
		set := NewTokenSet()
		set.Reset(Tokens(text))
		if got, want := q.HeldIn(set), !slices.Contains(q.Count(text).Counts, 0); got != want {
			t.Fatalf("%q in a text of %d bytes: HeldIn %v, Count %v", query, len(text), got, want)
		}
	})
}

// A query's terms made again from their parts are the same: their
// tokens, and what they find in a text.
func TestTermFromParts(t *testing.T) {
	text := "双方同意加强铁路合作。The sides cooperate on railways; сарадња у области железнице."
	for _, query := range []string{"合", "铁路", "全面战略伙伴关系", "railways cooperation", "сарадња", "合 railway 全面合作"} {
		q := Query(query)
		var got Terms
		for _, term := range q {
			run, words := term.Parts()
			again, err := TermFromParts(run, words)
			if err != nil {
				t.Fatalf("%q: %v", query, err)
			}
			got = append(got, again)
		}
		if got.String() != q.String() || !slices.Equal(got.Count(text).Counts, q.Count(text).Counts) || got.Positional() != q.Positional() {
			t.Errorf("%q made again as %v, %v in the text against %v", query, got, got.Count(text).Counts, q.Count(text).Counts)
		}
	}
	for _, bad := range []struct {
		run   string
		words []string
	}{{"", nil}, {"", []string{"a", "b", "c"}}, {"", []string{""}}, {"\xff", nil}, {strings.Repeat("合", maxRunParts+1), nil}} {
		if _, err := TermFromParts(bad.run, bad.words); err == nil {
			t.Errorf("parts %q %q made a term", bad.run, bad.words)
		}
	}
}

// FuzzTermFromParts: any parts make a usable term or are refused.
func FuzzTermFromParts(f *testing.F) {
	f.Add("合作", "", "")
	f.Add("", "cooper", "cooperat")
	f.Add("", "x", "")
	f.Fuzz(func(t *testing.T, run, a, b string) {
		var words []string
		for _, w := range []string{a, b} {
			if w != "" {
				words = append(words, w)
			}
		}
		term, err := TermFromParts(run, words)
		if err != nil {
			return
		}
		q := Terms{term}
		q.Count("合作 railways")
		set := NewTokenSet()
		set.Reset(Tokens("合作 railways"))
		q.HeldIn(set)
	})
}
