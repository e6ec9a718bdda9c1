-- A Bloom filter of every key of near_sketches (issue 18, item 3;
-- sqlstore/near_filter.go; docs/decisions.md, "The near-duplicate keys'
-- filter"). A new statement's sixteen sketch keys are nearly all held by no
-- stored version, yet each was looked up in near_sketches, a leaf read
-- from the file for each at 100,000 statements, twice per statement in a
-- batch (its examination and its writer): a fifth of the batch's writer.
-- The filter answers "absent" for nearly all of them from memory.
--
-- One row, rewritten whenever near_sketches gains keys (a merge of
-- near_recent, a rebuild of every sketch), in the same transaction; its
-- generation increases with each rewrite, so a process that holds an older
-- copy finds it out after its look-up and looks again. A migration that
-- writes near_sketches must delete this row: the store builds it again
-- from near_sketches when it opens. Derived: never dumped. PostgreSQL's
-- sketches are arrays under a GIN index, one probe a statement (its 0054
-- is a no-op).
CREATE TABLE near_filter (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	generation INTEGER NOT NULL,
	keys INTEGER NOT NULL, -- keys added since it was built, deleted ones too
	capacity INTEGER NOT NULL, -- keys it holds at its rate of false positives
	bits BLOB NOT NULL -- internal/bloom's Encode
);
