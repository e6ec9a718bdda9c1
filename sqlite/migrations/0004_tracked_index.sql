-- The commitments as the tracking workspace filters, sorts and counts them:
-- one row per commitment (a first-version sentence whose type, corrected,
-- is commitment) with its corrected strength, signing date and due date,
-- one row per (commitment, party) with the party's current status, and
-- the corrected areas. The rows of a document are recomputed by the store
-- (corrections and due dates are applied in Go) whenever the document is
-- marked in tracked_dirty; the triggers below mark it in the transaction
-- of every change that can alter them, whichever code path makes it
-- (ingest, reextract, corrections and their review, statuses, replay,
-- undo, purge), so a read never sees rows older than what it can see.

CREATE TABLE tracked_dirty (
	document_id INTEGER PRIMARY KEY
);

-- key 'due_rules': the fingerprint of the due-date rules the rows were
-- computed with; other rules mark every document again.
CREATE TABLE tracked_meta (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE tracked_commitments (
	sentence_id INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL,
	version_id INTEGER NOT NULL,
	position INTEGER NOT NULL,
	commitment_id INTEGER, -- the tracking row, once something is recorded
	signed_date TEXT NOT NULL DEFAULT '', -- corrected; '' when unknown
	strength TEXT NOT NULL DEFAULT '',
	due_date TEXT, -- NULL when open or none
	status_rank INTEGER NOT NULL DEFAULT 0, -- of the first party's status
	withdrawn BOOLEAN NOT NULL DEFAULT FALSE -- the document's
);
CREATE INDEX tracked_commitments_document ON tracked_commitments (document_id);
CREATE INDEX tracked_commitments_signed ON tracked_commitments (signed_date DESC, document_id DESC, version_id DESC, position);
CREATE INDEX tracked_commitments_due ON tracked_commitments (due_date);

CREATE TABLE tracked_parties (
	sentence_id INTEGER NOT NULL,
	party TEXT NOT NULL,
	status TEXT NOT NULL,
	bound BOOLEAN NOT NULL, -- one of the parties the commitment binds (not a leftover status)
	PRIMARY KEY (sentence_id, party)
) WITHOUT ROWID;
CREATE INDEX tracked_parties_party ON tracked_parties (party, bound, sentence_id);
CREATE INDEX tracked_parties_status ON tracked_parties (status, sentence_id);

CREATE TABLE tracked_areas (
	sentence_id INTEGER NOT NULL,
	area TEXT NOT NULL
);
CREATE INDEX tracked_areas_sentence ON tracked_areas (sentence_id);
CREATE INDEX tracked_areas_area ON tracked_areas (area, sentence_id);

-- Backfill: every existing document is computed at the first read.
-- (The triggers avoid INSERT OR IGNORE: a statement that fires them with
-- an upsert of its own would override the trigger's conflict policy.)
INSERT INTO tracked_dirty (document_id) SELECT id FROM documents;

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
CREATE TRIGGER tracked_documents_update AFTER UPDATE OF signed_date, withdrawn_at ON documents BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT NEW.id AS x)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
CREATE TRIGGER tracked_documents_delete AFTER DELETE ON documents BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT OLD.id AS x)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
CREATE TRIGGER tracked_document_parties_insert AFTER INSERT ON document_parties BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT NEW.document_id AS x)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
CREATE TRIGGER tracked_document_parties_delete AFTER DELETE ON document_parties BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT OLD.document_id AS x)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
CREATE TRIGGER tracked_document_parties_update AFTER UPDATE ON document_parties BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT OLD.document_id AS x UNION SELECT NEW.document_id AS x)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
CREATE TRIGGER tracked_document_corrections_insert AFTER INSERT ON document_corrections BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT NEW.document_id AS x)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
CREATE TRIGGER tracked_document_corrections_delete AFTER DELETE ON document_corrections BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT OLD.document_id AS x)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
CREATE TRIGGER tracked_document_corrections_update AFTER UPDATE ON document_corrections BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT OLD.document_id AS x UNION SELECT NEW.document_id AS x)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
CREATE TRIGGER tracked_corrections_insert AFTER INSERT ON corrections BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT document_id AS x FROM versions WHERE id = NEW.version_id)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
CREATE TRIGGER tracked_corrections_delete AFTER DELETE ON corrections BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT document_id AS x FROM versions WHERE id = OLD.version_id)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
CREATE TRIGGER tracked_corrections_update AFTER UPDATE ON corrections BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT document_id AS x FROM versions WHERE id IN (OLD.version_id, NEW.version_id))
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
CREATE TRIGGER tracked_commitments_insert AFTER INSERT ON commitments BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT document_id AS x FROM versions WHERE id = NEW.version_id)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
CREATE TRIGGER tracked_commitments_delete AFTER DELETE ON commitments BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT document_id AS x FROM versions WHERE id = OLD.version_id)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
CREATE TRIGGER tracked_statuses_insert AFTER INSERT ON commitment_statuses BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT v.document_id AS x FROM commitments c JOIN versions v ON v.id = c.version_id WHERE c.id = NEW.commitment_id)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
CREATE TRIGGER tracked_statuses_delete AFTER DELETE ON commitment_statuses BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT v.document_id AS x FROM commitments c JOIN versions v ON v.id = c.version_id WHERE c.id = OLD.commitment_id)
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
CREATE TRIGGER tracked_statuses_update AFTER UPDATE ON commitment_statuses BEGIN
	INSERT INTO tracked_dirty (document_id)
	SELECT DISTINCT x FROM (SELECT v.document_id AS x FROM commitments c JOIN versions v ON v.id = c.version_id WHERE c.id IN (OLD.commitment_id, NEW.commitment_id))
	WHERE x IS NOT NULL AND x NOT IN (SELECT document_id FROM tracked_dirty);
END;
