package extract

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
)

// Hant reads Traditional Chinese (zh-Hant) with the Chinese rules: the text
// is mapped to Simplified character by character for matching, and every
// string of the result is given back as written. The mapping is one
// character to one character, so offsets in the Simplified text are offsets
// in the original. The character table comes from OpenCC's t2s data
// (github.com/longbridgeapp/opencc), read once, on first use.
type Hant struct {
	zh *Extractor

	once  sync.Once
	table *lexicon.HanTable
	err   error
	// buffers holds *hantBuffers: one per document in flight
	buffers sync.Pool
}

// hantBuffers are what SimplifyNoting needs for one document, kept from
// document to document: the readings (Images()+1, zeroed between
// documents) and the buffer the Simplified text is mapped in.
type hantBuffers struct {
	readings []rune
	text     []byte
	offs     []int // a sentence's byte offset of each rune
	// done is the restorer's memo (restorer.done), emptied between
	// documents: its room is kept, not grown anew for every document
	done map[string]string
	// scratch is the restorer's buffer (restorer.buf)
	scratch []byte
	// given is twin.given's room
	given []givenSentence
}

// NewHant wraps a Chinese extractor.
func NewHant(zh *Extractor) *Hant { return &Hant{zh: zh} }

// load builds the character table (lexicon.HanTable) on first use.
func (h *Hant) load() error {
	h.once.Do(func() {
		h.table, h.err = lexicon.LoadHanTable()
		if h.err != nil {
			h.err = fmt.Errorf("zh-Hant: %w", h.err)
		}
	})
	return h.err
}

// Simplify maps a text to Simplified Chinese character by character; the
// result has the same characters at the same positions but for the
// traditional ones.
func (h *Hant) Simplify(s string) (string, error) {
	if err := h.load(); err != nil {
		return "", err
	}
	return h.table.SimplifyString(s), nil
}

// traditionalShare returns how many of the first Han characters of a text
// are traditional-only, and how many Han characters were looked at.
func (h *Hant) traditionalShare(s string, limit int) (trad, han int, err error) {
	if err := h.load(); err != nil {
		return 0, 0, err
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			continue
		}
		han++
		if h.table.Traditional(r) {
			trad++
		}
		if han >= limit {
			break
		}
	}
	return trad, han, nil
}

// Extract reads a Traditional Chinese statement.
func (h *Hant) Extract(text string) *entente.Extraction { return h.extract(text, true, nil) }

