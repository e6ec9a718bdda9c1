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
	tx, err := db.BeginTx(ctx, nil)
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
	return tx.Commit()
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
