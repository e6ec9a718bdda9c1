-- entente: foreign keys off
-- A source is found by its bytes through its blob (issue 18, item 3: a
-- batch ingest's store; docs/decisions.md, "A source found through its
-- blob").
--
-- blobs and sources each kept the same sha256 under a unique index: every
-- source's bytes are one blob. A hash is a random key, so each new
-- statement's entry landed on a leaf of its own in both indexes (at
-- 100,000 statements 1.45 frames of a batch's log a statement each, with a
-- read of the leaf when the writer's cache had let it go). The blob now
-- names the source of its bytes (source_id), and a source is found by
-- blobs' key, then its own: sources keeps its sha256, for reading, without
-- an index, and without the foreign key to blobs that asked for one (each
-- deleted blob looked sources up by sha256).
--
-- A source's bytes stay unique: the writer sets a blob's source_id only
-- when the blob has none, or names a source that is gone, and refuses the
-- source otherwise (sqlstore/source_blobs.go). A blob whose source is
-- gone (its document deleted, the blob kept for archived evidence or a
-- version's text) may name it until another source takes it: the
-- look-ups join the source by id and sha256 both, and sources' ids are
-- never given again (AUTOINCREMENT).
--
-- The triggers keep what the foreign key and the unique index kept: a
-- source is refused unless its blob names it (so no two live sources hold
-- the same bytes, and none holds bytes that are not stored), and a blob
-- that names a live source is neither deleted nor renamed nor made to
-- name another. Each is a look-up by key on a page the statement has just
-- read; they raise SQLite's own message for a foreign key.
ALTER TABLE blobs ADD COLUMN source_id INTEGER;
UPDATE blobs SET source_id = s.id FROM sources s WHERE s.sha256 = blobs.sha256;
CREATE TABLE sources_new (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
	sha256 TEXT NOT NULL, -- its blob's, which names it (blobs.source_id)
	size INTEGER NOT NULL,
	name TEXT NOT NULL DEFAULT '',
	url TEXT NOT NULL DEFAULT '',
	format TEXT NOT NULL,
	encoding TEXT NOT NULL DEFAULT '',
	media_type TEXT NOT NULL DEFAULT '',
	retrieved_at TIMESTAMP,
	created_at TIMESTAMP NOT NULL,
	text TEXT,
	coverage REAL
);
INSERT INTO sources_new (id, version_id, sha256, size, name, url, format, encoding, media_type, retrieved_at, created_at, text, coverage)
	SELECT id, version_id, sha256, size, name, url, format, encoding, media_type, retrieved_at, created_at, text, coverage FROM sources;
DROP TABLE sources;
ALTER TABLE sources_new RENAME TO sources;
CREATE INDEX sources_version ON sources (version_id);
CREATE TRIGGER sources_blob_insert AFTER INSERT ON sources
WHEN NOT EXISTS (SELECT 1 FROM blobs b WHERE b.sha256 = NEW.sha256 AND b.source_id = NEW.id)
BEGIN
	SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: a source''s blob must name it');
END;
CREATE TRIGGER sources_blob_update AFTER UPDATE OF id, sha256 ON sources
WHEN NOT EXISTS (SELECT 1 FROM blobs b WHERE b.sha256 = NEW.sha256 AND b.source_id = NEW.id)
BEGIN
	SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: a source''s blob must name it');
END;
CREATE TRIGGER blobs_source_delete BEFORE DELETE ON blobs
WHEN EXISTS (SELECT 1 FROM sources s WHERE s.id = OLD.source_id AND s.sha256 = OLD.sha256)
BEGIN
	SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: a blob a source names');
END;
CREATE TRIGGER blobs_source_update AFTER UPDATE OF sha256, source_id ON blobs
WHEN (NEW.sha256 <> OLD.sha256 OR NEW.source_id IS NOT OLD.source_id)
	AND EXISTS (SELECT 1 FROM sources s WHERE s.id = OLD.source_id AND s.sha256 = OLD.sha256)
BEGIN
	SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: a blob a source names');
END;
