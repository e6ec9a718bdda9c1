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
	document_id BIGINT PRIMARY KEY
);

-- key 'due_rules': the fingerprint of the due-date rules the rows were
-- computed with; other rules mark every document again.
CREATE TABLE tracked_meta (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE tracked_commitments (
	sentence_id BIGINT PRIMARY KEY,
	document_id BIGINT NOT NULL,
	version_id BIGINT NOT NULL,
	position INTEGER NOT NULL,
	commitment_id BIGINT, -- the tracking row, once something is recorded
	signed_date TEXT COLLATE "C" NOT NULL DEFAULT '', -- corrected; '' when unknown
	strength TEXT NOT NULL DEFAULT '',
	due_date TEXT COLLATE "C", -- NULL when open or none
	status_rank INTEGER NOT NULL DEFAULT 0, -- of the first party's status
	withdrawn BOOLEAN NOT NULL DEFAULT FALSE -- the document's
);
CREATE INDEX tracked_commitments_document ON tracked_commitments (document_id);
CREATE INDEX tracked_commitments_signed ON tracked_commitments (signed_date DESC, document_id DESC, version_id DESC, position);
CREATE INDEX tracked_commitments_due ON tracked_commitments (due_date);

CREATE TABLE tracked_parties (
	sentence_id BIGINT NOT NULL,
	party TEXT NOT NULL,
	status TEXT NOT NULL,
	bound BOOLEAN NOT NULL, -- one of the parties the commitment binds (not a leftover status)
	PRIMARY KEY (sentence_id, party)
);
CREATE INDEX tracked_parties_party ON tracked_parties (party, bound, sentence_id);
CREATE INDEX tracked_parties_status ON tracked_parties (status, sentence_id);

CREATE TABLE tracked_areas (
	sentence_id BIGINT NOT NULL,
	area TEXT NOT NULL
);
CREATE INDEX tracked_areas_sentence ON tracked_areas (sentence_id);
CREATE INDEX tracked_areas_area ON tracked_areas (area, sentence_id);

-- Backfill: every existing document is computed at the first read.
INSERT INTO tracked_dirty (document_id) SELECT id FROM documents;


-- One function per way a table reaches its document; each marks the
-- document of the old row and of the new one.
CREATE FUNCTION tracked_mark_document_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		INSERT INTO tracked_dirty (document_id) VALUES (OLD.document_id) ON CONFLICT DO NOTHING;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		INSERT INTO tracked_dirty (document_id) VALUES (NEW.document_id) ON CONFLICT DO NOTHING;
	END IF;
	RETURN NULL;
END $$;

CREATE FUNCTION tracked_mark_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO tracked_dirty (document_id) VALUES (OLD.id) ON CONFLICT DO NOTHING;
	RETURN NULL;
END $$;

CREATE FUNCTION tracked_mark_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		INSERT INTO tracked_dirty (document_id) SELECT document_id FROM versions WHERE id = OLD.version_id ON CONFLICT DO NOTHING;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		INSERT INTO tracked_dirty (document_id) SELECT document_id FROM versions WHERE id = NEW.version_id ON CONFLICT DO NOTHING;
	END IF;
	RETURN NULL;
END $$;

CREATE FUNCTION tracked_mark_commitment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'INSERT' THEN
		INSERT INTO tracked_dirty (document_id) SELECT v.document_id FROM commitments c JOIN versions v ON v.id = c.version_id
		WHERE c.id = OLD.commitment_id ON CONFLICT DO NOTHING;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		INSERT INTO tracked_dirty (document_id) SELECT v.document_id FROM commitments c JOIN versions v ON v.id = c.version_id
		WHERE c.id = NEW.commitment_id ON CONFLICT DO NOTHING;
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER tracked_sentences AFTER INSERT OR UPDATE OR DELETE ON sentences
	FOR EACH ROW EXECUTE FUNCTION tracked_mark_document_id();
CREATE TRIGGER tracked_document_parties AFTER INSERT OR UPDATE OR DELETE ON document_parties
	FOR EACH ROW EXECUTE FUNCTION tracked_mark_document_id();
CREATE TRIGGER tracked_document_corrections AFTER INSERT OR UPDATE OR DELETE ON document_corrections
	FOR EACH ROW EXECUTE FUNCTION tracked_mark_document_id();
CREATE TRIGGER tracked_documents AFTER UPDATE OF signed_date, withdrawn_at OR DELETE ON documents
	FOR EACH ROW EXECUTE FUNCTION tracked_mark_document();
CREATE TRIGGER tracked_corrections AFTER INSERT OR UPDATE OR DELETE ON corrections
	FOR EACH ROW EXECUTE FUNCTION tracked_mark_version();
CREATE TRIGGER tracked_commitments AFTER INSERT OR DELETE ON commitments
	FOR EACH ROW EXECUTE FUNCTION tracked_mark_version();
CREATE TRIGGER tracked_statuses AFTER INSERT OR UPDATE OR DELETE ON commitment_statuses
	FOR EACH ROW EXECUTE FUNCTION tracked_mark_commitment();
