package ingest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/entente/entente"
)

// Worker drains the queue of uploads: it claims the oldest jobs, ingests
// them under their uploaders' names, renews their leases while it works,
// and settles each job with its outcome. Several jobs claimed at once are
// ingested as a batch (Ingester.BatchInputs): examined on every core and
// written in groups, a transaction for many documents, where one job at a
// time cost each upload a transaction and its sync of the log. Any number
// of workers, on any number of servers sharing the database, drain one
// queue; a job whose worker stopped (its lease ran out) is claimed again,
// and ingesting it again is safe: the same bytes are recognised.
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
	// Batch is the most jobs the worker claims at once; 0 means
	// DefaultBatch, 1 one at a time. Claimed jobs hold at most
	// DefaultBatchBytes of uploads together (the first whatever its size).
	Batch int
	Wake  <-chan struct{} // a local upload: look at once
	// Settled, if set, is called once the worker has settled jobs, so
	// that a request waiting for them on this server answers at once
	// rather than at its next look.
	Settled func()
}

// Defaults of a Worker.
const (
	DefaultLease       = time.Minute
	DefaultPoll        = time.Second
	DefaultMaxAttempts = 3
	// DefaultBatch is as many jobs as a batch writes in one group on
	// SQLite (its BatchGroupSize): a deeper queue is claimed a batch
	// after another, so that a job waits for at most a group's writing.
	DefaultBatch      = 96
	DefaultBatchBytes = 64 << 20
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

// Once claims jobs and settles them; it says whether there were any. A
// worker that is stopping (ctx ended) settles the jobs whose documents it
// stored and leaves the others to be claimed again when their leases end.
func (w *Worker) Once(ctx context.Context) (bool, error) {
	jobs, err := w.Queue.ClaimJobs(ctx, w.Name, w.lease(), w.batch(), DefaultBatchBytes)
	if errors.Is(err, entente.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	outs := w.ingest(ctx, jobs)
	var settled []entente.SettledJob
	for i, o := range outs {
		if o == nil || ctx.Err() != nil && o.Status == string(Refused) {
			continue // not read, or refused because the worker is stopping
		}
		settled = append(settled, entente.SettledJob{ID: jobs[i].ID, Outcome: *o})
	}
	err = w.Queue.FinishJobs(context.WithoutCancel(ctx), w.Name, settled)
	if w.Settled != nil && len(settled) > 0 {
		w.Settled() // some may be settled even where err names others
	}
	return true, err
}

// ingest reads the claimed jobs' uploads, each under its uploader's name,
// while a goroutine renews their leases: a job its workers kept stopping
// on is refused unread; a run of jobs of one uploader is one batch. An
// outcome is nil where the worker stopped before it.
func (w *Worker) ingest(ctx context.Context, jobs []entente.Job) []*entente.JobOutcome {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	wg.Go(func() { w.renew(ctx, jobs) })
	outs := make([]*entente.JobOutcome, len(jobs))
	for i := 0; i < len(jobs) && ctx.Err() == nil; {
		if j := jobs[i]; j.Attempts > w.maxAttempts() {
			outs[i] = &entente.JobOutcome{Status: string(Refused),
				Problem: fmt.Sprintf("%s: not read: %d workers stopped while reading it", j.Name, j.Attempts-1)}
			i++
			continue
		}
		// the run of jobs from here with the same uploader, and readable
		end := i + 1
		for end < len(jobs) && jobs[end].Actor == jobs[i].Actor && jobs[end].Attempts <= w.maxAttempts() {
			end++
		}
		actx := entente.NewContextWithActor(ctx, jobs[i].Actor)
		if end-i == 1 {
			o := JobOutcome(w.Ingester.Ingest(actx, jobInput(jobs[i])))
			outs[i] = &o
		} else {
			inputs := make([]Input, end-i)
			for k := range inputs {
				inputs[k] = jobInput(jobs[i+k])
			}
			k := i
			w.Ingester.BatchInputs(actx, inputs, func(o Outcome) {
				jo := JobOutcome(o)
				outs[k] = &jo
				k++
			})
		}
		i = end
	}
	cancel() // the renewals end before the jobs are settled
	wg.Wait()
	return outs
}

// renew renews the leases of jobs every third of a lease until ctx ends.
func (w *Worker) renew(ctx context.Context, jobs []entente.Job) {
	every := time.NewTicker(w.lease() / 3)
	defer every.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-every.C:
			for _, j := range jobs {
				if err := w.Queue.ExtendJob(ctx, j.ID, w.Name, w.lease()); err != nil && ctx.Err() == nil {
					w.Ingester.logger().Warn("upload queue: lease not renewed", "job", j.ID, "err", err)
				}
			}
		}
	}
}

// jobInput is a job's upload as ingest reads it.
func jobInput(j entente.Job) Input {
	return Input{Name: j.Name, Data: j.Data, MediaType: j.MediaType, RetrievedAt: j.CreatedAt}
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

func (w *Worker) batch() int {
	if w.Batch > 0 {
		return w.Batch
	}
	return DefaultBatch
}

func (w *Worker) maxAttempts() int {
	if w.MaxAttempts > 0 {
		return w.MaxAttempts
	}
	return DefaultMaxAttempts
}
