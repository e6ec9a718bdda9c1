package extract

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/entente/entente/lexicon"
)

var testHanTable = sync.OnceValues(lexicon.LoadHanTable)

// newTestRestorers maps orig to Simplified through OpenCC's table and
// returns the restorer Hant.Extract makes and the reference one.
func newTestRestorers(t testing.TB, orig string) (*restorer, *refRestorer) {
	t.Helper()
	table, err := testHanTable()
	if err != nil {
		t.Fatal(err)
	}
	readings := make([]rune, table.Images()+1)
	simp := table.SimplifyNoting(orig, readings, nil)
	return &restorer{orig: orig, simp: simp, table: table, readings: readings}, &refRestorer{orig: orig, simp: simp}
}

// TestRestorer gives strings of the Simplified text back as the original
// writes them: at their first occurrence, with spaces aside when lines were
// joined, character by character when put together from parts; a
// character the text writes in two ways (係 and 系 both map to 系) as it
// stands where the string is found.
func TestRestorer(t *testing.T) {
	orig := "中華人民共和國\n和塞爾維亞共和國聯合聲明\n雙方同意加強鐵路合作。雙方將推進鐵路建設。" +
		"兩國關係，經濟體系。\n關 係 體 系\n中國 系 統"
	tests := []struct{ name, in, want string }{
		{"substring", "铁路合作", "鐵路合作"},
		{"first occurrence", "铁路", "鐵路"},
		{"one character", "双", "雙"},
		{"joined lines", "中华人民共和国和塞尔维亚共和国联合声明", "中華人民共和國和塞爾維亞共和國聯合聲明"},
		{"parts", "铁路声明", "鐵路聲明"},
		{"two readings, first", "关系", "關係"},
		{"two readings, second", "体系", "體系"},
		{"two readings, spaces aside", "体系中国", "體系中國"},
		{"two readings, spaces aside, its own spaces kept", "关 系体", "關 係體"},
		{"two readings, parts: the first that differs", "系声明", "係聲明"},
		{"two readings, one character", "系", "係"},
		{"not Chinese", "abc", "abc"},
		{"empty", "", ""},
		{"a cut character, found as bytes", "\xe7\xb3", "\xe4\xbf"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rb, ref := newTestRestorers(t, orig)
			if got := rb.restore(tc.in); got != tc.want {
				t.Errorf("restore(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if got, want := rb.restore(tc.in), ref.restore(tc.in); got != want {
				t.Errorf("restore(%q) = %q, the search of the whole text gives %q", tc.in, got, want)
			}
		})
	}
}

// restorerProbes are strings to restore from a Simplified text: its pieces
// as they are, with spaces taken out and put in, and joined out of order.
func restorerProbes(simp string, from, to int) []string {
	from = min(max(from, 0), len(simp))
	to = max(min(to, len(simp)), from)
	piece := simp[from:to]
	var probes []string
	probes = append(probes, piece, compact(piece), strings.ReplaceAll(piece, "\n", ""),
		strings.Join(strings.Fields(piece), " "), piece+simp[:from], simp[to:]+piece)
	if rs := []rune(compact(piece)); len(rs) > 1 {
		probes = append(probes, string(rs[:1])+" "+string(rs[1:]), string(rs[len(rs)/2:])+string(rs[:len(rs)/2]))
	}
	for _, r := range piece {
		probes = append(probes, string(r))
	}
	return append(probes, "系", "关系", "体系", "干", "干部", "后来", "里面", "发展")
}

// FuzzRestorer holds the restorer to the search of the whole text it
// replaced (refRestorer) on any text and any string cut from it, squeezed,
// spaced or rearranged, sentence after sentence too (restoreNext).
func FuzzRestorer(f *testing.F) {
	f.Add("兩國關係，經濟體系。\n關 係 體 系\n中國 系 統", 3, 30)
	f.Add("乾杯，幹部。幹 部 乾\u3000杯\n後來皇后在裡面，裏面公里。", 0, 40)
	f.Add("雙方將加強鐵路合作，擴大鐵路建設。", 6, 12)
	f.Add("ab\xffcd\xe4\xb8ab 係", 0, 2)
	f.Add("頭髮發展，發 展 頭 髮。", 4, 20)
	f.Fuzz(func(t *testing.T, text string, from, to int) {
		if len(text) > 4096 {
			return
		}
		text = strings.ToValidUTF8(text, "\uFFFD") // as Hant.Extract makes it
		rb, ref := newTestRestorers(t, text)
		probes := restorerProbes(rb.simp, from, to)
		for _, s := range probes {
			if got, want := rb.restore(s), ref.restore(s); got != want {
				t.Fatalf("restore(%q) in %q = %q, want %q", s, text, got, want)
			}
		}
		for _, s := range probes {
			if !utf8.ValidString(s) {
				continue
			}
			if got, want := rb.restoreNext(s), ref.restoreNext(s); got != want || rb.cursor != ref.cursor {
				t.Fatalf("restoreNext(%q) in %q = %q at %d, want %q at %d", s, text, got, rb.cursor, want, ref.cursor)
			}
		}
	})
}

