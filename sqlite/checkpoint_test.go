package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/entente/entente/sqlite"
)

// TestCheckpointsOffTheWriter: the writer leaves the log's checkpoints to
// the checkpointer, which runs once enough pages have been written to the
// log (and not before): the writer's own automatic checkpoint is only a
// backstop at a longer log.
func TestCheckpointsOffTheWriter(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name  string
		every int64
		want  bool
	}{
		{"every 50 pages", 50, true},
		{"past what is written", 1 << 40, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, runs, err := sqlite.OpenCheckpointingEvery(ctx, filepath.Join(t.TempDir(), "entente.db"), c.every)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var auto int
			if err := s.DB().QueryRowContext(ctx, "PRAGMA wal_autocheckpoint").Scan(&auto); err != nil {
				t.Fatal(err)
			}
			if auto != sqlite.BackstopFrames {
				t.Errorf("the writer checkpoints at %d pages of log, want the backstop %d", auto, sqlite.BackstopFrames)
			}
			for i := range 4 {
				if _, err := s.CreateDocument(ctx, statement(t, i)); err != nil {
					t.Fatal(err)
				}
			}
			wait := time.Now().Add(10 * time.Second)
			if !c.want {
				wait = time.Now().Add(200 * time.Millisecond)
			}
			for runs() == 0 && time.Now().Before(wait) {
				time.Sleep(5 * time.Millisecond)
			}
			if got := runs() > 0; got != c.want {
				t.Errorf("after 4 statements, %d checkpoints in the background; want some: %v", runs(), c.want)
			}
		})
	}
}
