package walwrite_test

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/entente/entente/sqlite/walwrite"
)

// open opens path through the VFS when gathered, else through the
// default; one connection, as the store's writer has.
func open(t testing.TB, path string, gathered bool, pragmas string) *sql.DB {
	t.Helper()
	if err := walwrite.Register(); err != nil {
		t.Fatal(err)
	}
	dsn := "file:" + path + "?_pragma=busy_timeout(5000)&_journal_mode=WAL" + pragmas
	if gathered {
		dsn += "&vfs=" + walwrite.Name
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	return db
}

// fill inserts rows rows of size bytes each, numbered from first, in tx.
func fill(t testing.TB, tx *sql.Tx, first, rows, size int) {
	t.Helper()
	for i := range rows {
		if _, err := tx.Exec(`INSERT INTO t (id, b) VALUES (?, randomblob(?))`, first+i, size); err != nil {
			t.Fatal(err)
		}
	}
}

// filledTx begins a transaction on db and inserts rows rows of size bytes
// each, numbered from first, in it.
func filledTx(t testing.TB, db *sql.DB, first, rows, size int) *sql.Tx {
	t.Helper()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	fill(t, tx, first, rows, size)
	return tx
}

// commitRows commits a filledTx.
func commitRows(t testing.TB, db *sql.DB, first, rows, size int) {
	t.Helper()
	if err := filledTx(t, db, first, rows, size).Commit(); err != nil {
		t.Fatal(err)
	}
}

// rollBackRows rolls a filledTx back.
func rollBackRows(t testing.TB, db *sql.DB, first, rows, size int) {
	t.Helper()
	if err := filledTx(t, db, first, rows, size).Rollback(); err != nil {
		t.Fatal(err)
	}
}

// rowsIn is how many rows t holds and their bytes, as db reads them.
func rowsIn(t testing.TB, db *sql.DB) (n, bytes int64) {
	t.Helper()
	if err := db.QueryRow(`SELECT count(*), coalesce(sum(length(b)), 0) FROM t`).Scan(&n, &bytes); err != nil {
		t.Fatal(err)
	}
	return n, bytes
}

func integrity(t testing.TB, db *sql.DB) {
	t.Helper()
	var ok string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity check: %q, %v", ok, err)
	}
}

// TestCommitsReachTheFile: every commit, small or larger than the buffer,
// is in the log for a connection through the default VFS as soon as the
// commit returns, with the log synced at each commit or not; and the
// frames reach the default VFS in far fewer calls than SQLite's two a
// frame.
func TestCommitsReachTheFile(t *testing.T) {
	for _, sync := range []string{"NORMAL", "FULL"} {
		t.Run(sync, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "w.db")
			w := open(t, path, true, "&_pragma=synchronous("+sync+")")
			r := open(t, path, false, "")
			if _, err := w.Exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)`); err != nil {
				t.Fatal(err)
			}
			asked0, written0 := walwrite.Counts()
			next, want, wantBytes := 0, int64(0), int64(0)
			// one row, a few pages, then some hundred pages (past the buffer)
			for round, rows := range []int{1, 3, 200, 1, 150, 2} {
				commitRows(t, w, next, rows, 3000)
				next += rows
				want, wantBytes = want+int64(rows), wantBytes+int64(rows)*3000
				if n, b := rowsIn(t, r); n != want || b != wantBytes {
					t.Fatalf("commit %d of %d rows: the other connection reads %d rows (%d bytes), want %d (%d)", round, rows, n, b, want, wantBytes)
				}
			}
			asked, written := walwrite.Counts()
			asked, written = asked-asked0, written-written0
			t.Logf("synchronous=%s: %d writes asked of the log, %d passed on", sync, asked, written)
			if asked < 400 || written*8 > asked {
				t.Errorf("%d writes asked, %d passed on: want at least 400 asked, and an eighth of them or fewer passed on", asked, written)
			}
			integrity(t, r)
		})
	}
}

// TestSpilledAndRolledBack: a transaction larger than the writer's page
// cache spills frames to the log and reads them back, rewrites some
// (writes behind the buffer's end), and a transaction rolled back leaves
// frames that the next commit writes over: the rows read within the
// transaction, by another connection after the commit, after a
// checkpoint and after opening again are the committed ones.
func TestSpilledAndRolledBack(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.db")
	w := open(t, path, true, "&_pragma=cache_size(20)&_pragma=synchronous(NORMAL)")
	r := open(t, path, false, "")
	if _, err := w.Exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)`); err != nil {
		t.Fatal(err)
	}
	tx := filledTx(t, w, 0, 600, 2000) // some 300 pages, fifteen times the cache
	if _, err := tx.Exec(`UPDATE t SET b = zeroblob(1000) WHERE id % 7 = 0`); err != nil {
		t.Fatal(err)
	}
	var n, bytes int64
	if err := tx.QueryRow(`SELECT count(*), sum(length(b)) FROM t`).Scan(&n, &bytes); err != nil {
		t.Fatal(err)
	}
	rewritten := int64(600/7 + 1)
	wantBytes := (600-rewritten)*2000 + rewritten*1000
	if n != 600 || bytes != wantBytes {
		t.Fatalf("within the transaction: %d rows, %d bytes; want 600, %d", n, bytes, wantBytes)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	rollBackRows(t, w, 1000, 300, 2000) // rolled back after spilling
	commitRows(t, w, 2000, 5, 2000)
	wantBytes += 5 * 2000
	check := func(when string, db *sql.DB) {
		t.Helper()
		if n, b := rowsIn(t, db); n != 605 || b != wantBytes {
			t.Fatalf("%s: %d rows, %d bytes; want 605, %d", when, n, b, wantBytes)
		}
		integrity(t, db)
	}
	check("another connection", r)
	if _, err := w.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	check("after a checkpoint", r)
	w.Close()
	r.Close()
	check("opened again", open(t, path, false, ""))
}

