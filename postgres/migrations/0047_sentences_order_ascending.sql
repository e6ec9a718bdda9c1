-- SQLite's migration of this number makes its index of the sentence rows'
-- order ascending. PostgreSQL finds a version's sentences by a
-- deduplicated index of version_id since 0035, which has no order to
-- change: nothing changes here; the number is kept in step with SQLite's.
SELECT 1;
