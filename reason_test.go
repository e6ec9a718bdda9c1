package entente

import (
	"strings"
	"testing"
)

// TestReasonText renders every reason code in both languages with as many
// arguments as its wording takes, and a list of reasons.
func TestReasonText(t *testing.T) {
	args := []string{"A", "B", "C", "D", "E"}
	for code, w := range reasonWords {
		n := 0
		for i := 1; i <= len(args); i++ {
			if strings.Contains(w[0]+w[1]+w[2], "%["+string(rune('0'+i))+"]s") {
				n = i
			}
		}
		enc := NewReason(code, args[:n]...)
		for _, lang := range []string{"zh", "en", "sr"} {
			got := ReasonText(enc, lang)
			if got == "" || strings.Contains(got, "%!") || got == enc {
				t.Errorf("%s in %s: %q", code, lang, got)
			}
			for _, a := range args[:n] {
				if !strings.Contains(got, a) {
					t.Errorf("%s in %s: %q lacks argument %s", code, lang, got, a)
				}
			}
		}
		if ReasonCode(enc) != code {
			t.Errorf("ReasonCode(%q) = %q", enc, ReasonCode(enc))
		}
	}
	list := JoinReasons([]string{NewReason("same_title"), NewReason("short_form", "X")})
	if got := ReasonText(list, "en"); got != "the same title; short form (its characters in order, the same head) of «X»" {
		t.Errorf("a list: %q", got)
	}
	if got := ReasonText(NewReason("decision", "merge", "ed", ""), "en"); got != "merge by ed" {
		t.Errorf("a decision without a reason: %q", got)
	}
	if got := ReasonText("plain words", "zh"); got != "plain words" {
		t.Errorf("text that is no reason: %q", got)
	}
}

func FuzzReasonText(f *testing.F) {
	f.Add(NewReason("counterparts", "zh", "en", "T", "s1", "s2"))
	f.Add(JoinReasons([]string{NewReason("same_title"), NewReason("decision", "a\x1fb")}))
	f.Add("short_form")
	f.Fuzz(func(t *testing.T, s string) {
		for _, lang := range []string{"zh", "en"} {
			_ = ReasonText(s, lang) // never panics, whatever is stored
		}
		if code := ReasonCode(NewReason(s, s)); strings.ContainsAny(code, reasonArgSep+reasonListSep) {
			t.Errorf("a code holds a separator: %q", code)
		}
	})
}
