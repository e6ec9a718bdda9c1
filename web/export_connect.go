package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/entente/entente"
	"github.com/entente/entente/export"
)

// The exports of the pages that connect documents: a pair's relationship
// timeline (the timeline page and the pair page), a pair's documents (the
// pair page) and a document's citations (its citations page), each read as
// its page reads it.

// pairCodes resolves a pair as typed, as the pages do.
func (s *Server) pairCodes(a, b string) ([]string, error) {
	if a == "" || b == "" {
		return nil, entente.Errorf(entente.EINVALID, "a pair is two parties (a=CN&b=RS)")
	}
	codes := make([]string, 2)
	for i, x := range []string{a, b} {
		code, err := s.filters.Party(x)
		if err != nil {
			return nil, err
		}
		codes[i] = code
	}
	if codes[0] == codes[1] {
		return nil, entente.Errorf(entente.EINVALID, "a pair is two different parties")
	}
	return codes, nil
}

// exportTimeline writes a pair's relationship timeline: ?a=&b=.
func (s *Server) exportTimeline(w http.ResponseWriter, r *http.Request, f *frame) {
	q := r.URL.Query()
	var steps []entente.RelationshipStep
	codes, err := s.pairCodes(q.Get("a"), q.Get("b"))
	if err == nil {
		svc, err2 := s.comparer()
		if err = err2; err == nil {
			steps, err = svc.Timeline(r.Context(), codes[0], codes[1])
		}
	}
	if err != nil {
		s.exportProblem(w, err)
		return
	}
	s.writeTables(w, r, "timeline", func(ctx context.Context, tw export.TableWriter) error {
		if err := tw.Begin(export.TimelineTable); err != nil {
			return err
		}
		for i := range steps {
			if err := tw.Row(export.TimelineRow(&steps[i])); err != nil {
				return err
			}
		}
		return nil
	})
}

// exportPairDocuments writes the documents of a pair, oldest first.
func (s *Server) exportPairDocuments(w http.ResponseWriter, r *http.Request, f *frame) {
	var docs []entente.DocumentBrief
	codes, err := s.pairCodes(r.PathValue("a"), r.PathValue("b"))
	if err == nil {
		svc, err2 := s.comparer()
		if err = err2; err == nil {
			docs, err = svc.PairDocuments(r.Context(), codes[0], codes[1])
		}
	}
	if err != nil {
		s.exportProblem(w, err)
		return
	}
	s.writeTables(w, r, "pair-documents", func(ctx context.Context, tw export.TableWriter) error {
		if err := tw.Begin(export.PairDocumentsTable); err != nil {
			return err
		}
		for i := range docs {
			if err := tw.Row(export.PairDocumentRow(&docs[i])); err != nil {
				return err
			}
		}
		return nil
	})
}

// exportCitations writes what a document cites and what cites it.
func (s *Server) exportCitations(w http.ResponseWriter, r *http.Request, f *frame) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		http.NotFound(w, r)
		return
	}
	var cites, citedBy []entente.CitationLink
	_, st, err := s.registry(r.Context())
	if err == nil {
		cites, err = st.Cites(r.Context(), id)
	}
	if err == nil {
		citedBy, err = st.CitedBy(r.Context(), id)
	}
	if err != nil {
		s.exportProblem(w, err)
		return
	}
	s.writeTables(w, r, "citations-"+strconv.FormatInt(id, 10), func(ctx context.Context, tw export.TableWriter) error {
		if err := tw.Begin(export.CitationsTable); err != nil {
			return err
		}
		for _, list := range []struct {
			direction string
			links     []entente.CitationLink
		}{{"cites", cites}, {"cited_by", citedBy}} {
			for i := range list.links {
				if err := tw.Row(export.CitationRow(list.direction, &list.links[i])); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
