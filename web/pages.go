package web

import (
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
)

// The web UI: pages rendered on the server, so that reading and searching
// work without JavaScript. Pages share the API's accounts and roles.

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// page is one UI route with the least access it needs; pages() is the
// policy, held by the authorization matrix like the API's.
type page struct {
	method, pattern string
	need            access
	handle          func(w http.ResponseWriter, r *http.Request, v *view)
}

func (s *Server) pages() []page {
	viewer := roleAccess(entente.RoleViewer)
	return []page{
		{"GET", "/{$}", viewer, s.libraryPage},
		{"GET", "/documents/{id}", viewer, s.readerPage},
		{"GET", "/search", viewer, s.searchPage},
		{"GET", "/dashboard", viewer, s.dashboardPage},
		{"GET", "/export/documents.csv", viewer, s.exportDocuments},
		{"GET", "/export/documents.json", viewer, s.exportDocuments},
		{"GET", "/export/search.csv", viewer, s.exportSearch},
		{"GET", "/export/search.json", viewer, s.exportSearch},
		{"POST", "/upload", roleAccess(entente.RoleAnalyst), s.uploadSubmit},
		{"GET", "/login", accessPublic, s.loginPage},
		{"POST", "/login", accessPublic, s.loginSubmit},
		{"POST", "/logout", accessSignedIn, s.logoutSubmit},
	}
}

// view is what every page template receives.
type view struct {
	Lang, Title, Query string
	T                  *texts
	User               *entente.User
	CanRead            bool
	Error              string
	Data               map[string]any
}

func (s *Server) registerPages() error {
	funcs := template.FuncMap{
		"join":        strings.Join,
		"deref":       deref,
		"typeLabel":   typeLabel,
		"sectionName": sectionName,
		"marked":      marked,
		"charts":      charts,
	}
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html")
	if err != nil {
		return err
	}
	s.templates = map[string]*template.Template{}
	for _, name := range []string{"library", "reader", "search", "login", "dashboard"} {
		t, err := template.Must(layout.Clone()).ParseFS(templateFS, "templates/"+name+".html")
		if err != nil {
			return err
		}
		s.templates[name] = t
	}
	static, _ := fs.Sub(staticFS, "static")
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", cacheStatic(http.FileServerFS(static))))
	for _, p := range s.pages() {
		s.mux.HandleFunc(p.method+" "+p.pattern, s.pageHandler(p))
	}
	return nil
}

func cacheStatic(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}

// pageHandler checks a page's access for the session's account: an
// anonymous visitor is sent to sign in, a role too low gets 403.
func (s *Server) pageHandler(p page) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u := s.sessionUser(r)
		v := &view{T: textsFor(w, r), User: u, CanRead: s.allowed(roleAccess(entente.RoleViewer), u), Data: map[string]any{}}
		v.Lang = v.T.Code
		if !s.allowed(p.need, u) {
			if u == nil {
				http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			w.WriteHeader(http.StatusForbidden)
			v.Title, v.Error = v.T.Forbidden, v.T.Forbidden
			s.render(w, "login", v)
			return
		}
		w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		p.handle(w, r, v)
	}
}

func (s *Server) sessionUser(r *http.Request) *entente.User {
	c, err := r.Cookie(SessionCookie)
	if err != nil || c.Value == "" {
		return nil
	}
	u, err := s.cfg.Store.SessionUser(r.Context(), auth.HashToken(c.Value), s.cfg.Now())
	if err != nil {
		return nil
	}
	return u
}

func (s *Server) render(w http.ResponseWriter, name string, v *view) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := s.templates[name].ExecuteTemplate(w, "layout", v); err != nil {
		s.log.Error("render page", "page", name, "err", err)
	}
}

