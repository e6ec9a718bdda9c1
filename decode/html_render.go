package decode

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipElements hold no text a reader sees.
var skipElements = map[atom.Atom]bool{
	atom.Head: true, atom.Title: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Svg: true,
	atom.Math: true, atom.Canvas: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Input: true,
}

// blockElements start and end a paragraph.
var blockElements = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Body: true,
	atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dialog: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hr: true,
	atom.Html: true, atom.Li: true, atom.Main: true, atom.Nav: true, atom.Ol: true, atom.P: true,
	atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tbody: true,
	atom.Tfoot: true, atom.Thead: true, atom.Tr: true, atom.Ul: true,
}

// renderParagraphs returns the text under n, one paragraph per block
// element, paragraphs separated by a blank line; <br> breaks a line inside
// a paragraph and table cells are separated by tabs.
func renderParagraphs(n *html.Node) string {
	var r renderer
	r.walk(n)
	r.flush()
	return strings.Join(r.paras, "\n\n")
}

type renderer struct {
	paras []string
	cur   strings.Builder
	pre   int  // depth inside <pre>, where whitespace is kept
	last  byte // the last byte written to cur (0 when cur is empty)
	space bool // whitespace seen since the last word
}

func (r *renderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.ElementNode:
		if skipElements[n.DataAtom] {
			return
		}
		switch n.DataAtom {
		case atom.Br:
			r.write("\n")
			return
		case atom.Td, atom.Th:
			if r.last != 0 && r.last != '\n' {
				r.write("\t")
			}
		case atom.Pre:
			r.pre++
			defer func() { r.pre-- }()
		}
	case html.DocumentNode:
	default:
		return // comments, doctypes
	}
	block := n.Type == html.ElementNode && blockElements[n.DataAtom]
	if block {
		r.flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	if block {
		r.flush()
	}
}

// text adds a text node: runs of HTML whitespace become one space, kept
// only between words (not at the start of a line), except in <pre>.
func (r *renderer) text(s string) {
	if r.pre > 0 {
		r.write(s)
		return
	}
	for s != "" {
		i := strings.IndexFunc(s, isHTMLSpace)
		if i == 0 {
			r.space = true
			s = strings.TrimLeftFunc(s, isHTMLSpace)
			continue
		}
		if i < 0 {
			i = len(s)
		}
		if r.space && r.last != 0 && r.last != '\n' && r.last != '\t' {
			r.cur.WriteByte(' ')
		}
		r.write(s[:i])
		s = s[i:]
	}
}

// write appends s to the paragraph as it is.
func (r *renderer) write(s string) {
	if s == "" {
		return
	}
	r.cur.WriteString(s)
	r.last = s[len(s)-1]
	r.space = false
}

// flush ends the current paragraph. Spaces at the ends of its lines go,
// except the indentation of preformatted text.
func (r *renderer) flush() {
	lines := strings.Split(r.cur.String(), "\n")
	for i, l := range lines {
		if r.pre > 0 {
			lines[i] = strings.TrimRight(l, " ")
		} else {
			lines[i] = strings.Trim(l, " ")
		}
	}
	if p := strings.Trim(strings.Join(lines, "\n"), "\n"); p != "" {
		r.paras = append(r.paras, p)
	}
	r.cur.Reset()
	r.last, r.space = 0, false
}
