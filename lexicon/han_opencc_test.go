package lexicon

import (
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// openccChars converts every character of the blocks the table is built
// from with OpenCC's t2s, one call per character (not the table's one
// text of lines), keeping what the table promises: a change to one
// character of the same UTF-8 length. It is the fuzz test's reference,
// independent of the table's arrays, and chars lists every character it
// changes or changes another to.
var openccChars = sync.OnceValues(func() (map[rune]rune, error) {
	cc, err := opencc.New("t2s")
	if err != nil {
		return nil, err
	}
	ref := map[rune]rune{}
	for _, rg := range [][2]rune{{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}} {
		for r := rg[0]; r <= rg[1]; r++ {
			out, err := cc.Convert(string(r))
			if err != nil {
				return nil, err
			}
			if m, n := utf8.DecodeRuneInString(out); n == len(out) && m != r && utf8.RuneLen(m) == utf8.RuneLen(r) {
				ref[r] = m
			}
		}
	}
	for t, m := range CornerQuotes {
		ref[t] = m // the table's own addition to OpenCC's characters
	}
	return ref, nil
})

// refSimplify maps s character by character by OpenCC's conversions (an
// invalid byte stays as it is, as SimplifyNotingValid leaves it) and
// notes, for each character another maps to, how s writes it (-1: in
// several ways), as SimplifyNoting's readings say.
func refSimplify(ref map[rune]rune, images map[rune]bool, s string) (string, map[rune]rune) {
	var b strings.Builder
	readings := map[rune]rune{}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteByte(s[i])
			i++
			continue
		}
		m := r
		if o, ok := ref[r]; ok {
			m = o
		}
		b.WriteRune(m)
		if images[m] {
			if o, ok := readings[m]; !ok {
				readings[m] = r
			} else if o != r {
				readings[m] = -1
			}
		}
		i += n
	}
	return b.String(), readings
}

// FuzzSimplifyOpenCC holds the table's fast mapping (SimplifyNotingValid:
// the BMP's array and its loop without calls) to OpenCC's conversion of
// each character alone, and its readings to a count made from that
// conversion: on any bytes, and on texts made of the table's characters
// (the fuzzer's bytes pick them), the first seed holding every one of
// them between ASCII, other lengths and invalid bytes.
func FuzzSimplifyOpenCC(f *testing.F) {
	table, err := hanTable()
	if err != nil {
		f.Fatal(err)
	}
	ref, err := openccChars()
	if err != nil {
		f.Fatal(err)
	}
	images := map[rune]bool{}
	for _, m := range ref {
		images[m] = true
	}
	var chars []rune // every character the table knows, in code point order
	for r := rune(0); r < 0x10000; r++ {
		if _, ok := ref[r]; ok || images[r] {
			chars = append(chars, r)
		}
	}
	var all strings.Builder
	for k, r := range chars {
		all.WriteRune(r)
		switch k % 7 {
		case 1:
			all.WriteString("a ")
		case 3:
			all.WriteString("é\U00020000") // two and four bytes
		case 5:
			all.WriteString("\xe4\xb8") // a cut character
		}
	}
	f.Add(all.String(), []byte(nil))
	f.Add("中華人民共和國\xed\xa0\x80\xe0\x80\x80ࠀ힣", []byte{1, 2, 3, 4})
	f.Add("", []byte{0xff, 0xff, 0, 0, 7})
	f.Fuzz(func(t *testing.T, s string, picks []byte) {
		// the fuzzer's bytes pick characters of the table, between s's bytes
		var b strings.Builder
		for k := 0; k+1 < len(picks); k += 2 {
			b.WriteRune(chars[(int(picks[k])<<8|int(picks[k+1]))%len(chars)])
			if k/2 < len(s) {
				b.WriteByte(s[k/2])
			}
		}
		for _, text := range []string{s, b.String()} {
			readings := make([]rune, table.Images()+1)
			got, valid := table.SimplifyNotingValid(text, readings, nil)
			want, wantReadings := refSimplify(ref, images, text)
			if valid != utf8.ValidString(text) {
				t.Fatalf("SimplifyNotingValid(%q) reports valid %v", text, valid)
			}
			if got != want {
				t.Fatalf("SimplifyNotingValid(%q) = %q, OpenCC by character %q", text, got, want)
			}
			if !valid {
				continue // readings are noted for valid text only
			}
			for m := range images {
				if g := readings[table.ImageIndex(m)]; g != wantReadings[m] {
					t.Fatalf("SimplifyNoting(%q): reading of %c = %q, want %q", text, m, g, wantReadings[m])
				}
			}
		}
	})
}
