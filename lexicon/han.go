package lexicon

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// HanTable maps Traditional Chinese characters to Simplified, one
// character for one of the same UTF-8 length, so that a text mapped with it
// keeps every offset. It is built from OpenCC's t2s data
// (github.com/longbridgeapp/opencc): every Han character of the Basic
// Multilingual Plane converted alone (one per line, so that no phrase rule
// joins two), keeping the one-to-one results. The extractor reads
// zh-Hant through it, and the search analyzer folds both forms to one.
type HanTable struct {
	dense []rune // over [denseBase, denseEnd), 0 where unmapped
	other map[rune]rune
}

// the unified Han block, looked up in a slice rather than the map
const denseBase, denseEnd = 0x4E00, 0xA000

// LoadHanTable builds the table (about 100 ms: callers keep it).
func LoadHanTable() (*HanTable, error) {
	cc, err := opencc.New("t2s")
	if err != nil {
		return nil, fmt.Errorf("lexicon: open the OpenCC t2s table: %w", err)
	}
	var b strings.Builder
	var all []rune
	for _, rg := range [][2]rune{{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}} {
		for r := rg[0]; r <= rg[1]; r++ {
			all = append(all, r)
			b.WriteRune(r)
			b.WriteByte('\n')
		}
	}
	out, err := cc.Convert(b.String())
	if err != nil {
		return nil, fmt.Errorf("lexicon: convert the character table: %w", err)
	}
	lines := strings.Split(out, "\n")
	t := &HanTable{dense: make([]rune, denseEnd-denseBase), other: make(map[rune]rune, 512)}
	for i, r := range all {
		if i >= len(lines) {
			break
		}
		rs := []rune(lines[i])
		if len(rs) == 1 && rs[0] != r && utf8.RuneLen(rs[0]) == utf8.RuneLen(r) {
			if r >= denseBase && r < denseEnd {
				t.dense[r-denseBase] = rs[0]
			} else {
				t.other[r] = rs[0]
			}
		}
	}
	return t, nil
}

// Simplified returns the Simplified form of r, or r.
func (t *HanTable) Simplified(r rune) rune {
	if r >= denseBase && r < denseEnd {
		if s := t.dense[r-denseBase]; s != 0 {
			return s
		}
		return r
	}
	if s, ok := t.other[r]; ok {
		return s
	}
	return r
}

// Traditional reports whether r is a Traditional-only character.
func (t *HanTable) Traditional(r rune) bool { return t.Simplified(r) != r }

// SimplifyString maps every character of s with Simplified, as
// strings.Map(t.Simplified, s) does, but in place on a copy of the bytes:
// the table keeps each character's UTF-8 length, so nothing moves, and a
// text with nothing to map is returned as it is.
func (t *HanTable) SimplifyString(s string) string {
	var b []byte
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		var r rune
		w := 3
		if c := s[i]; (c >= 0xE1 && c <= 0xEC || c >= 0xEE && c <= 0xEF) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// three bytes (all of Han) decoded without a call: these
			// lead bytes take any continuation bytes
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		} else if r, w = utf8.DecodeRuneInString(s[i:]); r == utf8.RuneError && w == 1 {
			return strings.Map(t.Simplified, s) // invalid bytes: Map spells them U+FFFD
		}
		if m := t.Simplified(r); m != r && utf8.RuneLen(m) == w {
			if b == nil {
				b = []byte(s)
			}
			utf8.EncodeRune(b[i:], m)
		} else if m != r {
			return strings.Map(t.Simplified, s)
		}
		i += w
	}
	if b == nil {
		return s
	}
	return string(b)
}
