-- Cheaper sentence rows (issue 18, item 3: a batch ingest's store).
--
-- The tracking triggers of sentences marked a document with
-- SELECT DISTINCT … WHERE x NOT IN (SELECT document_id FROM tracked_dirty)
-- for every row, which SQLite runs through two temporary b-trees opened
-- and closed per row: a tenth of a batch ingest's CPU. The same mark,
-- tested first by the key of tracked_dirty (a document's first row marks
-- it, its other rows find the mark and do nothing). sentences.document_id
-- is NOT NULL, so the old test for NULL is not needed.
DROP TRIGGER tracked_sentences_insert;
CREATE TRIGGER tracked_sentences_insert AFTER INSERT ON sentences
WHEN NOT EXISTS (SELECT 1 FROM tracked_dirty WHERE document_id = NEW.document_id)
BEGIN
	INSERT INTO tracked_dirty (document_id) VALUES (NEW.document_id);
END;
DROP TRIGGER tracked_sentences_delete;
CREATE TRIGGER tracked_sentences_delete AFTER DELETE ON sentences
WHEN NOT EXISTS (SELECT 1 FROM tracked_dirty WHERE document_id = OLD.document_id)
BEGIN
	INSERT INTO tracked_dirty (document_id) VALUES (OLD.document_id);
END;

-- Every query that filters sentences by type asks for commitments (the
-- dashboard's counts by strength, year, party and area): an index of the
-- commitments' strength alone serves them, and the other types' rows
-- (two fifths to a half of a collection) no longer write an entry.
DROP INDEX sentences_type;
CREATE INDEX sentences_commitments ON sentences (strength) WHERE type = 'commitment';
