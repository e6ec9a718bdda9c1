-- Nothing to do on PostgreSQL: SQLite's 0066 reads the counts of its FTS5
-- index's tokens, for the matches a server pins. PostgreSQL's postings
-- list a common token's matches quickly enough (sqlstore/search_pins.go).
-- The number is kept in step with SQLite's.
SELECT 1;
