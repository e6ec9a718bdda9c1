// Package sqlite opens Entente's store in an SQLite file, the default of
// `entente serve`: one file, no server, a pure-Go driver (modernc.org/sqlite)
// so that the binary builds without cgo.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"runtime"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/entente/entente/sqlite/walwrite"
	"github.com/entente/entente/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// The pragmas every connection gets:
//   - WAL: readers never block the writer nor the writer readers, and
//     VACUUM INTO can copy the file while it is in use.
//   - synchronous=FULL: in WAL mode NORMAL may lose the last transactions
//     on power loss (never corrupting the file); FULL syncs the log at
//     every commit, because the product promises that nothing a user
//     entered is lost. It costs one fsync per write transaction. A batch
//     ingest's groups commit with NORMAL on the writer's connection and
//     sync every few groups, reporting only what a sync made durable
//     (sync.go, RelaxSync; sqlstore's DeferSync).
//   - foreign_keys: SQLite leaves them off by default, and deletes rely on
//     ON DELETE CASCADE.
//   - busy_timeout: another process holding the write lock makes us wait
//     up to 5 s instead of failing at once.
//   - mmap_size: reads map the file instead of copying each page; search
//     reads thousands of random sentence rows per query. 2 GB is the most
//     SQLite's default build maps; pages past it are read as usual. The
//     writer and the look-up pool map nothing (unmappedPragmas).
//   - page_size: a new database has pages of 4 KB, SQLite's default, set
//     here because the store once asked for 8 KB. Into a large library
//     most of what a commit writes to the log is leaves of indexes keyed
//     by a hash or a date, one a statement wherever its key falls (the
//     sha256 of versions, blobs and sources, the signing dates, the
//     parties): each costs a whole page in the log and again in the
//     checkpoint, so a page of 4 KB halves it. A batch of 300 into a
//     library of 100,000 wrote 13 MB to the log instead of 21 MB (10.7
//     frames a statement against 8.6) and ran some 7% faster; into an
//     empty store, where the writer's groups of some 48 statements fill
//     the pages they append to, the two sizes ran alike; an upload
//     stored alone took about a quarter less; search at 10,000 was no
//     slower (docs/decisions.md, "Pages of 4 KB again"). A database that
//     exists keeps its pages: SQLite cannot change them in WAL mode. Its
//     backup (VACUUM INTO, a new file) has pages of 4 KB.
//
// The driver runs the _pragma values sorted by name, after busy_timeout,
// and its journal_mode key after them all: WAL is set by that key, so that
// page_size comes first, while a new file has no page yet.
const pragmas = commonPragmas + "&_pragma=mmap_size(2147418112)&_journal_mode=WAL"

// unmappedPragmas are the pragmas of the writer's connection and of the
// look-up pool's: the same, without mmap.
//
// The look-up pool: a look-up by key reads a few pages, and a reading
// connection forgets its pages whenever another connection has committed
// (WAL); with the file mapped it also unmaps the whole map then
// (pagerBeginReadTransaction: pager_reset, then sqlite3OsUnfetch of all of
// it), maps it again at its next read and faults in each page it reads.
// A batch's writer commits every group, and its examinations look every
// input up in between: the munmap, the map again and the faults (each a
// TLB shoot-down and the address space's lock, felt by every thread of the
// process) cost more than reading those few pages with pread
// (docs/decisions.md, "The look-ups of a batch into a library").
// Search keeps the map: it reads many pages between two commits.
//
// The writer: it reads into its page cache, which keeps 4 MB of pages
// (writerCache), with pread. Into a large library a batch's writer reads
// pages spread over the whole file (the leaves of the sha256 indexes, of
// the dates, of the near-duplicate sketches); through the map each first
// read of a page in a process is a fault that maps 16 pages around it, on
// the machines measured some 20–30 µs, where a pread into a page of the
// cache it reuses is a few. With a cache of 64 MB, which took new memory
// (itself faulted in) for every page read, the map was the cheaper
// (docs/decisions.md, "Batch ingest, eighteenth session"); with 4 MB it is
// not: a batch of 300 into 100,000 statements ran 11% faster unmapped, the
// same into 10,000 and into an empty store ("Batch ingest, nineteenth
// session").
const unmappedPragmas = commonPragmas + "&_pragma=mmap_size(0)&_journal_mode=WAL"

// commonPragmas are the pragmas of every connection but the map's size
// and the journal.
const commonPragmas = "_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=page_size(4096)&_pragma=synchronous(FULL)"

