-- A snapshot of search's index of the labels (sqlstore,
-- searchindex_snapshot.go), so that a command, or a server that starts,
-- reads it and the documents changed since instead of every sentence
-- (some 8 s at 100,000 statements, on every command-line search). Derived,
-- like tracked_snapshot: never dumped, always safe to delete (the next
-- search reads everything). One row. schema_version is the schema it was
-- read from: a migration may change what the index reads without an
-- event, so a snapshot of another schema is not used.
CREATE TABLE search_snapshot (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	events INTEGER NOT NULL,
	schema_version INTEGER NOT NULL,
	logic TEXT NOT NULL,
	data BLOB NOT NULL,
	saved_at TIMESTAMP NOT NULL
);
