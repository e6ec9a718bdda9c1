package web

import (
	"fmt"
	"net/http"
	"net/netip"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/entente/entente/auth"
)

// loopbackProxy trusts the test client as a proxy, so that each request
// can name its client in X-Forwarded-For.
var loopbackProxy = []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8"), netip.MustParsePrefix("::1/128")}

// signInFrom posts a sign-in as if from addr; it returns the status and
// the Retry-After header.
func (h *harness) signInFrom(addr, name, password string) (int, string) {
	h.t.Helper()
	req, _ := http.NewRequest("POST", h.ts.URL+"/api/v1/session", jsonBody(map[string]string{"name": name, "password": password}))
	req.Header.Set("Content-Type", "application/json")
	if addr != "" {
		req.Header.Set("X-Forwarded-For", addr)
	}
	resp, err := h.ts.Client().Do(req)
	if err != nil {
		h.t.Error(err)
		return 0, ""
	}
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Retry-After")
}

// memorySample is the Go runtime's memory in use: everything mapped,
// less what was returned to the system (close to the resident size).
func memorySample(s []metrics.Sample) uint64 {
	metrics.Read(s)
	return s[0].Value.Uint64() - s[1].Value.Uint64()
}

// The ceiling of TestSignInFlood, stated in the README. The collector lets
// the heap grow to twice its live size before it runs (GOGC=100), and the
// live heap during the flood is what was live at the start plus the pool's
// verifications (64 MiB each): so above the start the memory may reach the
// start's live heap once more, the verifications twice over, and 64 MiB for
// the rest (stacks, buffers of the waiting requests).
func signInCeiling(live uint64, checks int) uint64 {
	return live + uint64(checks)*2*64<<20 + 64<<20
}

// TestSignInFlood: 100 sign-ins at once, each from its own address and
// with the production argon2id costs (64 MiB each), keep the server's
// memory under the stated ceiling: at most the pool's size verify at once,
// the rest are answered 503 with Retry-After. The live heap is what the
// pool bounds; the total adds the garbage the collector's pacing allows.
func TestSignInFlood(t *testing.T) {
	if testing.Short() {
		t.Skip("verifies passwords at production cost")
	}
	st := openSQLite(t)
	h := newHarnessWith(t, st, Config{PasswordParams: auth.Default, TrustedProxies: loopbackProxy})
	checks := h.srv.cfg.PasswordChecks
	samples := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	runtime.GC()
	base := memorySample(samples)
	liveSample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(liveSample)
	live := liveSample[0].Value.Uint64()
	ceiling := signInCeiling(live, checks)

	var peak, peakLive atomic.Uint64
	var busiest atomic.Int64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		s := []metrics.Sample{{Name: samples[0].Name}, {Name: samples[1].Name}}
		l := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		for {
			if m := memorySample(s); m > peak.Load() {
				peak.Store(m)
			}
			if metrics.Read(l); l[0].Value.Uint64() > peakLive.Load() {
				peakLive.Store(l[0].Value.Uint64())
			}
			if n := int64(h.srv.passwords.InUse()); n > busiest.Load() {
				busiest.Store(n)
			}
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	const n = 100
	codes := make([]int, n)
	retry := make([]string, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			codes[i], retry[i] = h.signInFrom(fmt.Sprintf("10.1.%d.%d", i/250, i%250+1), fmt.Sprintf("nobody-%d", i), "a wrong password")
		})
	}
	close(start)
	wg.Wait()
	close(stop)
	<-sampled

	count := map[int]int{}
	for i, c := range codes {
		count[c]++
		if c == http.StatusServiceUnavailable && retry[i] == "" {
			t.Errorf("a 503 without Retry-After")
		}
	}
	grew := peak.Load() - min(base, peak.Load())
	t.Logf("100 parallel sign-ins, pool %d: %v; peak verifications at once %d; memory %d MiB (live heap %d MiB) → peak %d MiB (+%d MiB, ceiling +%d MiB); peak live %d MiB",
		checks, count, busiest.Load(), base>>20, live>>20, peak.Load()>>20, grew>>20, ceiling>>20, peakLive.Load()>>20)
	if count[http.StatusServiceUnavailable] == 0 {
		t.Errorf("no sign-in was refused beyond the pool: %v", count)
	}
	if count[http.StatusUnauthorized]+count[http.StatusServiceUnavailable] != n {
		t.Errorf("answers other than 401 and 503: %v", count)
	}
	if int(busiest.Load()) > checks {
		t.Errorf("%d verifications at once, pool of %d", busiest.Load(), checks)
	}
	// what the pool bounds: the live heap holds the pool's verifications
	// above its start (16 MiB for the requests themselves), and one more
	// when a collection's mark straddles a hand-over: a verification
	// that ends during the mark was marked live, and the one that takes
	// its place allocates during the mark, which counts as live too (seen
	// once in CI: 419 MiB for a start of 98 and a pool of 4); on a loaded
	// machine a mark can straddle two hand-overs (seen once in CI: 498 MiB
	// for a start of 113). A pool that did not bound would hold all 100.
	if liveCeiling := live + uint64(checks+2)*64<<20 + 16<<20; peakLive.Load() > liveCeiling {
		t.Errorf("live heap reached %d MiB, over %d MiB (the start and %d verifications, two of them ending)", peakLive.Load()>>20, liveCeiling>>20, checks+2)
	}
	if grew > ceiling {
		t.Errorf("memory grew by %d MiB, over the ceiling of %d MiB", grew>>20, ceiling>>20)
	}
}

