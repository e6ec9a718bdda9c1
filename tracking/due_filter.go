package tracking

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// ruleFilter says, before a rule's expression runs, whether it can match
// in a text and from which byte a match can start. Go's expressions run
// as an automaton over every byte from the first that can start a match;
// one that opens with a placeholder (a year, a day, a count) can start
// anywhere, and its alternation of month names and number words made
// two such rules two thirds of the time a Serbian or English deadline
// took to read, most of it in sentences they could not match. Everything
// here follows from the pattern: a match holds each run of its text
// between placeholders, and starts at most the leading placeholder's
// widest match before the first run.
type ruleFilter struct {
	// runs are the pattern's texts between placeholders (those not only a
	// space), each as pieces between the spaces a text may leave out (after
	// a full stop or a comma, as compilePattern writes them)
	runs [][]string
	// pairs are the pairs of adjacent bytes within the runs' pieces, the
	// words of a byteSet they set: a text that lacks one lacks a piece, which
	// a few operations tell before any search for the pieces
	pairs []pairBits
	// lead is how many bytes the placeholder that opens the pattern matches
	// at most: 0 when the pattern opens with its first run, -1 when it has
	// no bound (a word read as a stem) or the pattern no run
	lead int
}

// newRuleFilter reads a rule's filter from its pattern and the expression
// compiled from it.
func newRuleFilter(pattern string, re *regexp.Regexp) ruleFilter {
	var f ruleFilter
	for _, run := range patternRuns(pattern) {
		if strings.TrimSpace(run) != "" {
			f.runs = append(f.runs, runPieces(run))
		}
	}
	var need byteSet
	for _, run := range f.runs {
		for _, p := range run {
			need.add(p)
		}
	}
	for i, bits := range need {
		if bits != 0 {
			f.pairs = append(f.pairs, pairBits{uint8(i), bits})
		}
	}
	switch {
	case len(f.runs) == 0:
		f.lead = -1
	case !strings.HasPrefix(pattern, "{"):
		f.lead = 0
	default:
		f.lead = leadingWidth(re)
	}
	return f
}

// patternRuns returns the text of a pattern between its placeholders, as
// written (spaces kept), in order.
func patternRuns(p string) []string {
	var out []string
	for rest := p; rest != ""; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			return append(out, rest)
		}
		if i > 0 {
			out = append(out, rest[:i])
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return nil
		}
		rest = rest[i+j+1:]
	}
	return out
}

// runPieces splits a run at each space that compilePattern makes optional
// (one after "." or ","): "). i " gives ".", "i ".
func runPieces(run string) []string {
	var pieces []string
	from := 0
	for i := 1; i < len(run); i++ {
		if run[i] == ' ' && (run[i-1] == '.' || run[i-1] == ',') {
			pieces = append(pieces, run[from:i])
			from = i + 1
		}
	}
	return append(pieces, run[from:])
}

// indexRun returns the first byte of s where a run matches (each piece
// after the first with or without the space before it), or -1.
func indexRun(s string, pieces []string) int {
	for at := 0; ; {
		i := strings.Index(s[at:], pieces[0])
		if i < 0 {
			return -1
		}
		i += at
		pos, ok := i+len(pieces[0]), true
		for _, p := range pieces[1:] {
			if pos < len(s) && s[pos] == ' ' {
				pos++ // the space the pattern allows
			}
			if !strings.HasPrefix(s[pos:], p) {
				ok = false
				break
			}
			pos += len(p)
		}
		if ok {
			return i
		}
		at = i + 1
	}
}

// byteSet is the set of the pairs of adjacent bytes in a text, each pair
// hashed to one of its bits: a text of a few hundred bytes sets a tenth of
// them, so a rule's run of a few words, which needs several, is rarely
// taken for present when it is not, and never for missing when it is.
type byteSet [32]uint64

// pairBits are the bits a rule needs in one word of a byteSet.
type pairBits struct {
	word uint8
	bits uint64
}

func (b *byteSet) add(s string) {
	for i := 1; i < len(s); i++ {
		h := (uint32(s[i-1])<<8 | uint32(s[i])) * 0x9E3779B1 >> 21 // 11 bits
		b[h>>6] |= 1 << (h & 63)
	}
}

// holds says whether the set has every bit the rule's pairs need.
func (b *byteSet) holds(pairs []pairBits) bool {
	for _, p := range pairs {
		if b[p.word]&p.bits != p.bits {
			return false
		}
	}
	return true
}

// start returns the byte of s from which the rule's expression is to run,
// false when it cannot match in s; in is s's byteSet. The byte is a character's first, one
// character before the earliest a match can start, so that the
// expression sees the character before as the whole text shows it.
func (f *ruleFilter) start(s string, in *byteSet) (int, bool) {
	if !in.holds(f.pairs) {
		return 0, false
	}
	first := -1
	for k, run := range f.runs {
		i := indexRun(s, run)
		if i < 0 {
			return 0, false
		}
		if k == 0 {
			first = i
		}
	}
	if f.lead < 0 || first < 0 {
		return 0, true
	}
	lo := max(0, first-f.lead)
	if lo > 0 {
		lo--
		for lo > 0 && !utf8.RuneStart(s[lo]) {
			lo--
		}
	}
	return lo, true
}

// leadingWidth returns the most bytes the expression's first element
// matches (the placeholder a pattern opens with), or -1 when it has no
// bound.
func leadingWidth(re *regexp.Regexp) int {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return -1
	}
	first := tree
	if tree.Op == syntax.OpConcat && len(tree.Sub) > 0 {
		first = tree.Sub[0]
	}
	if first.Op != syntax.OpCapture {
		return -1 // not a placeholder: no bound claimed
	}
	return maxBytes(first)
}

// maxBytes returns the most bytes re matches, or -1 when it has no bound.
func maxBytes(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return utf8.UTFMax * len(re.Rune) // another case may be longer
		}
		n := 0
		for _, r := range re.Rune {
			n += utf8.RuneLen(r)
		}
		return n
	case syntax.OpCharClass:
		if len(re.Rune) == 0 {
			return 0
		}
		return max(1, utf8.RuneLen(re.Rune[len(re.Rune)-1])) // the ranges are sorted
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax
	case syntax.OpCapture, syntax.OpQuest:
		return maxBytes(re.Sub[0])
	case syntax.OpRepeat:
		n := maxBytes(re.Sub[0])
		if re.Max < 0 || n < 0 {
			return -1
		}
		return re.Max * n
	case syntax.OpConcat:
		total := 0
		for _, sub := range re.Sub {
			n := maxBytes(sub)
			if n < 0 {
				return -1
			}
			total += n
		}
		return total
	case syntax.OpAlternate:
		most := 0
		for _, sub := range re.Sub {
			n := maxBytes(sub)
			if n < 0 {
				return -1
			}
			most = max(most, n)
		}
		return most
	}
	return -1 // star, plus, and anything not known: no bound
}
