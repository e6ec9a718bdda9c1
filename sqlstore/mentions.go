package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/entente/entente"
)

// An extraction states each mention twice: a reference (or mechanism,
// project) lists the sentences that cite it, and a sentence lists the
// references it cites. The store keeps one row per mention with its place
// in both lists, so that both come back in their order, even if a list was
// edited so that the two no longer agree.

// mention is one row of citation_sentences or entity_sentences: item and
// sentence are indexes, itemPos and sentencePos places in the two lists
// (-1 where the mention stands in one list only).
type mention struct {
	item, sentence       int
	itemPos, sentencePos int
}

// pairMentions matches the items' lists of sentence labels with the
// sentences' lists of item keys. It returns the mentions and the keys that
// only sentences name (they get an item row with no place in the list).
func pairMentions(keys []string, itemSents [][]string, labels []string, sentItems [][]string) (extra []string, ms []mention, err error) {
	index := make(map[string]int, len(keys))
	for i, k := range keys {
		if _, dup := index[k]; dup {
			return nil, nil, fmt.Errorf("%q is listed twice", k)
		}
		index[k] = i
	}
	sentence := make(map[string]int, len(labels))
	for i, l := range labels {
		sentence[l] = i
	}
	// A mention is keyed by its item, its sentence and which of their
	// mentions it is (a sentence may cite an item twice).
	type key struct{ item, sentence, nth int }
	nth := map[[2]int]int{}
	next := func(i, s int) key {
		k := key{i, s, nth[[2]int{i, s}]}
		nth[[2]int{i, s}]++
		return k
	}
	pending := map[key]int{} // the item side's mentions, by key
	for i, ls := range itemSents {
		for p, l := range ls {
			s, ok := sentence[l]
			if !ok {
				return nil, nil, fmt.Errorf("%q cites unknown sentence %q", keys[i], l)
			}
			pending[next(i, s)] = len(ms)
			ms = append(ms, mention{item: i, sentence: s, itemPos: p, sentencePos: -1})
		}
	}
	clear(nth)
	for s, items := range sentItems {
		for q, k := range items {
			i, ok := index[k]
			if !ok {
				i = len(keys) + len(extra)
				index[k] = i
				extra = append(extra, k)
			}
			if m, ok := pending[next(i, s)]; ok {
				ms[m].sentencePos = q
				continue
			}
			ms = append(ms, mention{item: i, sentence: s, itemPos: -1, sentencePos: q})
		}
	}
	return extra, ms, nil
}

// mentionList is one version's items of one kind (references,
// mechanisms or projects) with their mentions, to write.
type mentionList struct {
	w     *versionWrite
	kind  string // "" for references, else the entity kind
	keys  []string
	extra []string // keys only sentences name
	ms    []mention
	ids   []int64 // the items' ids, once written
}

// index maps each key to its item's place.
func (l *mentionList) index() map[string]int {
	m := make(map[string]int, len(l.keys)+len(l.extra))
	for i, k := range l.keys {
		m[k] = i
	}
	for i, k := range l.extra {
		m[k] = len(l.keys) + i
	}
	return m
}

