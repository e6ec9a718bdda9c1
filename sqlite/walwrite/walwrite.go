// Package walwrite registers an SQLite VFS that gathers the writes of a
// transaction to the write-ahead log into few large ones.
//
// SQLite writes each frame of its log with two system calls: the frame's
// 24-byte header, then the page. Into a large library a batch's writer
// commits some thousand frames a group, and on the machines measured
// these calls were an eighth of the writer's time: 3.4–4.1 µs a frame,
// against 1.0–1.2 µs for the same bytes written 124 KiB a call
// (docs/decisions.md, "The log's frames written together").
//
// The VFS is the platform's default VFS with one change: a file opened as a
// log keeps the frames written one after the other in a buffer of
// BufferSize bytes, and writes them out, in one call a buffer, before
// anything could read them or rely on them:
//   - as soon as the last frame of a transaction is written (its header
//     holds the database's size after the commit, which the other frames'
//     leave zero): SQLite publishes a commit to other connections only
//     after it has written all its frames, so every commit is in the file,
//     as it would be without the VFS, before any reader can see it, and an
//     error writing it fails the commit as SQLite's own write would;
//   - before a write elsewhere in the file, a read, a sync, a truncation,
//     a size asked for, a file control or the close;
//   - when the buffer is full.
//
// The buffer holds frames of a transaction that has not committed only
// while it runs: a transaction larger than the connection's cache spills
// frames before its commit, and if it rolls back, those frames are dropped
// when the connection gives up the log's write lock (the database file's
// xShmLock, the one method of that file the VFS puts itself in front of);
// written later, they would land on frames another connection has
// committed since in the same place. A crash loses only such frames,
// which SQLite's recovery would ignore anyway. Every other file (journals,
// temporary files) keeps the default VFS's methods untouched.
//
// To tell which database file a log belongs to, the VFS reads the first
// fields of SQLite's Wal structure, which SQLite allocates just before the
// log's file structure; where they do not read back as the VFS and the log
// file given to xOpen, the log is left to SQLite's own writes.
package walwrite

