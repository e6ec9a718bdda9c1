-- Versions whose sentences are stored but not yet in the full-text index
-- (issue 18, item 3: a batch ingest commits its statements and leaves
-- their index to a background indexer).
--
-- A row is written in the transaction that writes the version, so a
-- version committed is either indexed or queued here: nothing is lost on a
-- crash, and the next indexer resumes. The indexer writes the index rows,
-- the version's token count and the document's event, and deletes the
-- row, in one transaction (sqlstore/search_pending.go).
CREATE TABLE search_pending (
	version_id INTEGER PRIMARY KEY REFERENCES versions (id) ON DELETE CASCADE,
	document_id INTEGER NOT NULL,
	sentences INTEGER NOT NULL,
	queued_at TIMESTAMP NOT NULL
);
