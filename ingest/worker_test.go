package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/entente/entente"
)

// TestWorker: a worker settles each job with what ingest made of it, under
// the uploader's name; a job whose workers kept stopping is refused
// without being read again; a worker that is stopping leaves its job to be
// claimed again instead of settling it as refused.
func TestWorker(t *testing.T) {
	forEachStore(t, func(t *testing.T, st entente.Store) {
		q := st.(entente.JobQueue)
		in := newIngester(t, st)
		rs, err := os.ReadFile(filepath.Join(corpus, "cn-rs-2024-joint-statement.zh.txt"))
		if err != nil {
			t.Fatal(err)
		}
		uploader := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "ana", Via: "api"})
		cases := []struct {
			name        string
			data        []byte
			attemptsYet int // claims by workers that stopped, before ours
			stopped     bool
			wantState   entente.JobState
			wantStatus  string
		}{
			{"a new statement", rs, 0, false, entente.JobDone, string(Added)},
			{"the same bytes again", rs, 0, false, entente.JobDone, string(AlreadyHave)},
			{"not a statement", []byte("\x00\x01\x02"), 0, false, entente.JobDone, string(Refused)},
			{"its workers kept stopping", rs, DefaultMaxAttempts, false, entente.JobDone, string(Refused)},
			{"the worker is stopping", rs, 0, true, entente.JobRunning, ""},
		}
		for _, c := range cases {
			jobs, err := q.EnqueueJobs(uploader, []entente.NewJob{{Name: c.name + ".txt", Data: c.data}})
			if err != nil {
				t.Fatal(err)
			}
			for range c.attemptsYet {
				if _, err := q.ClaimJob(context.Background(), "gone", -time.Second); err != nil {
					t.Fatal(err)
				}
			}
			ctx, cancel := context.WithCancel(context.Background())
			w := &Worker{Ingester: in, Queue: q, Name: "w"}
			if c.stopped {
				w.Queue = stopAfterClaim{q, cancel}
			}
			worked, err := w.Once(ctx)
			cancel()
			if err != nil || !worked {
				t.Fatalf("%s: worked %v, %v", c.name, worked, err)
			}
			j, err := q.Job(context.Background(), jobs[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			if j.State != c.wantState || (c.wantStatus != "" && (j.Outcome == nil || j.Outcome.Status != c.wantStatus)) {
				t.Errorf("%s: job %s with %+v, want %s %s", c.name, j.State, j.Outcome, c.wantState, c.wantStatus)
			}
			if c.stopped {
				// settle it, as the worker that claims it next would
				if err := q.FinishJob(context.Background(), j.ID, "w", entente.JobOutcome{Status: "already have"}); err != nil {
					t.Fatal(err)
				}
			}
		}
		events, err := st.(interface {
			Events(context.Context, int64, int) ([]entente.Event, error)
		}).Events(context.Background(), 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range events {
			if e.Action == "create" && e.Entity == "document" && e.Actor != "ana" {
				t.Errorf("the queued statement was stored as %q's, want the uploader's", e.Actor)
			}
		}
		if worked, err := (&Worker{Ingester: in, Queue: q, Name: "w"}).Once(context.Background()); worked || err != nil {
			t.Errorf("an empty queue: worked %v, %v", worked, err)
		}
	})
}

// stopAfterClaim is a queue whose claim is followed by the worker's stop
// (a shutdown while it reads the job).
type stopAfterClaim struct {
	entente.JobQueue
	stop context.CancelFunc
}

func (q stopAfterClaim) ClaimJob(ctx context.Context, worker string, lease time.Duration) (*entente.Job, error) {
	j, err := q.JobQueue.ClaimJob(ctx, worker, lease)
	q.stop()
	return j, err
}
