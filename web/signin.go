package web

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
)

type loginOutput struct {
	SetCookie http.Cookie `header:"Set-Cookie"`
	Body      SessionInfo
}

func (s *Server) login(ctx context.Context, in *LoginInput) (*loginOutput, error) {
	res := s.signIn(ctx, in.Body.Name, in.Body.Password, clientAddrFrom(ctx))
	if res.token == "" {
		err := huma.NewError(res.status, res.msg)
		if res.retryAfter > 0 {
			return nil, huma.ErrorWithHeaders(err, http.Header{"Retry-After": {retryAfter(res.retryAfter)}})
		}
		return nil, err
	}
	return &loginOutput{SetCookie: s.cookie(res.token, res.expires), Body: SessionInfo{User: *res.user}}, nil
}

// signInResult is a started session, or why there is none: status and
// msg, and when to try again for 429 and 503.
type signInResult struct {
	token      string
	expires    time.Time
	user       *entente.User
	status     int
	msg        string
	retryAfter time.Duration
}

// signIn checks a name and password and starts a session. The attempt is
// reserved with the guard before anything else (so parallel guesses count
// at once) and the password verified within the pool's bound (so a flood
// of sign-ins cannot take the memory).
func (s *Server) signIn(ctx context.Context, name, password, addr string) signInResult {
	u, fail := s.checkPassword(ctx, name, password, addr)
	if fail != nil {
		return *fail
	}
	token, hashed, err := auth.NewToken("")
	if err != nil {
		s.log.Error("new session token", "err", err)
		return signInResult{status: http.StatusInternalServerError, msg: "internal error"}
	}
	expires := s.cfg.Now().Add(s.cfg.SessionTTL)
	if err := s.cfg.Store.CreateSession(ctx, hashed, u.ID, expires); err != nil {
		s.log.Error("create session", "err", err)
		return signInResult{status: http.StatusServiceUnavailable, retryAfter: 5 * time.Second, msg: "the store is not answering: try again shortly"}
	}
	return signInResult{token: token, expires: expires, user: u, status: http.StatusOK}
}

// checkPassword checks an account's password: the attempt is reserved with
// the guard before anything else (so parallel guesses count at once) and
// the password verified within the pool's bound (so a flood of sign-ins
// cannot take the memory). It returns the account, or why not.
func (s *Server) checkPassword(ctx context.Context, name, password, addr string) (*entente.User, *signInResult) {
	attempt, wait := s.guard.Begin(name, addr, s.cfg.Now())
	if attempt == nil {
		return nil, &signInResult{status: http.StatusTooManyRequests, retryAfter: wait,
			msg: fmt.Sprintf("too many failed sign-ins: try again in %s s", retryAfter(wait))}
	}
	u, err := s.cfg.Store.UserByName(ctx, name)
	if err != nil && !errors.Is(err, entente.ErrNotFound) {
		attempt.Cancel()
		s.log.Error("sign in: find account", "err", err)
		return nil, &signInResult{status: http.StatusServiceUnavailable, retryAfter: 5 * time.Second, msg: "the store is not answering: try again shortly"}
	}
	hash := s.dummyHash // verify anyway, so that timing does not tell which names exist
	if err == nil {
		hash = u.PasswordHash
	}
	verr := s.passwords.Verify(ctx, password, hash)
	if errors.Is(verr, auth.ErrBusy) || ctx.Err() != nil {
		// not an attempt at the password: it was never checked
		attempt.Cancel()
		return nil, &signInResult{status: http.StatusServiceUnavailable, retryAfter: time.Second,
			msg: "too many sign-ins at once: try again in a moment"}
	}
	if err != nil || verr != nil || u.Disabled {
		attempt.Fail(s.cfg.Now())
		return nil, &signInResult{status: http.StatusUnauthorized, msg: "wrong name or password, or the account is disabled"}
	}
	attempt.Succeed(s.cfg.Now())
	return u, nil
}

// retryAfter is a Retry-After value: whole seconds, at least one.
func retryAfter(d time.Duration) string {
	return strconv.Itoa(max(1, int(math.Ceil(d.Seconds()))))
}
