-- entente: foreign keys off
-- A sentence row without its two foreign-key checks (issue 18, item 3: a
-- batch ingest's store).
--
-- Every sentence row looked its version and its document up, two b-tree
-- searches per row, about 3% of a batch ingest's CPU. The store writes a
-- sentence only in the transaction that holds its version (a new version
-- and its sentences, or a version's sentences replaced whole), with the
-- version's own id and document id, so the checks found nothing a write
-- could get wrong; PostgreSQL dropped them in 0017 for the same reason.
-- What they also did, the deletes, is kept: a version deleted deletes its
-- sentences (sentences_version_delete below), and a document deleted
-- deletes its versions (their foreign key), so its sentences with them.
-- An UPDATE that moves a sentence to a version that is missing or of
-- another document is refused (sentences_version_check below: no write of
-- the store does that, so it costs nothing), and the integrity check looks
-- for a sentence whose version is missing or belongs to another document
-- (sqlite/dialect.go).
--
-- SQLite cannot drop a column's REFERENCES, so the table is made again,
-- rows, ids, indexes and triggers as they were, with foreign keys off (the
-- line at the top asks the runner; the rows that refer to a sentence keep
-- their ids). The runner checks the foreign keys before it commits.
CREATE TABLE sentences_new (
	id INTEGER PRIMARY KEY,
	version_id INTEGER NOT NULL, -- its version's rows: the store writes them together
	-- the version's document, so that search filters by document without
	-- a join
	document_id INTEGER NOT NULL,
	position INTEGER NOT NULL, -- order in the version, from 0
	label TEXT NOT NULL, -- the extraction's sentence id (s1, s2…)
	section TEXT NOT NULL,
	marker TEXT NOT NULL DEFAULT '',
	paragraph INTEGER NOT NULL,
	text TEXT NOT NULL, -- '' when text_start and text_end are set (0026)
	text_sha256 TEXT NOT NULL, -- '' since anchor_sha256 (0025)
	occurrence INTEGER NOT NULL, -- among equal texts of the same section, from 0
	type TEXT NOT NULL,
	strength TEXT NOT NULL DEFAULT '',
	deadline TEXT,
	evidence TEXT NOT NULL DEFAULT '{}', -- JSON, before evidence_z (0019)
	evidence_z BLOB,
	actors TEXT NOT NULL DEFAULT '',
	areas TEXT NOT NULL DEFAULT '',
	anchor_sha256 BLOB,
	text_start INTEGER,
	text_end INTEGER
);
INSERT INTO sentences_new (id, version_id, document_id, position, label, section, marker, paragraph, text, text_sha256,
	occurrence, type, strength, deadline, evidence, evidence_z, actors, areas, anchor_sha256, text_start, text_end)
SELECT id, version_id, document_id, position, label, section, marker, paragraph, text, text_sha256,
	occurrence, type, strength, deadline, evidence, evidence_z, actors, areas, anchor_sha256, text_start, text_end
FROM sentences;
DROP TABLE sentences;
ALTER TABLE sentences_new RENAME TO sentences;

CREATE UNIQUE INDEX sentences_order ON sentences (version_id DESC, position);
CREATE INDEX sentences_document ON sentences (document_id);
CREATE INDEX sentences_commitments ON sentences (strength) WHERE type = 'commitment';

-- the triggers of sentences as 0026 and 0030 left them
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
	DELETE FROM sentence_fts WHERE rowid = old.id;
END;
CREATE TRIGGER tracked_sentences_insert AFTER INSERT ON sentences
WHEN NOT EXISTS (SELECT 1 FROM tracked_dirty WHERE document_id = NEW.document_id)
BEGIN
	INSERT INTO tracked_dirty (document_id) VALUES (NEW.document_id);
END;
CREATE TRIGGER tracked_sentences_delete AFTER DELETE ON sentences
WHEN NOT EXISTS (SELECT 1 FROM tracked_dirty WHERE document_id = OLD.document_id)
BEGIN
	INSERT INTO tracked_dirty (document_id) VALUES (OLD.document_id);
END;
CREATE TRIGGER tracked_sentences_update AFTER UPDATE ON sentences
WHEN NOT (OLD.text_start IS NULL AND NEW.text_start IS NOT NULL)
BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT OLD.document_id AS x UNION SELECT NEW.document_id AS x)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;

-- what the foreign keys refused of an UPDATE, refused
CREATE TRIGGER sentences_version_check BEFORE UPDATE OF version_id, document_id ON sentences
WHEN NOT EXISTS (SELECT 1 FROM versions WHERE id = NEW.version_id AND document_id = NEW.document_id)
BEGIN
	SELECT RAISE(ABORT, 'sentences: the version is missing or of another document');
END;

-- the deletes the foreign keys cascaded: a version's sentences go with it
-- (and a document's with its versions, which its foreign key deletes)
CREATE TRIGGER sentences_version_delete AFTER DELETE ON versions BEGIN
	DELETE FROM sentences WHERE version_id = OLD.id;
END;
