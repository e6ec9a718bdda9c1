package decode

import (
	"fmt"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// decodeHTML reads an HTML page or fragment and keeps its main text, one
// paragraph per block element. A page with chrome (navigation, header,
// footer, sidebars, share buttons) goes through readability, which finds
// the article; a bare fragment with none, such as the MFA's statement pages
// (a run of <P> elements), is all main text and is kept whole, since
// readability would judge its short centred title lines unlikely content.
func decodeHTML(name string, in sniffed, declared string) (*Result, error) {
	meta := ""
	if in.enc == "" {
		// certain is true only for a BOM (handled already) or a <meta>
		// declaration in the first KiB; its guesses we make ourselves.
		if _, label, certain := charset.DetermineEncoding(in.data, "text/html"); certain {
			meta = label
		}
	}
	text, enc, err := decodeCharset(name, in, declared, meta)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fail(name, ErrCorrupt, "cannot parse the HTML: %v", err)
	}
	res := &Result{
		Format: formatHTML, Encoding: enc, MediaType: "text/html; charset=" + enc,
		Title: pageTitle(doc), Language: pageLanguage(doc),
	}
	main := doc
	if hasChrome(doc) {
		art, err := readable(doc)
		if err != nil {
			return nil, fail(name, ErrCorrupt, "cannot find the main text: %v", err)
		}
		if art.Node == nil || linkHeavy(art.Node) {
			return nil, fail(name, ErrNoText, "no main text on the page, only navigation, links or scripts")
		}
		main = art.Node
		if res.Title == "" {
			res.Title = collapseSpace(art.Title()) // from og:title, JSON-LD and the like
		}
	}
	res.Text = renderParagraphs(main)
	if strings.TrimSpace(res.Text) == "" {
		return nil, fail(name, ErrNoText, "no main text on the page, only markup or scripts")
	}
	return res, nil
}

// readable runs readability. It recovers from a panic so that one hostile
// page cannot bring down a batch ingest: readability is a large port of
// JavaScript heuristics, and we feed it whatever the web serves.
func readable(doc *html.Node) (art readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("readability failed: %v", r)
		}
	}()
	return readability.FromDocument(doc, nil)
}

// chromeElements and chromeRoles mark page furniture; chromeWords, in a
// class or id, mark the same in sites that build it from <div>s.
var (
	chromeElements = map[atom.Atom]bool{
		atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
		atom.Menu: true, atom.Form: true, atom.Iframe: true,
	}
	chromeRoles = map[string]bool{
		"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
		"menu": true, "menubar": true, "search": true,
	}
	chromeWords = []string{"nav", "menu", "footer", "header", "sidebar", "breadcrumb", "share", "copyright", "banner"}
)

// hasChrome reports whether the page has furniture around its text:
// elements, roles or classes of navigation, headers, footers and sidebars,
// or more than 30% of its text in links.
func hasChrome(doc *html.Node) bool {
	found := false
	linkText, allText := 0, 0
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			k := len(strings.TrimSpace(n.Data))
			allText += k
			if inLink {
				linkText += k
			}
			return
		case html.ElementNode:
			if skipElements[n.DataAtom] {
				return
			}
			if chromeElements[n.DataAtom] || chromeRoles[attr(n, "role")] || chromeName(attr(n, "class")+" "+attr(n, "id")) {
				found = true
			}
			inLink = inLink || n.DataAtom == atom.A
		}
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(doc, false)
	return found || linkText*10 > allText*3
}

// chromeName reports whether a class or id names page furniture.
func chromeName(s string) bool {
	s = strings.ToLower(s)
	for _, w := range chromeWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// linkHeavy reports whether most of the text under n is link text: what
// readability returns from a page without an article is a menu or a list
// of related links.
func linkHeavy(n *html.Node) bool {
	linkText, allText := 0, 0
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		if n.Type == html.TextNode {
			k := len(strings.TrimSpace(n.Data))
			allText += k
			if inLink {
				linkText += k
			}
			return
		}
		inLink = inLink || (n.Type == html.ElementNode && n.DataAtom == atom.A)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	return allText == 0 || linkText*2 > allText
}

// pageTitle returns the text of the first <title>, or of the first <h1>
// when the title is that heading plus the site's name ("声明 — 外交部").
func pageTitle(doc *html.Node) string {
	t := find(doc, atom.Title)
	if t == nil {
		return ""
	}
	title := collapseSpace(textOf(t))
	if h := find(doc, atom.H1); h != nil {
		if h1 := collapseSpace(textOf(h)); h1 != "" && h1 != title && strings.HasPrefix(title, h1) {
			return h1
		}
	}
	return title
}

// pageLanguage returns the lang (or xml:lang) of <html>, else of <body>.
func pageLanguage(doc *html.Node) string {
	for _, a := range []atom.Atom{atom.Html, atom.Body} {
		if n := find(doc, a); n != nil {
			for _, key := range []string{"lang", "xml:lang"} {
				if v := strings.TrimSpace(attr(n, key)); v != "" {
					return v
				}
			}
		}
	}
	return ""
}

// find returns the first element of that kind, depth first.
func find(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, a); f != nil {
			return f
		}
	}
	return nil
}

// attr returns the value of an attribute ("" when absent).
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) || (a.Namespace != "" && strings.EqualFold(a.Namespace+":"+a.Key, key)) {
			return a.Val
		}
	}
	return ""
}

// textOf returns all the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// collapseSpace trims s and turns runs of HTML whitespace into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, isHTMLSpace), " ")
}

// isHTMLSpace reports whether r is whitespace in HTML. Only ASCII counts:
// the ideographic space U+3000 that indents Chinese paragraphs is text.
func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}