// TestParallelWrongPasswords: 40 wrong passwords for one account at once
// are counted as they start: only the free ones are checked, the rest are
// answered 429 with Retry-After, and so is the right password just after.
func TestParallelWrongPasswords(t *testing.T) {
	forEachStore(t, func(t *testing.T, h *harness) {
		const n = 40
		codes := make([]int, n)
		retry := make([]string, n)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range n {
			wg.Go(func() {
				<-start
				codes[i], retry[i] = h.signInFrom("", "admin-user", fmt.Sprintf("wrong password %d", i))
			})
		}
		close(start)
		wg.Wait()
		count := map[int]int{}
		for i, c := range codes {
			count[c]++
			if c == http.StatusTooManyRequests && retry[i] == "" {
				t.Error("a 429 without Retry-After")
			}
		}
		if count[http.StatusUnauthorized] != auth.PairPolicy.Free || count[http.StatusTooManyRequests] != n-auth.PairPolicy.Free {
			t.Errorf("40 parallel wrong passwords: %v, want %d checked (401) and the rest 429", count, auth.PairPolicy.Free)
		}
		if code, _ := h.signInFrom("", "admin-user", testPassword); code != http.StatusTooManyRequests {
			t.Errorf("the right password at once after: %d, want 429", code)
		}
	})
}

// TestStrangerCannotLockOut: a stranger's failures, from one address or
// from many, do not keep the owner out at the owner's address.
func TestStrangerCannotLockOut(t *testing.T) {
	forEachStoreWith(t, Config{PasswordParams: auth.Fast, TrustedProxies: loopbackProxy}, func(t *testing.T, h *harness) {
		owner := "editor-user"
		// from one address: the stranger is delayed, the owner, never seen
		// before anywhere, is not
		for i := range 12 {
			h.signInFrom("203.0.113.7", owner, fmt.Sprintf("guess %d", i))
		}
		if code, _ := h.signInFrom("203.0.113.7", owner, "guess again"); code != http.StatusTooManyRequests {
			t.Errorf("the stranger after 12 failures: %d, want 429", code)
		}
		if code, _ := h.signInFrom("198.51.100.20", owner, testPassword); code != http.StatusOK {
			t.Errorf("the owner from another address after a stranger's failures: %d, want 200", code)
		}
		// from many addresses, past the account's allowance: the owner's
		// known address still lets the owner in
		for a := range 20 {
			for i := range auth.PairPolicy.Free {
				h.signInFrom(fmt.Sprintf("203.0.114.%d", a+1), owner, fmt.Sprintf("guess %d", i))
			}
		}
		if code, _ := h.signInFrom("203.0.115.1", owner, "one more guess"); code != http.StatusTooManyRequests {
			t.Errorf("a new address after 100 failures of the account: %d, want 429", code)
		}
		if code, _ := h.signInFrom("198.51.100.20", owner, testPassword); code != http.StatusOK {
			t.Errorf("the owner at a known address after 100 failures from 20 addresses: %d, want 200", code)
		}
		// and the owner's own mistakes still count at home
		for i := range auth.PairPolicy.Free {
			h.signInFrom("198.51.100.20", owner, fmt.Sprintf("typo %d", i))
		}
		if code, _ := h.signInFrom("198.51.100.20", owner, testPassword); code != http.StatusTooManyRequests {
			t.Errorf("after the owner's own %d failures: %d, want 429", auth.PairPolicy.Free, code)
		}
	})
}

