-- Leaner batch writes, ninth round (issue 18, item 3: batch ingest within
-- five times its extraction; docs/decisions.md, "Batch ingest on
-- PostgreSQL, ninth round…").
--
-- A version's sketch and its row in the index's queue lose their
-- row-by-row foreign keys, as the mentions did in 0038: a batch wrote one
-- of each for every new version, and PostgreSQL checked each with a query
-- of its own (some 40,000 instructions a row, a twentieth of the
-- server's for a batch). The same guarantees are kept once per
-- statement, from its transition table: an insert whose rows name a
-- version that does not exist fails (foreign_key_violation), and the
-- versions named are locked against deletion until the transaction ends
-- (FOR KEY SHARE, as a foreign key's check locks them: the sketches of
-- every version are written again by a transaction that holds none of
-- them, sketchAll); an update that changes a row's version is checked row
-- by row; deleting a version deletes its rows, as ON DELETE CASCADE did.
-- Existing rows are kept as they are. SQLite keeps its foreign keys (its
-- migration of this number changes nothing).
ALTER TABLE near_sketches DROP CONSTRAINT near_sketches_packed_version_id_fkey;
ALTER TABLE search_pending DROP CONSTRAINT search_pending_version_id_fkey;

-- Each version named once, looked up by its primary key and locked (a
-- LATERAL subquery, so an index probe per version whatever the planner's
-- estimates of the transition table).
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
CREATE TRIGGER near_sketches_parent_update AFTER UPDATE OF version_id ON near_sketches
	FOR EACH ROW WHEN (OLD.version_id IS DISTINCT FROM NEW.version_id)
	EXECUTE FUNCTION row_check_parents('version_id', 'versions');
CREATE TRIGGER search_pending_parent_update AFTER UPDATE OF version_id ON search_pending
	FOR EACH ROW WHEN (OLD.version_id IS DISTINCT FROM NEW.version_id)
	EXECUTE FUNCTION row_check_parents('version_id', 'versions');

CREATE FUNCTION versions_delete_queued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM near_sketches WHERE version_id IN (SELECT id FROM gone);
	DELETE FROM search_pending WHERE version_id IN (SELECT id FROM gone);
	RETURN NULL;
END $$;
CREATE TRIGGER versions_queued_delete AFTER DELETE ON versions REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION versions_delete_queued();

-- The registry's ids of entities and citations are set only where a name
-- matches an entry (none in a batch of new statements until the registry
-- is rebuilt), and every query of them names an id: their indexes keep
-- the rows that have one, rather than an entry for every NULL.
DROP INDEX entities_registry;
CREATE INDEX entities_registry ON entities (registry_id) WHERE registry_id IS NOT NULL;
DROP INDEX citations_registry;
CREATE INDEX citations_registry ON citations (registry_id) WHERE registry_id IS NOT NULL;
