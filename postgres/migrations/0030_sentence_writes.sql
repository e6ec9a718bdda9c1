-- Cheaper sentence rows (issue 18, item 3: a batch ingest's store).
--
-- Every query that filters sentences by type asks for commitments (the
-- dashboard's counts by strength, year, party and area): an index of the
-- commitments' strength alone serves them, and the other types' rows
-- (two fifths to a half of a collection) no longer write an entry.
-- (SQLite's migration of the same number also makes its tracking
-- triggers cheaper; PostgreSQL's already mark once per statement.)
DROP INDEX sentences_type;
CREATE INDEX sentences_commitments ON sentences (strength) WHERE type = 'commitment';
