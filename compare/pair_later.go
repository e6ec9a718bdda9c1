package compare

import (
	"context"
	"log/slog"

	"github.com/entente/entente"
)

// A pair of thousands of statements takes many seconds to compute (17 s
// of CPU for 2,400): a page that waited that long without a word would
// look broken. A page asks PairWithFollowupsOrLater instead: a pair whose
// view is kept and current, or small enough to compute while the reader
// waits, is read at once; a larger one is computed in the background, once
// however often it is asked for, and the page says so and asks again.

// PairWithFollowupsOrLater is PairWithFollowups when the pair's view is
// kept and current, or when the pair has at most waitAt statements;
// otherwise it starts computing the view in the background (once per pair)
// and returns nil, with the error of an earlier background computation of
// the pair if it failed.
func (s *Service) PairWithFollowupsOrLater(ctx context.Context, a, b string, waitAt int, log *slog.Logger) (*entente.PairView, []entente.Followup, error) {
	if err := checkPair(a, b); err != nil {
		return nil, nil, err
	}
	if s.Views == nil {
		return s.PairWithFollowups(ctx, a, b)
	}
	x, y := min(a, b), max(a, b)
	if err := s.views.laterFailed(x + "," + y); err != nil {
		return nil, nil, err
	}
	_, _, kept, err := s.keptParts(ctx, x, y)
	if err != nil {
		return nil, nil, err
	}
	if !kept {
		list, err := s.Store.Documents(ctx, entente.DocumentFilter{Parties: []string{a, b}, Limit: waitAt + 1})
		if err != nil {
			return nil, nil, err
		}
		if len(list) > waitAt {
			s.computeLater(ctx, x, y, log)
			return nil, nil, nil
		}
	}
	return s.PairWithFollowups(ctx, a, b)
}

// computeLater computes and keeps the view of the pair x, y (in order) in
// the background unless that runs already.
func (s *Service) computeLater(ctx context.Context, x, y string, log *slog.Logger) {
	key := x + "," + y
	v := &s.views
	v.mu.Lock()
	if v.later == nil {
		v.later = map[string]error{}
	}
	if _, running := v.later[key]; running {
		v.mu.Unlock()
		return
	}
	v.later[key] = nil
	v.mu.Unlock()
	v.bg.Add(1)
	go func() {
		defer v.bg.Done()
		_, err := s.parts(context.WithoutCancel(ctx), x, y)
		v.mu.Lock()
		defer v.mu.Unlock()
		if err == nil {
			delete(v.later, key)
			return
		}
		v.later[key] = err // told to the next reader, who may ask again
		if log != nil {
			log.Error("pair view", "pair", key, "err", err)
		}
	}()
}

// laterFailed returns, once, the error of the pair's last background
// computation, if it failed.
func (v *views) laterFailed(key string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	err := v.later[key]
	if err != nil {
		delete(v.later, key)
	}
	return err
}
