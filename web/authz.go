package web

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
)

// access is who may use a route: anyone, any signed-in account, or a role
// and those above it.
type access string

const (
	accessPublic   access = "public"    // anyone, signed in or not (login)
	accessSignedIn access = "signed-in" // any enabled account (logout, own tokens)
)

func roleAccess(r entente.Role) access { return access(r) }

// metaAccess is the operation metadata key holding a route's access.
const metaAccess = "access"

type userKey struct{}

// userFrom returns the account making the request, or nil.
func userFrom(ctx context.Context) *entente.User {
	u, _ := ctx.Value(userKey{}).(*entente.User)
	return u
}

// allowed decides a request: the route's access against the caller.
func (s *Server) allowed(need access, u *entente.User) bool {
	switch need {
	case accessPublic:
		return true
	case accessSignedIn:
		return u != nil
	}
	role := entente.Role(need)
	if u == nil {
		return s.cfg.PublicRead && role == entente.RoleViewer
	}
	return u.Role.AtLeast(role)
}

// authorize runs before every API operation: it finds the caller from the
// bearer token or the session cookie and checks the route's access. A route
// registered without an access rule is refused: the check fails closed.
func (s *Server) authorize(ctx huma.Context, next func(huma.Context)) {
	need, _ := ctx.Operation().Metadata[metaAccess].(access)
	if need == "" {
		s.log.Error("route without an access rule", "operation", ctx.Operation().OperationID)
		_ = huma.WriteErr(s.api, ctx, http.StatusInternalServerError, "internal error")
		return
	}
	u, err := s.identify(ctx)
	if err != nil {
		_ = huma.WriteErr(s.api, ctx, http.StatusUnauthorized, err.Error())
		return
	}
	if !s.allowed(need, u) {
		if u == nil {
			_ = huma.WriteErr(s.api, ctx, http.StatusUnauthorized, "sign in first")
		} else {
			_ = huma.WriteErr(s.api, ctx, http.StatusForbidden, "your role ("+string(u.Role)+") may not do this")
		}
		return
	}
	ctx = huma.WithValue(ctx, userKey{}, u)
	if u != nil {
		// the store records every change under the context's actor
		ctx = huma.WithContext(ctx, entente.NewContextWithActor(ctx.Context(), entente.Actor{UserID: u.ID, Name: u.Name, Via: "api"}))
	}
	next(huma.WithValue(ctx, remoteKey{}, clientAddr(ctx.RemoteAddr())))
}

var errBadToken = errors.New("the API token is not valid (revoked, or its account disabled)")

// identify returns the account behind a bearer token or a session cookie;
// nil when there is neither. A bad token is an error (a script should
// know); a stale cookie is simply no session.
func (s *Server) identify(ctx huma.Context) (*entente.User, error) {
	if h := ctx.Header("Authorization"); h != "" {
		tok, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			return nil, errors.New("Authorization must be Bearer TOKEN")
		}
		u, err := s.cfg.Store.TokenUser(ctx.Context(), auth.HashToken(strings.TrimSpace(tok)), s.cfg.Now())
		if err != nil {
			return nil, errBadToken
		}
		return u, nil
	}
	c, err := huma.ReadCookie(ctx, SessionCookie)
	if err != nil || c.Value == "" {
		return nil, nil
	}
	u, err := s.cfg.Store.SessionUser(ctx.Context(), auth.HashToken(c.Value), s.cfg.Now())
	if err != nil {
		return nil, nil
	}
	return u, nil
}
