// Package postgres opens Entente's store on a PostgreSQL server
// (`entente serve --db postgres://…`), through pgx's database/sql driver.
// The SQL is sqlstore's, shared with SQLite; what is PostgreSQL's own is
// here: the tsvector index and the advice on backups.
package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"runtime"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/entente/entente"
	"github.com/entente/entente/search"
	"github.com/entente/entente/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Open connects to the database named by dsn (a postgres:// URL or a
// key=value string) and migrates it. A search_path parameter in the DSN
// puts the tables in that schema (the tests use one schema each).
func Open(ctx context.Context, dsn string) (*sqlstore.Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: open %s: %w", Redact(dsn), err)
	}
	// pgx prepares each statement once per connection; after five runs
	// PostgreSQL would switch to a generic plan, which cannot tell a rare
	// search term from a common one and scanned every sentence for a term
	// found nowhere (0.4 s instead of 1 ms). Plan each run for its values.
	_, planSet := cfg.RuntimeParams["plan_cache_mode"]
	lcfg := cfg.Copy()
	if !planSet {
		cfg.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	}
	db := stdlib.OpenDB(*cfg)
	conns := max(8, 2*runtime.GOMAXPROCS(0))
	db.SetMaxOpenConns(conns)
	db.SetMaxIdleConns(conns)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: connect to %s: %w", Redact(dsn), err)
	}
	s, err := sqlstore.New(ctx, db, nil, Dialect{dsn: dsn})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: open %s: %w", Redact(dsn), err)
	}
	// The look-ups by key of a batch (an input's bytes, its text, its
	// near-duplicate candidates: each an index look-up whatever its values)
	// run on sessions that keep a statement's generic plan: planned again
	// for every input, they were an eighth of the server's CPU for a batch
	// ingest. Kept from the first run, not left to PostgreSQL's default
	// (auto): that compares the generic plan's cost, estimated once, with
	// the mean of the plans made for each run's values, and in a library
	// that a batch grows the estimates move under it (an index-only probe
	// of versions or sources is priced a page dearer once the table has a
	// page more than VACUUM saw all-visible), so that the generic plan,
	// made after five runs, cost more than those runs' mean and every run
	// of a batch of 300 into 10,000 statements was planned anew
	// (docs/decisions.md, "-into on PostgreSQL").
	if !planSet {
		lcfg.RuntimeParams["plan_cache_mode"] = "force_generic_plan"
	}
	// A plan kept so is made from the statistics of the moment: in a new
	// store's first batch, while near_sketches held a few rows, the
	// near-duplicate look-up's kept plan read the whole table instead of
	// its GIN index, for every input of the batch as the table grew.
	// Every query of this pool has an index that answers it, so the
	// planner is told to take it.
	if _, set := lcfg.RuntimeParams["enable_seqscan"]; !set {
		lcfg.RuntimeParams["enable_seqscan"] = "off"
	}
	ldb := stdlib.OpenDB(*lcfg)
	ldb.SetMaxOpenConns(lookupSessions(runtime.GOMAXPROCS(0)))
	ldb.SetMaxIdleConns(lookupSessions(runtime.GOMAXPROCS(0)))
	s.UseLookupPool(ldb)
	return s, nil
}

// lookupSessions is the size of the look-up pool on cores cores. A batch's
// examinations look each input up (its bytes, then its text with its
// near-duplicates) between reading, decoding and extracting it, which take
// some ten times as long as the look-ups, so half as many sessions as cores
// serve them without a queue worth the name. Each session is a backend the
// server starts and whose catalog caches it fills on its first look-ups
// (some 20–30 ms of the server's CPU, a tenth of a 300-statement batch's
// server CPU per session).
func lookupSessions(cores int) int { return max(1, (cores+1)/2) }

// Migrations returns the schema files, for tools that inspect them.
func Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded folder is always there
	}
	return sub
}

// Redact returns dsn with its password replaced by xxxxx, for messages.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.Scheme == "" {
		// key=value form: hide the password=… pair.
		fields := strings.Fields(dsn)
		for i, f := range fields {
			if strings.HasPrefix(f, "password=") {
				fields[i] = "password=xxxxx"
			}
		}
		return strings.Join(fields, " ")
	}
	return u.Redacted()
}

// Dialect is PostgreSQL's part of sqlstore.
type Dialect struct {
	dsn string // for the pg_dump advice
}

var _ sqlstore.Dialect = Dialect{}

// Name returns "postgres".
func (Dialect) Name() string { return "postgres" }

// Migrations returns the embedded schema files.
func (Dialect) Migrations() fs.FS { return Migrations() }

