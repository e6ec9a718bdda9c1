package extract

import (
	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
	"github.com/entente/entente/structure"
)

// scratch holds the buffers one document's sentences are read with, reused
// from sentence to sentence so that a statement allocates them once at the
// size of its longest sentence, not once per sentence. It belongs to one
// call of ExtractContext at a time (an Extractor is shared between
// goroutines), which takes it from the extractor's pool and puts it back.
type scratch struct {
	matches []lexicon.Match
	flags   []runeFlags
	hits    []areaHit
	bools   []bool
	crs     []clauseReading  // one sentence's clause readings
	ptrs    []*clauseReading // the readings in order, as resolve takes them
	ctoks   []token          // the clauses' copies of the sentence's tokens
	runes   []rune           // a sentence's runes and their masked copy
	offs    []int32          // the byte offsets of a sentence's runes (text.offs)
	rest    []int32          // the positions of its runes not read as a Han pair (text.rest)
	toks    []token          // a sentence's cue words (text.toks)
	quoted  []rune           // the masked copy with quotations hidden too (deadline)
	txt     text             // the sentence being read (newTextWith)
	layout  structure.Buffers
	// the document's evidence and lists of codes, kept by the result
	// (slab): emptied, never reused, when the document is done
	cues       slab[entente.Cue]
	clauseCues slab[entente.ClauseCue]
	areaCues   slab[entente.AreaCue]
	partyCues  slab[entente.PartyCue]
	codes      slab[string]
	// subjects holds the evidence of the subjects a sentence's clauses
	// name (subjectOf), which resolve copies where it keeps one: emptied
	// for each sentence (classify)
	subjects []entente.PartyCue
	// instrument says the document is an agreement or a memorandum,
	// whose "shall" (应) binds the parties (classify)
	instrument bool
	// record says the document is minutes its co-chairs sign ([signed-record]),
	// whose "shall" binds the sides too, though its fields are its items' own
	record bool
}

// subjectCue returns room for the evidence of a clause's subject, valid
// until the next sentence is classified.
func (sc *scratch) subjectCue() *entente.PartyCue {
	if len(sc.subjects) == cap(sc.subjects) {
		// a new buffer: the cues handed out stay in the old one
		sc.subjects = make([]entente.PartyCue, 0, max(8, 2*cap(sc.subjects)))
	}
	sc.subjects = sc.subjects[:len(sc.subjects)+1]
	p := &sc.subjects[len(sc.subjects)-1]
	*p = entente.PartyCue{}
	return p
}

// union is union(sets...) kept in the document's slab of codes, its
// capacity its length: the codes are gathered on the stack first, so a
// sentence's actors, joined clause by clause, take room once.
func (sc *scratch) union(sets ...[]string) []string {
	var buf [8]string
	out := gatherCodes(buf[:0], sets)
	if len(out) == 0 {
		return nil // as union
	}
	kept := sc.codes.take(len(out))
	copy(kept, out)
	return kept
}

// quotedFor returns a buffer of n runes (not cleared: the caller fills it).
func (sc *scratch) quotedFor(n int) []rune {
	if cap(sc.quoted) < n {
		sc.quoted = make([]rune, n)
	}
	return sc.quoted[:n]
}

// offsetsFor returns a buffer of n offsets (not cleared: the caller fills it).
func (sc *scratch) offsetsFor(n int) []int32 {
	if cap(sc.offs) < n {
		sc.offs = make([]int32, n)
	}
	return sc.offs[:n]
}

// restFor returns a buffer of n positions (not cleared: the caller fills it).
func (sc *scratch) restFor(n int) []int32 {
	if cap(sc.rest) < n {
		sc.rest = make([]int32, n)
	}
	return sc.rest[:n]
}

// runesFor returns a buffer of n runes (not cleared: the caller fills it).
func (sc *scratch) runesFor(n int) []rune {
	if cap(sc.runes) < n {
		sc.runes = make([]rune, n)
	}
	return sc.runes[:n]
}

// readingsFor returns room for the readings of n clauses, an empty list of
// them and an empty buffer for their tokens, sized for a sentence of
// ntoks tokens. The readings do not outlive their sentence: what resolve
// keeps of them it copies.
func (sc *scratch) readingsFor(n, ntoks int) ([]clauseReading, []*clauseReading, []token) {
	if cap(sc.crs) < n {
		sc.crs = make([]clauseReading, n)
		sc.ptrs = make([]*clauseReading, 0, n)
	}
	if cap(sc.ctoks) < ntoks {
		sc.ctoks = make([]token, 0, ntoks)
	}
	return sc.crs[:n], sc.ptrs[:0], sc.ctoks[:0]
}

// runeFlags are what the area rules know of one character of a sentence.
type runeFlags uint8

const (
	fShielded      runeFlags = 1 << iota // in a title, quoted name, mechanism's name or background clause
	fProject                             // in a project's name
	fModifier                            // an attributive particle (的) follows in the same clause
	fWeighed                             // the clause carries an importance frame
	fExample                             // an item of a list of examples (A、B等挑战)
	fAligned                             // the clause aligns what it names (A同B对接): each is a topic
	fHeadedExample                       // an item of a list of examples whose head names an area itself
)

// flagsFor returns n cleared flags.
func (sc *scratch) flagsFor(n int) []runeFlags {
	if cap(sc.flags) < n {
		sc.flags = make([]runeFlags, n)
	}
	f := sc.flags[:n]
	clear(f)
	return f
}

// boolsFor returns two cleared runs of n flags, from one buffer.
func (sc *scratch) boolsFor(n int) ([]bool, []bool) {
	if cap(sc.bools) < 2*n {
		sc.bools = make([]bool, 2*n)
	}
	b := sc.bools[:2*n]
	clear(b)
	return b[:n:n], b[n:]
}

// getScratch returns a document's buffers, those of an earlier document
// when one has put them back.
func (x *Extractor) getScratch() *scratch {
	if sc, _ := x.scratches.Get().(*scratch); sc != nil {
		return sc
	}
	return &scratch{}
}

// putScratch keeps a document's buffers for the next document, first
// emptied of every string and pointer into this one (the runes, flags,
// matches, tokens and area hits hold none), so that no text is kept alive
// by them.
func (x *Extractor) putScratch(sc *scratch) {
	clear(sc.crs[:cap(sc.crs)])
	clear(sc.ptrs[:cap(sc.ptrs)])
	// the slabs' chunks are held by the document's result
	sc.cues, sc.clauseCues, sc.areaCues, sc.partyCues, sc.codes = slab[entente.Cue]{}, slab[entente.ClauseCue]{}, slab[entente.AreaCue]{}, slab[entente.PartyCue]{}, slab[string]{}
	clear(sc.subjects[:cap(sc.subjects)])
	sc.subjects = sc.subjects[:0]
	sc.instrument, sc.record = false, false
	sc.txt = text{named: sc.txt.named[:0], clauses: sc.txt.clauses[:0]}
	sc.layout.Reset()
	x.scratches.Put(sc)
}

// scratchOf returns the text's scratch, or a fresh one for a text read alone.
func (st *text) scratchOf() *scratch {
	if st.scr == nil {
		st.scr = &scratch{}
	}
	return st.scr
}
