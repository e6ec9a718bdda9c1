-- SQLite's migration of this number makes its index of signing dates cover
-- the version matcher's look-up of same-day documents (language, kind,
-- withdrawal), so that its batch writer does not read each candidate's row
-- with a system call of its own. PostgreSQL reads those rows from its
-- shared buffers, and an index-only scan there also needs the visibility
-- map of pages a batch has just written: nothing changes here; the number
-- is kept in step with SQLite's.
SELECT 1;
