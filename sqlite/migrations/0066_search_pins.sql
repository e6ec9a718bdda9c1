-- The matches of queries that many sentences hold, pinned in the search
-- index (sqlstore/search_pins.go), written down beside its snapshot: a
-- row each, read when a search of it comes, so that a command reads only
-- the one it needs (some 60 MB in all at 100,000 statements, which read
-- with the snapshot cost every command 0.7 s). events is the snapshot's
-- whose state the row's matches are of. Derived, like search_snapshot:
-- never dumped, always safe to delete.
CREATE TABLE search_pins (
	query TEXT PRIMARY KEY,
	events INTEGER NOT NULL,
	terms BLOB NOT NULL,
	df INTEGER NOT NULL,
	data BLOB NOT NULL
);
-- The full-text index's tokens with the count of sentences holding each
-- (FTS5's vocabulary table, which reads the index itself and stores
-- nothing): a server pins the matches of the commonest once its search
-- index is built.
CREATE VIRTUAL TABLE sentence_fts_vocab USING fts5vocab(sentence_fts, 'row');
