package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/entente/entente"
)

// citationsView is a document's citations both ways, as lists and as a
// graph (graph.js draws it with ECharts from Graph; the lists carry the
// same links without JavaScript).
type citationsView struct {
	*frame
	W       *registryWords
	Doc     *entente.StoredDocument
	Cites   []entente.CitationLink
	CitedBy []entente.CitationLink
	Graph   graphData
}

// graphView is the library's citation graph.
type graphView struct {
	*frame
	W     *registryWords
	Edges []entente.CitationEdge
	Graph graphData
	Limit int
}

// graphData is the JSON graph.js draws: documents and instruments as
// nodes, citations as links from the citing document.
type graphData struct {
	Nodes []graphNode `json:"nodes"`
	Links []graphLink `json:"links"`
}

type graphNode struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Detail   string `json:"detail"`
	Href     string `json:"href"`
	Category int    `json:"category"` // 0 a stored document, 1 an instrument not in the library, 2 the document of the page
}

type graphLink struct {
	Source string `json:"source"`
	Target string `json:"target"`
}

// graphBuilder adds nodes once and links between them.
type graphBuilder struct {
	g    graphData
	seen map[string]bool
	pair map[[2]string]bool
}

func newGraphBuilder() *graphBuilder {
	return &graphBuilder{g: graphData{Nodes: []graphNode{}, Links: []graphLink{}}, seen: map[string]bool{}, pair: map[[2]string]bool{}}
}

func (b *graphBuilder) doc(d *entente.RegistryDocument, category int) string {
	id := fmt.Sprintf("d%d", d.ID)
	if !b.seen[id] {
		b.seen[id] = true
		detail := ""
		if d.SignedDate != nil {
			detail = *d.SignedDate
		}
		b.g.Nodes = append(b.g.Nodes, graphNode{ID: id, Name: d.Title, Detail: detail, Href: fmt.Sprintf("/documents/%d/citations", d.ID), Category: category})
	}
	return id
}

func (b *graphBuilder) entry(id int64, name string) string {
	n := fmt.Sprintf("r%d", id)
	if !b.seen[n] {
		b.seen[n] = true
		b.g.Nodes = append(b.g.Nodes, graphNode{ID: n, Name: name, Href: fmt.Sprintf("/registry/%d", id), Category: 1})
	}
	return n
}

func (b *graphBuilder) link(from, to string) {
	if from == to || b.pair[[2]string{from, to}] {
		return
	}
	b.pair[[2]string{from, to}] = true
	b.g.Links = append(b.g.Links, graphLink{Source: from, Target: to})
}

func (s *Server) citationsPage(w http.ResponseWriter, r *http.Request, f *frame) {
	v := &citationsView{frame: f, W: registryWordsFor(f.Lang)}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.pageError(w, f, entente.Errorf(entente.ENOTFOUND, "no document %q", r.PathValue("id")))
		return
	}
	_, st, err := s.registry(r.Context())
	if err != nil {
		s.pageError(w, f, err)
		return
	}
	if v.Cites, err = st.Cites(r.Context(), id); err != nil {
		s.pageError(w, f, err)
		return
	}
	if v.CitedBy, err = st.CitedBy(r.Context(), id); err != nil {
		s.pageError(w, f, err)
		return
	}
	d, err := st.Document(r.Context(), id)
	if err != nil {
		s.pageError(w, f, err)
		return
	}
	v.Doc = d
	f.Title = v.W.Citations + " · " + d.Title
	b := newGraphBuilder()
	self := b.doc(&entente.RegistryDocument{ID: d.ID, Title: d.Title, SignedDate: d.SignedDate}, 2)
	for _, l := range v.Cites {
		if l.Document != nil {
			b.link(self, b.doc(l.Document, 0))
		} else {
			b.link(self, b.entry(l.EntryID, l.EntryName))
		}
	}
	for _, l := range v.CitedBy {
		b.link(b.doc(l.Document, 0), self)
	}
	v.Graph = b.g
	s.render(w, "citations", v)
}

// The library graph shows the graphInstruments instruments cited most,
// each with up to graphCiting of the latest documents citing it.
const (
	graphInstruments = 60
	graphCiting      = 8
)

func (s *Server) graphPage(w http.ResponseWriter, r *http.Request, f *frame) {
	v := &graphView{frame: f, W: registryWordsFor(f.Lang), Limit: graphInstruments}
	f.Title = v.W.Graph
	_, st, err := s.registry(r.Context())
	if err != nil {
		s.pageError(w, f, err)
		return
	}
	if v.Edges, err = st.CitationEdges(r.Context(), graphInstruments, graphCiting); err != nil {
		s.pageError(w, f, err)
		return
	}
	b := newGraphBuilder()
	for _, e := range v.Edges {
		from := b.doc(&e.From, 0)
		if e.To != nil {
			b.link(from, b.doc(e.To, 0))
		} else {
			b.link(from, b.entry(e.EntryID, e.EntryName))
		}
	}
	v.Graph = b.g
	s.render(w, "graph", v)
}
