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
// more so when they name the same project, instrument or mechanism, share
// a run of rare terms long enough to be a name neither extraction marked,
// or share a policy area; less so when each names something the other does
// not (two sections of one railway). Text alone would miss a promise
// reworded around the same project; names alone would pair every sentence
// about one railway.
//
// Terms are interned as numbers once per set of sentences compared, so
// that the score of a pair is a merge of two short sorted vectors and a
// small table over two short sequences, with no allocation; the reasons
// (why) are written only for the pairs kept.

// item is one sentence made ready for comparison.
type item struct {
	doc      int64
	date     string
	s        *entente.Sentence
	toks     []string // the analyzer's terms, in order
	seq      []int32  // the terms as numbers, in order (after weigh)
	rare     []bool   // whether each term of seq is rare among the items
	at       []int32  // for each term of seq, its place in ids
	ids      []int32  // distinct terms, sorted
	rareID   []bool   // whether each of ids is rare
	weights  []float64
	norm     float64
	entities []string // folded names of projects, instruments, mechanisms
	refs     []string // folded names of the instruments it cites
	same     string   // the sentence's terms joined: equal for the same words
	words    []string // the vocabulary, shared by the items weighed together
	pos      int      // its document's place in a corpus, oldest first
	n        int      // its place among a corpus's commitments
}

// newItem reads a sentence's terms and names.
func newItem(doc int64, date string, s *entente.Sentence) *item {
	it := &item{doc: doc, date: date, s: s, toks: search.Tokens(s.Text)}
	it.same = strings.Join(it.toks, " ")
	for _, group := range [][]string{s.References, s.Mechanisms, s.Projects} {
		for _, n := range group {
			it.entities = append(it.entities, foldName(n))
		}
	}
	slices.Sort(it.entities)
	it.entities = slices.Compact(it.entities)
	for _, n := range s.References {
		it.refs = append(it.refs, foldName(n))
	}
	slices.Sort(it.refs)
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

// weigh numbers the items' terms and weighs them by tf-idf over the items
// given.
func weigh(items []*item) {
	id := map[string]int32{}
	var words []string
	var df []int
	for _, it := range items {
		it.seq = make([]int32, len(it.toks))
		for i, t := range it.toks {
			n, ok := id[t]
			if !ok {
				n = int32(len(words))
				id[t] = n
				words = append(words, t)
				df = append(df, 0)
			}
			it.seq[i] = n
		}
		it.ids = slices.Clone(it.seq)
		slices.Sort(it.ids)
		it.ids = slices.Compact(it.ids)
		for _, n := range it.ids {
			df[n]++
		}
	}
	n := float64(len(items))
	common := max(2, len(items)/4) // a term in more items than this is no name
	for _, it := range items {
		it.words = words
		tf := make([]float64, len(it.ids))
		it.at = make([]int32, len(it.seq))
		for i, t := range it.seq {
			k, _ := slices.BinarySearch(it.ids, t)
			tf[k]++
			it.at[i] = int32(k)
		}
		it.weights = make([]float64, len(it.ids))
		var sum float64
		for k, t := range it.ids {
			w := (1 + math.Log(tf[k])) * math.Log(1+n/float64(df[t]))
			it.weights[k] = w
			sum += w * w
		}
		it.norm = math.Sqrt(sum)
		it.rare = make([]bool, len(it.seq))
		for i, t := range it.seq {
			it.rare[i] = df[t] <= common
		}
		it.rareID = make([]bool, len(it.ids))
		for k, t := range it.ids {
			it.rareID[k] = df[t] <= common
		}
	}
}

// overlap is what one merge of two items' sorted terms finds: their text
// similarity (tf-idf cosine), how many rare terms they share, and which
// terms of each the other holds. A pair is merged once, however many of
// its features are read: the runs (sharedRun, apart) read the flags where
// they would look each term up in the other item.
type overlap struct {
	text float64
	rare int
	inB  []bool // for each of a.ids, whether b holds it
	inA  []bool // for each of b.ids, whether a holds it
}

// flagsOnStack is how many terms an item may have for its flags to be
// kept on the caller's stack: a commitment has some 20 to 100.
const flagsOnStack = 128

// flags returns n cleared flags, in buf when they fit.
func flags(buf *[flagsOnStack]bool, n int) []bool {
	if n > len(buf) {
		return make([]bool, n)
	}
	f := buf[:n]
	clear(f)
	return f
}

// mergeTerms merges the sorted terms of two weighed items, marking the
// shared ones in inB (a's) and inA (b's).
func mergeTerms(a, b *item, inB, inA []bool) overlap {
	o := overlap{inB: inB, inA: inA}
	if a.norm == 0 || b.norm == 0 {
		return o
	}
	var dot float64
	for i, j := 0, 0; i < len(a.ids) && j < len(b.ids); {
		switch {
		case a.ids[i] < b.ids[j]:
			i++
		case a.ids[i] > b.ids[j]:
			j++
		default:
			dot += a.weights[i] * b.weights[j]
			if a.rareID[i] {
				o.rare++
			}
			inB[i], inA[j] = true, true
			i++
			j++
		}
	}
	o.text = dot / (a.norm * b.norm)
	return o
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

func sharesEntity(a, b []string) bool {
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); ok {
			return true
		}
	}
	return false
}

