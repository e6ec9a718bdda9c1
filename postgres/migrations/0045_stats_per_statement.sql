-- The collection's counts (migration 0009) added once per INSERT of
-- versions instead of once per version (issue 18, item 3: a batch ingest's
-- store; docs/decisions.md, "Batch ingest on PostgreSQL, eighth round").
--
-- A batch writes a group's versions in one INSERT; the row trigger ran a
-- PL/pgSQL call and an UPDATE of collection_stats for each of them (some
-- 30 µs a version, a thirtieth of the server's CPU for the batch). The
-- statement trigger reads the rows inserted and adds their count and sums
-- in one UPDATE, the same totals: changes still grows by one a version,
-- and an INSERT of no rows changes nothing. Updates and deletes are
-- counted row by row as before (one version at a time).
DROP TRIGGER collection_stats_versions ON versions;
CREATE TRIGGER collection_stats_versions AFTER UPDATE OR DELETE ON versions
	FOR EACH ROW EXECUTE FUNCTION collection_stats_count();

CREATE FUNCTION collection_stats_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE collection_stats SET versions = versions + a.n, sentences = sentences + a.s, tokens = tokens + a.t,
		changes = changes + a.n
	FROM (SELECT count(*) AS n, coalesce(sum(sentence_count), 0) AS s, coalesce(sum(token_count), 0) AS t FROM added) a
	WHERE slot = pg_backend_pid() % 16 AND a.n > 0;
	RETURN NULL;
END $$;
CREATE TRIGGER collection_stats_versions_insert AFTER INSERT ON versions REFERENCING NEW TABLE AS added
	FOR EACH STATEMENT EXECUTE FUNCTION collection_stats_insert();
