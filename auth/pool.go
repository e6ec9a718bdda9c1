package auth

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"
)

// ErrBusy is a verification refused because as many as the pool allows are
// running and the queue is full or the wait too long.
var ErrBusy = errors.New("too many sign-ins at once")

// Pool bounds the password verifications running at once: each argon2id
// check holds its memory cost (64 MiB by default) for its whole duration,
// so without a bound a burst of sign-ins (no account needed) takes the
// machine's memory. A verification waits at most MaxWait for a slot, and
// at most Queue of them wait; the others are refused at once.
type Pool struct {
	slots   chan struct{}
	queue   int64
	waiting atomic.Int64
	maxWait time.Duration
}

// NewPool returns a pool running at most size verifications at once, with
// up to queue more waiting up to maxWait each.
func NewPool(size, queue int, maxWait time.Duration) *Pool {
	size = max(size, 1)
	return &Pool{slots: make(chan struct{}, size), queue: int64(max(queue, 0)), maxWait: maxWait}
}

// InUse is how many verifications run now.
func (p *Pool) InUse() int { return len(p.slots) }

// Size is how many verifications may run at once.
func (p *Pool) Size() int { return cap(p.slots) }

// Acquire takes a slot, waiting if the queue has room; the caller must
// call the returned release exactly once.
func (p *Pool) Acquire(ctx context.Context) (release func(), err error) {
	select {
	case p.slots <- struct{}{}:
		return p.release, nil
	default:
	}
	if p.waiting.Add(1) > p.queue {
		p.waiting.Add(-1)
		return nil, ErrBusy
	}
	defer p.waiting.Add(-1)
	t := time.NewTimer(p.maxWait)
	defer t.Stop()
	select {
	case p.slots <- struct{}{}:
		return p.release, nil
	case <-t.C:
		return nil, ErrBusy
	case <-ctx.Done():
		return nil, fmt.Errorf("wait for a password check: %w", ctx.Err())
	}
}

func (p *Pool) release() { <-p.slots }

// Verify checks a password against a PHC string within the pool's bound.
func (p *Pool) Verify(ctx context.Context, password, phc string) error {
	release, err := p.Acquire(ctx)
	if err != nil {
		return err
	}
	defer release()
	return Verify(password, phc)
}
