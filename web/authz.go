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
	u, who, err := s.identify(ctx)
	if errors.Is(err, errStore) {
		ctx.SetHeader("Retry-After", "5")
		_ = huma.WriteErr(s.api, ctx, http.StatusServiceUnavailable, err.Error())
		return
	}
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
	next(huma.WithValue(ctx, callerKey{}, who))
}

var errBadToken = errors.New("the API token is not valid (revoked, or its account disabled)")

// errStore is a store that did not answer while finding the caller: the
// caller may well be signed in, so it is 503, never 401.
var errStore = errors.New("the store is not answering: try again shortly")

// caller is how a request proved who it is.
type caller struct {
	token   bool   // by an API token (else by a session cookie, or not at all)
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
func (s *Server) identify(ctx huma.Context) (*entente.User, caller, error) {
	now := s.cfg.Now()
	if h := ctx.Header("Authorization"); h != "" {
		tok, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			return nil, caller{}, errors.New("Authorization must be Bearer TOKEN")
		}
		tok = strings.TrimSpace(tok)
		hash := auth.HashToken(tok)
		u, err := s.cfg.Store.TokenUser(ctx.Context(), hash, now)
		if errors.Is(err, entente.ErrNotFound) {
			return nil, caller{}, errBadToken
		}
		if err != nil {
			s.log.Error("check token", "err", err)
			return nil, caller{}, errStore
		}
		s.tokenUses.note(ctx.Context(), hash, now)
		return u, caller{token: true, mint: strings.HasPrefix(tok, mintPrefix)}, nil
	}
	c, err := huma.ReadCookie(ctx, SessionCookie)
	if err != nil || c.Value == "" {
		return nil, caller{}, nil
	}
	hash := auth.HashToken(c.Value)
	u, err := s.cfg.Store.SessionUser(ctx.Context(), hash, now)
	if errors.Is(err, entente.ErrNotFound) {
		return nil, caller{}, nil
	}
	if err != nil {
		s.log.Error("check session", "err", err)
		return nil, caller{}, errStore
	}
	return u, caller{session: hash}, nil
}
