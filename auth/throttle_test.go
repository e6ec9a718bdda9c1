package auth

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func testGuard() *Guard {
	p := Policy{Free: 3, Base: time.Second, Max: 8 * time.Second, Forget: time.Hour}
	return NewGuardWith(p, Policy{Free: 10, Base: time.Second, Max: time.Minute, Forget: time.Hour},
		Policy{Free: 6, Base: time.Second, Max: time.Minute, Forget: time.Hour}, 1000)
}

// fail makes n failed attempts of account from addr at now; it reports how
// many were allowed to run.
func fail(g *Guard, account, addr string, n int, now time.Time) int {
	ran := 0
	for range n {
		a, _ := g.Begin(account, addr, now)
		if a == nil {
			continue
		}
		ran++
		a.Fail(now)
	}
	return ran
}

func TestGuard(t *testing.T) {
	cases := []struct {
		name string
		// before: failures to make first, as (account, addr, count)
		before    [][3]any
		success   [2]string // an earlier success of (account, addr)
		account   string
		addr      string
		at        time.Duration // after t0
		wantWait  bool
		wantAtMin time.Duration // when waiting, at least this long
	}{
		{name: "fresh", account: "alice", addr: "a", wantWait: false},
		{name: "free failures", before: [][3]any{{"alice", "a", 2}}, account: "alice", addr: "a"},
		{name: "past the free failures", before: [][3]any{{"alice", "a", 3}}, account: "alice", addr: "a", wantWait: true, wantAtMin: time.Second},
		{name: "delay passed", before: [][3]any{{"alice", "a", 3}}, account: "alice", addr: "a", at: time.Second},
		{name: "forgotten after an hour", before: [][3]any{{"alice", "a", 3}}, account: "alice", addr: "a", at: time.Hour},
		{name: "another address is not the pair", before: [][3]any{{"alice", "b", 3}}, account: "alice", addr: "a"},
		{name: "another account from the address", before: [][3]any{{"bob", "a", 3}}, account: "alice", addr: "a"},
		{name: "address spraying accounts", before: [][3]any{{"u1", "a", 3}, {"u2", "a", 3}, {"u3", "a", 3}, {"u4", "a", 1}},
			account: "alice", addr: "a", wantWait: true},
		{name: "account from many addresses", before: [][3]any{{"alice", "b", 3}, {"alice", "c", 3}},
			account: "alice", addr: "a", wantWait: true},
		{name: "owner at a known address", before: [][3]any{{"alice", "b", 3}, {"alice", "c", 3}, {"alice", "d", 3}},
			success: [2]string{"alice", "a"}, account: "alice", addr: "a"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := testGuard()
			if tc.success[0] != "" {
				a, _ := g.Begin(tc.success[0], tc.success[1], t0)
				a.Succeed(t0)
			}
			for _, b := range tc.before {
				fail(g, b[0].(string), b[1].(string), b[2].(int), t0)
			}
			a, wait := g.Begin(tc.account, tc.addr, t0.Add(tc.at))
			if (a == nil) != tc.wantWait {
				t.Fatalf("attempt refused=%v (wait %s), want refused=%v", a == nil, wait, tc.wantWait)
			}
			if tc.wantWait && wait < tc.wantAtMin {
				t.Errorf("wait %s, want at least %s", wait, tc.wantAtMin)
			}
		})
	}
}

// TestGuardGrowingDelays: each failure past the free ones doubles the
// delay, up to the maximum; a success clears the pair.
func TestGuardGrowingDelays(t *testing.T) {
	g := testGuard()
	now := t0
	fail(g, "alice", "a", 3, now)
	for _, want := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 8 * time.Second} {
		_, wait := g.Begin("alice", "a", now)
		if wait != want {
			t.Fatalf("wait %s, want %s", wait, want)
		}
		now = now.Add(wait)
		if ran := fail(g, "alice", "a", 1, now); ran != 1 {
			t.Fatal("the attempt after the delay was refused")
		}
	}
	now = now.Add(time.Minute)
	a, _ := g.Begin("alice", "a", now)
	a.Succeed(now)
	// the pair's failures are gone; the address still counts its own
	if a, wait := g.Begin("alice", "a", now); a == nil {
		t.Errorf("after a success the owner waits %s", wait)
	}
}

// TestGuardCountsBeforeVerifying: attempts in flight count, so parallel
// guesses cannot all run; a cancelled attempt counts for nothing.
func TestGuardCountsBeforeVerifying(t *testing.T) {
	g := testGuard()
	var held []*Attempt
	for range 10 {
		if a, _ := g.Begin("alice", "a", t0); a != nil {
			held = append(held, a)
		}
	}
	if len(held) != 3 {
		t.Fatalf("%d attempts in flight, want 3", len(held))
	}
	for _, a := range held {
		a.Cancel()
	}
	if ran := fail(g, "alice", "a", 5, t0); ran != 3 {
		t.Errorf("after cancelled attempts %d ran, want 3", ran)
	}
}

// TestGuardBounded: the guard keeps at most its number of keys.
func TestGuardBounded(t *testing.T) {
	g := NewGuardWith(PairPolicy, AddressPolicy, AccountPolicy, 100)
	for i := range 1000 {
		fail(g, "alice", string(rune('a'+i%26))+string(rune(i)), 1, t0)
	}
	g.mu.Lock()
	n := len(g.keys)
	g.mu.Unlock()
	if n > 100 {
		t.Errorf("%d keys kept, want at most 100", n)
	}
}

// TestPool: at most size verifications at once; the queue waits, the rest
// are refused with ErrBusy.
func TestPool(t *testing.T) {
	p := NewPool(2, 1, 50*time.Millisecond)
	var r1, r2 func()
	var err error
	if r1, err = p.Acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	if r2, err = p.Acquire(context.Background()); err != nil {
		t.Fatal(err)
	}
	// the queue's one place times out; a second waiter is refused at once
	var wg sync.WaitGroup
	errs := make([]error, 2)
	start := time.Now()
	for i := range 2 {
		wg.Go(func() { _, errs[i] = p.Acquire(context.Background()) })
		time.Sleep(5 * time.Millisecond)
	}
	wg.Wait()
	for i, err := range errs {
		if !errors.Is(err, ErrBusy) {
			t.Errorf("waiter %d: %v, want ErrBusy", i, err)
		}
	}
	if time.Since(start) < 40*time.Millisecond {
		t.Error("the queued waiter did not wait")
	}
	// a waiter gets the slot released while it waits
	got := make(chan error, 1)
	go func() {
		r, err := p.Acquire(context.Background())
		if err == nil {
			r()
		}
		got <- err
	}()
	time.Sleep(5 * time.Millisecond)
	r1()
	if err := <-got; err != nil {
		t.Errorf("a waiter when a slot frees: %v", err)
	}
	r2()
	if err := p.Verify(context.Background(), "x", "not a hash"); err == nil || errors.Is(err, ErrBusy) {
		t.Errorf("verify through a free pool: %v", err)
	}
}
