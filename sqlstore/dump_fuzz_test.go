package sqlstore_test

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/entente/entente/sqlite"
)

// FuzzRestore feeds Restore archives made from a real dump with bytes
// changed: it must refuse or load, never panic, and a refusal must leave
// the store empty.
func FuzzRestore(f *testing.F) {
	src := openSQLite(f)
	fillLibrary(f, src)
	var buf bytes.Buffer
	if _, err := src.Dump(context.Background(), &buf); err != nil {
		f.Fatal(err)
	}
	d := buf.Bytes()
	f.Add(d)
	f.Add(d[:len(d)/2])
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	dir, n := f.TempDir(), 0
	st := openSQLite(f)
	f.Cleanup(func() { st.Close() })
	f.Fuzz(func(t *testing.T, b []byte) {
		if _, err := st.Restore(context.Background(), bytes.NewReader(b), int64(len(b))); err == nil {
			// It loaded: the next input needs an empty store.
			st.Close()
			n++
			var err error
			if st, err = sqlite.Open(context.Background(), filepath.Join(dir, fmt.Sprintf("%d.db", n))); err != nil {
				t.Fatal(err)
			}
			return
		}
		if n := count(t, st, "documents") + count(t, st, "users") + count(t, st, "events"); n != 0 {
			t.Fatalf("a refused archive left %d rows", n)
		}
	})
}
