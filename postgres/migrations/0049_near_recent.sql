-- SQLite's migration of this number stages new near-duplicate sketches in
-- a small table before merging them into near_sketches in bulk
-- (sqlstore/near_recent.go). PostgreSQL keeps one array of hashes per
-- version under a GIN index, whose pending list stages new entries
-- already: nothing changes here; the number is kept in step with SQLite's.
SELECT 1;
