package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/entente/entente/search"
	"github.com/entente/entente/sqlstore"
)

// Dialect is SQLite's part of sqlstore: the FTS5 index, VACUUM INTO
// backups and the integrity checks.
type Dialect struct {
	file string // the database's path, for SyncLog
}

var _ sqlstore.Dialect = Dialect{}

// Name returns "sqlite".
func (Dialect) Name() string { return "sqlite" }

// Migrations returns the embedded schema files.
func (Dialect) Migrations() fs.FS { return Migrations() }

// LockMigrations does nothing: the writer's transactions begin IMMEDIATE,
// which already excludes every other writer.
func (Dialect) LockMigrations(context.Context, *sql.Tx) error { return nil }

// LockEvents does nothing: SQLite has one writer at a time, so events are
// numbered in the order their transactions commit.
func (Dialect) LockEvents(context.Context, *sql.Tx) error { return nil }

// SkipLocked returns nothing: a claim runs in a write transaction, and
// SQLite has one writer at a time.
func (Dialect) SkipLocked() string { return "" }

// LockNamed does nothing: the processes on one SQLite file (a server, a
// command now and then) rarely do the same work at once, and a named lock
// across them would need a file of its own.
func (Dialect) LockNamed(context.Context, *sql.DB, string) (func(), error) { return func() {}, nil }

// ReadersForgetCommits: in WAL mode a connection that begins a read after
// another committed finds the log changed and resets its page cache.
func (Dialect) ReadersForgetCommits() bool { return true }

// BatchGroupSize is 96: a batch writes up to 96 new documents per commit,
// three times ingest's default. Much of a commit's cost on SQLite is per
// group rather than per statement: the log's fsync (synchronous=FULL;
// 1–10 ms on this VM, by strace), the checkpoint's fsync of the file, the
// version matcher's look-ups, and the leaves of the three sha256-keyed
// indexes, whose random keys dirty about 27 of the ~100 leaves of each
// per group of 32 at 10,000 statements and about 60 per group of 96.
// Interleaved sets of `entente-load -batch 300 -repeat N`: into 10,000
// statements groups of 96 took about 4% less CPU and 8% less wall time
// than groups of 32 (2.75× against 2.98× the extraction), into 100,000
// 12–16% less wall time, at some 15% more page faults (the documents
// waiting for a larger group). PostgreSQL kept the default then: there it was
// within the noise (docs/decisions.md, "Batch ingest, fifteenth session");
// since the twenty-eighth session it asks for 96 too (postgres.Dialect).
func (Dialect) BatchGroupSize() int { return 96 }

// BindsDirectly returns true: the writer's multi-row INSERTs run on the
// driver's statements with their values bound from one reused slice
// (sqlstore's direct.go), without database/sql's new slice of converted
// arguments for every run.
func (Dialect) BindsDirectly() bool { return true }

// Placeholder returns ?: SQLite binds anonymous placeholders by position
// without the name lookup that $n costs.
func (Dialect) Placeholder(int) string { return "?" }

// ReserveIDs returns the rowids SQLite would give n new rows of table:
// one past the largest, or, for a table with AUTOINCREMENT, past the
// largest it ever gave (sqlite_sequence), so that an id a deleted row had
// is not given again (a blob may still name its source: migration 0057).
// The write transaction holds SQLite's one write lock, so no other writer
// takes them before the rows are written.
func (Dialect) ReserveIDs(ctx context.Context, tx *sql.Tx, table string, n int) ([]int64, error) {
	var last int64
	if err := tx.QueryRowContext(ctx, `SELECT max(coalesce((SELECT max(id) FROM `+table+`), 0),
		coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0))`, table).Scan(&last); err != nil {
		return nil, err
	}
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = last + 1 + int64(i)
	}
	return ids, nil
}

