package web

import (
	"embed"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// The web UI: pages rendered on the server, so that reading and searching
// work without JavaScript. Pages share the API's accounts and roles. Each
// page has its own file (page_*.go) with its typed view; this file holds
// what they share: the policy table, the frame every page is drawn in, and
// rendering.

//go:embed templates/*.html
var templateFS embed.FS

// page is one UI route with the least access it needs; pages() is the
// policy, held by the authorization matrix like the API's.
type page struct {
	method, pattern string
	need            access
	handle          func(w http.ResponseWriter, r *http.Request, f *frame)
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
		{"GET", "/export/documents.xlsx", viewer, s.exportDocuments},
		{"GET", "/export/search.csv", viewer, s.exportSearch},
		{"GET", "/export/search.json", viewer, s.exportSearch},
		{"GET", "/export/search.xlsx", viewer, s.exportSearch},
		{"GET", "/export/commitments.csv", viewer, s.exportCommitments},
		{"GET", "/export/commitments.json", viewer, s.exportCommitments},
		{"GET", "/export/commitments.xlsx", viewer, s.exportCommitments},
		{"GET", "/export/commitments", viewer, s.exportCommitments},
		{"GET", "/export/registry.csv", viewer, s.exportRegistry},
		{"GET", "/export/registry.json", viewer, s.exportRegistry},
		{"GET", "/export/registry.xlsx", viewer, s.exportRegistry},
		{"GET", "/export/scorecard", viewer, s.exportScorecard},
		{"GET", "/export/scorecard.csv", viewer, s.exportScorecard},
		{"GET", "/export/scorecard.json", viewer, s.exportScorecard},
		{"GET", "/export/scorecard.xlsx", viewer, s.exportScorecard},
		{"GET", "/export/events.csv", roleAccess(entente.RoleAdmin), s.exportEvents},
		{"GET", "/export/events.json", roleAccess(entente.RoleAdmin), s.exportEvents},
		{"GET", "/export/events.xlsx", roleAccess(entente.RoleAdmin), s.exportEvents},
		{"GET", "/export/dashboard.csv", viewer, s.exportDashboard},
		{"GET", "/export/dashboard.json", viewer, s.exportDashboard},
		{"GET", "/export/dashboard.xlsx", viewer, s.exportDashboard},
		{"GET", "/export/review.csv", roleAccess(entente.RoleEditor), s.exportReview},
		{"GET", "/export/review.json", roleAccess(entente.RoleEditor), s.exportReview},
		{"GET", "/export/review.xlsx", roleAccess(entente.RoleEditor), s.exportReview},
		{"GET", "/export/compare.csv", viewer, s.exportCompare},
		{"GET", "/export/compare.json", viewer, s.exportCompare},
		{"GET", "/export/compare.xlsx", viewer, s.exportCompare},
		{"GET", "/export/timeline.csv", viewer, s.exportTimeline},
		{"GET", "/export/timeline.json", viewer, s.exportTimeline},
		{"GET", "/export/timeline.xlsx", viewer, s.exportTimeline},
		{"GET", "/export/pairs/{a}/{b}/documents.csv", viewer, s.exportPairDocuments},
		{"GET", "/export/pairs/{a}/{b}/documents.json", viewer, s.exportPairDocuments},
		{"GET", "/export/pairs/{a}/{b}/documents.xlsx", viewer, s.exportPairDocuments},
		{"GET", "/export/documents/{id}/citations.csv", viewer, s.exportCitations},
		{"GET", "/export/documents/{id}/citations.json", viewer, s.exportCitations},
		{"GET", "/export/documents/{id}/citations.xlsx", viewer, s.exportCitations},
		{"GET", "/export/documents/{id}/sentences.csv", viewer, s.exportReader},
		{"GET", "/export/documents/{id}/sentences.json", viewer, s.exportReader},
		{"GET", "/export/documents/{id}/sentences.xlsx", viewer, s.exportReader},
		{"POST", "/upload", roleAccess(entente.RoleAnalyst), s.uploadSubmit},
		{"GET", "/login", accessPublic, s.loginPage},
		{"POST", "/login", accessPublic, s.loginSubmit},
		{"POST", "/logout", accessSignedIn, s.logoutSubmit},
		{"GET", "/commitments", viewer, s.commitmentsPage},
		{"GET", "/documents/{id}/sentences/{sentence}", viewer, s.trackPage},
		{"POST", "/documents/{id}/sentences/{sentence}/status", roleAccess(entente.RoleAnalyst), s.statusSubmit},
		{"POST", "/documents/{id}/sentences/{sentence}/correct", roleAccess(entente.RoleAnalyst), s.correctSubmit},
		{"POST", "/documents/{id}/sentences/{sentence}/undo", roleAccess(entente.RoleAnalyst), s.undoSubmit},
		{"POST", "/documents/{id}/sentences/{sentence}/split", roleAccess(entente.RoleAnalyst), s.splitSubmit},
		{"POST", "/documents/{id}/sentences/{sentence}/join", roleAccess(entente.RoleAnalyst), s.joinSubmit},
		{"GET", "/review", roleAccess(entente.RoleEditor), s.reviewPage},
		{"POST", "/review", roleAccess(entente.RoleEditor), s.reviewPage},
		{"GET", "/events", roleAccess(entente.RoleAdmin), s.eventsPage},
		{"POST", "/documents/{id}/versions", roleAccess(entente.RoleEditor), s.versionSubmit},
		{"POST", "/documents/{id}/correct", roleAccess(entente.RoleAnalyst), s.metadataSubmit},
		{"GET", "/documents/{id}/parallel/{other}", viewer, s.parallelPage},
		{"GET", "/registry", viewer, s.registryPage},
		{"GET", "/registry/{id}", viewer, s.registryEntryPage},
		{"POST", "/registry/{id}/{action}", roleAccess(entente.RoleEditor), s.registryDecisionSubmit},
		{"GET", "/documents/{id}/citations", viewer, s.citationsPage},
		{"GET", "/graph", viewer, s.graphPage},
		{"GET", "/timeline", viewer, s.timelinePage},
		{"GET", "/compare", viewer, s.comparePage},
		{"GET", "/pairs/{a}/{b}", viewer, s.pairPage},
		{"POST", "/followups/{action}", roleAccess(entente.RoleEditor), s.followupSubmit},
	}
}

