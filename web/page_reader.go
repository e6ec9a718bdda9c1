package web

import (
	"errors"
	"html/template"
	"net/http"
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
	Types    []entente.SentenceType
	Dim      dimFilter
	SourceID int64 // the first source, to download
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
	Dim    bool
	Marked template.HTML // the text with the evidence marked
	Inline template.HTML // the text with references, mechanisms and projects marked
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
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		http.NotFound(w, r)
		return
	}
	d, err := s.cfg.Store.Document(r.Context(), id)
	if errors.Is(err, entente.ErrNotFound) {
		http.NotFound(w, r)
		return
	}
	if err != nil || d.Extraction == nil {
		s.log.Error("reader", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	q := r.URL.Query()
	v := &readerView{frame: f, Doc: d, Types: sentenceTypes(),
		Dim: dimFilter{Type: q.Get("type"), Actor: q.Get("actor"), Area: q.Get("area")}}
	v.Sections = layOut(d.Extraction, v.Dim)
	if len(d.Sources) > 0 {
		v.SourceID = d.Sources[0].ID
	}
	f.Title = d.Title
	s.render(w, "reader", v)
}

// layOut groups the sentences by section and paragraph, as published.
func layOut(x *entente.Extraction, dim dimFilter) []readerSection {
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
	return secs
}

func sectionName(sec entente.Section) string {
	switch sec.ID {
	case entente.SectionPreamble:
		return "序言 preamble"
	case entente.SectionClosing:
		return "结尾 closing"
	}
	if sec.Title != "" {
		return sec.Heading + " " + sec.Title
	}
	return sec.Heading
}
