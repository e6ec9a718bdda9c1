// Package export writes what the store holds in the forms others read:
// Akoma Ntoso 3.0 for one document (akn.go), and lists as CSV, XLSX or JSON
// a row at a time (table.go and its writers). It reads nothing itself: the
// binary hands it documents and rows, so it depends on the domain only.
package export
