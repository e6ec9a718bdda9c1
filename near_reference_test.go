package entente

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// The near-duplicate measure was made cheaper (issue 18, item 3: it was
// half of a batch ingest's CPU); these hold it to the first, plain
// implementation, and the sketch's keys to the same keys computed plainly.

// referenceSketch is NearSketch written plainly: each run's polynomial
// hash computed anew, every bin's hashes sorted.
func referenceSketch(text string) []int64 {
	n := nearNormal(text)
	if len(n) < NearKeyShingle {
		return nil
	}
	bins := make([][]uint64, NearSketchSize)
	for i := 0; i+NearKeyShingle <= len(n); i++ {
		var h uint64
		for _, x := range n[i : i+NearKeyShingle] {
			h = h*nearRollBase + uint64(x.r)
		}
		v := nearMix(h ^ nearKeySeed)
		b := int(v / (1 << 64 / NearSketchSize))
		bins[b] = append(bins[b], v)
	}
	var keys []int64
	for b, vs := range bins {
		if len(vs) == 0 {
			continue
		}
		slices.Sort(vs)
		vs = slices.Compact(vs)
		k := nearMix(uint64(b) + nearKeySeed)
		for _, v := range vs[:min(len(vs), nearKeyRuns)] {
			k = nearMix(k ^ v)
		}
		keys = append(keys, int64(k>>1))
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// referenceRun is longestCommonRun as first written: a table of every
// shingle of b (its first 8 places), looked up at a's anchors.
func referenceRun(a, b []normalRune) (int, int, int) {
	if len(a) < NearShingle || len(b) < NearShingle {
		return 0, 0, 0
	}
	at := map[string][]int{}
	key := func(n []normalRune) string {
		rs := make([]rune, len(n))
		for i, x := range n {
			rs[i] = x.r
		}
		return string(rs)
	}
	for j := 0; j+NearShingle <= len(b); j++ {
		k := key(b[j : j+NearShingle])
		if len(at[k]) < 8 {
			at[k] = append(at[k], j)
		}
	}
	var bestA, bestB, best int
	for _, frac := range []float64{0.5, 0.25, 0.75, 0.1, 0.9} {
		i := int(frac * float64(len(a)-NearShingle))
		if i >= bestA && i < bestA+best {
			continue
		}
		for _, j := range at[key(a[i:i+NearShingle])] {
			s, t := i, j
			for s > 0 && t > 0 && a[s-1].r == b[t-1].r {
				s, t = s-1, t-1
			}
			e, f := i, j
			for e < len(a) && f < len(b) && a[e].r == b[f].r {
				e, f = e+1, f+1
			}
			if e-s > best {
				bestA, bestB, best = s, t, e-s
			}
		}
	}
	return bestA, bestB, best
}

// checkAgainstReference fails when the sketch or the run of a and b
// differs from the first implementation's.
func checkAgainstReference(t *testing.T, a, b string) {
	t.Helper()
	want := referenceSketch(a)
	if got := NearSketch(a); !slices.Equal(got, want) {
		t.Fatalf("sketch of %.40q: %v, want %v", a, got, want)
	}
	// the sketch of a text read once for the measure, and the one-pass
	// sketch of the text alone, which a batch computes for every text
	if got := NewNearText(a).Sketch(); !slices.Equal(got, want) {
		t.Fatalf("sketch of %.40q read by NewNearText: %v, want %v", a, got, want)
	}
	na, nb := nearNormal(a), nearNormal(b)
	s, u, n := longestCommonRun(na, nb)
	rs, ru, rn := referenceRun(na, nb)
	if s != rs || u != ru || n != rn {
		t.Fatalf("run of %.40q in %.40q: (%d, %d, %d), want (%d, %d, %d)", a, b, s, u, n, rs, ru, rn)
	}
}

func TestNearAgainstReference(t *testing.T) {
	zh, en := readNear(t, "statement.zh.txt"), readNear(t, "statement.en.txt")
	half := len(zh) / 2
	for half > 0 && !strings.HasPrefix(zh[half:], "，") && !strings.HasPrefix(zh[half:], "。") {
		half--
	}
	tests := []struct{ name, a, b string }{
		{"same text", zh, zh},
		{"dateline and half-width", zh, "新华社贝尔格莱德5月8日电 " + halfWidth.Replace(zh) + "（完）"},
		{"another language", zh, en},
		{"half of it", zh, zh[:half]},
		{"a paragraph changed", zh, zh[:half] + "双方同意于2030年前完成。" + zh[half:]},
		{"repeated shingles", strings.Repeat("合作共赢，", 60), strings.Repeat("合作共赢,", 61)},
		{"short", "合作", "合作"},
		{"empty", "", zh},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkAgainstReference(t, tt.a, tt.b)
			checkAgainstReference(t, tt.b, tt.a)
		})
	}
}

func FuzzNearAgainstReference(f *testing.F) {
	f.Add("双方同意加强合作。双方同意加强合作。", "新华社电 双方同意加强合作。")
	f.Add(strings.Repeat("合作共赢，", 60), strings.Repeat("合作共赢,", 61))
	f.Add("abcdefghij abcdefghij abcdefghij", "xx abcdefghij abcdefghij")
	f.Fuzz(func(t *testing.T, a, b string) {
		checkAgainstReference(t, a, b)
	})
}

// referenceNormal is nearNormal as first written: every rune through the
// unicode tables.
func referenceNormal(text string) []normalRune {
	out := []normalRune{}
	for off, r := range text {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			out = append(out, normalRune{unicode.ToLower(r), off})
		}
	}
	return out
}

// TestNearNormalEveryRune: nearNormal keeps and folds each rune, alone
// and after another, as the plain version does, for every rune.
func TestNearNormalEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // not encodable: string(r) is U+FFFD, checked below
		}
		s := "a" + string(r)
		if got, want := nearNormal(s), referenceNormal(s); !slices.Equal(got, want) {
			t.Fatalf("%U: %v, want %v", r, got, want)
		}
	}
	if got, want := nearNormal("\xff\xfe合"), referenceNormal("\xff\xfe合"); !slices.Equal(got, want) {
		t.Errorf("invalid UTF-8: %v, want %v", got, want)
	}
}

// FuzzNearNormal holds nearNormal to the plain version on any text.
func FuzzNearNormal(f *testing.F) {
	for _, s := range []string{"", "双方同意ＡＢＣ１２３。", "Србија и Кина", "Srbija, Kina: ĐŽ ß İ", "e\u0301\u0308", "\xff合\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := nearNormal(s), referenceNormal(s); !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	})
}
