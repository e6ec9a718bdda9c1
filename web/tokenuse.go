package web

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// TokenRecorder is where token uses are recorded: the store.
type TokenRecorder interface {
	TouchTokens(ctx context.Context, used map[string]time.Time) error
}

// tokenUses notes when each token was last used, in memory, and records
// them in one transaction at most every interval or when many have
// gathered, so that checking a token never waits for the write lock. A
// crash loses at most an interval's last-use times, which are informative
// only.
type tokenUses struct {
	store    TokenRecorder
	log      *slog.Logger
	interval time.Duration
	most     int

	mu        sync.Mutex
	pending   map[string]time.Time
	lastFlush time.Time
	flushing  bool
}

func newTokenUses(st TokenRecorder, log *slog.Logger, interval time.Duration) *tokenUses {
	return &tokenUses{store: st, log: log, interval: interval, most: 1000, pending: map[string]time.Time{}, lastFlush: time.Now()}
}

// note records a use; when the batch is due it is written in the
// background.
func (u *tokenUses) note(_ context.Context, hash string, at time.Time) {
	u.mu.Lock()
	if at.After(u.pending[hash]) {
		u.pending[hash] = at
	}
	due := !u.flushing && (len(u.pending) >= u.most || time.Since(u.lastFlush) >= u.interval)
	if due {
		u.flushing = true
	}
	u.mu.Unlock()
	if due {
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			u.flush(ctx)
		}()
	}
}

// flush writes the uses gathered so far; on failure they are kept for the
// next batch (bounded: the newest use per token).
func (u *tokenUses) flush(ctx context.Context) error {
	u.mu.Lock()
	batch := u.pending
	u.pending = map[string]time.Time{}
	u.flushing = true
	u.mu.Unlock()
	err := u.store.TouchTokens(ctx, batch)
	u.mu.Lock()
	defer u.mu.Unlock()
	u.flushing, u.lastFlush = false, time.Now()
	if err != nil {
		u.log.Warn("record token uses", "err", err, "tokens", len(batch))
		for h, at := range batch {
			if at.After(u.pending[h]) && len(u.pending) < 10*u.most {
				u.pending[h] = at
			}
		}
	}
	return err
}
