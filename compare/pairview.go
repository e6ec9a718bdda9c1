package compare

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"

	"github.com/entente/entente"
)

// What a pair's page reads of the pair's statements (the documents, the
// relationship timeline, the most recycled promises, the suggested
// follow-ups) is computed from every statement of the pair: seconds for a
// pair of a few hundred statements. A store that keeps views (ViewStore)
// keeps it with the signature of the pair's documents it was computed
// from, so that a read of a pair whose documents did not change computes
// nothing; a pair that changed is computed again once, by the first read
// or by Refresh, which a server runs in the background after writes.

// ViewStore keeps the views of pairs.
type ViewStore interface {
	// PairSignature returns the signature of the pair's documents now.
	PairSignature(ctx context.Context, a, b string) (string, error)
	// PairView returns the kept view with the signature it was computed
	// from ("", nil: none).
	PairView(ctx context.Context, a, b string) (built string, body []byte, err error)
	SavePairView(ctx context.Context, a, b, signature string, body []byte) error
	// StalePairViews lists the pairs whose kept view's signature is not
	// version followed by the signature of their documents now.
	StalePairViews(ctx context.Context, version string) ([][2]string, error)
	// LastEventSeq returns the newest event's number: every write that
	// can make a view stale logs one.
	LastEventSeq(ctx context.Context) (int64, error)
}

// pairLocker is a ViewStore that holds a pair's computation across the
// processes on its database, so that several servers refreshing the same
// stale view compute it once: the others wait and read it kept.
type pairLocker interface {
	LockPairView(ctx context.Context, a, b string) (unlock func(), err error)
}

// ViewVersion begins a kept view's signature; it changes when what a view
// keeps, or how it is computed, changes: every kept view is then stale.
// v2: a pair's statements are asked of the store by both parties (v1
// views of a pair whose first party signed over 2,000 statements with
// others held only some of them). v3: a report is offered on a promise's
// restatement and on its five best matches only, a promise repeated word
// for word in common terms is recycled, and the most recycled list each
// promise once.
const ViewVersion = "v3:"

// pairParts is what a view keeps of a pair.
type pairParts struct {
	Documents    []entente.DocumentBrief    `json:"documents"`
	Timeline     []entente.RelationshipStep `json:"timeline"`
	MostRecycled []entente.Recurrence       `json:"most_recycled"`
	Suggested    []entente.Followup         `json:"suggested"`
}

// views holds what the service needs to keep views: one computation per
// pair at a time, one refresh in the background at a time.
type views struct {
	mu      sync.Mutex
	pairs   map[string]*sync.Mutex
	running atomic.Bool
	bg      sync.WaitGroup
	// refreshedAt is the newest event when the last refresh that ended
	// well began: a library with no newer one has no view it made stale
	refreshedAt atomic.Int64
	// recent are the views last read, decoded, by pair and signature:
	// a read whose signature matches decodes nothing
	recent map[string]recentView
	// computed counts the views computed, for tests
	computed atomic.Int64
	// computing holds a place for each view being computed (maxComputing)
	computing chan struct{}
	// recycled are pairs' whole lists of recycled promises, by pair and
	// signature: in memory only, as they are read a page at a time and
	// can be large (2 MB of JSON for a pair of 284 statements)
	recycled map[string]keptRecurrences
	// laterRuns are the views and lists computed in the background for
	// a reader (later), by what and pair: nil while it runs, its error if
	// it failed
	laterRuns map[string]error
}

type keptRecurrences struct {
	signature string
	list      *Recurrences
}

// maxComputing bounds the views computed at once: a pair of 2,386
// statements holds about a gigabyte while its view is computed (40 s of
// CPU), and two such pairs asked for at once would hold two.
const maxComputing = 2

// maxKeptRecycled bounds the pairs whose recycled promises are kept.
const maxKeptRecycled = 16

func (v *views) keptRecycled(key, signature string) (*Recurrences, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	k, ok := v.recycled[key]
	if !ok || k.signature != signature {
		return nil, false
	}
	return k.list, true
}

func (v *views) keepRecycled(key, signature string, rs *Recurrences) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.recycled == nil || len(v.recycled) >= maxKeptRecycled {
		v.recycled = map[string]keptRecurrences{}
	}
	v.recycled[key] = keptRecurrences{signature, rs}
}

// lock holds the lock of key (what is computed, of which pair) and
// returns its release: one computation of a thing at a time.
func (v *views) lock(key string) func() {
	v.mu.Lock()
	if v.pairs == nil {
		v.pairs = map[string]*sync.Mutex{}
	}
	m := v.pairs[key]
	if m == nil {
		m = &sync.Mutex{}
		v.pairs[key] = m
	}
	v.mu.Unlock()
	m.Lock()
	return m.Unlock
}

