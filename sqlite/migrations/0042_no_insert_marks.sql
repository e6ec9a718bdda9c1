-- A write no longer marks the documents whose sentences or parties it
-- inserts (issue 18, item 3: a batch ingest's store; docs/decisions.md,
-- "Batch ingest, seventh round").
--
-- The marks in tracked_dirty tell a write which documents' corrected
-- labels (migration 0007) to compute again. A corrected sentence is one
-- that an approved correction of its own version is keyed to, and a
-- corrected date or party list one of its document's corrections; the
-- store inserts sentences and parties only for a new document's new
-- version (ingest), which no correction can be keyed to yet, and when a
-- version is extracted again, where the store marks the document itself
-- (sqlstore/corrected_marks.go, markDocument). The trigger on sentences
-- ran once for every row of a batch (a twentieth of its instructions);
-- the one on document_parties once per party row. Deleting or updating
-- either still marks, and so do corrections, as before.
DROP TRIGGER tracked_sentences_insert;
DROP TRIGGER tracked_document_parties_insert;