import (
	"errors"
	"sync"
	"sync/atomic"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// Name is the VFS's name, for an SQLite URI's vfs parameter.
const Name = "entente-wal"

// BufferSize is how many bytes of frames a log's buffer holds before it
// writes them: the most the unix VFS writes in one call is 128 KiB less a
// byte (it masks a larger amount, seekAndWriteFd), so 31 pages of 4 KiB,
// some 30 frames with their headers. Written so, a frame cost about 1 µs
// of the writer's time where its two calls cost 4.
const BufferSize = 31 << 12

// frameHeader is the size of a log frame's header.
const frameHeader = 24

// walHeader is the size of the log's own header, before its first frame.
const walHeader = 32

var (
	registerOnce sync.Once
	errRegister  error

	// methodsMu guards methods: each io methods table of the default VFS
	// that a log was opened with, and this package's copy of it.
	methodsMu sync.Mutex
	methods   = map[methodsKey]uintptr{}

	// stateOffset is where a file's state begins after the default VFS's
	// own file structure, in the memory SQLite gives each file.
	stateOffset uintptr

	// what the logs asked of this VFS and what it passed on (Counts)
	frames, writes atomic.Int64
)

// Counts says how many writes SQLite asked of the logs opened through the
// VFS since the process started, and how many it passed on to the default
// VFS.
func Counts() (asked, written int64) { return frames.Load(), writes.Load() }

// Register registers the VFS, once in a process; later calls return the
// first one's error.
func Register() error {
	registerOnce.Do(func() { errRegister = register() })
	return errRegister
}

func register() error {
	tls := libc.NewTLS()
	defer tls.Close()
	base := sqlite3.Xsqlite3_vfs_find(tls, 0)
	if base == 0 {
		return errors.New("walwrite: SQLite has no default VFS")
	}
	baseVFS := (*sqlite3.Tsqlite3_vfs)(ptr(base))
	stateOffset = (uintptr(baseVFS.FszOsFile) + 7) &^ 7
	// the structures SQLite keeps for the life of the process: in SQLite's
	// memory, never freed, as a VFS registered at start-up is
	vfs := sqlite3.Xsqlite3_malloc64(tls, uint64(unsafe.Sizeof(sqlite3.Tsqlite3_vfs{})))
	name, err := libc.CString(Name)
	if vfs == 0 || err != nil {
		return errors.New("walwrite: out of memory")
	}
	v := (*sqlite3.Tsqlite3_vfs)(ptr(vfs))
	*v = *baseVFS
	v.FpNext = 0
	v.FzName = name
	v.FszOsFile = int32(stateOffset + unsafe.Sizeof(state{}))
	v.FxOpen = funcPointer(xOpen)
	if rc := sqlite3.Xsqlite3_vfs_register(tls, vfs, 0); rc != sqlite3.SQLITE_OK {
		return errors.New("walwrite: register the VFS: " + libc.GoString(sqlite3.Xsqlite3_errstr(tls, rc)))
	}
	return nil
}

// state is what the VFS keeps of an open log, in the memory SQLite gives
// the file, after the default VFS's structure. SQLite uses a file from one
// connection at a time, so it needs no lock.
type state struct {
	methods uintptr // the default VFS's io methods for the file, once this package's are in front
	buf     uintptr // a log's: BufferSize bytes in SQLite's memory, or 0 before the first write
	off     int64   // where in the file buf's first byte goes
	n       int64   // how many bytes buf holds
	commit  int32   // the last write was the header of a transaction's last frame
	peer    uintptr // a log's database file, a database file's log
}

func fileState(file uintptr) *state { return (*state)(ptr(file + stateOffset)) }

// xOpen opens the file with the default VFS and, for a log, puts this
// package's methods in front of the default's.
func xOpen(tls *libc.TLS, vfs, name, file uintptr, flags int32, outFlags uintptr) int32 {
	base := sqlite3.Xsqlite3_vfs_find(tls, 0)
	*fileState(file) = state{}
	rc := callOpen((*sqlite3.Tsqlite3_vfs)(ptr(base)).FxOpen, tls, vfs, name, file, flags, outFlags)
	f := (*sqlite3.Tsqlite3_file)(ptr(file))
	if rc != sqlite3.SQLITE_OK || flags&sqlite3.SQLITE_OPEN_WAL == 0 || f.FpMethods == 0 {
		return rc
	}
	db := databaseOf(vfs, file)
	if db == 0 {
		return rc // not the layout this package knows: the log is written as SQLite writes it
	}
	wrapped, err := wrap(tls, f.FpMethods, logMethods)
	if err != nil {
		return sqlite3.SQLITE_NOMEM
	}
	dbFile := (*sqlite3.Tsqlite3_file)(ptr(db))
	dbState := fileState(db)
	if dbState.methods == 0 {
		dbWrapped, err := wrap(tls, dbFile.FpMethods, databaseMethods)
		if err != nil {
			return sqlite3.SQLITE_NOMEM
		}
		dbState.methods = dbFile.FpMethods
		dbFile.FpMethods = dbWrapped
	}
	dbState.peer = file
	s := fileState(file)
	s.methods, s.peer = f.FpMethods, db
	f.FpMethods = wrapped
	return rc
}

// databaseOf returns the database file whose log file is, or 0. SQLite
// opens a log into the memory just after its Wal structure (sqlite3WalOpen:
// pWalFd is &pRet[1]), whose first fields are the VFS, the database file
// and the log file; the VFS and the log file read back as given are what
// tells that the layout is the one this package was built with.
func databaseOf(vfs, file uintptr) uintptr {
	w := (*sqlite3.TWal)(ptr(file - unsafe.Sizeof(sqlite3.TWal{})))
	if w.FpVfs != vfs || w.FpWalFd != file {
		return 0
	}
	return w.FpDbFd
}

// logMethods puts this package's methods in front of a log's.
func logMethods(t *sqlite3.Tsqlite3_io_methods) {
	t.FxClose = funcPointer(xClose)
	t.FxRead = funcPointer(xRead)
	t.FxWrite = funcPointer(xWrite)
	t.FxTruncate = funcPointer(xTruncate)
	t.FxSync = funcPointer(xSync)
	t.FxFileSize = funcPointer(xFileSize)
	t.FxFileControl = funcPointer(xFileControl)
}

// databaseMethods puts this package's lock method in front of a database
// file's.
func databaseMethods(t *sqlite3.Tsqlite3_io_methods) {
	t.FxShmLock = funcPointer(xShmLock)
}

// wrap returns this package's copy of an io methods table with put's
// methods in front, made the first time it is asked for.
func wrap(tls *libc.TLS, base uintptr, put func(*sqlite3.Tsqlite3_io_methods)) (uintptr, error) {
	methodsMu.Lock()
	defer methodsMu.Unlock()
	key := methodsKey{base, funcPointer(put)}
	if m, ok := methods[key]; ok {
		return m, nil
	}
	m := sqlite3.Xsqlite3_malloc64(tls, uint64(unsafe.Sizeof(sqlite3.Tsqlite3_io_methods{})))
	if m == 0 {
		return 0, errors.New("walwrite: out of memory")
	}
	t := (*sqlite3.Tsqlite3_io_methods)(ptr(m))
	*t = *(*sqlite3.Tsqlite3_io_methods)(ptr(base))
	put(t)
	methods[key] = m
	return m, nil
}

// methodsKey is a default VFS's io methods table and what was put in front.
type methodsKey struct{ base, put uintptr }

func baseMethods(file uintptr) *sqlite3.Tsqlite3_io_methods {
	return (*sqlite3.Tsqlite3_io_methods)(ptr(fileState(file).methods))
}

// flush writes what the buffer holds.
func flush(tls *libc.TLS, file uintptr) int32 {
	s := fileState(file)
	if s.n == 0 {
		return sqlite3.SQLITE_OK
	}
	n, off := s.n, s.off
	s.n = 0
	writes.Add(1)
	return callWrite(baseMethods(file).FxWrite, tls, file, s.buf, int32(n), off)
}

func xWrite(tls *libc.TLS, file, data uintptr, amount int32, offset int64) int32 {
	frames.Add(1)
	s := fileState(file)
	// the previous write was the header of a transaction's last frame: this
	// is its page, after which the buffer is written out, whether or not
	// the header went out first to make room
	commitPage := s.commit != 0
	s.commit = 0
	if s.n > 0 && (offset != s.off+s.n || s.n+int64(amount) > BufferSize) {
		if rc := flush(tls, file); rc != sqlite3.SQLITE_OK {
			return rc
		}
	}
	if s.buf == 0 && int64(amount) <= BufferSize {
		s.buf = sqlite3.Xsqlite3_malloc64(tls, BufferSize)
	}
	src := unsafe.Slice((*byte)(ptr(data)), amount)
	// A frame's header, then its page: the header of a transaction's last
	// frame holds the database's size in pages after the commit (bytes 4
	// to 7), every other frame's zero. (SQLite splits a write at a sync
	// point only when it syncs the log at the commit, and the sync writes
	// the buffer out, so a header written in two parts needs no more.)
	header := amount == frameHeader && offset >= walHeader
	if header && src[4]|src[5]|src[6]|src[7] != 0 {
		s.commit = 1
	}
	if s.buf == 0 || int64(amount) > BufferSize {
		writes.Add(1)
		return callWrite(baseMethods(file).FxWrite, tls, file, data, amount, offset)
	}
	if s.n == 0 {
		s.off = offset
	}
	copy(unsafe.Slice((*byte)(ptr(s.buf+uintptr(s.n))), amount), src)
	s.n += int64(amount)
	if commitPage && !header {
		return flush(tls, file)
	}
	return sqlite3.SQLITE_OK
}

func xRead(tls *libc.TLS, file, data uintptr, amount int32, offset int64) int32 {
	if rc := flush(tls, file); rc != sqlite3.SQLITE_OK {
		return rc
	}
	return callRead(baseMethods(file).FxRead, tls, file, data, amount, offset)
}

func xTruncate(tls *libc.TLS, file uintptr, size int64) int32 {
	if rc := flush(tls, file); rc != sqlite3.SQLITE_OK {
		return rc
	}
	return callTruncate(baseMethods(file).FxTruncate, tls, file, size)
}

func xSync(tls *libc.TLS, file uintptr, flags int32) int32 {
	if rc := flush(tls, file); rc != sqlite3.SQLITE_OK {
		return rc
	}
	return callInt(baseMethods(file).FxSync, tls, file, flags)
}

func xFileSize(tls *libc.TLS, file, size uintptr) int32 {
	if rc := flush(tls, file); rc != sqlite3.SQLITE_OK {
		return rc
	}
	return callPointer(baseMethods(file).FxFileSize, tls, file, size)
}

func xFileControl(tls *libc.TLS, file uintptr, op int32, arg uintptr) int32 {
	if rc := flush(tls, file); rc != sqlite3.SQLITE_OK {
		return rc
	}
	return callControl(baseMethods(file).FxFileControl, tls, file, op, arg)
}

// xClose writes what the buffer holds and closes the file; the close
// happens even if the write fails, and its error is the one returned.
func xClose(tls *libc.TLS, file uintptr) int32 {
	s := fileState(file)
	rc := flush(tls, file)
	if s.buf != 0 {
		sqlite3.Xsqlite3_free(tls, s.buf)
		s.buf = 0
	}
	if s.peer != 0 {
		fileState(s.peer).peer = 0
	}
	closed := callClose(baseMethods(file).FxClose, tls, file)
	if rc != sqlite3.SQLITE_OK {
		return rc
	}
	return closed
}

// walWriteLock is the shared-memory lock a connection holds to write the
// log (WAL_WRITE_LOCK in SQLite's wal.c, its first lock).
const walWriteLock = 0

// xShmLock, on a database file: when its connection gives up the right to
// write the log, what its log's buffer still holds is frames of a
// transaction that did not commit (a commit's were written out at its last
// frame), spilled from a cache too small for it and then rolled back.
// They are dropped here, while the lock is still held: written later, they
// would land on frames another connection commits in the same place.
func xShmLock(tls *libc.TLS, file uintptr, offset, n, flags int32) int32 {
	if offset == walWriteLock && flags == sqlite3.SQLITE_SHM_UNLOCK|sqlite3.SQLITE_SHM_EXCLUSIVE {
		if log := fileState(file).peer; log != 0 {
			s := fileState(log)
			s.n, s.commit = 0, 0
		}
	}
	return callShmLock(baseMethods(file).FxShmLock, tls, file, offset, n, flags)
}
