package sqlstore

import (
	"context"
	"database/sql"
	"time"
)

// statisticsRefresher is a dialect whose planner's statistics are taken at
// open and must be refreshed by a process that runs while the library
// grows (SQLite: a server started on a new library would otherwise plan
// for its first size for as long as it runs). PostgreSQL's autovacuum
// analyzes its tables itself.
type statisticsRefresher interface {
	RefreshStatistics(ctx context.Context, write *sql.DB, read ...*sql.DB) error
}

// DefaultStatisticsEvery is how often a running server refreshes the
// planner's statistics (RunIndexer): SQLite advises every few hours for a
// long-lived connection; a refresh whose tables have not moved far is a
// look at each table's size.
const DefaultStatisticsEvery = time.Hour

// RefreshStatistics refreshes the planner's statistics where the dialect
// keeps them itself, and plans the store's kept statements again.
func (s *Store) RefreshStatistics(ctx context.Context) error {
	r, ok := s.dialect.(statisticsRefresher)
	if !ok {
		return nil
	}
	return r.RefreshStatistics(ctx, s.db, s.rdb, s.lookupDB())
}

// statisticsEvery is StatisticsEvery, or its default.
func (s *Store) statisticsEvery() time.Duration {
	if s.StatisticsEvery > 0 {
		return s.StatisticsEvery
	}
	return DefaultStatisticsEvery
}
