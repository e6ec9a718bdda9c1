package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// RelaxSync sets synchronous=NORMAL on conn, which the writer's
// connection otherwise has FULL (see pragmas): its commits write the log
// without syncing it. In WAL mode that never corrupts the file; a power
// loss may lose the last such commits, whole. restore sets FULL again.
// A batch ingest commits its groups so and syncs once (sqlstore's
// DeferSync).
func (Dialect) RelaxSync(ctx context.Context, conn *sql.Conn) (func(context.Context) error, error) {
	if _, err := conn.ExecContext(ctx, "PRAGMA synchronous=NORMAL"); err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	return func(ctx context.Context) error {
		if _, err := conn.ExecContext(ctx, "PRAGMA synchronous=FULL"); err != nil {
			return fmt.Errorf("sqlite: %w", err)
		}
		return nil
	}, nil
}

// SyncLog syncs the database's log (its -wal file) and the folder that
// holds it, as SQLite's own commit with synchronous=FULL would: a sync of
// the file makes every commit written to it durable, whichever connection
// wrote them. Where there is no log, the last connection to close copied
// it into the database and synced that.
func (d Dialect) SyncLog(ctx context.Context) error {
	if d.file == "" {
		return errors.New("sqlite: sync the log: the dialect knows no database file")
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	log := d.file + "-wal"
	if err := syncFile(log, os.O_RDWR); errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return fmt.Errorf("sqlite: sync %s: %w", log, err)
	}
	// a log created since the folder was last synced is found again after
	// a power loss only if the folder's entry for it is durable too
	// (Windows syncs no folder, and keeps the entry with the file)
	if runtime.GOOS == "windows" {
		return nil
	}
	if err := syncFile(filepath.Dir(log), os.O_RDONLY); err != nil {
		return fmt.Errorf("sqlite: sync the folder of %s: %w", log, err)
	}
	return nil
}

// syncFile opens name and syncs it to its storage. A sync flushes the
// file's data whatever descriptor wrote it.
func syncFile(name string, flag int) error {
	f, err := os.OpenFile(name, flag, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	return errors.Join(err, f.Close())
}
