package web

import (
	"html/template"
	"net/http"
	"sort"

	"github.com/entente/entente"
)

// libraryLimit is how many documents the library shows, and so how many
// its export holds: the export is the list the page shows.
const libraryLimit = 500

// libraryView is the library: the documents as filtered and sorted, how
// many meet the filters, and the outcome of each file of an upload just
// made.
type libraryView struct {
	*frame
	Docs     []libraryRow
	Form     filterForm
	Words    *filterWords
	Total    int  // documents that meet the filters
	Empty    bool // the library holds no document at all
	Sort     string
	RawQuery template.URL // the filters, for the export links
	Outcomes []UploadOutcome
	Pending  bool // some of the caller's queued uploads are still being read
}

// libraryRow is a document with the label it is shown and linked by.
type libraryRow struct {
	entente.StoredDocument
	Label string
}

// option is one choice of a select list.
type option struct {
	Value, Label string
	Selected     bool
}

func (s *Server) libraryPage(w http.ResponseWriter, r *http.Request, f *frame) {
	s.showLibrary(w, r, f, nil)
}

// libraryDocuments reads the documents the library shows for a query
// string, sorted as asked; the page and its export both use it.
func (s *Server) libraryDocuments(r *http.Request, t *texts) ([]entente.StoredDocument, entente.Filters, filterForm, error) {
	q := r.URL.Query()
	filters, form := s.readFilters(q, t, false)
	if form.Invalid() {
		return nil, filters, form, nil // the form says what to change
	}
	docs, err := s.cfg.Store.Documents(r.Context(), filters.Documents(libraryLimit, 0))
	sortDocuments(docs, q.Get("sort"))
	return docs, filters, form, err
}

func (s *Server) showLibrary(w http.ResponseWriter, r *http.Request, f *frame, outcomes []UploadOutcome) {
	q := r.URL.Query()
	docs, filters, form, err := s.libraryDocuments(r, f.T)
	v := &libraryView{frame: f, Form: form, Words: wordsFor(f.T), Sort: q.Get("sort"), RawQuery: template.URL(q.Encode()), Outcomes: outcomes}
	if r.Method == http.MethodGet {
		v.Outcomes, v.Pending = s.recentUploads(r)
	}
	if err == nil && !form.Invalid() {
		v.Total, err = s.cfg.Store.CountDocuments(r.Context(), filters.Documents(0, 0))
	}
	if err == nil && v.Total == 0 && !form.Invalid() {
		var all int
		all, err = s.cfg.Store.CountDocuments(r.Context(), entente.DocumentFilter{})
		v.Empty = all == 0
	}
	if err != nil {
		s.log.Error("library", "err", err)
		f.Error = f.T.Failed
	}
	for _, d := range docs {
		v.Docs = append(v.Docs, libraryRow{StoredDocument: d, Label: documentLabel(f.T.Code, d.Title, d.Kind, d.Parties, deref(d.SignedDate))})
	}
	f.Title = f.T.Library
	s.render(w, "library", v)
}

// sortDocuments orders the library: newest signed first by default, or by
// title, or by the number of commitments.
func sortDocuments(docs []entente.StoredDocument, by string) {
	date := func(d entente.StoredDocument) string { return deref(d.SignedDate) }
	sort.SliceStable(docs, func(i, j int) bool {
		switch by {
		case "title":
			return docs[i].Title < docs[j].Title
		case "commitments":
			return docs[i].Commitments > docs[j].Commitments
		case "oldest":
			return date(docs[i]) < date(docs[j])
		}
		return date(docs[i]) > date(docs[j])
	})
}