// The view's Data is flattened into the template's dot by these accessors.
func (v *view) Docs() any       { return v.Data["docs"] }
func (v *view) Filter() any     { return v.Data["filter"] }
func (v *view) FilterKind() any { return v.Data["filterKind"] }
func (v *view) Kinds() any      { return v.Data["kinds"] }
func (v *view) Doc() any        { return v.Data["doc"] }
func (v *view) Sections() any   { return v.Data["sections"] }
func (v *view) Types() []string { return []string{"commitment", "position", "appraisal", "narrative"} }
func (v *view) Dim() any        { return v.Data["dim"] }
func (v *view) SourceID() any   { return v.Data["source"] }
func (v *view) Hits() any       { return v.Data["hits"] }
func (v *view) SearchQ() any    { return v.Data["searchq"] }
func (v *view) Next() any       { return v.Data["next"] }
func (v *view) RawQuery() any   { return v.Data["query"] }
func (v *view) Outcomes() any   { return v.Data["outcomes"] }
func (v *view) Sort() any       { return v.Data["sort"] }
func (v *view) Facets() any     { return v.Data["facets"] }
func (v *view) Total() any      { return v.Data["total"] }
func (v *view) Pager() any      { return v.Data["pager"] }
func (v *view) Stats() any      { return v.Data["stats"] }
func (v *view) CanUpload() bool { return v.User != nil && v.User.Role.AtLeast(entente.RoleAnalyst) }

func (s *Server) libraryPage(w http.ResponseWriter, r *http.Request, v *view) {
	q := r.URL.Query()
	f := entente.DocumentFilter{Party: q.Get("party"), Kind: entente.Kind(q.Get("kind")), Language: q.Get("lang_filter"), Area: q.Get("area"),
		From: validDate(q.Get("from")), To: validDate(q.Get("to")), Limit: 500}
	docs, err := s.cfg.Store.Documents(r.Context(), f)
	if err != nil {
		s.log.Error("library", "err", err)
		v.Error = v.T.Failed
	}
	sortDocuments(docs, q.Get("sort"))
	v.Data["sort"] = q.Get("sort")
	v.Title = v.T.Library
	v.Data["query"] = template.URL(r.URL.Query().Encode())
	v.Data["docs"], v.Data["filter"], v.Data["filterKind"] = docs, f, string(f.Kind)
	v.Data["kinds"] = []string{"joint_statement", "agreement", "mou", "action_plan", "communique", "declaration", "other"}
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
	if f.Actor != "" && !contains(s.Actors, f.Actor) {
		return false
	}
	if f.Area != "" && !contains(s.Areas, f.Area) {
		return false
	}
	return true
}

func contains(list []string, x string) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

