-- Versions of one statement kept as separate documents: two documents an
-- analyst (or the matcher at ingest) says are the same statement in two
-- languages or scripts. A row is a decision about a pair, stored once with
-- the smaller id first: linked, or not (an analyst undid a link, so the
-- matcher must not make it again). Keyed by document ids, which
-- re-extraction keeps.
CREATE TABLE version_links (
	document_a INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	document_b INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	linked BOOLEAN NOT NULL,
	origin TEXT NOT NULL CHECK (origin IN ('auto', 'manual')),
	reason TEXT NOT NULL DEFAULT '',
	actor TEXT NOT NULL DEFAULT '',
	updated_at TIMESTAMP NOT NULL,
	PRIMARY KEY (document_a, document_b),
	CHECK (document_a < document_b)
);
CREATE INDEX version_links_b ON version_links (document_b, document_a);
