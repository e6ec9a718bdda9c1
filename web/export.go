package web

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/export"
)

// Exports: every list the UI shows can be taken away as it is filtered, as
// CSV (with a byte-order mark, so that spreadsheet programs read Chinese
// and Serbian right), JSON or XLSX.

// exportDocuments exports the library as the page shows it: the same
// filters, the same sort, the same rows.
func (s *Server) exportDocuments(w http.ResponseWriter, r *http.Request, f *frame) {
	docs, _, form, err := s.libraryDocuments(r, f.T)
	if form.Invalid() {
		refuseExport(w, form)
		return
	}
	if err != nil {
		s.log.Error("export documents", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if docs == nil {
		docs = []entente.StoredDocument{}
	}
	if strings.HasSuffix(r.URL.Path, ".xlsx") {
		rows := make([][]any, len(docs))
		for i := range docs {
			rows[i] = export.DocumentRow(&docs[i])
		}
		s.writeXLSX(w, r, "documents", export.DocumentsTable, rows)
		return
	}
	header := []string{"id", "title", "kind", "parties", "signed_date", "signed_place", "language", "sentences", "commitments"}
	rows := make([][]string, len(docs))
	for i, d := range docs {
		rows[i] = []string{strconv.FormatInt(d.ID, 10), d.Title, string(d.Kind), strings.Join(d.Parties, " "),
			deref(d.SignedDate), deref(d.SignedPlace), d.Language, strconv.Itoa(d.Sentences), strconv.Itoa(d.Commitments)}
	}
	writeExport(w, r, "documents", docs, header, rows)
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
		s.log.Error("export search", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	hits := res.Hits
	if strings.HasSuffix(r.URL.Path, ".xlsx") {
		rows := make([][]any, len(hits))
		for i := range hits {
			rows[i] = export.HitRow(&hits[i], true)
		}
		s.writeXLSX(w, r, "search", export.SentencesTable(true), rows)
		return
	}
	header := []string{"document_id", "document_title", "signed_date", "section", "sentence_id", "type", "strength", "actors", "areas", "deadline", "text"}
	rows := make([][]string, len(hits))
	for i, h := range hits {
		st := h.Sentence
		rows[i] = []string{strconv.FormatInt(h.DocumentID, 10), h.DocumentTitle, h.SignedDate, h.Section, st.ID, string(st.Type),
			string(st.Strength), strings.Join(st.Actors, " "), strings.Join(st.Areas, " "), deref(st.Deadline), st.Text}
	}
	writeExport(w, r, "search", hits, header, rows)
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

// writeExport answers with CSV or JSON by the path's extension.
func writeExport(w http.ResponseWriter, r *http.Request, name string, v any, header []string, rows [][]string) {
	if strings.HasSuffix(r.URL.Path, ".json") {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="entente-%s.json"`, name))
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		_ = enc.Encode(v)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="entente-%s.csv"`, name))
	w.Write([]byte("\xEF\xBB\xBF"))
	cw := csv.NewWriter(w)
	_ = cw.Write(header)
	for _, row := range rows {
		_ = cw.Write(neutralize(row))
	}
	cw.Flush()
}

// writeXLSX answers with a workbook of the rows (typed cells, the header
// frozen, filters, and an About sheet with the request's filters, when and
// by whom), written by package export as the command line's exports are.
func (s *Server) writeXLSX(w http.ResponseWriter, r *http.Request, name string, t export.Table, rows [][]any) {
	var filters []export.Filter
	q := r.URL.Query()
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		filters = append(filters, export.FilterList(k, q.Get(k))...)
	}
	about := export.About{What: name, Filters: filters, At: time.Now(), By: entente.ActorFromContext(r.Context())}
	var buf bytes.Buffer // the workbook is zipped at the end: an error can still be a 500
	tw, err := export.NewTableWriter("xlsx", &buf, about)
	if err == nil {
		err = tw.Begin(t)
	}
	for i := 0; err == nil && i < len(rows); i++ {
		err = tw.Row(rows[i])
	}
	if err == nil {
		err = tw.Close()
	}
	if err != nil {
		s.log.Error("export xlsx", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="entente-%s.xlsx"`, name))
	w.Write(buf.Bytes())
}

// neutralize keeps a cell from being read as a formula by a spreadsheet
// (=, +, -, @ at the start): statements are text, never formulas.
func neutralize(row []string) []string {
	for i, c := range row {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			row[i] = "'" + c
		}
	}
	return row
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
