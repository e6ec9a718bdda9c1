package sqlstore

import (
	"slices"
	"testing"
)

// TestPackLabels: lists of labels, bare codes and items with the
// characters the form escapes, read back as they were written; texts no
// list is written as are refused.
func TestPackLabels(t *testing.T) {
	for _, c := range []struct {
		name  string
		items []string
		want  string
	}{
		{"none", nil, ""},
		{"one code", []string{"CN"}, "CN"},
		{"codes in order", []string{"RS", "CN", "ASEAN"}, "RS CN ASEAN"},
		{"an area with an underscore", []string{"international_order", "trade"}, "international_order trade"},
		{"a space", []string{"New Zealand"}, `New\sZealand`},
		{"a backslash", []string{`a\b`, "c"}, `a\\b c`},
		{"an empty item", []string{"", "x", ""}, `\e x \e`},
		{"escapes that look like escapes", []string{`\e`, `\s`}, `\\e \\s`},
		{"not ASCII", []string{"中国", "Србија"}, "中国 Србија"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := packLabels(c.items)
			if got != c.want {
				t.Fatalf("packLabels(%q) = %q, want %q", c.items, got, c.want)
			}
			back, err := unpackLabels(got)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(back, c.items) || back == nil {
				t.Errorf("unpackLabels(%q) = %q, want %q", got, back, c.items)
			}
		})
	}
	for _, bad := range []string{" ", "CN ", " CN", "CN  RS", `a\`, `a\x`, `\E`} {
		if got, err := unpackLabels(bad); err == nil {
			t.Errorf("unpackLabels(%q) = %q, want an error", bad, got)
		}
	}
}

// FuzzUnpackLabels: any text reads as a list or fails, and what reads is
// written again to the same text.
func FuzzUnpackLabels(f *testing.F) {
	for _, s := range []string{"", "CN", "CN RS", `New\sZealand`, `\e`, `a\\b`, "  ", `\`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		items, err := unpackLabels(s)
		if err != nil {
			return
		}
		if again := packLabels(items); again != s {
			t.Fatalf("%q reads %q, written again %q", s, items, again)
		}
	})
}
