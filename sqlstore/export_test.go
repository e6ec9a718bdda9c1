package sqlstore

// IndexBuilds says how many times s built its search index anew and how
// many times it updated it by what changed.
func IndexBuilds(s *Store) (builds, updates int) {
	s.index.mu.Lock()
	defer s.index.mu.Unlock()
	return s.index.builds, s.index.updates
}

// IndexDocumentsRead says how many documents the update that made s's
// current search index read again.
func IndexDocumentsRead(s *Store) int {
	s.index.mu.Lock()
	defer s.index.mu.Unlock()
	return s.index.index.reread
}

// KeptPagesAnswered says how many searches s answered from a kept page.
func KeptPagesAnswered(s *Store) int {
	s.index.mu.Lock()
	defer s.index.mu.Unlock()
	return s.index.keptPages
}
