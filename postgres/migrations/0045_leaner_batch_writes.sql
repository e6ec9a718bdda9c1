-- Leaner batch writes (issue 18, item 3; docs/decisions.md, "Batch ingest
-- on PostgreSQL, eighth round").
--
-- The commitments' strengths are counted in the pass that counts their
-- parties and areas (sqlstore/stats.go, CommitmentStats): their index,
-- which served that count alone (an index-only scan), wrote an entry for
-- every commitment stored (a fifth of the sentence rows' index entries,
-- some 9,000 instructions each, 5% of the server's for a batch).
DROP INDEX sentences_commitments;

-- The collection's counts (migration 0009) added once per INSERT of
-- versions instead of once per version. A batch writes a group's versions
-- in one INSERT; the row trigger ran a PL/pgSQL call and an UPDATE of
-- collection_stats for each of them (some 30 µs a version, 2% of the
-- server's instructions for a batch). The statement trigger reads the
-- rows inserted and adds their count and sums in one UPDATE, the same
-- totals: changes still grows by one a version, and an INSERT of no rows
-- changes nothing. Updates and deletes are counted row by row as before
-- (one version at a time).
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