// features are what a pair's score is made of.
type features struct {
	same             bool
	text             float64
	entity           bool
	runStart, runLen int // the longest shared run of rare terms, in a
	apartA, apartB   [2]int
	area             string
	// otherInstruments: each cites an instrument and they cite none in
	// common, so that what their titles share (中华人民共和国政府和塞尔维亚共和国政府)
	// is no name they share: a free trade agreement is not an investment
	// treaty of the same two governments
	otherInstruments bool
}

// measure reads a pair's features.
func measure(a, b *item) features {
	if a.same != "" && a.same == b.same {
		return features{same: true}
	}
	var bufA, bufB [flagsOnStack]bool
	o := mergeTerms(a, b, flags(&bufA, len(a.ids)), flags(&bufB, len(b.ids)))
	return measureMerged(a, b, &o)
}

// measureMerged reads the features of a pair of different words, merged.
func measureMerged(a, b *item, o *overlap) features {
	f := features{text: o.text}
	f.entity = sharesEntity(a.entities, b.entities)
	f.otherInstruments = len(a.refs) > 0 && len(b.refs) > 0 && !sharesEntity(a.refs, b.refs)
	if o.rare >= minWordRun { // no run of rare terms without as many shared
		f.runStart, f.runLen = sharedRun(a, b, o.inB)
	}
	f.apartA, f.apartB = apart(a, o.inB), apart(b, o.inA)
	for _, ar := range a.s.Areas {
		if slices.Contains(b.s.Areas, ar) {
			f.area = ar
			break
		}
	}
	return f
}

// score is a pair's similarity from 0 to 1.
func (f *features) score(a, b *item) float64 {
	if f.same {
		return 1
	}
	s := f.text
	if f.entity {
		s += (1 - s) * entityWeight
	}
	if isName(a, f.runStart, f.runLen, true) && !f.otherInstruments {
		s += (1 - s) * entityWeight
	}
	if f.otherInstruments || isName(a, f.apartA[0], f.apartA[1], false) && isName(b, f.apartB[0], f.apartB[1], false) {
		// each names something the other does not: two sections of one
		// railway, two agreements of one area
		s *= apartFactor
	}
	if f.area != "" {
		s += (1 - s) * areaWeight
	}
	return s
}

// similarity scores two items from 0 to 1.
func similarity(a, b *item) float64 {
	f := measure(a, b)
	return f.score(a, b)
}

// similarityAtLeast is similarity, or 0 when the text alone shows that the
// score cannot reach min whatever the names and areas add: the cheap merge
// spares the run tables of most pairs.
func similarityAtLeast(a, b *item, min float64) float64 {
	if a.same != "" && a.same == b.same {
		return 1
	}
	var bufA, bufB [flagsOnStack]bool
	o := mergeTerms(a, b, flags(&bufA, len(a.ids)), flags(&bufB, len(b.ids)))
	if !mayReach(o.text, min) {
		return 0
	}
	f := measureMerged(a, b, &o)
	return f.score(a, b)
}

// mayReach reports whether a pair of different words whose text
// similarity is t may score min: whether the names and the area could
// raise t to it.
func mayReach(t, min float64) bool {
	return 1-(1-t)*(1-entityWeight)*(1-entityWeight)*(1-areaWeight) >= min
}

