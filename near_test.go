package entente

import (
	"os"
	"strings"
	"testing"
)

func readNear(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/near/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// halfWidth replaces Chinese full-width punctuation by its ASCII form, as a
// news agency's feed often does.
var halfWidth = strings.NewReplacer("，", ",", "。", ".", "、", ",", "；", ";", "：", ":", "（", "(", "）", ")", "《", "<", "》", ">")

// TestNearSame: the same statement as other publishers print it is one
// statement; near statements that differ in a letter or a digit of the body
// are not.
func TestNearSame(t *testing.T) {
	zh, en := readNear(t, "statement.zh.txt"), readNear(t, "statement.en.txt")
	nextYear := strings.NewReplacer("2024年5月7日至8日", "2025年9月2日至3日", "2024年5月8日", "2025年9月3日", "2025年底", "2026年底").Replace(zh)
	tests := []struct {
		name           string
		stored, source string
		same           bool
		wantStart      string // the source's text before the body, when a difference is expected there
		wantEnd        string
	}{
		{"dateline added", zh, "新华社贝尔格莱德5月8日电\n" + zh, true, "新华社贝尔格莱德5月8日电", ""},
		{"dateline in the first line", zh, "新华社贝尔格莱德5月8日电 " + strings.TrimPrefix(zh, ""), true, "新华社贝尔格莱德5月8日电", ""},
		{"half-width punctuation", zh, halfWidth.Replace(zh), true, "", ""},
		{"other line breaks and spaces", zh, strings.ReplaceAll(zh, "\n\n", "\n　　"), true, "", ""},
		{"ministry header and footer", zh, "外交部 > 首页 > 双边关系 > 塞尔维亚\n" + zh + "\n【打印本页】【关闭窗口】", true, "外交部 > 首页 > 双边关系 > 塞尔维亚", "【打印本页】【关闭窗口】"},
		{"agency's and ministry's edges both", "外交部网站\n" + zh + "\n（完）", "新华社北京5月8日电\n" + halfWidth.Replace(zh) + "\n责任编辑：王某", true, "新华社北京5月8日电", "责任编辑：王某"},
		{"english with a dateline and straight quotes", en, "BELGRADE, May 8 (Agency) -- " + strings.ReplaceAll(en, "People's", "People’s"), true, "BELGRADE, May 8 (Agency) --", ""},
		{"english with a byline footer", en, en + "\nReporting by the agency's Belgrade desk; editing by a colleague.", true, "", "Reporting by the agency's Belgrade desk; editing by a colleague."},

		{"next year's statement of the same pair", zh, nextYear, false, "", ""},
		{"a deadline changed", zh, strings.Replace(zh, "2025年底前", "2027年底前", 1), false, "", ""},
		{"one word changed", zh, strings.Replace(zh, "力争", "争取", 1), false, "", ""},
		{"a paragraph added in the middle", zh, strings.Replace(zh, "五、", "五、双方同意在卫生领域加强合作，共同应对公共卫生挑战。\n\n六、", 1), false, "", ""},
		{"a paragraph dropped", zh, strings.Replace(zh, "四、双方愿加强能源、基础设施、数字经济和绿色发展领域合作，鼓励两国企业在新能源和矿产资源开发方面开展互利合作。", "", 1), false, "", ""},
		{"an excerpt", zh, zh[:len(zh)/2], false, "", ""},
		{"quoted inside a long commentary", zh, strings.Repeat("评论员文章指出，两国关系持续发展，务实合作不断深化。", 20) + zh, false, "", ""},
		{"another language of the same statement", zh, en, false, "", ""},
		{"short texts alike", "双方同意加强合作。", "新华社电 双方同意加强合作。", false, "", ""},
		{"identical", zh, zh, true, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, same := NearSame(tt.stored, tt.source)
			if same != tt.same {
				t.Fatalf("NearSame = %v (coverage %.3f), want %v", same, m.Coverage, tt.same)
			}
			diffs := TextDifferences(tt.stored, tt.source)
			if !same {
				if diffs != nil {
					t.Errorf("differences of texts that are not one statement: %v", diffs)
				}
				return
			}
			if m.Coverage <= 0 || m.Coverage > 1 {
				t.Errorf("coverage %v out of (0, 1]", m.Coverage)
			}
			got := map[string]string{}
			for _, d := range diffs {
				if d.Where != "body" {
					got[d.Where] = d.Source
				}
			}
			if got["start"] != tt.wantStart || got["end"] != tt.wantEnd {
				t.Errorf("differences at the edges: start %q end %q, want %q and %q (all: %v)", got["start"], got["end"], tt.wantStart, tt.wantEnd, diffs)
			}
		})
	}
}

