package ingest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/entente/entente"
)

// Worker drains the queue of uploads: it claims the oldest job, ingests
// it under the uploader's name, renews its lease while it works, and
// settles the job with the outcome. Any number of workers, on any number
// of servers sharing the database, drain one queue; a job whose worker
// stopped (its lease ran out) is claimed again, and ingesting it again is
// safe: the same bytes are recognised.
type Worker struct {
	Ingester *Ingester
	Queue    entente.JobQueue
	// Name identifies the worker in the jobs it holds: unique among the
	// workers sharing the queue (host, process and number).
	Name string
	// Lease is how long a claim holds a job without renewal; 0 means
	// DefaultLease. It is renewed every third of it.
	Lease time.Duration
	// Poll is how long an idle worker waits before looking again, unless
	// woken; 0 means DefaultPoll.
	Poll time.Duration
	// MaxAttempts is how many claims a job gets: a job whose workers kept
	// stopping (a statement that brings the process down) is then
	// refused instead of claimed for ever. 0 means DefaultMaxAttempts.
	MaxAttempts int
	Wake        <-chan struct{} // a local upload: look at once
}

// Defaults of a Worker.
const (
	DefaultLease       = time.Minute
	DefaultPoll        = time.Second
	DefaultMaxAttempts = 3
)

// Run drains the queue until ctx ends. A store that fails is retried after
// a pause; Run returns only ctx's error.
func (w *Worker) Run(ctx context.Context) error {
	for {
		worked, err := w.Once(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			w.Ingester.logger().Error("upload queue", "worker", w.Name, "err", err)
		}
		if worked {
			continue
		}
		t := time.NewTimer(w.poll())
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-w.Wake:
		case <-t.C:
		}
		t.Stop()
	}
}

// Once claims and settles one job; it says whether there was one.
func (w *Worker) Once(ctx context.Context) (bool, error) {
	j, err := w.Queue.ClaimJob(ctx, w.Name, w.lease())
	if errors.Is(err, entente.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	var o entente.JobOutcome
	if j.Attempts > w.maxAttempts() {
		o = entente.JobOutcome{Status: string(Refused),
			Problem: fmt.Sprintf("%s: not read: %d workers stopped while reading it", j.Name, j.Attempts-1)}
	} else {
		o = w.ingest(ctx, j)
	}
	if ctx.Err() != nil {
		// stopping: another worker claims the job when its lease ends
		return true, nil
	}
	if err := w.Queue.FinishJob(context.WithoutCancel(ctx), j.ID, w.Name, o); err != nil {
		return true, err
	}
	return true, nil
}

// ingest reads one job's upload under its uploader's name while a
// goroutine renews the lease.
func (w *Worker) ingest(ctx context.Context, j *entente.Job) entente.JobOutcome {
	ctx, cancel := context.WithCancel(entente.NewContextWithActor(ctx, j.Actor))
	defer cancel()
	var wg sync.WaitGroup
	wg.Go(func() {
		every := time.NewTicker(w.lease() / 3)
		defer every.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-every.C:
				if err := w.Queue.ExtendJob(ctx, j.ID, w.Name, w.lease()); err != nil && ctx.Err() == nil {
					w.Ingester.logger().Warn("upload queue: lease not renewed", "job", j.ID, "err", err)
				}
			}
		}
	})
	o := w.Ingester.Ingest(ctx, Input{Name: j.Name, Data: j.Data, MediaType: j.MediaType, RetrievedAt: j.CreatedAt})
	cancel() // the renewals end before the job is settled
	wg.Wait()
	return JobOutcome(o)
}

// JobOutcome is what a job records of an ingest's outcome.
func JobOutcome(o Outcome) entente.JobOutcome {
	return entente.JobOutcome{Status: string(o.Status), DocumentID: o.DocumentID, SourceID: o.SourceID, Title: o.Title,
		Counts: o.Counts, Problem: o.Problem}
}

func (w *Worker) lease() time.Duration {
	if w.Lease > 0 {
		return w.Lease
	}
	return DefaultLease
}

func (w *Worker) poll() time.Duration {
	if w.Poll > 0 {
		return w.Poll
	}
	return DefaultPoll
}

func (w *Worker) maxAttempts() int {
	if w.MaxAttempts > 0 {
		return w.MaxAttempts
	}
	return DefaultMaxAttempts
}
