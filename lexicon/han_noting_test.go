package lexicon

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// wantReadings computes, the slow way, what SimplifyNoting notes: for
// each image, the characters of s standing where the result has it.
func wantReadings(table *HanTable, s string) map[rune]rune {
	want := map[rune]rune{}
	for _, r := range s {
		m := table.Simplified(r)
		if table.ImageIndex(m) == 0 {
			continue
		}
		switch o, ok := want[m]; {
		case !ok:
			want[m] = r
		case o != r:
			want[m] = -1
		}
	}
	return want
}

// TestSimplifyNoting maps as SimplifyString does and notes how the text
// writes each image: one way (traditional or as it is), several, or not at
// all.
func TestSimplifyNoting(t *testing.T) {
	table, err := hanTable()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in string
		want     map[rune]rune // readings of these images; any other must be 0
	}{
		{"traditional", "兩國關係", map[rune]rune{'两': '兩', '国': '國', '关': '關', '系': '係'}},
		{"two ways", "關係與體系", map[rune]rune{'关': '關', '系': -1, '与': '與', '体': '體'}},
		{"written as the image", "国國", map[rune]rune{'国': -1}},
		{"simplified only", "国家", map[rune]rune{'国': '国', '家': '家'}},
		{"nothing Chinese", "abc 2024", nil},
		{"outside the dense block", "\U00020000㐀\uF900", nil},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			readings := make([]rune, table.Images()+1)
			if got, want := table.SimplifyNoting(tc.in, readings, nil), table.SimplifyString(tc.in); got != want {
				t.Fatalf("SimplifyNoting(%q) = %q, want %q", tc.in, got, want)
			}
			for img, want := range tc.want {
				if got := readings[table.ImageIndex(img)]; got != want {
					t.Errorf("reading of %c = %q, want %q", img, got, want)
				}
			}
			if n := len(wantReadings(table, tc.in)); n != len(tc.want) {
				t.Errorf("%d images noted, want %d", n, len(tc.want))
			}
		})
	}
}

// FuzzSimplifyNoting holds SimplifyNoting to SimplifyString and its
// readings to a count made character by character, on valid text.
func FuzzSimplifyNoting(f *testing.F) {
	table, err := hanTable()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"中華人民共和國", "關係與體系係", "国國国", "abc", "乾幹干後后"} {
		f.Add(s)
	}
	f.Add("中\xe4\xb8a\xed\xa0\x80")
	f.Fuzz(func(t *testing.T, s string) {
		// the validity it reports is utf8.ValidString's, on any bytes
		if _, valid := table.SimplifyNotingValid(s, make([]rune, table.Images()+1), nil); valid != utf8.ValidString(s) {
			t.Fatalf("SimplifyNotingValid(%q) reports valid %v", s, valid)
		}
		s = strings.ToValidUTF8(s, "\uFFFD")
		readings := make([]rune, table.Images()+1)
		if got, want := table.SimplifyNoting(s, readings, nil), table.SimplifyString(s); got != want {
			t.Fatalf("SimplifyNoting(%q) = %q, want %q", s, got, want)
		}
		want := wantReadings(table, s)
		for img := rune(0); img <= utf8.MaxRune; img++ {
			if i := table.ImageIndex(img); i != 0 && readings[i] != want[img] {
				t.Fatalf("SimplifyNoting(%q): reading of %c = %q, want %q", s, img, readings[i], want[img])
			}
		}
	})
}

// TestImageIndex numbers every character the table maps to, and only
// those, from 1 to Images().
func TestImageIndex(t *testing.T) {
	table, err := hanTable()
	if err != nil {
		t.Fatal(err)
	}
	images := map[rune]bool{}
	for r := rune(0); r <= 0x2FFFF; r++ {
		if m := table.Simplified(r); m != r {
			images[m] = true
		}
	}
	seen := map[int]bool{}
	for r := rune(0); r <= 0x2FFFF; r++ {
		i := table.ImageIndex(r)
		if (i != 0) != images[r] {
			t.Fatalf("ImageIndex(%c) = %d, image %v", r, i, images[r])
		}
		if i != 0 {
			if i > table.Images() || seen[i] {
				t.Fatalf("ImageIndex(%c) = %d: out of 1..%d or given twice", r, i, table.Images())
			}
			seen[i] = true
		}
	}
	if len(seen) != table.Images() || len(seen) < 1000 {
		t.Errorf("%d images numbered of %d", len(seen), table.Images())
	}
}

// BenchmarkSimplifyNoting maps a statement in Traditional characters.
func BenchmarkSimplifyNoting(b *testing.B) {
	table, err := hanTable()
	if err != nil {
		b.Fatal(err)
	}
	text, err := os.ReadFile("../testdata/corpus/cn-rs-2024-joint-statement.zh.txt")
	if err != nil {
		b.Fatal(err)
	}
	// traditional by the table's own inverse: enough for the speed
	inv := map[rune]rune{}
	for r := rune(0x4E00); r < 0xA000; r++ {
		if m := table.Simplified(r); m != r {
			if _, ok := inv[m]; !ok {
				inv[m] = r
			}
		}
	}
	trad := strings.Map(func(r rune) rune {
		if o, ok := inv[r]; ok {
			return o
		}
		return r
	}, string(text))
	readings := make([]rune, table.Images()+1)
	b.SetBytes(int64(len(trad)))
	for b.Loop() {
		clear(readings)
		table.SimplifyNoting(trad, readings, nil)
	}
}