// InsertIndex writes the sentences' tokens, joined by spaces, into the FTS5
// table under the sentence's id.
func (Dialect) InsertIndex(ctx context.Context, tx *sql.Tx, rows []sqlstore.IndexRow) error {
	for len(rows) > 0 {
		// Each statement flushes what FTS5 holds in memory, so a batch of
		// documents goes in as few as SQLite's 32766 variables allow.
		n := min(len(rows), 16000)
		var b strings.Builder
		args := make([]any, 0, 2*n)
		b.WriteString("INSERT INTO sentence_fts (rowid, tokens) VALUES ")
		for i, r := range rows[:n] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("(?, ?)")
			args = append(args, r.SentenceID, search.Join(r.Tokens))
		}
		if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// mergePages is how many pages of the FTS5 index one merge step writes
// before it stops at the next term: a few milliseconds of the write lock,
// so that a write waiting for it waits that long (migration 0050). A step
// ends only where a term does, so one whose list of sentences spans many
// pages makes its step longer: the last merge of a library of 100,000,
// twelve segments into one, took 701 steps, p50 8 ms, p99 60 ms, the
// longest 0.16 s (docs/decisions.md, "Statistics of a few rows kept while
// the tables grow").
const mergePages = 64

// MergeIndexStep merges levels of the FTS5 index that hold four segments
// or more (its usermerge), at most mergePages pages, and says whether it
// did: a step with nothing to merge changes fewer than two rows (FTS5's
// documented test of its merge command).
func (Dialect) MergeIndexStep(ctx context.Context, tx *sql.Tx) (bool, error) {
	var before, after int64
	if err := tx.QueryRowContext(ctx, "SELECT total_changes()").Scan(&before); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO sentence_fts (sentence_fts, rank) VALUES ('merge', ?)", mergePages); err != nil {
		return false, err
	}
	if err := tx.QueryRowContext(ctx, "SELECT total_changes()").Scan(&after); err != nil {
		return false, err
	}
	return after-before >= 2, nil
}

// ClearIndex empties the FTS5 table with its delete-all command.
func (Dialect) ClearIndex(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO sentence_fts (sentence_fts) VALUES ('delete-all')")
	return err
}

// MatchQuery renders the terms as an FTS5 query: every token of every term
// required (of a term whose tokens are alternatives, one), a
// one-character term as a prefix ("铁"*). A run of three or more
// characters is asked for by its bigrams wherever they stand: the store
// counts its candidates so (BM25's document frequency, as PostgreSQL's)
// and finds its matches with PhraseQuery.
func (Dialect) MatchQuery(q search.Terms) string { return matchQuery(q, false) }

// PhraseQuery renders the terms as MatchQuery does but for a run of three
// or more characters, asked for as the phrase of its bigrams ("人类" +
// "类命" + …). The index keeps positions (migration 0053), so the phrase
// matches where the bigrams stand at consecutive places, which is where
// the characters stand in a row within one run (search.Term.Phrase): its
// matches are the sentences that hold the terms, and no text is checked.
func (Dialect) PhraseQuery(q search.Terms) (string, bool) { return matchQuery(q, true), true }

func matchQuery(q search.Terms, phrases bool) string {
	quote := func(tok string) string { return `"` + strings.ReplaceAll(tok, `"`, `""`) + `"` }
	var parts []string
	for _, t := range q {
		if phrases && t.Phrase() {
			toks := make([]string, len(t.Tokens))
			for i, tok := range t.Tokens {
				toks[i] = quote(tok)
			}
			parts = append(parts, strings.Join(toks, " + "))
			continue
		}
		var alts []string
		for _, tok := range t.Tokens {
			p := quote(tok)
			if t.Prefix {
				p += "*"
			}
			if t.Any {
				alts = append(alts, p)
				continue
			}
			parts = append(parts, p)
		}
		if len(alts) > 0 {
			parts = append(parts, "("+strings.Join(alts, " OR ")+")")
		}
	}
	return strings.Join(parts, " AND ")
}

// MatchIDs lists rowids of the FTS5 table that match, the first limit
// after after (FTS5 seeks to a rowid bound and returns rowids in order).
func (Dialect) MatchIDs(match, after string, limit int) string {
	return "SELECT group_concat(rowid) FROM (SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH " + match +
		" AND rowid > " + after + " ORDER BY rowid LIMIT " + strconv.Itoa(limit) + ")"
}

// CommonTokens lists the FTS5 index's tokens held by at least least
// sentences, with their counts, from its vocabulary table (migration
// 0066), which reads the whole index: some 3 s at 100,000 statements.
func (Dialect) CommonTokens(least string) string {
	return "SELECT term, doc FROM sentence_fts_vocab WHERE doc >= " + least
}

// CountMatches counts the rows of the FTS5 table that match.
func (Dialect) CountMatches(param string) string {
	return "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH " + param
}

// Backup writes a consistent copy of the database to path with VACUUM
// INTO, which reads one snapshot and so works while the store is in use
// (WAL lets writers go on meanwhile). It refuses to overwrite a file.
func (Dialect) Backup(ctx context.Context, db *sql.DB, path string) error {
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("sqlite: backup: %s already exists", path)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("sqlite: backup: %w", err)
	}
	if _, err := db.ExecContext(ctx, "VACUUM INTO $1", path); err != nil {
		return fmt.Errorf("sqlite: backup to %s: %w", path, err)
	}
	return nil
}

