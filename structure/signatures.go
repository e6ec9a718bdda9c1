package structure

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Signature blocks in languages written with spaces (English, Serbian). A
// name holds single spaces (Aleksandar Vučić), so the columns of a block
// set side by side are told apart by wider gaps, as a word processor's
// tab stops or a table leave them:
//
//	For the Republic of Serbia          For the Republic of Kazakhstan
//	Aleksandar Vučić                    Kassym-Jomart Tokayev
//	President                           President
//
// A block may also give one signatory after another (the party, the name,
// the office, each on its own line), or the name and the office on one
// line (Aleksandar Vučić, predsednik). Each cell of a block is the party a
// signatory signs for (opening with a word of SignsFor), an office (a word
// of Offices), a name, or a mark left where the seal or the signature was
// ((signed), (L.S.)).

// cellKind is what a cell of a signature block gives.
type cellKind int

const (
	cellOther      cellKind = iota // not a signature block's: the line is body text
	cellMark                       // (signed), (L.S.): nothing to read
	cellFor                        // For the Republic of Serbia
	cellOffice                     // President of the Republic of Serbia
	cellName                       // Aleksandar Vučić
	cellNameOffice                 // Aleksandar Vučić, predsednik
)

// signatureCells splits a line of a signature block into its columns: a
// tab or a run of two or more spaces separates them.
func signatureCells(s string) []string {
	var out []string
	start, spaces := -1, 0
	for i, r := range s {
		switch {
		case r == '\t' || isSpace(r) && spaces > 0:
			if start >= 0 {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = -1
			}
			spaces = 2
		case isSpace(r):
			spaces = 1
		default:
			if start < 0 {
				start = i
			}
			spaces = 0
		}
	}
	if start >= 0 {
		out = append(out, strings.TrimSpace(s[start:]))
	}
	return out
}

// cellKindOf reads one cell.
func (p *parser) cellKindOf(c string) cellKind {
	switch {
	case c == "":
		return cellOther
	case runesOver(c, 90):
		// a party line may name a ministry in full with its country (For the
		// Federal Ministry for Economic Affairs and Energy of the Federal
		// Republic of Germany); any other cell so long is a sentence
		if !runesOver(c, 160) && !endsComplete(c) && !strings.ContainsAny(c, ";:,") && p.opensSignsFor(c) {
			return cellFor
		}
		return cellOther
	case nameIn(c) != c && isPersonalName(nameIn(c)):
		return cellName // (Pralhad Joshi) under a party's line: a name, no mark
	case strings.HasPrefix(c, "(") && strings.HasSuffix(c, ")") && !runesOver(c, 20):
		return cellMark
	case p.opensSignsFor(c):
		return cellFor
	case p.hasOfficeWord(c):
		if name, office, ok := strings.Cut(c, ","); ok && isPersonalName(strings.TrimSpace(name)) && p.hasOfficeWord(office) {
			return cellNameOffice
		}
		if endsComplete(c) || strings.ContainsAny(c, ";:") || len(strings.FieldsFunc(c, isSpace)) > 12 {
			return cellOther // a sentence that names an office
		}
		return cellOffice
	case isPersonalName(c):
		return cellName
	}
	return cellOther
}

// nameIn returns a cell without the parentheses a name may be set in
// under a party's line ((Pralhad Joshi)), as a treaty's block sets it.
func nameIn(c string) string {
	if in, ok := strings.CutPrefix(c, "("); ok {
		if in, ok := strings.CutSuffix(in, ")"); ok {
			return strings.TrimSpace(in)
		}
	}
	return c
}

// opensSignsFor reports whether a cell opens with a word of SignsFor, in
// either case, followed by a capitalised word (For the Republic of Serbia,
// Za Vladu Republike Srbije).
func (p *parser) opensSignsFor(c string) bool {
	for _, w := range p.v.SignsFor {
		// in either case: a block may set its party lines in capitals
		// (ZA VLADU REPUBLIKE SRBIJE, FOR THE GOVERNMENT OF …)
		if len(c) <= len(w) || !strings.EqualFold(c[:len(w)], w) {
			continue
		}
		rest := c[len(w):]
		if !isSpace(firstRune(rest)) {
			continue
		}
		for _, f := range strings.FieldsFunc(rest, isSpace) {
			r := firstRune(f)
			if unicode.IsUpper(r) {
				return true
			}
			if !unicode.IsLower(r) || runesOver(f, 3) {
				return false // a lower-case word past "the", "of": no name follows
			}
		}
	}
	return false
}

// hasOfficeWord reports whether a word of the cell opens with a word of
// Offices, in either case (President, predsednik, Predsednika).
func (p *parser) hasOfficeWord(c string) bool {
	lc := strings.ToLower(c)
	for _, w := range p.v.Offices {
		lw := strings.ToLower(w)
		for i := 0; i < len(lc); {
			k := strings.Index(lc[i:], lw)
			if k < 0 {
				break
			}
			at := i + k
			if r, _ := lastRune(lc[:at]); at == 0 || isSpace(r) || r == '(' {
				return true
			}
			i = at + len(lw)
		}
	}
	return false
}

