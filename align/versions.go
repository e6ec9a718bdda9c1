package align

import (
	"fmt"
	"slices"

	"github.com/entente/entente"
)

// Versions reports whether two extractions read like versions of one
// statement (the same text in two languages or scripts): the same parties,
// the same date of signing when both give one, the same kind, the same
// sections, and sentence counts within a third of each other. The reason
// says what decided, for the analyst who links or unlinks them by hand.
func Versions(a, b *entente.Extraction) (bool, string) {
	return VersionsOf(a.Document, entente.OutlineOf(a), b.Document, entente.OutlineOf(b))
}

// VersionsOf is Versions of two documents given by their headings and
// their extractions' outlines, what a matcher reads of a stored candidate
// (the same answer and reason).
func VersionsOf(da entente.Document, oa entente.Outline, db entente.Document, ob entente.Outline) (bool, string) {
	if ok, why := Headings(da, db); !ok {
		return false, why
	}
	if sa, sb := oa.Sections, ob.Sections; !slices.Equal(sa, sb) {
		return false, fmt.Sprintf("sections differ: %v and %v", sa, sb)
	}
	na, nb := oa.Sentences, ob.Sentences
	if na == 0 || nb == 0 || 3*max(na, nb) > 4*min(na, nb) {
		return false, fmt.Sprintf("%d and %d sentences", na, nb)
	}
	if da.Language == db.Language {
		return true, "same parties, date, kind and sections, in one language: a copy or a revision"
	}
	return true, fmt.Sprintf("same parties, date, kind and sections in %s and %s", da.Language, db.Language)
}

// Headings is the first part of Versions, which the documents' headings
// decide alone: the same parties, date and kind. A matcher checks it
// before reading a candidate's sentences; most candidates (another pair's
// statement of the same day) fail it.
func Headings(da, db entente.Document) (bool, string) {
	if len(da.Parties) == 0 || !slices.Equal(da.Parties, db.Parties) {
		return false, fmt.Sprintf("parties differ: %v and %v", da.Parties, db.Parties)
	}
	if da.SignedDate != nil && db.SignedDate != nil && *da.SignedDate != *db.SignedDate {
		return false, fmt.Sprintf("signed on %s and on %s", *da.SignedDate, *db.SignedDate)
	}
	if da.Kind != db.Kind {
		return false, fmt.Sprintf("kinds differ: %s and %s", da.Kind, db.Kind)
	}
	return true, ""
}
