package web

import (
	"context"
	"net/http"
	"slices"
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

// CreateTokenInput names a new token and what more it may do.
type CreateTokenInput struct {
	Body struct {
		Name   string   `json:"name" minLength:"1" maxLength:"100" doc:"What the token is for"`
		Scopes []string `json:"scopes,omitempty" maxItems:"1" uniqueItems:"true" enum:"tokens" doc:"tokens: the token may make more tokens (without it, a token can do what its account's role allows but make tokens)"`
	}
}

// NewToken is a token as made: the only time it is shown.
type NewToken struct {
	Token    string           `json:"token" doc:"Send as Authorization: Bearer TOKEN. Shown once; only its hash is kept."`
	Scopes   []string         `json:"scopes" doc:"What the token may do beyond its account's role"`
	APIToken entente.APIToken `json:"api_token"`
}

type newTokenOutput struct{ Body NewToken }

// Tokens are told apart by their prefix: a token that may make tokens
// starts with mintPrefix. The prefix is part of what is hashed and stored,
// so it cannot be changed on a token without making it invalid.
const (
	tokenPrefix = "ent_"
	mintPrefix  = "entm_"
)

func (s *Server) createToken(ctx context.Context, in *CreateTokenInput) (*newTokenOutput, error) {
	u := entente.UserFromContext(ctx)
	mint := slices.Contains(in.Body.Scopes, scopeTokens)
	if who := callerFrom(ctx); who.token && !who.mint {
		return nil, huma.Error403Forbidden("this API token may not make tokens: sign in, or use a token made with the scope \"tokens\"")
	}
	prefix, scopes := tokenPrefix, []string{}
	if mint {
		prefix, scopes = mintPrefix, []string{scopeTokens}
	}
	token, hash, err := auth.NewToken(prefix)
	if err != nil {
		return nil, s.internal(err)
	}
	t := &entente.APIToken{UserID: u.ID, Name: in.Body.Name, Hash: hash}
	if _, err := s.cfg.Store.CreateToken(ctx, t); err != nil {
		return nil, s.internal(err)
	}
	return &newTokenOutput{Body: NewToken{Token: token, Scopes: scopes, APIToken: *t}}, nil
}

// scopeTokens lets a token make tokens.
const scopeTokens = "tokens"

func (s *Server) revokeToken(ctx context.Context, in *IDInput) (*struct{}, error) {
	if err := s.cfg.Store.RevokeToken(ctx, entente.UserFromContext(ctx).ID, in.ID); err != nil {
		return nil, s.lookupErr("token", in.ID, err)
	}
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
