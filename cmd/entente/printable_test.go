package main

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestPrintable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"statement.txt", "statement.txt"},
		{"联合声明 2024.txt", "联合声明 2024.txt"},
		{"a\nb", `a\nb`},
		{"evil\x1b[2J.txt", `evil\x1b[2J.txt`},
		{"bad\xffbyte", `bad\xffbyte`},
		{"c1\u0085x", `c1\u0085x`},
		{"rtl\u202etxt.exe", `rtl\u202etxt.exe`},
	}
	for _, tc := range tests {
		if got := printable(tc.in); got != tc.want {
			t.Errorf("printable(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzPrintable checks that nothing printable lets through can act on a
// terminal, and that a clean name is left alone.
func FuzzPrintable(f *testing.F) {
	f.Add("statement.txt")
	f.Add("evil\x1b]0;title\x07\n\r\u202e\xff")
	f.Fuzz(func(t *testing.T, s string) {
		got := printable(s)
		if !utf8.ValidString(got) {
			t.Fatalf("printable(%q) = %q: not UTF-8", s, got)
		}
		for _, r := range got {
			if unicode.IsControl(r) || isBidiControl(r) {
				t.Fatalf("printable(%q) = %q keeps %U", s, got, r)
			}
		}
		if !needsEscape(s) && got != s {
			t.Fatalf("printable changed the clean %q to %q", s, got)
		}
	})
}
