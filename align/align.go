// Package align links the sentences of two versions of one statement (in
// two languages, or two scripts) to their counterparts. It reads what the
// extractor found, not the words: sections, order, length, the numbers a
// sentence holds (years, dates, amounts), and its labels (type, actors,
// areas, references), which translations keep.
package align

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/entente/entente"
)

// Pair links one or two sentences of version A to one or two of version B;
// a sentence with no counterpart is paired with nothing.
type Pair struct {
	A     []string `json:"a"`
	B     []string `json:"b"`
	Score float64  `json:"score"` // the pair's cost: lower is surer
}

// feature is what a sentence (or two joined) brings to the comparison.
type feature struct {
	ids     []string
	section string
	length  float64
	numbers map[string]bool
	typ     entente.SentenceType
	actors  string
	areas   map[string]bool
	refs    int
}

// costs of the moves, in the units of the pair cost below
const (
	skipCost  = 1.6 // a sentence with no counterpart
	mergeCost = 1.0 // one sentence against two
)

// Sentences aligns the sentences of a and b in order. Both are split by
// section where their sections agree, so that a miss cannot spread past a
// numbered article.
func Sentences(a, b *entente.Extraction) []Pair {
	fa, fb := features(a), features(b)
	ratio := lengthRatio(fa, fb)
	// the DP over the whole sequences, with a penalty for crossing sections
	n, m := len(fa), len(fb)
	inf := math.Inf(1)
	cost := make([][]float64, n+1)
	back := make([][][2]int, n+1)
	for i := range cost {
		cost[i] = make([]float64, m+1)
		back[i] = make([][2]int, m+1)
		for j := range cost[i] {
			cost[i][j] = inf
		}
	}
	cost[0][0] = 0
	moves := [][2]int{{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1}, {2, 2}}
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			if cost[i][j] == inf {
				continue
			}
			for _, mv := range moves {
				ni, nj := i+mv[0], j+mv[1]
				if ni > n || nj > m {
					continue
				}
				var c float64
				switch {
				case mv[0] == 0 || mv[1] == 0:
					c = skipCost
				default:
					c = pairCost(join(fa[i:ni]), join(fb[j:nj]), ratio)
					if mv != [2]int{1, 1} {
						c += mergeCost * float64(mv[0]+mv[1]-2)
					}
				}
				if cost[i][j]+c < cost[ni][nj] {
					cost[ni][nj] = cost[i][j] + c
					back[ni][nj] = mv
				}
			}
		}
	}
	var out []Pair
	for i, j := n, m; i > 0 || j > 0; {
		mv := back[i][j]
		pi, pj := i-mv[0], j-mv[1]
		p := Pair{A: []string{}, B: []string{}, Score: round(cost[i][j] - cost[pi][pj])}
		for _, f := range fa[pi:i] {
			p.A = append(p.A, f.ids...)
		}
		for _, f := range fb[pj:j] {
			p.B = append(p.B, f.ids...)
		}
		out = append(out, p)
		i, j = pi, pj
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return out
}

func round(f float64) float64 { return math.Round(f*1000) / 1000 }

func features(x *entente.Extraction) []feature {
	out := make([]feature, 0, len(x.Sentences))
	for _, s := range x.Sentences {
		f := feature{
			ids: []string{s.ID}, section: s.Section, typ: s.Type, actors: strings.Join(s.Actors, ","),
			numbers: numbersIn(s.Text), areas: map[string]bool{}, refs: len(s.References),
		}
		for _, r := range s.Text {
			if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
				f.length++
			}
		}
		for _, a := range s.Areas {
			f.areas[a] = true
		}
		out = append(out, f)
	}
	return out
}

// numbersIn returns the numbers written in digits (2025, 500, 16), which a
// translation keeps; a Serbian ordinal's stop and thousands separators are
// dropped.
func numbersIn(s string) map[string]bool {
	m := map[string]bool{}
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			m[strings.TrimLeft(cur.String(), "0")] = true
			cur.Reset()
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r >= '0' && r <= '9':
			cur.WriteRune(r)
		case r >= '０' && r <= '９':
			cur.WriteRune(r - '０' + '0')
		case (r == ',' || r == '.') && cur.Len() > 0 && i+3 < len(rs) && isDigits(rs[i+1:i+4]) && (i+4 == len(rs) || !unicode.IsDigit(rs[i+4])):
			// 10,000 or 10.000: one number
		default:
			flush()
		}
	}
	flush()
	return m
}

func isDigits(rs []rune) bool {
	for _, r := range rs {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// lengthRatio is how much longer B's sentences are than A's, over the
// whole texts (Chinese is about a third of English in characters).
func lengthRatio(fa, fb []feature) float64 {
	var la, lb float64
	for _, f := range fa {
		la += f.length
	}
	for _, f := range fb {
		lb += f.length
	}
	if la == 0 || lb == 0 {
		return 1
	}
	return lb / la
}

func join(fs []feature) feature {
	if len(fs) == 1 {
		return fs[0]
	}
	out := feature{numbers: map[string]bool{}, areas: map[string]bool{}, section: fs[0].section}
	for _, f := range fs {
		out.ids = append(out.ids, f.ids...)
		out.length += f.length
		for k := range f.numbers {
			out.numbers[k] = true
		}
		for k := range f.areas {
			out.areas[k] = true
		}
		out.refs += f.refs
		if rank(f.typ) > rank(out.typ) {
			out.typ, out.actors = f.typ, f.actors
		}
		if f.section != out.section {
			out.section = "" // two sentences across a section boundary
		}
	}
	return out
}

func rank(t entente.SentenceType) int {
	switch t {
	case entente.Commitment:
		return 4
	case entente.Position:
		return 3
	case entente.Appraisal:
		return 2
	case entente.Narrative:
		return 1
	}
	return 0
}

// pairCost says how unlike two sentences (or joined pairs) are: their
// lengths against the texts' ratio, their numbers, their labels and their
// sections.
func pairCost(a, b feature, ratio float64) float64 {
	c := 0.0
	if a.length > 0 && b.length > 0 {
		c += 2 * math.Abs(math.Log(a.length*ratio/b.length))
	} else {
		c += 2
	}
	if len(a.numbers) > 0 || len(b.numbers) > 0 {
		c += 1.5 * (1 - jaccard(a.numbers, b.numbers))
	}
	if a.typ != b.typ {
		c += 0.7
	} else if a.actors != b.actors {
		c += 0.3
	}
	if len(a.areas) > 0 || len(b.areas) > 0 {
		c += 0.5 * (1 - jaccard(a.areas, b.areas))
	}
	if (a.refs > 0) != (b.refs > 0) {
		c += 0.3
	}
	if a.section == "" || b.section == "" || a.section != b.section {
		c += 2
	}
	return c
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// Counterparts returns, for each sentence of A, the ids of its
// counterparts in B (empty when it has none), from an alignment.
func Counterparts(pairs []Pair) map[string][]string {
	out := map[string][]string{}
	for _, p := range pairs {
		for _, a := range p.A {
			b := append([]string{}, p.B...)
			sort.Strings(b)
			out[a] = b
		}
	}
	return out
}
