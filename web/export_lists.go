package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/entente/entente"
	"github.com/entente/entente/export"
)

// The exports of the event log, a comparison of two statements and the
// sentences of one statement in the reader: each reads its list with the
// page's own parsing of the query, so the file has the page's rows.

// eventsAfter is where the event log starts: ?after=SEQ, as the page's
// "next" link gives it; anything else is the beginning.
func eventsAfter(q url.Values) int64 {
	after, _ := strconv.ParseInt(q.Get("after"), 10, 64)
	return max(after, 0)
}

// exportEvents writes the event log from the page's start on, every page
// of it, oldest first as the page lists it.
func (s *Server) exportEvents(w http.ResponseWriter, r *http.Request, f *frame) {
	after := eventsAfter(r.URL.Query())
	s.writeTables(w, r, "events", func(ctx context.Context, tw export.TableWriter) error {
		if err := tw.Begin(export.EventsTable); err != nil {
			return err
		}
		for last := after; ; {
			es, err := s.cfg.Store.Events(ctx, last, export.PageSize)
			if err != nil {
				return err
			}
			for i := range es {
				if err := tw.Row(export.EventRow(&es[i])); err != nil {
					return err
				}
				last = es[i].Seq
			}
			if len(es) < export.PageSize {
				return nil
			}
		}
	})
}

// compareDocuments reads the two documents a comparison names, as the
// page does.
func compareDocuments(q url.Values) (a, b int64, err error) {
	a, errA := strconv.ParseInt(q.Get("a"), 10, 64)
	b, errB := strconv.ParseInt(q.Get("b"), 10, 64)
	if errA != nil || errB != nil || a <= 0 || b <= 0 {
		return 0, 0, entente.Errorf(entente.EINVALID, "a document is named by its number")
	}
	return a, b, nil
}

// exportCompare writes a comparison's rows, in the page's order.
func (s *Server) exportCompare(w http.ResponseWriter, r *http.Request, f *frame) {
	a, b, err := compareDocuments(r.URL.Query())
	var c *entente.Comparison
	if err == nil {
		svc, err2 := s.comparer()
		if err = err2; err == nil {
			c, err = svc.Compare(r.Context(), a, b)
		}
	}
	if err != nil {
		s.exportProblem(w, err)
		return
	}
	s.writeTables(w, r, "compare", func(ctx context.Context, tw export.TableWriter) error {
		return export.WriteComparison(tw, c)
	})
}

// exportReader writes the sentences of one statement that the reader's
// filter keeps (those it does not dim), in the statement's order, every
// page of a long one.
func (s *Server) exportReader(w http.ResponseWriter, r *http.Request, f *frame) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		http.NotFound(w, r)
		return
	}
	q := r.URL.Query()
	dim := dimFilter{Type: q.Get("type"), Actor: q.Get("actor"), Area: q.Get("area")}
	// The first page is read before any byte is written, so that a
	// missing document is a 404 and not an empty file.
	d, sp, err := s.cfg.Store.DocumentPage(r.Context(), id, 0, readerPageSize)
	if errors.Is(err, entente.ErrNotFound) {
		http.NotFound(w, r)
		return
	}
	if err != nil {
		s.exportProblem(w, err)
		return
	}
	s.writeTables(w, r, "sentences", func(ctx context.Context, tw export.TableWriter) error {
		if err := tw.Begin(export.SentencesTable(false)); err != nil {
			return err
		}
		for offset := 0; ; {
			if d.Extraction != nil {
				for _, st := range d.Extraction.Sentences {
					if !dim.keeps(st) {
						continue
					}
					h := entente.SearchHit{DocumentID: d.ID, DocumentTitle: d.Title, SignedDate: deref(d.SignedDate),
						Language: d.Language, Section: st.Section, Sentence: st}
					if err := tw.Row(export.HitRow(&h, false)); err != nil {
						return err
					}
				}
			}
			offset += readerPageSize
			if offset >= sp.Total {
				return nil
			}
			var err error
			if d, sp, err = s.cfg.Store.DocumentPage(ctx, id, offset, readerPageSize); err != nil {
				return err
			}
		}
	})
}

// readerExportQuery is the reader's filter for its export links: the
// filter, not the page.
func readerExportQuery(q url.Values) string {
	out := url.Values{}
	for _, k := range []string{"type", "actor", "area"} {
		if v := q.Get(k); v != "" {
			out.Set(k, v)
		}
	}
	return out.Encode()
}

// dashExportQuery is the dashboard's filters, for its export links.
func dashExportQuery(q url.Values) url.Values {
	out := url.Values{}
	for _, k := range []string{"party", "pair", "area", "from", "to"} {
		if v := q.Get(k); v != "" {
			out.Set(k, v)
		}
	}
	return out
}

// exportDashboard writes the scorecard the dashboard shows, of the
// commitments its filters select. A filter the page would leave out (and
// say so beside its field) is refused here: a file cannot say it.
func (s *Server) exportDashboard(w http.ResponseWriter, r *http.Request, f *frame) {
	q := r.URL.Query()
	cf, form := s.readDashFilters(q, f.T, dashWordsFor(f.T.Code))
	if len(form.Errors) > 0 {
		refuseExport(w, filterForm{Errors: form.Errors})
		return
	}
	v, err := entente.FindVocabulary(q.Get("vocabulary"))
	var sc *entente.Scorecard
	if err == nil {
		tr, err2 := s.tracker()
		if err = err2; err == nil {
			sc, err = tr.Scorecard(r.Context(), cf)
		}
	}
	if err != nil {
		s.exportProblem(w, err)
		return
	}
	s.writeTables(w, r, "scorecard", func(ctx context.Context, tw export.TableWriter) error {
		return export.WriteScorecard(tw, sc, v)
	})
}
