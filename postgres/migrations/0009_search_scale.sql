-- Search at scale (issue 18).

-- The collection's numbers that ranking needs (BM25: sentences and their
-- total length in tokens) kept as versions change, so that a search reads
-- a few rows instead of every version. changes counts every insert, update
-- and delete of a version: the store caches what it counted of the index
-- (term frequencies, totals) for as long as the sums stay the same. The
-- counts are spread over 16 slots, one chosen by the server process, so
-- that concurrent writers (several servers ingesting) do not queue on one
-- row's lock; a reader sums them.
CREATE TABLE collection_stats (
	slot INTEGER PRIMARY KEY,
	versions BIGINT NOT NULL DEFAULT 0,
	sentences BIGINT NOT NULL DEFAULT 0,
	tokens BIGINT NOT NULL DEFAULT 0,
	changes BIGINT NOT NULL DEFAULT 0
);
INSERT INTO collection_stats (slot) SELECT g FROM generate_series(0, 15) AS g;
UPDATE collection_stats SET versions = v.n, sentences = v.s, tokens = v.t
FROM (SELECT count(*) AS n, coalesce(sum(sentence_count), 0) AS s, coalesce(sum(token_count), 0) AS t FROM versions) AS v
WHERE slot = 0;

CREATE FUNCTION collection_stats_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	dv BIGINT := 0;
	ds BIGINT := 0;
	dt BIGINT := 0;
BEGIN
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		ds := ds + NEW.sentence_count;
		dt := dt + NEW.token_count;
	END IF;
	IF TG_OP IN ('DELETE', 'UPDATE') THEN
		ds := ds - OLD.sentence_count;
		dt := dt - OLD.token_count;
	END IF;
	IF TG_OP = 'INSERT' THEN
		dv := 1;
	ELSIF TG_OP = 'DELETE' THEN
		dv := -1;
	END IF;
	UPDATE collection_stats SET versions = versions + dv, sentences = sentences + ds, tokens = tokens + dt,
		changes = changes + 1
	WHERE slot = pg_backend_pid() % 16;
	RETURN NULL;
END;
$$;
CREATE TRIGGER collection_stats_versions AFTER INSERT OR UPDATE OR DELETE ON versions
	FOR EACH ROW EXECUTE FUNCTION collection_stats_count();
DROP INDEX IF EXISTS versions_stats;
