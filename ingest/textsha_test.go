package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"unicode"
)

// referenceTextSHA256 is TextSHA256 as first written: every rune tested
// by unicode.IsSpace and written through a builder.
func referenceTextSHA256(text string) string {
	h := sha256.New()
	var b strings.Builder
	for _, r := range text {
		if !unicode.IsSpace(r) && r != '\u3000' && r != '\ufeff' {
			b.WriteRune(r)
		}
	}
	h.Write([]byte(b.String()))
	return hex.EncodeToString(h.Sum(nil))
}

// FuzzTextSHA256 holds TextSHA256 to the plain version on any text: the
// same runes kept (invalid UTF-8 as U+FFFD), whatever the runs and the
// flushes of its buffer.
func FuzzTextSHA256(f *testing.F) {
	for _, s := range []string{"", "双方同意。\n\n\u3000\u3000中方愿意。", "a\u00a0b\u0085c\u2028d\ufeffe", "\xff\xfe 合\x80",
		strings.Repeat("Србија и Кина ", 100), strings.Repeat("合", 600) + " x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := TextSHA256(s), referenceTextSHA256(s); got != want {
			t.Errorf("TextSHA256(%q) = %s, want %s", s, got, want)
		}
	})
}
