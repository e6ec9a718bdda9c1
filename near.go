package entente

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// Near-duplicates: the same statement as published by two publishers (a
// ministry's page and a news agency's wire: a dateline before the text, a
// header or a footer of its own, half-width punctuation for full-width) is
// another source of the stored version, not a new document. Two texts are
// the same statement when, read as their letters and digits alone, one
// identical run (the body) covers nearly all of the shorter and leaves at
// most a header and a footer of the longer (docs/decisions.md,
// "Near-duplicates"). Anything that changes a letter or a digit inside the
// body (next year's statement of the same pair, a paragraph added, a date
// changed) breaks the run, so precision comes before recall.

const (
	// NearShingle is the length, in letters and digits, of the runs the
	// measure anchors its search for the body on.
	NearShingle = 8
	// NearKeyShingle is the length, in letters and digits, of the runs
	// whose hashes make a text's sketch: long enough that statements of
	// one genre (the same boilerplate, other names and numbers) seldom
	// share one, so that a key is held by few stored texts however large
	// the collection (docs/decisions.md, "Near-duplicates found by keys").
	NearKeyShingle = 48
	// NearSketchSize is how many keys a sketch has at most: one per bin
	// of the runs' hashes (one-permutation min-hashing).
	NearSketchSize = 16
	// nearKeyRuns is how many of a bin's smallest hashes make its key.
	nearKeyRuns = 3
	// NearMinShared is how many keys a stored version must share with a
	// new text to be compared with it at all.
	NearMinShared = 1
	// nearMinBody is the shortest body, in letters and digits, that can
	// make two texts one statement: below it, two short texts agree by
	// chance ("双方同意加强合作").
	nearMinBody = 200
	// nearMinShorter is the share of the shorter text the body covers.
	nearMinShorter = 0.95
	// nearEdge bounds what the longer text adds around the body: this
	// share of the body, or nearEdgeRunes, whichever is larger: a dateline,
	// a breadcrumb or a byline, not a commentary or the rest of an excerpt.
	nearEdge      = 0.10
	nearEdgeRunes = 120
)

// normalRune is one letter or digit of a text, folded, with its place in
// the text (a byte offset).
type normalRune struct {
	r   rune
	off int
}

// nearNormal returns the letters and digits of text, full-width forms as
// half-width and in lower case, with their byte offsets: punctuation (of
// either width), white space and line breaks are what publishers change
// without changing the statement.
func nearNormal(text string) []normalRune {
	out := make([]normalRune, 0, len(text)/2)
	for off, r := range text {
		if f, ok := nearFold(r); ok {
			out = append(out, normalRune{f, off})
		}
	}
	return out
}

// nearFold is how nearNormal reads one rune: whether it is kept, and as
// what. ASCII and Chinese characters, most of the genre's text, are
// answered without the unicode tables' searches (a batch ingest reads
// every text here); the others ask nearFoldOther.
func nearFold(r rune) (rune, bool) {
	switch {
	case 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || isHan(r):
		return r, true
	case 'A' <= r && r <= 'Z':
		return r + ('a' - 'A'), true
	case r < utf8.RuneSelf:
		return 0, false // ASCII punctuation, white space, controls
	}
	return nearFoldOther(r)
}

// nearFoldOther is nearFold of a rune past ASCII that is not Chinese:
// full-width forms as half-width, letters in lower case, digits and
// combining marks kept.
func nearFoldOther(r rune) (rune, bool) {
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFEE0
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
		return unicode.ToLower(r), true
	}
	return 0, false
}

// NearSketch returns the keys of a text's sketch, distinct and in
// increasing order: the hashes of its runs of NearKeyShingle letters and
// digits are spread over NearSketchSize bins, and each bin's key is made
// of its nearKeyRuns smallest hashes. Two texts that share nearly all of
// their runs (one statement, another publisher's header and footer) share
// most of their keys; two statements of one genre share a key only when
// the same three long runs are the smallest of a bin in both, which is
// rare. A store finds the candidates of a new text by its keys, with an
// index, before comparing any text, and a key's rows do not grow with the
// collection as a common 8-letter run's did.
func NearSketch(text string) []int64 {
	keys, _ := NearSketchRunes(text)
	return keys
}

