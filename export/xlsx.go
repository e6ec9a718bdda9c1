package export

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// xlsxWriter writes a workbook as its rows come: each table is a
// worksheet written straight into the zip on the output (a zip entry is
// compressed as it is written), its cells typed (numbers, dates and
// instants as such, text inline, so no shared-strings table grows with
// the rows), a bold header row, frozen, a filter over the columns and
// widths by column; then an "About" sheet says what was exported, and
// the workbook's parts that name the sheets close the zip. Memory does
// not grow with the rows: see docs/decisions.md for why not excelize's
// stream writer, which keeps up to 16 MB of each sheet in memory.
type xlsxWriter struct {
	zw     *zip.Writer
	about  About
	sheet  *bufio.Writer // the worksheet being written, nil between tables
	table  *Table
	sheets []sheetSummary
	row    int // the last row written, from 1 (the header)
	buf    []byte
	err    error // the first write error: the zip cannot go on after it
}

type sheetSummary struct {
	name string
	cols int
	rows int
}

// Style ids, the order of cellXfs in styles.xml.
const (
	styleNone = iota
	styleHeader
	styleDate
	styleDateTime
)

func newXLSXWriter(w io.Writer, about About) *xlsxWriter {
	return &xlsxWriter{zw: zip.NewWriter(w), about: about}
}

func (x *xlsxWriter) Begin(t Table) error {
	if err := x.endSheet(); err != nil {
		return err
	}
	name := sheetName(t.Name, len(x.sheets))
	for _, s := range x.sheets { // names are unique in a workbook, whatever their case
		if strings.EqualFold(s.name, name) {
			name = sheetName(fmt.Sprintf("%s %d", t.Name, len(x.sheets)+1), len(x.sheets))
		}
	}
	if err := x.beginSheet(name, t.Columns); err != nil {
		return err
	}
	x.table = &t
	head := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		head[i] = c.Name
	}
	return x.writeRow(head, nil, styleHeader)
}

// beginSheet opens a worksheet's part in the zip and writes what comes
// before its rows: the frozen header and the column widths.
func (x *xlsxWriter) beginSheet(name string, cols []Column) error {
	w, err := x.zw.Create(fmt.Sprintf("xl/worksheets/sheet%d.xml", len(x.sheets)+1))
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	x.sheet = bufio.NewWriterSize(w, 64<<10)
	x.sheets = append(x.sheets, sheetSummary{name: name, cols: max(len(cols), 1)})
	x.row = 0
	x.put(xmlHeader + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRels + `">`)
	x.put(`<sheetViews><sheetView workbookViewId="0"`)
	if len(x.sheets) == 1 {
		x.put(` tabSelected="1"`)
	}
	x.put(`><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`)
	if len(cols) > 0 {
		x.put(`<cols>`)
		for i, c := range cols {
			x.put(fmt.Sprintf(`<col min="%d" max="%d" width="%s" customWidth="1"/>`, i+1, i+1, strconv.FormatFloat(width(c), 'f', -1, 64)))
		}
		x.put(`</cols>`)
	}
	x.put(`<sheetData>`)
	return x.err
}

func (x *xlsxWriter) Row(values []any) error {
	if err := checkRow(x.table, values); err != nil {
		return err
	}
	return x.writeRow(values, x.table.Columns, styleNone)
}

// writeRow writes one row, each value typed by its column (by its own
// type without columns), every cell with style.
func (x *xlsxWriter) writeRow(values []any, cols []Column, style int) error {
	if x.err != nil {
		return x.err
	}
	x.row++
	b := append(x.buf[:0], `<row r="`...)
	b = strconv.AppendInt(b, int64(x.row), 10)
	b = append(b, `">`...)
	for i, v := range values {
		k := Text
		if cols != nil {
			k = cols[i].Kind
		} else {
			k = kindOf(v)
		}
		b = x.appendCell(b, i, k, v, style)
	}
	b = append(b, `</row>`...)
	x.buf = b
	if _, err := x.sheet.Write(b); err != nil && x.err == nil {
		x.err = fmt.Errorf("write xlsx: %w", err)
	}
	if x.err == nil && style == styleNone {
		x.sheets[len(x.sheets)-1].rows++
	}
	return x.err
}

// kindOf is the kind of a value written without a column (the About
// sheet's).
func kindOf(v any) Kind {
	switch v.(type) {
	case time.Time:
		return DateTime
	case int, int64:
		return Int
	}
	return Text
}

