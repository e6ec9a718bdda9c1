package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"time"
)

// jsonWriter writes one table as a JSON object: what was exported (about),
// the columns, and the rows as objects keyed by column, typed (numbers as
// numbers, lists as arrays, dates as ISO 8601, none as null).
type jsonWriter struct {
	w     *bufio.Writer
	about About
	table *Table
	rows  int
	row   map[string]any
}

func newJSONWriter(w io.Writer, about About) *jsonWriter {
	return &jsonWriter{w: bufio.NewWriter(w), about: about}
}

type jsonAbout struct {
	What    string            `json:"what"`
	Filters map[string]string `json:"filters"`
	At      time.Time         `json:"exported_at"`
	By      string            `json:"exported_by"`
}

func (j *jsonWriter) Begin(t Table) error {
	if j.table != nil {
		return fmt.Errorf("export: JSON holds one table (%s), not %s too", j.table.Name, t.Name)
	}
	j.table = &t
	a := jsonAbout{What: j.about.What, Filters: map[string]string{}, At: j.about.At.UTC(), By: j.about.By.Name}
	for _, f := range j.about.Filters {
		a.Filters[f.Name] = f.Value
	}
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = c.Name
	}
	j.w.WriteString(`{"about":`)
	if err := j.encode(a); err != nil {
		return err
	}
	j.w.WriteString(`,"table":`)
	if err := j.encode(t.Name); err != nil {
		return err
	}
	j.w.WriteString(`,"columns":`)
	if err := j.encode(cols); err != nil {
		return err
	}
	_, err := j.w.WriteString(`,"rows":[`)
	j.row = make(map[string]any, len(t.Columns))
	return err
}

func (j *jsonWriter) Row(values []any) error {
	if err := checkRow(j.table, values); err != nil {
		return err
	}
	for i, col := range j.table.Columns {
		j.row[col.Name] = jsonValue(col.Kind, values[i])
	}
	if j.rows > 0 {
		j.w.WriteByte(',')
	}
	j.rows++
	return j.encode(j.row)
}

func (j *jsonWriter) encode(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	if _, err := j.w.Write(b); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

func jsonValue(k Kind, v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case Nested:
		return x.Value
	case []string:
		if x == nil {
			return []string{}
		}
		return x
	case *string:
		if x == nil {
			return nil
		}
		return *x
	case *float64:
		if x == nil {
			return nil
		}
		return *x
	}
	switch k {
	case Int, Float, Bool:
		return v
	case Date, DateTime:
		if s := text(k, v); s != "" {
			return s
		}
		return nil
	}
	return text(k, v)
}

func (j *jsonWriter) Close() error {
	if j.table == nil {
		return nil
	}
	j.w.WriteString("]}\n")
	if err := j.w.Flush(); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}
