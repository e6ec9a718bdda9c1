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

// credentialErrKey holds a credential that was sent but is not valid, or
// errStore when the store could not say.
type credentialErrKey struct{}

// findCaller puts the caller's account (if any), how it proved who it is,
// and a bad credential (if any) in the request's context. The caller's
// address is there already (withClientAddr).
func (s *Server) findCaller(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/static/") {
			next.ServeHTTP(w, r) // the same files for everyone: no store lookup
			return
		}
		ctx := r.Context()
		u, who, err := s.identify(r)
		switch {
		case err != nil:
			ctx = context.WithValue(ctx, credentialErrKey{}, err)
		case u != nil:
			ctx = entente.NewContextWithUser(ctx, u)
			ctx = context.WithValue(ctx, callerKey{}, who)
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

var errBadToken = errors.New("the API token is not valid (revoked, or its account disabled)")

// errStore is a store that did not answer while finding the caller: the
// caller may well be signed in, so it is 503, never 401.
var errStore = errors.New("the store is not answering: try again shortly")

// caller is how a request proved who it is.
type caller struct {
	token   bool   // by an API token (else by a session cookie)
	mint    bool   // the token may make tokens
	session string // the session's token hash
}

type callerKey struct{}

func callerFrom(ctx context.Context) caller {
	c, _ := ctx.Value(callerKey{}).(caller)
	return c
}

// identify returns the account behind a bearer token or a session cookie;
// nil when there is neither. A bad token is an error (a script should
// know); a stale cookie is simply no session. A store that fails is
// errStore. Checking a token writes nothing: its use is noted in memory
// and recorded in batches (tokenUses).
func (s *Server) identify(r *http.Request) (*entente.User, caller, error) {
	now := s.cfg.Now()
	if h := r.Header.Get("Authorization"); h != "" {
		tok, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			return nil, caller{}, errors.New("authorization must be Bearer TOKEN")
		}
		tok = strings.TrimSpace(tok)
		hash := auth.HashToken(tok)
		u, err := s.cfg.Store.TokenUser(r.Context(), hash, now)
		if errors.Is(err, entente.ErrNotFound) {
			return nil, caller{}, errBadToken
		}
		if err != nil {
			s.log.Error("check token", "err", err)
			return nil, caller{}, errStore
		}
		s.tokenUses.note(r.Context(), hash, now)
		return u, caller{token: true, mint: strings.HasPrefix(tok, mintPrefix)}, nil
	}
	c, err := r.Cookie(SessionCookie)
	if err != nil || c.Value == "" {
		return nil, caller{}, nil
	}
	hash := auth.HashToken(c.Value)
	u, err := s.cfg.Store.SessionUser(r.Context(), hash, now)
	if errors.Is(err, entente.ErrNotFound) {
		return nil, caller{}, nil
	}
	if err != nil {
		s.log.Error("check session", "err", err)
		return nil, caller{}, errStore
	}
	return u, caller{session: hash}, nil
}
