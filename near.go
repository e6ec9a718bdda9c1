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
	// NearShingle is the length, in letters and digits, of the runs
	// whose hashes make a text's sketch.
	NearShingle = 8
	// NearSketchSize is how many of the smallest shingle hashes a sketch
	// keeps (a bottom-k sketch of the shingle set).
	NearSketchSize = 32
	// NearMinShared is how many sketch hashes a stored version must share
	// with a new text to be compared with it at all.
	NearMinShared = 8
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
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			out = append(out, normalRune{unicode.ToLower(r), off})
		}
	}
	return out
}

// NearSketch returns the NearSketchSize smallest hashes of the text's
// shingles (runs of NearShingle letters and digits), distinct and in
// increasing order. Two texts that share most of their shingles share most
// of their sketches, so a store finds the candidates of a new text by the
// hashes it shares with them, with an index, before comparing any text.
func NearSketch(text string) []int64 {
	return nearSketch(nearNormal(text))
}

// nearSketch is NearSketch of a text already read by nearNormal. Each
// shingle's hash is FNV-64a of its runes' UTF-8 bytes, computed in place
// (the same hashes hash/fnv gives, which the stores keep: nearSketchID).
func nearSketch(n []normalRune) []int64 {
	if len(n) < NearShingle {
		return nil
	}
	const (
		offset64 = 14695981039346656037
		prime64  = 1099511628211
	)
	hashes := make([]int64, 0, len(n)-NearShingle+1)
	var buf [utf8.UTFMax]byte
	for i := 0; i+NearShingle <= len(n); i++ {
		h := uint64(offset64)
		for _, x := range n[i : i+NearShingle] {
			for _, c := range utf8.AppendRune(buf[:0], x.r) {
				h ^= uint64(c)
				h *= prime64
			}
		}
		hashes = append(hashes, int64(h>>1)) // non-negative: both databases store it as a signed integer
	}
	slices.Sort(hashes)
	hashes = slices.Compact(hashes)
	if len(hashes) > NearSketchSize {
		hashes = hashes[:NearSketchSize:NearSketchSize]
	}
	return hashes
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