// IntegrityCheck runs PRAGMA integrity_check, PRAGMA foreign_key_check,
// the check of the sentences' versions (which no foreign key checks since
// migration 0034) and FTS5's own integrity check, and returns what they
// found.
func (Dialect) IntegrityCheck(ctx context.Context, db *sql.DB) error {
	var problems []string
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("sqlite: integrity check: %w", err)
	}
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			rows.Close()
			return fmt.Errorf("sqlite: integrity check: %w", err)
		}
		if msg != "ok" {
			problems = append(problems, msg)
		}
	}
	if err := closeRows(rows); err != nil {
		return fmt.Errorf("sqlite: integrity check: %w", err)
	}
	rows, err = db.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return fmt.Errorf("sqlite: foreign key check: %w", err)
	}
	for rows.Next() {
		var (
			table, parent string
			rowid         sql.NullInt64
			fkid          int
		)
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			rows.Close()
			return fmt.Errorf("sqlite: foreign key check: %w", err)
		}
		problems = append(problems, fmt.Sprintf("%s row %s refers to a missing %s", table, strconv.FormatInt(rowid.Int64, 10), parent))
	}
	if err := closeRows(rows); err != nil {
		return fmt.Errorf("sqlite: foreign key check: %w", err)
	}
	bad, err := orphanSentences(ctx, db)
	if err != nil {
		return err
	}
	problems = append(problems, bad...)
	if _, err := db.ExecContext(ctx, "INSERT INTO sentence_fts (sentence_fts) VALUES ('integrity-check')"); err != nil {
		problems = append(problems, "search index: "+err.Error())
	}
	if len(problems) > 0 {
		return fmt.Errorf("sqlite: integrity check: %s", strings.Join(problems, "; "))
	}
	return nil
}

// orphanSentences describes the sentences whose version is missing or
// belongs to another document than theirs, at most ten: what the foreign
// keys of sentences checked before migration 0034 (the store writes a
// sentence in the transaction that holds its version, with the version's
// ids).
func orphanSentences(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT s.id, s.version_id, s.document_id, v.document_id
		FROM sentences s LEFT JOIN versions v ON v.id = s.version_id
		WHERE v.id IS NULL OR v.document_id <> s.document_id ORDER BY s.id LIMIT 10`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: sentences check: %w", err)
	}
	var problems []string
	for rows.Next() {
		var (
			id, version, doc int64
			versionDoc       sql.NullInt64
		)
		if err := rows.Scan(&id, &version, &doc, &versionDoc); err != nil {
			rows.Close()
			return nil, fmt.Errorf("sqlite: sentences check: %w", err)
		}
		if !versionDoc.Valid {
			problems = append(problems, fmt.Sprintf("sentences row %d refers to a missing version %d", id, version))
		} else {
			problems = append(problems, fmt.Sprintf("sentences row %d is of document %d, its version %d of document %d", id, doc, version, versionDoc.Int64))
		}
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("sqlite: sentences check: %w", err)
	}
	return problems, nil
}

func closeRows(rows *sql.Rows) error {
	err := rows.Err()
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	return err
}

// SetForeignKeys turns foreign keys on or off for conn, outside any
// transaction (SQLite ignores the pragma within one). The migration runner
// turns them off for a migration that makes a referenced table again.
func (Dialect) SetForeignKeys(ctx context.Context, conn *sql.Conn, on bool) error {
	q := "PRAGMA foreign_keys = OFF"
	if on {
		q = "PRAGMA foreign_keys = ON"
	}
	if _, err := conn.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("sqlite: %s: %w", q, err)
	}
	return nil
}

// CheckForeignKeys fails if a row of the database refers to a row that is
// not there: what a migration run with foreign keys off must not leave.
func (Dialect) CheckForeignKeys(ctx context.Context, tx *sql.Tx) error {
	var table, parent string
	var rowid sql.NullInt64
	var fkid int
	err := tx.QueryRowContext(ctx, "PRAGMA foreign_key_check").Scan(&table, &rowid, &parent, &fkid)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("sqlite: foreign key check: %w", err)
	}
	return fmt.Errorf("sqlite: foreign key check: a row of %s (rowid %d) refers to a missing row of %s", table, rowid.Int64, parent)
}
