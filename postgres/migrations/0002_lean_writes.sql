-- Leaner writes: a statement's store cost is mostly row and index inserts
-- and the full-text index, so this migration removes what cost more than
-- it gave.

-- A sentence's evidence moves into the sentence's row: a table of its own
-- cost one more row and index entry for every sentence, and the evidence
-- is only ever read with its sentence.
ALTER TABLE sentences ADD COLUMN evidence TEXT NOT NULL DEFAULT '{}';
UPDATE sentences s SET evidence = e.evidence FROM sentence_evidence e WHERE e.sentence_id = s.id;
DROP TABLE sentence_evidence;

-- The index's tokens changed (see package search) and keep no positions:
-- it only finds candidates, and package search checks each candidate's
-- text. The store rebuilds it when it opens, as it does whenever
-- store_settings names another analyzer.
TRUNCATE sentence_search;

-- What the store records about itself, such as the analyzer its search
-- index was built with.
CREATE TABLE store_settings (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