// NearSketchRunes is NearSketch with the number of letters and digits the
// measure reads in the text (NearText.Runes), counted in the same pass: a
// store keeps the count beside the sketch, so that candidates whose length
// rules out NearSame are passed over before their text is read
// (NearRunesMayMatch).
func NearSketchRunes(text string) (keys []int64, runes int) {
	// One pass over the text with the last NearKeyShingle runes in a
	// ring, as nearSketch does over nearNormal's runes, without them: a
	// batch sketches every text and compares few (docs/decisions.md,
	// "Batch ingest, fifth round").
	var sk nearSketcher
	var ring [NearKeyShingle]rune
	n := 0
	for _, r := range text {
		f, ok := nearFold(r)
		if !ok {
			continue
		}
		k := n % NearKeyShingle
		sk.add(f, ring[k], n)
		ring[k] = f
		n++
	}
	return sk.keys(n), n
}

// Rolling hash of a run (polynomial in its runes, modulo 2⁶⁴), then one
// mixing to spread the runs over the bins and order them.
const (
	nearRollBase = 0x100000001b3
	nearKeySeed  = 0x9e3779b97f4a7c15
)

// nearMix is splitmix64's finaliser: it turns the rolling hash, whose low
// bits depend on the last runes only, into one whose every bit depends on
// the whole run.
func nearMix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// nearSketch is NearSketch of a text already read by nearNormal.
func nearSketch(n []normalRune) []int64 {
	var sk nearSketcher
	for i, x := range n {
		var out rune
		if i >= NearKeyShingle {
			out = n[i-NearKeyShingle].r
		}
		sk.add(x.r, out, i)
	}
	return sk.keys(len(n))
}

// nearRollPow is nearRollBase^(NearKeyShingle-1), what the rune leaving a
// run weighs in its rolling hash.
var nearRollPow = func() uint64 {
	pow := uint64(1)
	for range NearKeyShingle - 1 {
		pow *= nearRollBase
	}
	return pow
}()

// nearSketcher computes a sketch in one pass of a rolling hash over a
// text's runes, each bin keeping its nearKeyRuns smallest distinct
// hashes.
type nearSketcher struct {
	h      uint64
	filled [NearSketchSize]int
	bins   [NearSketchSize][nearKeyRuns]uint64
}

// add takes the i-th rune r of the text (from 0); out is the rune
// NearKeyShingle places before it, which leaves the run (any value
// before the first run is full).
func (sk *nearSketcher) add(r, out rune, i int) {
	if i >= NearKeyShingle {
		sk.h -= uint64(out) * nearRollPow
	}
	sk.h = sk.h*nearRollBase + uint64(r)
	if i < NearKeyShingle-1 {
		return
	}
	v := nearMix(sk.h ^ nearKeySeed)
	b := v >> 60 // NearSketchSize = 16 bins by the top four bits
	nearKeep(&sk.bins[b], &sk.filled[b], v)
}

