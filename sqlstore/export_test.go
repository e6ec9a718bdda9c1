package sqlstore

// IndexBuilds says how many times s built its search index anew and how
// many times it extended it by new statements.
func IndexBuilds(s *Store) (builds, extends int) {
	s.index.mu.Lock()
	defer s.index.mu.Unlock()
	return s.index.builds, s.index.extends
}
