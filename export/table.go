package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/entente/entente"
)

// Kind is what a column holds, so that each format writes it typed: a
// spreadsheet gets numbers as numbers and dates as dates.
type Kind int

// Column kinds.
const (
	Text Kind = iota
	Int
	Float
	Date     // a day: time.Time, or a "YYYY-MM-DD" string
	DateTime // an instant: time.Time
	Bool     // true or false: TRUE and FALSE in CSV, as spreadsheets write them
)

// Nested is a value that is a list of records (a commitment's statuses
// per party, its evidence): JSON writes Value as it is, the flat formats
// the one line of Text.
type Nested struct {
	Text  string
	Value any
}

// Column is one column of a table; Width is its width in a spreadsheet,
// in characters (0 picks one by kind).
type Column struct {
	Name  string
	Kind  Kind
	Width float64
}

// Table names a list and its columns.
type Table struct {
	Name    string
	Columns []Column
}

// About says what an export holds: which list, with which filters, when
// and by whom. XLSX writes it on a sheet of its own, JSON beside the rows.
type About struct {
	What    string
	Filters []Filter
	At      time.Time
	By      entente.Actor
}

// Filter is one filter of the exported list as the user gave it.
type Filter struct {
	Name, Value string
}

// TableWriter writes tables a row at a time: Begin a table, its Rows, and
// Close. Rows are written as they come, so an export of any length runs in
// bounded memory.
type TableWriter interface {
	Begin(t Table) error
	// Row writes one row: one value per column, of the column's kind (nil
	// for none); a []string is joined with "; ".
	Row(values []any) error
	Close() error
}

// Formats are the formats a list exports in.
var Formats = []string{"csv", "xlsx", "json"}

// NewTableWriter returns the writer of format onto w.
func NewTableWriter(format string, w io.Writer, about About) (TableWriter, error) {
	switch format {
	case "csv":
		return newCSVWriter(w), nil
	case "xlsx":
		return newXLSXWriter(w, about), nil
	case "json":
		return newJSONWriter(w, about), nil
	}
	return nil, entente.Errorf(entente.EINVALID, "%q is not a list export format: %s", format, strings.Join(Formats, ", "))
}

// day returns v as a day, if it is one.
func day(v any) (time.Time, bool) {
	switch x := v.(type) {
	case time.Time:
		return x, !x.IsZero()
	case *time.Time:
		if x != nil {
			return *x, !x.IsZero()
		}
	case string:
		t, err := time.Parse(time.DateOnly, x)
		return t, err == nil
	case *string:
		if x != nil {
			t, err := time.Parse(time.DateOnly, *x)
			return t, err == nil
		}
	}
	return time.Time{}, false
}

// text renders a value as text, as CSV writes it and as the other formats
// write a value that is not of its column's kind.
func text(k Kind, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case *string:
		if x == nil {
			return ""
		}
		return *x
	case []string:
		return strings.Join(x, "; ")
	case time.Time:
		if x.IsZero() {
			return ""
		}
		if k == Date {
			return x.Format(time.DateOnly)
		}
		return x.UTC().Format(time.RFC3339)
	case *time.Time:
		if x == nil {
			return ""
		}
		return text(k, *x)
	case *float64:
		if x == nil {
			return ""
		}
		return fmt.Sprint(*x)
	case bool:
		if x {
			return "TRUE"
		}
		return "FALSE"
	case Nested:
		return x.Text
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// checkRow refuses a row that does not fit the table.
func checkRow(t *Table, values []any) error {
	if t == nil {
		return fmt.Errorf("export: a row before its table")
	}
	if len(values) != len(t.Columns) {
		return fmt.Errorf("export: %s: a row of %d values for %d columns", t.Name, len(values), len(t.Columns))
	}
	return nil
}
