-- A snapshot of the tracker's index of the commitments (package tracking,
-- index_snapshot.go), so that a command, or a server that starts, reads
-- it and the documents changed since instead of every commitment (a few
-- seconds at 10,000 statements). Derived, like tracked_dirty: never
-- dumped, always safe to delete (the next read reads everything). One row.
-- (0042 and 0043 are a batch round's.)
CREATE TABLE tracked_snapshot (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	events BIGINT NOT NULL,
	versions BIGINT NOT NULL,
	rules TEXT NOT NULL,
	data BYTEA NOT NULL,
	saved_at TIMESTAMPTZ NOT NULL
);