// insertMentions writes the versions' references, mechanisms and projects
// with the sentences that mention them, once the sentences have their ids:
// each table's rows of every version in one statement.
func (s *Store) insertMentions(ctx context.Context, tx *sql.Tx, vs []*versionWrite) error {
	var refs, ents []*mentionList
	for _, w := range vs {
		x := w.x
		labels := make([]string, len(x.Sentences))
		for i, st := range x.Sentences {
			labels[i] = st.ID
		}
		r, err := citationList(w, labels)
		if err != nil {
			return fmt.Errorf("insert references: %w", err)
		}
		refs = append(refs, r)
		for _, kind := range []string{"mechanism", "project"} {
			e, err := entityList(w, kind, labels)
			if err != nil {
				return fmt.Errorf("insert %ss: %w", kind, err)
			}
			ents = append(ents, e)
		}
	}
	type ref struct {
		l *mentionList
		i int
	}
	type listKey struct {
		vid  int64
		kind string
	}
	items := func(ls []*mentionList) ([]ref, map[listKey]map[string]int) {
		var all []ref
		idx := map[listKey]map[string]int{}
		for _, l := range ls {
			l.ids = make([]int64, len(l.keys)+len(l.extra))
			idx[listKey{l.w.vid, l.kind}] = l.index()
			for i := range l.ids {
				all = append(all, ref{l, i})
			}
		}
		return all, idx
	}
	lists := func(ls []*mentionList) map[listKey]*mentionList {
		m := map[listKey]*mentionList{}
		for _, l := range ls {
			m[listKey{l.w.vid, l.kind}] = l
		}
		return m
	}
	// Item names are unique within a version and kind, so each returned
	// row is filed under its version, kind and name.
	file := func(byList map[listKey]*mentionList, idx map[listKey]map[string]int, vid int64, kind, key string, id int64) error {
		k := listKey{vid, kind}
		l := byList[k]
		i, ok := idx[k][key]
		if l == nil || !ok {
			return fmt.Errorf("insert returned item %q of version %d, not one written", key, vid)
		}
		l.ids[i] = id
		return nil
	}
	// Where the writer binds directly (SQLite), the items' ids are
	// reserved and their rows return nothing, as the sentences' do: a
	// RETURNING clause makes SQLite keep the rows in a table of their own
	// until the statement ends, and each goes back through database/sql.
	// Elsewhere (PostgreSQL) the ids come back with the rows, in the one
	// round trip.
	reserve := func(table string, all []ref) ([]int64, error) {
		if !s.bindsDirectly() || len(all) == 0 {
			return nil, nil
		}
		ids, err := s.reserveIDs(ctx, tx, table, len(all))
		if err != nil {
			return nil, err
		}
		for k, r := range all {
			r.l.ids[r.i] = ids[k]
		}
		return ids, nil
	}
	insertItems := func(table string, cols []string, all []ref, ids []int64, row func(k int) []any,
		returning string, scan func(*sql.Rows) error) error {
		if ids == nil {
			return s.insertRows(ctx, tx, table, cols, len(all), row, returning, scan)
		}
		return s.insertRows(ctx, tx, table, append([]string{"id"}, cols...), len(all),
			func(k int) []any { return append([]any{ids[k]}, row(k)...) }, "", nil)
	}
	all, idx := items(refs)
	byList := lists(refs)
	ids, err := reserve("citations", all)
	if err != nil {
		return fmt.Errorf("insert references: %w", err)
	}
	err = insertItems("citations", []string{"version_id", "position", "title", "bracketed", "kind", "year"}, all, ids,
		func(k int) []any {
			l, i := all[k].l, all[k].i
			if i >= len(l.keys) {
				return []any{l.w.vid, nil, l.extra[i-len(l.keys)], false, "", nil}
			}
			r := l.w.x.References[i]
			return []any{l.w.vid, i, r.Title, r.Bracketed, string(r.Kind), nullInt(r.Year)}
		},
		"id, version_id, title", func(rows *sql.Rows) error {
			var id, vid int64
			var key string
			if err := rows.Scan(&id, &vid, &key); err != nil {
				return err
			}
			return file(byList, idx, vid, "", key, id)
		})
	if err != nil {
		return fmt.Errorf("insert references: %w", err)
	}
	if err := s.insertMentionRows(ctx, tx, "citation_sentences", "citation_id", "citation_pos", refs); err != nil {
		return fmt.Errorf("insert references: %w", err)
	}
	all, idx = items(ents)
	byList = lists(ents)
	if ids, err = reserve("entities", all); err != nil {
		return fmt.Errorf("insert entities: %w", err)
	}
	err = insertItems("entities", []string{"version_id", "kind", "position", "name"}, all, ids,
		func(k int) []any {
			l, i := all[k].l, all[k].i
			if i >= len(l.keys) {
				return []any{l.w.vid, l.kind, nil, l.extra[i-len(l.keys)]}
			}
			return []any{l.w.vid, l.kind, i, l.keys[i]}
		},
		"id, version_id, kind, name", func(rows *sql.Rows) error {
			var id, vid int64
			var kind, key string
			if err := rows.Scan(&id, &vid, &kind, &key); err != nil {
				return err
			}
			return file(byList, idx, vid, kind, key, id)
		})
	if err != nil {
		return fmt.Errorf("insert entities: %w", err)
	}
	if err := s.insertMentionRows(ctx, tx, "entity_sentences", "entity_id", "entity_pos", ents); err != nil {
		return fmt.Errorf("insert entities: %w", err)
	}
	return nil
}

// citationList pairs a version's references with the sentences that cite
// them.
func citationList(w *versionWrite, labels []string) (*mentionList, error) {
	x := w.x
	keys := make([]string, len(x.References))
	itemSents := make([][]string, len(x.References))
	for i, r := range x.References {
		keys[i], itemSents[i] = r.Title, r.Sentences
	}
	sentItems := make([][]string, len(x.Sentences))
	for i, st := range x.Sentences {
		sentItems[i] = st.References
	}
	extra, ms, err := pairMentions(keys, itemSents, labels, sentItems)
	if err != nil {
		return nil, err
	}
	return &mentionList{w: w, keys: keys, extra: extra, ms: ms}, nil
}

