package web

import (
	"net/http"
	"strings"
)

// The Content-Security-Policy of the UI's pages: everything from this
// site only (the charts' script is served from /static), inline styles for
// the charts' sizes, never framed.
const pageCSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"

// apiCSP is for everything else (JSON, problem documents, originals): it
// runs nothing, even if a browser is led to render an original HTML page.
const apiCSP = "default-src 'none'; frame-ancestors 'none'; sandbox"

// securityHeaders sets the security headers on every response, whatever
// answers it (the API, the pages, errors, the set-up hint, the
// cross-origin refusal, /static, originals), and refuses directory
// listings under /static/.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		csp := pageCSP
		if strings.HasPrefix(r.URL.Path, "/api/") {
			csp = apiCSP
		}
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if strings.HasPrefix(r.URL.Path, "/static/") && strings.HasSuffix(r.URL.Path, "/") {
			// a folder: the file server would list it
			http.NotFound(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}
