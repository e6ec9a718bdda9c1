-- A version's text may be stored deflated (sqlstore/version_text.go says
-- when and how): text_z holds it and text is then empty. Every version
-- stored before keeps its text as it is, with text_z NULL, and reads as
-- before. The store compresses, so the server need not try again.
ALTER TABLE versions ADD COLUMN text_z BYTEA;
ALTER TABLE versions ALTER COLUMN text_z SET STORAGE EXTERNAL;

-- A statement's sentences and their actors, areas and index rows are
-- inserted many rows at a time, each row with a foreign key that
-- PostgreSQL checks row by row (a query and a row lock on the parent per
-- row): half of the time an upload spent in the server. The same
-- guarantees, kept once per statement instead (docs/decisions.md, "Bulk
-- checks in place of row-by-row foreign keys"): an insert or update whose
-- rows name a parent that does not exist fails; deleting a parent deletes
-- its rows, as ON DELETE CASCADE did. The rows are kept as they are.
ALTER TABLE sentences DROP CONSTRAINT sentences_version_id_fkey;
ALTER TABLE sentences DROP CONSTRAINT sentences_document_id_fkey;
ALTER TABLE sentence_actors DROP CONSTRAINT sentence_actors_sentence_id_fkey;
ALTER TABLE sentence_areas DROP CONSTRAINT sentence_areas_sentence_id_fkey;
ALTER TABLE sentence_search DROP CONSTRAINT sentence_search_sentence_id_fkey;

CREATE FUNCTION sentences_check_parents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM checked c WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.id = c.version_id)
		OR NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = c.document_id)) THEN
		RAISE EXCEPTION 'sentences refer to a version or document that does not exist' USING ERRCODE = 'foreign_key_violation';
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER sentences_parents_insert AFTER INSERT ON sentences REFERENCING NEW TABLE AS checked
	FOR EACH STATEMENT EXECUTE FUNCTION sentences_check_parents();
CREATE TRIGGER sentences_parents_update AFTER UPDATE ON sentences REFERENCING NEW TABLE AS checked
	FOR EACH STATEMENT EXECUTE FUNCTION sentences_check_parents();

-- one function for the three tables keyed by sentence_id
CREATE FUNCTION sentence_rows_check_parent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM checked c WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.id = c.sentence_id)) THEN
		RAISE EXCEPTION '% rows refer to a sentence that does not exist', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER sentence_actors_parent_insert AFTER INSERT ON sentence_actors REFERENCING NEW TABLE AS checked
	FOR EACH STATEMENT EXECUTE FUNCTION sentence_rows_check_parent();
CREATE TRIGGER sentence_actors_parent_update AFTER UPDATE ON sentence_actors REFERENCING NEW TABLE AS checked
	FOR EACH STATEMENT EXECUTE FUNCTION sentence_rows_check_parent();
CREATE TRIGGER sentence_areas_parent_insert AFTER INSERT ON sentence_areas REFERENCING NEW TABLE AS checked
	FOR EACH STATEMENT EXECUTE FUNCTION sentence_rows_check_parent();
CREATE TRIGGER sentence_areas_parent_update AFTER UPDATE ON sentence_areas REFERENCING NEW TABLE AS checked
	FOR EACH STATEMENT EXECUTE FUNCTION sentence_rows_check_parent();
CREATE TRIGGER sentence_search_parent_insert AFTER INSERT ON sentence_search REFERENCING NEW TABLE AS checked
	FOR EACH STATEMENT EXECUTE FUNCTION sentence_rows_check_parent();
CREATE TRIGGER sentence_search_parent_update AFTER UPDATE ON sentence_search REFERENCING NEW TABLE AS checked
	FOR EACH STATEMENT EXECUTE FUNCTION sentence_rows_check_parent();

-- The cascades: a version's or document's sentences go with it, and a
-- sentence's actors, areas and index row with the sentence.
CREATE FUNCTION versions_delete_sentences() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM sentences WHERE version_id IN (SELECT id FROM gone);
	RETURN NULL;
END $$;
CREATE TRIGGER versions_sentences_delete AFTER DELETE ON versions REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION versions_delete_sentences();
CREATE FUNCTION documents_delete_sentences() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM sentences WHERE document_id IN (SELECT id FROM gone);
	RETURN NULL;
END $$;
CREATE TRIGGER documents_sentences_delete AFTER DELETE ON documents REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION documents_delete_sentences();
CREATE FUNCTION sentences_delete_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM sentence_actors WHERE sentence_id IN (SELECT id FROM gone);
	DELETE FROM sentence_areas WHERE sentence_id IN (SELECT id FROM gone);
	DELETE FROM sentence_search WHERE sentence_id IN (SELECT id FROM gone);
	RETURN NULL;
END $$;
CREATE TRIGGER sentences_rows_delete AFTER DELETE ON sentences REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION sentences_delete_rows();
