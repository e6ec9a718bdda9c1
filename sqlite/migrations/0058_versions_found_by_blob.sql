-- entente: foreign keys off
-- A plain-text upload's version is found by its text through its blob
-- (issue 18, item 3: a batch ingest's store; docs/decisions.md, "A
-- version found through its blob").
--
-- A plain-text upload's bytes are its text: the version's text_sha256 is
-- its source's blob's sha256, and the version's text is read from that
-- blob (sqlstore/version_text.go, textInBlob: text_z is the text's length
-- and a mark, no more than 11 bytes). The unique index of text_sha256 held
-- the same random key as blobs' again, and cost every new statement a leaf
-- of its own in a batch's log (1.56 frames a statement at 100,000). Such a
-- version is now found through blobs' key, its source and its own id
-- (sqlstore/version_of_text.go); versions_text indexes only the texts that
-- are not their blob's (an HTML, DOCX or PDF upload's, or a text too short
-- to be deflated).
--
-- The texts stay unique: versions_text among the versions it holds, and
-- the triggers between them and those found through their blobs (a second
-- version held by the same blob is refused already, as a second source of
-- the same bytes, sqlstore/source_blobs.go). They raise SQLite's own
-- message for a unique index.
--
-- A text of 256 bytes or more that deflates to 11 bytes or fewer (a run of
-- one character) is not held by a blob but looks as if it were; it is
-- given an empty stored block in front of its stream (five bytes a reader
-- passes over), so that versions_text holds it. The store writes no such
-- text any more (packText).
UPDATE versions SET text_z = CAST(substr(text_z, 1, 2) || x'000000ffff' || substr(text_z, 3) AS BLOB)
WHERE text_blob IS NULL AND length(text_z) <= 11 AND length(text_z) > 2
	AND NOT EXISTS (SELECT 1 FROM sources s JOIN blobs b ON b.sha256 = s.sha256 AND b.source_id = s.id
		WHERE s.version_id = versions.id AND s.sha256 = versions.text_sha256);
CREATE TABLE versions_new (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	language TEXT NOT NULL,
	authentic BOOLEAN NOT NULL DEFAULT FALSE,
	text_sha256 TEXT NOT NULL, -- of the normalised text: versions_text, or its blob's key
	extractor TEXT NOT NULL,
	-- Counts for lists and for search statistics (BM25 needs the number
	-- of sentences and their total length without scanning them).
	sentence_count INTEGER NOT NULL DEFAULT 0,
	commitment_count INTEGER NOT NULL DEFAULT 0,
	token_count INTEGER NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL,
	text TEXT NOT NULL,
	text_z BLOB,
	language_given BOOLEAN NOT NULL DEFAULT FALSE,
	sections TEXT,
	text_blob TEXT,
	near_runes INTEGER,
	UNIQUE (document_id, language)
);
INSERT INTO versions_new (id, document_id, language, authentic, text_sha256, extractor, sentence_count, commitment_count,
		token_count, created_at, text, text_z, language_given, sections, text_blob, near_runes)
	SELECT id, document_id, language, authentic, text_sha256, extractor, sentence_count, commitment_count,
		token_count, created_at, text, text_z, language_given, sections, text_blob, near_runes FROM versions;
-- the ids given before, deleted versions' too, are not given again
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'versions'), 0))
WHERE name = 'versions_new';
DROP TABLE versions;
-- Triggers of other tables read versions; with the table gone for a moment
-- a rename that rewrites them fails on them, and nothing names
-- versions_new.
PRAGMA legacy_alter_table = ON;
ALTER TABLE versions_new RENAME TO versions;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX versions_language ON versions (language, document_id);
CREATE UNIQUE INDEX versions_text ON versions (text_sha256)
WHERE text_blob IS NOT NULL OR text_z IS NULL OR length(text_z) > 11;
CREATE TRIGGER versions_text_insert AFTER INSERT ON versions
WHEN EXISTS (SELECT 1 FROM versions o WHERE o.id <> NEW.id AND o.text_sha256 = NEW.text_sha256 AND (
	o.id = (SELECT s.version_id FROM sources s
		WHERE s.id = (SELECT b.source_id FROM blobs b WHERE b.sha256 = NEW.text_sha256) AND s.sha256 = NEW.text_sha256)
	OR o.text_sha256 = NEW.text_sha256 AND (o.text_blob IS NOT NULL OR o.text_z IS NULL OR length(o.text_z) > 11)))
BEGIN
	SELECT RAISE(ABORT, 'UNIQUE constraint failed: versions.text_sha256');
END;
CREATE TRIGGER versions_text_update AFTER UPDATE OF text_sha256, text_z, text_blob ON versions
WHEN EXISTS (SELECT 1 FROM versions o WHERE o.id <> NEW.id AND o.text_sha256 = NEW.text_sha256 AND (
	o.id = (SELECT s.version_id FROM sources s
		WHERE s.id = (SELECT b.source_id FROM blobs b WHERE b.sha256 = NEW.text_sha256) AND s.sha256 = NEW.text_sha256)
	OR o.text_sha256 = NEW.text_sha256 AND (o.text_blob IS NOT NULL OR o.text_z IS NULL OR length(o.text_z) > 11)))
BEGIN
	SELECT RAISE(ABORT, 'UNIQUE constraint failed: versions.text_sha256');
END;
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
CREATE TRIGGER sentences_version_delete AFTER DELETE ON versions BEGIN
	DELETE FROM sentences WHERE version_id = OLD.id;
END;
