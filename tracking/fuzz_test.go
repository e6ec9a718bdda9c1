package tracking

import (
	"strings"
	"testing"

	"github.com/entente/entente"
)

// FuzzParseRef: any input is a sentence reference or one clear error,
// never a panic, and what parses prints back the same.
func FuzzParseRef(f *testing.F) {
	for _, s := range []string{"12/s4", "1/s1", "0/s1", "12/4", "/s4", "12/s", "12/s4/", "a/sb", "١٢/s4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, label, err := ParseRef(s)
		if err != nil {
			if entente.ErrorCode(err) != entente.EINVALID {
				t.Errorf("%q: %v is not an invalid-input error", s, err)
			}
			return
		}
		if doc <= 0 || itoa(doc)+"/"+label != s {
			t.Errorf("%q parsed as %d %q", s, doc, label)
		}
	})
}

func itoa(n int64) string {
	b := []byte{}
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// FuzzParseAnchor and FuzzParseCorrectionRef: the root's parsers of what
// the API and the CLI read.
func FuzzParseAnchor(f *testing.F) {
	f.Add("1:2:abc:0")
	f.Add("1:a:b:c:0")
	f.Add(":::")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := entente.ParseAnchor(s)
		if err != nil {
			return
		}
		b, err := entente.ParseAnchor(a.String())
		if err != nil || b != a {
			t.Errorf("%q → %+v → %q → %+v, %v", s, a, a.String(), b, err)
		}
	})
}

func FuzzParseCorrectionRef(f *testing.F) {
	for _, s := range []string{"c12", "d3", "c0", "x1", "c", "c-1", "c01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, id, err := entente.ParseCorrectionRef(s)
		if err != nil {
			return
		}
		if entente.CorrectionRef(doc, id) != s {
			t.Errorf("%q → %v %d → %q", s, doc, id, entente.CorrectionRef(doc, id))
		}
	})
}

// FuzzBreakBetween: for any statement, sentence and cut, breaking the
// statement between the parts only adds full stops and white space, and
// the texts it expects are the parts', never a panic.
func FuzzBreakBetween(f *testing.F) {
	f.Add("双方同意加强合作，推动发展。其他。", "双方同意加强合作，推动发展。", 9)
	f.Add("The two sides agree to  work together, and to act.", "agree to work together, and to act.", 22)
	f.Add("a b", "b", 1)
	f.Fuzz(func(t *testing.T, text, sentence string, at int) {
		rs := []rune(sentence)
		if at <= 0 || at >= len(rs) {
			return
		}
		parts := []string{string(rs[:at]), string(rs[at:])}
		broken, want, ok := breakBetween(text, sentence, parts)
		if !ok {
			return
		}
		if len(want) != len(parts) {
			t.Fatalf("%d texts for %d parts", len(want), len(parts))
		}
		dropStops := func(s string) string {
			return strings.Map(func(r rune) rune {
				if r == '。' || r == '.' {
					return -1
				}
				return r
			}, squeezeSpace(s))
		}
		if dropStops(broken) != dropStops(text) {
			t.Fatalf("breaking %q changed more than stops and white space: %q", text, broken)
		}
		for i, w := range want {
			if dropStops(w) != dropStops(parts[i]) {
				t.Fatalf("part %d expected as %q, is %q", i, w, parts[i])
			}
		}
	})
}
