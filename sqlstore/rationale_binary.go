package sqlstore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/entente/entente"
)

// A sentence's rationale is stored in sentences.evidence_z (migration 0019)
// in a binary form, a quarter of the compact JSON's bytes
// (rationale_codec.go), which was still the largest part of a sentence row
// (1.6× the text it explains). It holds what the compact form holds, in
// the same order:
//
//	1 (the form's version)
//	uvarint  which parts are there (bits, rationaleParts)
//	cue      type, strength (unless it is the type's cue), then
//	n keyed  actors (party, cue), areas (area, cue), then deadline (a cue),
//	n clause clauses: start, length, type, strength, n actors, a cue mark
//	         (0 none, 1 the type's, 2 a cue follows) and the cue,
//	n cues   references, mechanisms, projects
//
// A cue is a word (its rule), the start as a zigzag varint, and a uvarint
// of its length (zigzag) shifted left by one, whose low bit says that the
// cue's text follows as a word because it is not the span of the
// sentence's characters it names. A word is a uvarint: 0 then the word's
// length and its bytes, or k ≥ 1 for rationaleWords[k-1]: rules, labels,
// areas and parties are most of a rationale's bytes, and most are
// one byte here.
//
// Rows written before keep their compact JSON (or older JSON) in the
// evidence column and are read as before; a row has one or the other.

// rationaleForm is the first byte of the binary form.
const rationaleForm = 1

// rationaleWords are the words a stored rationale names by number.
// APPEND ONLY: a stored row names a word by its place in this list, so a
// word must never move or go (TestRationaleWordsKept holds the list to
// its first state). A word missing from it is written out; adding one
// makes new rows shorter and leaves old rows as they are.
var rationaleWords = strings.Fields(
	// sentence types and strengths
	"commitment position appraisal narrative firm intent soft " +
		// rules
		"modal |reaffirmed_modal| |own_action| |stance+own_action| |support_of_own_cooperation| |support_of_own_action| " +
		"stance should goal values opinion support others copula importance retrospective achievement " +
		"|opinion_on_an_achievement| prediction |thanks_for_hospitality| done |dated_event| |committed_to_an_action| " +
		"|committed_to_a_goal| |looks_forward_to_an_action| |looks_forward_to_an_event| undertaking |undertaking_in_content| " +
		"|no_rules_for_this_language| |item_of_a_list_of_undertakings| subject area |area_(weak)| |area_(acted_on)| deadline " +
		"|deadline_date| |bracketed_title| |instrument_ending| |quoted_plan| list |head_word| |quoted_name| " +
		"stance+appraisal stance+opinion stance+support stance+should stance+goal stance+values " +
		// areas
		"political sovereignty international_order hotspots trade investment infrastructure energy finance digital ai " +
		"science resources green development health people security disaster " +
		// parties
		"AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG " +
		"CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH " +
		"GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ " +
		"LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG " +
		"NI NL NO NP NR NZ OM PA PE PG PH PK PL PS PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM " +
		"SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TZ UA UG US UY UZ VA VC VE VN VU WS YE " +
		"ZA ZM ZW AFU ASEAN CARICOM CELAC EAEU EU GCC LAS OIC PIF SCO")

// rationaleIndex is rationaleWords numbered, made once: it never changes.
var rationaleIndex = newRationaleWordIndex()

// rationaleWordIndex numbers rationaleWords from 1 (words between bars
// have their spaces written as _ above).
type rationaleWordIndex struct {
	words []string
	index map[string]uint64
}

func newRationaleWordIndex() *rationaleWordIndex {
	x := &rationaleWordIndex{words: make([]string, len(rationaleWords)), index: make(map[string]uint64, len(rationaleWords))}
	for i, w := range rationaleWords {
		if strings.HasPrefix(w, "|") {
			w = strings.ReplaceAll(strings.Trim(w, "|"), "_", " ")
		}
		x.words[i] = w
		if _, ok := x.index[w]; !ok {
			x.index[w] = uint64(i + 1)
		}
	}
	return x
}

