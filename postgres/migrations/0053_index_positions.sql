-- SQLite's migration of this number gives its full-text index positions,
-- so that it answers a phrase from the index. PostgreSQL's postings keep no
-- positions, and a phrase's candidates are checked against their text as
-- before: nothing changes here; the number is kept in step with SQLite's.
SELECT 1;
