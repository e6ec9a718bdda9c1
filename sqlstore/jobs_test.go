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
		for w := range 4 {
			wg.Go(func() {
				name := fmt.Sprintf("w%d", w)
				for {
					j, err := s.ClaimJob(ctx, name, time.Hour)
					if errors.Is(err, entente.ErrNotFound) {
						return
					}
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					if other, ok := claimed[j.ID]; ok {
						t.Errorf("job %d claimed by %s and %s", j.ID, other, name)
					}
					claimed[j.ID] = name
					mu.Unlock()
					if err := s.FinishJob(ctx, j.ID, name, entente.JobOutcome{Status: "refused", Problem: "test"}); err != nil {
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