// appendCell appends the cell of column i: a date is a spreadsheet date
// (a serial number with a date format), a number a number, a boolean a
// boolean; anything else is inline text. None is no cell.
func (x *xlsxWriter) appendCell(b []byte, i int, k Kind, v any, style int) []byte {
	open := func(b []byte, typ string, s int) []byte {
		b = append(b, `<c r="`...)
		b = appendColumn(b, i)
		b = strconv.AppendInt(b, int64(x.row), 10)
		b = append(b, '"')
		if s != styleNone {
			b = append(b, ` s="`...)
			b = strconv.AppendInt(b, int64(s), 10)
			b = append(b, '"')
		}
		if typ != "" {
			b = append(b, ` t="`...)
			b = append(b, typ...)
			b = append(b, '"')
		}
		return append(b, '>')
	}
	number := func(b []byte, f float64, s int) []byte {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return b
		}
		b = open(b, "", s)
		b = append(b, `<v>`...)
		b = strconv.AppendFloat(b, f, 'g', -1, 64)
		return append(b, `</v></c>`...)
	}
	switch k {
	case Date:
		if d, ok := day(v); ok {
			return number(b, serial(time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)), max(style, styleDate))
		}
	case DateTime:
		switch t := v.(type) {
		case time.Time:
			if !t.IsZero() {
				return number(b, serial(t.UTC()), max(style, styleDateTime))
			}
		case *time.Time:
			if t != nil && !t.IsZero() {
				return number(b, serial(t.UTC()), max(style, styleDateTime))
			}
		}
	case Bool:
		if t, ok := v.(bool); ok {
			b = open(b, "b", style)
			if t {
				return append(b, `<v>1</v></c>`...)
			}
			return append(b, `<v>0</v></c>`...)
		}
	case Int, Float:
		switch n := v.(type) {
		case int:
			return number(b, float64(n), style)
		case int64:
			return number(b, float64(n), style)
		case int32:
			return number(b, float64(n), style)
		case float64:
			return number(b, n, style)
		case float32:
			return number(b, float64(n), style)
		case *int:
			if n == nil {
				return b
			}
			return number(b, float64(*n), style)
		case *float64:
			if n == nil {
				return b
			}
			return number(b, *n, style)
		}
	}
	if v == nil {
		return b
	}
	s := text(k, v)
	if s == "" {
		return b
	}
	b = open(b, "inlineStr", style)
	b = append(b, `<is><t xml:space="preserve">`...)
	b = appendXMLText(b, s, maxCellChars)
	return append(b, `</t></is></c>`...)
}

// maxCellChars is the most a spreadsheet cell holds (Excel's limit, in
// UTF-16 units): a longer text is cut there rather than make a file that
// does not open.
const maxCellChars = 32767