// FuzzRestorerIndex holds the reference restorer's indexed search to
// strings.Index.
func FuzzRestorerIndex(f *testing.F) {
	f.Add("双方将加强铁路合作，扩大铁路建设。", 6, 12)
	f.Add("ab\xffcd\xe4\xb8ab", 0, 2)
	f.Add("铁路铁路铁", 3, 9)
	f.Fuzz(func(t *testing.T, text string, from, to int) {
		rb := &refRestorer{orig: text, simp: text}
		for _, s := range []string{text[min(max(from, 0), len(text)):max(min(to, len(text)), min(max(from, 0), len(text)))], "铁路", "路铁", "ab"} {
			if got, want := rb.index(s), strings.Index(text, s); got != want {
				t.Fatalf("index(%q) in %q = %d, want %d", s, text, got, want)
			}
		}
	})
}

// FuzzIndexFirstByte holds indexFirstByte to strings.Index.
func FuzzIndexFirstByte(f *testing.F) {
	f.Add("\n\n双方将加强铁路合作。双方将推进铁路建设。", "双方将推进")
	f.Add("aaaaaaaaaaaaaaaaaaaaab", "ab")
	f.Add("铁铁铁铁铁铁铁铁铁铁铁路", "铁路")
	f.Fuzz(func(t *testing.T, s, sub string) {
		if sub == "" {
			return
		}
		if got, want := indexFirstByte(s, sub), strings.Index(s, sub); got != want {
			t.Fatalf("indexFirstByte(%q, %q) = %d, want %d", s, sub, got, want)
		}
	})
}

// FuzzIndexByLast holds indexByLast to strings.Index.
func FuzzIndexByLast(f *testing.F) {
	f.Add("双方将加强铁路合作。双方将推进铁路建设。", "双方")
	f.Add("aaaaaaaaaaaaaaaaaaaaab", "ab")
	f.Add("系係系", "系")
	f.Add("abc", "abcd")
	f.Fuzz(func(t *testing.T, s, p string) {
		if p == "" {
			return
		}
		if got, want := indexByLast(s, p), strings.Index(s, p); got != want {
			t.Fatalf("indexByLast(%q, %q) = %d, want %d", s, p, got, want)
		}
	})
}

// FuzzIndexNear holds indexNear, in and past its window, to strings.Index.
func FuzzIndexNear(f *testing.F) {
	f.Add("\n\n双方将加强铁路合作。双方将推进铁路建设。", "双方将推进")
	f.Add("双方将加强铁路合作。双方将推进\n铁路建设。双方将推进铁路建设。", "双方将推进铁路建设。")
	f.Add("铁铁铁铁铁铁铁铁铁铁铁路", "铁路")
	f.Add("ab\xe4\xb8\xadcd", "\xb8\xadc")
	f.Fuzz(func(t *testing.T, s, sub string) {
		if got, want := indexNear(s, sub), strings.Index(s, sub); got != want {
			t.Fatalf("indexNear(%q, %q) = %d, want %d", s, sub, got, want)
		}
		if got, want := indexByPrefix(s, sub), strings.Index(s, sub); got != want {
			t.Fatalf("indexByPrefix(%q, %q) = %d, want %d", s, sub, got, want)
		}
	})
}

// FuzzRuneOffsets holds runeOffsets to the offsets range gives on valid
// text (all it is given) and, on any bytes, to offsets that rise from 0 to
// len(s) without a panic.
func FuzzRuneOffsets(f *testing.F) {
	f.Add("雙方將加強 railway 合作。")
	f.Add("\xe4\xb8a\xed\xa0\x80\xef\xbf\xbd𠀀")
	f.Add("Ω ü 𠀀 。")
	f.Add("雙方將加強合作。")
	f.Add("\xe4AA\xef\xbf")
	f.Fuzz(func(t *testing.T, s string) {
		got := runeOffsets(nil, s)
		if allThreeByte(s) {
			// the offsets a sentence of three-byte characters takes
			// instead (cueBytes), on any bytes
			for k, o := range got {
				if o != 3*k {
					t.Fatalf("runeOffsets(%q) = %v, but allThreeByte: want 0, 3, 6…", s, got)
				}
			}
		}
		if len(got) == 0 || got[0] != 0 && s != "" || got[len(got)-1] != len(s) {
			t.Fatalf("runeOffsets(%q) = %v: not from 0 to len(s)", s, got)
		}
		for k := 1; k < len(got); k++ {
			if got[k] <= got[k-1] {
				t.Fatalf("runeOffsets(%q) = %v: not rising", s, got)
			}
		}
		if !utf8.ValidString(s) {
			return
		}
		var want []int
		for i := range s {
			want = append(want, i)
		}
		want = append(want, len(s))
		if !slices.Equal(got, want) {
			t.Fatalf("runeOffsets(%q) = %v, want %v", s, got, want)
		}
	})
}
