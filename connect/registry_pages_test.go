package connect_test

import (
	"context"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/connect"
	"github.com/entente/entente/sqlstore"
)

// TestRegistryPagesByName: a list of entries by name, by kind, or both,
// read a page at a time, gives every page the total of all matches, the
// pages together the entries of one long page in its order (most
// documents, most mentions, then id), and a page past the last none with
// the same total. A name's search counts its matches with the page, the
// others apart: both must agree.
func TestRegistryPagesByName(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := cli(context.Background())
		ingestLibrary(t, ctx, s)
		c, err := connect.New(s)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Fresh(ctx); err != nil {
			t.Fatal(err)
		}
		for _, f := range []entente.RegistryFilter{
			{}, {Query: "中"}, {Query: "协定"}, {Query: "合作"}, {Query: "agreement"}, {Query: "无此名称"},
			{Kind: entente.RegMechanism}, {Kind: entente.RegInstrument, Query: "协定"}, {Kind: entente.RegProject, Query: "协定"},
		} {
			f.Limit = 1000
			all, total, err := s.RegistryEntries(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if total != len(all) {
				t.Errorf("%+v: total %d, %d entries", f, total, len(all))
			}
			if f.Query == "协定" && f.Kind != entente.RegProject && len(all) == 0 {
				t.Errorf("%+v: no entry", f)
			}
			if !slices.IsSortedFunc(all, func(a, b entente.RegistryEntry) int {
				if a.DocumentCount != b.DocumentCount {
					return b.DocumentCount - a.DocumentCount
				}
				if a.MentionCount != b.MentionCount {
					return b.MentionCount - a.MentionCount
				}
				return int(a.ID - b.ID)
			}) {
				t.Errorf("%+v: not in order", f)
			}
			var paged []entente.RegistryEntry
			for f.Offset, f.Limit = 0, 2; f.Offset <= len(all)+2; f.Offset += 2 {
				page, n, err := s.RegistryEntries(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if n != total {
					t.Errorf("%+v: total %d, %d on the first page", f, n, total)
				}
				if f.Offset >= len(all) && len(page) != 0 {
					t.Errorf("%+v: a page past the last has %d entries", f, len(page))
				}
				paged = append(paged, page...)
			}
			if !slices.EqualFunc(paged, all, func(a, b entente.RegistryEntry) bool {
				return a.ID == b.ID && slices.Equal(a.Parties, b.Parties) && len(a.Aliases) == len(b.Aliases)
			}) {
				t.Errorf("%+v: the pages together differ from one long page", f)
			}
		}
	})
}
