package compare

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/search"
)

// Two sentences say the same thing when they share rare terms (the search
// analyzer's: Chinese character bigrams, folded and stemmed words), weighted
// by how rare each is among the sentences compared (tf-idf, cosine), and
// more so when they name the same project, instrument or mechanism or
// share a policy area. Text alone would miss a promise reworded around the
// same project; entities alone would pair every sentence about one railway.

// item is one sentence made ready for comparison.
type item struct {
	doc      int64
	date     string
	s        *entente.Sentence
	terms    map[string]float64 // term frequency, then tf-idf
	seq      []string           // the terms in order
	rare     []bool             // whether each term of seq is rare among the items
	norm     float64
	entities []string // folded names of projects, instruments, mechanisms
	same     string   // the sentence's terms joined: equal for the same words
}

// newItem reads a sentence's terms and names.
func newItem(doc int64, date string, s *entente.Sentence) *item {
	it := &item{doc: doc, date: date, s: s, terms: map[string]float64{}}
	toks := search.Tokens(s.Text)
	for _, t := range toks {
		it.terms[t]++
	}
	it.seq = toks
	it.same = strings.Join(toks, " ")
	for _, group := range [][]string{s.References, s.Mechanisms, s.Projects} {
		for _, n := range group {
			it.entities = append(it.entities, foldName(n))
		}
	}
	slices.Sort(it.entities)
	it.entities = slices.Compact(it.entities)
	return it
}

// foldName makes the names of one thing comparable: no brackets or quotes,
// no spaces, lower case.
func foldName(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '《', '》', '"', '\'', '“', '”', '‘', '’', '「', '」', ' ':
			return -1
		}
		return r
	}, strings.ToLower(s))
}

// weigh turns the items' term counts into tf-idf over the items given.
func weigh(items []*item) {
	df := map[string]int{}
	for _, it := range items {
		for t := range it.terms {
			df[t]++
		}
	}
	n := float64(len(items))
	common := max(2, len(items)/4) // a term in more items than this is no name
	for _, it := range items {
		it.rare = make([]bool, len(it.seq))
		for i, t := range it.seq {
			it.rare[i] = df[t] <= common
		}
		var sum float64
		for t, tf := range it.terms {
			w := (1 + math.Log(tf)) * math.Log(1+n/float64(df[t]))
			it.terms[t] = w
			sum += w * w
		}
		it.norm = math.Sqrt(sum)
	}
}

// cosine is the text similarity of two weighed items.
func cosine(a, b *item) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	if len(a.terms) > len(b.terms) {
		a, b = b, a
	}
	var dot float64
	for t, w := range a.terms {
		dot += w * b.terms[t]
	}
	return dot / (a.norm * b.norm)
}

// shared returns the elements of two sorted lists found in both.
func shared(a, b []string) []string {
	var out []string
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); ok {
			out = append(out, x)
		}
	}
	return out
}

// similarity scores two items from 0 to 1 and says why.
func similarity(a, b *item) (float64, []string) {
	if a.same != "" && a.same == b.same {
		return 1, []string{"same words"}
	}
	c := cosine(a, b)
	score := c
	why := []string{fmt.Sprintf("text %.2f", c)}
	if ents := shared(a.entities, b.entities); len(ents) > 0 {
		score += (1 - score) * entityWeight
		for _, e := range ents {
			why = append(why, "names "+e)
		}
	}
	if run := sharedRun(a, b); run != "" {
		score += (1 - score) * entityWeight
		why = append(why, "shares "+run)
	}
	if x, y := apart(a, b), apart(b, a); x != "" && y != "" {
		// each names something the other does not: two sections of one
		// railway, two agreements of one area
		score *= apartFactor
		why = append(why, "apart "+x+" / "+y)
	}
	for _, ar := range a.s.Areas {
		if slices.Contains(b.s.Areas, ar) {
			score += (1 - score) * areaWeight
			why = append(why, "area "+ar)
			break
		}
	}
	return score, why
}

// sharedRun is the longest run of rare terms the two sentences share in
// the same order, when it is long enough to be a name neither sentence's
// extraction marked (自由贸易协定 is five Chinese bigrams; "free trade
// agreement" three words): "" when there is none.
func sharedRun(a, b *item) string {
	if len(a.seq) == 0 || len(b.seq) == 0 {
		return ""
	}
	prev, cur := make([]int, len(b.seq)+1), make([]int, len(b.seq)+1)
	best, end := 0, 0
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
	if best == 0 {
		return ""
	}
	run := a.seq[end-best : end]
	if !hasHan(run[0]) && best == minWordRun {
		return strings.Join(run, " ") // two shared words are a name; two differing ones are not
	}
	return runText(run, best)
}

// apart is the longest run of rare terms of a that b lacks, when it is
// long enough to be a name: "" when there is none.
func apart(a, b *item) string {
	best, end, cur := 0, 0, 0
	for i, t := range a.seq {
		if _, in := b.terms[t]; a.rare[i] && !in {
			cur++
			if cur > best {
				best, end = cur, i+1
			}
		} else {
			cur = 0
		}
	}
	if best == 0 {
		return ""
	}
	return runText(a.seq[end-best:end], best)
}

// runText is a run of terms as a reader would write it, "" when it is too
// short to be a name.
func runText(run []string, n int) string {
	if hasHan(run[0]) {
		if n < minHanRun {
			return ""
		}
		var sb strings.Builder
		for _, t := range run {
			sb.WriteString(string([]rune(t)[:1]))
		}
		sb.WriteString(string([]rune(run[len(run)-1])[1:]))
		return sb.String()
	}
	if n < minWordRun+1 {
		return "" // a word or two of difference is rewording
	}
	return strings.Join(run, " ")
}

// apartFactor is what names on both sides that the other lacks leave of
// a score.
const apartFactor = 0.8

// The shortest shared runs read as a name: four Chinese bigrams (five
// characters), two words.
const (
	minHanRun  = 4
	minWordRun = 2
)

// How much a shared name or area closes the gap to a perfect score.
const (
	entityWeight = 0.35
	areaWeight   = 0.1
)

// Thresholds of the similarity score.
const (
	// AlignThreshold pairs two sentences in a comparison.
	AlignThreshold = 0.4
	// SameThreshold marks a pair repeated rather than reworded, when their
	// strength is the same.
	SameThreshold = 0.9
	// RecycledThreshold calls an earlier commitment the same promise.
	RecycledThreshold = 0.7
	// FollowupThreshold offers a later report on a commitment.
	FollowupThreshold = 0.35
)
