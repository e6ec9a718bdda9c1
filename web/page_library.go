package web

import (
	"html/template"
	"net/http"
	"sort"

	"github.com/entente/entente"
)

// libraryView is the library: the documents as filtered and sorted, and
// the outcome of each file of an upload just made.
type libraryView struct {
	*frame
	Docs     []entente.StoredDocument
	Filter   entente.DocumentFilter
	Kinds    []option
	Areas    []option
	Sort     string
	RawQuery template.URL // the filters, for the export links
	Outcomes []UploadOutcome
}

// option is one choice of a select list.
type option struct {
	Value, Label string
	Selected     bool
}

func (s *Server) libraryPage(w http.ResponseWriter, r *http.Request, f *frame) {
	s.showLibrary(w, r, f, nil)
}

func (s *Server) showLibrary(w http.ResponseWriter, r *http.Request, f *frame, outcomes []UploadOutcome) {
	q := r.URL.Query()
	filter := entente.DocumentFilter{Party: q.Get("party"), Kind: entente.Kind(q.Get("kind")), Language: q.Get("lang_filter"), Area: q.Get("area"),
		From: validDate(q.Get("from")), To: validDate(q.Get("to")), Limit: 500}
	docs, err := s.cfg.Store.Documents(r.Context(), filter)
	if err != nil {
		s.log.Error("library", "err", err)
		f.Error = f.T.Failed
	}
	sortDocuments(docs, q.Get("sort"))
	f.Title = f.T.Library
	v := &libraryView{frame: f, Docs: docs, Filter: filter, Sort: q.Get("sort"), RawQuery: template.URL(q.Encode()), Outcomes: outcomes}
	v.Kinds = f.T.options(entente.DocumentKinds(), string(filter.Kind))
	v.Areas = f.T.options(entente.Areas(), filter.Area)
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
