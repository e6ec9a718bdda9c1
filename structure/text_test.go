package structure

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestStableNFC(t *testing.T) {
	for _, s := range []string{"双方同意。", "Srbija i Kina", "“一带一路”", "２０２４年", "—— 5G"} {
		if !stableNFC(s) {
			t.Errorf("stableNFC(%q) = false", s)
		}
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("%q is not NFC: the fast path is wrong", s)
		}
	}
	// a decomposed č, and a CJK compatibility ideograph that NFC replaces
	for _, s := range []string{"c\u030c", "\uF900", "\u2000"} {
		if stableNFC(s) {
			t.Errorf("stableNFC(%q) = true, but NFC changes it", s)
		}
	}
}
