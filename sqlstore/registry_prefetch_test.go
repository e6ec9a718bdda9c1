package sqlstore_test

import (
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestPrefetchedRegistryIsStored reads the stored registry ahead of a
// save, as a new process does while it builds, and checks that what the
// store then keeps is what is stored (entries, names, every row's link),
// that a save from it links every row as built, and that a save after
// another process saved, or with nothing stored, is right all the same.
func TestPrefetchedRegistryIsStored(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := t.Context()
		doc := mustCreate(t, s, corpusDoc(t, statement))
		cits := idsOf(t, s, `SELECT c.id FROM citations c JOIN versions v ON v.id = c.version_id WHERE v.document_id = $1 ORDER BY c.id`, doc)
		ents := idsOf(t, s, `SELECT e.id FROM entities e JOIN versions v ON v.id = e.version_id WHERE v.document_id = $1 ORDER BY e.id`, doc)
		if len(cits) < 2 || len(ents) < 2 {
			t.Fatalf("the statement has %d citations and %d mechanisms and projects, want 2 of each at least", len(cits), len(ents))
		}
		entry := func(kind entente.RegistryKind, name string, rows ...int64) entente.BuiltEntry {
			e := entente.BuiltEntry{Kind: kind, Name: name, Parties: []string{"CN", "RS"}, Reason: "test", Confidence: 0.9,
				Mentions: len(rows), Documents: 1,
				Aliases: []entente.RegistryAlias{{Alias: name, Language: "zh", Reason: "why " + name, Confidence: 1}, {Alias: name + " Ｘ", Language: "en", Reason: "other", Confidence: 0.7}}}
			for _, r := range rows {
				e.Items = append(e.Items, entente.ItemKey{RowID: r})
			}
			return e
		}
		// newProcess forgets what the store saved and reads it ahead
		newProcess := func(what string, wantKept bool) {
			t.Helper()
			sqlstore.ForgetSavedRegistry(s)
			s.PrefetchSavedRegistry(ctx)
			sqlstore.WaitSavedRegistryRead(s)
			kept, diff, err := sqlstore.SavedRegistryDiff(ctx, s)
			if err != nil {
				t.Fatal(err)
			}
			if kept != wantKept || diff != "" {
				t.Errorf("%s: read ahead, the store keeps %v (want %v) what differs from what is stored: %s", what, kept, wantKept, diff)
			}
		}
		save := func(what string, es ...entente.BuiltEntry) {
			t.Helper()
			ids, err := s.SaveRegistry(ctx, es, what, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]map[int64]int64{"citations": {}, "entities": {}}
			for i, e := range es {
				table := "citations"
				if e.Kind != entente.RegInstrument {
					table = "entities"
				}
				for _, it := range e.Items {
					want[table][it.RowID] = ids[i]
				}
			}
			for table, rows := range map[string][]int64{"citations": cits, "entities": ents} {
				for _, row := range rows {
					if got := int64(rowCount(t, s, `SELECT coalesce(registry_id, 0) FROM `+table+` WHERE id = $1`, row)); got != want[table][row] {
						t.Errorf("%s: %s %d linked to %d, want %d", what, table, row, got, want[table][row])
					}
				}
			}
		}

		newProcess("nothing stored", false)
		save("the first save", entry(entente.RegInstrument, "甲", cits[0]), entry(entente.RegMechanism, "丙", ents...))
		newProcess("after the first save", true)
		save("a save from what was read ahead",
			entry(entente.RegInstrument, "甲", cits...), entry(entente.RegMechanism, "丙", ents[0]), entry(entente.RegProject, "丁", ents[1:]...))
		newProcess("after a save from what was read ahead", true)

		// another process saves between the read and the save: what was
		// read is not what is stored any more
		newProcess("before another process's save", true)
		saveAsAnotherProcess(t, s, cits[1])
		save("after another process's save", entry(entente.RegInstrument, "甲", cits...), entry(entente.RegMechanism, "丙", ents...))
		if n := rowCount(t, s, `SELECT count(*) FROM registry WHERE mention_count = 99`); n != 0 {
			t.Errorf("after another process's save %d entries keep the counts it wrote", n)
		}
		newProcess("after the save that followed another process's", true)
	})
}
