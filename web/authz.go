package web

import (
	"errors"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/entente/entente"
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

// authorize runs before every API operation: it checks the route's access
// against the caller that findCaller put in the context. A route
// registered without an access rule is refused: the check fails closed.
func (s *Server) authorize(ctx huma.Context, next func(huma.Context)) {
	need, _ := ctx.Operation().Metadata[metaAccess].(access)
	if need == "" {
		s.log.Error("route without an access rule", "operation", ctx.Operation().OperationID)
		_ = huma.WriteErr(s.api, ctx, http.StatusInternalServerError, "internal error")
		return
	}
	err := credentialErr(ctx.Context())
	if errors.Is(err, errStore) {
		ctx.SetHeader("Retry-After", "5")
		_ = huma.WriteErr(s.api, ctx, http.StatusServiceUnavailable, err.Error())
		return
	}
	if err != nil {
		_ = huma.WriteErr(s.api, ctx, http.StatusUnauthorized, err.Error())
		return
	}
	u := entente.UserFromContext(ctx.Context())
	if !s.allowed(need, u) {
		if u == nil {
			_ = huma.WriteErr(s.api, ctx, http.StatusUnauthorized, "sign in first")
		} else {
			_ = huma.WriteErr(s.api, ctx, http.StatusForbidden, "your role ("+string(u.Role)+") may not do this")
		}
		return
	}
	next(ctx)
}
