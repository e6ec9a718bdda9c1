package extract

import (
	"strings"
	"testing"
)

// TestRestorer gives strings of the Simplified text back as the original
// writes them: at their first occurrence, with spaces aside when lines were
// joined, character by character when put together from parts.
func TestRestorer(t *testing.T) {
	orig := "中華人民共和國\n和塞爾維亞共和國聯合聲明\n雙方同意加強鐵路合作。雙方將推進鐵路建設。乾杯，幹部。"
	simp := "中华人民共和国\n和塞尔维亚共和国联合声明\n双方同意加强铁路合作。双方将推进铁路建设。干杯，干部。"
	tests := []struct{ name, in, want string }{
		{"substring", "铁路合作", "鐵路合作"},
		{"first occurrence", "铁路", "鐵路"},
		{"one character", "双", "雙"},
		{"joined lines", "中华人民共和国和塞尔维亚共和国联合声明", "中華人民共和國和塞爾維亞共和國聯合聲明"},
		{"parts", "铁路声明", "鐵路聲明"},
		{"first reading of a shared character", "干杯", "乾杯"},
		{"second reading of a shared character", "干部", "幹部"},
		{"not Chinese", "abc", "abc"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rb := &restorer{orig: orig, simp: simp}
			if got := rb.restore(tc.in); got != tc.want {
				t.Errorf("restore(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// FuzzRestorerIndex holds the restorer's indexed search to strings.Index.
func FuzzRestorerIndex(f *testing.F) {
	f.Add("双方将加强铁路合作，扩大铁路建设。", 6, 12)
	f.Add("ab\xffcd\xe4\xb8ab", 0, 2)
	f.Add("铁路铁路铁", 3, 9)
	f.Fuzz(func(t *testing.T, text string, from, to int) {
		rb := &restorer{orig: text, simp: text}
		for _, s := range []string{text[min(max(from, 0), len(text)):max(min(to, len(text)), min(max(from, 0), len(text)))], "铁路", "路铁", "ab"} {
			if got, want := rb.index(s), strings.Index(text, s); got != want {
				t.Fatalf("index(%q) in %q = %d, want %d", s, text, got, want)
			}
		}
	})
}