// The parts of a rationale the form holds, as bits of its first uvarint.
const (
	partType = 1 << iota
	partStrength
	partStrengthIsType
	partActors
	partAreas
	partDeadline
	partClauses
	partReferences
	partMechanisms
	partProjects
	partsKnown = partProjects<<1 - 1
)

// rationaleEncoder writes the binary form of one sentence's rationale.
type rationaleEncoder struct {
	words *rationaleWordIndex
	text  runeCursor // the sentence's text, where a cue's runes are compared
	b     []byte
}

// encode writes r, the rationale of a sentence of text, in the binary form.
func (x *rationaleWordIndex) encode(text string, r *entente.Rationale) []byte {
	return x.appendEncoded(make([]byte, 0, 48), text, r)
}

// appendEncoded appends the binary form of r, the rationale of a sentence
// of text, to dst: a document's sentences append theirs to one buffer.
func (x *rationaleWordIndex) appendEncoded(dst []byte, text string, r *entente.Rationale) []byte {
	e := rationaleEncoder{words: x, text: runeCursor{s: text}, b: dst}
	e.b = append(e.b, rationaleForm)
	var parts uint64
	sameAsType := func(c *entente.Cue) bool { return c != nil && r.Type != nil && *c == *r.Type }
	set := func(bit uint64, on bool) {
		if on {
			parts |= bit
		}
	}
	set(partType, r.Type != nil)
	set(partStrength, r.Strength != nil && !sameAsType(r.Strength))
	set(partStrengthIsType, sameAsType(r.Strength))
	set(partActors, len(r.Actors) > 0)
	set(partAreas, len(r.Areas) > 0)
	set(partDeadline, r.Deadline != nil)
	set(partClauses, len(r.Clauses) > 0)
	set(partReferences, len(r.References) > 0)
	set(partMechanisms, len(r.Mechanisms) > 0)
	set(partProjects, len(r.Projects) > 0)
	e.uvarint(parts)
	if r.Type != nil {
		e.cue(r.Type)
	}
	if parts&partStrength != 0 {
		e.cue(r.Strength)
	}
	if len(r.Actors) > 0 {
		e.uvarint(uint64(len(r.Actors)))
		for i := range r.Actors {
			e.word(r.Actors[i].Party)
			e.cue(&r.Actors[i].Cue)
		}
	}
	if len(r.Areas) > 0 {
		e.uvarint(uint64(len(r.Areas)))
		for i := range r.Areas {
			e.word(r.Areas[i].Area)
			e.cue(&r.Areas[i].Cue)
		}
	}
	if r.Deadline != nil {
		e.cue(r.Deadline)
	}
	if len(r.Clauses) > 0 {
		e.uvarint(uint64(len(r.Clauses)))
		for _, c := range r.Clauses {
			e.b = binary.AppendVarint(e.b, int64(c.Start))
			e.b = binary.AppendVarint(e.b, int64(c.End-c.Start))
			e.word(string(c.Type))
			e.word(string(c.Strength))
			e.uvarint(uint64(len(c.Actors)))
			for _, a := range c.Actors {
				e.word(a)
			}
			switch {
			case c.Cue == nil:
				e.uvarint(0)
			case sameAsType(c.Cue):
				e.uvarint(1)
			default:
				e.uvarint(2)
				e.cue(c.Cue)
			}
		}
	}
	for _, cs := range [][]entente.Cue{r.References, r.Mechanisms, r.Projects} {
		if len(cs) > 0 {
			e.uvarint(uint64(len(cs)))
			for i := range cs {
				e.cue(&cs[i])
			}
		}
	}
	return e.b
}

func (e *rationaleEncoder) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }

func (e *rationaleEncoder) word(w string) {
	if k, ok := e.words.index[w]; ok {
		e.uvarint(k)
		return
	}
	e.uvarint(0)
	e.uvarint(uint64(len(w)))
	e.b = append(e.b, w...)
}

func (e *rationaleEncoder) cue(c *entente.Cue) {
	e.word(c.Rule)
	e.b = binary.AppendVarint(e.b, int64(c.Start))
	n := int64(c.End - c.Start)
	zig := uint64(n<<1) ^ uint64(n>>63)
	own := !e.text.runesAre(c.Start, c.End, c.Text)
	if own {
		e.uvarint(zig<<1 | 1)
		e.word(c.Text)
		return
	}
	e.uvarint(zig << 1)
}

