package sqlstore

import (
	"archive/zip"
	"bufio"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// legacyLabelTables are the tables of a dump written before migration
// 0024 whose rows now live on the sentence's row: each table's value
// column and the sentences column its list goes to.
var legacyLabelTables = map[string]struct{ value, column string }{
	"sentence_actors": {"party", "actors"},
	"sentence_areas":  {"area", "areas"},
}

// restoreLegacyLabels writes the rows of a dump's sentence_actors or
// sentence_areas (one label per row, numbered by position) onto the
// restored sentences as their packed lists. The sentences must be in.
func (s *Store) restoreLegacyLabels(ctx context.Context, tx *sql.Tx, info DumpTableInfo, f *zip.File) error {
	legacy := legacyLabelTables[info.Name]
	if f == nil {
		return fmt.Errorf("the dump lacks %s", info.File)
	}
	at := map[string]int{}
	for i, c := range info.Columns {
		at[c.Name] = i
	}
	for _, c := range []string{"sentence_id", "position", legacy.value} {
		if _, ok := at[c]; !ok {
			return fmt.Errorf("the dump lacks the column %s", c)
		}
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	type label struct {
		pos   int64
		value string
	}
	lists := map[int64][]label{}
	dec := json.NewDecoder(bufio.NewReader(rc))
	dec.UseNumber()
	var n int64
	for {
		var raw []any
		if err := dec.Decode(&raw); err == io.EOF {
			break
		} else if err != nil {
			return fmt.Errorf("row %d: %w", n+1, err)
		}
		n++
		if len(raw) != len(info.Columns) {
			return fmt.Errorf("row %d has %d values for %d columns", n, len(raw), len(info.Columns))
		}
		id, err1 := fromPortable("integer", raw[at["sentence_id"]])
		pos, err2 := fromPortable("integer", raw[at["position"]])
		v, err3 := fromPortable("text", raw[at[legacy.value]])
		if err := cmp.Or(err1, err2, err3); err != nil {
			return fmt.Errorf("row %d: %w", n, err)
		}
		sid, ok1 := id.(int64)
		p, ok2 := pos.(int64)
		value, ok3 := v.(string)
		if !ok1 || !ok2 || !ok3 {
			return fmt.Errorf("row %d: a sentence, a position and a label are needed", n)
		}
		lists[sid] = append(lists[sid], label{p, value})
	}
	if n != info.Rows {
		return fmt.Errorf("%d rows where the manifest says %d", n, info.Rows)
	}
	for id, ls := range lists {
		slices.SortFunc(ls, func(a, b label) int { return cmp.Compare(a.pos, b.pos) })
		items := make([]string, len(ls))
		for i, l := range ls {
			items[i] = l.value
		}
		res, err := tx.ExecContext(ctx, `UPDATE sentences SET `+legacy.column+` = $1 WHERE id = $2`, packLabels(items), id)
		if err != nil {
			return fmt.Errorf("sentence %d: %w", id, err)
		}
		if k, err := res.RowsAffected(); err != nil || k != 1 {
			return fmt.Errorf("labels of sentence %d, which the dump does not hold", id)
		}
	}
	return nil
}
