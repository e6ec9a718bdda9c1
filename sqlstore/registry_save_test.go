package sqlstore_test

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestRegistryKeepsItsIDs: a rebuild of the registry keeps each entry's
// id, so that links to it survive, also where one name is several
// entries' among different parties (a working group of each pair); it
// writes an entry's new counts, links each mention to its entry and
// unlinks those no entry holds, gives a new entry a new id (never one an
// entry had before) and drops an entry no longer built.
func TestRegistryKeepsItsIDs(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := t.Context()
		doc := mustCreate(t, s, corpusDoc(t, statement))
		// the statement's mechanisms and projects
		rows := idsOf(t, s, `SELECT e.id FROM entities e JOIN versions v ON v.id = e.version_id WHERE v.document_id = $1 ORDER BY e.id`, doc)
		if len(rows) < 3 {
			t.Fatalf("the statement has %d mechanisms and projects, want 3 at least", len(rows))
		}
		entry := func(kind entente.RegistryKind, name string, parties []string, mentions int, items ...int64) entente.BuiltEntry {
			e := entente.BuiltEntry{Kind: kind, Name: name, Parties: parties, Reason: "test", Confidence: 1, Mentions: mentions, Documents: 1,
				Aliases: []entente.RegistryAlias{{Alias: name, Language: "zh", Confidence: 1}}}
			if kind == entente.RegMechanism { // the name each pair's group goes by
				e.Aliases = append(e.Aliases, entente.RegistryAlias{Alias: "工作组", Language: "zh", Confidence: 1})
			}
			for _, r := range items {
				e.Items = append(e.Items, entente.ItemKey{RowID: r})
			}
			return e
		}
		save := func(es ...entente.BuiltEntry) []int64 {
			t.Helper()
			ids, err := s.SaveRegistry(ctx, es, "test", nil)
			if err != nil {
				t.Fatal(err)
			}
			return ids
		}
		linked := func(row int64) int64 {
			t.Helper()
			var id *int64
			if err := s.DB().QueryRowContext(ctx, `SELECT registry_id FROM entities WHERE id = $1`, row).Scan(&id); err != nil {
				t.Fatal(err)
			}
			if id == nil {
				return 0
			}
			return *id
		}
		rs, ae := []string{"CN", "RS"}, []string{"AE", "CN"}
		first := save(
			entry(entente.RegMechanism, "工作组 (CN–RS)", rs, 1, rows[0]),
			entry(entente.RegMechanism, "工作组 (AE–CN)", ae, 1, rows[1]),
			entry(entente.RegProject, "大桥", rs, 1, rows[2]),
		)
		// the same, in another order, the second counted twice now and
		// holding the first's mention; the bridge no longer built; a new
		// entry
		again := save(
			entry(entente.RegMechanism, "工作组 (AE–CN)", ae, 2, rows[1], rows[0]),
			entry(entente.RegProject, "铁路", rs, 1),
			entry(entente.RegMechanism, "工作组 (CN–RS)", rs, 1),
		)
		if again[0] != first[1] || again[2] != first[0] {
			t.Errorf("ids after a rebuild: %v, want the working groups' %d and %d kept", again, first[1], first[0])
		}
		if again[1] == first[0] || again[1] == first[1] || again[1] == 0 {
			t.Errorf("the new entry's id %d, want one of its own", again[1])
		}
		// the bridge had the largest id: a link to it must not show the
		// railway now
		if again[1] == first[2] {
			t.Errorf("the new entry took the id %d of the entry dropped in the same rebuild", again[1])
		}
		if n := rowCount(t, s, `SELECT count(*) FROM registry WHERE name = '大桥'`); n != 0 {
			t.Errorf("the entry no longer built is still stored")
		}
		if n := rowCount(t, s, `SELECT mention_count FROM registry WHERE id = $1`, again[0]); n != 2 {
			t.Errorf("the kept entry counts %d mentions, want its new 2", n)
		}
		if got := [3]int64{linked(rows[0]), linked(rows[1]), linked(rows[2])}; got != [3]int64{again[0], again[0], 0} {
			t.Errorf("mentions linked to %v, want both working groups' to %d and the bridge's to none", got, again[0])
		}
	})
}

