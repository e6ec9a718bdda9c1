package web

import (
	"html/template"
	"sort"
	"strings"

	"github.com/entente/entente"
)

// The reader's highlighter: a sentence's text with spans marked, escaped
// for HTML. The spans come from what the extractor carried (its rationale)
// or from the search's matches; nothing is searched for again here.

// span is a marked range of a sentence with its class.
type span struct {
	entente.Span
	class string
}

// markCues renders a sentence with the cues that decided its labels
// marked: the type and strength cues, the area keywords and the deadline.
func markCues(s entente.Sentence) template.HTML {
	var spans []span
	if c := s.Rationale.Type; c != nil {
		spans = append(spans, span{entente.Span{Start: c.Start, End: c.End}, "cue"})
	}
	if c := s.Rationale.Strength; c != nil {
		spans = append(spans, span{entente.Span{Start: c.Start, End: c.End}, "cue"})
	}
	for _, a := range s.Rationale.Areas {
		spans = append(spans, span{entente.Span{Start: a.Start, End: a.End}, "area"})
	}
	if c := s.Rationale.Deadline; c != nil {
		spans = append(spans, span{entente.Span{Start: c.Start, End: c.End}, "deadline"})
	}
	return markSpans(s.Text, spans)
}

// markEntities renders a sentence with the instruments it cites, and the
// mechanisms and projects it names, marked where the extractor found them.
func markEntities(s entente.Sentence) template.HTML {
	var spans []span
	add := func(cues []entente.Cue, class string) {
		for _, c := range cues {
			spans = append(spans, span{entente.Span{Start: c.Start, End: c.End}, class})
		}
	}
	add(s.Rationale.References, "ref")
	add(s.Rationale.Mechanisms, "entity")
	add(s.Rationale.Projects, "entity")
	return markSpans(s.Text, spans)
}

// marked renders a search hit's text with its matches marked.
func marked(text string, marks []entente.Span) template.HTML {
	spans := make([]span, len(marks))
	for i, m := range marks {
		spans[i] = span{m, ""}
	}
	return markSpans(text, spans)
}

// markSpans escapes text and wraps non-overlapping spans (in characters)
// in <mark>; overlapping or out-of-range spans are skipped.
func markSpans(text string, spans []span) template.HTML {
	rs := []rune(text)
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var b strings.Builder
	pos := 0
	for _, sp := range spans {
		if sp.Start < pos || sp.End > len(rs) || sp.Start >= sp.End {
			continue
		}
		b.WriteString(template.HTMLEscapeString(string(rs[pos:sp.Start])))
		if sp.class != "" {
			b.WriteString(`<mark class="` + sp.class + `">`)
		} else {
			b.WriteString("<mark>")
		}
		b.WriteString(template.HTMLEscapeString(string(rs[sp.Start:sp.End])))
		b.WriteString("</mark>")
		pos = sp.End
	}
	b.WriteString(template.HTMLEscapeString(string(rs[pos:])))
	return template.HTML(b.String())
}
