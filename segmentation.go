package entente

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// FieldSegmentation is the field of a correction that splits a sentence
// in two or more, or joins sentences in one. Such a correction is keyed to
// the anchor of the (first) sentence it covers, like the others; its
// Value is a Segmentation and its Extracted the covered sentences as the
// extractor gave them.
const FieldSegmentation = "segmentation"

// Segmentation is the value of a segmentation correction: the Covers
// sentences from its anchor's on, all of one section, are read as Parts.
// A split covers one sentence and has two parts or more; a join covers
// two sentences or more and has one part.
type Segmentation struct {
	Covers int      `json:"covers"`
	Parts  []string `json:"parts"`
}

// Bounds of a segmentation.
const (
	MaxSegmentParts = 20
	maxPartBytes    = 20000
)

// ParseSegmentation reads and checks the value of a segmentation
// correction, and returns it with its canonical JSON.
func ParseSegmentation(raw json.RawMessage) (*Segmentation, json.RawMessage, error) {
	var g Segmentation
	if err := json.Unmarshal(raw, &g); err != nil {
		return nil, nil, Errorf(EINVALID, "a segmentation is {\"covers\": N, \"parts\": [\"…\"]}")
	}
	if err := g.check(); err != nil {
		return nil, nil, err
	}
	b, err := json.Marshal(g)
	return &g, b, err
}

func (g *Segmentation) check() error {
	switch {
	case g.Covers < 1 || g.Covers > MaxSegmentParts || len(g.Parts) == 0 || len(g.Parts) > MaxSegmentParts:
		return Errorf(EINVALID, "a segmentation covers 1 to %d sentences and has 1 to %d parts", MaxSegmentParts, MaxSegmentParts)
	case g.Covers == 1 && len(g.Parts) < 2:
		return Errorf(EINVALID, "a split needs two parts or more")
	case g.Covers > 1 && len(g.Parts) != 1:
		return Errorf(EINVALID, "a join makes one sentence of two or more")
	}
	for _, p := range g.Parts {
		if strings.TrimSpace(p) == "" || len(p) > maxPartBytes || !utf8.ValidString(p) {
			return Errorf(EINVALID, "each part is non-empty text of up to %d bytes", maxPartBytes)
		}
	}
	return nil
}

// Matches reports whether texts, the sentences covered, read as the parts:
// the same characters in the same order, white space aside.
func (g *Segmentation) Matches(texts []string) bool {
	return len(texts) == g.Covers && squeeze(strings.Join(texts, "")) == squeeze(strings.Join(g.Parts, ""))
}

// squeeze drops white space.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// Resegment returns the sentences that replace covered (the sentences as
// read now): for a split, each part with the covered sentence's labels;
// for a join, one sentence with the labels of all of them (the type that
// comes first in precedence, the strongest strength, every actor, area,
// reference, mechanism and project once, the first deadline). Cues are
// dropped: they marked places in the old texts. The ids are the caller's
// to number.
func (g *Segmentation) Resegment(covered []Sentence) []Sentence {
	if len(covered) == 0 {
		return nil
	}
	if len(covered) == 1 {
		out := make([]Sentence, len(g.Parts))
		for i, p := range g.Parts {
			s := cloneSentence(covered[0])
			s.Text, s.Rationale = strings.TrimSpace(p), Rationale{}
			out[i] = s
		}
		return out
	}
	s := cloneSentence(covered[0])
	s.Text, s.Rationale = strings.TrimSpace(g.Parts[0]), Rationale{}
	for _, c := range covered[1:] {
		if slices.Index(sentenceTypes, c.Type) < slices.Index(sentenceTypes, s.Type) {
			s.Type = c.Type
		}
		if c.Strength.Rank() > s.Strength.Rank() {
			s.Strength = c.Strength
		}
		if s.Deadline == nil && c.Deadline != nil {
			d := *c.Deadline
			s.Deadline = &d
		}
		s.Actors = union(s.Actors, c.Actors)
		s.Areas = union(s.Areas, c.Areas)
		s.References = union(s.References, c.References)
		s.Mechanisms = union(s.Mechanisms, c.Mechanisms)
		s.Projects = union(s.Projects, c.Projects)
	}
	if s.Type != Commitment {
		s.Strength = ""
	}
	return []Sentence{s}
}

// JoinTexts joins the texts of sentences as one: with a space between
// two words of a spaced script, with nothing between Chinese characters.
func JoinTexts(texts []string) string {
	var b strings.Builder
	for i, t := range texts {
		t = strings.TrimSpace(t)
		if i > 0 && b.Len() > 0 && t != "" {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			first, _ := utf8.DecodeRuneInString(t)
			if !unicode.Is(unicode.Han, last) && !unicode.Is(unicode.Han, first) && !isCJKPunct(last) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(t)
	}
	return b.String()
}

// isCJKPunct reports full-width punctuation, after which no space goes.
func isCJKPunct(r rune) bool { return r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF }

func cloneSentence(s Sentence) Sentence {
	s.Actors, s.Areas = slices.Clone(nonNilStrings(s.Actors)), slices.Clone(nonNilStrings(s.Areas))
	s.References, s.Mechanisms = slices.Clone(nonNilStrings(s.References)), slices.Clone(nonNilStrings(s.Mechanisms))
	s.Projects = slices.Clone(nonNilStrings(s.Projects))
	if s.Deadline != nil {
		d := *s.Deadline
		s.Deadline = &d
	}
	return s
}

func union(a, b []string) []string {
	for _, v := range b {
		if !slices.Contains(a, v) {
			a = append(a, v)
		}
	}
	return a
}