// LockMigrations takes an advisory lock until the transaction ends, so
// that a second process opening the same database waits and then sees the
// migration done (CREATE TABLE IF NOT EXISTS alone races). The lock is per
// schema: tests in other schemas go on.
func (Dialect) LockMigrations(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(hashtext('entente migrations ' || current_schema()))")
	return err
}

// LockEvents takes an advisory lock until the transaction ends, just
// before it writes its events and commits: two servers' concurrent changes
// then number their events in the order they commit, and a reader of the
// log that has seen event N never sees an event before N appear later.
// Per schema, like LockMigrations.
func (Dialect) LockEvents(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(hashtext('entente events ' || current_schema()))")
	return err
}

// SkipLocked locks the row a claim picks and passes over rows other
// claimers hold, so that workers on several servers take different jobs
// without waiting on one another.
func (Dialect) SkipLocked() string { return "FOR UPDATE SKIP LOCKED" }

// LockNamed takes a session's advisory lock on a connection it keeps until
// unlock: named in the schema, so that two libraries on one server do not
// wait on each other. A process that dies ends its session and its lock.
func (Dialect) LockNamed(ctx context.Context, db *sql.DB, name string) (func(), error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	const key = "hashtext($1 || ' ' || current_schema())"
	if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock("+key+")", name); err != nil {
		conn.Close()
		return nil, err
	}
	return func() {
		// released even when the work's context ended; a failure closes
		// the connection, which ends the session and its lock
		if _, err := conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock("+key+")", name); err != nil {
			conn.Raw(func(any) error { return driver.ErrBadConn })
		}
		conn.Close()
	}, nil
}

// BatchGroupSize is 96, as on SQLite: a batch writes up to 96 new
// documents a transaction. Its writer waits on the server for most of a
// group's write (the sentences' COPY, the array inserts, the commit's
// flush of the log), and much of that wait is per group. Interleaved sets
// of three (`entente-load -docs "" -batch 300 -repeat 3`, an empty store,
// twenty-eighth session): groups of 96 took 4.47, 4.44, 4.65, 4.57× the
// extraction against 5.05, 4.97, 4.71, 4.85× for 32 (CPU 3.70–3.85×
// against 3.81–4.06×); 64 and 128 lay between (docs/decisions.md).
func (Dialect) BatchGroupSize() int { return 96 }

// ReadersForgetCommits: backends read through one shared buffer cache.
func (Dialect) ReadersForgetCommits() bool { return false }

// Arrays says that pgx binds a Go slice as one array argument, so that
// search looks up a block's ids as one (= ANY($1)) and reads a page of
// hits in one statement (sqlstore's arrayDialect).
func (Dialect) Arrays() bool { return true }

// ReadCommitted says that a read transaction here gives its statements
// no common snapshot (READ COMMITTED), so search runs its statements
// without one (sqlstore's readCommittedDialect).
func (Dialect) ReadCommitted() bool { return true }

// Placeholder returns $n.
func (Dialect) Placeholder(n int) string { return "$" + strconv.Itoa(n) }

// ReserveIDs takes n values of the sequence of table's id, in one round
// trip. Two servers reserving at once get distinct values, as their
// INSERTs would. The sequence is looked up once per statement
// (MATERIALIZED): as a subquery in FROM the planner pulled the look-up
// into every row, a scan of pg_depend per id reserved (7% of the server's
// CPU for a batch ingest).
func (Dialect) ReserveIDs(ctx context.Context, tx *sql.Tx, table string, n int) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `WITH q AS MATERIALIZED (SELECT pg_get_serial_sequence($1, 'id')::regclass AS seq)
		SELECT nextval(q.seq) FROM q, generate_series(1, $2)`, table, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := make([]int64, 0, n)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// CopyRows writes n rows into table by COPY on conn, the connection that
// holds the write transaction: the server reads rows without parsing,
// planning and binding an INSERT of thousands of parameters, which was
// most of its CPU for a batch's sentence rows. Triggers fire as they do
// for an INSERT (the statement triggers with the copied rows as their
// transition table).
func (Dialect) CopyRows(ctx context.Context, conn *sql.Conn, table string, cols []string, n int, row func(i int) []any) error {
	return conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("copy into %s: %T is not a pgx connection", table, dc)
		}
		got, err := copyRows(ctx, c.Conn(), table, cols, n, row)
		if err != nil {
			return fmt.Errorf("copy into %s: %w", table, err)
		}
		if got != int64(n) {
			return fmt.Errorf("copy into %s: %d rows of %d", table, got, n)
		}
		return nil
	})
}

