package main

import (
	"context"
	"database/sql"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente/internal/syncbuf"
	_ "modernc.org/sqlite"
)

// A store that takes long to open (its migrations waiting, here, for another
// connection's write lock, as an upgrade's run on a large library) is said
// to be opening, on stderr, once; one that opens at once is not, and the
// line never comes after the store is open.
func TestSlowOpenSaid(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "entente.db")
	st, err := openStoreNoticed(ctx, path, io.Discard, time.Hour) // made, in WAL mode
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	// another connection holds the write lock for a while: opening waits
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	release := time.AfterFunc(400*time.Millisecond, func() {
		conn.ExecContext(ctx, "ROLLBACK")
		conn.Close()
	})
	defer release.Stop()
	var slow syncbuf.Buffer
	st, err = openStoreNoticed(ctx, path, &slow, 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if got := slow.String(); strings.Count(got, "still opening") != 1 || !strings.Contains(got, path) {
		t.Errorf("a slow open said %q, want one line naming the store", got)
	}

	// the same store again, now current: no line, then or later
	var quick syncbuf.Buffer
	st, err = openStoreNoticed(ctx, path, &quick, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	time.Sleep(2100 * time.Millisecond)
	if got := quick.String(); got != "" {
		t.Errorf("an open under the wait said %q", got)
	}
}
