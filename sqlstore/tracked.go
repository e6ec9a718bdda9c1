package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// The tracked tables (migration 0004) keep each commitment's corrected
// labels, due date and party statuses, so that the commitments table and
// scorecards filter, sort, page and count in SQL instead of reading every
// commitment. Triggers mark a document in tracked_dirty in the transaction
// of every change that can alter its rows, and every write transaction
// recomputes the documents it marked before it commits (settleTracked),
// with the same code that lists commitments (corrections applied in Go),
// so what the tables say is what that code would say, and a read never
// writes. The due dates need the due-date rules, which the store is given
// once after opening (UseDueRules): that is also when the tables are
// computed in full, after migration 0004 or when the rules changed.

// dueHolder holds the store's due-date rules (an interface in an atomic
// pointer).
type dueHolder struct{ due entente.DueReader }

// UseDueRules gives the store the due-date rules its tracked tables are
// computed with, and brings the tables up to date: every document when
// the rules are not those the tables were computed with (or were never
// computed, after migration 0004), else the documents a writer without
// rules left marked. Call it once after opening the store, before
// serving: from then on every write keeps the tables current in its own
// transaction. Without it, writes leave their marks, and TrackedCurrent
// says the tables are behind.
func (s *Store) UseDueRules(ctx context.Context, due entente.DueReader) error {
	if due == nil {
		return errors.New("use due rules: no rules")
	}
	s.due.Store(&dueHolder{due})
	current, err := s.TrackedCurrent(ctx, due.Fingerprint())
	if err != nil || current {
		return err
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		var kept sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT value FROM tracked_meta WHERE key = 'due_rules'`).Scan(&kept)
		if err != nil && err != sql.ErrNoRows {
			return err
		}
		if kept.Valid && kept.String == due.Fingerprint() {
			return nil // only marks left by a writer without rules: the write settles them
		}
		docs, err := takeMarks(ctx, tx)
		if err != nil {
			return err
		}
		if err := s.recomputeAllTracked(ctx, tx, due); err != nil {
			return err
		}
		if err := s.recomputeCorrectedIn(ctx, tx, docs); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO tracked_meta (key, value) VALUES ('due_rules', $1)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, due.Fingerprint())
		return err
	})
	if err != nil {
		return fmt.Errorf("compute tracked commitments: %w", err)
	}
	return nil
}

// dueRules returns the rules UseDueRules gave, or nil.
func (s *Store) dueRules() entente.DueReader {
	if h := s.due.Load(); h != nil {
		return h.due
	}
	return nil
}

// TrackedCurrent reports whether the tracked tables are current for due
// rules of fingerprint fp: computed with them, and no document left marked
// (by a writer that had no rules). It only reads.
func (s *Store) TrackedCurrent(ctx context.Context, fp string) (bool, error) {
	var kept sql.NullString
	var dirty bool
	err := s.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT (SELECT value FROM tracked_meta WHERE key = 'due_rules'),
			EXISTS (SELECT 1 FROM tracked_dirty)`).Scan(&kept, &dirty)
	})
	if err != nil {
		return false, fmt.Errorf("check tracked commitments: %w", err)
	}
	return kept.Valid && kept.String == fp && !dirty, nil
}

// settleTracked recomputes, inside a write transaction, the tracked rows
// of the documents the transaction marked, and takes their marks off.
// A store without rules leaves the marks for UseDueRules.
//
// On PostgreSQL two transactions that change one document meet at its
// mark: the second's trigger waits on the first's row until the first
// commits, so its recomputation reads the first's changes.
func (s *Store) settleTracked(ctx context.Context, tx *sql.Tx) error {
	due := s.dueRules()
	if due == nil {
		return nil
	}
	docs, err := takeMarks(ctx, tx)
	if err != nil || len(docs) == 0 {
		return err
	}
	if err := s.recomputeTracked(ctx, tx, docs, due); err != nil {
		return fmt.Errorf("recompute tracked commitments: %w", err)
	}
	return s.recomputeCorrectedIn(ctx, tx, docs)
}

