package extract

import (
	"testing"

	"github.com/entente/entente"
)

// TestSlabTake hands out runs of several lengths in turn, as a document's
// sentences take them: each run is zero, of its length and capacity, apart
// from every other (writing one, or appending to it, changes no other).
func TestSlabTake(t *testing.T) {
	tests := []struct {
		name string
		ns   []int
	}{
		{"ones", []int{1, 1, 1, 1}},
		{"a chunk exactly", []int{slabChunk}},
		{"across chunks", []int{20, 20, 20, 5}},
		{"longer than a chunk", []int{3, slabChunk + 1, 2, 2 * slabChunk}},
		{"empty runs between", []int{0, 4, 0, 0, 7}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var s slab[int]
			var runs [][]int
			for k, n := range tc.ns {
				r := s.take(n)
				if r == nil || len(r) != n || cap(r) != n {
					t.Fatalf("take(%d) = len %d cap %d (nil %v), want len and cap %d, not nil", n, len(r), cap(r), r == nil, n)
				}
				for i, v := range r {
					if v != 0 {
						t.Fatalf("take(%d)[%d] = %d, want zero", n, i, v)
					}
					r[i] = k + 1 // the run's mark, which no other run's write may change
				}
				runs = append(runs, r)
			}
			for k, r := range runs {
				_ = append(r, -1) // at capacity: moves, never writes the next run
				for i, v := range r {
					if v != k+1 {
						t.Fatalf("run %d [%d] = %d after the other runs were written, want %d", k, i, v, k+1)
					}
				}
			}
		})
	}
}

// TestScratchUnion holds the slab's union to union's: the same sorted set,
// nil when there is none, its capacity its length.
func TestScratchUnion(t *testing.T) {
	tests := [][][]string{
		nil,
		{{}, nil},
		{{"RS"}},
		{{"RS", "CN"}, {"CN"}, {"EU", "RS"}},
		{{"a", "b", "c", "d", "e"}, {"f", "g", "h", "i", "j"}, {"k", "a"}}, // more than the stack's 8
	}
	sc := &scratch{}
	for _, sets := range tests {
		got, want := sc.union(sets...), union(sets...)
		if (got == nil) != (want == nil) || len(got) != len(want) || cap(got) != len(got) {
			t.Fatalf("union(%q) = %q (cap %d), want %q", sets, got, cap(got), want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("union(%q) = %q, want %q", sets, got, want)
			}
		}
	}
}

// TestScratchSubjectCue: a subject's evidence is zero when handed out, and
// the cues handed out for one sentence stay as written when more are.
func TestScratchSubjectCue(t *testing.T) {
	sc := &scratch{}
	var cues []*entente.PartyCue
	for i := range 20 { // past the buffer's first room
		c := sc.subjectCue()
		if *c != (entente.PartyCue{}) {
			t.Fatalf("cue %d = %+v, want zero", i, *c)
		}
		c.Start = i
		cues = append(cues, c)
	}
	for i, c := range cues {
		if c.Start != i {
			t.Fatalf("cue %d reads start %d after later cues were handed out", i, c.Start)
		}
	}
	sc.subjects = sc.subjects[:0] // the next sentence
	if c := sc.subjectCue(); *c != (entente.PartyCue{}) {
		t.Fatalf("first cue of the next sentence = %+v, want zero", *c)
	}
}