// TestRegistryWritesChangedNames: a rebuild writes the names of the
// entries whose names changed, and of new entries, and leaves the rows of
// an entry whose names are as stored untouched (SQLite's rowid,
// PostgreSQL's xmin: the row was not written again); every entry's names
// are then stored as built, in order.
func TestRegistryWritesChangedNames(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := t.Context()
		version := "rowid"
		if s.DB().Driver() != nil && !strings.Contains(fmt.Sprintf("%T", s.DB().Driver()), "sqlite") {
			version = "xmin::text"
		}
		entry := func(name string, aliases ...entente.RegistryAlias) entente.BuiltEntry {
			return entente.BuiltEntry{Kind: entente.RegInstrument, Name: name, Parties: []string{"CN", "RS"}, Reason: "test", Confidence: 1,
				Aliases: aliases}
		}
		al := func(name, why string, conf float64) entente.RegistryAlias {
			return entente.RegistryAlias{Alias: name, Language: "zh", Reason: why, Confidence: conf}
		}
		type row struct {
			alias, language, reason string
			confidence              float64
			version                 string
		}
		stored := func(id int64) []row {
			t.Helper()
			rs, err := s.DB().QueryContext(ctx, `SELECT alias, language, reason, confidence, `+version+` FROM registry_aliases
				WHERE registry_id = $1 ORDER BY position`, id)
			if err != nil {
				t.Fatal(err)
			}
			defer rs.Close()
			var out []row
			for rs.Next() {
				var r row
				if err := rs.Scan(&r.alias, &r.language, &r.reason, &r.confidence, &r.version); err != nil {
					t.Fatal(err)
				}
				out = append(out, r)
			}
			return out
		}
		// the entry that stays as it is comes second, so that its rows,
		// were they written again, would not take the same rowids
		first := []entente.BuiltEntry{
			entry("乙协定", al("乙协定", "canonical", 1), al("乙", "short_form", 0.8)),
			entry("甲协定", al("甲协定", "canonical", 1), al("甲", "short_form", 0.8)),
			entry("丙协定", al("丙协定", "canonical", 1)),
		}
		ids, err := s.SaveRegistry(ctx, first, "one", nil)
		if err != nil {
			t.Fatal(err)
		}
		before := map[int64][]row{}
		for _, id := range ids {
			before[id] = stored(id)
		}
		second := []entente.BuiltEntry{
			first[1], // as stored
			entry("乙协定", al("乙协定", "canonical", 1), al("乙", "first_words", 0.7)), // a name's reason changed
			entry("丙协定", al("丙协定", "canonical", 1), al("丙", "short_form", 0.8)),  // a name added
			entry("丁协定", al("丁协定", "canonical", 1)),                              // new
		}
		again, err := s.SaveRegistry(ctx, second, "two", nil)
		if err != nil {
			t.Fatal(err)
		}
		if again[0] != ids[1] || again[1] != ids[0] || again[2] != ids[2] {
			t.Fatalf("ids %v, want %v kept", again[:3], ids)
		}
		for i, e := range second {
			got := stored(again[i])
			if len(got) != len(e.Aliases) {
				t.Errorf("%s: %d names stored, want %d", e.Name, len(got), len(e.Aliases))
				continue
			}
			for p, a := range e.Aliases {
				if g := got[p]; g.alias != a.Alias || g.language != a.Language || g.reason != a.Reason || g.confidence != a.Confidence {
					t.Errorf("%s: name %d stored as %+v, want %+v", e.Name, p, g, a)
				}
			}
		}
		if got := stored(ids[1]); !slices.Equal(got, before[ids[1]]) {
			t.Errorf("the entry whose names did not change: rows %+v, were %+v (written again)", got, before[ids[1]])
		}
	})
}

// TestRegistryLinksManyMentions: a rebuild that moves thousands of
// mentions (as a first build does; SQLite writes them through a temporary
// table past sqlstore.LinksThroughTable) links each to its entry and
// unlinks those no entry holds.
func TestRegistryLinksManyMentions(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := t.Context()
		doc := mustCreate(t, s, corpusDoc(t, statement))
		var version int64
		if err := s.DB().QueryRowContext(ctx, `SELECT id FROM versions WHERE document_id = $1`, doc).Scan(&version); err != nil {
			t.Fatal(err)
		}
		n := sqlstore.LinksThroughTable + 500
		tx, err := s.DB().BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i := range n {
			if _, err := tx.ExecContext(ctx, `INSERT INTO citations (version_id, title, kind) VALUES ($1, $2, 'other')`, version, fmt.Sprintf("文件%d", i)); err != nil {
				t.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		rows := idsOf(t, s, `SELECT id FROM citations ORDER BY id`)
		// three entries, kept by both rebuilds: the second moves every
		// mention to the next entry and leaves one in five in none
		save := func(shift int, skipFifth bool) map[int64]int64 {
			t.Helper()
			var es []entente.BuiltEntry
			for k := range 3 {
				name := fmt.Sprintf("协定%d", k)
				es = append(es, entente.BuiltEntry{Kind: entente.RegInstrument, Name: name, Reason: "test", Confidence: 1,
					Aliases: []entente.RegistryAlias{{Alias: name, Language: "zh", Confidence: 1}}})
			}
			want := map[int64]int64{}
			at := map[int64]int{}
			for i, r := range rows {
				if skipFifth && i%5 == 0 {
					continue
				}
				k := (i + shift) % 3
				es[k].Items = append(es[k].Items, entente.ItemKey{RowID: r})
				at[r] = k
			}
			ids, err := s.SaveRegistry(ctx, es, fmt.Sprint(shift), nil)
			if err != nil {
				t.Fatal(err)
			}
			for r, k := range at {
				want[r] = ids[k]
			}
			return want
		}
		for _, c := range []struct {
			shift     int
			skipFifth bool
		}{{0, false}, {1, true}} {
			want := save(c.shift, c.skipFifth)
			got := map[int64]int64{}
			rs, err := s.DB().QueryContext(ctx, `SELECT id, registry_id FROM citations WHERE registry_id IS NOT NULL`)
			if err != nil {
				t.Fatal(err)
			}
			for rs.Next() {
				var id, entry int64
				if err := rs.Scan(&id, &entry); err != nil {
					t.Fatal(err)
				}
				got[id] = entry
			}
			rs.Close()
			if !maps.Equal(got, want) {
				t.Errorf("rebuild %+v: %d mentions linked, want %d, or linked to other entries", c, len(got), len(want))
			}
		}
	})
}
