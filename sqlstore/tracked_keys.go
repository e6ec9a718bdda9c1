package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/entente/entente"
)

// The filter keys of migration 0010: every commitment of a document that
// is not withdrawn has one tracked_keys row per key it meets, so that a
// page of the commitments table filtered by one or two of party, area,
// strength and status is one range of one index in the page's order, and
// its size one row of tracked_key_totals. The keys are computed from the
// same listed commitments as the tracked rows (corrections applied), by
// the same writes.

// noDue sorts after every due date: commitments without one come last.
const noDue = "9999-99-99"

// The dimensions of a key.
const (
	dimParty    = "p"
	dimArea     = "a"
	dimStrength = "s"
	dimStatus   = "st"
)

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

// commitmentKeys returns the keys c meets (none when its document is
// withdrawn), each once, sorted.
func commitmentKeys(c *listed) []string {
	if c.withdrawn {
		return nil
	}
	bound := CommitmentParties(&c.TrackedCommitment)
	var vals []dimValue
	for _, p := range bound {
		vals = append(vals, dimValue{dimParty, p})
	}
	for _, a := range c.Sentence.Areas {
		vals = append(vals, dimValue{dimArea, a})
	}
	if c.Sentence.Strength != "" {
		vals = append(vals, dimValue{dimStrength, string(c.Sentence.Strength)})
	}
	for _, st := range c.Statuses {
		vals = append(vals, dimValue{dimStatus, string(st.Status)})
	}
	keys := []string{"*"}
	for i, x := range vals {
		keys = append(keys, x.key())
		for _, y := range vals[i+1:] {
			// a party and a status pair only as the party's own status
			if x.dim != y.dim && !(x.dim == dimParty && y.dim == dimStatus) {
				keys = append(keys, pairKey(x, y))
			}
		}
	}
	// a party's own status: the status filter with a party
	for _, st := range c.Statuses {
		if slices.Contains(bound, st.Party) {
			keys = append(keys, partyStatusKey(st.Party, st.Status))
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// partyStatusKey is the key of the commitments that bind party and whose
// status for that party is status: the status filter with a party asks
// for that party's status, not any party's.
func partyStatusKey(party string, status entente.Status) string {
	return pairKey(dimValue{dimParty, party}, dimValue{dimStatus, string(status)})
}

// insertKeys writes the keys of cs (dues[i] is the due date of cs[i], ""
// when none) and adds their counts to delta.
func (s *Store) insertKeys(ctx context.Context, tx *sql.Tx, cs []listed, dues []string, delta map[string]int64) error {
	type row struct {
		key string
		c   *listed
		due string
	}
	var rows []row
	for i := range cs {
		c := &cs[i]
		d := dues[i]
		if d == "" {
			d = noDue
		}
		for _, k := range commitmentKeys(c) {
			rows = append(rows, row{k, c, d})
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
	err := s.insertRows(ctx, tx, "tracked_keys",
		[]string{"key", "signed_date", "document_id", "version_id", "position", "sentence_id", "due", "status_rank", "open"},
		len(rows), func(i int) []any {
			r := &rows[i]
			c := &r.c.TrackedCommitment
			return []any{r.key, c.SignedDate, c.DocumentID, c.Anchor.VersionID, r.c.position, r.c.sentenceID, r.due,
				StatusRank(c), openCommitment(c)}
		}, "", nil)
	if err != nil {
		return fmt.Errorf("write tracked keys: %w", err)
	}
	return nil
}

// subtractKeys subtracts the counts of the keys that where selects (over
// tracked_keys k) from delta.
func subtractKeys(ctx context.Context, tx *sql.Tx, delta map[string]int64, where string, a args) error {
	err := queryRows(ctx, tx, `SELECT k.key, count(*) FROM tracked_keys k `+where+` GROUP BY k.key`, a, func(rs *sql.Rows) error {
		var k string
		var n int64
		if err := rs.Scan(&k, &n); err != nil {
			return err
		}
		delta[k] -= n
		return nil
	})
	if err != nil {
		return fmt.Errorf("count tracked keys: %w", err)
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
// and the filter of what that key does not say (checked on the tracked
// rows).
type keyPlan struct {
	key  string
	rest entente.CommitmentFilter // the dimensions key leaves, and the document, pair and signing dates
}

// planKeys chooses the key that reads f: of the keys of f's dimensions
// and of their pairs, the one with fewest commitments (totals tells), so
// the walk is shortest. ok is false for what the keys do not hold (the
// withdrawn documents) or do not help (one document: its index is
// smaller).
func planKeys(ctx context.Context, tx *sql.Tx, f *entente.CommitmentFilter) (keyPlan, bool, error) {
	if f.Withdrawn || f.Document != 0 {
		return keyPlan{}, false, nil
	}
	// the dimensions of f; a party with a status is one value, its
	// status, which pairs with nothing else
	type dim struct {
		v     dimValue
		key   string
		clear func(*entente.CommitmentFilter)
	}
	var dims []dim
	switch {
	case f.Party != "" && f.Status != "":
		dims = append(dims, dim{key: partyStatusKey(f.Party, f.Status),
			clear: func(r *entente.CommitmentFilter) { r.Party, r.Status = "", "" }})
	case f.Party != "":
		dims = append(dims, dim{v: dimValue{dimParty, f.Party}, clear: func(r *entente.CommitmentFilter) { r.Party = "" }})
	case f.Status != "":
		dims = append(dims, dim{v: dimValue{dimStatus, string(f.Status)}, clear: func(r *entente.CommitmentFilter) { r.Status = "" }})
	}
	if f.Area != "" {
		dims = append(dims, dim{v: dimValue{dimArea, f.Area}, clear: func(r *entente.CommitmentFilter) { r.Area = "" }})
	}
	if f.Strength != "" {
		dims = append(dims, dim{v: dimValue{dimStrength, string(f.Strength)}, clear: func(r *entente.CommitmentFilter) { r.Strength = "" }})
	}
	for i := range dims {
		if dims[i].key == "" {
			dims[i].key = dims[i].v.key()
		}
	}
	// the rest: what no key holds; the due dates are read from the keys
	rest := entente.CommitmentFilter{Pair: f.Pair, From: f.From, To: f.To, Party: f.Party, Area: f.Area,
		Strength: f.Strength, Status: f.Status, Withdrawn: true}
	if len(dims) == 0 {
		return keyPlan{key: "*", rest: rest}, true, nil
	}
	type candidate struct {
		key    string
		covers []int
	}
	var cands []candidate
	for i, x := range dims {
		cands = append(cands, candidate{x.key, []int{i}})
		for j := i + 1; j < len(dims); j++ {
			if y := dims[j]; x.v.dim != "" && y.v.dim != "" {
				cands = append(cands, candidate{pairKey(x.v, y.v), []int{i, j}})
			}
		}
	}
	var a args
	keys := make([]string, len(cands))
	for i, c := range cands {
		keys[i] = c.key
	}
	sizes := map[string]int64{}
	err := queryRows(ctx, tx, `SELECT key, n FROM tracked_key_totals WHERE key IN (`+list(&a, keys)+`)`, a, func(rs *sql.Rows) error {
		var k string
		var n int64
		if err := rs.Scan(&k, &n); err != nil {
			return err
		}
		sizes[k] = n
		return nil
	})
	if err != nil {
		return keyPlan{}, false, fmt.Errorf("read tracked key totals: %w", err)
	}
	best := 0
	for i, c := range cands {
		// fewest rows; among equals, the one that covers more
		if sizes[c.key] < sizes[cands[best].key] ||
			(sizes[c.key] == sizes[cands[best].key] && len(c.covers) > len(cands[best].covers)) {
			best = i
		}
	}
	for _, i := range cands[best].covers {
		dims[i].clear(&rest)
	}
	return keyPlan{key: cands[best].key, rest: rest}, true, nil
}

// keyedConds are the conditions on the key rows k that f's due dates and
// overdue make, and those of plan.rest on the tracked rows t (and
// documents d), which then need joining; counting as for trackedWhere.
func keyedConds(p *keyPlan, f *entente.CommitmentFilter, today string, a *args, counting bool) (conds []string, join string) {
	conds = []string{"k.key = " + a.add(p.key)}
	if f.DueBefore != "" {
		conds = append(conds, "k.due <= "+a.add(f.DueBefore))
	}
	if f.DueAfter != "" {
		conds = append(conds, "k.due >= "+a.add(f.DueAfter), "k.due < '"+noDue+"'")
	}
	if f.Overdue {
		conds = append(conds, "k.open", "k.due < "+a.add(today))
	}
	rest := trackedWhere(&p.rest, today, a, "", counting)
	if len(rest) == 0 {
		return conds, ""
	}
	join = ` JOIN tracked_commitments t ON t.sentence_id = k.sentence_id `
	if len(p.rest.Pair) > 0 || p.rest.From != "" || p.rest.To != "" {
		join += `JOIN documents d ON d.id = t.document_id `
	}
	return append(conds, rest...), join
}

// keyedPage reads the page and the total of f through plan.
func keyedPage(ctx context.Context, tx *sql.Tx, p *keyPlan, f *entente.CommitmentFilter, today string) ([]int64, int, error) {
	var total int
	var ca args
	conds, join := keyedConds(p, f, today, &ca, true)
	if len(conds) == 1 {
		// the key alone: its total is kept
		err := tx.QueryRowContext(ctx, `SELECT coalesce((SELECT n FROM tracked_key_totals WHERE key = $1), 0)`, p.key).Scan(&total)
		if err != nil {
			return nil, 0, fmt.Errorf("read tracked key total: %w", err)
		}
	} else if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM tracked_keys k `+join+whereClause(conds), ca...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count commitments: %w", err)
	}
	if total <= f.Offset {
		return nil, total, nil
	}
	var a args
	conds, join = keyedConds(p, f, today, &a, false)
	order := ""
	switch f.Sort {
	case "due":
		order = "k.due, "
	case "status":
		order = "k.status_rank, "
	}
	var ids []int64
	err := queryRows(ctx, tx, `SELECT k.sentence_id FROM tracked_keys k `+join+whereClause(conds)+` ORDER BY `+order+
		`k.signed_date DESC, k.document_id DESC, k.version_id DESC, k.position LIMIT `+a.add(f.Limit)+` OFFSET `+a.add(f.Offset), a,
		func(rs *sql.Rows) error {
			var id int64
			if err := rs.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
			return nil
		})
	if err != nil {
		return nil, 0, fmt.Errorf("read the page: %w", err)
	}
	return ids, total, nil
}

// keyedOverdue counts the overdue commitments of the whole collection, or
// of one party (which it binds), from the keys.
func keyedOverdue(ctx context.Context, tx *sql.Tx, party, today string) (int, error) {
	key := "*"
	if party != "" {
		key = dimValue{dimParty, party}.key()
	}
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count(*) FROM tracked_keys k WHERE k.key = $1 AND k.open AND k.due < $2`, key, today).Scan(&n)
	return n, err
}
