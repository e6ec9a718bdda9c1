package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// xlsxWriter writes each table on a sheet of its own through excelize's
// StreamWriter, which writes rows to a temporary file as they come instead
// of holding the sheet in memory; then an "About" sheet says what was
// exported. Cells are typed: numbers, dates and instants as such, with a
// header row, the header frozen, filters on every column and widths by
// column.
type xlsxWriter struct {
	w      io.Writer
	about  About
	f      *excelize.File
	sw     *excelize.StreamWriter
	table  *Table
	sheets []sheetSummary
	row    int // the last row written, from 1 (the header)
	cells  []any

	header, date, dateTime int // style ids
}

type sheetSummary struct {
	name string
	rows int
}

func newXLSXWriter(w io.Writer, about About) *xlsxWriter {
	return &xlsxWriter{w: w, about: about, f: excelize.NewFile()}
}

func (x *xlsxWriter) styles() error {
	if x.header != 0 {
		return nil
	}
	var err error
	if x.header, err = x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return err
	}
	dateFmt, dateTimeFmt := "yyyy-mm-dd", "yyyy-mm-dd hh:mm:ss"
	if x.date, err = x.f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt}); err != nil {
		return err
	}
	x.dateTime, err = x.f.NewStyle(&excelize.Style{CustomNumFmt: &dateTimeFmt})
	return err
}

func (x *xlsxWriter) Begin(t Table) error {
	if err := x.endSheet(); err != nil {
		return err
	}
	if err := x.styles(); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	name := sheetName(t.Name, len(x.sheets))
	if len(x.sheets) == 0 {
		if err := x.f.SetSheetName("Sheet1", name); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
	} else if _, err := x.f.NewSheet(name); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	// The filter is set on the empty sheet, over whole columns, before
	// the stream starts: the stream then writes it. Set after the rows,
	// excelize would read the whole streamed sheet back into memory.
	last, err := excelize.CoordinatesToCellName(max(len(t.Columns), 1), excelize.TotalRows)
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if err := x.f.AutoFilter(name, "A1:"+last, nil); err != nil {
		return fmt.Errorf("write xlsx: filter: %w", err)
	}
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	x.sw, x.table, x.row = sw, &t, 1
	x.sheets = append(x.sheets, sheetSummary{name: name})
	for i, c := range t.Columns {
		if err := sw.SetColWidth(i+1, i+1, width(c)); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	head := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = excelize.Cell{StyleID: x.header, Value: c.Name}
	}
	x.cells = make([]any, len(t.Columns))
	if err := sw.SetRow("A1", head); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

func (x *xlsxWriter) Row(values []any) error {
	if err := checkRow(x.table, values); err != nil {
		return err
	}
	for i, v := range values {
		x.cells[i] = x.cell(x.table.Columns[i].Kind, v)
	}
	x.row++
	cell, err := excelize.CoordinatesToCellName(1, x.row)
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if err := x.sw.SetRow(cell, x.cells); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	x.sheets[len(x.sheets)-1].rows++
	return nil
}

// cell types a value by its column: a date is a spreadsheet date, a
// number a number; anything else is text.
func (x *xlsxWriter) cell(k Kind, v any) any {
	switch k {
	case Date:
		if d, ok := day(v); ok {
			return excelize.Cell{StyleID: x.date, Value: time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)}
		}
	case DateTime:
		switch t := v.(type) {
		case time.Time:
			if !t.IsZero() {
				return excelize.Cell{StyleID: x.dateTime, Value: t.UTC()}
			}
		case *time.Time:
			if t != nil && !t.IsZero() {
				return excelize.Cell{StyleID: x.dateTime, Value: t.UTC()}
			}
		}
	case Bool:
		if b, ok := v.(bool); ok {
			return b
		}
	case Int, Float:
		switch n := v.(type) {
		case int, int64, int32, float64, float32:
			return v
		case *int:
			if n != nil {
				return *n
			}
			return nil
		case *float64:
			if n != nil {
				return *n
			}
			return nil
		}
	}
	if v == nil {
		return nil
	}
	return text(k, v)
}

// endSheet closes the table being written: the stream's flush.
func (x *xlsxWriter) endSheet() error {
	if x.sw == nil {
		return nil
	}
	if err := x.sw.Flush(); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	x.sw = nil
	return nil
}

func (x *xlsxWriter) Close() error {
	defer x.f.Close()
	if err := x.endSheet(); err != nil {
		return err
	}
	if err := x.aboutSheet(); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if _, err := x.f.WriteTo(x.w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

// aboutSheet says what the workbook holds: the list, its filters, when and
// by whom, and the rows of each sheet.
func (x *xlsxWriter) aboutSheet() error {
	const name = "About"
	if len(x.sheets) == 0 {
		if err := x.f.SetSheetName("Sheet1", name); err != nil {
			return err
		}
	} else if _, err := x.f.NewSheet(name); err != nil {
		return err
	}
	by := x.about.By.Name
	if x.about.By.Via != "" {
		by += " (" + x.about.By.Via + ")"
	}
	rows := [][]any{
		{"Exported", x.about.What},
		{"Exported at", x.about.At.UTC()},
		{"Exported by", by},
		{"Exported with", "Entente"},
	}
	if len(x.about.Filters) == 0 {
		rows = append(rows, []any{"Filters", "none"})
	}
	for _, f := range x.about.Filters {
		rows = append(rows, []any{"Filter " + f.Name, f.Value})
	}
	for _, s := range x.sheets {
		rows = append(rows, []any{"Sheet " + s.name, fmt.Sprintf("%d rows", s.rows)})
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.f.SetSheetRow(name, cell, &r); err != nil {
			return err
		}
	}
	if err := x.f.SetCellStyle(name, "B2", "B2", x.dateTime); err != nil {
		return err
	}
	if err := x.f.SetCellStyle(name, "A1", fmt.Sprintf("A%d", len(rows)), x.header); err != nil {
		return err
	}
	if err := x.f.SetColWidth(name, "A", "A", 24); err != nil {
		return err
	}
	return x.f.SetColWidth(name, "B", "B", 60)
}

// width is a column's width: its own, or one by kind, never narrower than
// its header.
func width(c Column) float64 {
	w := c.Width
	if w == 0 {
		switch c.Kind {
		case Int:
			w = 10
		case Float, Bool:
			w = 12
		case Date:
			w = 12
		case DateTime:
			w = 20
		default:
			w = 30
		}
	}
	return max(w, float64(len(c.Name))+4) // room for the filter button
}

// sheetName makes a valid, unique sheet name: at most 31 characters, none
// of []:*?/\.
func sheetName(name string, n int) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, name)
	if name == "" || strings.EqualFold(name, "About") {
		name = fmt.Sprintf("Table %d", n+1)
	}
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	return name
}
