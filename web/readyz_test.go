package web

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
)

// TestReadyzQueueDepth: /readyz shows the depth of the queue of uploads
// (what waits for a worker on any server), from empty to two waiting and
// one held.
func TestReadyzQueueDepth(t *testing.T) {
	st := openSQLite(t)
	q := st.(entente.JobQueue)
	// a server that only queues: nothing drains the jobs under test
	h := newHarnessWith(t, st, Config{PasswordParams: auth.Fast, Queue: q})
	ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "uploader", Via: "api"})
	steps := []struct {
		name             string
		enqueue, claim   int
		queued, running  int
		oldestSinceStart bool
	}{
		{"empty", 0, 0, 0, 0, false},
		{"three queued", 3, 0, 3, 0, true},
		{"one claimed", 0, 1, 2, 1, true},
	}
	start := time.Now().Add(-time.Second)
	for _, s := range steps {
		for range s.enqueue {
			if _, err := q.EnqueueJobs(ctx, []entente.NewJob{{Name: "a.txt", Data: []byte("a")}}); err != nil {
				t.Fatal(err)
			}
		}
		for range s.claim {
			if _, err := q.ClaimJob(ctx, "w", time.Hour); err != nil {
				t.Fatal(err)
			}
		}
		resp, data := h.do("", "GET", "/readyz", nil, "")
		var got Health
		if resp.StatusCode != http.StatusOK || json.Unmarshal(data, &got) != nil || got.Queue == nil {
			t.Fatalf("%s: /readyz %d %s", s.name, resp.StatusCode, clip(data))
		}
		if got.Status != "ready" || got.Queue.Queued != s.queued || got.Queue.Running != s.running ||
			(got.Queue.Oldest != nil) != s.oldestSinceStart || (got.Queue.Oldest != nil && got.Queue.Oldest.Before(start)) {
			t.Errorf("%s: /readyz says %s, want %d queued and %d running", s.name, data, s.queued, s.running)
		}
	}
}
