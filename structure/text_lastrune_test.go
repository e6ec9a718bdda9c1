package structure

import "testing"

// FuzzLastRune holds lastRune, which decodes from the end, to the last
// rune of the whole text decoded from the start, on any bytes.
func FuzzLastRune(f *testing.F) {
	for _, s := range []string{"", "a", "中", "中\xe4", "\xe4\xb8", "a\xe4\xb8\xad", "\xed\xa0\x80", "\xef\xbf\xbd", "é\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := lastRune(s)
		rs := []rune(s)
		if ok != (len(rs) > 0) || ok && got != rs[len(rs)-1] {
			t.Errorf("lastRune(%q) = %q, %v; want the last of %q", s, got, ok, rs)
		}
	})
}
