package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// SaveRegistry replaces the registry with entries built from the
// extractions of signature, in one transaction; d, if not nil, is the
// editor's decision the rebuild applies, stored with its event. An entry
// keeps the id of the stored entry it shares most names with (among the
// same parties first), so that links to it survive a rebuild. It returns
// the ids of the entries in order.
//
// Only what changed is written. Every ingest rebuilds the registry, and a
// rebuild that rewrote it whole (every entry, every alias, the link of
// every citation and entity, each written twice) took 69 s of the 88 s a
// rebuild took at 100,000 statements, for one new document
// (docs/decisions.md, "The registry's rebuild at 100,000 statements").
func (s *Store) SaveRegistry(ctx context.Context, entries []entente.BuiltEntry, signature string, d *entente.RegistryDecision) ([]int64, error) {
	ids := make([]int64, len(entries))
	saved := s.saved.take() // what this store saved last, if it is what is stored
	var next *savedRegistry
	err := s.write(ctx, func(tx *sql.Tx) error {
		now := s.now()
		if d != nil {
			if err := s.insertDecision(ctx, tx, d); err != nil {
				return err
			}
		}
		generation, changes, err := s.registryGeneration(ctx, tx)
		if err != nil {
			return err
		}
		if saved != nil && (saved.generation != generation || saved.changes != changes) {
			saved = nil // another process saved, or a build's input changed but by additions
		}
		var old map[int64]*storedEntry
		if saved != nil {
			old = saved.entries
		} else if old, err = readStoredEntries(ctx, tx); err != nil {
			return fmt.Errorf("read registry: %w", err)
		}
		keys := aliasKeys(entries)
		taken := keepRegistryIDs(entries, keys, old, ids)
		var gone []any
		for id := range old {
			if !taken[id] {
				gone = append(gone, id)
			}
		}
		// their aliases, added names and links go with them (ON DELETE)
		if err := execIn(ctx, tx, `DELETE FROM registry WHERE id IN `, gone); err != nil {
			return fmt.Errorf("delete registry entries: %w", err)
		}
		if err := s.writeEntries(ctx, tx, entries, ids, old, now); err != nil {
			return err
		}
		if err := s.writeAliases(ctx, tx, entries, ids, old); err != nil {
			return err
		}
		links, err := s.linkItems(ctx, tx, entries, ids, saved)
		if err != nil {
			return err
		}
		var added [][]any // the sentences of names analysts added
		for i, e := range entries {
			for _, it := range e.Items {
				for _, label := range it.Added {
					added = append(added, []any{ids[i], it.VersionID, label, it.Name})
				}
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM registry_added_names`); err != nil {
			return fmt.Errorf("clear added names: %w", err)
		}
		err = s.insertRows(ctx, tx, "registry_added_names", []string{"registry_id", "version_id", "label", "name"}, len(added),
			func(i int) []any { return added[i] }, "", nil)
		if err != nil {
			return fmt.Errorf("insert added names: %w", err)
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO registry_state (id, signature, built_at, generation) VALUES (1, $1, $2, 1)
			ON CONFLICT (id) DO UPDATE SET signature = excluded.signature, built_at = excluded.built_at,
				generation = registry_state.generation + 1
			RETURNING generation`, signature, now).Scan(&generation)
		if err != nil {
			return fmt.Errorf("registry state: %w", err)
		}
		next = &savedRegistry{generation: generation, changes: changes, entries: storedEntries(entries, keys, ids), ids: slices.Clone(ids), links: links.rows, last: links.last}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("save registry: %w", err)
	}
	s.saved.put(next)
	return ids, nil
}

// storedEntry is an entry of the registry as stored: its columns as the
// rebuild writes them, its names folded (entente.NameKey), and its alias
// rows in order.
type storedEntry struct {
	vals    []any
	aliases []string
	rows    []entente.RegistryAlias
}

// entryValues are an entry's columns as stored, in the order of
// writeEntries' statements: kind, name, instrument_kind, year, parties,
// document_id, reason, confidence, mention_count, document_count.
func entryValues(e entente.BuiltEntry) []any {
	// as the rows read them back (int64 or nil), so that sameValues can
	// compare them
	var doc, year any
	if e.DocumentID != 0 {
		doc = e.DocumentID
	}
	if e.Year != nil {
		year = int64(*e.Year)
	}
	return []any{string(e.Kind), e.Name, string(e.InstrumentKind), year, strings.Join(e.Parties, ","), doc,
		e.Reason, e.Confidence, int64(e.Mentions), int64(e.Documents)}
}

// readStoredEntries reads every entry with its folded names.
func readStoredEntries(ctx context.Context, tx *sql.Tx) (map[int64]*storedEntry, error) {
	old := map[int64]*storedEntry{}
	err := queryRows(ctx, tx, `SELECT id, kind, name, instrument_kind, year, parties, document_id, reason, confidence, mention_count, document_count
		FROM registry`, nil, func(rows *sql.Rows) error {
		var (
			id                         int64
			kind, name, ikind, parties string
			reason                     string
			year, doc                  sql.NullInt64
			confidence                 float64
			mentions, documents        int64
		)
		if err := rows.Scan(&id, &kind, &name, &ikind, &year, &parties, &doc, &reason, &confidence, &mentions, &documents); err != nil {
			return err
		}
		var y, dv any
		if year.Valid {
			y = year.Int64
		}
		if doc.Valid {
			dv = doc.Int64
		}
		old[id] = &storedEntry{vals: []any{kind, name, ikind, y, parties, dv, reason, confidence, mentions, documents}}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// each name's folded form as the save wrote it beside the name (the
	// column search reads), rather than folded again: 0.3 s of CPU at
	// 100,000 statements; a row written before the column was is folded here
	err = queryRows(ctx, tx, `SELECT registry_id, alias, language, reason, confidence, folded FROM registry_aliases ORDER BY registry_id, position`, nil, func(rows *sql.Rows) error {
		var (
			id     int64
			a      entente.RegistryAlias
			folded string
		)
		if err := rows.Scan(&id, &a.Alias, &a.Language, &a.Reason, &a.Confidence, &folded); err != nil {
			return err
		}
		if folded == "" {
			folded = entente.NameKey(a.Alias)
		}
		if o := old[id]; o != nil {
			o.aliases = append(o.aliases, folded)
			o.rows = append(o.rows, a)
		}
		return nil
	})
	return old, err
}

// aliasKeys are the folded names (entente.NameKey) of each entry's
// aliases, made once a save for the ids kept and the copy kept.
func aliasKeys(entries []entente.BuiltEntry) [][]string {
	out := make([][]string, len(entries))
	for i, e := range entries {
		out[i] = make([]string, len(e.Aliases))
		for j, a := range e.Aliases {
			out[i][j] = entente.NameKey(a.Alias)
		}
	}
	return out
}

// keepRegistryIDs gives each entry the id of the stored entry most of its
// names had, if still free, and returns the ids given. A name may be an
// entry's among some parties and another's among others (a mechanism of
// each pair): the names of an entry of the same kind and parties vote
// first, and only for an entry none of those found, the names of any.
// keys are the folded names of the entries' aliases (aliasKeys).
func keepRegistryIDs(entries []entente.BuiltEntry, keys [][]string, old map[int64]*storedEntry, ids []int64) map[int64]bool {
	// keyed by their parts, not a joined string: some 75,000 names a save
	// at 100,000 statements
	type nameKey struct{ kind, parties, name string }
	exact, loose := map[nameKey]int64{}, map[nameKey]int64{} // (kind, parties, name), (kind, name) → entry (the lowest id)
	for id, o := range old {
		kind, parties := o.vals[0].(string), o.vals[4].(string)
		for _, a := range o.aliases {
			for _, mk := range []struct {
				m map[nameKey]int64
				k nameKey
			}{{exact, nameKey{kind, parties, a}}, {loose, nameKey{kind: kind, name: a}}} {
				if was, ok := mk.m[mk.k]; !ok || id < was {
					mk.m[mk.k] = id
				}
			}
		}
	}
	taken := map[int64]bool{}
	vote := func(i int, key func(a string) nameKey, m map[nameKey]int64) bool {
		var best int64
		if len(keys[i]) == 1 { // most entries: one name, one vote
			if id, ok := m[key(keys[i][0])]; ok && !taken[id] {
				best = id
			}
		} else {
			votes := map[int64]int{}
			for _, a := range keys[i] {
				if id, ok := m[key(a)]; ok && !taken[id] {
					votes[id]++
				}
			}
			for id, n := range votes {
				if best == 0 || n > votes[best] || (n == votes[best] && id < best) {
					best = id
				}
			}
		}
		if best != 0 {
			ids[i], taken[best] = best, true
		}
		return best != 0
	}
	for i, e := range entries {
		kind, parties := string(e.Kind), strings.Join(e.Parties, ",")
		vote(i, func(a string) nameKey { return nameKey{kind, parties, a} }, exact)
	}
	for i, e := range entries {
		if ids[i] == 0 {
			kind := string(e.Kind)
			vote(i, func(a string) nameKey { return nameKey{kind: kind, name: a} }, loose)
		}
	}
	return taken
}

// writeEntries updates the kept entries that changed and inserts the new
// ones, setting their ids. A kept entry whose name changes is renamed
// out of the way first, so that no two entries ever share a name. The new
// entries are inserted together (on PostgreSQL from arrays): a first build
// at 100,000 statements makes some 70,000, and one INSERT each was a round
// trip each.
func (s *Store) writeEntries(ctx context.Context, tx *sql.Tx, entries []entente.BuiltEntry, ids []int64, old map[int64]*storedEntry, now any) error {
	var renamed []any
	for i, e := range entries {
		if ids[i] != 0 && old[ids[i]].vals[1] != e.Name {
			renamed = append(renamed, ids[i])
		}
	}
	if err := execIn(ctx, tx, `UPDATE registry SET name = '#' || id WHERE id IN `, renamed); err != nil {
		return fmt.Errorf("rename registry entries: %w", err)
	}
	var added []int // the entries to insert
	for i, e := range entries {
		if ids[i] == 0 {
			added = append(added, i)
			continue
		}
		vals := entryValues(e)
		if sameValues(vals, old[ids[i]].vals) {
			continue
		}
		_, err := tx.ExecContext(ctx, `UPDATE registry SET kind = $1, name = $2, instrument_kind = $3, year = $4, parties = $5,
			document_id = $6, reason = $7, confidence = $8, mention_count = $9, document_count = $10 WHERE id = $11`,
			append(vals, ids[i])...)
		if err != nil {
			return fmt.Errorf("update entry %q: %w", e.Name, err)
		}
	}
	// an entry's kind and name are its key (no two entries share them):
	// the ids come back by it, in whatever order the database returns
	// the rows
	at := make(map[[2]string]int, len(added))
	for _, i := range added {
		at[[2]string{string(entries[i].Kind), entries[i].Name}] = i
	}
	err := s.insertRows(ctx, tx, "registry", []string{"kind", "name", "instrument_kind", "year", "parties", "document_id", "reason",
		"confidence", "mention_count", "document_count", "created_at"}, len(added),
		func(k int) []any { return append(entryValues(entries[added[k]]), now) },
		"id, kind, name", func(rows *sql.Rows) error {
			var (
				id         int64
				kind, name string
			)
			if err := rows.Scan(&id, &kind, &name); err != nil {
				return err
			}
			i, ok := at[[2]string{kind, name}]
			if !ok {
				return fmt.Errorf("insert entries: the database returned an entry %s %q not inserted", kind, name)
			}
			ids[i] = id
			return nil
		})
	if err != nil {
		return fmt.Errorf("insert entries: %w", err)
	}
	for _, i := range added {
		if ids[i] == 0 {
			return fmt.Errorf("insert entries: no id returned for %q", entries[i].Name)
		}
	}
	return nil
}

// sameValues says whether an entry's columns are as stored.
func sameValues(a, b []any) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// writeAliases writes the names of the entries whose names changed (or
// that are new), in order: an entry's rows are deleted and written again.
// A rebuild after one new statement changes the names of a few entries;
// writing all of them anew (74,122 rows at 100,000 statements, with their
// two indexes) took 1.6 s of each rebuild.
func (s *Store) writeAliases(ctx context.Context, tx *sql.Tx, entries []entente.BuiltEntry, ids []int64, old map[int64]*storedEntry) error {
	type aliasRow struct {
		id  int64
		pos int
		a   entente.RegistryAlias
	}
	var (
		rows    []aliasRow
		changed []any // kept entries whose names are written again
	)
	for i, e := range entries {
		if o := old[ids[i]]; o != nil {
			if sameAliases(o.rows, e.Aliases) {
				continue
			}
			changed = append(changed, ids[i])
		}
		for p, a := range e.Aliases {
			rows = append(rows, aliasRow{ids[i], p, a})
		}
	}
	if err := execIn(ctx, tx, `DELETE FROM registry_aliases WHERE registry_id IN `, changed); err != nil {
		return fmt.Errorf("clear aliases: %w", err)
	}
	err := s.insertRows(ctx, tx, "registry_aliases", []string{"registry_id", "alias", "language", "reason", "confidence", "position", "folded"}, len(rows),
		func(i int) []any {
			r := rows[i]
			return []any{r.id, r.a.Alias, r.a.Language, r.a.Reason, r.a.Confidence, r.pos, entente.NameKey(r.a.Alias)}
		}, "", nil)
	if err != nil {
		return fmt.Errorf("insert aliases: %w", err)
	}
	return nil
}

// sameAliases says whether an entry's names are stored as built: the same
// names in the same order, each with its language, reason and confidence.
func sameAliases(stored, built []entente.RegistryAlias) bool {
	return slices.EqualFunc(stored, built, func(a, b entente.RegistryAlias) bool {
		return a.Alias == b.Alias && a.Language == b.Language && a.Reason == b.Reason && a.Confidence == b.Confidence
	})
}

// storedLinks are the entries of the citations' ([0]) and entities' ([1])
// rows as stored, each an index into the entries' ids, and the largest
// row id of each table.
type storedLinks struct {
	rows [2]*rowIndex
	last [2]int64
}

// linkItems points each citation and entity at its entry, writing only
// the rows whose entry changed (and unlinking those no entry holds), and
// returns the links as stored after. It compares with every row's link as
// the database has it, or, given what this store saved last (and is still
// stored), with that and the rows added since.
func (s *Store) linkItems(ctx context.Context, tx *sql.Tx, entries []entente.BuiltEntry, ids []int64, saved *savedRegistry) (storedLinks, error) {
	// each row's entry by its id, an index into entries (a map of the
	// 830,000 rows at 100,000 statements took a tenth of a rebuild)
	var n int
	for _, e := range entries {
		n += len(e.Items)
	}
	out := storedLinks{rows: [2]*rowIndex{newRowIndex(n), newRowIndex(n)}}
	for i, e := range entries {
		t := 0
		if e.Kind != entente.RegInstrument {
			t = 1
		}
		for _, it := range e.Items {
			if it.RowID != 0 {
				out.rows[t].set(it.RowID, i)
			}
		}
	}
	for t, table := range []string{"citations", "entities"} {
		want := out.rows[t]
		var changes []linkChange
		// compare notes a row whose entry is now (0 for none)
		compare := func(row, now int64) {
			if row > out.last[t] {
				out.last[t] = row
			}
			i, ok := want.get(row)
			switch {
			case ok && now != ids[i]:
				changes = append(changes, linkChange{row, ids[i]})
			case !ok && now != 0:
				changes = append(changes, linkChange{row, nil})
			}
		}
		query := `SELECT id, coalesce(registry_id, 0) FROM ` + table
		if saved != nil {
			// the rows it saved are as it saved them; those it did not
			// link and the build does not either stay unlinked
			out.last[t] = saved.last[t]
			seen := func(row int64) (int64, bool) {
				if j, ok := saved.links[t].get(row); ok {
					return saved.ids[j], true
				}
				return 0, row <= saved.last[t]
			}
			want.each(func(row int64, _ int) {
				if now, ok := seen(row); ok {
					compare(row, now)
				}
			})
			saved.links[t].each(func(row int64, j int) {
				if _, ok := want.get(row); !ok {
					compare(row, saved.ids[j])
				}
			})
			query += ` WHERE id > ` + strconv.FormatInt(saved.last[t], 10)
		}
		err := queryRows(ctx, tx, query, nil, func(rows *sql.Rows) error {
			var row, now int64
			if err := rows.Scan(&row, &now); err != nil {
				return err
			}
			compare(row, now)
			return nil
		})
		if err != nil {
			return out, fmt.Errorf("read %s' links: %w", table, err)
		}
		if len(changes) == 0 {
			continue
		}
		if err := s.writeLinks(ctx, tx, table, changes); err != nil {
			return out, fmt.Errorf("link %s: %w", table, err)
		}
	}
	return out, nil
}

// linksThroughTable is how many changed links SQLite writes through a
// temporary table rather than one UPDATE a row.
const linksThroughTable = 4096

// writeLinksThroughTable writes many changes to table's links on SQLite:
// into a temporary table, then one UPDATE … FROM it. A first build links
// every mention, 830,000 at 100,000 statements: one prepared UPDATE a row
// took 11.4 s of a first build's 25, each row a call through the driver.
// (The UPDATE's own time is mostly SQLite's check of each row's foreign
// key to its entry; dropping the index of the link during it and making it
// again after saved nothing measurable.)
func (s *Store) writeLinksThroughTable(ctx context.Context, tx *sql.Tx, table string, changes []linkChange) error {
	if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE registry_links_new (row_id INTEGER PRIMARY KEY, entry INTEGER)`); err != nil {
		return err
	}
	err := s.insertRows(ctx, tx, "registry_links_new", []string{"row_id", "entry"}, len(changes),
		func(i int) []any { return []any{changes[i].row, changes[i].entry} }, "", nil)
	if err == nil {
		_, err = tx.ExecContext(ctx, `UPDATE `+table+` SET registry_id = l.entry FROM registry_links_new l WHERE `+table+`.id = l.row_id`)
	}
	if _, derr := tx.ExecContext(ctx, `DROP TABLE temp.registry_links_new`); err == nil {
		err = derr
	}
	return err
}

// linkChange sets a citation's or entity's entry (nil: none).
type linkChange struct {
	row   int64
	entry any
}

// writeLinks writes the changes to table's links: where the database
// takes arrays, in two statements (a first build links half a million
// mentions at 100,000 statements, and one statement a row took 75 s of
// round trips to PostgreSQL); else, for a few changes, one prepared
// statement a row, which in SQLite's process costs no round trip (a join
// with a list of values took twice as long), and for many, through a
// temporary table (writeLinksThroughTable).
func (s *Store) writeLinks(ctx context.Context, tx *sql.Tx, table string, changes []linkChange) error {
	if s.arrays() {
		var rows, entries, unlinked []int64
		for _, c := range changes {
			if id, ok := c.entry.(int64); ok {
				rows, entries = append(rows, c.row), append(entries, id)
			} else {
				unlinked = append(unlinked, c.row)
			}
		}
		if len(rows) > 0 {
			_, err := tx.ExecContext(ctx, `UPDATE `+table+` SET registry_id = v.entry
				FROM unnest($1::bigint[], $2::bigint[]) AS v(row_id, entry) WHERE `+table+`.id = v.row_id`, rows, entries)
			if err != nil {
				return err
			}
		}
		if len(unlinked) > 0 {
			if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET registry_id = NULL WHERE id = ANY($1)`, unlinked); err != nil {
				return err
			}
		}
		return nil
	}
	if len(changes) >= linksThroughTable {
		return s.writeLinksThroughTable(ctx, tx, table, changes)
	}
	st, err := tx.PrepareContext(ctx, `UPDATE `+table+` SET registry_id = $1 WHERE id = $2`)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, c := range changes {
		if _, err := st.ExecContext(ctx, c.entry, c.row); err != nil {
			return err
		}
	}
	return st.Close()
}