// explain says why two items scored as they did: "same words", "text
// 0.62", "names 匈塞铁路", "shares 自由贸易协定", "apart X / Y", "area trade".
func explain(a, b *item) []string {
	f := measure(a, b)
	if f.same {
		return []string{"same words"}
	}
	why := []string{fmt.Sprintf("text %.2f", f.text)}
	for _, e := range shared(a.entities, b.entities) {
		why = append(why, "names "+e)
	}
	if isName(a, f.runStart, f.runLen, true) && !f.otherInstruments {
		why = append(why, "shares "+runText(a, f.runStart, f.runLen))
	}
	if f.otherInstruments {
		why = append(why, "cites "+strings.Join(a.refs, ", ")+" / "+strings.Join(b.refs, ", "))
	} else if isName(a, f.apartA[0], f.apartA[1], false) && isName(b, f.apartB[0], f.apartB[1], false) {
		why = append(why, "apart "+runText(a, f.apartA[0], f.apartA[1])+" / "+runText(b, f.apartB[0], f.apartB[1]))
	}
	if f.area != "" {
		why = append(why, "area "+f.area)
	}
	return why
}

// named reports whether a pair shares a thing by name (a project, an
// instrument, a mechanism, a run of rare words) or the same words, not
// only common words.
func (f *features) named(a *item) bool {
	return f.same || f.entity || isName(a, f.runStart, f.runLen, true)
}

// followupScore is a report's similarity to a commitment and whether
// they name something in common, measured once; a pair that can name
// nothing in common (no name, not the same words, too few rare terms
// shared for a run of them), or whose score cannot reach min, is not
// measured further (0, false).
func followupScore(report, commitment *item, min float64) (float64, bool) {
	if report.same != "" && report.same == commitment.same {
		return 1, true
	}
	var bufA, bufB [flagsOnStack]bool
	o := mergeTerms(report, commitment, flags(&bufA, len(report.ids)), flags(&bufB, len(commitment.ids)))
	if !mayReach(o.text, min) || o.rare < minWordRun && !sharesEntity(report.entities, commitment.entities) {
		return 0, false
	}
	f := measureMerged(report, commitment, &o)
	return f.score(report, commitment), f.named(report)
}

// sharedRun is the longest run of rare terms the two sentences share in
// the same order: where it starts in a, and its length. inB marks the
// terms of a that b holds (overlap): a row of the table for a term b lacks
// is all zeros, and is not computed.
func sharedRun(a, b *item, inB []bool) (int, int) {
	if len(a.seq) == 0 || len(b.seq) == 0 {
		return 0, 0
	}
	var buf [2][64]int
	var prev, cur []int
	if len(b.seq)+1 <= len(buf[0]) {
		prev, cur = buf[0][:len(b.seq)+1], buf[1][:len(b.seq)+1]
	} else {
		prev, cur = make([]int, len(b.seq)+1), make([]int, len(b.seq)+1)
	}
	best, end := 0, 0
	zero := true // the previous row holds only zeros, whatever prev says
	for i := 1; i <= len(a.seq); i++ {
		if !a.rare[i-1] || !inB[a.at[i-1]] {
			zero = true
			continue
		}
		t := a.seq[i-1]
		for j := 1; j <= len(b.seq); j++ {
			if b.seq[j-1] != t {
				cur[j] = 0
				continue
			}
			n := 1
			if !zero {
				n = prev[j-1] + 1
			}
			cur[j] = n
			if n > best {
				best, end = n, i
			}
		}
		prev, cur = cur, prev
		zero = false
	}
	return end - best, best
}

// apart is the longest run of rare terms of a that b lacks (inB marks
// those of a.ids b holds): its start and length.
func apart(a *item, inB []bool) [2]int {
	best, end, cur := 0, 0, 0
	for i := range a.seq {
		if a.rare[i] && !inB[a.at[i]] {
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

// isName reports whether a run of an item's terms is long enough to be a
// name: four Chinese bigrams (five characters); words, two when shared
// ("free trade") but three when they differ (a word or two of difference
// is rewording).
func isName(it *item, start, n int, shared bool) bool {
	if n == 0 {
		return false
	}
	if hasHan(it.words[it.seq[start]]) {
		return n >= minHanRun
	}
	if shared {
		return n >= minWordRun
	}
	return n >= minWordRun+1
}

// runText is a run of terms as a reader would write it.
func runText(it *item, start, n int) string {
	run := make([]string, n)
	for i := range run {
		run[i] = it.words[it.seq[start+i]]
	}
	if hasHan(run[0]) {
		var sb strings.Builder
		for _, t := range run {
			sb.WriteString(string([]rune(t)[:1]))
		}
		sb.WriteString(string([]rune(run[len(run)-1])[1:]))
		return sb.String()
	}
	return strings.Join(run, " ")
}

// The shortest runs that read as a name.
const (
	minHanRun  = 4
	minWordRun = 2
)

// apartFactor is what names on both sides that the other lacks leave of
// a score.
const apartFactor = 0.8

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
