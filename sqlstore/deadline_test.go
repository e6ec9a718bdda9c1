package sqlstore

import (
	"database/sql"
	"testing"
)

// TestDeadlineStored: every deadline, none included, reads back as it was
// stored, and none is stored as ” (never NULL); NULL, as rows written
// before migration 0036 hold it, reads as none.
func TestDeadlineStored(t *testing.T) {
	for _, d := range []*string{nil, ptrTo(""), ptrTo("by 2030"), ptrTo("\x01"), ptrTo("\x01\x01x"), ptrTo("2030年前")} {
		stored := storedDeadline(d)
		if (d == nil) != (stored == "") {
			t.Errorf("%v stored as %q", d, stored)
		}
		checkDeadline(t, d, stored)
	}
	if got := readDeadline(sql.NullString{}); got != nil {
		t.Errorf("NULL reads as %q", *got)
	}
}

func FuzzDeadlineStored(f *testing.F) {
	for _, s := range []string{"", "\x01", "by 2030", "\x01\x01"} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, some bool) {
		var d *string
		if some {
			d = &s
		}
		checkDeadline(t, d, storedDeadline(d))
	})
}

func checkDeadline(t *testing.T, d *string, stored string) {
	t.Helper()
	got := readDeadline(sql.NullString{String: stored, Valid: true})
	if (got == nil) != (d == nil) || (d != nil && *got != *d) {
		t.Errorf("%v stored as %q reads as %v", d, stored, got)
	}
}

func ptrTo(s string) *string { return &s }
