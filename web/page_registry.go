package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// The registry's pages: the list of instruments, mechanisms and projects,
// one entry with its names and mentions (and an editor's merge, split and
// rename), a document's citations both ways, and the library's citation
// graph.

// registryListView is the registry list page.
type registryListView struct {
	*frame
	W          *registryWords
	Q, Kind    string
	Kinds      []option
	Entries    []registryRow
	Total      int
	From, To   int
	Prev, Next string
	RawQuery   template.URL // the query and kind, for the export links
	Behind     bool         // the registry is being rebuilt with the latest documents
}

// registryRow is one entry in the list, with its labels.
type registryRow struct {
	entente.RegistryEntry
	KindLabel, InstrumentLabel string
}

const registryPageSize = 50

func (s *Server) registryRow(e entente.RegistryEntry, lang string) registryRow {
	r := registryRow{RegistryEntry: e, KindLabel: entente.RegistryKinds().Label(string(e.Kind), lang)}
	if e.InstrumentKind != "" {
		r.InstrumentLabel = entente.ReferenceKinds().Label(string(e.InstrumentKind), lang)
	}
	return r
}

func (s *Server) registryPage(w http.ResponseWriter, r *http.Request, f *frame) {
	v := &registryListView{frame: f, W: registryWordsFor(f.Lang)}
	f.Title = v.W.Registry
	q := r.URL.Query()
	v.Q = strings.TrimSpace(q.Get("q"))
	if len(v.Q) > 200 {
		v.Q = v.Q[:200]
	}
	kind, err := entente.ParseRegistryKind(q.Get("kind"))
	if err != nil {
		f.Error = entente.ErrorMessage(err)
	}
	v.Kind = string(kind)
	for _, k := range entente.RegistryKinds() {
		v.Kinds = append(v.Kinds, option{Value: k.Code, Label: k.Labels[f.Lang], Selected: k.Code == v.Kind})
	}
	offset, _ := strconv.Atoi(q.Get("offset"))
	offset = min(max(offset, 0), 1_000_000)
	_, st, behind, err := s.registryBehind(r.Context())
	if err != nil {
		s.pageError(w, f, err)
		return
	}
	v.Behind = behind
	es, total, err := st.RegistryEntries(r.Context(), entente.RegistryFilter{Query: v.Q, Kind: kind, Limit: registryPageSize, Offset: offset})
	if err != nil {
		s.pageError(w, f, err)
		return
	}
	for _, e := range es {
		v.Entries = append(v.Entries, s.registryRow(e, f.Lang))
	}
	v.Total, v.From, v.To = total, offset+1, offset+len(es)
	eq := url.Values{}
	if v.Q != "" {
		eq.Set("q", v.Q)
	}
	if v.Kind != "" {
		eq.Set("kind", v.Kind)
	}
	v.RawQuery = template.URL(eq.Encode())
	link := func(off int) string {
		u := url.Values{}
		if v.Q != "" {
			u.Set("q", v.Q)
		}
		if v.Kind != "" {
			u.Set("kind", v.Kind)
		}
		if off > 0 {
			u.Set("offset", strconv.Itoa(off))
		}
		return "/registry?" + u.Encode()
	}
	if offset > 0 {
		v.Prev = link(max(offset-registryPageSize, 0))
	}
	if offset+len(es) < total {
		v.Next = link(offset + registryPageSize)
	}
	s.render(w, "registry", v)
}

// pageError answers a page with the error's status and its message.
func (s *Server) pageError(w http.ResponseWriter, f *frame, err error) {
	status := problemStatus(entente.ErrorCode(err))
	if status >= 500 {
		s.log.Error("page", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(status)
	f.Title, f.Error = entente.ErrorMessage(err), entente.ErrorMessage(err)
	s.render(w, "login", &loginView{frame: f})
}

// registryEntryView is one entry's page.
type registryEntryView struct {
	*frame
	W       *registryWords
	Entry   registryRow
	CanEdit bool
	Done    bool
}

// entryMentions is how many mentions an entry's page lists.
const entryMentions = 500

func (s *Server) registryEntryPage(w http.ResponseWriter, r *http.Request, f *frame) {
	v := &registryEntryView{frame: f, W: registryWordsFor(f.Lang), Done: r.URL.Query().Get("done") == "1"}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.pageError(w, f, entente.Errorf(entente.ENOTFOUND, "no registry entry %q", r.PathValue("id")))
		return
	}
	_, st, err := s.registry(r.Context())
	if err != nil {
		s.pageError(w, f, err)
		return
	}
	e, err := st.RegistryEntry(r.Context(), id, entryMentions)
	if err != nil {
		s.pageError(w, f, err)
		return
	}
	v.Entry = s.registryRow(*e, f.Lang)
	v.CanEdit = f.User != nil && f.User.Role.AtLeast(entente.RoleEditor)
	f.Title = e.Name
	s.render(w, "registry_entry", v)
}

// registryDecisionSubmit takes an editor's merge, split or rename from the
// entry's page and returns to the entry that holds the names afterwards.
func (s *Server) registryDecisionSubmit(w http.ResponseWriter, r *http.Request, f *frame) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.pageError(w, f, entente.Errorf(entente.ENOTFOUND, "no registry entry %q", r.PathValue("id")))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		s.pageError(w, f, entente.Errorf(entente.EINVALID, "the form is too large or malformed"))
		return
	}
	c, _, err := s.registry(r.Context())
	if err != nil {
		s.pageError(w, f, err)
		return
	}
	why := r.PostForm.Get("reason")
	var e *entente.RegistryEntry
	switch r.PathValue("action") {
	case "merge":
		into, perr := strconv.ParseInt(strings.TrimSpace(r.PostForm.Get("into")), 10, 64)
		if perr != nil || into <= 0 {
			err = entente.Errorf(entente.EINVALID, "name the entry to merge into by its number")
			break
		}
		e, err = c.Merge(r.Context(), id, into, why)
	case "split":
		e, err = c.Split(r.Context(), id, r.PostForm["alias"], why)
	case "rename":
		e, err = c.Rename(r.Context(), id, r.PostForm.Get("name"), why)
	default:
		err = entente.Errorf(entente.ENOTFOUND, "no such registry action")
	}
	if err != nil {
		s.pageError(w, f, err)
		return
	}
	if e == nil {
		http.Redirect(w, r, "/registry", http.StatusSeeOther)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/registry/%d?done=1", e.ID), http.StatusSeeOther)
}

// Reason renders an encoded reason in the page's language.
func (v *registryEntryView) Reason(encoded string) string { return entente.ReasonText(encoded, v.Lang) }