// rationaleDecoder reads the binary form, keeping the first error.
type rationaleDecoder struct {
	words *rationaleWordIndex
	runes []rune
	b     []byte
	err   error
}

var errRationaleShort = errors.New("stored rationale ends early")

// decode reads the binary form b of the rationale of a sentence of text.
func (x *rationaleWordIndex) decode(text string, b []byte, r *entente.Rationale) error {
	if len(b) == 0 || b[0] != rationaleForm {
		return fmt.Errorf("stored rationale: not form %d", rationaleForm)
	}
	d := rationaleDecoder{words: x, runes: []rune(text), b: b[1:]}
	*r = entente.Rationale{}
	parts := d.uvarint()
	if parts&^partsKnown != 0 {
		return fmt.Errorf("stored rationale: unknown parts %#x", parts)
	}
	if parts&partType != 0 {
		r.Type = d.cue()
	}
	switch {
	case parts&partStrengthIsType != 0:
		if r.Type == nil {
			return errors.New("stored rationale: a strength that is the type's cue without a type")
		}
		c := *r.Type
		r.Strength = &c
	case parts&partStrength != 0:
		r.Strength = d.cue()
	}
	if parts&partActors != 0 {
		r.Actors = make([]entente.PartyCue, d.items())
		for i := range r.Actors {
			r.Actors[i].Party = d.word()
			r.Actors[i].Cue = *d.cue()
		}
	}
	if parts&partAreas != 0 {
		r.Areas = make([]entente.AreaCue, d.items())
		for i := range r.Areas {
			r.Areas[i].Area = d.word()
			r.Areas[i].Cue = *d.cue()
		}
	}
	if parts&partDeadline != 0 {
		r.Deadline = d.cue()
	}
	if parts&partClauses != 0 {
		r.Clauses = make([]entente.ClauseCue, d.items())
		for i := range r.Clauses {
			c := &r.Clauses[i]
			c.Start = d.int()
			c.End = c.Start + d.int()
			c.Type = entente.SentenceType(d.word())
			c.Strength = entente.Strength(d.word())
			if n := d.count(); n > 0 {
				c.Actors = make([]string, n)
				for j := range c.Actors {
					c.Actors[j] = d.word()
				}
			}
			switch d.uvarint() {
			case 0:
			case 1:
				if r.Type == nil {
					d.fail(errors.New("stored rationale: a clause cue that is the type's without a type"))
					break
				}
				t := *r.Type
				c.Cue = &t
			case 2:
				c.Cue = d.cue()
			default:
				d.fail(errors.New("stored rationale: a clause cue of an unknown kind"))
			}
		}
	}
	for _, p := range []struct {
		bit  uint64
		into *[]entente.Cue
	}{{partReferences, &r.References}, {partMechanisms, &r.Mechanisms}, {partProjects, &r.Projects}} {
		if parts&p.bit != 0 {
			*p.into = make([]entente.Cue, d.items())
			for i := range *p.into {
				(*p.into)[i] = *d.cue()
			}
		}
	}
	if d.err == nil && len(d.b) > 0 {
		d.fail(fmt.Errorf("stored rationale: %d bytes after its end", len(d.b)))
	}
	return d.err
}