// PlanWrites lets the transaction's statements keep their plans
// (plan_cache_mode auto, until the transaction ends). Open makes each
// session plan every statement for its values, which is right for search
// but also replans the foreign-key check the server runs for every row
// written (a sketch's version, a section's, a mention's): a fifth of the
// server's CPU for a batch of new documents, where a kept plan does.
func (Dialect) PlanWrites(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "SET LOCAL plan_cache_mode = auto")
	return err
}

// CopyIndex writes index rows as InsertIndex does, by COPY on conn.
func (d Dialect) CopyIndex(ctx context.Context, conn *sql.Conn, rows []sqlstore.IndexRow) error {
	return d.CopyRows(ctx, conn, "sentence_search", []string{"sentence_id", "tokens"}, len(rows),
		func(i int) []any { return []any{rows[i].SentenceID, IndexText(rows[i].Tokens)} })
}

// InsertIndex writes each sentence's distinct tokens, joined by spaces;
// the GIN index reads them as a tsvector (indexTokens).
func (Dialect) InsertIndex(ctx context.Context, tx *sql.Tx, rows []sqlstore.IndexRow) error {
	for len(rows) > 0 {
		n := min(len(rows), 5000)
		var b strings.Builder
		args := make([]any, 0, 2*n)
		b.WriteString("INSERT INTO sentence_search (sentence_id, tokens) VALUES ")
		for i, r := range rows[:n] {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "($%d, $%d)", 2*i+1, 2*i+2)
			args = append(args, r.SentenceID, IndexText(r.Tokens))
		}
		if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// ClearIndex empties the index: its fresh rows, its postings and the
// deleted sentences the postings still list (migration 0032).
func (Dialect) ClearIndex(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "DELETE FROM sentence_search; DELETE FROM search_postings; DELETE FROM search_gone")
	return err
}

// CompactTable gives back the pages a large move of rows out of table
// left (an upgrade's carry-over, a fold of the index): VACUUM truncates
// its empty end, and its indexes are built again from the rows left (a
// GIN or b-tree index never gives pages back). Neither blocks other
// servers' reads and writes (both take a SHARE UPDATE EXCLUSIVE lock;
// VACUUM's truncation takes an exclusive one only if it can at once and
// gives it up when another waits), and neither runs inside a transaction.
// One server compacts at a time (a session advisory lock on a connection
// of its own; another returns at once): a REINDEX CONCURRENTLY that was
// killed leaves an invalid copy of the index (…_ccnew), which the next
// compaction drops, knowing no other is building it.
func (Dialect) CompactTable(ctx context.Context, db *sql.DB, table string) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("compact %s: %w", table, err)
	}
	defer conn.Close()
	const lock = "hashtext('entente compact ' || current_schema())"
	var got bool
	if err := conn.QueryRowContext(ctx, "SELECT pg_try_advisory_lock("+lock+")").Scan(&got); err != nil || !got {
		if err != nil {
			return fmt.Errorf("compact %s: %w", table, err)
		}
		return nil
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock("+lock+")") //nolint:errcheck // closing the connection releases it too
	var stale []string
	rows, err := conn.QueryContext(ctx, `SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
		WHERE i.indrelid = CAST($1 AS regclass) AND NOT i.indisvalid AND c.relname LIKE '%\_ccnew%'`, table)
	if err != nil {
		return fmt.Errorf("compact %s: %w", table, err)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return fmt.Errorf("compact %s: %w", table, err)
		}
		stale = append(stale, name)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("compact %s: %w", table, err)
	}
	var qs []string
	for _, name := range stale {
		qs = append(qs, "DROP INDEX CONCURRENTLY IF EXISTS "+pgx.Identifier{name}.Sanitize())
	}
	qs = append(qs, "VACUUM "+table, "REINDEX TABLE CONCURRENTLY "+table)
	for _, q := range qs {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("compact %s: %s: %w", table, q, err)
		}
	}
	return nil
}

// Postings says that the index's rows are folded into postings per token
// (sqlstore's postings.go, migration 0032), which search reads with the
// rows not yet folded.
func (Dialect) Postings() bool { return true }

// indexTokens is the tsvector the GIN index holds of a row's tokens
// (migration 0019): the text splits back into the tokens, which
// array_to_tsvector takes as lexemes as they are, without positions. The
// index only finds candidates (package search checks their text), so
// positions would be weight without use. Taking the tokens as they are,
// rather than calling to_tsvector('simple', …), keeps exactly the
// analyzer's tokens: PostgreSQL's parser would split some again (at
// hyphens, dots, or a script change) and drop words over 2 kB. The row
// stores the text, not the tsvector: a third fewer bytes (a tsvector spends
// four bytes on each lexeme's place).
const indexTokens = "array_to_tsvector(string_to_array(tokens, ' '))"

