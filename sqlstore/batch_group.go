package sqlstore

// batchGrouper is a dialect that says how many new documents a batch
// should write in one transaction, where its commits cost more than the
// ingest package's default assumes (sqlite's Dialect).
type batchGrouper interface {
	BatchGroupSize() int
}

// BatchGroupSize is how many new documents a batch ingest should write in
// one transaction on this database, or 0 for the batch's own default.
func (s *Store) BatchGroupSize() int {
	if g, ok := s.dialect.(batchGrouper); ok {
		return g.BatchGroupSize()
	}
	return 0
}
