-- Search at scale (issue 18).

-- The collection's numbers that ranking needs (BM25: sentences and their
-- total length in tokens) kept as versions change, so that a search reads
-- one row instead of every version. changes counts every insert, update
-- and delete of a version: the store caches what it counted of the index
-- (term frequencies, totals) for as long as it stays the same. PostgreSQL
-- spreads the counts over slots so that concurrent writers do not queue on
-- one row; SQLite has one writer and one slot.
CREATE TABLE collection_stats (
	slot INTEGER PRIMARY KEY,
	versions INTEGER NOT NULL DEFAULT 0,
	sentences INTEGER NOT NULL DEFAULT 0,
	tokens INTEGER NOT NULL DEFAULT 0,
	changes INTEGER NOT NULL DEFAULT 0
);
INSERT INTO collection_stats (slot, versions, sentences, tokens, changes)
SELECT 0, count(*), coalesce(sum(sentence_count), 0), coalesce(sum(token_count), 0), 0 FROM versions;

CREATE TRIGGER collection_stats_insert AFTER INSERT ON versions BEGIN
	UPDATE collection_stats SET versions = versions + 1, sentences = sentences + new.sentence_count,
		tokens = tokens + new.token_count, changes = changes + 1 WHERE slot = 0;
END;
CREATE TRIGGER collection_stats_update AFTER UPDATE ON versions BEGIN
	UPDATE collection_stats SET sentences = sentences - old.sentence_count + new.sentence_count,
		tokens = tokens - old.token_count + new.token_count, changes = changes + 1 WHERE slot = 0;
END;
CREATE TRIGGER collection_stats_delete AFTER DELETE ON versions BEGIN
	UPDATE collection_stats SET versions = versions - 1, sentences = sentences - old.sentence_count,
		tokens = tokens - old.token_count, changes = changes + 1 WHERE slot = 0;
END;
DROP INDEX versions_stats; -- nothing reads the versions for statistics any more

-- The full-text index gains a prefix index of one character, so that a
-- query of one Chinese character reads one list instead of merging the
-- lists of every token that begins with it (合: every bigram 合X). The
-- index is created empty; the store rebuilds it when it opens, as for a new
-- analyzer, because the setting that names the analyzer is removed.
DROP TRIGGER sentences_fts_delete;
DROP TABLE sentence_fts;
CREATE VIRTUAL TABLE sentence_fts USING fts5 (
	tokens,
	content = '',
	contentless_delete = 1,
	detail = none,
	prefix = '1',
	tokenize = 'ascii'
);
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
	DELETE FROM sentence_fts WHERE rowid = old.id;
END;
DELETE FROM store_settings WHERE key = 'search.analyzer';
