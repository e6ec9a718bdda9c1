package connect_test

import (
	"context"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/connect"
	"github.com/entente/entente/sqlstore"
)

// TestReextractionMovesTheRegistry: a re-extraction that reads a name
// otherwise, or reads none where there were names, leaves the registry
// behind, and the rebuild brings what a whole read makes. SQLite gives a
// deleted row's id to the next insert, so the newest document's names
// come back under the same ids and counts: what was stored, not what was
// counted, must move the registry.
func TestReextractionMovesTheRegistry(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := cli(context.Background())
		ids := ingestLibrary(t, ctx, s, "cn-rs-2013.zh.txt", "cn-rs-2016.zh.txt", "cn-rs-2024.zh.txt")
		c, err := connect.New(s)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Fresh(ctx); err != nil {
			t.Fatal(err)
		}
		reextract := func(what string, doc int64, change func(x *entente.Extraction)) {
			t.Helper()
			vs, err := s.VersionsToReextract(ctx, doc, 0, 10)
			if err != nil || len(vs) == 0 {
				t.Fatalf("%s: versions %v %v", what, vs, err)
			}
			x := registry.Extract(vs[0].Text)
			change(x)
			if _, err := s.ReplaceExtraction(ctx, vs[0].ID, x, registry.ID()); err != nil {
				t.Fatal(err)
			}
			if behind, err := c.Behind(ctx); err != nil || !behind {
				t.Fatalf("%s: the registry behind %v (%v), want behind", what, behind, err)
			}
			if err := c.Fresh(ctx); err != nil {
				t.Fatal(err)
			}
			sameAsFreshBuild(t, ctx, s, what)
		}
		const renamed = "中塞两国改名委员会"
		reextract("the newest read otherwise", ids["cn-rs-2024.zh.txt"], func(x *entente.Extraction) {
			if len(x.Mechanisms) == 0 {
				t.Fatal("the 2024 statement names no mechanism")
			}
			old := x.Mechanisms[0].Name
			x.Mechanisms[0].Name = renamed
			for i := range x.Sentences {
				for j, m := range x.Sentences[i].Mechanisms {
					if m == old {
						x.Sentences[i].Mechanisms[j] = renamed
					}
				}
			}
		})
		if !slices.ContainsFunc(allEntries(t, ctx, s), func(e entente.RegistryEntry) bool { return e.Name == renamed }) {
			t.Errorf("after the newest was read otherwise the registry has no %s", renamed)
		}
		reextract("an older one read without names", ids["cn-rs-2013.zh.txt"], func(x *entente.Extraction) {
			x.References, x.Mechanisms, x.Projects = nil, nil, nil
			for i := range x.Sentences {
				x.Sentences[i].References, x.Sentences[i].Mechanisms, x.Sentences[i].Projects = nil, nil, nil
			}
		})
	})
}