// TestTextDifferencesPunctuation: the marks that differ inside the body
// are listed by kind with how often, and identical texts have none.
func TestTextDifferencesPunctuation(t *testing.T) {
	zh := readNear(t, "statement.zh.txt")
	if d := TextDifferences(zh, zh); len(d) != 0 {
		t.Errorf("identical texts differ: %v", d)
	}
	diffs := TextDifferences(zh, halfWidth.Replace(zh))
	counts := map[[2]string]int{}
	for _, d := range diffs {
		if d.Where != "body" {
			t.Errorf("unexpected %s difference %v", d.Where, d)
		}
		counts[[2]string{d.Stored, d.Source}] = d.Count
	}
	for _, mark := range [][2]string{{"，", ","}, {"、", ","}, {"《", "<"}} {
		want := strings.Count(zh, mark[0])
		if mark[0] == "《" {
			want = 1 // "欢迎《" is one place
		}
		if counts[mark] != want {
			t.Errorf("%q → %q counted %d, want %d (all: %v)", mark[0], mark[1], counts[mark], want, diffs)
		}
	}
}

// TestNearSketch: a near-duplicate shares most of its sketch, so the store
// finds it; another statement shares little.
func TestNearSketch(t *testing.T) {
	zh, en := readNear(t, "statement.zh.txt"), readNear(t, "statement.en.txt")
	shared := func(a, b []int64) int {
		set := map[int64]bool{}
		for _, h := range a {
			set[h] = true
		}
		n := 0
		for _, h := range b {
			if set[h] {
				n++
			}
		}
		return n
	}
	base := NearSketch(zh)
	if len(base) != NearSketchSize {
		t.Fatalf("sketch of %d hashes, want %d", len(base), NearSketchSize)
	}
	tests := []struct {
		name    string
		text    string
		atLeast int
		atMost  int
	}{
		{"dateline and half-width", "新华社贝尔格莱德5月8日电 " + halfWidth.Replace(zh) + "（完）", NearMinShared * 3, NearSketchSize},
		{"another language", en, 0, NearMinShared - 1},
		{"too short", "合作", 0, 0},
	}
	for _, tt := range tests {
		n := shared(base, NearSketch(tt.text))
		if n < tt.atLeast || n > tt.atMost {
			t.Errorf("%s: %d hashes shared, want %d to %d", tt.name, n, tt.atLeast, tt.atMost)
		}
	}
}

func FuzzNearSame(f *testing.F) {
	f.Add("双方同意加强合作。", "新华社电 双方同意加强合作。")
	f.Add(strings.Repeat("合作共赢，", 60), strings.Repeat("合作共赢,", 61))
	f.Add("", "\xff\xfe")
	f.Fuzz(func(t *testing.T, a, b string) {
		m, same := NearSame(a, b)
		diffs := TextDifferences(a, b)
		if same {
			if m.StoredStart > m.StoredEnd || m.StoredEnd > len(a) || m.SourceStart > m.SourceEnd || m.SourceEnd > len(b) {
				t.Fatalf("body out of the texts: %+v", m)
			}
		} else if diffs != nil {
			t.Fatalf("differences without a match: %v", diffs)
		}
		if len(NearSketch(a)) > NearSketchSize {
			t.Fatal("sketch too long")
		}
		_, ra := NearSketchRunes(a)
		_, rb := NearSketchRunes(b)
		if ra != NewNearText(a).Runes() || rb != NewNearText(b).Runes() {
			t.Fatalf("NearSketchRunes counts %d, %d runes; the measure reads %d, %d", ra, rb, NewNearText(a).Runes(), NewNearText(b).Runes())
		}
		if same && !NearRunesMayMatch(ra, rb) {
			t.Fatalf("a match of %d and %d runes ruled out by length", ra, rb)
		}
	})
}

// TestNearRunesMayMatch checks the length rule against the measure itself:
// a body of n runes with a header or footer added up to the edge the
// measure allows is a match and must pass; one rune past the edge is not
// a match and the rule should say so (it may keep a rune of slack).
func TestNearRunesMayMatch(t *testing.T) {
	body := func(n int) string {
		var b strings.Builder
		for i := range n {
			// letters that never repeat a run: the body is one run only
			b.WriteRune(rune(0x4E00 + (i*7919)%20000))
		}
		return b.String()
	}
	for _, n := range []int{nearMinBody, 500, 1199, 1200, 1201, 5000, 20000} {
		text := body(n)
		edge := int(max(nearEdge*float64(n), nearEdgeRunes))
		for _, extra := range []int{0, edge / 2, edge, edge + 2, 2 * edge} {
			longer := text + strings.Repeat("x", extra)
			_, same := NearSame(text, longer)
			may := NearRunesMayMatch(n, n+extra)
			if same && !may {
				t.Errorf("%d runes and %d more: NearSame matches, the length rule rules it out", n, extra)
			}
			if extra > edge+1 && may {
				t.Errorf("%d runes and %d more (edge %d): the length rule keeps a pair past the edge", n, extra, edge)
			}
			if NearRunesMayMatch(n, n+extra) != NearRunesMayMatch(n+extra, n) {
				t.Errorf("%d and %d: the rule depends on the order", n, n+extra)
			}
		}
	}
	if NearRunesMayMatch(nearMinBody-1, nearMinBody-1) {
		t.Errorf("two texts shorter than the shortest body pass")
	}
}
