-- A sentence's text as offsets into its version's text (issue 18, item 3).
--
-- A sentence's text is nearly always a run of its version's text, which
-- is stored once (deflated, or as the blob of the same bytes). New rows
-- whose text is such a run hold its byte offsets, [text_start, text_end),
-- and an empty text, instead of a second copy (0.95 times the text); a
-- sentence whose text is not a run of it keeps its text with NULL offsets
-- (sqlstore/sentence_text.go). Rows written before keep their text and
-- read as before: this migration only adds the two columns, which costs
-- no rewrite of the table however large it is.
ALTER TABLE sentences ADD COLUMN text_start INTEGER;
ALTER TABLE sentences ADD COLUMN text_end INTEGER;
