-- A sentence's text as offsets into its version's text (issue 18, item 3).
--
-- A sentence's text is nearly always a run of its version's text, which
-- is stored once (deflated, or as the blob of the same bytes). A row whose
-- text is such a run holds its byte offsets, [text_start, text_end), and
-- an empty text, instead of a second copy (0.95 times the text); a
-- sentence whose text is not a run of it keeps its text with NULL offsets
-- (sqlstore/sentence_text.go). The migration only adds the two columns,
-- which rewrites no row however large the table is; the rows written
-- before get their offsets from the store once it has opened (SQL cannot
-- read a deflated text: sqlstore/sentence_text_compact.go), an UPDATE that
-- sets text_start where it was NULL and changes no sentence as it reads.
ALTER TABLE sentences ADD COLUMN text_start INTEGER;
ALTER TABLE sentences ADD COLUMN text_end INTEGER;

-- That UPDATE marks no document for the tracked tables to be made again:
-- the row trigger cost twenty times the row's own write.
DROP TRIGGER tracked_sentences_update;
CREATE TRIGGER tracked_sentences_update AFTER UPDATE ON sentences
WHEN NOT (OLD.text_start IS NULL AND NEW.text_start IS NOT NULL)
BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT OLD.document_id AS x UNION SELECT NEW.document_id AS x)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
