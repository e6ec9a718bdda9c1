-- Tracking: who did what, statuses per party, evidence with its details,
-- corrections that survive re-extraction, withdrawn documents. Nothing here
-- rewrites a table; every new column has a default.

-- A withdrawn document is hidden from lists but kept, and can be restored.
ALTER TABLE documents ADD COLUMN withdrawn_at TIMESTAMP;
ALTER TABLE documents ADD COLUMN withdrawn_reason TEXT NOT NULL DEFAULT '';

-- How a change came in (web, api, cli, system) and what it concerns, so
-- that a document's or a sentence's timeline is one indexed read.
ALTER TABLE events ADD COLUMN via TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN document_id INTEGER;
ALTER TABLE events ADD COLUMN anchor TEXT NOT NULL DEFAULT '';
CREATE INDEX events_document ON events (document_id, seq);
CREATE INDEX events_anchor ON events (anchor, seq);

-- A commitment's statuses change against a revision: a change made
-- against an older one is refused (optimistic concurrency).
ALTER TABLE commitments ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

-- The status of a commitment for each of its parties; absent is not_rated.
CREATE TABLE commitment_statuses (
	commitment_id INTEGER NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
	party TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('not_rated', 'not_started', 'in_progress',
		'partially_fulfilled', 'fulfilled', 'stalled', 'reversed', 'superseded')),
	evidence_id INTEGER REFERENCES evidence (id),
	why TEXT NOT NULL DEFAULT '',
	actor TEXT NOT NULL DEFAULT '',
	updated_at TIMESTAMP NOT NULL,
	PRIMARY KEY (commitment_id, party),
	CHECK (evidence_id IS NOT NULL OR status = 'not_rated')
);
CREATE INDEX commitment_statuses_status ON commitment_statuses (status);

ALTER TABLE status_changes ADD COLUMN party TEXT NOT NULL DEFAULT '';
ALTER TABLE status_changes ADD COLUMN actor TEXT NOT NULL DEFAULT '';

-- Evidence: the date accessed, a note, whether it is official, who added
-- and retracted it by name (a command-line user may have no account), a
-- sentence of another statement as evidence, why no copy was kept.
ALTER TABLE evidence ADD COLUMN accessed TEXT;
ALTER TABLE evidence ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN official BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE evidence ADD COLUMN added_by_name TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN retracted_by_name TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN sentence_anchor TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN sentence_document INTEGER;
ALTER TABLE evidence ADD COLUMN archive_problem TEXT NOT NULL DEFAULT '';

-- Corrections: who by name, a flag set by re-extraction, withdrawal (undo).
ALTER TABLE corrections ADD COLUMN actor TEXT NOT NULL DEFAULT '';
ALTER TABLE corrections ADD COLUMN reviewer TEXT NOT NULL DEFAULT '';
ALTER TABLE corrections ADD COLUMN sentence_label TEXT NOT NULL DEFAULT '';
ALTER TABLE corrections ADD COLUMN flag TEXT NOT NULL DEFAULT '';
ALTER TABLE corrections ADD COLUMN withdrawn_at TIMESTAMP;
CREATE INDEX corrections_review ON corrections (state, flag);

-- Corrections of a document's metadata (title, kind, parties, date, place,
-- language), keyed to the document, which re-extraction keeps.
CREATE TABLE document_corrections (
	id INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	field TEXT NOT NULL CHECK (field IN ('title', 'kind', 'parties', 'date', 'place', 'language')),
	extracted TEXT NOT NULL,
	value TEXT NOT NULL,
	state TEXT NOT NULL DEFAULT 'proposed' CHECK (state IN ('proposed', 'approved', 'rejected')),
	actor TEXT NOT NULL DEFAULT '',
	user_id INTEGER REFERENCES users (id),
	created_at TIMESTAMP NOT NULL,
	reviewer TEXT NOT NULL DEFAULT '',
	reviewed_at TIMESTAMP,
	flag TEXT NOT NULL DEFAULT '',
	withdrawn_at TIMESTAMP,
	why TEXT NOT NULL DEFAULT ''
);
CREATE INDEX document_corrections_document ON document_corrections (document_id);
