-- A version's sections on its own row (issue 18, item 3;
-- sqlstore/sections_packed.go): a line per section, its id, heading and
-- title separated by tabs. A row per section in the sections table cost a
-- row header and a primary-key entry for a few bytes of text (0.39 times
-- the statements' text on PostgreSQL, 0.14 on SQLite). NULL is a version
-- written before, whose sections stay rows of the sections table (read as
-- they are) until the store carries them over when it opens, a thousand
-- versions per transaction (sqlstore/sections_carry.go). The table stays
-- for those rows and for dumps made before, which restore into it.
ALTER TABLE versions ADD COLUMN sections TEXT;

-- A version's near-duplicate sketch (entente.NearSketch, 16 hashes) as one
-- row holding its hashes as an array under a GIN index, instead of a row
-- per hash with a primary key and an index by version (0.36 times the
-- statements' text at 10,000 of them; sqlstore/near.go). The column keeps
-- its name, so that both stores' tables have the same columns (SQLite's
-- stays a row per hash). Every row is carried over, each version's hashes
-- in one array.
CREATE TABLE near_sketches_packed (
	hash BIGINT[] NOT NULL,
	version_id BIGINT PRIMARY KEY REFERENCES versions (id) ON DELETE CASCADE
);
INSERT INTO near_sketches_packed (hash, version_id)
	SELECT array_agg(hash ORDER BY hash), version_id FROM near_sketches GROUP BY version_id;
DROP TABLE near_sketches;
ALTER TABLE near_sketches_packed RENAME TO near_sketches;
ALTER INDEX near_sketches_packed_pkey RENAME TO near_sketches_pkey;
CREATE INDEX near_sketches_hash ON near_sketches USING gin (hash) WITH (fastupdate = off);