// extract is Extract, with the sentences given as written by the layout
// (twin) or, without, all found again by the restorer (the tests hold the
// first to the second).
func (h *Hant) extract(text string, useTwin bool, given []string) *entente.Extraction {
	if err := h.load(); err != nil {
		if !utf8.ValidString(text) {
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
		out, _ := h.zh.extract(context.Background(), text, nil, given) // a background context never ends
		out.Warnings = append(out.Warnings, err.Error()+": read with the Simplified rules as written")
		out.Document.Language = "zh-Hant"
		return out
	}
	bufs, _ := h.buffers.Get().(*hantBuffers)
	if bufs == nil || len(bufs.readings) != h.table.Images()+1 {
		bufs = &hantBuffers{readings: make([]rune, h.table.Images()+1)}
	}
	readings := bufs.readings
	if bufs.done == nil {
		bufs.done = make(map[string]string, 64)
	}
	defer func() {
		clear(readings)
		clear(bufs.done) // no string of this document kept
		h.buffers.Put(bufs)
	}()
	simp, valid := h.table.SimplifyNotingValid(text, readings, &bufs.text)
	if !valid {
		// invalid bytes become U+FFFD, as the layout would make them, so
		// that the two texts stay aligned byte for byte; the mapping
		// found them out, and maps the text again (rarely: most texts
		// are valid, and are read once)
		clear(readings)
		text = strings.ToValidUTF8(text, "\uFFFD")
		simp = h.table.SimplifyNoting(text, readings, &bufs.text)
	}
	tw := &twin{written: text, given: bufs.given[:0]}
	if !useTwin {
		tw.written = "" // the layout then gives no sentence as written
	}
	out, _ := h.zh.extract(context.Background(), simp, tw, given) // a background context never ends
	bufs.given = tw.given
	rb := &restorer{orig: text, simp: simp, table: h.table, readings: readings, done: bufs.done, buf: &bufs.scratch}
	offs := bufs.offs[:0]
	defer func() { bufs.offs = offs }()
	d := &out.Document
	d.Language = "zh-Hant"
	if tw.title != "" && len(tw.title) == len(d.Title) {
		d.Title = tw.title // as the layout made it of the lines as written
	} else {
		d.Title = rb.restore(d.Title)
	}
	if d.SignedPlace != nil {
		p := rb.restore(*d.SignedPlace)
		d.SignedPlace = &p
	}
	for i := range d.Signatories {
		d.Signatories[i].Name = rb.restore(d.Signatories[i].Name)
		d.Signatories[i].Title = rb.restore(d.Signatories[i].Title)
	}
	d.NewsDateline = rb.restore(d.NewsDateline)
	for i := range out.Sections {
		out.Sections[i].Heading = rb.restore(out.Sections[i].Heading)
		out.Sections[i].Title = rb.restore(out.Sections[i].Title)
	}
	for i := range out.Sentences {
		s := &out.Sentences[i]
		r := &s.Rationale
		if i < len(tw.given) && tw.given[i].ok {
			// given as written by the layout, its cues with it
			// (twin.sentence): only the search's place moves on
			if e := tw.given[i].end; e > rb.cursor {
				rb.cursor = e
			}
		} else {
			s.Text = rb.restoreNext(s.Text)
			cb := cueBytes{s: s.Text, three: allThreeByte(s.Text)}
			if !cb.three {
				offs = runeOffsets(offs[:0], s.Text)
				cb.offs = offs
			}
			cb.recueRationale(r)
		}
		if s.Deadline != nil && r.Deadline != nil {
			dl := r.Deadline.Text
			s.Deadline = &dl
		} else if s.Deadline != nil {
			dl := rb.restore(*s.Deadline)
			s.Deadline = &dl
		}
		rb.restoreAll(s.References)
		rb.restoreAll(s.Mechanisms)
		rb.restoreAll(s.Projects)
	}
	for i := range out.References {
		out.References[i].Title = rb.restore(out.References[i].Title)
	}
	for _, list := range [][]entente.Entity{out.Mechanisms, out.Projects} {
		for i := range list {
			list[i].Name = rb.restore(list[i].Name)
		}
	}
	return out
}

// runeOffsets appends to offs the byte offset of each rune of s and, last,
// len(s): rune offsets of a cue become byte offsets without a []rune copy
// of the sentence. s is valid UTF-8 (the text was made so on entry), so a
// rune's length is its first byte's (leadLen) and nothing is decoded; on
// other bytes the offsets still rise and stay within s.
func runeOffsets(offs []int, s string) []int {
	// room for a rune per byte, written by index (no append per rune),
	// through a slice whose length the loop tests, so that no index is
	// checked again
	n := len(offs)
	offs = slices.Grow(offs, len(s)+1)[:n+len(s)+1]
	w := offs[n:]
	k := uint(0)
	for i := uint(0); i < uint(len(s)) && k < uint(len(w)); k++ {
		w[k] = int(i)
		i += uint(leadLen[s[i]>>4])
	}
	if k < uint(len(w)) {
		w[k] = len(s)
	}
	return offs[:n+int(k)+1]
}

// leadLen gives the length of a UTF-8 sequence by the top four bits of its
// first byte (a continuation byte, never first in valid text, counts one).
const leadLen = "\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x01\x02\x02\x03\x04"

// allThreeByte reports whether every character of s is three bytes long
// (most Chinese sentences: Han and CJK punctuation), by its length and the
// first byte of every third: then the rune offsets runeOffsets would give
// are 0, 3, 6… (on any bytes: it steps by the first byte's length too).
func allThreeByte(s string) bool {
	if len(s)%3 != 0 {
		return false
	}
	for i := uint(0); i < uint(len(s)); i += 3 {
		if s[i]&0xF0 != 0xE0 {
			return false
		}
	}
	return true
}

// cueBytes gives a sentence's cues their text as written: rune offsets
// become byte offsets by 3 when every character is three bytes long
// (allThreeByte, no offsets made), else by the offsets runeOffsets made.
type cueBytes struct {
	s     string // the restored sentence
	offs  []int  // runeOffsets of s, when not three
	three bool
}

// recueRationale is recue for every cue of a sentence's rationale.
func (cb *cueBytes) recueRationale(r *entente.Rationale) {
	cb.recue(r.Type)
	cb.recue(r.Strength)
	cb.recue(r.Deadline)
	for k := range r.Actors {
		cb.recue(&r.Actors[k].Cue)
	}
	for k := range r.Areas {
		cb.recue(&r.Areas[k].Cue)
	}
	for k := range r.Clauses {
		cb.recue(r.Clauses[k].Cue)
	}
	cb.recueAll(r.References)
	cb.recueAll(r.Mechanisms)
	cb.recueAll(r.Projects)
}

// recueAll is recue for each cue of a list.
func (cb *cueBytes) recueAll(list []entente.Cue) {
	for k := range list {
		cb.recue(&list[k])
	}
}

// recue gives a cue the text of its span in the restored sentence.
func (cb *cueBytes) recue(c *entente.Cue) {
	if c == nil || c.Start < 0 || c.Start > c.End {
		return
	}
	if cb.three {
		if 3*c.End <= len(cb.s) {
			c.Text = cb.s[3*c.Start : 3*c.End]
		}
		return
	}
	if c.End < len(cb.offs) {
		c.Text = cb.s[cb.offs[c.Start]:cb.offs[c.End]]
	}
}

// recue32 gives a cue the text of its span in w, a sentence whose runes
// stand at offs (text.offs, which ends with len(w)): cueBytes.recue for
// offsets made already, small enough to be inlined.
func recue32(c *entente.Cue, w string, offs []int32) {
	if c == nil || uint(c.Start) > uint(c.End) || uint(c.End) >= uint(len(offs)) {
		return
	}
	if a, b := uint(offs[c.Start]), uint(offs[c.End]); a <= b && b <= uint(len(w)) {
		c.Text = w[a:b]
	}
}

// twin carries the text as written through the Chinese reading of its
// Simplified mapping (Extractor.extract): the layout gives each sentence
// as written (structure.Sentence.Written, by the offsets, joins and
// squeezes that made it), and sentence gives the result's sentence and
// its cues that text while the sentence's rune offsets are at hand, so
// that no sentence is looked for in the text afterwards.
type twin struct {
	written string
	title   string // the document's title as written (structure.Layout.TitleWritten)
	// given says, for each sentence of the result in order, whether
	// sentence gave it as written
	given []givenSentence
}

type givenSentence struct {
	ok  bool
	end int // the byte offset after it in the text, when it stands there as it is (else -1)
}

// sentence gives s, which the Chinese rules read from st (the Simplified
// sentence, whose rune offsets are also those of w), its text as written
// w and its cues the bytes at their places in w. Without w (a text the
// layout rewrote) s is left to the restorer.
func (tw *twin) sentence(s *entente.Sentence, w string, end int, st *text) {
	if w == "" || len(w) != len(st.s) || st.offs == nil {
		tw.given = append(tw.given, givenSentence{end: -1})
		return
	}
	s.Text = w
	offs := st.offs
	r := &s.Rationale
	recue32(r.Type, w, offs)
	recue32(r.Strength, w, offs)
	recue32(r.Deadline, w, offs)
	for k := range r.Actors {
		recue32(&r.Actors[k].Cue, w, offs)
	}
	for k := range r.Areas {
		recue32(&r.Areas[k].Cue, w, offs)
	}
	for k := range r.Clauses {
		recue32(r.Clauses[k].Cue, w, offs)
	}
	for _, list := range [...][]entente.Cue{r.References, r.Mechanisms, r.Projects} {
		for k := range list {
			recue32(&list[k], w, offs)
		}
	}
	tw.given = append(tw.given, givenSentence{ok: true, end: end})
}
