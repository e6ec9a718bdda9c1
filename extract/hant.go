package extract

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

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
	return strings.Map(h.table.Simplified, s), nil
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
func (h *Hant) Extract(text string) *entente.Extraction {
	// invalid bytes become U+FFFD here, as the layout would make them, so
	// that the two texts stay aligned byte for byte
	text = strings.ToValidUTF8(text, "\uFFFD")
	simp, err := h.Simplify(text)
	if err != nil {
		out := h.zh.Extract(text)
		out.Warnings = append(out.Warnings, err.Error()+": read with the Simplified rules as written")
		out.Document.Language = "zh-Hant"
		return out
	}
	out := h.zh.Extract(simp)
	rb := &restorer{orig: text, simp: simp}
	d := &out.Document
	d.Language = "zh-Hant"
	d.Title = rb.restore(d.Title)
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
		s.Text = rb.restoreNext(s.Text)
		rs := []rune(s.Text)
		r := &s.Rationale
		for _, c := range []*entente.Cue{r.Type, r.Strength, r.Deadline} {
			recue(c, rs)
		}
		for k := range r.Actors {
			recue(&r.Actors[k].Cue, rs)
		}
		for k := range r.Areas {
			recue(&r.Areas[k].Cue, rs)
		}
		for k := range r.Clauses {
			recue(r.Clauses[k].Cue, rs)
		}
		if s.Deadline != nil && r.Deadline != nil {
			dl := r.Deadline.Text
			s.Deadline = &dl
		} else if s.Deadline != nil {
			dl := rb.restore(*s.Deadline)
			s.Deadline = &dl
		}
		for _, list := range [][]string{s.References, s.Mechanisms, s.Projects} {
			for k := range list {
				list[k] = rb.restore(list[k])
			}
		}
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

// recue gives a cue the text of its span in the restored sentence.
func recue(c *entente.Cue, rs []rune) {
	if c != nil && c.Start >= 0 && c.End <= len(rs) && c.Start <= c.End {
		c.Text = string(rs[c.Start:c.End])
	}
}

// restorer finds strings of the Simplified text in the original. The two
// texts are aligned byte for byte (the table maps a character only to one
// of the same UTF-8 length), so a string found in the Simplified text at
// some offset is, in the original, the bytes at that offset. A string that
// is not a plain substring (lines joined, spaces squeezed) is looked for
// with spaces aside (compactRestorer, built when first needed).
type restorer struct {
	orig, simp string
	cursor     int // byte offset after the last sentence found
	slow       *compactRestorer
}

// restoreNext restores a sentence, looking from the end of the previous
// one first.
func (rb *restorer) restoreNext(s string) string {
	if i := strings.Index(rb.simp[rb.cursor:], s); i >= 0 && s != "" && rb.cursor+i+len(s) <= len(rb.orig) {
		at := rb.cursor + i
		rb.cursor = at + len(s)
		return rb.orig[at : at+len(s)]
	}
	return rb.restore(s)
}

func (rb *restorer) restore(s string) string {
	if s == "" {
		return s
	}
	if i := strings.Index(rb.simp, s); i >= 0 && i+len(s) <= len(rb.orig) {
		return rb.orig[i : i+len(s)]
	}
	if rb.slow == nil {
		rb.slow = newCompactRestorer(rb.orig, rb.simp)
	}
	out, _, _ := rb.slow.find(s, 0)
	return out
}

// compactRestorer finds a string in the Simplified text with spaces aside:
// the characters other than spaces are the same in number and order.
type compactRestorer struct {
	simp, orig []rune // the texts without spaces
	simpStr    string
	byteOf     []int // rune index → byte offset in simpStr
	byChar     map[rune]rune
}

func newCompactRestorer(orig, simp string) *compactRestorer {
	rb := &compactRestorer{byChar: map[rune]rune{}}
	or, sr := []rune(orig), []rune(simp)
	rb.simp, rb.orig = make([]rune, 0, len(sr)), make([]rune, 0, len(sr))
	for i := range sr {
		if i >= len(or) || unicode.IsSpace(sr[i]) || sr[i] == '\u3000' {
			continue
		}
		rb.simp = append(rb.simp, sr[i])
		rb.orig = append(rb.orig, or[i])
		if sr[i] != or[i] {
			if _, ok := rb.byChar[sr[i]]; !ok {
				rb.byChar[sr[i]] = or[i]
			}
		}
	}
	var b strings.Builder
	for _, r := range rb.simp {
		rb.byteOf = append(rb.byteOf, b.Len())
		b.WriteRune(r)
	}
	rb.simpStr = b.String()
	return rb
}

func compact(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}

func (rb *compactRestorer) find(s string, from int) (string, int, bool) {
	c := compact(s)
	if c == "" {
		return s, from, false
	}
	i := strings.Index(rb.simpStr, c)
	if i < 0 {
		// not a plain substring (a title put together from parts): map
		// character by character
		return strings.Map(func(r rune) rune {
			if o, ok := rb.byChar[r]; ok {
				return o
			}
			return r
		}, s), from, false
	}
	k := sort.SearchInts(rb.byteOf, i)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u3000' {
			b.WriteRune(r)
			continue
		}
		if k < len(rb.orig) {
			b.WriteRune(rb.orig[k])
		} else {
			b.WriteRune(r)
		}
		k++
	}
	return b.String(), k, true
}
