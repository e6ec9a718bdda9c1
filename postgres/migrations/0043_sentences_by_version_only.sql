-- No index of sentences by document (issue 18, item 3: a batch ingest's
-- store; docs/decisions.md, "Batch ingest, seventh round").
--
-- sentences_document cost every sentence row an entry (a twentieth of a
-- batch's sentence writes here, 2% of a 500-statement SQLite file) for
-- two queries: the document list's area filter and the corrections of a
-- write's documents. Both now find a document's sentences through its
-- versions (versions by document, then sentences_version), which are few.
-- A document's deletion took its sentences by document_id (migration
-- 0017); its versions, which cascade from it, take them by version
-- (versions_sentences_delete), so that trigger goes.
DROP TRIGGER documents_sentences_delete ON documents;
DROP FUNCTION documents_delete_sentences();
DROP INDEX sentences_document;
