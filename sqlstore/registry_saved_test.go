package sqlstore_test

import (
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestSavedRegistryIsStored: a store compares each save of the registry
// with what it saved last instead of reading the registry back, and what
// it keeps is what is stored after every save: entries merged, renamed,
// dropped and added, rows added since the last save linked or left
// unlinked, a deletion (after which it reads everything again), and
// another process's save (whose changes it must not take for its own).
// Every citation and entity is linked to the entry that holds it, and
// none other.
func TestSavedRegistryIsStored(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := t.Context()
		itemsOf := func(doc int64) (cits, ents []int64) {
			return idsOf(t, s, `SELECT c.id FROM citations c JOIN versions v ON v.id = c.version_id WHERE v.document_id = $1 ORDER BY c.id`, doc),
				idsOf(t, s, `SELECT e.id FROM entities e JOIN versions v ON v.id = e.version_id WHERE v.document_id = $1 ORDER BY e.id`, doc)
		}
		entry := func(kind entente.RegistryKind, name string, rows ...int64) entente.BuiltEntry {
			e := entente.BuiltEntry{Kind: kind, Name: name, Parties: []string{}, Reason: "test", Confidence: 1, Mentions: len(rows), Documents: 1,
				Aliases: []entente.RegistryAlias{{Alias: name, Language: "zh", Reason: "why " + name, Confidence: 1}}}
			for _, r := range rows {
				e.Items = append(e.Items, entente.ItemKey{RowID: r})
			}
			return e
		}
		// save saves es and checks that each row is linked to the entry
		// holding it and that what the store keeps is what is stored
		save := func(what string, es ...entente.BuiltEntry) {
			t.Helper()
			ids, err := s.SaveRegistry(ctx, es, what, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := map[[2]any]int64{}
			for i, e := range es {
				table := "citations"
				if e.Kind != entente.RegInstrument {
					table = "entities"
				}
				for _, it := range e.Items {
					want[[2]any{table, it.RowID}] = ids[i]
				}
			}
			for _, table := range []string{"citations", "entities"} {
				for _, row := range idsOf(t, s, `SELECT id FROM `+table+` ORDER BY id`) {
					got := int64(rowCount(t, s, `SELECT coalesce(registry_id, 0) FROM `+table+` WHERE id = $1`, row))
					if got != want[[2]any{table, row}] {
						t.Errorf("%s: %s %d linked to %d, want %d", what, table, row, got, want[[2]any{table, row}])
					}
				}
			}
			kept, diff, err := sqlstore.SavedRegistryDiff(ctx, s)
			if err != nil {
				t.Fatal(err)
			}
			if !kept || diff != "" {
				t.Errorf("%s: the store keeps %v what it saved, differing from what is stored: %s", what, kept, diff)
			}
		}
		doc := mustCreate(t, s, corpusDoc(t, statement))
		cits, ents := itemsOf(doc)
		if len(cits) < 2 || len(ents) < 3 {
			t.Fatalf("the statement has %d citations and %d mechanisms and projects, want 2 and 3 at least", len(cits), len(ents))
		}
		save("the first save",
			entry(entente.RegInstrument, "甲", cits[0]), entry(entente.RegInstrument, "乙", cits[1:]...),
			entry(entente.RegMechanism, "丙", ents[0]), entry(entente.RegMechanism, "丁", ents[1:]...))
		save("merged, renamed, dropped and added",
			entry(entente.RegInstrument, "甲乙", cits...),
			entry(entente.RegMechanism, "戊", ents[0]), entry(entente.RegProject, "己"))
		// a statement added: its rows come after what the store saved
		other := mustCreate(t, s, corpusDoc(t, "cn-ae-2019-joint-statement.zh.txt"))
		ocits, oents := itemsOf(other)
		if len(ocits)+len(oents) == 0 {
			t.Fatal("the second statement has no names")
		}
		all := append(append([]int64{}, ents...), oents...)
		save("the rows added linked",
			entry(entente.RegInstrument, "甲乙", append(append([]int64{}, cits...), ocits...)...),
			entry(entente.RegMechanism, "戊", all...))
		save("the rows added unlinked again",
			entry(entente.RegInstrument, "甲乙", cits...), entry(entente.RegMechanism, "戊", ents...))
		// another process saves: links and entries the store did not write
		saveAsAnotherProcess(t, s, cits[0])
		save("after another process's save",
			entry(entente.RegInstrument, "甲乙", cits...), entry(entente.RegMechanism, "戊", ents...))
		if n := rowCount(t, s, `SELECT count(*) FROM registry WHERE mention_count = 99`); n != 0 {
			t.Errorf("after another process's save %d entries keep the counts it wrote", n)
		}
		// a deletion of the newest statement and the same statement
		// again: on SQLite its rows take the deleted rows' ids, which the
		// store had linked
		save("the rows added linked again",
			entry(entente.RegInstrument, "甲乙", append(append([]int64{}, cits...), ocits...)...),
			entry(entente.RegMechanism, "戊", all...))
		if err := s.DeleteDocument(ctx, other); err != nil {
			t.Fatal(err)
		}
		again := mustCreate(t, s, corpusDoc(t, "cn-ae-2019-joint-statement.zh.txt"))
		acits, aents := itemsOf(again)
		save("after a deletion and the same statement again",
			entry(entente.RegInstrument, "甲乙", append(append([]int64{}, cits...), acits...)...),
			entry(entente.RegMechanism, "戊", append(append([]int64{}, ents...), aents...)...))
	})
}

// saveAsAnotherProcess changes the stored registry as another process's
// save would, behind what s keeps: a new generation, citation unlinked,
// and every entry's count set to 99 (which the next save of s must undo).
func saveAsAnotherProcess(t *testing.T, s *sqlstore.Store, citation int64) {
	t.Helper()
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{`UPDATE registry_state SET generation = generation + 1`, nil},
		{`UPDATE citations SET registry_id = NULL WHERE id = $1`, []any{citation}},
		{`UPDATE registry SET mention_count = 99`, nil},
	} {
		if _, err := s.DB().ExecContext(t.Context(), q.sql, q.args...); err != nil {
			t.Fatal(err)
		}
	}
}
