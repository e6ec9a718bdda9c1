package compare

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// The merged measure (one merge of a pair's terms marks the shared ones,
// and the runs read the marks) against the plain algorithms it replaced:
// a cosine merge, the whole table of shared runs, and a look-up of every
// term in the other item. Identical features on every pair.

func plainCosine(a, b *item) (float64, int) {
	if a.norm == 0 || b.norm == 0 {
		return 0, 0
	}
	var dot float64
	rare := 0
	for i, j := 0, 0; i < len(a.ids) && j < len(b.ids); {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			dot += a.weights[i] * b.weights[j]
			if a.rareID[i] {
				rare++
			}
			i++
			j++
		}
	}
	return dot / (a.norm * b.norm), rare
}

func plainSharedRun(a, b *item) (int, int) {
	best, end := 0, 0
	prev, cur := make([]int, len(b.seq)+1), make([]int, len(b.seq)+1)
	for i := 1; i <= len(a.seq); i++ {
		for j := 1; j <= len(b.seq); j++ {
			if a.rare[i-1] && a.seq[i-1] == b.seq[j-1] {
				cur[j] = prev[j-1] + 1
				if cur[j] > best {
					best, end = cur[j], i
				}
			} else {
				cur[j] = 0
			}
		}
		prev, cur = cur, prev
	}
	return end - best, best
}

func plainApart(a, b *item) [2]int {
	best, end, cur := 0, 0, 0
	for i, t := range a.seq {
		if _, held := slices.BinarySearch(b.ids, t); a.rare[i] && !held {
			cur++
			if cur > best {
				best, end = cur, i+1
			}
		} else {
			cur = 0
		}
	}
	return [2]int{end - best, best}
}

func plainMeasure(a, b *item) features {
	var f features
	if a.same != "" && a.same == b.same {
		return features{same: true}
	}
	var rare int
	f.text, rare = plainCosine(a, b)
	f.entity = sharesEntity(a.entities, b.entities)
	f.otherInstruments = len(a.refs) > 0 && len(b.refs) > 0 && !sharesEntity(a.refs, b.refs)
	if rare >= minWordRun {
		f.runStart, f.runLen = plainSharedRun(a, b)
	}
	f.apartA, f.apartB = plainApart(a, b), plainApart(b, a)
	for _, ar := range a.s.Areas {
		if slices.Contains(b.s.Areas, ar) {
			f.area = ar
			break
		}
	}
	return f
}

// randomItems are sentences of words drawn from a small vocabulary, a few
// words common to most, so that pairs share runs, rare and common terms;
// some are long (more terms than the flags kept on the stack, and than
// the run table's buffer).
func randomItems(r *rand.Rand, n int) []*item {
	common := []string{"the", "sides", "will", "cooperation", "and"}
	var items []*item
	for k := range n {
		words := 3 + r.IntN(25)
		if k%17 == 0 {
			words = 150 + r.IntN(100)
		}
		var b strings.Builder
		for range words {
			if r.IntN(3) == 0 {
				b.WriteString(common[r.IntN(len(common))])
			} else {
				b.WriteString("w" + string(rune('a'+r.IntN(26))) + string(rune('a'+r.IntN(6))))
			}
			b.WriteByte(' ')
		}
		s := &entente.Sentence{Text: b.String(), Type: entente.Commitment, Areas: []string{[]string{"trade", "energy"}[r.IntN(2)]}}
		if r.IntN(4) == 0 {
			s.Projects = []string{"project " + string(rune('a'+r.IntN(3)))}
		}
		items = append(items, newItem(1, "", s))
	}
	// a few the same words as another
	for k := 0; k+1 < len(items); k += 13 {
		items[k+1] = newItem(1, "", items[k].s)
	}
	weigh(items)
	return items
}

func TestMergedMeasureIsThePlainOne(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	items := randomItems(r, 120)
	runs := 0
	for _, a := range items {
		for _, b := range items {
			got, want := measure(a, b), plainMeasure(a, b)
			if got != want {
				t.Fatalf("%q ~ %q: merged %+v, plain %+v", a.s.Text, b.s.Text, got, want)
			}
			if want.runLen > 0 {
				runs++
			}
			for _, min := range []float64{0, RecycledThreshold, FollowupThreshold, 0.9} {
				full := want.score(a, b)
				if got := similarityAtLeast(a, b, min); full >= min && got != full {
					t.Fatalf("%q ~ %q: %.3f ≥ %.2f but the bound gave %.3f", a.s.Text, b.s.Text, full, min, got)
				}
				sc, named := followupScore(a, b, min)
				if full >= min && want.named(a) && (!named || sc != full) {
					t.Fatalf("%q ~ %q: follow-up score %.3f named %v, want %.3f named", a.s.Text, b.s.Text, sc, named, full)
				}
				if named && (math.Abs(sc-full) > 0 || !want.named(a)) {
					t.Fatalf("%q ~ %q: follow-up score %.3f named, plain %.3f named %v", a.s.Text, b.s.Text, sc, full, want.named(a))
				}
			}
		}
	}
	if runs == 0 {
		t.Fatal("no pair shared a run: the items test nothing of sharedRun")
	}
}
