package compare_test

import (
	"context"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
)

// TestPairViewOnceAcrossProcesses: two processes on one PostgreSQL (two
// stores, two sessions) asked for the same stale view compute it once:
// the one that finds another computing it waits for that, then reads it
// kept. The test holds the pair's lock as the other process would, keeps
// the view while holding it, and lets go: the waiting service computes
// nothing.
func TestPairViewOnceAcrossProcesses(t *testing.T) {
	dsn := pgtest.DSN(t)
	ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "op", Via: "cli"})
	open := func() interface {
		LockPairView(context.Context, string, string) (func(), error)
	} {
		s, err := postgres.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	first, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { first.Close() })
	ingestLibrary(t, ctx, first)
	computing := newService(t, first)
	if _, err := computing.Pair(ctx, "CN", "RS"); err != nil {
		t.Fatal(err)
	}
	built, body, err := first.PairView(ctx, "CN", "RS")
	if err != nil || built == "" {
		t.Fatalf("the view kept: %q, %v", built, err)
	}
	if err := first.SavePairView(ctx, "CN", "RS", "stale", []byte("{}")); err != nil {
		t.Fatal(err)
	}

	other := open() // the process computing it: holds the pair's lock
	unlock, err := other.LockPairView(ctx, "RS", "CN")
	if err != nil {
		t.Fatal(err)
	}
	second, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { second.Close() })
	waiting := newService(t, second)
	done := make(chan error, 1)
	go func() {
		_, err := waiting.Pair(ctx, "CN", "RS")
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("read while another process computes the view: %v, without waiting for it", err)
	case <-time.After(300 * time.Millisecond):
	}
	if err := first.SavePairView(ctx, "CN", "RS", built, body); err != nil { // the other process's result
		t.Fatal(err)
	}
	unlock()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := waiting.ViewsComputed(); n != 0 {
		t.Errorf("%d views computed by the process that waited, want none: it reads the one kept", n)
	}
}