// entityList pairs a version's mechanisms or projects with the sentences
// that name them.
func entityList(w *versionWrite, kind string, labels []string) (*mentionList, error) {
	x := w.x
	list := x.Mechanisms
	if kind == "project" {
		list = x.Projects
	}
	keys := make([]string, len(list))
	itemSents := make([][]string, len(list))
	for i, e := range list {
		keys[i], itemSents[i] = e.Name, e.Sentences
	}
	sentItems := make([][]string, len(x.Sentences))
	for i, st := range x.Sentences {
		sentItems[i] = st.Mechanisms
		if kind == "project" {
			sentItems[i] = st.Projects
		}
	}
	extra, ms, err := pairMentions(keys, itemSents, labels, sentItems)
	if err != nil {
		return nil, err
	}
	return &mentionList{w: w, kind: kind, keys: keys, extra: extra, ms: ms}, nil
}

// insertMentionRows writes the mentions of ls, whose items and sentences
// have their ids.
func (s *Store) insertMentionRows(ctx context.Context, tx *sql.Tx, table, itemCol, itemPosCol string, ls []*mentionList) error {
	pos := func(p int) any {
		if p < 0 {
			return nil
		}
		return p
	}
	type ref struct {
		l *mentionList
		m mention
	}
	var all []ref
	for _, l := range ls {
		for _, m := range l.ms {
			all = append(all, ref{l, m})
		}
	}
	return s.insertRows(ctx, tx, table, []string{itemCol, "sentence_id", itemPosCol, "sentence_pos"}, len(all),
		func(i int) []any {
			l, m := all[i].l, all[i].m
			return []any{l.ids[m.item], l.w.ids[m.sentence], pos(m.itemPos), pos(m.sentencePos)}
		}, "", nil)
}

// findCitations reads the references of version vid in the extraction's
// order, each with its sentences in order.
func findCitations(ctx context.Context, query queryFunc, tx *sql.Tx, vid int64) ([]entente.Reference, error) {
	refs := []entente.Reference{}
	index := map[int64]int{}
	err := query(ctx, tx, `
		SELECT id, title, bracketed, kind, year FROM citations
		WHERE version_id = $1 AND position IS NOT NULL ORDER BY position`, []any{vid},
		func(rows *sql.Rows) error {
			var (
				id   int64
				r    entente.Reference
				kind string
				year sql.NullInt64
			)
			if err := rows.Scan(&id, &r.Title, &r.Bracketed, &kind, &year); err != nil {
				return err
			}
			r.Kind, r.Sentences = entente.ReferenceKind(kind), []string{}
			if year.Valid {
				y := int(year.Int64)
				r.Year = &y
			}
			index[id] = len(refs)
			refs = append(refs, r)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("read references: %w", err)
	}
	err = query(ctx, tx, `
		SELECT x.citation_id, s.label FROM citation_sentences x
		JOIN citations c ON c.id = x.citation_id JOIN sentences s ON s.id = x.sentence_id
		WHERE c.version_id = $1 AND x.citation_pos IS NOT NULL ORDER BY x.citation_id, x.citation_pos`, []any{vid},
		func(rows *sql.Rows) error {
			var id int64
			var label string
			if err := rows.Scan(&id, &label); err != nil {
				return err
			}
			if i, ok := index[id]; ok {
				refs[i].Sentences = append(refs[i].Sentences, label)
			}
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("read reference sentences: %w", err)
	}
	return refs, nil
}

// findEntities reads the mechanisms or projects of version vid in the
// extraction's order, each with its sentences in order.
func findEntities(ctx context.Context, query queryFunc, tx *sql.Tx, vid int64, kind string) ([]entente.Entity, error) {
	es := []entente.Entity{}
	index := map[int64]int{}
	err := query(ctx, tx, `
		SELECT id, name FROM entities
		WHERE version_id = $1 AND kind = $2 AND position IS NOT NULL ORDER BY position`, []any{vid, kind},
		func(rows *sql.Rows) error {
			var id int64
			e := entente.Entity{Sentences: []string{}}
			if err := rows.Scan(&id, &e.Name); err != nil {
				return err
			}
			index[id] = len(es)
			es = append(es, e)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("read %ss: %w", kind, err)
	}
	err = query(ctx, tx, `
		SELECT x.entity_id, s.label FROM entity_sentences x
		JOIN entities e ON e.id = x.entity_id JOIN sentences s ON s.id = x.sentence_id
		WHERE e.version_id = $1 AND e.kind = $2 AND x.entity_pos IS NOT NULL ORDER BY x.entity_id, x.entity_pos`, []any{vid, kind},
		func(rows *sql.Rows) error {
			var id int64
			var label string
			if err := rows.Scan(&id, &label); err != nil {
				return err
			}
			if i, ok := index[id]; ok {
				es[i].Sentences = append(es[i].Sentences, label)
			}
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("read %s sentences: %w", kind, err)
	}
	return es, nil
}
