// Package entente holds the domain types of Entente, by concept: documents
// with their versions and sources (document.go), sentences and the cues
// behind their labels (sentence.go, rationale.go), the instruments, mechanisms
// and projects a statement names (reference.go), policy areas (area.go),
// search (search.go), accounts (user.go), the acting account (context.go),
// errors (error.go), and the closed lists of codes with their labels in each
// UI language (labels.go). Every stage speaks these types; this package
// imports nothing of the project and no outside system.
package entente

import "context"

// Store is everything the embedded SQLite store and the PostgreSQL store
// implement, with the same behaviour. Each consumer asks only for the
// small interfaces it uses (DocumentWriter, Library, Searcher, the account
// interfaces in user.go); this one is for the program that opens a store.
type Store interface {
	DocumentWriter
	Library
	Searcher
	// Backup writes a consistent copy of the store to a file while it is in
	// use (SQLite); a store that cannot (PostgreSQL) says how to.
	Backup(ctx context.Context, path string) error
	// Close releases the store.
	Close() error
}
