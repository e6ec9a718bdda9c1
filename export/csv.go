package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// csvWriter writes one table as CSV in UTF-8 with a byte-order mark, which
// spreadsheets need to read UTF-8 (Chinese) rather than the local code page.
type csvWriter struct {
	w     io.Writer
	cw    *csv.Writer
	table *Table
	rec   []string
}

func newCSVWriter(w io.Writer) *csvWriter { return &csvWriter{w: w} }

func (c *csvWriter) Begin(t Table) error {
	if c.table != nil {
		return fmt.Errorf("export: CSV holds one table (%s), not %s too", c.table.Name, t.Name)
	}
	c.table = &t
	if _, err := io.WriteString(c.w, "\uFEFF"); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	c.cw = csv.NewWriter(c.w)
	c.rec = make([]string, len(t.Columns))
	for i, col := range t.Columns {
		c.rec[i] = col.Name
	}
	return c.write()
}

func (c *csvWriter) Row(values []any) error {
	if err := checkRow(c.table, values); err != nil {
		return err
	}
	for i, v := range values {
		k := c.table.Columns[i].Kind
		c.rec[i] = text(k, v)
		if k == Text {
			c.rec[i] = neutralize(c.rec[i])
		}
	}
	return c.write()
}

func (c *csvWriter) write() error {
	if err := c.cw.Write(c.rec); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

func (c *csvWriter) Close() error {
	if c.cw == nil {
		return nil
	}
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

// neutralize keeps a text cell from being read as a formula by a
// spreadsheet (=, +, -, @ at the start), as the web's exports do:
// statements are text, never formulas. (XLSX needs no such care: its text
// cells are typed as text.)
func neutralize(c string) string {
	if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
		return "'" + c
	}
	return c
}
