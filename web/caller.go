package web

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
)

// One middleware over the whole mux finds who is calling, for the API and
// the pages alike: the account behind a bearer token or the session cookie
// goes into the request's context (entente.NewContextWithUser), where the
// access checks, the handlers and the event log read it.

// credentialErrKey holds a credential that was sent but is not valid.
type credentialErrKey struct{}

// remoteKey holds the caller's address, which sign-in throttling counts.
type remoteKey struct{}

// findCaller puts the caller's account (if any), a bad credential (if any)
// and the caller's address in the request's context.
func (s *Server) findCaller(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), remoteKey{}, clientAddr(r.RemoteAddr))
		u, err := s.identify(r)
		switch {
		case err != nil:
			ctx = context.WithValue(ctx, credentialErrKey{}, err)
		case u != nil:
			ctx = entente.NewContextWithUser(ctx, u)
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// credentialErr returns why the credential sent with the request is not
// valid, or nil.
func credentialErr(ctx context.Context) error {
	err, _ := ctx.Value(credentialErrKey{}).(error)
	return err
}

// clientAddrFrom returns the caller's address that the throttle counts.
func clientAddrFrom(ctx context.Context) string {
	a, _ := ctx.Value(remoteKey{}).(string)
	return a
}

var errBadToken = errors.New("the API token is not valid (revoked, or its account disabled)")

// identify returns the account behind a bearer token or a session cookie;
// nil when there is neither. A bad token is an error (a script should
// know); a stale cookie is simply no session.
func (s *Server) identify(r *http.Request) (*entente.User, error) {
	if h := r.Header.Get("Authorization"); h != "" {
		tok, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			return nil, errors.New("authorization must be Bearer TOKEN")
		}
		u, err := s.cfg.Store.TokenUser(r.Context(), auth.HashToken(strings.TrimSpace(tok)), s.cfg.Now())
		if err != nil {
			return nil, errBadToken
		}
		return u, nil
	}
	c, err := r.Cookie(SessionCookie)
	if err != nil || c.Value == "" {
		return nil, nil
	}
	u, err := s.cfg.Store.SessionUser(r.Context(), auth.HashToken(c.Value), s.cfg.Now())
	if err != nil {
		return nil, nil
	}
	return u, nil
}
