-- entente: foreign keys off
-- Leaner sentences (issue 18, item 3): the anchor's unique index goes.
--
-- UNIQUE (version_id, section, text_sha256, occurrence) was a fifth of the
-- sentences' bytes (64 hex characters of sha256 again in every entry). No
-- query needs it: every look-up by anchor names the version, and a
-- version's sentences are a range of sentences_order; the anchors of a
-- version are made unique where they are made (prepareSentences numbers
-- equal texts of a section), and every write replaces a version's
-- sentences whole.
--
-- SQLite cannot drop the index of a UNIQUE constraint, so the table is
-- made again, rows, ids, indexes and triggers as they were. The migration
-- runs with foreign keys off (the line at the top asks the runner): with
-- them on, dropping the old table would delete every row that refers to a
-- sentence. The runner checks the foreign keys before it commits.
CREATE TABLE sentences_new (
	id INTEGER PRIMARY KEY,
	version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
	-- the version's document, so that search filters by document without
	-- a join
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	position INTEGER NOT NULL, -- order in the version, from 0
	label TEXT NOT NULL, -- the extraction's sentence id (s1, s2…)
	section TEXT NOT NULL,
	marker TEXT NOT NULL DEFAULT '',
	paragraph INTEGER NOT NULL,
	text TEXT NOT NULL,
	text_sha256 TEXT NOT NULL, -- of the text with white space collapsed
	occurrence INTEGER NOT NULL, -- among equal texts of the same section, from 0
	type TEXT NOT NULL,
	strength TEXT NOT NULL DEFAULT '',
	deadline TEXT,
	evidence TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO sentences_new (id, version_id, document_id, position, label, section, marker, paragraph, text, text_sha256,
	occurrence, type, strength, deadline, evidence)
SELECT id, version_id, document_id, position, label, section, marker, paragraph, text, text_sha256,
	occurrence, type, strength, deadline, evidence FROM sentences;
DROP TABLE sentences;
ALTER TABLE sentences_new RENAME TO sentences;

CREATE UNIQUE INDEX sentences_order ON sentences (version_id DESC, position);
CREATE INDEX sentences_type ON sentences (type, strength);
CREATE INDEX sentences_document ON sentences (document_id);

CREATE TRIGGER tracked_sentences_insert AFTER INSERT ON sentences BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT NEW.document_id AS x)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
CREATE TRIGGER tracked_sentences_delete AFTER DELETE ON sentences BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT OLD.document_id AS x)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
CREATE TRIGGER tracked_sentences_update AFTER UPDATE ON sentences BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT OLD.document_id AS x UNION SELECT NEW.document_id AS x)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
	DELETE FROM sentence_fts WHERE rowid = old.id;
END;