// acquire holds one of the maxComputing places and returns its release.
func (v *views) acquire(ctx context.Context) (func(), error) {
	if v.computing == nil { // a Service not made by New
		return func() {}, nil
	}
	select {
	case v.computing <- struct{}{}:
		return func() { <-v.computing }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// recentView is a decoded view and the signature it was computed from.
type recentView struct {
	signature string
	parts     *pairParts
}

// maxRecentViews bounds the decoded views kept in memory.
const maxRecentViews = 256

func (v *views) recentParts(key, signature string) *pairParts {
	v.mu.Lock()
	defer v.mu.Unlock()
	if r, ok := v.recent[key]; ok && r.signature == signature {
		return r.parts
	}
	return nil
}

func (v *views) remember(key, signature string, p *pairParts) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.recent == nil || len(v.recent) >= maxRecentViews {
		v.recent = map[string]recentView{}
	}
	v.recent[key] = recentView{signature, p}
}

// computeParts reads every statement of the pair and computes its parts,
// as one of at most maxComputing at once.
func (s *Service) computeParts(ctx context.Context, a, b string) (*pairParts, error) {
	release, err := s.views.acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	return s.computeHeld(ctx, a, b)
}

// computeHeld is computeParts once it holds its place.
func (s *Service) computeHeld(ctx context.Context, a, b string) (*pairParts, error) {
	docs, err := s.pairDocuments(ctx, a, b)
	if err != nil {
		return nil, err
	}
	s.views.computed.Add(1)
	p := &pairParts{Documents: []entente.DocumentBrief{}, Timeline: s.Words.Steps(docs)}
	for _, d := range docs {
		p.Documents = append(p.Documents, brief(d))
	}
	c := s.Words.newCorpus(docs)
	p.MostRecycled = c.mostRecycled(MostRecycledShown)
	p.Suggested = c.suggest(MaxOffers)
	if p.Suggested == nil {
		p.Suggested = []entente.Followup{}
	}
	return p, nil
}

// parts returns the pair's parts: the kept view when the pair's documents
// did not change since it was computed, else computed now (and kept).
// What it returns is shared by readers: nothing may change it.
func (s *Service) parts(ctx context.Context, a, b string) (*pairParts, error) {
	if err := checkPair(a, b); err != nil {
		return nil, err
	}
	if s.Views == nil {
		return s.computeParts(ctx, a, b)
	}
	// the order of the two parties changes nothing a view keeps
	if b < a {
		a, b = b, a
	}
	if p, _, ok, err := s.keptParts(ctx, a, b); err != nil || ok {
		return p, err
	}
	defer s.views.lock("view:" + a + "," + b)()
	p, now, ok, err := s.keptParts(ctx, a, b) // computed meanwhile by another reader?
	if err != nil || ok {
		return p, err
	}
	release, err := s.views.acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	if l, ok := s.Views.(pairLocker); ok {
		unlock, err := l.LockPairView(ctx, a, b)
		if err != nil {
			return nil, err
		}
		defer unlock()
		// computed meanwhile by another process?
		if p, now, ok, err = s.keptParts(ctx, a, b); err != nil || ok {
			return p, err
		}
	}
	if p, err = s.computeHeld(ctx, a, b); err != nil {
		return nil, err
	}
	body, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("pair view: %w", err)
	}
	// kept with the signature read before the documents were: a write
	// in between leaves it stale, to be computed again
	if err := s.Views.SavePairView(ctx, a, b, now, body); err != nil {
		return nil, err
	}
	s.views.remember(a+","+b, now, p)
	return p, nil
}

// keptParts returns the kept view if it is current, and the signature
// now. What it returns is shared by readers: nothing may change it.
func (s *Service) keptParts(ctx context.Context, a, b string) (*pairParts, string, bool, error) {
	now, err := s.Views.PairSignature(ctx, a, b)
	if err != nil {
		return nil, "", false, err
	}
	now = ViewVersion + now
	key := a + "," + b
	if p := s.views.recentParts(key, now); p != nil {
		return p, now, true, nil
	}
	built, body, err := s.Views.PairView(ctx, a, b)
	if err != nil {
		return nil, "", false, err
	}
	if built != now {
		return nil, now, false, nil
	}
	var p pairParts
	if err := json.Unmarshal(body, &p); err != nil {
		// a view that does not read is computed again
		return nil, now, false, nil
	}
	s.Words.relabel(p.Timeline)
	s.views.remember(key, now, &p)
	return &p, now, true, nil
}

// Refresh computes again every kept view whose pair's documents changed,
// and says how many.
func (s *Service) Refresh(ctx context.Context) (int, error) {
	if s.Views == nil {
		return 0, nil
	}
	seq, err := s.Views.LastEventSeq(ctx)
	if err != nil {
		return 0, fmt.Errorf("refresh the pairs' views: %w", err)
	}
	stale, err := s.Views.StalePairViews(ctx, ViewVersion)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, p := range stale {
		if _, err := s.parts(ctx, p[0], p[1]); err != nil {
			return n, fmt.Errorf("refresh the view of %s–%s: %w", p[0], p[1], err)
		}
		n++
	}
	s.views.refreshedAt.Store(seq)
	return n, nil
}

// RefreshLater runs Refresh in the background unless one runs: what a
// server calls after a write, and now and then for other processes'.
func (s *Service) RefreshLater(ctx context.Context, log *slog.Logger) {
	if s.Views == nil || !s.views.running.CompareAndSwap(false, true) {
		return
	}
	s.views.bg.Add(1)
	go func() {
		defer s.views.bg.Done()
		defer s.views.running.Store(false)
		if _, err := s.Refresh(context.WithoutCancel(ctx)); err != nil && log != nil {
			log.Error("pair views", "err", err)
		}
	}()
}

// RefreshIfChanged runs RefreshLater when the library logged an event
// since the last refresh began: what a server runs now and then for the
// writes it does not see as requests (other processes', its queue's), so
// that a view they made stale is computed again before a reader asks.
func (s *Service) RefreshIfChanged(ctx context.Context, log *slog.Logger) {
	if s.Views == nil {
		return
	}
	seq, err := s.Views.LastEventSeq(ctx)
	if err != nil {
		if log != nil && ctx.Err() == nil {
			log.Error("pair views", "err", err)
		}
		return
	}
	if seq != s.views.refreshedAt.Load() {
		s.RefreshLater(ctx, log)
	}
}

// Wait waits for the refresh running in the background.
func (s *Service) Wait() { s.views.bg.Wait() }

// ViewsComputed says how many pair views the service computed (tests).
func (s *Service) ViewsComputed() int64 { return s.views.computed.Load() }
