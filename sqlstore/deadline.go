package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// A sentence's deadline is stored as text that is never NULL (migration
// 0036): '' when the sentence has none. On PostgreSQL a row with a NULL
// carries a bitmap of its columns, which took its header from 24 to 32
// bytes, and most sentences have no deadline. So that no value changes
// meaning, a deadline that is itself empty, or begins with the escape,
// is stored behind the escape; NULL, as rows written before and older
// binaries hold it, still reads as none.

// deadlineEscape marks a stored deadline that would otherwise read as
// none or lose its first character.
const deadlineEscape = "\x01"

// storedDeadline is the column's value for d.
func storedDeadline(d *string) string {
	switch {
	case d == nil:
		return ""
	case *d == "" || strings.HasPrefix(*d, deadlineEscape):
		return deadlineEscape + *d
	}
	return *d
}

// readDeadline is the deadline a stored value holds.
func readDeadline(v sql.NullString) *string {
	if !v.Valid || v.String == "" {
		return nil
	}
	d := strings.TrimPrefix(v.String, deadlineEscape)
	return &d
}

// deadlineSchema is the migration from which deadlines are stored so.
const deadlineSchema = 36

// escapeDeadlines stores the deadlines of rows written before migration
// 0036 (a dump taken before it) as they are stored now: an empty one, or
// one that begins with the escape, behind the escape. Their NULLs stay
// (they read as none).
func escapeDeadlines(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `UPDATE sentences SET deadline = $1 || deadline
		WHERE deadline = '' OR substr(deadline, 1, 1) = $1`, deadlineEscape)
	if err != nil {
		return fmt.Errorf("escape deadlines: %w", err)
	}
	return nil
}
