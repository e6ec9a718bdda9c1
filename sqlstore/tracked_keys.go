package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// The filter keys (migrations 0010 and 0039): every commitment of a
// document that is not withdrawn has a tracked_keys row for '*' and for
// each single value it meets (a party it binds, an area, its strength, a
// status some party has but not rated), in the page's three orders, so
// that a page of the commitments table filtered by party, area, strength
// and status walks one range of one index in the page's order: that of
// the rarest of its values that have rows ('*' when none has), checking
// the others on each entry's vals (the ids of all the commitment's keys,
// those without rows too: not rated, and its parties' own statuses).
// The size of every key, of every pair of values and of every party's
// own status is one row of tracked_key_totals. The keys are computed from
// the same listed commitments as the tracked rows (corrections applied),
// by the same writes.

// noDue sorts after every due date: commitments without one come last.
const noDue = "9999-99-99"

// The dimensions of a key.
const (
	dimParty    = "p"
	dimArea     = "a"
	dimStrength = "s"
	dimStatus   = "st"
	dimOwn      = "ps" // a party's own status: a key of its own, counted and checked, without rows, that pairs with nothing
)

// starKey is the id of '*' in tracked_key_ids (migration 0039).
const starKey = 0

// keyDims are the dimensions that pair keys combine, in the order a pair
// key names them.
var keyDims = []string{dimParty, dimArea, dimStrength, dimStatus}

// dimValue is one value of a dimension ("p", "CN").
type dimValue struct{ dim, value string }

func (v dimValue) key() string { return v.dim + "=" + v.value }

// pairKey is the key of two values of different dimensions, in keyDims
// order.
func pairKey(x, y dimValue) string {
	if slices.Index(keyDims, x.dim) > slices.Index(keyDims, y.dim) {
		x, y = y, x
	}
	return x.key() + "&" + y.key()
}

// partyStatusKey is the key of the commitments that bind party and whose
// status for that party is status: the status filter with a party asks
// for that party's status, not any party's.
func partyStatusKey(party string, status entente.Status) string {
	return pairKey(dimValue{dimParty, party}, dimValue{dimStatus, string(status)})
}

// keyName is a key of a commitment's vals: its text (as in
// tracked_key_totals) and its dimension.
type keyName struct{ key, dim string }

// notRatedKey is the status every party has until someone rates it: on
// most commitments, as '*' is on all, so that its rows would nearly
// repeat those of '*'. It has none: its pages walk '*' and check it.
var notRatedKey = dimValue{dimStatus, string(entente.NotRated)}.key()

// rowless says whether key k has no rows, only its id in vals and its
// total: a party's own status, and not rated.
func rowless(k keyName) bool { return k.dim == dimOwn || k.key == notRatedKey }

// value is the value a single key names ("CN" of "p=CN").
func (k keyName) value() string { return k.key[len(k.dim)+1:] }

// rowKeys returns the keys c's vals name: those it has rows for besides
// '*', and its parties' own statuses (none when its document is
// withdrawn), each once, sorted.
func rowKeys(c *listed) []keyName {
	if c.withdrawn {
		return nil
	}
	bound := CommitmentParties(&c.TrackedCommitment)
	var ks []keyName
	add := func(dim, value string) { ks = append(ks, keyName{dimValue{dim, value}.key(), dim}) }
	for _, p := range bound {
		add(dimParty, p)
	}
	for _, a := range c.Sentence.Areas {
		add(dimArea, a)
	}
	if c.Sentence.Strength != "" {
		add(dimStrength, string(c.Sentence.Strength))
	}
	for _, st := range c.Statuses {
		add(dimStatus, string(st.Status))
	}
	// a party's own status: the status filter with a party
	for _, st := range c.Statuses {
		if slices.Contains(bound, st.Party) {
			ks = append(ks, keyName{partyStatusKey(st.Party, st.Status), dimOwn})
		}
	}
	slices.SortFunc(ks, func(x, y keyName) int { return strings.Compare(x.key, y.key) })
	return slices.CompactFunc(ks, func(x, y keyName) bool { return x.key == y.key })
}

