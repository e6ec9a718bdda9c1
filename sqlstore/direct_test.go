package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// TestDriverValue: the writer's direct binding converts each value as
// database/sql converts an argument, the kinds it takes at once included.
func TestDriverValue(t *testing.T) {
	s := "text"
	type label string
	tests := []struct {
		name string
		v    any
	}{
		{"nil", nil},
		{"int", 42},
		{"negative int", -7},
		{"int64", int64(1) << 40},
		{"int32", int32(-3)},
		{"uint8", uint8(200)},
		{"string", "合作"},
		{"empty string", ""},
		{"bytes", []byte{0, 1, 255}},
		{"nil bytes", []byte(nil)},
		{"bool", true},
		{"float64", 1.5},
		{"time", time.Date(2024, 5, 6, 7, 8, 9, 123456000, time.UTC)},
		{"pointer to string", &s},
		{"nil pointer", (*string)(nil)},
		{"named string", label("s1")},
		{"valuer", sql.NullString{String: "x", Valid: true}},
		{"null valuer", sql.NullInt64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, werr := driver.DefaultParameterConverter.ConvertValue(tt.v)
			got, err := driverValue(tt.v)
			if (err != nil) != (werr != nil) || !reflect.DeepEqual(got, want) {
				t.Errorf("driverValue(%#v) = %#v, %v; database/sql converts it to %#v, %v", tt.v, got, err, want, werr)
			}
		})
	}
	// a value database/sql refuses is refused
	if _, err := driverValue(struct{}{}); err == nil {
		t.Error("a struct was converted")
	}
}

// TestAppendArgs: a row's values are numbered on from the rows before it,
// the columns held constant are left out (the statement has them as
// literals), and a row whose value is not its column's constant is
// refused, so that no row is ever written with a value it did not have.
func TestAppendArgs(t *testing.T) {
	consts := constants{1: ""}
	args, err := appendArgs(nil, []any{1, "", "a"}, 3, consts)
	if err != nil {
		t.Fatal(err)
	}
	args, err = appendArgs(args, []any{2, "", nil}, 3, consts)
	if err != nil {
		t.Fatal(err)
	}
	want := []driver.NamedValue{{Ordinal: 1, Value: int64(1)}, {Ordinal: 2, Value: "a"}, {Ordinal: 3, Value: int64(2)}, {Ordinal: 4, Value: nil}}
	if !reflect.DeepEqual(args, want) {
		t.Errorf("args = %#v, want %#v", args, want)
	}
	for _, tt := range []struct {
		name string
		row  []any
	}{
		{"another text", []any{3, "x", "a"}},
		{"null", []any{3, nil, "a"}},
		{"not a text", []any{3, 0, "a"}},
		{"too few values", []any{3, ""}},
	} {
		if _, err := appendArgs(nil, tt.row, 3, consts); err == nil {
			t.Errorf("%s: %v was taken", tt.name, tt.row)
		}
	}
}

// TestDirectCloseDuringWrite: closing the statements while a write holds
// the one connection waits for the write, which may still run an INSERT
// (it takes the statements' lock) before it lets the connection go. Close
// held that lock while it waited for the connection, and the two waited
// for each other for ever.
func TestDirectCloseDuringWrite(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, "CREATE TABLE t (a INTEGER)"); err != nil {
		t.Fatal(err)
	}
	var d directStmts
	conn, err := db.Conn(ctx) // the write's connection
	if err != nil {
		t.Fatal(err)
	}
	row := func(i int) []any { return []any{i} }
	if err := d.exec(ctx, conn, "INSERT INTO t (a) VALUES (?)", 1, nil, 0, 1, row); err != nil {
		t.Fatal(err)
	}
	closed := make(chan struct{})
	go func() {
		d.close(ctx, db) // waits for the connection
		close(closed)
	}()
	time.Sleep(50 * time.Millisecond) // let close wait
	wrote := make(chan error, 1)
	go func() { wrote <- d.exec(ctx, conn, "INSERT INTO t (a) VALUES (?)", 1, nil, 1, 2, row) }()
	select {
	case err := <-wrote:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the write's INSERT waited for the closing statements")
	}
	conn.Close()
	select {
	case <-closed:
	case <-time.After(10 * time.Second):
		t.Fatal("close did not end once the write let the connection go")
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM t").Scan(&n); err != nil || n != 2 {
		t.Errorf("%d rows, %v; want 2", n, err)
	}
}
