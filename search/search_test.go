package search

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/entente/entente"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"empty", "", nil},
		{"punctuation only", "，。、——“”", nil},
		{"one Han character", "铁", []string{"铁"}},
		{"Han run: bigrams then the last character", "铁路网", []string{"铁路", "路网", "网"}},
		{"runs split at punctuation", "中塞，铁路", []string{"中塞", "塞", "铁路", "路"}},
		{"digits split a Han run", "2024年5月", []string{"2024", "年", "5", "月"}},
		{"English lowercased and stemmed", "Cooperation COOPERATE cooperating", []string{"cooper", "cooper", "cooper"}},
		{"stop words kept unstemmed", "the being", []string{"the", "being"}},
		{"Serbian Latin diacritics: Serbian endings cut", "Saopštava Đoković džak", []string{"saopstav", "djokovik", "dzak"}},
		{"Serbian Cyrillic to Latin", "Саопштава Ђоковић џак", []string{"saopstav", "djokovik", "dzak"}},
		{"Serbian sound changes: one key", "pruga i pruzi, прузи, пругама", []string{"prug", "i", "prug", "prug", "prug"}},
		{"Serbian sibilarization in the plural", "naučnik i naučnici, Afrika i Africi", []string{"naucnik", "i", "naucnik", "afrik", "i", "afrik"}},
		{"Serbian palatalization", "drug i druže", []string{"drug", "i", "drug"}},
		{"a stem ending in z keeps its forms together", "veza i vezi", []string{"veg", "i", "veg"}},
		{"Serbian word forms: one stem", "pruga i pruge, prugom, prugama", []string{"prug", "i", "prug", "prug", "prug"}},
		{"an English sentence keeps English stems", "the agenda and the data", []string{"the", "agenda", "and", "the", "data"}},
		{"a Serbian name in English text", "the President Vučić will visit", []string{"the", "presid", "vucic", "will", "visit"}},
		{"Traditional Chinese indexed as Simplified", "鐵路網", []string{"铁路", "路网", "网"}},
		{"Cyrillic letters that fold to nothing", "ъ объект", []string{"obekt"}},
		{"decomposed diacritics", "s\u030Cuma", []string{"suma"}},
		{"soft hyphen joins", "co\u00ADoperation", []string{"cooper"}},
		{"full-width Latin", "ＣＯＶＩＤ１９", []string{"covid19"}},
		{"mixed scripts", "中国China中国", []string{"中国", "国", "china", "中国", "国"}},
		{"kana and hangul are runs", "ひら한국", []string{"ひら", "ら한", "한국", "국"}},
		{"long word cut", strings.Repeat("x", 50), []string{strings.Repeat("x", maxWordBytes)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Tokens(tt.in)); diff != "" {
				t.Errorf("Tokens(%q) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestTokensBounded(t *testing.T) {
	got := Tokens(strings.Repeat("中国", MaxTokens))
	if len(got) != MaxTokens {
		t.Errorf("len(Tokens) = %d, want %d", len(got), MaxTokens)
	}
}

func TestQuery(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"，", ""},
		{"铁", "铁"},
		{"铁路", "铁路"},
		{"一带一路", "一带 带一 一路"},
		{"铁路 签证", "铁路 & 签证"},
		{"铁路，铁路", "铁路"},
		{"Cooperate on railways", "cooper | cooperat & on & railway | railwayh"},
		{"прузи", "pruzi | prug"},
		{"prugom", "prugom | prug"},
		{"naučnici", "naucnici | naucnik"},
		{"Србија", "srbija | srb"},
		{"Srbija", "srbija | srb"},
		{"pruga", "pruga | prug"},
		{"鐵路", "铁路"},
		{"鐵", "铁"},
	}
	for _, tt := range tests {
		if got := Query(tt.in).String(); got != tt.want {
			t.Errorf("Query(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMarks(t *testing.T) {
	tests := []struct {
		name, text, query, want string
	}{
		{"two-character word", "加快匈塞铁路建设，推进铁路合作。", "铁路", "加快匈塞[[铁路]]建设，推进[[铁路]]合作。"},
		{"one character", "铁杆友谊和铁路", "铁", "[[铁]]杆友谊和[[铁]]路"},
		{"phrase in a row only", "一带，一路", "一带一路", "一带，一路"},
		{"phrase", "共建“一带一路”合作", "一带一路", "共建“[[一带一路]]”合作"},
		{"touching terms merge", "中国塞尔维亚", "中国 塞尔维亚", "[[中国塞尔维亚]]"},
		{"overlapping occurrences merge", "哈哈哈", "哈哈", "[[哈哈哈]]"},
		{"word form", "Deepen cooperation, and cooperate.", "cooperating", "Deepen [[cooperation]], and [[cooperate]]."},
		{"case", "The VISA regime", "visa", "The [[VISA]] regime"},
		{"Latin finds Cyrillic", "Министарство спољних послова", "spoljnih", "Министарство [[спољних]] послова"},
		{"Cyrillic finds Latin", "Ministarstvo spoljnih poslova", "спољних", "Ministarstvo [[spoljnih]] poslova"},
		{"no diacritics finds diacritics", "Srbija saopštava", "saopstava", "Srbija [[saopštava]]"},
		{"decomposed mark stays inside", "cafe\u0301 noir", "cafe", "[[cafe\u0301]] noir"},
		{"no match", "铁路", "签证", "铁路"},
		{"Simplified finds Traditional", "加快匈塞鐵路建設", "铁路", "加快匈塞[[鐵路]]建設"},
		{"Traditional finds Simplified", "加快匈塞铁路建设", "鐵路", "加快匈塞[[铁路]]建设"},
		{"Serbian forms, Latin query", "Обе стране граде пругу и развијају мрежу пруга, са пругом.", "pruga",
			"Обе стране граде [[пругу]] и развијају мрежу [[пруга]], са [[пругом]]."},
		{"Serbian forms, Cyrillic query", "Strane su se saglasile o izgradnji pruge i o prugama.", "пруга",
			"Strane su se saglasile o izgradnji [[pruge]] i o [[prugama]]."},
		{"English forms beside a Serbian query word", "The sides will build the railways.", "railway", "The sides will build the [[railways]]."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Highlight(tt.text, Marks(tt.text, tt.query)); got != tt.want {
				t.Errorf("Highlight(Marks(%q, %q)) = %q, want %q", tt.text, tt.query, got, tt.want)
			}
		})
	}
}

func TestMatch(t *testing.T) {
	m := Query("铁路 合作").Match("推进铁路合作，铁路")
	if want := []int{2, 1}; !slices.Equal(m.Counts, want) {
		t.Errorf("Counts = %v, want %v", m.Counts, want)
	}
	if want := len(Tokens("推进铁路合作，铁路")); m.Length != want {
		t.Errorf("Length = %d, want %d (len(Tokens))", m.Length, want)
	}
}

// TestCount checks that Count, which ranking uses, finds what Match finds.
func TestCount(t *testing.T) {
	tests := []struct{ query, text string }{
		{"铁路 合作", "推进铁路合作，铁路"},
		{"铁", "铁路、铁矿和钢铁"},
		{"Railway cooperation", "The railways: cooperation, co-operation and Cooperating."},
		{"saradnja", "Сарадња и saradnja у области железнице"},
		{"全面战略伙伴关系", "构建全面战略伙伴关系"},
	}
	for _, tt := range tests {
		q := Query(tt.query)
		m, c := q.Match(tt.text), q.Count(tt.text)
		if !slices.Equal(m.Counts, c.Counts) || m.Length != c.Length || c.Marks != nil {
			t.Errorf("%q in %q: Count = %+v, Match = %+v", tt.query, tt.text, c, m)
		}
	}
	// A Counter remembers reductions across texts: the same counts, in
	// either order of the texts (an English text after a Serbian one
	// reduces the same word otherwise).
	for _, tt := range tests {
		q := Query(tt.query)
		counter := q.Counter()
		for _, other := range tests {
			counter.Count(other.text)
		}
		if got, want := counter.Count(tt.text), q.Count(tt.text); !slices.Equal(got.Counts, want.Counts) || got.Length != want.Length {
			t.Errorf("%q in %q: Counter = %+v, Count = %+v", tt.query, tt.text, got, want)
		}
	}
}

// FuzzCounter checks that a Counter that met another text first counts a
// text as Count does.
func FuzzCounter(f *testing.F) {
	f.Add("Сарадња и saradnja", "The railways: cooperation", "saradnja railway")
	f.Add("推进铁路合作", "cafe\u0301 dz", "铁路 cafe")
	f.Fuzz(func(t *testing.T, first, text, query string) {
		q := Query(query)
		counter := q.Counter()
		counter.Count(first)
		got, want := counter.Count(text), q.Count(text)
		if !slices.Equal(got.Counts, want.Counts) || got.Length != want.Length {
			t.Fatalf("%q in %q after %q: Counter = %+v, Count = %+v", query, text, first, got, want)
		}
	})
}

// TestClassifyTable checks the table against the rule it was built from,
// and the characters past it, so that a fast path can never change tokens.
func TestClassifyTable(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := classify(r), classifyRune(r); got != want {
			t.Fatalf("classify(%U) = %d, want %d", r, got, want)
		}
	}
}

func TestHighlight(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		marks []entente.Span
		want  string
	}{
		{"none", "abc", nil, "abc"},
		{"whole", "abc", []entente.Span{{Start: 0, End: 3}}, "[[abc]]"},
		{"touching", "abcd", []entente.Span{{Start: 0, End: 2}, {Start: 2, End: 4}}, "[[ab]][[cd]]"},
		{"past the end", "abc", []entente.Span{{Start: 2, End: 9}}, "ab[[c]]"},
		{"empty span", "abc", []entente.Span{{Start: 1, End: 1}}, "abc"},
		{"runes", "中塞关系", []entente.Span{{Start: 2, End: 4}}, "中塞[[关系]]"},
	}
	for _, tt := range tests {
		if got := Highlight(tt.text, tt.marks); got != tt.want {
			t.Errorf("%s: Highlight = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// checkSpans fails unless spans lie inside a text of n characters, in order,
// without overlapping or being empty.
func checkSpans(t *testing.T, spans []entente.Span, n int) {
	t.Helper()
	end := -1
	for _, s := range spans {
		if s.Start < 0 || s.End > n || s.Start >= s.End || s.Start <= end {
			t.Fatalf("bad spans %v for a text of %d characters", spans, n)
		}
		end = s.End
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"", "铁路", "中国China中国", "Саопштава Đoković", "s\u030Cuma", "co\u00ADop", "ＣＯＶＩＤ１９"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokens(text)
		if len(toks) > MaxTokens {
			t.Fatalf("%d tokens", len(toks))
		}
		for _, tok := range toks {
			// A token is one index term: the databases split at spaces only.
			if tok == "" || strings.ContainsAny(tok, " \t\n'\"\\") || !utf8.ValidString(tok) {
				t.Fatalf("bad token %q of %q", tok, text)
			}
			if len(tok) > maxWordBytes && utf8.RuneCountInString(tok) > 2 {
				t.Fatalf("token %q longer than %d bytes", tok, maxWordBytes)
			}
		}
		// Every term of a text, as a query, finds the text.
		q := Query(text)
		m := q.Match(text)
		for i, c := range m.Counts {
			if c == 0 {
				t.Fatalf("term %v of %q not found in it", q[i].Tokens, text)
			}
		}
	})
}

func FuzzMarks(f *testing.F) {
	f.Add("加快匈塞铁路建设", "铁路")
	f.Add("哈哈哈", "哈哈")
	f.Add("Министарство спољних", "spoljnih")
	f.Add("cafe\u0301", "cafe")
	f.Fuzz(func(t *testing.T, text, query string) {
		marks := Marks(text, query)
		checkSpans(t, marks, utf8.RuneCountInString(text))
		h := Highlight(text, marks)
		if strings.ReplaceAll(strings.ReplaceAll(h, "[[", ""), "]]", "") != strings.ReplaceAll(strings.ReplaceAll(text, "[[", ""), "]]", "") {
			t.Fatalf("Highlight changed the text: %q → %q", text, h)
		}
	})
}
