package connect_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/connect"
	"github.com/entente/entente/sqlstore"
)

// TestDecisionsKeepTheirInputs: a rebuild and an editor's decisions in a
// row read the library once, while it does not change and for keepInputs
// after the last; the registry they make is the one a fresh rebuild
// makes; after a new document the next decision reads what was added, and
// once the time has passed, the store's snapshot and what was added since.
func TestDecisionsKeepTheirInputs(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := cli(context.Background())
		ingestLibrary(t, ctx, s, "cn-rs-2023.zh.txt", "cn-rs-2024.zh.txt")
		c, rs := countingConnector(t, s)
		now := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
		c.Now = func() time.Time { return now }
		if _, err := c.Rebuild(ctx); err != nil {
			t.Fatal(err)
		}
		fta := entryOf(t, allEntries(t, ctx, s), "中塞自贸协定")
		if _, err := c.Split(ctx, fta.ID, []string{"《中塞自贸协定》"}, "checking"); err != nil {
			t.Fatal(err)
		}
		now = now.Add(9 * time.Minute)
		if _, err := c.Rename(ctx, fta.ID, "中塞自由贸易协定", "shorter"); err != nil {
			t.Fatal(err)
		}
		if rs.reads != 1 {
			t.Errorf("a rebuild and two decisions read the library %d times, want 1 (what the rebuild read is kept)", rs.reads)
		}
		// what the kept inputs made is what a fresh read makes
		kept := allEntries(t, ctx, s)
		if _, err := wholeReader(t, s).Rebuild(ctx); err != nil {
			t.Fatal(err)
		}
		if again := allEntries(t, ctx, s); !sameEntries(kept, again) {
			t.Errorf("the decisions made\n%v\na fresh rebuild makes\n%v", kept, again)
		}

		// a new document: the next decision reads what was added
		ingestLibrary(t, ctx, s, "cn-rs-2016.zh.txt")
		if _, err := c.Rename(ctx, fta.ID, "中塞自贸协定（2023年）", "dated"); err != nil {
			t.Fatal(err)
		}
		if rs.reads != 1 || rs.added != 1 {
			t.Errorf("after a new document a decision read the library %d times in all and what was added %d, want 1 and 1", rs.reads, rs.added)
		}
		// over ten minutes after the last decision the inputs are let
		// go: the next reads the store's snapshot of the first build's
		// and what was added since
		now = now.Add(11 * time.Minute)
		if _, err := c.Rename(ctx, fta.ID, "中塞自由贸易协定", "undated"); err != nil {
			t.Fatal(err)
		}
		if rs.reads != 1 || rs.snapshots != 1 || rs.added != 2 {
			t.Errorf("eleven minutes after a decision the next read the library whole %d times in all, the snapshot %d and what was added %d, want 1, 1 and 2",
				rs.reads, rs.snapshots, rs.added)
		}
	})
}

// sameEntries compares two listings by what a reader sees of each entry.
func sameEntries(a, b []entente.RegistryEntry) bool {
	key := func(es []entente.RegistryEntry) []string {
		var out []string
		for _, e := range es {
			s := string(e.Kind) + "|" + e.Name
			for _, al := range e.Aliases {
				s += "|" + al.Alias + "/" + al.Reason
			}
			out = append(out, s)
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(key(a), key(b))
}

// TestDecisionsInARowFromTheKeptBuild: each of an editor's decisions in a
// row starts from the build kept with the input (each from a copy of it),
// and each makes the registry a fresh connector makes of the library and
// the decisions so far.
func TestDecisionsInARowFromTheKeptBuild(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := cli(context.Background())
		ingestLibrary(t, ctx, s)
		rs := &countingStore{Store: s}
		c, err := connect.New(s)
		if err != nil {
			t.Fatal(err)
		}
		c.Store = rs
		if _, err := c.Rebuild(ctx); err != nil {
			t.Fatal(err)
		}
		fta := entryOf(t, allEntries(t, ctx, s), "中塞自贸协定")
		if _, err := c.Rename(ctx, fta.ID, "中塞自由贸易协定", "shorter"); err != nil {
			t.Fatal(err)
		}
		sameAsFreshBuild(t, ctx, s, "a rename")
		short, err := c.Split(ctx, fta.ID, []string{"中塞自贸协定"}, "checking")
		if err != nil {
			t.Fatal(err)
		}
		sameAsFreshBuild(t, ctx, s, "a split of the renamed entry")
		bit := entryOf(t, allEntries(t, ctx, s), "中华人民共和国政府和塞尔维亚共和国政府关于相互促进和保护投资协定")
		if _, err := c.Merge(ctx, short.ID, bit.ID, "a test of a wrong merge"); err != nil {
			t.Fatal(err)
		}
		sameAsFreshBuild(t, ctx, s, "a merge of the split-off name into another entry")
		if _, err := c.Split(ctx, bit.ID, []string{"中塞自贸协定"}, "undoing the wrong merge"); err != nil {
			t.Fatal(err)
		}
		sameAsFreshBuild(t, ctx, s, "the merged name split off again")
		if _, err := c.Rename(ctx, bit.ID, "中塞投资协定", "shorter"); err != nil {
			t.Fatal(err)
		}
		sameAsFreshBuild(t, ctx, s, "a rename of the entry merged into and split")
		// an entry merged into another and split off again: its names are
		// its own group's again, each joined for the split's reason
		visa := entryOf(t, allEntries(t, ctx, s), "中华人民共和国政府和塞尔维亚共和国政府关于互免持普通护照人员签证的协定")
		hu := entryOf(t, allEntries(t, ctx, s), "中华人民共和国政府和匈牙利政府关于相互促进和保护投资协定")
		if _, err := c.Merge(ctx, visa.ID, hu.ID, "a wrong merge"); err != nil {
			t.Fatal(err)
		}
		sameAsFreshBuild(t, ctx, s, "another wrong merge")
		var names []string
		for _, a := range visa.Aliases {
			names = append(names, a.Alias)
		}
		if _, err := c.Split(ctx, hu.ID, names, "undone"); err != nil {
			t.Fatal(err)
		}
		sameAsFreshBuild(t, ctx, s, "an entry split off whole again")
		if rs.reads != 1 {
			t.Errorf("a rebuild and seven decisions read the library %d times, want 1", rs.reads)
		}
	})
}
