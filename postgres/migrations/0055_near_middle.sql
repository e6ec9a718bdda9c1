-- SQLite's migration of this number adds a middle level between its staged
-- near-duplicate sketches and near_sketches, merged into near_sketches
-- sixteen times less often (sqlstore/near_recent.go). PostgreSQL writes one
-- array of keys per version into near_sketches under a GIN index: nothing
-- changes here; the number is kept in step with SQLite's.
SELECT 1;
