-- A statement's names and references (entities, citations and the
-- sentences each is found in) and a document's parties lose their
-- row-by-row foreign keys, as the sentence rows did in 0017 (issue 18,
-- item 3: batch ingest within five times its extraction;
-- docs/decisions.md, "Batch ingest on PostgreSQL, sixth round…"). A
-- batch of 300 statements wrote some 4,200 such rows, and PostgreSQL
-- checked each key of each row with a query and a row lock on its
-- parent: a fifth of the instructions of the batch's writing session.
-- The same guarantees are kept once per statement, from its transition
-- table: an insert whose rows name a parent that does not exist fails
-- (foreign_key_violation); an update that changes a row's parent is
-- checked row by row, but only when it changes it (the registry's
-- rebuild updates every entity's registry id, never its version); and
-- deleting a version, document, entity, citation or sentence deletes its
-- rows, as ON DELETE CASCADE did. Existing rows are kept as they are.
--
-- What a row-level key also gives, the lock that stops another
-- transaction from deleting the parent between the check and the commit,
-- is not needed here: these rows are written by the transaction that
-- inserts their version or document (ingest) or that has updated it
-- first, so holds its row lock (re-extraction updates the version's
-- sections and the document's metadata before it writes them again).
-- SQLite keeps its foreign keys (its migration of this number changes
-- nothing).
ALTER TABLE entity_sentences DROP CONSTRAINT entity_sentences_entity_id_fkey;
ALTER TABLE entity_sentences DROP CONSTRAINT entity_sentences_sentence_id_fkey;
ALTER TABLE citation_sentences DROP CONSTRAINT citation_sentences_citation_id_fkey;
ALTER TABLE citation_sentences DROP CONSTRAINT citation_sentences_sentence_id_fkey;
ALTER TABLE entities DROP CONSTRAINT entities_version_id_fkey;
ALTER TABLE citations DROP CONSTRAINT citations_version_id_fkey;
ALTER TABLE document_parties DROP CONSTRAINT document_parties_document_id_fkey;

-- The checks of an insert: each row's parent looked up by its primary
-- key. Written as a correlated scalar subquery, which runs as an index
-- probe per row whatever the planner's estimates: as an anti-join (NOT
-- EXISTS) the planner hashed every row of the parent instead, and kept
-- that plan for the session (a batch's writer checked 130 entities'
-- sentence rows by reading every sentence of the store).
CREATE FUNCTION entity_sentences_check_parents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM checked c WHERE (SELECT e.id FROM entities e WHERE e.id = c.entity_id) IS NULL
		OR (SELECT s.id FROM sentences s WHERE s.id = c.sentence_id) IS NULL) THEN
		RAISE EXCEPTION 'entity_sentences rows refer to an entity or sentence that does not exist' USING ERRCODE = 'foreign_key_violation';
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER entity_sentences_parents_insert AFTER INSERT ON entity_sentences REFERENCING NEW TABLE AS checked
	FOR EACH STATEMENT EXECUTE FUNCTION entity_sentences_check_parents();

CREATE FUNCTION citation_sentences_check_parents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM checked c WHERE (SELECT x.id FROM citations x WHERE x.id = c.citation_id) IS NULL
		OR (SELECT s.id FROM sentences s WHERE s.id = c.sentence_id) IS NULL) THEN
		RAISE EXCEPTION 'citation_sentences rows refer to a citation or sentence that does not exist' USING ERRCODE = 'foreign_key_violation';
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER citation_sentences_parents_insert AFTER INSERT ON citation_sentences REFERENCING NEW TABLE AS checked
	FOR EACH STATEMENT EXECUTE FUNCTION citation_sentences_check_parents();

-- one function for the two tables keyed by version_id
CREATE FUNCTION version_rows_check_parent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM checked c WHERE (SELECT v.id FROM versions v WHERE v.id = c.version_id) IS NULL) THEN
		RAISE EXCEPTION '% rows refer to a version that does not exist', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER entities_parent_insert AFTER INSERT ON entities REFERENCING NEW TABLE AS checked
	FOR EACH STATEMENT EXECUTE FUNCTION version_rows_check_parent();
CREATE TRIGGER citations_parent_insert AFTER INSERT ON citations REFERENCING NEW TABLE AS checked
	FOR EACH STATEMENT EXECUTE FUNCTION version_rows_check_parent();

CREATE FUNCTION document_parties_check_parent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM checked c WHERE (SELECT d.id FROM documents d WHERE d.id = c.document_id) IS NULL) THEN
		RAISE EXCEPTION 'document_parties rows refer to a document that does not exist' USING ERRCODE = 'foreign_key_violation';
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER document_parties_parent_insert AFTER INSERT ON document_parties REFERENCING NEW TABLE AS checked
	FOR EACH STATEMENT EXECUTE FUNCTION document_parties_check_parent();

