package sqlstore

import "fmt"

// A plain-text upload's bytes are its text (version_text.go, textInBlob):
// its version's text_sha256 is its source's blob's sha256. On SQLite such a
// version is found by its text through blobs' key, its source and its own
// id (migration 0058), and versions_text, a partial unique index, holds
// only the other versions' texts: a hash is a random key, and a second
// index of the same keys cost every new statement a leaf of its own in a
// batch's log. PostgreSQL keeps its unique index of every text; the same
// SQL finds the same versions there.

// textIndexed is the SQL condition, for a row of versions named alias,
// that versions_text holds its text: the text is not the blob's under its
// own text_sha256 (textInBlobZ is at most textInBlobMax bytes, and a
// stored stream is longer: packText). It is written as the index's WHERE
// is, for SQLite to use the index.
func textIndexed(alias string) string {
	return "(" + alias + ".text_blob IS NOT NULL OR " + alias + ".text_z IS NULL OR length(" + alias + ".text_z) > " + fmt.Sprint(textInBlobMax) + ")"
}

// versionOfText is the SQL condition that version alias is the one whose
// normalised text has the sha256 that the SQL expression sha gives: the
// version of the source whose bytes are that text, or the version
// versions_text holds under it. Two terms of an OR, each a search by key
// (the plan test), where a list of ids (IN) would be built in a table of
// its own for every look-up.
func versionOfText(alias, sha string) string {
	return "(" + alias + ".id = (SELECT tv.version_id FROM sources tv WHERE " + sourceOfBytes("tv", sha) + ")" +
		" OR " + alias + ".text_sha256 = " + sha + " AND " + textIndexed(alias) + ")" +
		" AND " + alias + ".text_sha256 = " + sha
}