// The child of TestKilledWriter: commits transactions through the VFS and
// says so after each, until it is killed.
func init() {
	path := os.Getenv("WALWRITE_CHILD_DB")
	if path == "" {
		return
	}
	if err := walwrite.Register(); err != nil {
		fmt.Println(err)
		os.Exit(2)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)&_journal_mode=WAL&_pragma=synchronous(NORMAL)&vfs="+walwrite.Name)
	if err == nil {
		_, err = db.Exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)`)
	}
	for i := 0; err == nil; i++ {
		var tx *sql.Tx
		if tx, err = db.BeginTx(context.Background(), nil); err != nil {
			break
		}
		for k := 0; k < 40 && err == nil; k++ {
			_, err = tx.Exec(`INSERT INTO t (id, b) VALUES (?, randomblob(1500))`, i*40+k)
		}
		if err == nil {
			err = tx.Commit()
		}
		if err == nil {
			fmt.Printf("committed %d\n", (i+1)*40)
		}
	}
	fmt.Println(err)
	os.Exit(2)
}

// TestKilledWriter: a process killed while it commits through the VFS
// leaves a database that passes its integrity check and holds every
// transaction whose commit had returned.
func TestKilledWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "k.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "WALWRITE_CHILD_DB="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acknowledged := 0
	sc := bufio.NewScanner(out)
	for sc.Scan() && acknowledged < 4000 {
		rows, ok := strings.CutPrefix(sc.Text(), "committed ")
		if !ok {
			t.Fatalf("the child: %s", sc.Text())
		}
		if acknowledged, err = strconv.Atoi(rows); err != nil {
			t.Fatal(err)
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	db := open(t, path, false, "")
	integrity(t, db)
	n, _ := rowsIn(t, db)
	if n < int64(acknowledged) || n%40 != 0 {
		t.Fatalf("%d rows after the kill, want whole transactions and at least the %d acknowledged", n, acknowledged)
	}
	t.Logf("%d rows acknowledged before the kill, %d found", acknowledged, n)
}

// TestRolledBackThenOtherWriter: frames a transaction spilled and then
// rolled back are never written over what another connection committed
// after it. Connection a (through the VFS, a small cache) spills and rolls
// back; connection b (through the default VFS) commits at the same place
// in the log; a then reads and writes again.
func TestRolledBackThenOtherWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "o.db")
	a := open(t, path, true, "&_pragma=cache_size(20)&_pragma=synchronous(NORMAL)")
	b := open(t, path, false, "&_pragma=synchronous(NORMAL)")
	if _, err := a.Exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)`); err != nil {
		t.Fatal(err)
	}
	// the log copied into the file, so that rolling back reads page 1
	// from the file, not from the log
	if _, err := a.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	rollBackRows(t, a, 0, 300, 2000)  // spills: some 150 pages through a cache of 20
	commitRows(t, b, 1000, 300, 3000) // more frames than a spilled, over all of them
	if n, bytes := rowsIn(t, a); n != 300 || bytes != 300*3000 {
		t.Fatalf("a after b's commit: %d rows, %d bytes; want 300, %d", n, bytes, 300*3000)
	}
	commitRows(t, a, 2000, 10, 3000)
	for name, db := range map[string]*sql.DB{"a": a, "b": b} {
		if n, bytes := rowsIn(t, db); n != 310 || bytes != 310*3000 {
			t.Fatalf("%s at the end: %d rows, %d bytes; want 310, %d", name, n, bytes, 310*3000)
		}
		integrity(t, db)
	}
}

// TestCommitAtEveryPlaceInTheBuffer: transactions of 1 to 80 pages, so
// that the last frame of one of them falls at every place in the buffer,
// its header the last thing that fits among them: each commit is read
// whole by another connection at once.
func TestCommitAtEveryPlaceInTheBuffer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	w := open(t, path, true, "&_pragma=synchronous(NORMAL)")
	r := open(t, path, false, "")
	if _, err := w.Exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)`); err != nil {
		t.Fatal(err)
	}
	next, want := 0, int64(0)
	for pages := 1; pages <= 80; pages++ {
		commitRows(t, w, next, pages, 3500) // a row a page
		next, want = next+pages, want+int64(pages)
		if n, b := rowsIn(t, r); n != want || b != want*3500 {
			t.Fatalf("after a transaction of %d pages: %d rows, %d bytes; want %d, %d", pages, n, b, want, want*3500)
		}
	}
	integrity(t, r)
}
