package connect_test

import (
	"context"
	"testing"
	"time"

	"github.com/entente/entente/connect"
	"github.com/entente/entente/sqlstore"
)

// TestBackgroundRestsAfterSlowRebuild: after a rebuild slower than
// SlowRebuild the background starts no other for twice its time (the
// registry says it is behind meanwhile), then the next write's or tick's
// rebuild brings the new names.
func TestBackgroundRestsAfterSlowRebuild(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := cli(context.Background())
		c, err := connect.New(s)
		if err != nil {
			t.Fatal(err)
		}
		now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
		c.Now = func() time.Time { return now }
		c.SlowRebuild = time.Nanosecond // every rebuild is slow
		has := func(alias string) bool { return findEntry(allEntries(t, ctx, s), alias) != nil }

		ingestLibrary(t, ctx, s, "cn-rs-2013.zh.txt")
		if behind, err := c.Later(ctx); err != nil || !behind {
			t.Fatalf("later: behind %v, %v", behind, err)
		}
		c.Wait()
		if !has("中塞经贸合作政府间委员会") {
			t.Fatal("the first rebuild in the background built nothing")
		}

		ingestLibrary(t, ctx, s, "cn-hu-2024.zh.txt")
		if behind, err := c.Later(ctx); err != nil || !behind {
			t.Fatalf("right after a slow rebuild: behind %v, %v; want behind", behind, err)
		}
		c.Wait()
		if has("中匈经贸合作政府间委员会") {
			t.Error("a rebuild started right after a slow one")
		}

		now = now.Add(time.Hour)
		if _, err := c.Later(ctx); err != nil {
			t.Fatal(err)
		}
		c.Wait()
		if !has("中匈经贸合作政府间委员会") {
			t.Error("no rebuild once the rest was over")
		}
		if behind, err := c.Behind(ctx); err != nil || behind {
			t.Errorf("after the rest's rebuild: behind %v, %v", behind, err)
		}
	})
}
