-- The near-duplicate sketches of new versions staged in a small table
-- first, and merged into near_sketches many versions at a time (issue 18,
-- item 3; sqlstore/near_recent.go; docs/decisions.md, "Near-duplicate
-- sketches staged, merged in bulk"). near_sketches is keyed by hash: a
-- version's seventeen hashes land on seventeen pages spread over the
-- whole table, so that at 10,000 statements every group of 32 rewrote
-- four fifths of its leaves, a quarter of a batch's CPU. Here a group's
-- rows land in a table that stays small, and a merge in hash order
-- rewrites each leaf of near_sketches once for hundreds of versions.
-- Derived, like near_sketches: never dumped, computed again on restore.
-- No index on version_id: deleting a version scans this small table.
-- PostgreSQL keeps its sketches as one array per version under a GIN
-- index, whose pending list already stages new entries (its 0049 is a no-op).
-- (0046 and 0047 are the ninth batch round's; 0048 the versions' text_blob.)
CREATE TABLE near_recent (
	hash INTEGER NOT NULL,
	version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
	PRIMARY KEY (hash, version_id)
) WITHOUT ROWID;
