package postgres

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// errCopyByPgx says that copyRows could not encode a value that pgx's
// CopyFrom may: the rows are copied through it instead.
var errCopyByPgx = errors.New("a value copyRows does not encode")

// Type oids of the columns copyRows encodes itself.
const (
	oidBool    = 16
	oidBytea   = 17
	oidInt8    = 20
	oidInt2    = 21
	oidInt4    = 23
	oidText    = 25
	oidFloat8  = 701
	oidVarchar = 1043
)

// copyChunk is how many rows one COPY statement holds at most. PostgreSQL
// 15 buffers up to 1,000 rows of a binary COPY before it writes them (it
// counts the bytes of text rows only), and makes a tuple slot for each
// row it buffers, each pinning the table's descriptor in the
// transaction's resource owner: past 64 pins the owner keeps them in a
// hash table in which every pin of one descriptor has the same key, so
// that each pin and unpin walks past all the others. The COPY of a
// group's 1,100 sentence rows spent a fifth of its instructions there
// (docs/decisions.md, "Batch ingest on PostgreSQL, ninth round").
var copyChunk = 180

// copyRows writes n rows into table's cols by COPY on c, at most copyChunk
// rows a statement, in the binary format it encodes itself: pgx's CopyFrom
// looks up an encoding plan for every value (the sentence rows of a batch
// are some 750 values per statement) and streams them through a pipe and
// a goroutine. The columns' types come from a statement described once
// per session (pgx keeps it by name). The values sqlstore writes are
// integers, strings, byte slices, booleans, floats and nil; any other
// value, or a value for a column of another type, is encoded by pgx's type
// map as CopyFrom would: the rows from that chunk on are copied through
// pgx's CopyFrom.
func copyRows(ctx context.Context, c *pgx.Conn, table string, cols []string, n int, row func(i int) []any) (int64, error) {
	quoted := make([]string, len(cols))
	for i, col := range cols {
		quoted[i] = pgx.Identifier{col}.Sanitize()
	}
	list := strings.Join(quoted, ", ")
	tbl := pgx.Identifier{table}.Sanitize()
	// named by a hash: the server keeps 63 bytes of a statement's name
	h := fnv.New64a()
	h.Write([]byte(table + "(" + strings.Join(cols, ",")))
	sd, err := c.Prepare(ctx, fmt.Sprintf("entente_copy_%x", h.Sum64()), "SELECT "+list+" FROM "+tbl)
	if err != nil {
		return 0, fmt.Errorf("describe %s: %w", table, err)
	}
	if len(sd.Fields) != len(cols) {
		return 0, fmt.Errorf("describe %s: %d columns for %d", table, len(sd.Fields), len(cols))
	}
	oids := make([]uint32, len(cols))
	for i, f := range sd.Fields {
		oids[i] = f.DataTypeOID
	}
	m := c.TypeMap()
	sql := "COPY " + tbl + " (" + list + ") FROM STDIN BINARY"
	var buf []byte
	var copied int64
	for from := 0; from < n; from += copyChunk {
		to := min(n, from+copyChunk)
		if buf, err = encodeCopy(m, buf, table, cols, oids, from, to, row); errors.Is(err, errCopyByPgx) {
			got, err := c.CopyFrom(ctx, pgx.Identifier{table}, cols,
				pgx.CopyFromSlice(n-from, func(i int) ([]any, error) { return row(from + i), nil }))
			return copied + got, err
		} else if err != nil {
			return copied, err
		}
		tag, err := c.PgConn().CopyFrom(ctx, bytes.NewReader(buf), sql)
		if err != nil {
			return copied, err
		}
		copied += tag.RowsAffected()
	}
	return copied, nil
}

