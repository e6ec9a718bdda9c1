package ingest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlite"
)

// TestBatchFillsHalfAGroup: where the next input is not examined yet, the
// writer waits for more rather than write a group less than half full, so
// that a batch commits few groups. With a wait that never runs out, every
// group but the last holds at least half a group.
func TestBatchFillsHalfAGroup(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "entente.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	paths := writeStatements(t, t.TempDir(), 21)
	gs := &groupsStore{Store: st}
	in := newIngester(t, st)
	in.Store, in.GroupSize, in.GroupLinger = gs, 8, time.Hour
	sum := in.Batch(context.Background(), paths, nil, nil)
	if sum.Added != len(paths) {
		t.Fatalf("summary %+v, want %d added", sum, len(paths))
	}
	n := 0
	for _, g := range gs.groups {
		n += g
	}
	for k, g := range gs.groups {
		if g > 8 || (g < 4 && k < len(gs.groups)-1) {
			t.Errorf("groups %v: want 4 to 8 in each but the last", gs.groups)
			break
		}
	}
	if n != len(paths) {
		t.Errorf("groups %v write %d documents, want %d", gs.groups, n, len(paths))
	}
}

// TestBatchSlowSource: an input that is slow to come (an address whose
// server has not answered) holds back the outcomes of the inputs before
// it by the writer's wait at most (and SyncInterval, where the store
// leaves its commits unsynced), not until it comes.
func TestBatchSlowSource(t *testing.T) {
	forEachStore(t, func(t *testing.T, st entente.Store) {
		paths := writeStatements(t, t.TempDir(), 4)
		release := make(chan struct{})
		var once sync.Once
		answered := make(chan bool, 1) // true once released, false if it gave up
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-release:
				answered <- true
			case <-time.After(20 * time.Second):
				answered <- false
			}
			http.Error(w, "gone", http.StatusNotFound)
		}))
		defer srv.Close()
		in := newIngester(t, st)
		in.GroupLinger = 100 * time.Millisecond
		inputs := []string{paths[0], paths[1], paths[2], srv.URL + "/slow.html", paths[3]}
		var got []Outcome
		sum := in.Batch(context.Background(), inputs, nil, func(o Outcome) {
			got = append(got, o)
			if len(got) == 3 {
				once.Do(func() { close(release) })
			}
		})
		if !<-answered {
			t.Fatal("the outcomes of the inputs before a slow one waited for it")
		}
		if sum.Added != len(paths) || sum.Refused != 1 || len(got) != len(inputs) {
			t.Errorf("summary %+v, %d outcomes; want %d added and the address refused", sum, len(got), len(paths))
		}
	})
}
