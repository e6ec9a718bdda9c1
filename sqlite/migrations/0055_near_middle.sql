-- A middle level between near_recent and near_sketches (issue 18, item 3;
-- sqlstore/near_recent.go; docs/decisions.md, "The near-duplicate sketches'
-- middle level"). Each merge of near_recent (every 16,384 staged keys,
-- about a thousand statements) rewrote most leaves of near_sketches, whose
-- keys are spread over the whole table: 28 MB at 100,000 statements, and
-- ten times that at a million. Staged keys are now merged into this table,
-- which holds at most sixteen merges' worth (some 5 MB), and it is merged
-- into near_sketches when it is full: near_sketches' leaves rewritten once
-- for sixteen thousand statements instead of once for one thousand, as a
-- log-structured merge tree keeps its levels. Look-ups read all three.
-- Derived, like near_sketches: never dumped, computed again on restore; the
-- filter of near_filter covers this table and near_sketches together.
-- PostgreSQL writes its arrays into near_sketches directly (its 0055 is a
-- no-op).
CREATE TABLE near_middle (
	hash INTEGER NOT NULL,
	version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
	PRIMARY KEY (hash, version_id)
) WITHOUT ROWID;
-- a deleted version's rows found without a scan of the level
CREATE INDEX near_middle_version ON near_middle (version_id);
