package main

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/url"
	"strings"

	"github.com/entente/entente/postgres"
	"github.com/entente/entente/sqlstore"
)

// PostgreSQL has no statement that copies a schema, and a collection is a
// schema of the database named by -db. -into copies that whole database
// instead, file by file (CREATE DATABASE … TEMPLATE … STRATEGY
// FILE_COPY): its tables and indexes page for page as the build left them,
// as copyCollection copies SQLite's file, in a few seconds; a schema
// rebuilt by INSERT … SELECT would have new, tighter indexes, not the
// library's. The database copied must have no other session while it is
// copied: keep -db for measurements.

// pgAddress is a postgres:// address of the same server with another
// database.
func pgAddress(dsn, database string) (string, error) {
	u, err := url.Parse(dsn)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return "", fmt.Errorf("-into on PostgreSQL needs a postgres:// address, not %s", postgres.Redact(dsn))
	}
	u.Path = "/" + database
	return u.String(), nil
}

// pgDatabase is the database a postgres:// address names.
func pgDatabase(dsn string) (string, error) {
	u, err := url.Parse(dsn)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") || strings.Trim(u.Path, "/") == "" {
		return "", fmt.Errorf("-into on PostgreSQL needs a postgres:// address with a database, not %s", postgres.Redact(dsn))
	}
	return strings.Trim(u.Path, "/"), nil
}

// maintenance connects to the server's "postgres" database, from which
// another database can be copied or dropped (not from a session in it).
func maintenance(dsn string) (*sql.DB, error) {
	addr, err := pgAddress(dsn, "postgres")
	if err != nil {
		return nil, err
	}
	return sql.Open("pgx", addr)
}

// copyPGCollection copies the database of the PostgreSQL collection of n
// statements (built if it is not there yet) to a new database named
// copyName, and opens the collection's schema there, its connections
// named app (by which pgcpu finds their backends).
func copyPGCollection(ctx context.Context, log *slog.Logger, g *genre, c config, n int, copyName, app string) (*sqlstore.Store, error) {
	from, err := pgDatabase(c.db)
	if err != nil {
		return nil, err
	}
	cs, _, _, err := collection(ctx, log, g, c, n)
	if err != nil {
		return nil, err
	}
	// the template must have no session: the collection's own closed
	// (PostgreSQL waits up to 5 s for their backends to end)
	if err := cs.Close(); err != nil {
		return nil, err
	}
	admin, err := maintenance(c.db)
	if err != nil {
		return nil, err
	}
	defer admin.Close()
	_, err = admin.ExecContext(ctx, "CREATE DATABASE "+quoteIdent(copyName)+" TEMPLATE "+quoteIdent(from)+" STRATEGY FILE_COPY")
	if err != nil {
		return nil, fmt.Errorf("copy database %s (the collection of %d; no other session may use it meanwhile): %w", from, n, err)
	}
	addr, err := pgAddress(c.db, copyName)
	if err != nil {
		return nil, err
	}
	u, _ := url.Parse(withSearchPath(addr, schemaName(c, n)))
	q := u.Query()
	q.Set("application_name", app)
	u.RawQuery = q.Encode()
	s, err := postgres.Open(ctx, u.String())
	if err != nil {
		dropPGCopy(ctx, log, c, copyName)
		return nil, err
	}
	return s, nil
}

// dropPGCopy drops the database copyPGCollection made.
func dropPGCopy(ctx context.Context, log *slog.Logger, c config, copyName string) {
	admin, err := maintenance(c.db)
	if err != nil {
		log.Warn("drop the batch's database", "err", err)
		return
	}
	defer admin.Close()
	if _, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+quoteIdent(copyName)+" WITH (FORCE)"); err != nil {
		log.Warn("drop the batch's database", "name", copyName, "err", err)
	}
}

// quoteIdent quotes a PostgreSQL identifier.
func quoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