// keys are the sketch's keys, distinct and in increasing order, once n
// runes were added: none for a text shorter than one run.
func (sk *nearSketcher) keys(n int) []int64 {
	if n < NearKeyShingle {
		return nil
	}
	keys := make([]int64, 0, NearSketchSize)
	for b := range sk.bins {
		if sk.filled[b] == 0 {
			continue
		}
		k := nearMix(uint64(b) + nearKeySeed)
		for _, v := range sk.bins[b][:sk.filled[b]] {
			k = nearMix(k ^ v)
		}
		keys = append(keys, int64(k>>1)) // non-negative: both databases store it as a signed integer
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// nearKeep puts v among a bin's smallest distinct hashes (kept in
// increasing order, n of them so far).
func nearKeep(bin *[nearKeyRuns]uint64, n *int, v uint64) {
	i := *n
	for i > 0 && bin[i-1] > v {
		i--
	}
	if i > 0 && bin[i-1] == v {
		return // the same run again
	}
	if i == nearKeyRuns {
		return
	}
	last := min(*n, nearKeyRuns-1)
	copy(bin[i+1:last+1], bin[i:last])
	bin[i] = v
	if *n < nearKeyRuns {
		*n++
	}
}

// NearMatch is how a text matched a stored one: where the identical body
// lies in each (byte offsets) and how much of the longer it covers.
type NearMatch struct {
	StoredStart, StoredEnd int
	SourceStart, SourceEnd int
	// Coverage is the body's length over the longer text's, in letters
	// and digits: 1 for texts that differ only in punctuation and spacing.
	Coverage float64
}

// NearSame reports whether source is the same statement as stored: an
// identical body of letters and digits that covers at least 95% of the
// shorter text and leaves around it, in the longer, at most a header and a
// footer (10% of the body or 120 letters and digits, whichever is more).
func NearSame(stored, source string) (NearMatch, bool) {
	return NewNearText(source).Same(stored)
}

// NearText is a text read once for NearSame, to be compared with several
// stored texts (the candidates a sketch finds) without reading it again.
type NearText struct {
	text string
	n    []normalRune
}

// NewNearText reads source for NearSame.
func NewNearText(source string) *NearText {
	return &NearText{text: source, n: nearNormal(source)}
}

// Sketch is NearSketch of the text.
func (t *NearText) Sketch() []int64 { return nearSketch(t.n) }

// Runes is the number of letters and digits the measure reads in the
// text (what a cache of read texts is bounded by).
func (t *NearText) Runes() int { return len(t.n) }

// Same is NearSame(stored, the text).
func (t *NearText) Same(stored string) (NearMatch, bool) {
	return t.SameAs(NewNearText(stored))
}

// SameAs is NearSame(stored's text, the text), for a stored text read
// once and compared with several new ones.
func (t *NearText) SameAs(st *NearText) (NearMatch, bool) {
	a, b := st.n, t.n
	stored, source := st.text, t.text
	start, bstart, length := longestCommonRun(a, b)
	shorter, longer := min(len(a), len(b)), max(len(a), len(b))
	if length < nearMinBody || float64(length) < nearMinShorter*float64(shorter) {
		return NearMatch{}, false
	}
	if float64(longer-length) > max(nearEdge*float64(length), nearEdgeRunes) {
		return NearMatch{}, false
	}
	m := NearMatch{
		StoredStart: a[start].off, StoredEnd: endOffset(stored, a[start+length-1].off),
		SourceStart: b[bstart].off, SourceEnd: endOffset(source, b[bstart+length-1].off),
		Coverage: float64(length) / float64(longer),
	}
	return m, true
}

// NearRunesMayMatch says whether two texts of a and b letters and digits
// (NearText.Runes) can be the same statement by their lengths alone: it is
// true of every pair SameAs matches, and false of most pairs of one genre
// that share a key by chance. SameAs needs a body of at least nearMinBody
// runes, no longer than the shorter text, that leaves at most
// max(nearEdge × body, nearEdgeRunes) of the longer; with the body at most
// the shorter, the longer can exceed the shorter by no more than
// max(nearEdge × shorter, nearEdgeRunes). One rune of slack covers the
// rounding of the products SameAs compares in floating point.
func NearRunesMayMatch(a, b int) bool {
	shorter, longer := min(a, b), max(a, b)
	if shorter < nearMinBody {
		return false
	}
	return float64(longer-shorter) <= max(nearEdge*float64(shorter), nearEdgeRunes)+1
}

// endOffset is the offset just after the rune at off.
func endOffset(s string, off int) int {
	for i := range s[off:] {
		if i > 0 {
			return off + i
		}
	}
	return len(s)
}

// nearAnchors are the places of a, as shares of its length, whose
// shingles longestCommonRun looks for in b, in the order it tries them.
var nearAnchors = [...]float64{0.5, 0.25, 0.75, 0.1, 0.9}

// nearMaxAnchorHits bounds the places in b an anchor is tried at: a
// shingle repeated more often anchors nothing useful.
const nearMaxAnchorHits = 8

// longestCommonRun finds a long identical run of a and b: it anchors at
// shingles of a taken at a few places (the body holds the middle of any
// text that is mostly body) and extends each match both ways. It returns
// the run's start in a and in b and its length; it is exact for the runs
// it anchors on, which is all a near-duplicate needs. b is read once,
// each of its places compared with the few anchors (a table of every
// shingle of b cost more than the rest of a batch ingest's look-ups).
func longestCommonRun(a, b []normalRune) (int, int, int) {
	if len(a) < NearShingle || len(b) < NearShingle {
		return 0, 0, 0
	}
	var (
		anchor [len(nearAnchors)]int
		hits   [len(nearAnchors)][nearMaxAnchorHits]int
		nhits  [len(nearAnchors)]int
	)
	for k, frac := range nearAnchors {
		anchor[k] = int(frac * float64(len(a)-NearShingle))
	}
	for j := 0; j+NearShingle <= len(b); j++ {
		for k, i := range anchor {
			if nhits[k] < nearMaxAnchorHits && b[j].r == a[i].r && sameShingle(a[i:], b[j:]) {
				hits[k][nhits[k]] = j
				nhits[k]++
			}
		}
	}
	var bestA, bestB, best int
	for k, i := range anchor {
		if i >= bestA && i < bestA+best {
			continue // inside the run already found
		}
		for _, j := range hits[k][:nhits[k]] {
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

// sameShingle says whether a and b start with the same NearShingle runes.
func sameShingle(a, b []normalRune) bool {
	for k := range NearShingle {
		if a[k].r != b[k].r {
			return false
		}
	}
	return true
}