// TestClientAddress: X-Forwarded-For is believed only from a trusted
// proxy, read from the right, skipping trusted hops.
func TestClientAddress(t *testing.T) {
	trusted, err := ParseTrustedProxies([]string{"10.0.0.0/8, 127.0.0.1", "::1"})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, remote string
		xff          []string
		trusted      []netip.Prefix
		want         string
	}{
		{"no proxies configured", "192.0.2.1:5000", []string{"1.2.3.4"}, nil, "192.0.2.1"},
		{"untrusted peer", "192.0.2.1:5000", []string{"1.2.3.4"}, trusted, "192.0.2.1"},
		{"trusted peer", "127.0.0.1:5000", []string{"1.2.3.4"}, trusted, "1.2.3.4"},
		{"spoofed left part", "127.0.0.1:5000", []string{"6.6.6.6, 1.2.3.4"}, trusted, "1.2.3.4"},
		{"trusted hops skipped", "10.0.0.1:5000", []string{"1.2.3.4, 10.2.3.4", "10.9.9.9"}, trusted, "1.2.3.4"},
		{"garbage hop", "127.0.0.1:5000", []string{"1.2.3.4, not-an-ip"}, trusted, "127.0.0.1"},
		{"no header", "127.0.0.1:5000", nil, trusted, "127.0.0.1"},
		{"ipv6 peer", "[::1]:5000", []string{"2001:db8::1"}, trusted, "2001:db8::1"},
		{"mapped ipv4", "127.0.0.1:5000", []string{"::ffff:1.2.3.4"}, trusted, "1.2.3.4"},
	}
	for _, tc := range cases {
		if got := clientIP(tc.remote, tc.xff, tc.trusted); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
	for _, bad := range []string{"10.0.0.0/99", "localhost", "1.2.3"} {
		if _, err := ParseTrustedProxies([]string{bad}); err == nil || !strings.Contains(err.Error(), "--trusted-proxy") {
			t.Errorf("%q: %v, want a --trusted-proxy error", bad, err)
		}
	}
}

// FuzzClientIP: whatever X-Forwarded-For holds, the client's address is an
// address from the chain or the peer, never anything else.
func FuzzClientIP(f *testing.F) {
	f.Add("127.0.0.1:80", "1.2.3.4, 10.0.0.1")
	f.Add("10.1.1.1:80", "garbage, ::ffff:1.2.3.4")
	f.Add("[::1]:80", "")
	trusted, _ := ParseTrustedProxies([]string{"127.0.0.0/8,10.0.0.0/8,::1"})
	f.Fuzz(func(t *testing.T, remote, xff string) {
		got := clientIP(remote, []string{xff}, trusted)
		if got != clientAddr(remote) {
			if _, err := netip.ParseAddr(got); err != nil {
				t.Fatalf("clientIP(%q, %q) = %q: not an address", remote, xff, got)
			}
		}
	})
}

// FuzzParseTrustedProxies: any value is parsed or refused with a message
// naming the flag, never a panic.
func FuzzParseTrustedProxies(f *testing.F) {
	for _, s := range []string{"10.0.0.0/8", "127.0.0.1, ::1", "::ffff:10.0.0.0/104", "x", "1.2.3.4/33", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		ps, err := ParseTrustedProxies([]string{v})
		if err != nil {
			if !strings.Contains(err.Error(), "--trusted-proxy") {
				t.Fatalf("%q: %v", v, err)
			}
			return
		}
		for _, p := range ps {
			if !p.IsValid() {
				t.Fatalf("%q: invalid prefix %v", v, p)
			}
		}
	})
}