func (s *Server) readerPage(w http.ResponseWriter, r *http.Request, v *view) {
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
	dim := dimFilter{Type: q.Get("type"), Actor: q.Get("actor"), Area: q.Get("area")}
	var secs []readerSection
	index := map[string]int{}
	for _, sec := range d.Extraction.Sections {
		index[sec.ID] = len(secs)
		secs = append(secs, readerSection{Section: sec})
	}
	lastPara := map[string]int{}
	for _, sent := range d.Extraction.Sentences {
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
	v.Title = d.Title
	v.Data["doc"], v.Data["sections"], v.Data["dim"] = d, secs, dim
	if len(d.Sources) > 0 {
		v.Data["source"] = d.Sources[0].ID
	}
	s.render(w, "reader", v)
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request, v *view) {
	q := r.URL.Query()
	sq := entente.SearchQuery{Text: strings.TrimSpace(q.Get("q")), Type: entente.SentenceType(q.Get("type")), Party: q.Get("party"),
		Area: q.Get("area"), Strength: entente.Strength(q.Get("strength")), From: validDate(q.Get("from")), To: validDate(q.Get("to")),
		Language: q.Get("lang_filter"), Limit: facetWindow}
	offset, _ := strconv.Atoi(q.Get("offset"))
	offset = max(0, offset)
	v.Title, v.Query = v.T.Search, sq.Text
	v.Data["searchq"] = sq
	v.Data["query"] = template.URL(r.URL.Query().Encode())
	if sq.Text != "" || sq.Type != "" || sq.Party != "" || sq.Area != "" || sq.Strength != "" || sq.From != "" || sq.Language != "" {
		if len([]rune(sq.Text)) > 200 {
			v.Error = v.T.Failed
		} else if hits, err := s.cfg.Store.Search(r.Context(), sq); err != nil {
			s.log.Error("search page", "err", err)
			v.Error = v.T.Failed
		} else {
			v.Data["facets"] = facetsOf(hits, r.URL.Query())
			v.Data["total"] = len(hits)
			end := min(len(hits), offset+pageSize)
			if offset < len(hits) {
				v.Data["hits"] = hits[offset:end]
			}
			v.Data["pager"] = pager(r.URL.Query(), offset, len(hits))
		}
	}
	s.render(w, "search", v)
}

// uploadSubmit stores the files of the library's upload form and shows the
// library with each file's outcome (added, already present, refused and why).
func (s *Server) uploadSubmit(w http.ResponseWriter, r *http.Request, v *view) {
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(8 << 20); err != nil {
		http.Error(w, "the upload is not a readable form, or too large", http.StatusBadRequest)
		return
	}
	defer r.MultipartForm.RemoveAll()
	var outcomes []UploadOutcome
	for _, fh := range r.MultipartForm.File["files"] {
		f, err := fh.Open()
		if err != nil {
			outcomes = append(outcomes, UploadOutcome{Name: safeFilename(fh.Filename), Status: "refused", Problem: err.Error()})
			continue
		}
		o := s.ingestOne(r.Context(), fh.Filename, f, fh.Header.Get("Content-Type"))
		f.Close()
		outcomes = append(outcomes, o)
	}
	v.Data["outcomes"] = outcomes
	s.libraryPage(w, r, v)
}

// dashboardPage shows the library's commitments by area, party, strength
// and year: tables that work anywhere, drawn as charts by ECharts where
// JavaScript runs; every bar and row leads to the filtered search.
func (s *Server) dashboardPage(w http.ResponseWriter, r *http.Request, v *view) {
	st, err := s.cfg.Store.CommitmentStats(r.Context())
	if err != nil {
		s.log.Error("dashboard", "err", err)
		v.Error = v.T.Failed
		st = &entente.CommitmentStats{}
	}
	v.Title = v.T.Dashboard
	v.Data["stats"] = st
	s.render(w, "dashboard", v)
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request, v *view) {
	v.Title = v.T.SignIn
	if s.NeedsSetUp(r.Context()) {
		v.Error = SetUpHint(s.cfg.StoreName)
	}
	v.Data["next"] = safeNext(r.URL.Query().Get("next"))
	s.render(w, "login", v)
}

func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request, v *view) {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	name, password := r.PostForm.Get("name"), r.PostForm.Get("password")
	next := safeNext(r.PostForm.Get("next"))
	token, expires, status, msg := s.signIn(r.Context(), name, password, clientAddr(r.RemoteAddr))
	if token == "" {
		w.WriteHeader(status)
		v.Title, v.Error = v.T.SignIn, msg
		v.Data["next"] = next
		s.render(w, "login", v)
		return
	}
	c := s.cookie(token, expires)
	http.SetCookie(w, &c)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) logoutSubmit(w http.ResponseWriter, r *http.Request, v *view) {
	if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
		if err := s.cfg.Store.DeleteSession(r.Context(), auth.HashToken(c.Value)); err != nil {
			s.log.Error("logout", "err", err)
		}
	}
	c := s.cookie("", time.Time{})
	http.SetCookie(w, &c)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// safeNext keeps a redirect after sign-in on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.Contains(next, "\\") {
		return "/"
	}
	return next
}

func validDate(s string) string {
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return ""
	}
	return s
}

func sectionName(s any) string {
	var sec entente.Section
	switch x := s.(type) {
	case readerSection:
		sec = x.Section
	case entente.Section:
		sec = x
	}
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
