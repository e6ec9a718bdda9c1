-- Leaner batch writes, ninth round (issue 18, item 3: batch ingest within
-- five times its extraction; docs/decisions.md, "Batch ingest on
-- PostgreSQL, ninth round…").
--
-- A version's document, a source's version and blob, a version's sketch
-- and its row in the index's queue lose their row-by-row foreign keys, as
-- the mentions did in 0038: a batch wrote one of each for every new
-- statement, and PostgreSQL checked each key with a query of its own
-- (some 40,000 instructions a key, five keys a statement: a twentieth of
-- the server's instructions for a batch). The same guarantees are kept
-- once per statement, from its transition table:
-- - an insert whose rows name a parent that does not exist fails
--   (foreign_key_violation), and the parents named are locked against
--   deletion until the transaction ends (FOR KEY SHARE, as a foreign
--   key's check locks them: a source is added to a version stored long
--   before, a version to a document, the sketches of every version are
--   written again by a transaction that holds none of them);
-- - an update that changes a row's parent is checked row by row;
-- - deleting a document deletes its versions, and deleting a version its
--   sources, sketch and queued row, as ON DELETE CASCADE did; deleting a
--   blob that a source names fails, as the key's NO ACTION did.
-- Existing rows are kept as they are. SQLite keeps its foreign keys (its
-- migration of this number changes nothing).
ALTER TABLE versions DROP CONSTRAINT versions_document_id_fkey;
ALTER TABLE sources DROP CONSTRAINT sources_version_id_fkey;
ALTER TABLE sources DROP CONSTRAINT sources_sha256_fkey;
ALTER TABLE near_sketches DROP CONSTRAINT near_sketches_packed_version_id_fkey;
ALTER TABLE search_pending DROP CONSTRAINT search_pending_version_id_fkey;

-- Each parent named once, looked up by its key and locked (a LATERAL
-- subquery, so an index probe per parent whatever the planner's estimates
-- of the transition table).
CREATE FUNCTION version_rows_check_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF (SELECT count(*) FROM (SELECT DISTINCT version_id FROM checked) c
		CROSS JOIN LATERAL (SELECT v.id FROM versions v WHERE v.id = c.version_id FOR KEY SHARE OF v) l)
		<> (SELECT count(DISTINCT version_id) FROM checked) THEN
		RAISE EXCEPTION '% rows refer to a version that does not exist', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER near_sketches_parent_insert AFTER INSERT ON near_sketches REFERENCING NEW TABLE AS checked
	FOR EACH STATEMENT EXECUTE FUNCTION version_rows_check_locked();
CREATE TRIGGER search_pending_parent_insert AFTER INSERT ON search_pending REFERENCING NEW TABLE AS checked
	FOR EACH STATEMENT EXECUTE FUNCTION version_rows_check_locked();

CREATE FUNCTION sources_check_parents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF (SELECT count(*) FROM (SELECT DISTINCT version_id FROM checked) c
		CROSS JOIN LATERAL (SELECT v.id FROM versions v WHERE v.id = c.version_id FOR KEY SHARE OF v) l)
		<> (SELECT count(DISTINCT version_id) FROM checked) THEN
		RAISE EXCEPTION 'sources refer to a version that does not exist' USING ERRCODE = 'foreign_key_violation';
	END IF;
	IF (SELECT count(*) FROM (SELECT DISTINCT sha256 FROM checked) c
		CROSS JOIN LATERAL (SELECT b.sha256 FROM blobs b WHERE b.sha256 = c.sha256 FOR KEY SHARE OF b) l)
		<> (SELECT count(DISTINCT sha256) FROM checked) THEN
		RAISE EXCEPTION 'sources refer to a blob that does not exist' USING ERRCODE = 'foreign_key_violation';
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER sources_parents_insert AFTER INSERT ON sources REFERENCING NEW TABLE AS checked
	FOR EACH STATEMENT EXECUTE FUNCTION sources_check_parents();
CREATE FUNCTION sources_row_check_parents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM 1 FROM versions v WHERE v.id = NEW.version_id FOR KEY SHARE OF v;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'a source refers to a version that does not exist' USING ERRCODE = 'foreign_key_violation';
	END IF;
	PERFORM 1 FROM blobs b WHERE b.sha256 = NEW.sha256 FOR KEY SHARE OF b;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'a source refers to a blob that does not exist' USING ERRCODE = 'foreign_key_violation';
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER sources_parents_update AFTER UPDATE OF version_id, sha256 ON sources
	FOR EACH ROW WHEN (OLD.version_id IS DISTINCT FROM NEW.version_id OR OLD.sha256 IS DISTINCT FROM NEW.sha256)
	EXECUTE FUNCTION sources_row_check_parents();

CREATE FUNCTION versions_check_parent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF (SELECT count(*) FROM (SELECT DISTINCT document_id FROM checked) c
		CROSS JOIN LATERAL (SELECT d.id FROM documents d WHERE d.id = c.document_id FOR KEY SHARE OF d) l)
		<> (SELECT count(DISTINCT document_id) FROM checked) THEN
		RAISE EXCEPTION 'versions refer to a document that does not exist' USING ERRCODE = 'foreign_key_violation';
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER versions_parent_insert AFTER INSERT ON versions REFERENCING NEW TABLE AS checked
	FOR EACH STATEMENT EXECUTE FUNCTION versions_check_parent();
CREATE TRIGGER versions_parent_update AFTER UPDATE OF document_id ON versions
	FOR EACH ROW WHEN (OLD.document_id IS DISTINCT FROM NEW.document_id)
	EXECUTE FUNCTION row_check_parents('document_id', 'documents');
CREATE TRIGGER near_sketches_parent_update AFTER UPDATE OF version_id ON near_sketches
	FOR EACH ROW WHEN (OLD.version_id IS DISTINCT FROM NEW.version_id)
	EXECUTE FUNCTION row_check_parents('version_id', 'versions');
CREATE TRIGGER search_pending_parent_update AFTER UPDATE OF version_id ON search_pending
	FOR EACH ROW WHEN (OLD.version_id IS DISTINCT FROM NEW.version_id)
	EXECUTE FUNCTION row_check_parents('version_id', 'versions');

-- the cascades
CREATE FUNCTION documents_delete_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM versions WHERE document_id IN (SELECT id FROM gone);
	RETURN NULL;
END $$;
CREATE TRIGGER documents_versions_delete AFTER DELETE ON documents REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION documents_delete_versions();
CREATE FUNCTION versions_delete_sources() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM sources WHERE version_id IN (SELECT id FROM gone);
	DELETE FROM near_sketches WHERE version_id IN (SELECT id FROM gone);
	DELETE FROM search_pending WHERE version_id IN (SELECT id FROM gone);
	RETURN NULL;
END $$;
CREATE TRIGGER versions_sources_delete AFTER DELETE ON versions REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION versions_delete_sources();
-- a blob a source names is not deleted (NO ACTION: checked once the
-- statement has run, so a statement that deletes the source too may)
CREATE FUNCTION blobs_check_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM gone g WHERE EXISTS (SELECT 1 FROM sources s WHERE s.sha256 = g.sha256)) THEN
		RAISE EXCEPTION 'a blob deleted is named by a source' USING ERRCODE = 'foreign_key_violation';
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER blobs_sources_delete AFTER DELETE ON blobs REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION blobs_check_delete();
CREATE FUNCTION blobs_row_check_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM sources s WHERE s.sha256 = OLD.sha256) THEN
		RAISE EXCEPTION 'a blob changed is named by a source' USING ERRCODE = 'foreign_key_violation';
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER blobs_sources_update AFTER UPDATE OF sha256 ON blobs
	FOR EACH ROW WHEN (OLD.sha256 IS DISTINCT FROM NEW.sha256) EXECUTE FUNCTION blobs_row_check_update();

-- The registry's ids of entities and citations are set only where a name
-- matches an entry (none in a batch of new statements until the registry
-- is rebuilt), and every query of them names an id: their indexes keep
-- the rows that have one, rather than an entry for every NULL.
DROP INDEX entities_registry;
CREATE INDEX entities_registry ON entities (registry_id) WHERE registry_id IS NOT NULL;
DROP INDEX citations_registry;
CREATE INDEX citations_registry ON citations (registry_id) WHERE registry_id IS NOT NULL;
