package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestJobQueue: uploads are claimed oldest first, each by one worker; a
// job whose worker's lease ended is claimed again and the stopped worker
// can no longer settle it; a settled job keeps its outcome and lets its
// bytes go, on both databases.
func TestJobQueue(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := entente.NewContextWithActor(context.Background(), entente.Actor{UserID: 0, Name: "ana", Via: "api"})
		clock := fixed
		s.Now = func() time.Time { return clock }
		jobs, err := s.EnqueueJobs(ctx, []entente.NewJob{
			{Name: "a.txt", MediaType: "text/plain", Data: []byte("first")},
			{Name: "b.html", Data: []byte("<p>second</p>")},
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(jobs) != 2 || jobs[0].ID >= jobs[1].ID || jobs[0].State != entente.JobQueued || jobs[0].Actor.Name != "ana" {
			t.Fatalf("enqueued %+v", jobs)
		}

		steps := []struct {
			name      string
			advance   time.Duration
			worker    string
			wantID    int64 // 0: nothing to claim
			wantData  string
			attempts  int
			wantState entente.JobState
		}{
			{"oldest first", 0, "w1", jobs[0].ID, "first", 1, entente.JobRunning},
			{"the next one", 0, "w2", jobs[1].ID, "<p>second</p>", 1, entente.JobRunning},
			{"none while both are held", 30 * time.Second, "w3", 0, "", 0, ""},
			{"a lease that ended is claimed again", 31 * time.Second, "w3", jobs[0].ID, "first", 2, entente.JobRunning},
		}
		for _, st := range steps {
			clock = clock.Add(st.advance)
			j, err := s.ClaimJob(ctx, st.worker, time.Minute)
			if st.wantID == 0 {
				if !errors.Is(err, entente.ErrNotFound) {
					t.Errorf("%s: claimed %+v, %v; want nothing", st.name, j, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			if j.ID != st.wantID || string(j.Data) != st.wantData || j.Attempts != st.attempts || j.State != st.wantState {
				t.Errorf("%s: claimed job %d %q attempts %d %s, want %d %q %d %s", st.name, j.ID, j.Data, j.Attempts, j.State,
					st.wantID, st.wantData, st.attempts, st.wantState)
			}
		}

		// w1 stopped: its job is w3's now.
		if err := s.FinishJob(ctx, jobs[0].ID, "w1", entente.JobOutcome{Status: "added"}); !errors.Is(err, entente.ErrConflict) {
			t.Errorf("the stopped worker settled a job another holds: %v", err)
		}
		if err := s.ExtendJob(ctx, jobs[0].ID, "w1", time.Minute); !errors.Is(err, entente.ErrConflict) {
			t.Errorf("the stopped worker renewed a job another holds: %v", err)
		}
		if err := s.ExtendJob(ctx, jobs[1].ID, "w2", time.Hour); err != nil {
			t.Errorf("w2 renews its lease: %v", err)
		}
		want := entente.JobOutcome{Status: "added", DocumentID: 7, SourceID: 9, Title: "标题", Counts: map[string]int{"commitment": 3}}
		clock = clock.Add(time.Second)
		if err := s.FinishJob(ctx, jobs[0].ID, "w3", want); err != nil {
			t.Fatal(err)
		}
		got, err := s.Job(ctx, jobs[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.State != entente.JobDone || got.Outcome == nil || fmt.Sprint(*got.Outcome) != fmt.Sprint(want) ||
			got.FinishedAt == nil || !got.FinishedAt.Equal(clock) || got.Attempts != 2 || got.SHA256 == "" || got.Size != 5 {
			t.Errorf("settled job reads %+v (outcome %+v)", got, got.Outcome)
		}
		// w2's renewed lease holds past the first job's.
		clock = clock.Add(10 * time.Minute)
		if j, err := s.ClaimJob(ctx, "w4", time.Minute); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("claimed %+v, %v while every job is settled or held", j, err)
		}

		for _, c := range []struct {
			name string
			f    entente.JobFilter
			want []int64
		}{
			{"all, newest first", entente.JobFilter{}, []int64{jobs[1].ID, jobs[0].ID}},
			{"pending", entente.JobFilter{Pending: true}, []int64{jobs[1].ID}},
			{"pending and lately settled", entente.JobFilter{Since: clock.Add(-time.Minute)}, []int64{jobs[1].ID}},
			{"pending and settled since", entente.JobFilter{Since: clock.Add(-time.Hour)}, []int64{jobs[1].ID, jobs[0].ID}},
			{"another account's", entente.JobFilter{UserID: 42}, nil},
			{"limited", entente.JobFilter{Limit: 1}, []int64{jobs[1].ID}},
		} {
			list, err := s.Jobs(ctx, c.f)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, j := range list {
				ids = append(ids, j.ID)
				if j.Data != nil {
					t.Errorf("%s: a listed job carries its bytes", c.name)
				}
			}
			if fmt.Sprint(ids) != fmt.Sprint(c.want) {
				t.Errorf("%s: jobs %v, want %v", c.name, ids, c.want)
			}
		}
		if _, err := s.Job(ctx, 999999); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("a missing job: %v", err)
		}
	})
}

// TestJobQueueConcurrentClaims: workers claiming at once (on PostgreSQL
// over several connections, passing over locked rows) each get a
// different job, and every job is claimed once.
func TestJobQueueConcurrentClaims(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		const n = 24
		news := make([]entente.NewJob, n)
		for i := range news {
			news[i] = entente.NewJob{Name: fmt.Sprintf("f%d.txt", i), Data: []byte(fmt.Sprint(i))}
		}
		if _, err := s.EnqueueJobs(ctx, news); err != nil {
			t.Fatal(err)
		}
		var (
			mu      sync.Mutex
			claimed = map[int64]string{}
			wg      sync.WaitGroup
		)
		// each worker claims up to one more job at a time than the last
		for w := range 4 {
			wg.Go(func() {
				name := fmt.Sprintf("w%d", w)
				for {
					jobs, err := s.ClaimJobs(ctx, name, time.Hour, w+1, 0)
					if errors.Is(err, entente.ErrNotFound) {
						return
					}
					if err != nil {
						t.Error(err)
						return
					}
					if len(jobs) > w+1 {
						t.Errorf("%s claimed %d jobs, at most %d asked", name, len(jobs), w+1)
					}
					settled := make([]entente.SettledJob, len(jobs))
					mu.Lock()
					for i, j := range jobs {
						if other, ok := claimed[j.ID]; ok {
							t.Errorf("job %d claimed by %s and %s", j.ID, other, name)
						}
						claimed[j.ID] = name
						settled[i] = entente.SettledJob{ID: j.ID, Outcome: entente.JobOutcome{Status: "refused", Problem: "test"}}
					}
					mu.Unlock()
					if err := s.FinishJobs(ctx, name, settled); err != nil {
						t.Error(err)
					}
				}
			})
		}
		wg.Wait()
		if len(claimed) != n {
			t.Errorf("%d jobs claimed, want %d", len(claimed), n)
		}
	})
}

// TestClaimJobsBounded: ClaimJobs hands the oldest jobs first, as many as
// asked and as fit the bytes asked (the oldest whatever its size), and a
// job whose worker stopped alone; a batch
// settled after one of its leases ended settles the others and names the
// one another worker holds, on both databases.
func TestClaimJobsBounded(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		clock := fixed
		s.Now = func() time.Time { return clock }
		sizes := []int{40, 30, 20, 100, 10, 10}
		news := make([]entente.NewJob, len(sizes))
		for i, n := range sizes {
			news[i] = entente.NewJob{Name: fmt.Sprintf("f%d.txt", i), Data: make([]byte, n)}
		}
		queued, err := s.EnqueueJobs(ctx, news)
		if err != nil {
			t.Fatal(err)
		}
		steps := []struct {
			name     string
			most     int
			maxBytes int64
			want     []int // by place in queued
		}{
			{"as many as fit the bytes", 5, 95, []int{0, 1, 2}},
			{"the oldest alone when it is larger than the bound", 5, 50, []int{3}},
			{"as many as asked", 1, 0, []int{4}},
			{"what is left", 10, 0, []int{5}},
		}
		var held []entente.Job
		for _, st := range steps {
			jobs, err := s.ClaimJobs(ctx, "w1", time.Minute, st.most, st.maxBytes)
			if err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
			var got []int
			for _, j := range jobs {
				for k, q := range queued {
					if q.ID == j.ID {
						got = append(got, k)
						if len(j.Data) != sizes[k] || j.State != entente.JobRunning || j.Worker != "w1" {
							t.Errorf("%s: job %d claimed as %+v with %d bytes", st.name, k, j, len(j.Data))
						}
					}
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(st.want) {
				t.Errorf("%s: claimed %v, want %v", st.name, got, st.want)
			}
			held = append(held, jobs...)
		}
		if _, err := s.ClaimJobs(ctx, "w1", time.Minute, 10, 0); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("an empty queue: %v, want not found", err)
		}

		// w1's leases end; w2 claims the oldest, alone: a job claimed
		// before is handed alone
		clock = clock.Add(2 * time.Minute)
		taken, err := s.ClaimJobs(ctx, "w2", time.Minute, 10, 0)
		if err != nil || len(taken) != 1 || taken[0].ID != queued[0].ID || taken[0].Attempts != 2 {
			t.Fatalf("claimed again %+v, %v; want the oldest alone", taken, err)
		}
		settled := make([]entente.SettledJob, len(held))
		for i, j := range held {
			settled[i] = entente.SettledJob{ID: j.ID, Outcome: entente.JobOutcome{Status: "added", DocumentID: int64(i + 1)}}
		}
		err = s.FinishJobs(ctx, "w1", settled)
		if entente.ErrorCode(err) != entente.ECONFLICT {
			t.Errorf("settling a job another holds: %v, want a conflict", err)
		}
		for i, q := range queued {
			j, err := s.Job(ctx, q.ID)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case i == 0 && (j.State != entente.JobRunning || j.Worker != "w2"):
				t.Errorf("the job w2 holds: %s by %s", j.State, j.Worker)
			case i > 0 && (j.State != entente.JobDone || j.Outcome == nil || j.Outcome.DocumentID != int64(i+1)):
				t.Errorf("job %d: %s with %+v, want settled by w1", i, j.State, j.Outcome)
			}
		}
	})
}

