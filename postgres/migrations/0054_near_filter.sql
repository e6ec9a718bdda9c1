-- SQLite's migration of this number keeps a Bloom filter of the keys of
-- near_sketches, which it looks up key by key in a b-tree
-- (sqlstore/near_filter.go). PostgreSQL keeps one array of keys per
-- version under a GIN index and probes it once per statement: nothing
-- changes here; the number is kept in step with SQLite's.
SELECT 1;
