package web

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/entente/entente"
)

// routes registers every API operation with the least access it needs. This
// table is the authorization policy; TestAuthorizationMatrix holds it.
func (s *Server) routes() {
	viewer, analyst, editor, admin := roleAccess(entente.RoleViewer), roleAccess(entente.RoleAnalyst),
		roleAccess(entente.RoleEditor), roleAccess(entente.RoleAdmin)

	register(s, "healthz", http.MethodGet, "/healthz", accessPublic, "The process is up", s.healthz)
	register(s, "readyz", http.MethodGet, "/readyz", accessPublic, "The store answers", s.readyz)
	register(s, "list-documents", http.MethodGet, "/api/v1/documents", viewer, "List documents", s.listDocuments)
	register(s, "upload-documents", http.MethodPost, "/api/v1/documents", analyst, "Upload statements (multipart, several files)", s.uploadDocuments,
		func(op *huma.Operation) {
			op.MaxBodyBytes = maxUpload
			op.Middlewares = huma.Middlewares{s.limitUpload}
		})
	register(s, "queue-uploads", http.MethodPost, "/api/v1/uploads", analyst,
		"Queue statements to be read (multipart, several files): answers at once with a job per file to poll", s.queueUploads,
		func(op *huma.Operation) {
			op.DefaultStatus = http.StatusAccepted
			op.MaxBodyBytes = maxUpload
			op.Middlewares = huma.Middlewares{s.limitUpload}
			op.Errors = append(op.Errors, http.StatusNotImplemented)
		})
	register(s, "list-uploads", http.MethodGet, "/api/v1/uploads", analyst, "Your uploads, newest first, with their state and outcome", s.listUploads)
	register(s, "get-upload", http.MethodGet, "/api/v1/uploads/{id}", analyst, "An upload: queued, running, or done with its outcome", s.getUpload)
	register(s, "get-document", http.MethodGet, "/api/v1/documents/{id}", viewer, "Get a document with its sections and a page of its sentences with their labels", s.getDocument,
		s.cachedRead)
	register(s, "list-sentences", http.MethodGet, "/api/v1/documents/{id}/sentences", viewer, "A page of a document's sentences with their labels", s.listSentences)
	register(s, "delete-document", http.MethodDelete, "/api/v1/documents/{id}", editor,
		"Delete a document (refused with 409 when it carries statuses, evidence or corrections: withdraw it)", s.deleteDocument,
		func(op *huma.Operation) {
			op.DefaultStatus = http.StatusNoContent
			op.Errors = append(op.Errors, http.StatusConflict)
		})
	register(s, "get-original", http.MethodGet, "/api/v1/sources/{id}/original", viewer, "Download a source's original bytes", s.getOriginal,
		func(op *huma.Operation) {
			// the bytes come back as they were ingested, with their own media type
			op.Responses = map[string]*huma.Response{"200": {
				Description: "The original bytes, with the media type they were ingested with",
				Content:     map[string]*huma.MediaType{"*/*": {Schema: &huma.Schema{Type: "string", Format: "binary"}}},
			}}
		})
	register(s, "search", http.MethodGet, "/api/v1/search", viewer, "Search sentences", s.search)

	register(s, "login", http.MethodPost, "/api/v1/session", accessPublic, "Sign in: starts a session (cookie)", s.login)
	register(s, "get-session", http.MethodGet, "/api/v1/session", accessSignedIn, "The signed-in account", s.getSession)
	register(s, "logout", http.MethodDelete, "/api/v1/session", accessSignedIn, "Sign out: ends the session on the server", s.logout,
		func(op *huma.Operation) { op.DefaultStatus = http.StatusNoContent })
	register(s, "list-tokens", http.MethodGet, "/api/v1/tokens", accessSignedIn, "Your personal API tokens", s.listTokens)
	register(s, "create-token", http.MethodPost, "/api/v1/tokens", accessSignedIn, "Make a personal API token (shown once)", s.createToken,
		func(op *huma.Operation) { op.DefaultStatus = http.StatusCreated })
	register(s, "revoke-token", http.MethodDelete, "/api/v1/tokens/{id}", accessSignedIn, "Revoke one of your tokens", s.revokeToken,
		func(op *huma.Operation) { op.DefaultStatus = http.StatusNoContent })

	register(s, "change-password", http.MethodPost, "/api/v1/password", accessSignedIn,
		"Change your password: revokes your API tokens and ends your other sessions", s.changePassword,
		func(op *huma.Operation) { op.DefaultStatus = http.StatusNoContent })

	register(s, "list-users", http.MethodGet, "/api/v1/users", admin, "List accounts", s.listUsers)
	register(s, "list-events", http.MethodGet, "/api/v1/events", admin, "The event log: every change, who made it and when", s.listEvents)
	s.trackingRoutes(viewer, analyst, editor, admin)
	s.compareRoutes(viewer, editor)
	s.registryRoutes(viewer, editor)
}

// register adds one operation with its access rule.
func register[I, O any](s *Server, id, method, path string, need access, summary string,
	h func(context.Context, *I) (*O, error), opts ...func(*huma.Operation)) {
	op := huma.Operation{
		OperationID: id, Method: method, Path: path, Summary: summary,
		Metadata: map[string]any{metaAccess: need},
		// Any operation can meet these: the access check, the body limits
		// and the validation run before its handler.
		Errors: []int{http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound,
			http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType, http.StatusUnprocessableEntity,
			http.StatusTooManyRequests, http.StatusInternalServerError,
			// a store that does not answer while the caller is identified
			http.StatusServiceUnavailable},
	}
	if need != accessPublic {
		op.Security = []map[string][]string{{"session": {}}, {"token": {}}}
	}
	for _, o := range opts {
		o(&op)
	}
	huma.Register(s.api, op, h)
}

// cachedRead answers a read from the response cache while nothing stored
// changed, with an ETag, and 304 to an If-None-Match that names it.
func (s *Server) cachedRead(op *huma.Operation) {
	op.Middlewares = append(op.Middlewares, s.cached)
	if op.Responses == nil {
		op.Responses = map[string]*huma.Response{}
	}
	op.Responses["304"] = &huma.Response{Description: "Not modified: the answer is as the ETag given in If-None-Match names it (nothing stored changed since)"}
}

// maxUpload bounds an upload request: several statements, each far under
// the ingest size limit.
const maxUpload = 64 << 20