func (d *rationaleDecoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

func (d *rationaleDecoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail(errRationaleShort)
		d.b = nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *rationaleDecoder) int() int {
	v, n := binary.Varint(d.b)
	if n <= 0 || v < -1<<31 || v > 1<<31-1 {
		d.fail(errRationaleShort)
		d.b = nil
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

// count reads a list's length, which cannot exceed the bytes left (every
// item takes at least one).
func (d *rationaleDecoder) count() int {
	v := d.uvarint()
	if v > uint64(len(d.b)) {
		d.fail(fmt.Errorf("stored rationale: a list of %d items in %d bytes", v, len(d.b)))
		d.b = nil
		return 0
	}
	return int(v)
}

// items reads the length of a part's list, which the encoder writes only
// when it has items: one form per rationale.
func (d *rationaleDecoder) items() int {
	n := d.count()
	if n == 0 {
		d.fail(errors.New("stored rationale: an empty list marked as there"))
	}
	return n
}

func (d *rationaleDecoder) word() string {
	k := d.uvarint()
	if k > 0 {
		if k > uint64(len(d.words.words)) {
			d.fail(fmt.Errorf("stored rationale: word %d of %d", k, len(d.words.words)))
			return ""
		}
		return d.words.words[k-1]
	}
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail(errRationaleShort)
		d.b = nil
		return ""
	}
	w := string(d.b[:n])
	d.b = d.b[n:]
	return w
}

func (d *rationaleDecoder) cue() *entente.Cue {
	c := &entente.Cue{Rule: d.word(), Start: d.int()}
	u := d.uvarint()
	zig := u >> 1
	n := int64(zig>>1) ^ -int64(zig&1)
	if n < -1<<31 || n > 1<<31-1 || int64(c.Start)+n < -1<<31 || int64(c.Start)+n > 1<<31-1 {
		d.fail(errors.New("stored rationale: a cue's length out of range"))
		return c
	}
	c.End = c.Start + int(n)
	switch {
	case u&1 == 1:
		c.Text = d.word()
	case c.Start >= 0 && c.Start <= c.End && c.End <= len(d.runes):
		c.Text = string(d.runes[c.Start:c.End])
	default:
		d.fail(errors.New("stored rationale: a cue outside its sentence"))
	}
	return c
}

// runeCursor reads a text by rune index without converting it to runes
// (the conversion of every sentence's text was half of encoding its
// rationale): it remembers the byte offset of the last rune index it
// reached, and cues come mostly in order.
type runeCursor struct {
	s      string
	ri, bi int // rune index ri starts at byte bi
}

// runesAre says whether runes [start, end) of the text, each encoded as
// UTF-8, are want: string([]rune(s)[start:end]) == want, with the same
// U+FFFD for each byte of invalid UTF-8, and false where the range is not
// within the text.
func (c *runeCursor) runesAre(start, end int, want string) bool {
	if start < 0 || end < start {
		return false
	}
	if start < c.ri {
		c.ri, c.bi = 0, 0
	}
	from, _, ok := skipRunes(c.s, c.bi, start-c.ri)
	if !ok {
		c.ri, c.bi = 0, 0
		return false
	}
	b, decoded, ok := skipRunes(c.s, from, end-start)
	if !ok {
		c.ri, c.bi = start, from
		return false
	}
	c.ri, c.bi = end, b
	// the runes' bytes are the text's own, unless a byte of invalid UTF-8
	// stands for U+FFFD: then they are compared rune by rune
	if !decoded || utf8.ValidString(c.s[from:b]) {
		return c.s[from:b] == want
	}
	j := 0
	var buf [utf8.UTFMax]byte
	for _, r := range c.s[from:b] {
		k := utf8.EncodeRune(buf[:], r)
		if j+k > len(want) || want[j:j+k] != string(buf[:k]) {
			return false
		}
		j += k
	}
	return j == len(want)
}

// skipRunes returns the byte n runes on from byte b of s, whether a rune
// was decoded on the way, and false when s ends before. A rune's length is
// told from its bytes where it is ASCII or of three bytes in U+1000 to
// U+CFFF or U+E000 to U+FFFF (Chinese, and most of what is not ASCII),
// without decoding it: those runes are valid UTF-8. Any other is decoded,
// a byte that begins none being a rune of its own.
func skipRunes(s string, b, n int) (at int, decoded, ok bool) {
	for ; n > 0; n-- {
		if b >= len(s) {
			return b, decoded, false
		}
		x := s[b]
		switch {
		case x < utf8.RuneSelf:
			b++
		// E1 to EC and EE to EF take any two continuation bytes (E0 and
		// ED do not)
		case 0xE1 <= x && x <= 0xEF && x != 0xED && b+2 < len(s) && s[b+1]&0xC0 == 0x80 && s[b+2]&0xC0 == 0x80:
			b += 3
		default:
			_, k := utf8.DecodeRuneInString(s[b:])
			b, decoded = b+k, true
		}
	}
	return b, decoded, true
}