// IndexText writes tokens as a sentence's index row stores them: its
// distinct tokens joined by spaces (a token never holds one; an empty one,
// which array_to_tsvector refuses, is left out).
func IndexText(tokens []string) string {
	seen := make(map[string]struct{}, len(tokens))
	var b strings.Builder
	for _, t := range tokens {
		if _, ok := seen[t]; ok || t == "" {
			continue
		}
		seen[t] = struct{}{}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

// quote quotes a lexeme for a tsvector or tsquery literal.
func quote(t string) string {
	if strings.ContainsAny(t, `'\`) {
		t = lexemeEscaper.Replace(t)
	}
	return "'" + t + "'"
}

var lexemeEscaper = strings.NewReplacer(`\`, `\\`, `'`, `''`)

// MatchQuery renders the terms as a tsquery literal: every token of every
// term required (&; of a term whose tokens are alternatives, one: |), a
// one-character term as a prefix (:*).
func (Dialect) MatchQuery(q search.Terms) string {
	var parts []string
	for _, t := range q {
		var alts []string
		for _, tok := range t.Tokens {
			p := quote(tok)
			if t.Prefix {
				p += ":*"
			}
			if t.Any {
				alts = append(alts, p)
				continue
			}
			parts = append(parts, p)
		}
		if len(alts) > 0 {
			parts = append(parts, "("+strings.Join(alts, " | ")+")")
		}
	}
	return strings.Join(parts, " & ")
}

// PhraseQuery says that the index cannot answer a phrase: the postings keep
// no positions, so a run of three or more characters is looked up by its
// bigrams and its candidates' texts are checked.
func (Dialect) PhraseQuery(search.Terms) (string, bool) { return "", false }

// MatchIDs lists the sentence ids of the index rows that match.
func (Dialect) MatchIDs(match, after string, limit int) string {
	return "SELECT string_agg(CAST(sentence_id AS text), ',') FROM (SELECT sentence_id FROM sentence_search WHERE " + indexTokens +
		" @@ CAST(" + match + " AS tsquery) AND sentence_id > " + after + " ORDER BY sentence_id LIMIT " + strconv.Itoa(limit) + ") m"
}

// CountMatches counts the index rows that match.
func (Dialect) CountMatches(param string) string {
	return "SELECT count(*) FROM sentence_search WHERE " + indexTokens + " @@ CAST(" + param + " AS tsquery)"
}

// Backup cannot copy a server's database from here: it returns an error
// wrapping entente.ErrUnsupported that gives the pg_dump command to run.
func (d Dialect) Backup(_ context.Context, _ *sql.DB, path string) error {
	return fmt.Errorf("postgres: backup: %w: run pg_dump --format=custom --file=%s '%s' (restore with pg_restore)",
		entente.ErrUnsupported, path, Redact(d.dsn))
}

// IntegrityCheck is not offered: the server keeps its own files consistent
// and enforces foreign keys itself. It returns an error wrapping
// entente.ErrUnsupported.
func (Dialect) IntegrityCheck(context.Context, *sql.DB) error {
	return fmt.Errorf("postgres: integrity check: %w (use amcheck on the server)", entente.ErrUnsupported)
}

// InsertArraysSQL is the INSERT of cols into table from one array
// parameter per column, cast to types (sqlstore's arrayInserter):
// unnest zips the arrays into rows, in their order, so a sequence numbers
// the rows in that order as it does a multi-row VALUES'.
func (Dialect) InsertArraysSQL(table string, cols, types []string, tail, returning string) string {
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") SELECT * FROM unnest(")
	for i, t := range types {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("CAST($" + strconv.Itoa(i+1) + " AS " + t + "[])")
	}
	b.WriteString(")")
	if tail != "" {
		b.WriteString(" " + tail)
	}
	if returning != "" {
		b.WriteString(" RETURNING " + returning)
	}
	return b.String()
}

// ColumnTypes returns the SQL type of each column of table, in the
// transaction's schema (sqlstore's arrayInserter).
func (Dialect) ColumnTypes(ctx context.Context, tx *sql.Tx, table string) (map[string]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a
		WHERE a.attrelid = CAST(to_regclass($1) AS oid) AND a.attnum > 0 AND NOT a.attisdropped`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	types := map[string]string{}
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			return nil, err
		}
		types[name] = typ
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(types) == 0 {
		return nil, fmt.Errorf("no table %s", table)
	}
	return types, nil
}