// appendXMLText appends s escaped for XML, at most limit UTF-16 units,
// each character XML 1.0 cannot carry replaced by U+FFFD.
func appendXMLText(b []byte, s string, limit int) []byte {
	units := 0
	for _, r := range s {
		n := 1
		if r >= 0x10000 {
			n = 2
		}
		if units+n > limit {
			break
		}
		units += n
		switch {
		case r == '<':
			b = append(b, "&lt;"...)
		case r == '>':
			b = append(b, "&gt;"...)
		case r == '&':
			b = append(b, "&amp;"...)
		case r == '\r':
			b = append(b, "&#13;"...) // kept, not normalised away by the reader
		case r == '\t' || r == '\n':
			b = append(b, byte(r))
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r < 0xE000, r == utf8.RuneError:
			b = utf8.AppendRune(b, '\uFFFD')
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	return b
}

// appendColumn appends column i's letters (0 is A).
func appendColumn(b []byte, i int) []byte {
	var tmp [4]byte
	n := len(tmp)
	for i++; i > 0; i = (i - 1) / 26 {
		n--
		tmp[n] = byte('A' + (i-1)%26)
	}
	return append(b, tmp[n:]...)
}

// serial is t as a spreadsheet's date serial: days since 1899-12-30, the
// time of day as the fraction.
func serial(t time.Time) float64 {
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	d := t.Sub(epoch)
	days := math.Floor(d.Hours() / 24)
	frac := float64(d-time.Duration(days)*24*time.Hour) / float64(24*time.Hour)
	// whole seconds: a spreadsheet shows no finer, and 0.1 ms would round
	// a time to the next second in its display
	return days + math.Round(frac*86400)/86400
}

// endSheet closes the table being written: its rows, its filter.
func (x *xlsxWriter) endSheet() error {
	if x.sheet == nil {
		return x.err
	}
	s := x.sheets[len(x.sheets)-1]
	x.put(`</sheetData>`)
	if x.table != nil {
		x.put(`<autoFilter ref="` + filterRange(s) + `"/>`)
	}
	x.put(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)
	if err := x.sheet.Flush(); err != nil && x.err == nil {
		x.err = fmt.Errorf("write xlsx: %w", err)
	}
	x.sheet, x.table = nil, nil
	return x.err
}

// filterRange is the range a sheet's filter covers: its header and rows.
func filterRange(s sheetSummary) string {
	last := appendColumn(nil, s.cols-1)
	return "A1:" + string(last) + strconv.Itoa(s.rows+1)
}

// put writes s to the sheet being written, keeping the first error.
func (x *xlsxWriter) put(s string) {
	if x.err != nil {
		return
	}
	if _, err := x.sheet.WriteString(s); err != nil {
		x.err = fmt.Errorf("write xlsx: %w", err)
	}
}

func (x *xlsxWriter) Close() error {
	if err := x.endSheet(); err != nil {
		return err
	}
	if err := x.aboutSheet(); err != nil {
		return err
	}
	if err := x.endSheet(); err != nil {
		return err
	}
	parts := []struct{ name, body string }{
		{"xl/workbook.xml", x.workbook()},
		{"xl/_rels/workbook.xml.rels", x.workbookRels()},
		{"xl/styles.xml", stylesXML},
		{"_rels/.rels", rootRels},
		{"docProps/app.xml", appXML},
		{"[Content_Types].xml", x.contentTypes()},
	}
	for _, p := range parts {
		w, err := x.zw.Create(p.name)
		if err == nil {
			_, err = io.WriteString(w, p.body)
		}
		if err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
	}
	if err := x.zw.Close(); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

// aboutSheet says what the workbook holds: the list, its filters, when and
// by whom, and the rows of each sheet.
func (x *xlsxWriter) aboutSheet() error {
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
	if err := x.beginAbout(); err != nil {
		return err
	}
	for _, r := range rows {
		if x.err != nil {
			return x.err
		}
		x.row++
		b := append(x.buf[:0], `<row r="`...)
		b = strconv.AppendInt(b, int64(x.row), 10)
		b = append(b, `">`...)
		b = x.appendCell(b, 0, Text, r[0], styleHeader)
		b = x.appendCell(b, 1, kindOf(r[1]), r[1], styleNone)
		b = append(b, `</row>`...)
		x.buf = b
		if _, err := x.sheet.Write(b); err != nil {
			x.err = fmt.Errorf("write xlsx: %w", err)
		}
	}
	return x.err
}

// beginAbout opens the About sheet: two columns, no frozen header.
func (x *xlsxWriter) beginAbout() error {
	w, err := x.zw.Create(fmt.Sprintf("xl/worksheets/sheet%d.xml", len(x.sheets)+1))
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	x.sheet = bufio.NewWriterSize(w, 4<<10)
	x.sheets = append(x.sheets, sheetSummary{name: "About", cols: 2})
	x.row = 0
	x.put(xmlHeader + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRels + `">`)
	x.put(`<cols><col min="1" max="1" width="24" customWidth="1"/><col min="2" max="2" width="60" customWidth="1"/></cols><sheetData>`)
	return x.err
}

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsMain    = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRels    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRels = "http://schemas.openxmlformats.org/package/2006/relationships"
)

// workbook names the sheets, in order, and each filter's range (the
// defined name spreadsheet programs keep a sheet's filter under).
func (x *xlsxWriter) workbook() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRels + `"><bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, s := range x.sheets {
		fmt.Fprintf(&b, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, string(appendXMLText(nil, s.name, 31)), i+1, i+1)
	}
	b.WriteString(`</sheets><definedNames>`)
	for i, s := range x.sheets[:len(x.sheets)-1] { // the About sheet has no filter
		last := string(appendColumn(nil, s.cols-1))
		ref := fmt.Sprintf("'%s'!$A$1:$%s$%d", strings.ReplaceAll(s.name, "'", "''"), last, s.rows+1)
		fmt.Fprintf(&b, `<definedName name="_xlnm._FilterDatabase" localSheetId="%d" hidden="1">%s</definedName>`, i,
			string(appendXMLText(nil, ref, maxCellChars)))
	}
	b.WriteString(`</definedNames></workbook>`)
	return strings.Replace(b.String(), `<definedNames></definedNames>`, ``, 1)
}

func (x *xlsxWriter) workbookRels() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Relationships xmlns="` + nsPkgRels + `">`)
	for i := range x.sheets {
		fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, nsRels, i+1)
	}
	fmt.Fprintf(&b, `<Relationship Id="rId%d" Type="%s/styles" Target="styles.xml"/>`, len(x.sheets)+1, nsRels)
	b.WriteString(`</Relationships>`)
	return b.String()
}

func (x *xlsxWriter) contentTypes() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
		`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`)
	for i := range x.sheets {
		fmt.Fprintf(&b, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
	}
	b.WriteString(`</Types>`)
	return b.String()
}

const rootRels = xmlHeader + `<Relationships xmlns="` + nsPkgRels + `">` +
	`<Relationship Id="rId1" Type="` + nsRels + `/officeDocument" Target="xl/workbook.xml"/>` +
	`<Relationship Id="rId2" Type="` + nsRels + `/extended-properties" Target="docProps/app.xml"/></Relationships>`

const appXML = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Entente</Application></Properties>`

// stylesXML: the cell formats the sheets use, in the order of the style
// ids above: none, the bold header, a day, an instant.
const stylesXML = xmlHeader + `<styleSheet xmlns="` + nsMain + `">` +
	`<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>` +
	`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
	`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
	`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
	`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
	`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
	`<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
	`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

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

// sheetName makes a valid sheet name: at most 31 characters, none of
// []:*?/\, never "About" (the last sheet's).
func sheetName(name string, n int) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, name)
	name = strings.Trim(name, "'")
	if name == "" || strings.EqualFold(name, "About") {
		name = fmt.Sprintf("Table %d", n+1)
	}
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	return name
}
