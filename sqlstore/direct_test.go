package sqlstore

import (
	"database/sql"
	"database/sql/driver"
	"reflect"
	"testing"
	"time"
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