// isPersonalName reports whether a cell reads as a person's name: two to
// six words, each capitalised or a short particle (bin, al, de, van), none
// with a digit, with no punctuation but hyphens, apostrophes and the full
// stops of initials and honorifics (H.E. Mr. John F. Kennedy).
func isPersonalName(c string) bool {
	if runesOver(c, 50) {
		return false
	}
	words := strings.FieldsFunc(c, isSpace)
	if len(words) < 2 || len(words) > 6 {
		return false
	}
	capitals := 0
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) && !strings.ContainsRune("-'’.", r) {
				return false
			}
		}
		switch r := firstRune(w); {
		case unicode.IsUpper(r):
			capitals++
		case unicode.IsLower(r) && !runesOver(w, 4):
			// a particle of a name: bin, al, de, van, von, da
		default:
			return false
		}
	}
	return capitals >= 2
}

// namesLine reports whether a tail line that ends as a sentence does (a
// name ending in Jr.) is a spaced signature block's line of names.
func (p *parser) namesLine(lines []line, i int) bool {
	kinds, ok := p.lineCells(lines[i].text)
	return ok && kinds&^(1<<cellName|1<<cellMark) == 0 && p.signatureLine(lines, i)
}

// signatureLine reports whether a tail line belongs to a spaced signature
// block: every cell is one, and some cell names a party or an office, here
// or on a neighbouring line (a line of names between them).
func (p *parser) signatureLine(lines []line, i int) bool {
	kinds, ok := p.lineCells(lines[i].text)
	if !ok {
		return false
	}
	if kinds&(1<<cellFor|1<<cellOffice|1<<cellNameOffice) != 0 {
		return true
	}
	if kinds&(1<<cellName) == 0 {
		return kinds == 1<<cellMark // a line of marks alone
	}
	near := func(j int) bool {
		if j < 0 || j >= len(lines) {
			return false
		}
		k, ok := p.lineCells(lines[j].text)
		return ok && k&(1<<cellFor|1<<cellOffice|1<<cellNameOffice) != 0
	}
	return near(i-1) || near(i+1)
}

// lineCells returns the kinds of a line's cells as a set of bits, and
// false when some cell is not a signature block's.
func (p *parser) lineCells(s string) (uint, bool) {
	var kinds uint
	for _, c := range signatureCells(s) {
		k := p.cellKindOf(c)
		if k == cellOther {
			return 0, false
		}
		kinds |= 1 << k
	}
	return kinds, kinds != 0
}

// readSpacedSignatures reads the signatories of a spaced signature block's
// lines. A line of several cells sets a signatory per column; lines of one
// cell give one signatory after another, a new one beginning when a cell
// would fill what the one at hand already has.
func readSpacedSignatures(p *parser, lines []string) []Signatory {
	var out []Signatory
	group, width := 0, 0 // the columns' first signatory, and how many
	for _, l := range lines {
		cells := signatureCells(l)
		if len(cells) > 1 {
			if width != len(cells) || columnsFilled(p, out[group:], cells) {
				group, width = len(out), len(cells)
				out = append(out, make([]Signatory, len(cells))...)
			}
			for j, c := range cells {
				fillSignatory(p, &out[group+j], c)
			}
			continue
		}
		width = 0
		if len(out) == 0 || filled(p, &out[len(out)-1], cells[0]) {
			out = append(out, Signatory{})
		}
		fillSignatory(p, &out[len(out)-1], cells[0])
	}
	// a column of marks alone, or of a party with no one named, signs
	// for no one: it is no signatory
	kept := out[:0]
	for _, s := range out {
		if s.Name != "" {
			kept = append(kept, s)
		}
	}
	return kept
}

// columnsFilled reports whether a line's cells would fill what the
// signatories of the columns at hand already have.
func columnsFilled(p *parser, sigs []Signatory, cells []string) bool {
	for j, c := range cells {
		if j < len(sigs) && filled(p, &sigs[j], c) {
			return true
		}
	}
	return false
}

// filled reports whether the cell would fill a part s already has.
func filled(p *parser, s *Signatory, c string) bool {
	switch p.cellKindOf(c) {
	case cellFor:
		return s.For != "" || s.Name != "" && s.Title != ""
	case cellOffice:
		return s.Title != ""
	case cellName:
		return s.Name != ""
	case cellNameOffice:
		return s.Name != "" || s.Title != ""
	}
	return false
}

// fillSignatory sets the part of s that the cell gives.
func fillSignatory(p *parser, s *Signatory, c string) {
	switch p.cellKindOf(c) {
	case cellFor:
		s.For = c
	case cellOffice:
		s.Title = c
	case cellName:
		s.Name = nameIn(c)
	case cellNameOffice:
		name, office, _ := strings.Cut(c, ",")
		s.Name, s.Title = strings.TrimSpace(name), strings.TrimSpace(office)
	}
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
