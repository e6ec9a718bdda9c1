package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
)

// ErrSchemaTooNew is returned when opening a database whose schema a newer
// binary migrated: this one would not know its tables.
var ErrSchemaTooNew = errors.New("database schema is newer than this binary")

// migration is one numbered schema file.
type migration struct {
	version int
	name    string // the file name
	sql     string
}

// migrate applies, in order and each in its own transaction, the dialect's
// migrations that the database has not recorded in schema_migrations.
// It is a few lines of our own rather than a library: files are plain SQL,
// forward only, and the refusal to open a newer schema is ours to word.
func migrate(ctx context.Context, db *sql.DB, d Dialect) error {
	ms, err := readMigrations(d.Migrations())
	if err != nil {
		return fmt.Errorf("migrate %s: %w", d.Name(), err)
	}
	for _, m := range ms {
		if err := applyMigration(ctx, db, d, m); err != nil {
			return fmt.Errorf("migrate %s: %s: %w", d.Name(), m.name, err)
		}
	}
	// A database that a newer binary migrated has versions we lack.
	return checkVersion(ctx, db, ms)
}

// createMigrationsTable records the migrations applied. The runner creates
// it, not a migration, so that it can be read before any has run.
const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	applied_at TIMESTAMP NOT NULL
)`

// applyMigration applies m unless the database already has it. The check
// runs inside the transaction, after the lock, so that a concurrent opener
// that migrated first is seen.
func applyMigration(ctx context.Context, db *sql.DB, d Dialect, m migration) error {
	sw, off := d.(foreignKeysSwitch)
	off = off && strings.HasPrefix(m.sql, foreignKeysOffMark)
	var begin interface {
		BeginTx(context.Context, *sql.TxOptions) (*sql.Tx, error)
	} = db
	if off {
		// One connection, so that the switch and the transaction share it;
		// the switch is turned back before the connection returns to the
		// pool, whatever happens.
		conn, err := db.Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		if err := sw.SetForeignKeys(ctx, conn, false); err != nil {
			return fmt.Errorf("foreign keys off: %w", err)
		}
		defer sw.SetForeignKeys(context.WithoutCancel(ctx), conn, true) //nolint:errcheck // a failure leaves the pragma to the next open
		begin = conn
	}
	tx, err := begin.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := d.LockMigrations(ctx, tx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, createMigrationsTable); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	// applied when recorded, not when a higher number is: numbers are
	// handed out to work done in parallel, so a lower one can land later
	var applied int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = $1`, m.version).Scan(&applied); err != nil {
		return err
	}
	if applied > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, CURRENT_TIMESTAMP)`,
		m.version, m.name); err != nil {
		return err
	}
	if off {
		if err := sw.CheckForeignKeys(ctx, tx); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// foreignKeysOffMark, as a migration's first line, asks for it to run with
// the dialect's foreign keys off, when the dialect can turn them off
// (foreignKeysSwitch). SQLite needs it to make a table again (a column
// type or constraint it cannot alter): dropping the old table with foreign
// keys on deletes every row that refers to it.
const foreignKeysOffMark = "-- entente: foreign keys off\n"

// foreignKeysSwitch is a dialect whose foreign keys are a setting of the
// connection, outside transactions (SQLite's PRAGMA foreign_keys).
type foreignKeysSwitch interface {
	SetForeignKeys(ctx context.Context, conn *sql.Conn, on bool) error
	// CheckForeignKeys fails if a row refers to a row that is not there.
	CheckForeignKeys(ctx context.Context, tx *sql.Tx) error
}

func checkVersion(ctx context.Context, db *sql.DB, ms []migration) error {
	var current int
	if err := db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if newest := ms[len(ms)-1].version; current > newest {
		return fmt.Errorf("%w: the database is at version %d, this binary knows up to %d", ErrSchemaTooNew, current, newest)
	}
	return nil
}

// readMigrations reads the files NNNN_name.sql at the root of fsys, in
// order of their numbers, each used once. A gap is allowed: numbers are
// handed out in advance to work done in parallel, which lands in any order.
func readMigrations(fsys fs.FS) ([]migration, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, name := range names {
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name is not NNNN_name.sql", name)
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: path.Base(name), sql: string(b)})
	}
	slices.SortFunc(ms, func(a, b migration) int { return a.version - b.version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("migration %s: number %04d is also %s's", ms[i].name, ms[i].version, ms[i-1].name)
		}
	}
	if len(ms) == 0 {
		return nil, errors.New("no migrations")
	}
	return ms, nil
}
