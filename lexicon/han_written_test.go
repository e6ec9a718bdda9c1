package lexicon

import (
	"testing"
	"unicode/utf8"
)

// writtenRef is Written character by character: ImageIndex and a decode
// per character, as the restorer did before the table's loop.
func writtenRef(t *HanTable, s string, readings []rune) (string, int) {
	b := []byte(s)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return "", -2
		}
		if img := t.ImageIndex(r); img != 0 {
			switch o := readings[img]; {
			case o < 0:
				if !utf8.ValidString(s[i:]) {
					return "", -2
				}
				return "", i
			case o != 0 && o != r:
				utf8.EncodeRune(b[i:], o)
			}
		}
		i += n
	}
	return string(b), -1
}

// FuzzWritten holds Written to writtenRef: strings of any bytes given back
// by the readings of a text (as SimplifyNoting notes them), strings cut
// from the mapped text among them.
func FuzzWritten(f *testing.F) {
	table, err := hanTable()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("關係與體系係中國", "关系与体系", uint8(2))
	f.Add("兩國關係", "两国关系和国", uint8(0))
	f.Add("乾幹干後后", "\xe4\xb8a\xed\xa0\x80干后", uint8(5))
	f.Add("國", "国\U00020000é", uint8(1))
	f.Fuzz(func(t *testing.T, text, s string, cut uint8) {
		readings := make([]rune, table.Images()+1)
		simp := table.SimplifyNoting(text, readings, nil)
		for _, str := range []string{s, simp[min(int(cut), len(simp)):]} {
			var buf []byte
			b, a := table.Written(str, readings, &buf)
			want, wantA := writtenRef(table, str, readings)
			if a != wantA {
				t.Fatalf("Written(%q) after %q: %d, want %d", str, text, a, wantA)
			}
			got := str
			if b != nil {
				got = string(b)
			}
			if a == -1 && got != want {
				t.Fatalf("Written(%q) after %q = %q, want %q", str, text, got, want)
			}
		}
	})
}
