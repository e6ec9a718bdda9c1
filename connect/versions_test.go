package connect_test

import (
	"context"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/connect"
	"github.com/entente/entente/sqlstore"
)

// TestVersionDecisions: an editor's unlink of two texts of one statement
// keeps their names apart in the registry (no English name joins its
// Chinese counterpart), and a link brings them together again; each
// decision is seen by a fresh rebuild.
func TestVersionDecisions(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := cli(context.Background())
		ids := ingestLibrary(t, ctx, s, "cn-rs-2024.zh.txt", "cn-rs-2024.en.txt")
		zh, en := ids["cn-rs-2024.zh.txt"], ids["cn-rs-2024.en.txt"]
		c, err := connect.New(s)
		if err != nil {
			t.Fatal(err)
		}
		joined := func() bool {
			t.Helper()
			if err := c.Fresh(ctx); err != nil {
				t.Fatal(err)
			}
			for _, e := range allEntries(t, ctx, s) {
				for _, a := range e.Aliases {
					if strings.Contains(a.Reason, "counterparts in the") {
						return true
					}
				}
			}
			return false
		}
		if !joined() {
			t.Fatal("the matcher's reading does not join the two titles")
		}
		if _, err := s.SetVersionLink(ctx, zh, en, false, entente.LinkManual, "two statements"); err != nil {
			t.Fatal(err)
		}
		if joined() {
			t.Error("after an unlink the titles are still counterparts")
		}
		if _, err := s.SetVersionLink(ctx, en, zh, true, entente.LinkManual, "one statement after all"); err != nil {
			t.Fatal(err)
		}
		if !joined() {
			t.Error("after a link the titles are not counterparts")
		}
	})
}
