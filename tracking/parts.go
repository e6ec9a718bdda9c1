package tracking

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/entente/entente"
)

// PartReader reads the parts of a split sentence again with the
// extractor. The extractor reads whole statements (a sentence's actors,
// 双方 above all, come from the statement's parties, and a list item
// inherits its lead-in's), so a part is not read alone: the statement's
// text is read again with each part but the last ended as a sentence (a
// full stop, 。 after Chinese, unless it ends so already) and a paragraph
// break after it, and each part's labels are those the extractor gives
// the sentence that part becomes. When the parts do not come out as sentences of their own (the
// extractor cut one again, or joined it to the next), there is no reading
// and the store keeps the sentence's labels on every part.
//
// The store calls it whenever it applies a split (made, approved,
// reinstated, replayed, or applied again by a re-extraction, with that
// re-extraction's extractor), so the parts read as the current extractor
// reads them; analysts' corrections of a part are corrections like any
// other: kept, applied on top, and flagged when the part's reading
// changes under them.
type PartReader struct {
	load func() (Extractor, error)
	once sync.Once
	x    Extractor
}

// NewPartReader returns a reader that loads its extractor at its first
// use (a command that splits nothing never loads it).
func NewPartReader(load func() (Extractor, error)) *PartReader {
	return &PartReader{load: load}
}

// ReadParts reads parts, the texts that together are covered's, as
// sentences of text, the statement covered is a sentence of; nil when it
// cannot.
func (r *PartReader) ReadParts(text string, covered entente.Sentence, parts []string) []entente.Sentence {
	r.once.Do(func() {
		if x, err := r.load(); err == nil {
			r.x = x
		}
	})
	if r.x == nil || len(parts) < 2 {
		return nil
	}
	broken, want, ok := breakBetween(text, covered.Text, parts)
	if !ok {
		return nil
	}
	x := r.x.Extract(broken)
	if x == nil {
		return nil
	}
	for i := 0; i+len(parts) <= len(x.Sentences); i++ {
		run := x.Sentences[i : i+len(parts)]
		if slices.EqualFunc(run, want, func(s entente.Sentence, w string) bool { return squeezeSpace(s.Text) == w }) {
			out := slices.Clone(run)
			for j := range out {
				out[j].Text = strings.TrimSpace(parts[j])
			}
			return out
		}
	}
	return nil
}

// breakBetween returns text with each part of sentence but the last
// ended as a sentence and followed by a paragraph break, at the first
// place sentence stands in text (white space aside), the texts the parts
// then have (white space dropped), and whether it found sentence there.
func breakBetween(text, sentence string, parts []string) (string, []string, bool) {
	// the byte offset in text of each character that is not white space
	var offsets []int
	var squeezed strings.Builder
	for i, c := range text {
		if !unicode.IsSpace(c) {
			offsets = append(offsets, i)
			squeezed.WriteRune(c)
		}
	}
	sq := squeezed.String()
	target := squeezeSpace(sentence)
	if target == "" || squeezeSpace(strings.Join(parts, "")) != target {
		return "", nil, false
	}
	at := strings.Index(sq, target)
	if at < 0 {
		return "", nil, false
	}
	var b strings.Builder
	var want []string
	prev := 0
	n := utf8.RuneCountInString(sq[:at]) // in characters that are not white space
	for _, p := range parts[:len(parts)-1] {
		p = squeezeSpace(p)
		n += utf8.RuneCountInString(p)
		if p == "" || n >= len(offsets) {
			return "", nil, false
		}
		stop := fullStop(p)
		cut := offsets[n]
		b.WriteString(text[prev:cut])
		b.WriteString(stop + "\n\n")
		want = append(want, p+stop)
		prev = cut
	}
	b.WriteString(text[prev:])
	return b.String(), append(want, squeezeSpace(parts[len(parts)-1])), true
}

// fullStop is what ends the part p as a sentence: nothing when it ends
// so, 。 after Chinese, else a full stop.
func fullStop(p string) string {
	last, _ := utf8.DecodeLastRuneInString(p)
	switch {
	case strings.ContainsRune("。！？；!?.;", last):
		return ""
	case unicode.Is(unicode.Han, last) || (last >= 0x3000 && last <= 0x303f) || (last >= 0xff00 && last <= 0xffef):
		return "。"
	}
	return "."
}

// squeezeSpace drops white space.
func squeezeSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
