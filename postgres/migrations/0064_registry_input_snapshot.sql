-- A snapshot of what the registry's build read of the library (package
-- connect, input_snapshot.go), so that a new process, a command or a
-- server that starts, reads it and the documents added since instead of
-- every name in the library (5 of a command-line ingest's 12 s at 100,000
-- statements). Derived, like search_snapshot: never dumped, always safe to
-- delete (the next build reads everything). One row. schema_version and
-- logic are the schema it was read from and the store's reading of it: a
-- snapshot read otherwise is not used.
CREATE TABLE registry_input_snapshot (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	schema_version INTEGER NOT NULL,
	logic TEXT NOT NULL,
	data BYTEA NOT NULL,
	saved_at TIMESTAMPTZ NOT NULL
);