// TestJobHistoryBounded: settled jobs are deleted once they are more than
// JobHistory jobs old and were settled more than JobRetention ago; pending
// jobs and recent or newer settled ones stay; QueueDepth counts what waits
// and says since when, on both databases.
func TestJobHistoryBounded(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "ana", Via: "api"})
		clock := fixed
		s.Now = func() time.Time { return clock }
		s.JobHistory = 3
		if d, err := s.QueueDepth(ctx); err != nil || d.Queued != 0 || d.Running != 0 || d.Oldest != nil {
			t.Fatalf("an empty queue's depth: %+v, %v", d, err)
		}
		// job 1 stays queued (never claimed); then jobs are queued, claimed
		// and settled one by one.
		first, err := s.EnqueueJobs(ctx, []entente.NewJob{{Name: "kept.txt", Data: []byte("pending")}})
		if err != nil {
			t.Fatal(err)
		}
		settle := func(name string) int64 {
			t.Helper()
			js, err := s.EnqueueJobs(ctx, []entente.NewJob{{Name: name, Data: []byte(name)}})
			if err != nil {
				t.Fatal(err)
			}
			// claim until this one is held: the pending first job is
			// claimed once and left running under a lease
			for {
				j, err := s.ClaimJob(ctx, "w", time.Hour)
				if err != nil {
					t.Fatal(err)
				}
				if j.ID == js[0].ID {
					break
				}
			}
			if err := s.FinishJob(ctx, js[0].ID, "w", entente.JobOutcome{Status: "added"}); err != nil {
				t.Fatal(err)
			}
			return js[0].ID
		}
		var settled []int64
		for i := range 3 {
			settled = append(settled, settle(fmt.Sprintf("old%d.txt", i)))
		}
		clock = clock.Add(2 * sqlstore.JobRetention)
		for i := range 4 {
			settled = append(settled, settle(fmt.Sprintf("new%d.txt", i)))
		}
		// the newest settled is settled[6]; jobs with an id below it minus
		// 3, settled more than an hour ago, are gone: settled[0..2]
		cases := []struct {
			name string
			id   int64
			kept bool
		}{
			{"the pending job, however old", first[0].ID, true},
			{"settled long ago, far back", settled[0], false},
			{"settled long ago, far back (2)", settled[2], false},
			{"settled lately, far back", settled[3], true},
			{"the newest settled", settled[6], true},
		}
		for _, c := range cases {
			_, err := s.Job(ctx, c.id)
			if kept := err == nil; kept != c.kept {
				t.Errorf("%s (job %d): kept %v, want %v (%v)", c.name, c.id, kept, c.kept, err)
			}
		}
		if _, err := s.EnqueueJobs(ctx, []entente.NewJob{{Name: "waiting.txt", Data: []byte("w")}}); err != nil {
			t.Fatal(err)
		}
		d, err := s.QueueDepth(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if d.Queued != 1 || d.Running != 1 || d.Oldest == nil || !d.Oldest.Equal(fixed) {
			t.Errorf("depth %+v (oldest %v), want 1 queued, 1 running, oldest %v", d, d.Oldest, fixed)
		}
	})
}
