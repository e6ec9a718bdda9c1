package web

import (
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// readerView is one statement laid out as published: its sections and
// paragraphs, every sentence with its labels, and the filter that dims
// what does not match.
type readerView struct {
	*frame
	Doc      *entente.StoredDocument
	Sections []readerSection
	Types    []entente.SentenceType // the legend, in order of precedence
	// TypeOptions and AreaOptions are the dimming filter's choices.
	TypeOptions, AreaOptions []option
	Dim                      dimFilter
	W                        *trackWords
	// A long statement is read a page of sentences at a time: the table of
	// contents links to the page where each section begins.
	TOC   []tocEntry
	Pager *pagerView // nil when the statement fits on one page
	Page  int        // the page shown, from 1
	// Versions are the documents that are this statement in other
	// languages, with an editor's forms.
	Versions *versionsBox
	// Metadata are the document's corrections of its own fields, with an
	// analyst's form.
	Metadata *metadataBox
	Done     string // what a form just saved
	// Failed names the box whose form was refused (its message is the
	// frame's Error), so that only that box shows it.
	Failed string
	// ExportQuery is the filter, for the links that export the sentences
	// it keeps.
	ExportQuery template.URL

	// NW words the differences of near-duplicate sources.
	NW *nearWords
}

// tocEntry is a section in the table of contents and where it is.
type tocEntry struct {
	Name, Href string
}

// readerSection is a section with its paragraphs, for the reader.
type readerSection struct {
	entente.Section
	Paras []readerPara
}

type readerPara struct {
	Marker    string
	Sentences []readerSentence
}

type readerSentence struct {
	entente.Sentence
	Dim bool
	// Statuses are a commitment's status per party, for the panel.
	Statuses []entente.PartyStatus
	Marked   template.HTML // the text with the evidence marked
	Inline   template.HTML // the text with references, mechanisms and projects marked
}

// dimFilter dims the sentences that do not match (only RS's commitments in
// energy): they stay in place, so the text still reads as published.
type dimFilter struct{ Type, Actor, Area string }

func (f dimFilter) keeps(s entente.Sentence) bool {
	if f.Type != "" && string(s.Type) != f.Type {
		return false
	}
	if f.Actor != "" && !slices.Contains(s.Actors, f.Actor) {
		return false
	}
	if f.Area != "" && !slices.Contains(s.Areas, f.Area) {
		return false
	}
	return true
}

func (s *Server) readerPage(w http.ResponseWriter, r *http.Request, f *frame) {
	// the reader shows what is stored, in the page's language, with what
	// the caller may do: kept while nothing stored changes (doccache.go)
	s.cachedPage(w, r, "reader\x00"+r.URL.RequestURI()+"\x00"+f.Lang+"\x00"+pageCaller(f.User), func(w http.ResponseWriter) {
		s.buildReader(w, r, f)
	})
}

func (s *Server) buildReader(w http.ResponseWriter, r *http.Request, f *frame) {
	s.buildReaderFailed(w, r, f, "")
}

// buildReaderFailed draws the reader; failed names the box whose form
// was just refused, "" for none.
func (s *Server) buildReaderFailed(w http.ResponseWriter, r *http.Request, f *frame, failed string) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		http.NotFound(w, r)
		return
	}
	q := r.URL.Query()
	page := readerPageOf(q)
	d, sp, err := s.cfg.Store.DocumentPage(r.Context(), id, (page-1)*readerPageSize, readerPageSize)
	if errors.Is(err, entente.ErrNotFound) {
		http.NotFound(w, r)
		return
	}
	if err != nil || d.Extraction == nil {
		if clientGone(r.Context().Err()) {
			return
		}
		s.log.Error("reader", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	v := &readerView{frame: f, Doc: d, Page: page,
		Dim: dimFilter{Type: q.Get("type"), Actor: q.Get("actor"), Area: q.Get("area")}}
	for _, t := range entente.SentenceTypes() {
		v.Types = append(v.Types, entente.SentenceType(t.Code))
	}
	v.TypeOptions = f.T.options(entente.SentenceTypes(), v.Dim.Type)
	v.AreaOptions = f.T.options(entente.Areas(), v.Dim.Area)
	paged := sp.Total > readerPageSize
	v.Sections = layOut(d.Extraction, v.Dim, paged)
	v.W = trackWordsFor(f.Lang)
	s.attachStatuses(r, id, v.Sections)
	v.TOC = tableOfContents(f.T, d, sp, q, page)
	if paged {
		p := readerPager(d.ID, q, page, sp.Total)
		v.Pager = &p
	}
	v.Versions = s.attachVersions(r, f, id)
	v.Metadata = s.attachMetadata(r, f, id)
	v.Failed = failed
	v.NW = nearWordsFor(f.Lang)
	v.Done = q.Get("done")
	v.ExportQuery = template.URL(readerExportQuery(q))
	f.Title = d.Title
	s.render(w, "reader", v)
}

// readerPageSize is how many sentences a page of the reader shows: a
// statement of usual length (under a few hundred) is one page.
const readerPageSize = 500

// readerPageOf reads the page to show: ?page=N, or the page holding the
// sentence ?at=sN (the search's links into a long statement).
func readerPageOf(q url.Values) int {
	if at, ok := strings.CutPrefix(q.Get("at"), "s"); ok {
		if n, err := strconv.Atoi(at); err == nil && n > 0 {
			return (n-1)/readerPageSize + 1
		}
	}
	if n, err := strconv.Atoi(q.Get("page")); err == nil && n > 1 && n <= 1<<20 {
		return n
	}
	return 1
}

// readerLink is the reader at page, with the same filters.
func readerLink(id int64, q url.Values, page int) string {
	nq := url.Values{}
	for _, k := range []string{"type", "actor", "area", "lang"} {
		if v := q.Get(k); v != "" {
			nq.Set(k, v)
		}
	}
	if page > 1 {
		nq.Set("page", strconv.Itoa(page))
	}
	link := "/documents/" + strconv.FormatInt(id, 10)
	if len(nq) > 0 {
		link += "?" + nq.Encode()
	}
	return link
}

// readerPager links the previous and next pages of a long statement.
func readerPager(id int64, q url.Values, page, total int) pagerView {
	from := (page-1)*readerPageSize + 1
	p := pagerView{From: min(from, total), To: min(total, page*readerPageSize), Total: total}
	if page > 1 {
		p.Prev = readerLink(id, q, page-1)
	}
	if page*readerPageSize < total {
		p.Next = readerLink(id, q, page+1)
	}
	return p
}

// tableOfContents lists every section, each linked on this page or on the
// page where it begins.
func tableOfContents(t *texts, d *entente.StoredDocument, sp *entente.SentencePage, q url.Values, page int) []tocEntry {
	var toc []tocEntry
	for _, sec := range d.Extraction.Sections {
		href := "#sec-" + sec.ID
		if start, ok := sp.SectionStarts[sec.ID]; ok {
			if p := start/readerPageSize + 1; p != page {
				href = readerLink(d.ID, q, p) + href
			}
		}
		toc = append(toc, tocEntry{Name: t.SectionName(sec), Href: href})
	}
	return toc
}

// layOut groups the sentences by section and paragraph, as published.
// On a page of a long statement, only the sections with sentences on the
// page are shown.
func layOut(x *entente.Extraction, dim dimFilter, paged bool) []readerSection {
	var secs []readerSection
	index := map[string]int{}
	for _, sec := range x.Sections {
		index[sec.ID] = len(secs)
		secs = append(secs, readerSection{Section: sec})
	}
	lastPara := map[string]int{}
	for _, sent := range x.Sentences {
		i, ok := index[sent.Section]
		if !ok {
			continue
		}
		sec := &secs[i]
		if p, seen := lastPara[sent.Section]; !seen || p != sent.Paragraph {
			marker := sent.Marker
			if sec.Heading != "" && strings.HasPrefix(marker, sec.Heading) {
				marker = "" // the article's number is its heading already
			}
			sec.Paras = append(sec.Paras, readerPara{Marker: marker})
			lastPara[sent.Section] = sent.Paragraph
		}
		para := &sec.Paras[len(sec.Paras)-1]
		para.Sentences = append(para.Sentences, readerSentence{Sentence: sent, Dim: !dim.keeps(sent), Marked: markCues(sent),
			Inline: markEntities(sent)})
	}
	if paged {
		secs = slices.DeleteFunc(secs, func(sec readerSection) bool { return len(sec.Paras) == 0 })
	}
	return secs
}

// attachStatuses gives the reader's commitments their status per party.
// A failure only leaves the panels without statuses: the text still reads.
func (s *Server) attachStatuses(r *http.Request, doc int64, secs []readerSection) {
	tr, err := s.tracker()
	if err != nil {
		return
	}
	p, err := tr.Commitments(r.Context(), entente.CommitmentFilter{Document: doc, Withdrawn: true, Limit: 500})
	if err != nil {
		s.log.Error("reader statuses", "err", err)
		return
	}
	by := make(map[string][]entente.PartyStatus, len(p.Commitments))
	for _, c := range p.Commitments {
		by[c.Sentence.ID] = c.Statuses
	}
	for i := range secs {
		for j := range secs[i].Paras {
			for k := range secs[i].Paras[j].Sentences {
				st := &secs[i].Paras[j].Sentences[k]
				st.Statuses = by[st.ID]
			}
		}
	}
}
