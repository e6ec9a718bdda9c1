package web

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// Exports: every list the UI shows can be taken away as it is filtered, as
// CSV (with a byte-order mark, so that spreadsheet programs read Chinese
// and Serbian right) or JSON.

func (s *Server) exportDocuments(w http.ResponseWriter, r *http.Request, _ *frame) {
	q := r.URL.Query()
	f := entente.DocumentFilter{Party: q.Get("party"), Kind: entente.Kind(q.Get("kind")), From: validDate(q.Get("from")),
		To: validDate(q.Get("to")), Limit: 10000}
	docs, err := s.cfg.Store.Documents(r.Context(), f)
	if err != nil {
		s.log.Error("export documents", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if docs == nil {
		docs = []entente.StoredDocument{}
	}
	header := []string{"id", "title", "kind", "parties", "signed_date", "signed_place", "language", "sentences", "commitments"}
	rows := make([][]string, len(docs))
	for i, d := range docs {
		rows[i] = []string{strconv.FormatInt(d.ID, 10), d.Title, string(d.Kind), strings.Join(d.Parties, " "),
			deref(d.SignedDate), deref(d.SignedPlace), d.Language, strconv.Itoa(d.Sentences), strconv.Itoa(d.Commitments)}
	}
	writeExport(w, r, "documents", docs, header, rows)
}

func (s *Server) exportSearch(w http.ResponseWriter, r *http.Request, _ *frame) {
	q := r.URL.Query()
	text := strings.TrimSpace(q.Get("q"))
	if text == "" || len([]rune(text)) > 200 {
		http.Error(w, "q: give 1 to 200 characters", http.StatusBadRequest)
		return
	}
	hits, err := s.cfg.Store.Search(r.Context(), entente.SearchQuery{Text: text, Type: entente.SentenceType(q.Get("type")),
		Party: q.Get("party"), Area: q.Get("area"), Limit: 1000})
	if err != nil {
		s.log.Error("export search", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if hits == nil {
		hits = []entente.SearchHit{}
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
