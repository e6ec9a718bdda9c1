-- The full-text index keeps each token's positions (detail = full), so that
-- a run of three or more characters is asked for as a phrase of its bigrams
-- and the index alone decides which sentences hold it (issue 18, item 1;
-- docs/decisions.md, "Phrases from the index's positions"). Without them a
-- phrase common to most documents read and inflated nearly every version's
-- text on its first search (about 1 s at 100,000 statements). The prefix
-- index of one character goes: with positions it would hold every token's
-- positions a second time (the database over 4 times its text), and a
-- query of one character is answered from the bigrams that begin with it.
-- The index is created empty; the store rebuilds it when it opens, as for a
-- new analyzer, because the setting that names the analyzer is removed.
DROP TRIGGER sentences_fts_delete;
DROP TABLE sentence_fts;
CREATE VIRTUAL TABLE sentence_fts USING fts5 (
	tokens,
	content = '',
	contentless_delete = 1,
	detail = full,
	tokenize = 'ascii'
);
-- its segments merged by the indexer, as 0050 set for the table before
INSERT INTO sentence_fts (sentence_fts, rank) VALUES ('automerge', 0);
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
	DELETE FROM sentence_fts WHERE rowid = old.id;
END;
DELETE FROM store_settings WHERE key = 'search.analyzer';
