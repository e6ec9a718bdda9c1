-- PostgreSQL's migration of this number finds a version's sentences by a
-- deduplicated index of version_id instead of a unique index of
-- (version_id DESC, position), to be within four times its text. SQLite's
-- database is within it, and its index entries are small (a b-tree of
-- varints without row pointers beside the key): nothing changes here; the
-- number is kept in step with PostgreSQL's.
SELECT 1;
