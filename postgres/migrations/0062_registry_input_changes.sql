-- What the registry is built from, counted when it changes other than by
-- an ingest (docs/decisions.md, "The registry moves with what was
-- stored"; the SQLite migration of the same number says why). The count
-- is a column of collection_stats, in the slot of the server process that
-- its other counts use (pg_backend_pid() % 16): a transaction locks one
-- counter row whatever it changes, so that a re-extraction (names, then
-- versions) and an ingest (versions, then a version link) cannot each
-- hold the row the other waits for, as two counters' rows could. The
-- signature reads the sum.
ALTER TABLE collection_stats ADD COLUMN registry_changes BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION registry_input_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = pg_backend_pid() % 16;
	RETURN NULL;
END $$;

-- a version's names go in one DELETE: counted once if it deleted any
CREATE FUNCTION registry_input_rows_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM gone) THEN
		UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = pg_backend_pid() % 16;
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER registry_input_citations_delete AFTER DELETE ON citations REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION registry_input_rows_gone();
CREATE TRIGGER registry_input_citations_update AFTER UPDATE OF version_id, title, bracketed, kind, year ON citations
	FOR EACH ROW EXECUTE FUNCTION registry_input_changed();
CREATE TRIGGER registry_input_entities_delete AFTER DELETE ON entities REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION registry_input_rows_gone();
CREATE TRIGGER registry_input_entities_update AFTER UPDATE OF version_id, kind, name ON entities
	FOR EACH ROW EXECUTE FUNCTION registry_input_changed();
CREATE TRIGGER registry_input_documents_delete AFTER DELETE ON documents
	FOR EACH ROW EXECUTE FUNCTION registry_input_changed();
CREATE TRIGGER registry_input_documents_update AFTER UPDATE OF title, kind, language, signed_date ON documents
	FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.kind IS DISTINCT FROM NEW.kind
		OR OLD.language IS DISTINCT FROM NEW.language OR OLD.signed_date IS DISTINCT FROM NEW.signed_date)
	EXECUTE FUNCTION registry_input_changed();
-- an ingest writes a document's parties before its versions: parties
-- written to a document that has a version are a re-extraction's (a
-- trigger's WHEN cannot hold a subquery: the function asks)
CREATE FUNCTION registry_input_parties_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM versions WHERE document_id = NEW.document_id) THEN
		UPDATE collection_stats SET registry_changes = registry_changes + 1 WHERE slot = pg_backend_pid() % 16;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER registry_input_parties_insert AFTER INSERT ON document_parties
	FOR EACH ROW EXECUTE FUNCTION registry_input_parties_insert();
CREATE TRIGGER registry_input_parties_delete AFTER DELETE ON document_parties
	FOR EACH ROW EXECUTE FUNCTION registry_input_changed();
CREATE TRIGGER registry_input_versions_update AFTER UPDATE OF document_id, language ON versions
	FOR EACH ROW WHEN (OLD.document_id IS DISTINCT FROM NEW.document_id OR OLD.language IS DISTINCT FROM NEW.language)
	EXECUTE FUNCTION registry_input_changed();
CREATE TRIGGER registry_input_document_corrections AFTER INSERT OR UPDATE OR DELETE ON document_corrections
	FOR EACH ROW EXECUTE FUNCTION registry_input_changed();
CREATE TRIGGER registry_input_corrections_insert AFTER INSERT ON corrections
	FOR EACH ROW WHEN (NEW.field IN ('references', 'mechanisms', 'projects'))
	EXECUTE FUNCTION registry_input_changed();
CREATE TRIGGER registry_input_corrections_update AFTER UPDATE ON corrections
	FOR EACH ROW WHEN (NEW.field IN ('references', 'mechanisms', 'projects') OR OLD.field IN ('references', 'mechanisms', 'projects'))
	EXECUTE FUNCTION registry_input_changed();
CREATE TRIGGER registry_input_corrections_delete AFTER DELETE ON corrections
	FOR EACH ROW WHEN (OLD.field IN ('references', 'mechanisms', 'projects'))
	EXECUTE FUNCTION registry_input_changed();
CREATE TRIGGER registry_input_version_links AFTER INSERT OR UPDATE OR DELETE ON version_links
	FOR EACH ROW EXECUTE FUNCTION registry_input_changed();
