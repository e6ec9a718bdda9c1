-- Leaner writes: a statement's store cost is mostly b-tree inserts and the
-- full-text index, so this migration removes what cost more than it gave.

-- A sentence's evidence moves into the sentence's row: a table of its own
-- cost one more row and one more b-tree insert for every sentence, and the
-- evidence is only ever read with its sentence.
ALTER TABLE sentences ADD COLUMN evidence TEXT NOT NULL DEFAULT '{}';
UPDATE sentences SET evidence = (SELECT e.evidence FROM sentence_evidence e WHERE e.sentence_id = sentences.id)
WHERE id IN (SELECT sentence_id FROM sentence_evidence);
DROP TABLE sentence_evidence;

-- Actors and areas are looked up by their key only: WITHOUT ROWID keeps one
-- b-tree per table instead of a table and its primary key index.
CREATE TABLE sentence_actors_new (
	sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	party TEXT NOT NULL,
	PRIMARY KEY (sentence_id, position)
) WITHOUT ROWID;
INSERT INTO sentence_actors_new SELECT sentence_id, position, party FROM sentence_actors;
DROP TABLE sentence_actors;
ALTER TABLE sentence_actors_new RENAME TO sentence_actors;
CREATE INDEX sentence_actors_party ON sentence_actors (party, sentence_id);

CREATE TABLE sentence_areas_new (
	sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	area TEXT NOT NULL,
	PRIMARY KEY (sentence_id, position)
) WITHOUT ROWID;
INSERT INTO sentence_areas_new SELECT sentence_id, position, area FROM sentence_areas;
DROP TABLE sentence_areas;
ALTER TABLE sentence_areas_new RENAME TO sentence_areas;
CREATE INDEX sentence_areas_area ON sentence_areas (area, sentence_id);

-- The full-text index keeps no positions (detail = none): it only finds
-- candidates, and package search checks each candidate's text, so a
-- phrase's order is checked there. The tokens changed too (see package
-- search), so the index is created empty and the store rebuilds it when it
-- opens, as it does whenever store_settings names another analyzer.
DROP TRIGGER sentences_fts_delete;
DROP TABLE sentence_fts;
CREATE VIRTUAL TABLE sentence_fts USING fts5 (
	tokens,
	content = '',
	contentless_delete = 1,
	detail = none,
	tokenize = 'ascii'
);
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
	DELETE FROM sentence_fts WHERE rowid = old.id;
END;

-- What the store records about itself, such as the analyzer its search
-- index was built with.
CREATE TABLE store_settings (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
