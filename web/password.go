package web

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
)

// ChangePasswordInput is the current password and the new one.
type ChangePasswordInput struct {
	Body struct {
		Current string `json:"current" minLength:"1" maxLength:"1024" doc:"The password now"`
		New     string `json:"new" minLength:"1" maxLength:"1024" doc:"The new password, at least 10 characters"`
	}
}

// changePassword sets the caller's password after checking the current
// one as a sign-in does (throttled, within the pool), then ends what the
// old password opened: every API token and every other session. The
// session that made the change stays signed in.
func (s *Server) changePassword(ctx context.Context, in *ChangePasswordInput) (*struct{}, error) {
	u := entente.UserFromContext(ctx)
	if _, fail := s.checkPassword(ctx, u.Name, in.Body.Current, clientAddrFrom(ctx)); fail != nil {
		status, msg := fail.status, fail.msg
		if status == http.StatusUnauthorized {
			// signed in, but not with this password: not a matter of who
			status, msg = http.StatusForbidden, "the current password is wrong"
		}
		err := huma.NewError(status, msg)
		if fail.retryAfter > 0 {
			return nil, huma.ErrorWithHeaders(err, http.Header{"Retry-After": {retryAfter(fail.retryAfter)}})
		}
		return nil, err
	}
	if err := auth.CheckPasswordPolicy(in.Body.New); err != nil {
		return nil, huma.Error422UnprocessableEntity(err.Error())
	}
	// hashing costs what verifying does: the same pool bounds it
	release, err := s.passwords.Acquire(ctx)
	if err != nil {
		return nil, huma.ErrorWithHeaders(huma.Error503ServiceUnavailable("too many password checks at once: try again in a moment"),
			http.Header{"Retry-After": {"1"}})
	}
	hash, err := auth.Hash(in.Body.New, s.cfg.PasswordParams)
	release()
	if err != nil {
		return nil, s.internal(err)
	}
	if err := s.cfg.Store.ChangePassword(ctx, u.ID, hash, callerFrom(ctx).session); err != nil {
		return nil, s.internal(err)
	}
	return &struct{}{}, nil
}
