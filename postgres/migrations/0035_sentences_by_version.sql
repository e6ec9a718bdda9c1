-- A version's sentences found by a deduplicated index of version_id
-- instead of the unique index of (version_id DESC, position) (issue 18,
-- item 3: the database within four times its text). The unique index held
-- a 24-byte entry per sentence (0.28 times the statements' text at 10,000
-- of them, more than a quarter of what is left above the goal); an index
-- of version_id alone stores each version once with its sentences' row
-- pointers (6 bytes each), as sentences_document does for documents.
--
-- No query needs the order or the uniqueness from the index: every read
-- of sentences by version names the version and sorts its few dozen rows
-- (an incremental sort where rows of many versions are read in order),
-- and positions are unique where they are made (a version's sentences
-- are written whole, numbered by their place in the extraction, and
-- replaced whole by a re-extraction). SQLite keeps its index (its own
-- migration of this number changes nothing; SQLite is within the goal).
CREATE INDEX sentences_version ON sentences (version_id);
DROP INDEX sentences_order;

-- Sentence ids only grow, so the primary key's pages split at its right
-- end, where the default fill factor leaves a tenth of each page empty
-- for inserts that never come; new pages are filled. (Its pages written
-- before are packed when the index is next rebuilt.)
ALTER INDEX sentences_pkey SET (fillfactor = 100);
