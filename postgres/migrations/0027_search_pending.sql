-- Versions whose sentences are stored but not yet in the full-text index
-- (issue 18, item 3: a batch ingest commits its statements and leaves
-- their index to a background indexer).
--
-- A row is written in the transaction that writes the version, so a
-- version committed is either indexed or queued here: nothing is lost on a
-- crash, and the next indexer resumes. Indexers on several servers claim
-- rows with FOR UPDATE SKIP LOCKED and delete them in the transaction that
-- writes the index rows, so each version is indexed once
-- (sqlstore/search_pending.go).
CREATE TABLE search_pending (
	version_id BIGINT PRIMARY KEY REFERENCES versions (id) ON DELETE CASCADE,
	document_id BIGINT NOT NULL,
	sentences INTEGER NOT NULL,
	queued_at TIMESTAMPTZ NOT NULL
);
