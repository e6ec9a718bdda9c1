-- Leaner storage (issue 18, item 3).

-- Original bytes may be stored deflated (sqlstore/blobs.go says when):
-- compression names how data is stored, '' for as it came. Every row
-- written before keeps its bytes as they are and reads as before.
ALTER TABLE blobs ADD COLUMN compression TEXT NOT NULL DEFAULT '';

-- The sketches are looked up by their key only: WITHOUT ROWID keeps one
-- b-tree instead of a table and its primary key index (a third of their
-- bytes). The rows are carried over as they are.
CREATE TABLE near_sketches_new (
	hash INTEGER NOT NULL,
	version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
	PRIMARY KEY (hash, version_id)
) WITHOUT ROWID;
INSERT INTO near_sketches_new (hash, version_id) SELECT hash, version_id FROM near_sketches;
DROP TABLE near_sketches;
ALTER TABLE near_sketches_new RENAME TO near_sketches;
CREATE INDEX near_sketches_version ON near_sketches (version_id);

-- No query looks sentences up by their actor or area any more: search
-- filters from bitmaps in memory (sqlstore/searchindex.go), the statistics
-- scan every commitment, a document filter reaches its sentences' areas
-- by the sentence (the primary key). The two indexes were a fifth of the
-- database on PostgreSQL; the rows stay as they are.
DROP INDEX sentence_actors_party;
DROP INDEX sentence_areas_area;
