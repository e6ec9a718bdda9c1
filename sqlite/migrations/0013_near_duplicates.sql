-- Near-duplicates (issue 14, item 7): the same statement from another
-- publisher (a dateline, a header or footer, half-width punctuation) is
-- another source of the stored version. Such a source keeps its own decoded
-- text, so that the differences can be shown, and the share of the longer
-- text the common body covers. An exact source (the same text in another
-- encoding or format) has neither.
ALTER TABLE sources ADD COLUMN text TEXT;
ALTER TABLE sources ADD COLUMN coverage REAL;

-- Each version's sketch (entente.NearSketch: the smallest hashes of its
-- shingles), so that ingest finds the versions a new text may duplicate by
-- the hashes they share, through the primary key, before reading any text.
CREATE TABLE near_sketches (
	hash INTEGER NOT NULL,
	version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
	PRIMARY KEY (hash, version_id)
);
CREATE INDEX near_sketches_version ON near_sketches (version_id);