-- 0017's check of a statement's sentences, written the same way: it
-- hashed every version and every document of the store for each
-- statement (and 0036 leaves an empty table unanalysed, so a new store's
-- writer plans it so for the session). Now the few dozen versions and
-- documents a thousand sentence rows name are each probed once.
CREATE OR REPLACE FUNCTION sentences_check_parents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM (SELECT DISTINCT version_id, document_id FROM checked) c
		WHERE (SELECT v.id FROM versions v WHERE v.id = c.version_id) IS NULL
		OR (SELECT d.id FROM documents d WHERE d.id = c.document_id) IS NULL) THEN
		RAISE EXCEPTION 'sentences refer to a version or document that does not exist' USING ERRCODE = 'foreign_key_violation';
	END IF;
	RETURN NULL;
END $$;

-- The check of an update that changes a row's parent. Its arguments are
-- pairs: a column of the row and the table whose id it names.
CREATE FUNCTION row_check_parents() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	found BOOLEAN;
BEGIN
	FOR i IN 0 .. TG_NARGS / 2 - 1 LOOP
		EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I p WHERE p.id = ($1).%I)', TG_ARGV[2 * i + 1], TG_ARGV[2 * i])
			INTO found USING NEW;
		IF NOT found THEN
			RAISE EXCEPTION '% row refers to a row of % that does not exist', TG_TABLE_NAME, TG_ARGV[2 * i + 1]
				USING ERRCODE = 'foreign_key_violation';
		END IF;
	END LOOP;
	RETURN NULL;
END $$;
CREATE TRIGGER entity_sentences_parents_update AFTER UPDATE OF entity_id, sentence_id ON entity_sentences FOR EACH ROW
	WHEN (OLD.entity_id IS DISTINCT FROM NEW.entity_id OR OLD.sentence_id IS DISTINCT FROM NEW.sentence_id)
	EXECUTE FUNCTION row_check_parents('entity_id', 'entities', 'sentence_id', 'sentences');
CREATE TRIGGER citation_sentences_parents_update AFTER UPDATE OF citation_id, sentence_id ON citation_sentences FOR EACH ROW
	WHEN (OLD.citation_id IS DISTINCT FROM NEW.citation_id OR OLD.sentence_id IS DISTINCT FROM NEW.sentence_id)
	EXECUTE FUNCTION row_check_parents('citation_id', 'citations', 'sentence_id', 'sentences');
CREATE TRIGGER entities_parent_update AFTER UPDATE OF version_id ON entities FOR EACH ROW
	WHEN (OLD.version_id IS DISTINCT FROM NEW.version_id)
	EXECUTE FUNCTION row_check_parents('version_id', 'versions');
CREATE TRIGGER citations_parent_update AFTER UPDATE OF version_id ON citations FOR EACH ROW
	WHEN (OLD.version_id IS DISTINCT FROM NEW.version_id)
	EXECUTE FUNCTION row_check_parents('version_id', 'versions');
CREATE TRIGGER document_parties_parent_update AFTER UPDATE OF document_id ON document_parties FOR EACH ROW
	WHEN (OLD.document_id IS DISTINCT FROM NEW.document_id)
	EXECUTE FUNCTION row_check_parents('document_id', 'documents');

-- The cascades: a version's entities and citations go with it, a
-- document's parties with it, and the rows that place an entity or a
-- citation in a sentence with either.
CREATE FUNCTION versions_delete_mentions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM entities WHERE version_id IN (SELECT id FROM gone);
	DELETE FROM citations WHERE version_id IN (SELECT id FROM gone);
	RETURN NULL;
END $$;
CREATE TRIGGER versions_mentions_delete AFTER DELETE ON versions REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION versions_delete_mentions();
CREATE FUNCTION documents_delete_parties() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM document_parties WHERE document_id IN (SELECT id FROM gone);
	RETURN NULL;
END $$;
CREATE TRIGGER documents_parties_delete AFTER DELETE ON documents REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION documents_delete_parties();
CREATE FUNCTION entities_delete_sentences() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM entity_sentences WHERE entity_id IN (SELECT id FROM gone);
	RETURN NULL;
END $$;
CREATE TRIGGER entities_sentences_delete AFTER DELETE ON entities REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION entities_delete_sentences();
CREATE FUNCTION citations_delete_sentences() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM citation_sentences WHERE citation_id IN (SELECT id FROM gone);
	RETURN NULL;
END $$;
CREATE TRIGGER citations_sentences_delete AFTER DELETE ON citations REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION citations_delete_sentences();
CREATE FUNCTION sentences_delete_mentions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM entity_sentences WHERE sentence_id IN (SELECT id FROM gone);
	DELETE FROM citation_sentences WHERE sentence_id IN (SELECT id FROM gone);
	RETURN NULL;
END $$;
CREATE TRIGGER sentences_mentions_delete AFTER DELETE ON sentences REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION sentences_delete_mentions();
