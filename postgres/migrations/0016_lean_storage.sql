-- Leaner storage (issue 18, item 3).

-- Original bytes may be stored deflated (sqlstore/blobs.go says when):
-- compression names how data is stored, '' for as it came. Every row
-- written before keeps its bytes as they are and reads as before. The
-- store compresses what compresses, so the server need not try again
-- (EXTERNAL: out of line, never pglz); rows already stored stay as they are.
ALTER TABLE blobs ADD COLUMN compression TEXT NOT NULL DEFAULT '';
ALTER TABLE blobs ALTER COLUMN data SET STORAGE EXTERNAL;

-- A statement's sentences and parties are inserted many rows at a time:
-- marking their document once per statement, from the inserted rows,
-- instead of once per row (a PL/pgSQL call and an INSERT each: a third of
-- the time an upload spent inserting its sentences). Updates and deletes
-- keep the row trigger of migration 0004.
CREATE FUNCTION tracked_mark_inserted_documents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO tracked_dirty (document_id) SELECT DISTINCT document_id FROM inserted ON CONFLICT DO NOTHING;
	RETURN NULL;
END $$;

DROP TRIGGER tracked_sentences ON sentences;
CREATE TRIGGER tracked_sentences AFTER UPDATE OR DELETE ON sentences
	FOR EACH ROW EXECUTE FUNCTION tracked_mark_document_id();
CREATE TRIGGER tracked_sentences_insert AFTER INSERT ON sentences
	REFERENCING NEW TABLE AS inserted
	FOR EACH STATEMENT EXECUTE FUNCTION tracked_mark_inserted_documents();

DROP TRIGGER tracked_document_parties ON document_parties;
CREATE TRIGGER tracked_document_parties AFTER UPDATE OR DELETE ON document_parties
	FOR EACH ROW EXECUTE FUNCTION tracked_mark_document_id();
CREATE TRIGGER tracked_document_parties_insert AFTER INSERT ON document_parties
	REFERENCING NEW TABLE AS inserted
	FOR EACH STATEMENT EXECUTE FUNCTION tracked_mark_inserted_documents();

-- No query looks sentences up by their actor or area any more: search
-- filters from bitmaps in memory (sqlstore/searchindex.go), the statistics
-- scan every commitment, a document filter reaches its sentences' areas
-- by the sentence (the primary key). The two indexes were a fifth of the
-- database on PostgreSQL; the rows stay as they are.
DROP INDEX sentence_actors_party;
DROP INDEX sentence_areas_area;
