package sqlstore_test

import (
	"context"
	"errors"
	"slices"
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

// TestCommitmentStats holds the dashboard's counts to the commitments of
// the statements stored, counted here from their extractions: by
// strength (in the order of the strengths), by party and by area (most
// first, then by name) and by year. Since migration 0045 one pass counts
// the strengths, parties and areas together.
func TestCommitmentStats(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		zh := corpusDoc(t, statement)
		docs := []*entente.NewDocument{zh, english, cyrillic, latin}
		for _, d := range docs {
			mustCreate(t, s, d)
		}
		st, err := s.CommitmentStats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		strengths, parties, areas := map[string]int{}, map[string]int{}, map[string]int{}
		total := 0
		for _, d := range docs {
			for _, x := range d.Extraction.Sentences {
				if x.Type != entente.Commitment {
					continue
				}
				total++
				strengths[string(x.Strength)]++
				for _, p := range x.Actors {
					parties[p]++
				}
				for _, a := range x.Areas {
					areas[a]++
				}
			}
		}
		list := func(m map[string]int, byCount bool) []entente.Count {
			var out []entente.Count
			for k, n := range m {
				out = append(out, entente.Count{Key: k, Count: n})
			}
			slices.SortFunc(out, func(a, b entente.Count) int {
				if byCount && a.Count != b.Count {
					return b.Count - a.Count
				}
				return strings.Compare(a.Key, b.Key)
			})
			return out
		}
		if st.Total != total || total == 0 {
			t.Errorf("total %d, want %d", st.Total, total)
		}
		if want := list(strengths, false); !slices.Equal(st.ByStrength, want) || len(want) < 2 {
			t.Errorf("by strength %v, want %v", st.ByStrength, want)
		}
		if want := list(parties, true); !slices.Equal(st.ByParty, want) || len(want) < 2 {
			t.Errorf("by party %v, want %v", st.ByParty, want)
		}
		if want := list(areas, true); !slices.Equal(st.ByArea, want) || len(want) < 2 {
			t.Errorf("by area %v, want %v", st.ByArea, want)
		}
		sum := 0
		for _, c := range st.ByYear {
			sum += c.Count
		}
		if !slices.ContainsFunc(st.ByYear, func(c entente.Count) bool { return c.Key == "2024" }) || sum > st.Total ||
			!slices.IsSortedFunc(st.ByYear, func(a, b entente.Count) int { return strings.Compare(a.Key, b.Key) }) {
			t.Errorf("by year %v, total %d", st.ByYear, st.Total)
		}
	})
}
