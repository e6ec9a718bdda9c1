package compare

import (
	"cmp"
	"context"
	"log/slog"

	"github.com/entente/entente"
)

// A pair of thousands of statements takes many seconds to compute (17 s
// of CPU for 2,400): a page or an API call that waited that long without a
// word would look broken, and a client that gave up and asked again would
// start it again. A reader asks PairReady (or RecycledReady) first: a pair
// whose view is kept and current, or small enough to compute while the
// reader waits, is ready; a larger one is computed in the background, once
// however often it is asked for, and the reader is told to ask again (an
// ECOMPUTING error: a page that reloads itself, an API's 202 Accepted with
// Retry-After, as GitHub's repository statistics answer while computed).

// PairReady returns nil when the pair's view can be read now: it is kept
// and current, the pair has at most waitAt statements, or the service
// keeps no views. Otherwise it starts computing the view in the
// background (once per pair) and returns an ECOMPUTING error, or, once,
// the error of the pair's last background computation if that failed.
func (s *Service) PairReady(ctx context.Context, a, b string, waitAt int, log *slog.Logger) error {
	if err := checkPair(a, b); err != nil {
		return err
	}
	if s.Views == nil {
		return nil
	}
	x, y := min(a, b), max(a, b)
	key := "view:" + x + "," + y
	if err := s.views.laterFailed(key); err != nil {
		return err
	}
	if _, _, kept, err := s.keptParts(ctx, x, y); err != nil || kept {
		return err
	}
	return s.readyOrLater(ctx, x, y, waitAt, key, log, s.viewOf(x, y))
}

// viewOf computes and keeps the view of the pair x, y (in order).
func (s *Service) viewOf(x, y string) func(context.Context) error {
	return func(ctx context.Context) error {
		_, err := s.parts(ctx, x, y)
		return err
	}
}

// RecycledReady is PairReady for the pair's whole list of recycled
// promises (Recycled), which is kept in memory apart from the view.
func (s *Service) RecycledReady(ctx context.Context, a, b string, waitAt int, log *slog.Logger) error {
	if err := checkPair(a, b); err != nil {
		return err
	}
	if s.Views == nil {
		return nil
	}
	x, y := min(a, b), max(a, b)
	key := "recycled:" + x + "," + y
	if err := s.views.laterFailed(key); err != nil {
		return err
	}
	signature, err := s.Views.PairSignature(ctx, x, y)
	if err != nil {
		return err
	}
	if _, ok := s.views.keptRecycled(x+","+y, signature); ok {
		return nil
	}
	return s.readyOrLater(ctx, x, y, waitAt, key, log, func(ctx context.Context) error {
		_, err := s.Recycled(ctx, x, y)
		return err
	})
}

// readyOrLater returns nil when the pair x, y has at most waitAt
// statements; else it runs compute in the background under key (unless it
// runs already) and returns an ECOMPUTING error.
func (s *Service) readyOrLater(ctx context.Context, x, y string, waitAt int, key string, log *slog.Logger, compute func(context.Context) error) error {
	// counted even while it runs in the background (a timeline starts a
	// pair's view whatever its size): a small pair is read at once, waiting
	// for that computation rather than told to come back
	n, err := s.pairSize(ctx, x, y, waitAt)
	if err != nil || n <= waitAt {
		return err
	}
	s.views.later(ctx, key, log, compute)
	if n == waitAt+1 { // a store that lists, not counts: more than waitAt
		return entente.Errorf(entente.ECOMPUTING,
			"%s and %s have more than %d statements: their view is being computed; ask again in a few seconds", x, y, waitAt)
	}
	return entente.Errorf(entente.ECOMPUTING,
		"%s and %s have %d statements: their view is being computed; ask again in a few seconds", x, y, n)
}

// pairSize counts the statements of the pair x, y, refusing a pair past
// the bound at once (a background computation would only find it out), or
// says waitAt+1 for a pair of more than waitAt where the store does not
// count.
func (s *Service) pairSize(ctx context.Context, x, y string, waitAt int) (int, error) {
	f := entente.DocumentFilter{Parties: []string{x, y}}
	if c, ok := s.Store.(documentCounter); ok {
		n, err := c.CountDocuments(ctx, f)
		if err != nil {
			return 0, err
		}
		if limit := cmp.Or(s.MaxDocuments, MaxPairDocuments); n > limit {
			return 0, entente.Errorf(entente.ETOOLARGE, "%s, %s share more than %d documents", x, y, limit)
		}
		return n, nil
	}
	f.Limit = waitAt + 1
	list, err := s.Store.Documents(ctx, f)
	return len(list), err
}

// later runs compute in the background under key unless that runs
// already; its error is kept for laterFailed.
func (v *views) later(ctx context.Context, key string, log *slog.Logger, compute func(context.Context) error) {
	v.mu.Lock()
	if v.laterRuns == nil {
		v.laterRuns = map[string]error{}
	}
	if _, running := v.laterRuns[key]; running {
		v.mu.Unlock()
		return
	}
	v.laterRuns[key] = nil
	v.mu.Unlock()
	v.bg.Add(1)
	go func() {
		defer v.bg.Done()
		err := compute(context.WithoutCancel(ctx))
		v.mu.Lock()
		defer v.mu.Unlock()
		if err == nil {
			delete(v.laterRuns, key)
			return
		}
		v.laterRuns[key] = err // told to the next reader, who may ask again
		if log != nil {
			log.Error("computed in the background", "what", key, "err", err)
		}
	}()
}

// laterFailed returns, once, the error of key's last background
// computation, if it failed.
func (v *views) laterFailed(key string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	err := v.laterRuns[key]
	if err != nil {
		delete(v.laterRuns, key)
	}
	return err
}
