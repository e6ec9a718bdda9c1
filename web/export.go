package web

import (
	"context"
	"net/http"
	"sort"
	"strings"

	"github.com/entente/entente/export"
)

// Exports: every list the UI shows can be taken away as it is filtered, as
// CSV (with a byte-order mark, so that spreadsheet programs read Chinese
// and Serbian right), JSON or XLSX, each written by package export as the
// command line writes it (writeTables).

// exportDocuments exports the library as the page shows it: the same
// filters, the same sort, the same rows.
func (s *Server) exportDocuments(w http.ResponseWriter, r *http.Request, f *frame) {
	docs, _, form, err := s.libraryDocuments(r, f.T)
	if form.Invalid() {
		refuseExport(w, form)
		return
	}
	if err != nil {
		s.exportProblem(w, err)
		return
	}
	s.writeTables(w, r, "documents", func(ctx context.Context, tw export.TableWriter) error {
		if err := tw.Begin(export.DocumentsTable); err != nil {
			return err
		}
		for i := range docs {
			if err := tw.Row(export.DocumentRow(&docs[i])); err != nil {
				return err
			}
		}
		return nil
	})
}

// exportSearch exports a search's whole result set, every page of it in
// the pages' order, under the same query and filters.
func (s *Server) exportSearch(w http.ResponseWriter, r *http.Request, f *frame) {
	text, filters, form, ok := s.searchQuery(r.URL.Query(), f.T)
	if form.Invalid() {
		refuseExport(w, form)
		return
	}
	if !ok || len([]rune(text)) > 200 {
		http.Error(w, "give q (1 to 200 characters) or a filter", http.StatusBadRequest)
		return
	}
	res, err := s.cfg.Store.SearchPage(r.Context(), filters.Search(text, searchExportLimit, 0))
	if err != nil {
		s.exportProblem(w, err)
		return
	}
	s.writeTables(w, r, "search", func(ctx context.Context, tw export.TableWriter) error {
		if err := tw.Begin(export.SentencesTable(true)); err != nil {
			return err
		}
		for i := range res.Hits {
			if err := tw.Row(export.HitRow(&res.Hits[i], true)); err != nil {
				return err
			}
		}
		return nil
	})
}

// refuseExport answers an export whose filters could not be read, with
// what is wrong with each, as the form would say it.
func refuseExport(w http.ResponseWriter, form filterForm) {
	var msgs []string
	for field, msg := range form.Errors {
		msgs = append(msgs, field+": "+msg)
	}
	sort.Strings(msgs)
	http.Error(w, strings.Join(msgs, "\n"), http.StatusUnprocessableEntity)
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
