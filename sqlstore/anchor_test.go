package sqlstore

import (
	"strings"
	"testing"
)

// FuzzAppendCollapsed: the anchor's collapsed text is exactly
// strings.Join(strings.Fields(s), " ") for any bytes (white space of every
// kind, invalid UTF-8), appended after what dst held.
func FuzzAppendCollapsed(f *testing.F) {
	for _, s := range []string{"", " ", "a", "  双方  同意\t深化\n合作。 ", "a\u00a0b\u0085c\u3000d", "\xff \xfe\x80 x", "\u2028\u2029", "x \v\f\ry"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.Fields(s), " ")
		if got := string(appendCollapsed(nil, s)); got != want {
			t.Fatalf("%q collapsed to %q, want %q", s, got, want)
		}
		if got := string(appendCollapsed([]byte("kept"), s)); got != "kept"+want {
			t.Fatalf("%q after kept: %q, want %q", s, got, "kept"+want)
		}
	})
}
