package extract

import "github.com/entente/entente/lexicon"

// runeBits is the union of several matchers' first-rune tests
// (lexicon.Matcher.Starts): a rule that asks of each character whether
// any of several tables has a word there tests one bit instead of one per
// table. Starts reads a character's low sixteen bits only, so the union is
// built over those and answers as the tables would for any rune.
type runeBits [1 << 16 / 64]uint64

func unionStarts(ms ...*lexicon.Matcher) *runeBits {
	b := new(runeBits)
	for r := rune(0); r < 1<<16; r++ {
		for _, m := range ms {
			if m.Starts(r) {
				b[r>>6] |= 1 << (r & 63)
				break
			}
		}
	}
	return b
}

// has reports whether one of the tables may have a word starting with r.
func (b *runeBits) has(r rune) bool {
	return b[uint32(r)>>6&1023]&(1<<(uint32(r)&63)) != 0
}
