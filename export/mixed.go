package export

import (
	"encoding/xml"
	"slices"
)

// mark is an inline element over a span of a text, in characters: a cited
// instrument (<ref>), an actor (<organization>), a place (<location>) or a
// date (<date>).
type mark struct {
	Start, End int
	Name       string
	Attrs      []xml.Attr
}

// mixed is text with inline elements, which encoding/xml's struct tags
// cannot interleave: it writes itself token by token.
type mixed struct {
	Text  string
	Attrs []xml.Attr
	Marks []mark
}

// MarshalXML writes the text with its marks; overlapping marks keep the
// earliest (longest on a tie), so the output is always well nested.
func (m mixed) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	start.Attr = append(start.Attr, m.Attrs...)
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	runes := []rune(m.Text)
	marks := slices.Clone(m.Marks)
	slices.SortStableFunc(marks, func(a, b mark) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	at := 0
	for _, k := range marks {
		if k.Start < at || k.End <= k.Start || k.End > len(runes) {
			continue // overlaps one already written, or out of the text
		}
		if k.Start > at {
			if err := e.EncodeToken(xml.CharData(string(runes[at:k.Start]))); err != nil {
				return err
			}
		}
		el := xml.StartElement{Name: xml.Name{Local: k.Name}, Attr: k.Attrs}
		if err := e.EncodeToken(el); err != nil {
			return err
		}
		if err := e.EncodeToken(xml.CharData(string(runes[k.Start:k.End]))); err != nil {
			return err
		}
		if err := e.EncodeToken(el.End()); err != nil {
			return err
		}
		at = k.End
	}
	if at < len(runes) {
		if err := e.EncodeToken(xml.CharData(string(runes[at:]))); err != nil {
			return err
		}
	}
	return e.EncodeToken(start.End())
}