// countedKeys returns every key whose total counts a commitment with the
// keys ks of its vals: '*', those keys, and the pairs of its values of different
// dimensions (a party and a status pair only as the party's own status,
// which is among ks), each once, sorted.
func countedKeys(ks []keyName) []string {
	keys := []string{"*"}
	for i, x := range ks {
		keys = append(keys, x.key)
		if x.dim == dimOwn {
			continue
		}
		for _, y := range ks[i+1:] {
			if y.dim == dimOwn || x.dim == y.dim || (x.dim == dimParty && y.dim == dimStatus) || (x.dim == dimStatus && y.dim == dimParty) {
				continue
			}
			keys = append(keys, pairKey(dimValue{x.dim, x.value()}, dimValue{y.dim, y.value()}))
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// encodeVals is the vals column of a commitment whose row keys have ids
// (ascending): each id between commas, so that one is found with LIKE
// '%,id,%'.
func encodeVals(ids []int64) string {
	var b strings.Builder
	b.WriteByte(',')
	for _, id := range ids {
		b.WriteString(strconv.FormatInt(id, 10))
		b.WriteByte(',')
	}
	return b.String()
}

// decodeVals reads a vals column.
func decodeVals(vals string) ([]int64, error) {
	var ids []int64
	for f := range strings.SplitSeq(strings.Trim(vals, ","), ",") {
		if f == "" {
			continue
		}
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("tracked key values %q: %w", vals, err)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// valsHas is the LIKE pattern of the vals that hold id.
func valsHas(id int64) string { return "%," + strconv.FormatInt(id, 10) + ",%" }

// keyIDs returns the ids of keys (text to dimension) in tracked_key_ids,
// adding those it lacks. The ids are never deleted, so a key keeps its id.
func (s *Store) keyIDs(ctx context.Context, tx *sql.Tx, keys map[string]string) (map[string]int64, error) {
	names := slices.Sorted(maps.Keys(keys))
	ids := make(map[string]int64, len(names))
	read := func(names []string) error {
		for chunk := range slices.Chunk(names, 500) {
			var a args
			err := queryRows(ctx, tx, `SELECT key, id FROM tracked_key_ids WHERE key IN (`+list(&a, chunk)+`)`, a, func(rs *sql.Rows) error {
				var k string
				var id int64
				if err := rs.Scan(&k, &id); err != nil {
					return err
				}
				ids[k] = id
				return nil
			})
			if err != nil {
				return fmt.Errorf("read tracked key ids: %w", err)
			}
		}
		return nil
	}
	if err := read(names); err != nil {
		return nil, err
	}
	missing := slices.DeleteFunc(names, func(k string) bool { _, ok := ids[k]; return ok })
	if len(missing) == 0 {
		return ids, nil
	}
	// in key order, so that two PostgreSQL writers adding the same keys
	// wait on each other in the same order
	err := s.insertRowsWith(ctx, tx, "tracked_key_ids", []string{"key", "dim"}, len(missing),
		func(i int) []any { return []any{missing[i], keys[missing[i]]} }, " ON CONFLICT (key) DO NOTHING", "", nil)
	if err != nil {
		return nil, fmt.Errorf("add tracked key ids: %w", err)
	}
	if err := read(missing); err != nil {
		return nil, err
	}
	for _, k := range missing {
		if _, ok := ids[k]; !ok {
			return nil, fmt.Errorf("tracked key %q has no id", k)
		}
	}
	return ids, nil
}

// insertKeys writes the keys of cs (dues[i] is the due date of cs[i], ""
// when none) and adds the counts of every key they count, pairs too, to
// delta.
func (s *Store) insertKeys(ctx context.Context, tx *sql.Tx, cs []listed, dues []string, delta map[string]int64) error {
	per := make([][]keyName, len(cs))
	need := map[string]string{}
	for i := range cs {
		per[i] = rowKeys(&cs[i])
		for _, k := range per[i] {
			need[k.key] = k.dim
		}
	}
	ids, err := s.keyIDs(ctx, tx, need)
	if err != nil {
		return err
	}
	type row struct {
		key       int64
		c         *listed
		due, vals string
	}
	var rows []row
	for i := range cs {
		c := &cs[i]
		if c.withdrawn {
			continue
		}
		d := dues[i]
		if d == "" {
			d = noDue
		}
		kids := make([]int64, len(per[i]))
		for j, k := range per[i] {
			kids[j] = ids[k.key]
		}
		slices.Sort(kids)
		vals := encodeVals(kids)
		rows = append(rows, row{starKey, c, d, vals})
		for _, k := range per[i] {
			if !rowless(k) {
				rows = append(rows, row{ids[k.key], c, d, vals})
			}
		}
		for _, k := range countedKeys(per[i]) {
			delta[k]++
		}
	}
	// in the order of the primary key: each key's rows then go to
	// neighbouring pages of the table and of its indexes (which lead with
	// the key too) instead of one page per row across the whole tree
	slices.SortFunc(rows, func(a, b row) int {
		x, y := &a.c.TrackedCommitment, &b.c.TrackedCommitment
		return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(y.SignedDate, x.SignedDate), cmp.Compare(y.DocumentID, x.DocumentID),
			cmp.Compare(y.Anchor.VersionID, x.Anchor.VersionID), cmp.Compare(a.c.position, b.c.position))
	})
	err = s.insertRows(ctx, tx, "tracked_keys",
		[]string{"key", "signed_date", "document_id", "version_id", "position", "sentence_id", "due", "status_rank", "open", "vals"},
		len(rows), func(i int) []any {
			r := &rows[i]
			c := &r.c.TrackedCommitment
			return []any{r.key, c.SignedDate, c.DocumentID, c.Anchor.VersionID, r.c.position, r.c.sentenceID, r.due,
				StatusRank(c), openCommitment(c), r.vals}
		}, "", nil)
	if err != nil {
		return fmt.Errorf("write tracked keys: %w", err)
	}
	return nil
}

// dropKeys deletes the keys of the documents docs and subtracts the
// counts of every key they counted from delta. A document's '*' rows (a
// partial index finds them) name all its keys in their vals, so its rows
// are deleted through the primary key, with no index of every row by
// document.
func dropKeys(ctx context.Context, tx *sql.Tx, delta map[string]int64, docs []int64) error {
	type star struct {
		doc    int64
		signed string
		ids    []int64
	}
	var stars []star
	var a args
	// key = 0 written out, so that both databases see the partial index applies
	err := queryRows(ctx, tx, `SELECT document_id, signed_date, vals FROM tracked_keys WHERE key = 0 AND document_id IN (`+list(&a, docs)+`)`, a,
		func(rs *sql.Rows) error {
			var st star
			var vals string
			if err := rs.Scan(&st.doc, &st.signed, &vals); err != nil {
				return err
			}
			var err error
			st.ids, err = decodeVals(vals)
			stars = append(stars, st)
			return err
		})
	if err != nil {
		return fmt.Errorf("read tracked keys: %w", err)
	}
	if len(stars) == 0 {
		return nil // new documents, or withdrawn ones: no keys
	}
	names := map[int64]keyName{}
	var all []int64
	for _, st := range stars {
		all = append(all, st.ids...)
	}
	slices.Sort(all)
	for chunk := range slices.Chunk(slices.Compact(all), 500) {
		var a args
		err := queryRows(ctx, tx, `SELECT id, key, dim FROM tracked_key_ids WHERE id IN (`+list(&a, chunk)+`)`, a, func(rs *sql.Rows) error {
			var id int64
			var k keyName
			if err := rs.Scan(&id, &k.key, &k.dim); err != nil {
				return err
			}
			names[id] = k
			return nil
		})
		if err != nil {
			return fmt.Errorf("read tracked key ids: %w", err)
		}
	}
	type docKeys struct {
		signed map[string]bool
		ids    map[int64]bool
	}
	byDoc := map[int64]*docKeys{}
	for _, st := range stars {
		ks := make([]keyName, len(st.ids))
		for i, id := range st.ids {
			k, ok := names[id]
			if !ok {
				return fmt.Errorf("tracked key %d has no name", id)
			}
			ks[i] = k
		}
		slices.SortFunc(ks, func(x, y keyName) int { return strings.Compare(x.key, y.key) })
		for _, k := range countedKeys(ks) {
			delta[k]--
		}
		d := byDoc[st.doc]
		if d == nil {
			d = &docKeys{signed: map[string]bool{}, ids: map[int64]bool{starKey: true}}
			byDoc[st.doc] = d
		}
		d.signed[st.signed] = true
		for _, id := range st.ids {
			if !rowless(names[id]) {
				d.ids[id] = true
			}
		}
	}
	for _, doc := range slices.Sorted(maps.Keys(byDoc)) {
		d := byDoc[doc]
		signed := slices.Sorted(maps.Keys(d.signed))
		for chunk := range slices.Chunk(slices.Sorted(maps.Keys(d.ids)), 500) {
			var a args
			q := `DELETE FROM tracked_keys WHERE key IN (` + list(&a, chunk) + `) AND signed_date IN (` + list(&a, signed) +
				`) AND document_id = ` + a.add(doc)
			if _, err := tx.ExecContext(ctx, q, a...); err != nil {
				return fmt.Errorf("clear tracked keys: %w", err)
			}
		}
	}
	return nil
}

// applyKeyTotals adds delta to tracked_key_totals (see applyDeltas).
func applyKeyTotals(ctx context.Context, tx *sql.Tx, delta map[string]int64) error {
	return applyDeltas(ctx, tx, "tracked_key_totals", delta, strings.Compare, func(k string, n int64) (string, []any) {
		return `INSERT INTO tracked_key_totals (key, n) VALUES ($1, $2)
			ON CONFLICT (key) DO UPDATE SET n = tracked_key_totals.n + excluded.n`, []any{k, n}
	})
}

// keyPlan is how a filter reads the keys: the key whose range it walks,
// the other values checked on each entry, and the filter of what no key
// says (checked on the tracked rows).
type keyPlan struct {
	key    int64                    // the id of the key walked
	checks []string                 // LIKE patterns of vals, one per other value of the filter
	total  string                   // the key of tracked_key_totals that counts the filter's values, if one does
	empty  bool                     // a value of the filter that no commitment has: nothing matches
	rest   entente.CommitmentFilter // the document, pair and signing dates
}

// planKeys chooses the key that reads f: of the keys of f's values (for
// a party's own status, the party's and the status's), the one with
// fewest commitments (the totals tell), so the walk is shortest; the
// other values are checked on the walk's entries. ok is false for what
// the keys do not hold (the withdrawn documents) or do not help (one
// document: its index is smaller).
func planKeys(ctx context.Context, tx *sql.Tx, f *entente.CommitmentFilter) (keyPlan, bool, error) {
	if f.Withdrawn || f.Document != 0 {
		return keyPlan{}, false, nil
	}
	// the values of f, each a key, checked on the entries, and the keys
	// that have rows, which can drive the walk; a party with a status is
	// one value, the party's own status, which has no rows and pairs with
	// nothing else
	var vals, drivers []string
	switch {
	case f.Party != "" && f.Status != "":
		vals = append(vals, partyStatusKey(f.Party, f.Status))
		drivers = append(drivers, dimValue{dimParty, f.Party}.key())
		if st := (dimValue{dimStatus, string(f.Status)}).key(); st != notRatedKey {
			drivers = append(drivers, st)
		}
	case f.Party != "":
		vals = append(vals, dimValue{dimParty, f.Party}.key())
	case f.Status != "":
		vals = append(vals, dimValue{dimStatus, string(f.Status)}.key())
	}
	if f.Area != "" {
		vals = append(vals, dimValue{dimArea, f.Area}.key())
	}
	if f.Strength != "" {
		vals = append(vals, dimValue{dimStrength, string(f.Strength)}.key())
	}
	// the rest: what no key holds; the due dates are read from the keys
	rest := entente.CommitmentFilter{Pair: f.Pair, From: f.From, To: f.To, Withdrawn: true}
	if len(vals) == 0 {
		return keyPlan{key: starKey, total: "*", rest: rest}, true, nil
	}
	own := f.Party != "" && f.Status != ""
	if own {
		drivers = append(drivers, vals[1:]...)
	} else {
		drivers = slices.DeleteFunc(slices.Clone(vals), func(k string) bool { return k == notRatedKey })
	}
	total := ""
	switch {
	case len(vals) == 1:
		total = vals[0]
	case len(vals) == 2 && !own:
		// the pair's total is kept
		var x, y dimValue
		x.dim, x.value, _ = strings.Cut(vals[0], "=")
		y.dim, y.value, _ = strings.Cut(vals[1], "=")
		total = pairKey(x, y)
	}
	ids := map[string]int64{}
	sizes := map[string]int64{}
	var a args
	err := queryRows(ctx, tx, `SELECT d.key, d.id, coalesce(n.n, 0) FROM tracked_key_ids d LEFT JOIN tracked_key_totals n ON n.key = d.key
		WHERE d.key IN (`+list(&a, append(slices.Clip(vals), drivers...))+`)`, a, func(rs *sql.Rows) error {
		var k string
		var id, n int64
		if err := rs.Scan(&k, &id, &n); err != nil {
			return err
		}
		ids[k], sizes[k] = id, n
		return nil
	})
	if err != nil {
		return keyPlan{}, false, fmt.Errorf("read tracked key totals: %w", err)
	}
	for _, k := range vals {
		if _, ok := ids[k]; !ok {
			return keyPlan{empty: true}, true, nil // a value never met
		}
	}
	// '*' when no value has rows (not rated alone)
	best := "*"
	ids["*"], sizes["*"] = starKey, math.MaxInt64
	for _, k := range drivers {
		if _, ok := ids[k]; ok && sizes[k] < sizes[best] {
			best = k
		}
	}
	p := keyPlan{key: ids[best], total: total, rest: rest}
	for _, k := range vals {
		if k != best {
			p.checks = append(p.checks, valsHas(ids[k]))
		}
	}
	return p, true, nil
}

// keyedConds are the conditions on the key rows k that f's values and due
// dates and overdue make, and those of plan.rest on the tracked rows t
// (and documents d), which then need joining; counting as for
// trackedWhere. more says whether there are conditions besides the
// values' (which a kept total counts).
func keyedConds(p *keyPlan, f *entente.CommitmentFilter, today string, a *args, counting bool) (conds []string, join string, more bool) {
	conds = []string{"k.key = " + a.add(p.key)}
	for _, c := range p.checks {
		conds = append(conds, "k.vals LIKE "+a.add(c))
	}
	n := len(conds)
	if f.DueBefore != "" {
		conds = append(conds, "k.due <= "+a.add(f.DueBefore))
	}
	if f.DueAfter != "" {
		conds = append(conds, "k.due >= "+a.add(f.DueAfter))
	}
	if f.Overdue {
		conds = append(conds, "k.open", "k.due < "+a.add(today))
	}
	if f.DueBefore != "" || f.DueAfter != "" || f.Overdue {
		// written out, so that both databases see the due order's
		// partial index holds every match
		conds = append(conds, "k.due < '"+noDue+"'")
	}
	more = len(conds) > n
	rest := trackedWhere(&p.rest, today, a, "", counting)
	if len(rest) == 0 {
		return conds, "", more
	}
	join = ` JOIN tracked_commitments t ON t.sentence_id = k.sentence_id `
	if len(p.rest.Pair) > 0 || p.rest.From != "" || p.rest.To != "" {
		join += `JOIN documents d ON d.id = t.document_id `
	}
	return append(conds, rest...), join, true
}

// keyedPage reads the page and the total of f through plan.
func keyedPage(ctx context.Context, tx *sql.Tx, p *keyPlan, f *entente.CommitmentFilter, today string) ([]int64, int, error) {
	if p.empty {
		return nil, 0, nil
	}
	var total int
	var ca args
	conds, join, more := keyedConds(p, f, today, &ca, true)
	if p.total != "" && !more {
		// the values alone: their total is kept
		err := tx.QueryRowContext(ctx, `SELECT coalesce((SELECT n FROM tracked_key_totals WHERE key = $1), 0)`, p.total).Scan(&total)
		if err != nil {
			return nil, 0, fmt.Errorf("read tracked key total: %w", err)
		}
	} else if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM tracked_keys k `+join+whereClause(conds), ca...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count commitments: %w", err)
	}
	if total <= f.Offset {
		return nil, total, nil
	}
	// The page in the order's parts: the due order's indexes hold only
	// the entries with a due date, the status order's only those whose
	// status is past not rated (rank 0), which most commitments are
	// not, so that most entries are in one b-tree, not three. The rest
	// of each order is read from the primary key, in signing order: the
	// entries without a due date after those with one, those not rated
	// before the others.
	type part struct {
		cond, order string
		counted     bool // its size is counted, not the total less the others'
	}
	parts := []part{{}}
	switch f.Sort {
	case "due":
		parts = []part{{"k.due < '" + noDue + "'", "k.due, ", true}, {"k.due = '" + noDue + "'", "", false}}
		if f.DueBefore != "" || f.DueAfter != "" || f.Overdue {
			parts = parts[:1] // only entries with a due date match
		}
	case "status":
		parts = []part{{"k.status_rank = 0", "", false}, {"k.status_rank > 0", "k.status_rank, ", true}}
	}
	size := func(pt part) (int, error) {
		var a args
		conds, join, _ := keyedConds(p, f, today, &a, true)
		var n int
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM tracked_keys k `+join+whereClause(append(conds, pt.cond)), a...).Scan(&n)
		return n, err
	}
	var ids []int64
	offset := f.Offset
	for i, pt := range parts {
		var a args
		conds, join, _ := keyedConds(p, f, today, &a, false)
		if pt.cond != "" {
			conds = append(conds, pt.cond)
		}
		var got int
		err := queryRows(ctx, tx, `SELECT k.sentence_id FROM tracked_keys k `+join+whereClause(conds)+` ORDER BY `+pt.order+
			`k.signed_date DESC, k.document_id DESC, k.version_id DESC, k.position LIMIT `+a.add(f.Limit-len(ids))+` OFFSET `+a.add(offset), a,
			func(rs *sql.Rows) error {
				var id int64
				if err := rs.Scan(&id); err != nil {
					return err
				}
				ids = append(ids, id)
				got++
				return nil
			})
		if err != nil {
			return nil, 0, fmt.Errorf("read the page: %w", err)
		}
		if len(ids) == f.Limit || i == len(parts)-1 {
			break
		}
		// this part ran out: the next starts where it ended, after as
		// many of its entries as the offset passes
		if got > 0 {
			offset = 0
			continue
		}
		n, err := 0, error(nil)
		if pt.counted {
			n, err = size(pt)
		} else {
			n, err = size(parts[i+1])
			n = total - n
		}
		if err != nil {
			return nil, 0, fmt.Errorf("count commitments: %w", err)
		}
		offset -= n
	}
	return ids, total, nil
}

// keyedOverdue counts the overdue commitments of the whole collection, or
// of one party (which it binds), from the keys.
func keyedOverdue(ctx context.Context, tx *sql.Tx, party, today string) (int, error) {
	var n int
	if party == "" {
		err := tx.QueryRowContext(ctx, `SELECT count(*) FROM tracked_keys k WHERE k.key = 0 AND k.open AND k.due < $1
			AND k.due < '`+noDue+`'`, today).Scan(&n)
		return n, err
	}
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM tracked_keys k
		WHERE k.key = (SELECT id FROM tracked_key_ids WHERE key = $1) AND k.open AND k.due < $2 AND k.due < '`+noDue+`'`,
		dimValue{dimParty, party}.key(), today).Scan(&n)
	return n, err
}
