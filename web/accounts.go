package web

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
)

// LoginInput is a sign-in.
type LoginInput struct {
	Body struct {
		Name     string `json:"name" minLength:"1" maxLength:"64"`
		Password string `json:"password" minLength:"1" maxLength:"1024"`
	}
}

// SessionInfo is the signed-in account.
type SessionInfo struct {
	User entente.User `json:"user"`
}

type loginOutput struct {
	SetCookie http.Cookie `header:"Set-Cookie"`
	Body      SessionInfo
}

func (s *Server) login(ctx context.Context, in *LoginInput) (*loginOutput, error) {
	token, expires, status, msg := s.signIn(ctx, in.Body.Name, in.Body.Password, clientAddrFrom(ctx))
	if token == "" {
		return nil, huma.NewError(status, msg)
	}
	u, err := s.cfg.Store.UserByName(ctx, in.Body.Name)
	if err != nil {
		return nil, s.internal(err)
	}
	return &loginOutput{SetCookie: s.cookie(token, expires), Body: SessionInfo{User: *u}}, nil
}

// signIn checks a name and password, throttled per account and per
// address, and starts a session. On failure token is "" and status and msg
// say why.
func (s *Server) signIn(ctx context.Context, name, password, addr string) (token string, expires time.Time, status int, msg string) {
	now := s.cfg.Now()
	userKey, addrKey := "user:"+name, "addr:"+addr
	if w := max(s.byUser.Wait(userKey, now), s.byAddr.Wait(addrKey, now)); w > 0 {
		return "", time.Time{}, http.StatusTooManyRequests,
			fmt.Sprintf("too many failed sign-ins: try again in %d s", int(w.Round(time.Second).Seconds()))
	}
	u, err := s.cfg.Store.UserByName(ctx, name)
	hash := s.dummyHash // verify anyway, so that timing does not tell which names exist
	if err == nil {
		hash = u.PasswordHash
	}
	if verr := auth.Verify(password, hash); err != nil || verr != nil || u.Disabled {
		s.byUser.Fail(userKey, now)
		s.byAddr.Fail(addrKey, now)
		return "", time.Time{}, http.StatusUnauthorized, "wrong name or password, or the account is disabled"
	}
	s.byUser.Succeed(userKey)
	token, hashed, err := auth.NewToken("")
	if err != nil {
		s.log.Error("new session token", "err", err)
		return "", time.Time{}, http.StatusInternalServerError, "internal error"
	}
	expires = now.Add(s.cfg.SessionTTL)
	if err := s.cfg.Store.CreateSession(ctx, hashed, u.ID, expires); err != nil {
		s.log.Error("create session", "err", err)
		return "", time.Time{}, http.StatusInternalServerError, "internal error"
	}
	return token, expires, http.StatusOK, ""
}

// cookie is the session cookie: HttpOnly, SameSite=Lax, Secure over TLS.
func (s *Server) cookie(value string, expires time.Time) http.Cookie {
	c := http.Cookie{Name: SessionCookie, Value: value, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: s.cfg.SecureCookies, Expires: expires}
	if value == "" {
		c.MaxAge = -1
		c.Expires = time.Unix(0, 0)
	}
	return c
}

type sessionOutput struct{ Body SessionInfo }

func (s *Server) getSession(ctx context.Context, _ *struct{}) (*sessionOutput, error) {
	return &sessionOutput{Body: SessionInfo{User: *entente.UserFromContext(ctx)}}, nil
}

// LogoutInput carries the session cookie to end.
type LogoutInput struct {
	Session string `cookie:"entente_session"`
}

type logoutOutput struct {
	SetCookie http.Cookie `header:"Set-Cookie"`
}

func (s *Server) logout(ctx context.Context, in *LogoutInput) (*logoutOutput, error) {
	if in.Session != "" {
		if err := s.cfg.Store.DeleteSession(ctx, auth.HashToken(in.Session)); err != nil {
			return nil, s.internal(err)
		}
	}
	return &logoutOutput{SetCookie: s.cookie("", time.Time{})}, nil
}

// TokenList is an account's tokens (never the tokens themselves).
type TokenList struct {
	Tokens []entente.APIToken `json:"tokens"`
}

type tokenListOutput struct{ Body TokenList }

func (s *Server) listTokens(ctx context.Context, _ *struct{}) (*tokenListOutput, error) {
	ts, err := s.cfg.Store.Tokens(ctx, entente.UserFromContext(ctx).ID)
	if err != nil {
		return nil, s.internal(err)
	}
	if ts == nil {
		ts = []entente.APIToken{}
	}
	return &tokenListOutput{Body: TokenList{Tokens: ts}}, nil
}

// CreateTokenInput names a new token.
type CreateTokenInput struct {
	Body struct {
		Name string `json:"name" minLength:"1" maxLength:"100" doc:"What the token is for"`
	}
}

// NewToken is a token as made: the only time it is shown.
type NewToken struct {
	Token    string           `json:"token" doc:"Send as Authorization: Bearer TOKEN. Shown once; only its hash is kept."`
	APIToken entente.APIToken `json:"api_token"`
}

type newTokenOutput struct{ Body NewToken }

func (s *Server) createToken(ctx context.Context, in *CreateTokenInput) (*newTokenOutput, error) {
	u := entente.UserFromContext(ctx)
	token, hash, err := auth.NewToken("ent_")
	if err != nil {
		return nil, s.internal(err)
	}
	t := &entente.APIToken{UserID: u.ID, Name: in.Body.Name, Hash: hash}
	if _, err := s.cfg.Store.CreateToken(ctx, t); err != nil {
		return nil, s.internal(err)
	}
	s.event(ctx, "create", "api_token", t.ID, "", fmt.Sprintf(`{"name":%q}`, t.Name))
	return &newTokenOutput{Body: NewToken{Token: token, APIToken: *t}}, nil
}

func (s *Server) revokeToken(ctx context.Context, in *IDInput) (*struct{}, error) {
	if err := s.cfg.Store.RevokeToken(ctx, entente.UserFromContext(ctx).ID, in.ID); err != nil {
		return nil, s.lookupErr("token", in.ID, err)
	}
	s.event(ctx, "revoke", "api_token", in.ID, "", "")
	return &struct{}{}, nil
}

// UserList is the accounts.
type UserList struct {
	Users []entente.User `json:"users"`
}

type userListOutput struct{ Body UserList }

func (s *Server) listUsers(ctx context.Context, _ *struct{}) (*userListOutput, error) {
	us, err := s.cfg.Store.Users(ctx)
	if err != nil {
		return nil, s.internal(err)
	}
	if us == nil {
		us = []entente.User{}
	}
	return &userListOutput{Body: UserList{Users: us}}, nil
}

// EventsInput pages the event log.
type EventsInput struct {
	After int64 `query:"after" minimum:"0" doc:"Events after this sequence number"`
	Limit int   `query:"limit" default:"100" minimum:"1" maximum:"1000"`
}

// EventList is a page of the event log.
type EventList struct {
	Events []entente.Event `json:"events"`
}

type eventListOutput struct{ Body EventList }

func (s *Server) listEvents(ctx context.Context, in *EventsInput) (*eventListOutput, error) {
	es, err := s.cfg.Store.Events(ctx, in.After, in.Limit)
	if err != nil {
		return nil, s.internal(err)
	}
	if es == nil {
		es = []entente.Event{}
	}
	return &eventListOutput{Body: EventList{Events: es}}, nil
}