// frame is what the layout shows around every page: the language and its
// words, the account, the page's title and a message.
type frame struct {
	Lang, Title, Query string
	T                  *texts
	User               *entente.User
	CanRead            bool
	Error              string
	// Refresh, if not 0, reloads the page after so many seconds: a page
	// that waits for work in the background
	Refresh int
}

// CanUpload reports whether the account may upload statements.
func (f *frame) CanUpload() bool { return f.User != nil && f.User.Role.AtLeast(entente.RoleAnalyst) }

func (f *frame) base() *frame { return f }

// pageView is a page's typed view: its own fields beside the frame.
type pageView interface{ base() *frame }

func (s *Server) registerPages() error {
	assets, err := newAssets()
	if err != nil {
		return err
	}
	funcs := template.FuncMap{
		"join":    strings.Join,
		"deref":   deref,
		"marked":  marked,
		"asset":   assets.url,
		"sideOf":  sideOf,
		"percent": func(f float64) string { return strconv.FormatFloat(100*f, 'f', 1, 64) + "%" },
	}
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/filters.html")
	if err != nil {
		return err
	}
	s.templates = map[string]*template.Template{}
	for _, name := range []string{"library", "reader", "search", "login", "dashboard", "commitments", "track", "review", "events", "parallel",
		"registry", "registry_entry", "citations", "graph", "timeline", "compare", "pair"} {
		t, err := template.Must(layout.Clone()).ParseFS(templateFS, "templates/"+name+".html")
		if err != nil {
			return err
		}
		s.templates[name] = t
	}
	s.mux.Handle("GET /static/", assets)
	for _, p := range s.pages() {
		s.mux.HandleFunc(p.method+" "+p.pattern, s.pageHandler(p))
	}
	return nil
}

// pageHandler checks a page's access for the caller that findCaller found:
// an anonymous visitor is sent to sign in, a role too low gets 403.
func (s *Server) pageHandler(p page) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if errors.Is(credentialErr(r.Context()), errStore) {
			// the store did not say who this is: not a reason to send a
			// signed-in reader to the sign-in form
			w.Header().Set("Retry-After", "5")
			http.Error(w, errStore.Error(), http.StatusServiceUnavailable)
			return
		}
		u := entente.UserFromContext(r.Context())
		f := &frame{T: textsFor(w, r), User: u, CanRead: s.allowed(roleAccess(entente.RoleViewer), u)}
		f.Lang = f.T.Code
		if !s.allowed(p.need, u) {
			if u == nil {
				http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			w.WriteHeader(http.StatusForbidden)
			f.Title, f.Error = f.T.Forbidden, f.T.Forbidden
			s.render(w, "login", &loginView{frame: f})
			return
		}
		// the security headers are set for every response (headers.go)
		p.handle(w, r, f)
	}
}

func (s *Server) render(w http.ResponseWriter, name string, v pageView) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := s.templates[name].ExecuteTemplate(w, "layout", v); err != nil {
		s.log.Error("render page", "page", name, "err", err)
	}
}
