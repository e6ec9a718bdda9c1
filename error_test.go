package entente_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/entente/entente"
)

func TestErrorCodes(t *testing.T) {
	for _, tc := range []struct {
		name     string
		err      error
		code     string
		message  string
		notFound bool
	}{
		{"nil", nil, "", "internal error", false},
		{"wrapped sentinel", fmt.Errorf("document 3: %w", entente.ErrNotFound), entente.ENOTFOUND, "not found", true},
		{"own message", entente.Errorf(entente.ENOTFOUND, "no document %d", 3), entente.ENOTFOUND, "no document 3", true},
		{"conflict", fmt.Errorf("set status: %w", entente.Errorf(entente.ECONFLICT, "changed by ana")), entente.ECONFLICT, "changed by ana", false},
		{"plain error is internal", errors.New("disk I/O at /secret/path"), entente.EINTERNAL, "internal error", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := entente.ErrorCode(tc.err); got != tc.code {
				t.Errorf("code %q, want %q", got, tc.code)
			}
			if got := entente.ErrorMessage(tc.err); got != tc.message {
				t.Errorf("message %q, want %q", got, tc.message)
			}
			if got := errors.Is(tc.err, entente.ErrNotFound); got != tc.notFound {
				t.Errorf("errors.Is(ErrNotFound) = %v, want %v", got, tc.notFound)
			}
		})
	}
	if errors.Is(entente.Errorf(entente.ENOTFOUND, "a"), entente.Errorf(entente.ENOTFOUND, "b")) {
		t.Error("two non-sentinel errors with the same code must not match")
	}
}

func TestActorFromContext(t *testing.T) {
	ctx := context.Background()
	if got := entente.ActorFromContext(ctx); got != entente.Anonymous {
		t.Errorf("empty context: %+v, want anonymous", got)
	}
	u := &entente.User{ID: 7, Name: "ana", Role: entente.RoleAnalyst}
	ctx = entente.NewContextWithUser(ctx, u)
	if got := entente.ActorFromContext(ctx); got.UserID != 7 || got.Name != "ana" {
		t.Errorf("with user: %+v", got)
	}
	ctx = entente.NewContextWithActor(ctx, entente.Actor{Name: "bob", Via: "cli"})
	if got := entente.ActorFromContext(ctx); got.Name != "bob" || got.Via != "cli" {
		t.Errorf("with actor: %+v", got)
	}
	if entente.UserFromContext(ctx) != u {
		t.Error("the user is lost under an actor")
	}
}
