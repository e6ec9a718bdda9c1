package auth

import (
	"sync"
	"time"
)

// Guard throttles sign-in attempts. An attempt is reserved before its
// password is verified, so parallel guesses count as soon as they start, and
// answered after: a failure is counted, a success clears its account on that
// address.
//
// Three counters, each with a few free failures and then growing delays
// (never a hard lock):
//   - the account from one address: a guesser at one account;
//   - the address, whatever the account: a guesser spraying many accounts;
//   - the account, from every address: a guesser using many addresses. It
//     does not apply on an address the account has signed in from before,
//     so a stranger's failures elsewhere never delay the owner at home.
type Guard struct {
	pair, addr, account Policy
	// MaxKeys bounds the memory the guard keeps: past it, forgotten keys
	// are dropped first, then any.
	maxKeys int

	mu    sync.Mutex
	keys  map[string]*keyState
	known map[string]map[string]time.Time // account → address → last success
}

// Policy is one counter's allowance: Free failures, then a delay of Base
// doubling with each further failure up to Max. Failures are forgotten
// Forget after the last one.
type Policy struct {
	Free      int
	Base, Max time.Duration
	Forget    time.Duration
}

// delay is how long after its last failure a key with n failures waits.
func (p Policy) delay(n int) time.Duration {
	if n < p.Free {
		return 0
	}
	d := p.Base
	for i := p.Free; i < n && d < p.Max; i++ {
		d *= 2
	}
	return min(d, p.Max)
}

type keyState struct {
	failures int
	last     time.Time
	inflight int
}

// Default policies: five tries of one account from one address, twenty
// from one address, fifty of one account from anywhere; then delays from
// one second doubling to a quarter of an hour.
var (
	PairPolicy    = Policy{Free: 5, Base: time.Second, Max: 15 * time.Minute, Forget: time.Hour}
	AddressPolicy = Policy{Free: 20, Base: time.Second, Max: 15 * time.Minute, Forget: time.Hour}
	AccountPolicy = Policy{Free: 50, Base: time.Second, Max: 15 * time.Minute, Forget: time.Hour}
)

// NewGuard returns a guard with the default policies.
func NewGuard() *Guard {
	return NewGuardWith(PairPolicy, AddressPolicy, AccountPolicy, 100_000)
}

// NewGuardWith returns a guard with these policies, keeping at most maxKeys
// counters.
func NewGuardWith(pair, addr, account Policy, maxKeys int) *Guard {
	return &Guard{pair: pair, addr: addr, account: account, maxKeys: maxKeys,
		keys: map[string]*keyState{}, known: map[string]map[string]time.Time{}}
}

// Attempt is a reserved sign-in attempt; end it with Fail, Succeed or
// Cancel exactly once.
type Attempt struct {
	g             *Guard
	account, addr string
	keys          []string
	done          bool
}

// Begin reserves an attempt at account from addr. It returns nil and how
// long to wait when one of the counters refuses: its free failures are
// used up (counting the attempts still being verified), or its delay has
// not yet passed.
func (g *Guard) Begin(account, addr string, now time.Time) (*Attempt, time.Duration) {
	g.mu.Lock()
	defer g.mu.Unlock()
	type check struct {
		key string
		p   Policy
	}
	checks := []check{{"pair\x00" + account + "\x00" + addr, g.pair}, {"addr\x00" + addr, g.addr}}
	if _, known := g.known[account][addr]; !known {
		checks = append(checks, check{"account\x00" + account, g.account})
	}
	var wait time.Duration
	for _, c := range checks {
		wait = max(wait, g.waitLocked(c.key, c.p, now))
	}
	if wait > 0 {
		return nil, wait
	}
	a := &Attempt{g: g, account: account, addr: addr}
	for _, c := range checks {
		st := g.stateLocked(c.key, now)
		st.inflight++
		a.keys = append(a.keys, c.key)
	}
	return a, 0
}

// waitLocked is how long key must wait before one more attempt.
func (g *Guard) waitLocked(key string, p Policy, now time.Time) time.Duration {
	st := g.keys[key]
	if st == nil {
		return 0
	}
	if st.failures > 0 && now.Sub(st.last) >= p.Forget {
		st.failures = 0
	}
	if st.failures+st.inflight < p.Free {
		return 0
	}
	if st.failures < p.Free || st.inflight > 0 {
		// the free attempts are taken by guesses still being checked, or
		// one delayed attempt is already under way: one at a time
		return time.Second
	}
	if w := st.last.Add(p.delay(st.failures)).Sub(now); w > 0 {
		return w
	}
	return 0
}

func (g *Guard) stateLocked(key string, now time.Time) *keyState {
	st := g.keys[key]
	if st == nil {
		if len(g.keys) >= g.maxKeys {
			g.evictLocked(now)
		}
		st = &keyState{}
		g.keys[key] = st
	}
	return st
}

// evictLocked makes room: counters idle past the longest Forget go first;
// if none are, an arbitrary tenth of those not in flight.
func (g *Guard) evictLocked(now time.Time) {
	forget := max(g.pair.Forget, g.addr.Forget, g.account.Forget)
	for k, st := range g.keys {
		if st.inflight == 0 && now.Sub(st.last) >= forget {
			delete(g.keys, k)
		}
	}
	for k, st := range g.keys {
		if len(g.keys) < g.maxKeys*9/10 {
			break
		}
		if st.inflight == 0 {
			delete(g.keys, k)
		}
	}
}

// Fail counts the attempt as a failure on each of its counters.
func (a *Attempt) Fail(now time.Time) { a.end(now, false, true) }

// Cancel ends an attempt that was not made (the server was busy): it
// counts for nothing.
func (a *Attempt) Cancel() { a.end(time.Time{}, false, false) }

// Succeed ends the attempt: the account's failures from this address are
// forgotten, and the address becomes one the account is known at.
func (a *Attempt) Succeed(now time.Time) { a.end(now, true, false) }

func (a *Attempt) end(now time.Time, ok, failed bool) {
	g := a.g
	g.mu.Lock()
	defer g.mu.Unlock()
	if a.done {
		return
	}
	a.done = true
	for _, k := range a.keys {
		st := g.keys[k]
		if st == nil {
			continue
		}
		st.inflight--
		if failed {
			st.failures++
			st.last = now
		}
		if st.inflight == 0 && st.failures == 0 {
			delete(g.keys, k)
		}
	}
	if ok {
		if st := g.keys[a.keys[0]]; st != nil { // the account from this address
			st.failures = 0
			if st.inflight == 0 {
				delete(g.keys, a.keys[0])
			}
		}
		g.rememberLocked(a.account, a.addr, now)
	}
}

// rememberLocked notes a successful sign-in of account from addr; each
// account keeps its few most recent addresses, and the guard a bounded
// number of accounts.
func (g *Guard) rememberLocked(account, addr string, now time.Time) {
	const perAccount = 8
	m := g.known[account]
	if m == nil {
		if len(g.known) >= g.maxKeys {
			for k := range g.known { // drop an arbitrary account's memory
				delete(g.known, k)
				break
			}
		}
		m = map[string]time.Time{}
		g.known[account] = m
	}
	m[addr] = now
	if len(m) > perAccount {
		var oldest string
		for a, t := range m {
			if oldest == "" || t.Before(m[oldest]) {
				oldest = a
			}
		}
		delete(m, oldest)
	}
}
