package sqlstore_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

func TestAccounts(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		if n, err := s.CountUsers(ctx); err != nil || n != 0 {
			t.Fatalf("a new store has %d users (%v)", n, err)
		}
		u := &entente.User{Name: "ana", Role: entente.RoleAnalyst, PasswordHash: "$argon2id$x"}
		id, err := s.CreateUser(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateUser(ctx, &entente.User{Name: "ana", Role: entente.RoleViewer, PasswordHash: "h"}); !errors.Is(err, sqlstore.ErrNameTaken) {
			t.Errorf("a second ana: %v", err)
		}
		if _, err := s.CreateUser(ctx, &entente.User{Name: "bob", Role: "root", PasswordHash: "h"}); err == nil {
			t.Error("an unknown role was accepted")
		}
		got, err := s.UserByName(ctx, "ana")
		if err != nil || got.ID != id || got.Role != entente.RoleAnalyst || got.PasswordHash != "$argon2id$x" {
			t.Fatalf("UserByName = %+v, %v", got, err)
		}
		if _, err := s.UserByName(ctx, "nobody"); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("missing user: %v", err)
		}

		now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
		if err := s.CreateSession(ctx, "h1", id, now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if su, err := s.SessionUser(ctx, "h1", now); err != nil || su.ID != id {
			t.Errorf("SessionUser = %+v, %v", su, err)
		}
		if _, err := s.SessionUser(ctx, "h1", now.Add(2*time.Hour)); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("an expired session opened: %v", err)
		}
		tok := &entente.APIToken{UserID: id, Name: "script", Hash: "t1"}
		if _, err := s.CreateToken(ctx, tok); err != nil {
			t.Fatal(err)
		}
		if tu, err := s.TokenUser(ctx, "t1", now); err != nil || tu.ID != id {
			t.Errorf("TokenUser = %+v, %v", tu, err)
		}
		if err := s.TouchTokens(ctx, map[string]time.Time{"t1": now, "unknown": now}); err != nil {
			t.Errorf("TouchTokens: %v", err)
		}
		// an older use noted late does not move the time back
		if err := s.TouchTokens(ctx, map[string]time.Time{"t1": now.Add(-time.Hour)}); err != nil {
			t.Errorf("TouchTokens: %v", err)
		}
		// a disabled account opens nothing: neither session nor token
		if err := s.SetDisabled(ctx, id, true); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SessionUser(ctx, "h1", now); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("a disabled account's session opened: %v", err)
		}
		if _, err := s.TokenUser(ctx, "t1", now); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("a disabled account's token opened: %v", err)
		}
		if err := s.SetDisabled(ctx, id, false); err != nil {
			t.Fatal(err)
		}
		if err := s.RevokeToken(ctx, id, tok.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.TokenUser(ctx, "t1", now); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("a revoked token opened: %v", err)
		}
		toks, err := s.Tokens(ctx, id)
		if err != nil || len(toks) != 1 || !toks[0].Revoked || toks[0].LastUsed == nil || !toks[0].LastUsed.Equal(now) {
			t.Errorf("Tokens = %+v, %v", toks, err)
		}

		e := &entente.Event{UserID: id, Actor: "ana", Action: "delete", Entity: "document", EntityID: 7, Before: `{"title":"x"}`}
		if _, err := s.AppendEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
		evs, err := s.Events(ctx, 0, 100)
		if err != nil || len(evs) == 0 {
			t.Fatalf("Events = %+v, %v", evs, err)
		}
		last := evs[len(evs)-1]
		if last.EntityID != 7 || last.Actor != "ana" || !strings.Contains(last.Before, `"x"`) {
			t.Errorf("last event = %+v", last)
		}
		// the account's own changes wrote theirs: created, token made and revoked
		for _, want := range []string{"create user", "create api_token", "revoke api_token"} {
			found := false
			for _, e := range evs {
				found = found || e.Action+" "+e.Entity == want
			}
			if !found {
				t.Errorf("no %q event in %+v", want, evs)
			}
		}
	})
}

func TestCommitmentStats(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		if _, err := s.CreateDocument(ctx, corpusDoc(t, statement)); err != nil {
			t.Fatal(err)
		}
		st, err := s.CommitmentStats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Total == 0 || len(st.ByArea) == 0 || len(st.ByParty) != 2 || len(st.ByYear) != 1 || st.ByYear[0].Key != "2024" {
			t.Errorf("stats %+v", st)
		}
		sum := 0
		for _, c := range st.ByYear {
			sum += c.Count
		}
		if sum != st.Total {
			t.Errorf("by year %d, total %d", sum, st.Total)
		}
	})
}
