-- The matches of queries that many sentences hold, pinned in the search
-- index (sqlstore/search_pins.go), written down beside its snapshot: a
-- row each, read when a search of it comes, so that a command reads only
-- the one it needs. events is the snapshot's whose state the row's
-- matches are of. Derived, like search_snapshot: never dumped, always
-- safe to delete. (SQLite's 0066 also opens its FTS5 index's vocabulary,
-- for the commonest tokens; PostgreSQL's postings list a common token's
-- matches quickly enough.)
CREATE TABLE search_pins (
	query TEXT PRIMARY KEY,
	events BIGINT NOT NULL,
	terms BYTEA NOT NULL,
	df BIGINT NOT NULL,
	data BYTEA NOT NULL
);