// encodeCopy encodes rows [from, to) of table as the data of a binary
// COPY into buf, which it returns (a nil one when an error stopped it).
func encodeCopy(m *pgtype.Map, buf []byte, table string, cols []string, oids []uint32, from, to int, row func(i int) []any) ([]byte, error) {
	if buf == nil {
		buf = make([]byte, 0, 64<<10)
	}
	buf = append(buf[:0], "PGCOPY\n\377\r\n\000"...)
	buf = binary.BigEndian.AppendUint32(buf, 0) // flags
	buf = binary.BigEndian.AppendUint32(buf, 0) // header extension
	var err error
	for i := from; i < to; i++ {
		vals := row(i)
		if len(vals) != len(cols) {
			return nil, fmt.Errorf("row %d of %s: %d values for %d columns", i, table, len(vals), len(cols))
		}
		buf = binary.BigEndian.AppendUint16(buf, uint16(len(vals)))
		for j, v := range vals {
			if buf, err = appendCopyValue(m, buf, oids[j], v); err != nil {
				return nil, fmt.Errorf("row %d of %s, column %s: %w", i, table, cols[j], err)
			}
		}
	}
	return binary.BigEndian.AppendUint16(buf, 0xffff), nil // the trailer
}

// appendCopyValue appends v as a field of a binary COPY row of a column
// of type oid: its length, then its bytes (NULL: length -1).
func appendCopyValue(m *pgtype.Map, buf []byte, oid uint32, v any) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return binary.BigEndian.AppendUint32(buf, math.MaxUint32), nil
	case string:
		if oid == oidText || oid == oidVarchar {
			buf = binary.BigEndian.AppendUint32(buf, uint32(len(x)))
			return append(buf, x...), nil
		}
	case []byte:
		if oid == oidBytea {
			if x == nil {
				return binary.BigEndian.AppendUint32(buf, math.MaxUint32), nil
			}
			buf = binary.BigEndian.AppendUint32(buf, uint32(len(x)))
			return append(buf, x...), nil
		}
	case int64:
		if b, ok := appendInt(buf, oid, x); ok {
			return b, nil
		}
	case int:
		if b, ok := appendInt(buf, oid, int64(x)); ok {
			return b, nil
		}
	case int32:
		if b, ok := appendInt(buf, oid, int64(x)); ok {
			return b, nil
		}
	case bool:
		if oid == oidBool {
			buf = binary.BigEndian.AppendUint32(buf, 1)
			if x {
				return append(buf, 1), nil
			}
			return append(buf, 0), nil
		}
	case float64:
		if oid == oidFloat8 {
			buf = binary.BigEndian.AppendUint32(buf, 8)
			return binary.BigEndian.AppendUint64(buf, math.Float64bits(x)), nil
		}
	}
	// anything else as pgx encodes it (its CopyFrom's encodeCopyValue)
	at := len(buf)
	buf = binary.BigEndian.AppendUint32(buf, 0)
	out, err := m.Encode(oid, pgtype.BinaryFormatCode, v, buf)
	if err != nil {
		// pgx's CopyFrom tries more (a string parsed as the column's
		// type): the caller copies the rows through it
		return nil, fmt.Errorf("%w: %w", errCopyByPgx, err)
	}
	if out == nil {
		return binary.BigEndian.AppendUint32(buf[:at], math.MaxUint32), nil
	}
	binary.BigEndian.PutUint32(out[at:], uint32(len(out)-at-4))
	return out, nil
}

// appendInt appends x for an integer column of type oid, or says it
// cannot (another type, or out of the column's range: pgx then reports
// it).
func appendInt(buf []byte, oid uint32, x int64) ([]byte, bool) {
	switch oid {
	case oidInt8:
		buf = binary.BigEndian.AppendUint32(buf, 8)
		return binary.BigEndian.AppendUint64(buf, uint64(x)), true
	case oidInt4:
		if x < math.MinInt32 || x > math.MaxInt32 {
			return buf, false
		}
		buf = binary.BigEndian.AppendUint32(buf, 4)
		return binary.BigEndian.AppendUint32(buf, uint32(int32(x))), true
	case oidInt2:
		if x < math.MinInt16 || x > math.MaxInt16 {
			return buf, false
		}
		buf = binary.BigEndian.AppendUint32(buf, 2)
		return binary.BigEndian.AppendUint16(buf, uint16(int16(x))), true
	}
	return buf, false
}