// writerCache is the page cache of the one writing connection: 4 MB of
// pages kept after use (SQLite's default is 2 MB), but up to 8,192 pages
// (32 MB with pages of 4 KB, 64 MB in a database made with 8 KB) changed
// by a transaction before any is spilled. A large write (a batch of
// statements, a re-extraction, a migration) changes more pages than 2 MB
// hold; SQLite would spill dirty pages to the log in the middle of the
// transaction and read them back, which was a third of the CPU of
// computing the tracked tables when the store kept them in tables
// (migrations 0010–0040). Clean pages need no
// such room: one read again costs a pread into a page the cache reuses
// (the writer maps nothing, unmappedPragmas). A cache of 64 MB for clean
// pages too cost more than it saved: each page it grows by is memory the
// process faults in (11–14 µs a page on the machines measured), and a
// batch into 100,000 statements ran 10% slower with it
// (docs/decisions.md, "Batch ingest, nineteenth session").
// temp_store=MEMORY keeps in memory the statement journal of each
// multi-row INSERT into a table with foreign keys (what lets one failed
// statement roll back alone; the other INSERTs keep none, sqlstore's
// sqliteInsert): otherwise SQLite writes it to a temporary file, a system
// call per page, which a batch ingest's profile showed.
//
// wal_autocheckpoint(8000): the writer copies its log into the file once
// the log holds 8,000 pages (32 MB with pages of 4 KB, 64 MB with 8 KB)
// rather than SQLite's 1,000. A checkpoint reads each page back from the
// log and writes it into the file (two system calls a page), then syncs the file, whose pages it
// wrote all over (11–27 ms on the machines measured); a page changed by
// several commits between two checkpoints is copied once. A batch of 300
// statements into 100,000 wrote some 2,100 pages of 8 KB to the log and
// checkpointed within itself (3,200 of 4 KB now); it now leaves its log
// to the next checkpoint (a later commit's, or the last connection's as it closes),
// and a batch of 3,000 with its index's catch-up syncs the file 14 times
// instead of 95 (strace): counted with the checkpoint that follows it, a
// batch costs 3–5% less (docs/decisions.md, "The writer's log
// checkpointed every 8,000 pages").
// Readers find a page in the log through its index in shared memory,
// however long the log; the log's file keeps its largest size until the
// last connection closes.
const writerCache = "_pragma=cache_size(-4096)&_pragma=cache_spill(8192)&_pragma=temp_store(MEMORY)&_pragma=wal_autocheckpoint(8000)"

// writerVFS is the VFS of the writing connection, the one that writes the
// log: the default VFS, but for the log's frames, which it writes a
// transaction's at a time instead of two system calls a frame (package
// walwrite; docs/decisions.md, "The log's frames written together").
// The readers and the look-up pool write no log and keep the default.
const writerVFS = "&vfs=" + walwrite.Name

// Open opens (creating it if need be) the SQLite database at path and
// migrates it. Writes go through one connection whose transactions start
// with BEGIN IMMEDIATE: a transaction takes the write lock before it reads,
// so two writers (in this process or another) queue under busy_timeout
// instead of deadlocking on a lock upgrade. Reads use a pool of their own.
func Open(ctx context.Context, path string) (*sqlstore.Store, error) {
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil, fmt.Errorf("sqlite: open %q: need a file path", path)
	}
	if err := walwrite.Register(); err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	file := "file:" + escapePath(path) + "?"
	db, err := sql.Open("sqlite", file+unmappedPragmas+"&_txlock=immediate&"+writerCache+writerVFS)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	db.SetConnMaxLifetime(0)
	db.SetConnMaxIdleTime(0)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	rdb, err := sql.Open("sqlite", file+pragmas)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	readers := max(4, runtime.GOMAXPROCS(0))
	rdb.SetMaxOpenConns(readers)
	rdb.SetMaxIdleConns(readers)
	s, err := sqlstore.New(ctx, db, rdb, Dialect{file: path})
	if err != nil {
		db.Close()
		rdb.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := planStatistics(ctx, db, rdb); err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	// the look-ups by key (an input's bytes and text, near-duplicates,
	// version candidates) on a pool of their own, unmapped: opened after
	// the statistics, so that its connections read them as they are now
	ldb, err := sql.Open("sqlite", file+unmappedPragmas)
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	ldb.SetMaxOpenConns(readers)
	ldb.SetMaxIdleConns(readers)
	s.UseLookupPool(ldb)
	return s, nil
}

// escapePath escapes what an SQLite URI filename would read as syntax.
func escapePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}

// Migrations returns the schema files, for tools that inspect them.
func Migrations() fs.FS {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		panic(err) // the embedded folder is always there
	}
	return sub
}