// takeMarks takes every mark off tracked_dirty and returns the documents.
func takeMarks(ctx context.Context, tx *sql.Tx) ([]int64, error) {
	var docs []int64
	err := queryRows(ctx, tx, `DELETE FROM tracked_dirty RETURNING document_id`, nil, func(rs *sql.Rows) error {
		var id int64
		if err := rs.Scan(&id); err != nil {
			return err
		}
		docs = append(docs, id)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("take tracked marks: %w", err)
	}
	slices.Sort(docs)
	return docs, nil
}

// recomputeCorrectedIn recomputes the corrected rows of docs, in chunks.
func (s *Store) recomputeCorrectedIn(ctx context.Context, tx *sql.Tx, docs []int64) error {
	for chunk := range slices.Chunk(docs, recomputeChunk) {
		if err := s.recomputeCorrected(ctx, tx, chunk); err != nil {
			return fmt.Errorf("recompute corrected labels: %w", err)
		}
	}
	return nil
}

// recomputeChunk is how many documents one listing reads when a write
// recomputes many.
const recomputeChunk = 200

// recomputeTracked replaces the tracked rows of docs. Only the documents
// that have rows (trackedDocs) have counts to subtract and rows to clear:
// the others are new in the transaction (a batch's, an upload's), and
// their rows are only written. The totals the new rows add are counted
// from the listed commitments (countTotals), not read back. Both kinds of
// totals are applied once, at the end, each table's in the order of its
// keys (applyDeltas), so that two PostgreSQL transactions lock the rows
// they share in the same order.
func (s *Store) recomputeTracked(ctx context.Context, tx *sql.Tx, docs []int64, due entente.DueReader) error {
	slices.Sort(docs)
	kept, err := trackedDocs(ctx, tx, docs)
	if err != nil {
		return err
	}
	delta := map[totalKey]int64{}
	keyDelta := map[string]int64{}
	for chunk := range slices.Chunk(kept, recomputeChunk) {
		var a args
		in := list(&a, chunk)
		if err := addTotals(ctx, tx, delta, -1, "t.document_id IN ("+in+")", a); err != nil {
			return err
		}
		if err := dropKeys(ctx, tx, keyDelta, chunk); err != nil {
			return err
		}
		for _, q := range []string{
			`DELETE FROM tracked_parties WHERE sentence_id IN (SELECT sentence_id FROM tracked_commitments WHERE document_id IN (` + in + `))`,
			`DELETE FROM tracked_areas WHERE sentence_id IN (SELECT sentence_id FROM tracked_commitments WHERE document_id IN (` + in + `))`,
			`DELETE FROM tracked_commitments WHERE document_id IN (` + in + `)`,
		} {
			if _, err := tx.ExecContext(ctx, q, a...); err != nil {
				return fmt.Errorf("clear tracked rows: %w", err)
			}
		}
	}
	for chunk := range slices.Chunk(docs, recomputeChunk) {
		cs, err := listCommitmentsOf(ctx, tx, chunk)
		if err != nil {
			return err
		}
		if err := s.insertTracked(ctx, tx, cs, due, keyDelta); err != nil {
			return err
		}
		countTotals(delta, cs)
	}
	if err := applyTotals(ctx, tx, delta); err != nil {
		return err
	}
	return applyKeyTotals(ctx, tx, keyDelta)
}

// trackedDocs returns those of docs (sorted) that have tracked rows:
// every tracked row of a document hangs off one of its
// tracked_commitments rows.
func trackedDocs(ctx context.Context, tx *sql.Tx, docs []int64) ([]int64, error) {
	var kept []int64
	for chunk := range slices.Chunk(docs, recomputeChunk) {
		var a args
		err := queryRows(ctx, tx, `SELECT DISTINCT document_id FROM tracked_commitments WHERE document_id IN (`+list(&a, chunk)+`)`, a,
			func(rs *sql.Rows) error {
				var id int64
				if err := rs.Scan(&id); err != nil {
					return err
				}
				kept = append(kept, id)
				return nil
			})
		if err != nil {
			return nil, fmt.Errorf("find tracked documents: %w", err)
		}
	}
	slices.Sort(kept)
	return kept, nil
}

// countTotals adds to delta the totals of the tracked rows insertTracked
// writes for cs, as addTotals would count them: a pair per party status
// (bound when the commitment binds the party), and the commitment under
// party and status "".
func countTotals(delta map[totalKey]int64, cs []listed) {
	for i := range cs {
		c := &cs[i]
		bound := CommitmentParties(&c.TrackedCommitment)
		for _, st := range c.Statuses {
			delta[totalKey{st.Party, slices.Contains(bound, st.Party), c.withdrawn, string(st.Status)}]++
		}
		delta[totalKey{"", true, c.withdrawn, ""}]++
	}
}

// totalKey is a row of tracked_totals.
type totalKey struct {
	party     string
	bound     bool
	withdrawn bool
	status    string
}

// addTotals adds sign times the counts of the tracked rows of the
// commitments t that where selects to delta: pairs per (party, bound,
// withdrawn, status), and commitments per withdrawn under party and
// status "".
func addTotals(ctx context.Context, tx *sql.Tx, delta map[totalKey]int64, sign int64, where string, a args) error {
	err := queryRows(ctx, tx, `SELECT p.party, p.bound, t.withdrawn, p.status, count(*)
		FROM tracked_parties p JOIN tracked_commitments t ON t.sentence_id = p.sentence_id WHERE `+where+`
		GROUP BY p.party, p.bound, t.withdrawn, p.status
		UNION ALL
		SELECT '', TRUE, t.withdrawn, '', count(*) FROM tracked_commitments t WHERE `+where+` GROUP BY t.withdrawn`, a,
		func(rs *sql.Rows) error {
			var k totalKey
			var n int64
			if err := rs.Scan(&k.party, &k.bound, &k.withdrawn, &k.status, &n); err != nil {
				return err
			}
			delta[k] += sign * n
			return nil
		})
	if err != nil {
		return fmt.Errorf("count tracked totals: %w", err)
	}
	return nil
}

// applyTotals adds delta to tracked_totals (see applyDeltas).
func applyTotals(ctx context.Context, tx *sql.Tx, delta map[totalKey]int64) error {
	return applyDeltas(ctx, tx, "tracked_totals", delta, func(x, y totalKey) int {
		return cmp.Or(strings.Compare(x.party, y.party), boolCompare(x.bound, y.bound), boolCompare(x.withdrawn, y.withdrawn),
			strings.Compare(x.status, y.status))
	}, func(k totalKey, n int64) (string, []any) {
		return `INSERT INTO tracked_totals (party, bound, withdrawn, status, n) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (party, bound, withdrawn, status) DO UPDATE SET n = tracked_totals.n + excluded.n`,
			[]any{k.party, k.bound, k.withdrawn, k.status, n}
	})
}

// applyDeltas adds the counts of delta to a table of kept totals with
// upserts of up to 64 keys each (deltaShapes) (a round trip per statement on
// PostgreSQL, where one per key made hundreds a write), in the order of
// the keys (so that two PostgreSQL transactions lock the rows they share
// in the same order: a multi-row INSERT takes its rows in the order they
// are listed), and drops the rows that fall to zero, which only a
// negative count can make. upsert returns the statement of one key, an
// INSERT whose one VALUES tuple lists its arguments' placeholders in
// order ($1, $2, …), and the arguments; the statements of many keys
// repeat that tuple (multiRowUpsert).
func applyDeltas[K comparable](ctx context.Context, tx *sql.Tx, table string, delta map[K]int64, compare func(K, K) int,
	upsert func(K, int64) (string, []any)) error {
	keys := make([]K, 0, len(delta))
	negative := false
	for k, n := range delta {
		if n != 0 {
			keys = append(keys, k)
		}
		negative = negative || n < 0
	}
	slices.SortFunc(keys, compare)
	for lo := 0; lo < len(keys); {
		hi := lo + deltaShape(len(keys)-lo)
		part := keys[lo:hi]
		lo = hi
		var q string
		var a []any
		for i, k := range part {
			qk, ak := upsert(k, delta[k])
			if i == 0 {
				q = qk
			}
			a = append(a, ak...)
		}
		q, err := multiRowUpsert(q, len(part), len(a)/len(part))
		if err != nil {
			return fmt.Errorf("update %s: %w", table, err)
		}
		if _, err := tx.ExecContext(ctx, q, a...); err != nil {
			return fmt.Errorf("update %s: %w", table, err)
		}
	}
	if negative {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE n = 0`); err != nil {
			return fmt.Errorf("update %s: %w", table, err)
		}
	}
	return nil
}

// deltaShapes are the numbers of keys one upsert of applyDeltas writes,
// the largest that fits first: a few shapes of statement, which pgx
// prepares once per connection and keeps (a statement of every count
// would be prepared anew each time, a round trip more, and push the
// others out of its cache); at most 64 rows, as SQLite looks each $n up by
// name among those before it (idList), so a statement's cost grows with
// the square of its placeholders (64 rows of five columns: 320).
var deltaShapes = [...]int{64, 16, 4, 1}

// deltaShape is the largest of deltaShapes of at most n keys (n > 0).
func deltaShape(n int) int {
	for _, k := range deltaShapes {
		if k <= n {
			return k
		}
	}
	return 1
}

// multiRowUpsert turns q, an INSERT of one row whose VALUES tuple is the
// placeholders $1 to $cols in order, into the same INSERT of rows rows
// (placeholders $1 to $rows*cols, a row's in order), keeping what follows
// the tuple (ON CONFLICT …).
func multiRowUpsert(q string, rows, cols int) (string, error) {
	const values = "VALUES ("
	head, rest, ok := strings.Cut(q, values)
	var tuple string
	if ok {
		tuple, rest, ok = strings.Cut(rest, ")")
	}
	want := make([]string, cols)
	for i := range want {
		want[i] = "$" + strconv.Itoa(i+1)
	}
	if !ok || cols == 0 || strings.Join(strings.Fields(strings.ReplaceAll(tuple, ",", " ")), ", ") != strings.Join(want, ", ") {
		return "", fmt.Errorf("not an INSERT of one row of %d placeholders: %.80q", cols, q)
	}
	dollar := func(n int) string { return "$" + strconv.Itoa(n) }
	return insertSQL(head+"VALUES ", rows, cols, strings.TrimSpace(rest), "", dollar), nil
}

func boolCompare(x, y bool) int {
	switch {
	case x == y:
		return 0
	case x:
		return 1
	}
	return -1
}

// openCommitment says whether some party's status is neither fulfilled
// nor superseded: a commitment past its due date is then overdue.
func openCommitment(c *entente.TrackedCommitment) bool {
	return slices.ContainsFunc(c.Statuses, func(st entente.PartyStatus) bool {
		return st.Status != entente.Fulfilled && st.Status != entente.Superseded
	})
}

// recomputeAllTracked replaces every tracked row, reading the whole
// collection once.
func (s *Store) recomputeAllTracked(ctx context.Context, tx *sql.Tx, due entente.DueReader) error {
	for _, q := range []string{`DELETE FROM tracked_parties`, `DELETE FROM tracked_areas`, `DELETE FROM tracked_commitments`, `DELETE FROM tracked_totals`,
		`DELETE FROM tracked_keys`, `DELETE FROM tracked_key_totals`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("clear tracked rows: %w", err)
		}
	}
	cs, err := listCommitments(ctx, tx, entente.CommitmentFilter{Withdrawn: true}, nil)
	if err != nil {
		return err
	}
	keyDelta := map[string]int64{}
	if err := s.insertTracked(ctx, tx, cs, due, keyDelta); err != nil {
		return err
	}
	delta := map[totalKey]int64{}
	if err := addTotals(ctx, tx, delta, 1, "TRUE", nil); err != nil {
		return err
	}
	if err := applyTotals(ctx, tx, delta); err != nil {
		return err
	}
	return applyKeyTotals(ctx, tx, keyDelta)
}

// insertTracked writes the tracked rows of cs, and their keys, whose
// counts it adds to keyDelta.
func (s *Store) insertTracked(ctx context.Context, tx *sql.Tx, cs []listed, due entente.DueReader, keyDelta map[string]int64) error {
	type partyRow struct {
		sentence      int64
		party, status string
		bound         bool
	}
	type areaRow struct {
		sentence int64
		area     string
	}
	var parties []partyRow
	var areas []areaRow
	for i := range cs {
		c := &cs[i]
		bound := CommitmentParties(&c.TrackedCommitment)
		for _, st := range c.Statuses {
			parties = append(parties, partyRow{c.sentenceID, st.Party, string(st.Status), slices.Contains(bound, st.Party)})
		}
		for _, ar := range c.Sentence.Areas {
			areas = append(areas, areaRow{c.sentenceID, ar})
		}
	}
	dues := make([]string, len(cs))
	for i := range cs {
		c := &cs[i]
		if c.Sentence.Deadline != nil && due != nil {
			if d := due.Due(*c.Sentence.Deadline, c.Sentence.Text, c.SignedDate); d != nil {
				dues[i] = d.Date
			}
		}
	}
	err := s.insertRows(ctx, tx, "tracked_commitments",
		[]string{"sentence_id", "document_id", "version_id", "position", "commitment_id", "signed_date", "strength", "due_date", "status_rank", "withdrawn", "open"},
		len(cs), func(i int) []any {
			c := &cs[i]
			var id, dueDate any
			if c.ID != 0 {
				id = c.ID
			}
			if dues[i] != "" {
				dueDate = dues[i]
			}
			return []any{c.sentenceID, c.DocumentID, c.Anchor.VersionID, c.position, id, c.SignedDate, string(c.Sentence.Strength), dueDate,
				StatusRank(&c.TrackedCommitment), c.withdrawn, openCommitment(&c.TrackedCommitment)}
		}, "", nil)
	if err != nil {
		return fmt.Errorf("write tracked commitments: %w", err)
	}
	err = s.insertRows(ctx, tx, "tracked_parties", []string{"sentence_id", "party", "status", "bound"}, len(parties),
		func(i int) []any { p := parties[i]; return []any{p.sentence, p.party, p.status, p.bound} }, "", nil)
	if err != nil {
		return fmt.Errorf("write tracked parties: %w", err)
	}
	err = s.insertRows(ctx, tx, "tracked_areas", []string{"sentence_id", "area"}, len(areas),
		func(i int) []any { return []any{areas[i].sentence, areas[i].area} }, "", nil)
	if err != nil {
		return fmt.Errorf("write tracked areas: %w", err)
	}
	return s.insertKeys(ctx, tx, cs, dues, keyDelta)
}

// StatusRank orders commitments by status, least advanced first: the
// place in entente.Statuses of the first party's status (0 with none).
func StatusRank(c *entente.TrackedCommitment) int {
	if len(c.Statuses) == 0 {
		return 0
	}
	return slices.Index(entente.Statuses, c.Statuses[0].Status)
}

// trackedWhere turns the filters of f into conditions on the tracked
// commitments t and their documents d. today decides what is overdue.
//
// partyOn, when f names a party, is the alias of a tracked_parties row
// already joined: the party filter is then that row being f's party and
// bound (a commitment has one row per party), which the database reads
// from the party's index instead of testing every commitment.
//
// counting asks for the conditions of a count, which reads every match:
// the area, status and party filters are then uncorrelated IN lists,
// which the database reads once and drives the count from (the matches
// of an area and a status at 100,000 commitments: 23 ms of CPU on SQLite
// against 140 ms testing each commitment); a page, which stops at its
// fiftieth match in the order of an index, keeps the correlated EXISTS.
func trackedWhere(f *entente.CommitmentFilter, today string, a *args, partyOn string, counting bool) []string {
	in := func(sub, cond string) string {
		if counting {
			return "t.sentence_id IN (SELECT sentence_id FROM " + sub + " WHERE " + cond + ")"
		}
		alias := sub[len(sub)-1:]
		return "EXISTS (SELECT 1 FROM " + sub + " WHERE " + alias + ".sentence_id = t.sentence_id AND " + cond + ")"
	}
	var conds []string
	if !f.Withdrawn {
		conds = append(conds, "NOT t.withdrawn")
	}
	if f.Document != 0 {
		conds = append(conds, "t.document_id = "+a.add(f.Document))
	}
	if len(f.Pair) > 0 {
		// the documents of all the parties, found through the parties'
		// index, so that the commitments are found through their
		// documents' (testing every commitment against the parties reads
		// the whole collection when one party, China, is in every
		// document)
		subs := make([]string, len(f.Pair))
		for i, p := range f.Pair {
			subs[i] = `SELECT pp.document_id FROM document_parties pp WHERE pp.party = ` + a.add(p)
		}
		conds = append(conds, `t.document_id IN (`+strings.Join(subs, ` INTERSECT `)+`)`)
	}
	conds = dateConds(conds, a, f.From, f.To)
	switch {
	case f.Party != "" && partyOn != "":
		conds = append(conds, partyOn+".party = "+a.add(f.Party)+" AND "+partyOn+".bound")
	case f.Party != "":
		conds = append(conds, in("tracked_parties q", "q.party = "+a.add(f.Party)+" AND q.bound"))
	}
	if f.Area != "" {
		conds = append(conds, in("tracked_areas x", "x.area = "+a.add(f.Area)))
	}
	if f.Strength != "" {
		conds = append(conds, "t.strength = "+a.add(string(f.Strength)))
	}
	if f.Status != "" {
		c := "r.status = " + a.add(string(f.Status))
		if f.Party != "" {
			c += " AND r.party = " + a.add(f.Party)
		}
		conds = append(conds, in("tracked_parties r", c))
	}
	if f.Overdue {
		conds = append(conds, overdue(a, today))
	}
	if f.DueBefore != "" || f.DueAfter != "" {
		conds = append(conds, "t.due_date IS NOT NULL")
	}
	if f.DueBefore != "" {
		conds = append(conds, "t.due_date <= "+a.add(f.DueBefore))
	}
	if f.DueAfter != "" {
		conds = append(conds, "t.due_date >= "+a.add(f.DueAfter))
	}
	return conds
}

// overdue is due before today and not fulfilled (nor superseded) for
// every party.
func overdue(a *args, today string) string {
	return `(t.open AND t.due_date < ` + a.add(today) + `)`
}

// trackedFrom is the tracked commitments t, with their documents d when
// the filters read them (pair, signing dates).
func trackedFrom(f *entente.CommitmentFilter) string {
	if len(f.Pair) > 0 || f.From != "" || f.To != "" {
		return ` FROM tracked_commitments t JOIN documents d ON d.id = t.document_id ` // callers cut the first part off: keep it
	}
	return ` FROM tracked_commitments t `
}

// TrackedPage returns the page of commitments f selects, filtered, sorted
// and paged in SQL, and how many match in all. The tables must be current (TrackedCurrent).
func (s *Store) TrackedPage(ctx context.Context, f entente.CommitmentFilter, today string) ([]entente.TrackedCommitment, int, error) {
	var page []entente.TrackedCommitment
	var total int
	err := s.read(ctx, func(tx *sql.Tx) error {
		plan, keyed, err := planKeys(ctx, tx, &f)
		if err != nil {
			return err
		}
		var ids []int64
		if keyed {
			ids, total, err = keyedPage(ctx, tx, &plan, &f, today)
		} else {
			ids, total, err = trackedIDs(ctx, tx, &f, today)
		}
		if err != nil || len(ids) == 0 {
			return err
		}
		ls, err := listCommitments(ctx, tx, entente.CommitmentFilter{Withdrawn: true}, ids)
		if err != nil {
			return err
		}
		byID := make(map[int64]*listed, len(ls))
		for i := range ls {
			byID[ls[i].sentenceID] = &ls[i]
		}
		for _, id := range ids {
			if l := byID[id]; l != nil {
				page = append(page, l.TrackedCommitment)
			}
		}
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("page of commitments: %w", err)
	}
	if page == nil {
		page = []entente.TrackedCommitment{}
	}
	return page, total, nil
}

// trackedIDs pages f over the tracked rows (the withdrawn documents, one
// document): the sentences of the page, and how many match in all.
func trackedIDs(ctx context.Context, tx *sql.Tx, f *entente.CommitmentFilter, today string) ([]int64, int, error) {
	var total int
	var ids []int64
	err := func() error {
		var a args
		from := trackedFrom(f)
		partyOn := ""
		if f.Party != "" {
			dense, err := denseParty(ctx, tx, f.Party)
			if err != nil {
				return err
			}
			// a rare party's commitments are collected from its index and
			// sorted; a party to many statements is checked row by row in
			// the order's index until the page is full
			if !dense {
				from, partyOn = from+`JOIN tracked_parties fp ON fp.sentence_id = t.sentence_id `, "fp"
			}
		}
		where := whereClause(trackedWhere(f, today, &a, partyOn, false))
		var err error
		if totalsAnswer(f) {
			total, err = totalCommitments(ctx, tx, f) // counted ahead
		} else {
			var ca args
			err = tx.QueryRowContext(ctx, `SELECT count(*)`+from+whereClause(trackedWhere(f, today, &ca, partyOn, true)), ca...).Scan(&total)
		}
		if err != nil {
			return err
		}
		order := ""
		switch f.Sort {
		case "due":
			order = "coalesce(t.due_date, '9999-99-99'), "
		case "status":
			order = "t.status_rank, "
		}
		return queryRows(ctx, tx, `SELECT t.sentence_id`+from+where+` ORDER BY `+order+
			`t.signed_date DESC, t.document_id DESC, t.version_id DESC, t.position LIMIT `+a.add(f.Limit)+` OFFSET `+a.add(f.Offset), a,
			func(rs *sql.Rows) error {
				var id int64
				if err := rs.Scan(&id); err != nil {
					return err
				}
				ids = append(ids, id)
				return nil
			})
	}()
	if err != nil {
		return nil, 0, err
	}
	return ids, total, nil
}

// TrackedTally counts the set f selects for its scorecard, counting only
// the parties f names when it names some (Party, or the two of Pair).
// The tables must be current (TrackedCurrent).
func (s *Store) TrackedTally(ctx context.Context, f entente.CommitmentFilter, today string) (*entente.ScoreTally, error) {
	tally := &entente.ScoreTally{Counts: map[entente.Status]int{}}
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		if totalsAnswer(&f) {
			err = tallyFromTotals(ctx, tx, &f, today, tally)
		} else {
			err = tallyFromRows(ctx, tx, &f, today, tally)
		}
		if err != nil {
			return err
		}
		// Only the pairs whose status ever changed: the others are not
		// rated in every month of the timeline, which counts them as such
		// from the number of pairs. Read from the changes, which are
		// fewer than the pairs.
		var a args
		conds := trackedWhere(&f, today, &a, "p", true)
		if len(f.Pair) == 2 && f.Party == "" {
			conds = append(conds, "p.party IN ("+list(&a, f.Pair)+")")
		}
		return queryRows(ctx, tx, `SELECT DISTINCT t.commitment_id, p.party FROM status_changes sc
			JOIN tracked_commitments t ON t.commitment_id = sc.commitment_id
			JOIN tracked_parties p ON p.sentence_id = t.sentence_id AND p.party = sc.party `+
			strings.TrimPrefix(trackedFrom(&f), ` FROM tracked_commitments t `)+whereClause(conds), a, func(rs *sql.Rows) error {
			var sp entente.StatusPair
			if err := rs.Scan(&sp.Commitment, &sp.Party); err != nil {
				return err
			}
			tally.Tracked = append(tally.Tracked, sp)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("count commitments: %w", err)
	}
	return tally, nil
}

// denseParty says whether party binds at least one commitment in
// denseShare, from the totals.
func denseParty(ctx context.Context, tx *sql.Tx, party string) (bool, error) {
	var mine, all int64
	err := tx.QueryRowContext(ctx, `SELECT coalesce(sum(CASE WHEN party = $1 AND bound THEN n ELSE 0 END), 0),
		coalesce(sum(CASE WHEN party = '' THEN n ELSE 0 END), 0) FROM tracked_totals`, party).Scan(&mine, &all)
	return mine > 0 && mine >= all/denseShare, err
}

// totalsAnswer says whether tracked_totals answers f's counts: the whole
// collection or one party, withdrawn documents in or out.
func totalsAnswer(f *entente.CommitmentFilter) bool {
	return f.Document == 0 && len(f.Pair) == 0 && f.From == "" && f.To == "" && f.Area == "" && f.Strength == "" &&
		f.Status == "" && !f.Overdue && f.DueBefore == "" && f.DueAfter == ""
}

// totalCommitments counts the commitments f selects from tracked_totals
// (totalsAnswer(f) must hold): a party's pairs, one per commitment that
// binds it, or the commitments.
func totalCommitments(ctx context.Context, tx *sql.Tx, f *entente.CommitmentFilter) (int, error) {
	var a args
	w := totalsWhere(f, &a)
	if f.Party == "" {
		w = strings.Replace(w, "party <> ''", "party = '' AND status = ''", 1)
	}
	var n sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT sum(n) FROM tracked_totals `+w, a...).Scan(&n)
	return int(n.Int64), err
}

// totalsWhere selects the rows of tracked_totals that f counts: a
// party's binding pairs, or every pair; withdrawn documents when asked.
func totalsWhere(f *entente.CommitmentFilter, a *args) string {
	conds := []string{"party <> ''"}
	if f.Party != "" {
		conds = []string{"party = " + a.add(f.Party), "bound"}
	}
	if !f.Withdrawn {
		conds = append(conds, "NOT withdrawn")
	}
	return whereClause(conds)
}

// tallyFromTotals counts the pairs per status and the commitments from
// tracked_totals, and the overdue commitments from the rows (few: an
// index on open, withdrawn and due date finds them).
func tallyFromTotals(ctx context.Context, tx *sql.Tx, f *entente.CommitmentFilter, today string, tally *entente.ScoreTally) error {
	var a args
	err := queryRows(ctx, tx, `SELECT status, sum(n) FROM tracked_totals `+totalsWhere(f, &a)+` GROUP BY status`, a, func(rs *sql.Rows) error {
		var st string
		var n int
		if err := rs.Scan(&st, &n); err != nil {
			return err
		}
		tally.Counts[entente.Status(st)] += n
		if f.Party != "" {
			tally.Commitments += n // a party has one pair per commitment that binds it
		}
		return nil
	})
	if err != nil {
		return err
	}
	if f.Party == "" {
		if tally.Commitments, err = totalCommitments(ctx, tx, f); err != nil {
			return err
		}
	}
	if !f.Withdrawn {
		// the keys of migration 0010 hold the documents not withdrawn
		tally.Overdue, err = keyedOverdue(ctx, tx, f.Party, today)
		return err
	}
	a = nil
	conds := []string{"t.open = TRUE", "t.due_date < " + a.add(today)}
	if !f.Withdrawn {
		conds = append(conds, "t.withdrawn = FALSE")
	}
	from := ` FROM tracked_commitments t `
	if f.Party != "" {
		from += `JOIN tracked_parties p ON p.sentence_id = t.sentence_id `
		conds = append(conds, "p.party = "+a.add(f.Party), "p.bound")
	}
	return tx.QueryRowContext(ctx, `SELECT count(*)`+from+whereClause(conds), a...).Scan(&tally.Overdue)
}

// tallyFromRows counts the set f selects over the tracked rows.
func tallyFromRows(ctx context.Context, tx *sql.Tx, f *entente.CommitmentFilter, today string, tally *entente.ScoreTally) error {
	var a args
	where := whereClause(trackedWhere(f, today, &a, "", true))
	var od sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT count(*), sum(CASE WHEN `+overdue(&a, today)+` THEN 1 ELSE 0 END)`+trackedFrom(f)+where, a...).
		Scan(&tally.Commitments, &od)
	if err != nil {
		return err
	}
	tally.Overdue = int(od.Int64)
	// the pairs: each party row p of the set's commitments that f counts
	a = nil
	conds := trackedWhere(f, today, &a, "p", true)
	if len(f.Pair) == 2 && f.Party == "" {
		conds = append(conds, "p.party IN ("+list(&a, f.Pair)+")")
	}
	from := ` FROM tracked_parties p JOIN tracked_commitments t ON t.sentence_id = p.sentence_id ` +
		strings.TrimPrefix(trackedFrom(f), ` FROM tracked_commitments t `) + whereClause(conds)
	return queryRows(ctx, tx, `SELECT p.status, count(*)`+from+` GROUP BY p.status`, a, func(rs *sql.Rows) error {
		var st string
		var n int
		if err := rs.Scan(&st, &n); err != nil {
			return err
		}
		tally.Counts[entente.Status(st)] += n
		return nil
	})
}

// denseShare is the share of the collection above which a party's or an
// area's rows are read in order rather than collected and sorted.
const denseShare = 50 // one in 50
