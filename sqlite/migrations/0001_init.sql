-- Entente's schema for SQLite. PostgreSQL has the same tables in
-- postgres/migrations; keep the two in step, file for file.
--
-- Everything that hangs on a document is deleted with it through
-- ON DELETE CASCADE; the events log and the users stay. Documents,
-- versions and sources are AUTOINCREMENT: an id is never given again after
-- a delete, so the event log and old links never point at another
-- document (PostgreSQL's identity columns never reuse one either).

-- Documents, versions (one per language), sources and their bytes.

CREATE TABLE documents (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	title TEXT NOT NULL,
	kind TEXT NOT NULL,
	language TEXT NOT NULL,
	signed_date TEXT, -- ISO 8601, compared as text
	signed_place TEXT,
	news_dateline TEXT NOT NULL DEFAULT '',
	authentic_languages TEXT NOT NULL DEFAULT '[]', -- JSON array, display only
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX documents_signed_date ON documents (signed_date);
CREATE INDEX documents_kind ON documents (kind);

CREATE TABLE document_parties (
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	party TEXT NOT NULL,
	PRIMARY KEY (document_id, position)
);
CREATE INDEX document_parties_party ON document_parties (party, document_id);

CREATE TABLE signatories (
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	name TEXT NOT NULL,
	title TEXT NOT NULL,
	party TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (document_id, position)
);

CREATE TABLE versions (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	language TEXT NOT NULL,
	authentic BOOLEAN NOT NULL DEFAULT FALSE,
	text_sha256 TEXT NOT NULL UNIQUE, -- of the normalised text
	extractor TEXT NOT NULL,
	-- Counts for lists and for search statistics (BM25 needs the number
	-- of sentences and their total length without scanning them).
	sentence_count INTEGER NOT NULL DEFAULT 0,
	commitment_count INTEGER NOT NULL DEFAULT 0,
	token_count INTEGER NOT NULL DEFAULT 0,
	created_at TIMESTAMP NOT NULL,
	text TEXT NOT NULL, -- last: a reader of the other columns need not step over it
	UNIQUE (document_id, language)
);
CREATE INDEX versions_language ON versions (language, document_id);
-- Covers search's statistics query, which then reads no text.
CREATE INDEX versions_stats ON versions (sentence_count, token_count);

-- Original bytes, content-addressed: the same bytes are stored once
-- whatever refers to them (sources, archived evidence pages). A blob is
-- removed when the last row that refers to it goes.
CREATE TABLE blobs (
	sha256 TEXT PRIMARY KEY,
	size INTEGER NOT NULL,
	data BLOB NOT NULL,
	created_at TIMESTAMP NOT NULL
);

CREATE TABLE sources (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
	sha256 TEXT NOT NULL UNIQUE REFERENCES blobs (sha256),
	size INTEGER NOT NULL,
	name TEXT NOT NULL DEFAULT '',
	url TEXT NOT NULL DEFAULT '',
	format TEXT NOT NULL,
	encoding TEXT NOT NULL DEFAULT '',
	media_type TEXT NOT NULL DEFAULT '',
	retrieved_at TIMESTAMP,
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX sources_version ON sources (version_id);

-- The extraction of a version: sections, sentences and their labels.

CREATE TABLE sections (
	version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	section TEXT NOT NULL, -- "preamble", "closing" or the article number
	heading TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (version_id, position)
);

-- A sentence's anchor (version, section, text_sha256, occurrence) survives
-- re-extraction as long as its text does; corrections and commitment
-- statuses are keyed to it, not to the row id.
CREATE TABLE sentences (
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
	UNIQUE (version_id, section, text_sha256, occurrence)
);
-- Newest version first, each in document order: the order of a search
-- without text, which this index gives without sorting.
CREATE UNIQUE INDEX sentences_order ON sentences (version_id DESC, position);
CREATE INDEX sentences_type ON sentences (type, strength);
CREATE INDEX sentences_document ON sentences (document_id);

-- The cues behind each label, as JSON. Apart from sentences, which search
-- reads thousands of at a time: evidence is ten times the size of the text.
CREATE TABLE sentence_evidence (
	sentence_id INTEGER PRIMARY KEY REFERENCES sentences (id) ON DELETE CASCADE,
	evidence TEXT NOT NULL
);

CREATE TABLE sentence_actors (
	sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	party TEXT NOT NULL,
	PRIMARY KEY (sentence_id, position)
);
CREATE INDEX sentence_actors_party ON sentence_actors (party, sentence_id);

CREATE TABLE sentence_areas (
	sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	area TEXT NOT NULL,
	PRIMARY KEY (sentence_id, position)
);
CREATE INDEX sentence_areas_area ON sentence_areas (area, sentence_id);

-- The full-text index: one row per sentence (rowid = sentences.id) holding
-- the tokens of package search joined by spaces. The analyzer has already
-- folded and split everything, so the tokenizer must only split at spaces:
-- 'ascii' keeps every non-ASCII character as it is, where unicode61 would
-- re-split or re-fold some (its Unicode 6.1 tables) and part from
-- PostgreSQL. Contentless: the text lives in sentences.
CREATE VIRTUAL TABLE sentence_fts USING fts5 (
	tokens,
	content = '',
	contentless_delete = 1,
	tokenize = 'ascii'
);
-- A virtual table has no foreign keys; this trigger is its cascade (it
-- fires for rows that ON DELETE CASCADE removes too).
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
	DELETE FROM sentence_fts WHERE rowid = old.id;
END;

-- The registry: instruments, mechanisms and projects, each with aliases
-- (short forms, other languages). An editor merges two entries by pointing
-- one at the other.
CREATE TABLE registry (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('instrument', 'mechanism', 'project')),
	name TEXT NOT NULL,
	instrument_kind TEXT NOT NULL DEFAULT '', -- agreement, mou… for instruments
	year INTEGER,
	merged_into INTEGER REFERENCES registry (id),
	created_at TIMESTAMP NOT NULL,
	UNIQUE (kind, name)
);

CREATE TABLE registry_aliases (
	registry_id INTEGER NOT NULL REFERENCES registry (id) ON DELETE CASCADE,
	alias TEXT NOT NULL,
	language TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (registry_id, alias)
);
CREATE INDEX registry_aliases_alias ON registry_aliases (alias);

-- What a version cites and names, as the extraction lists them, with the
-- sentences that mention each. A mention records its place in both lists:
-- in the citation's (or entity's) list of sentences and in the sentence's
-- list of references (or mechanisms, projects); NULL where it stands in
-- one list only.
CREATE TABLE citations (
	id INTEGER PRIMARY KEY,
	version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
	position INTEGER, -- in the extraction's list; NULL if only a sentence names it
	title TEXT NOT NULL,
	bracketed BOOLEAN NOT NULL DEFAULT FALSE,
	kind TEXT NOT NULL,
	year INTEGER,
	registry_id INTEGER REFERENCES registry (id) ON DELETE SET NULL,
	UNIQUE (version_id, title)
);
CREATE INDEX citations_registry ON citations (registry_id);

CREATE TABLE citation_sentences (
	citation_id INTEGER NOT NULL REFERENCES citations (id) ON DELETE CASCADE,
	sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
	citation_pos INTEGER,
	sentence_pos INTEGER
);
CREATE INDEX citation_sentences_citation ON citation_sentences (citation_id);
CREATE INDEX citation_sentences_sentence ON citation_sentences (sentence_id);

CREATE TABLE entities (
	id INTEGER PRIMARY KEY,
	version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
	kind TEXT NOT NULL CHECK (kind IN ('mechanism', 'project')),
	position INTEGER, -- in the extraction's list; NULL if only a sentence names it
	name TEXT NOT NULL,
	registry_id INTEGER REFERENCES registry (id) ON DELETE SET NULL,
	UNIQUE (version_id, kind, name)
);
CREATE INDEX entities_registry ON entities (registry_id);

CREATE TABLE entity_sentences (
	entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
	sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
	entity_pos INTEGER,
	sentence_pos INTEGER
);
CREATE INDEX entity_sentences_entity ON entity_sentences (entity_id);
CREATE INDEX entity_sentences_sentence ON entity_sentences (sentence_id);

-- Relationships: the designation of the tie between two parties that a
-- document states (全面战略伙伴关系…), for the timeline.
CREATE TABLE relationships (
	id INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	sentence_id INTEGER REFERENCES sentences (id) ON DELETE SET NULL,
	party_a TEXT NOT NULL, -- the pair in code order: party_a < party_b
	party_b TEXT NOT NULL,
	designation TEXT NOT NULL,
	action TEXT NOT NULL DEFAULT '', -- established, upgraded, reaffirmed
	signed_date TEXT,
	created_at TIMESTAMP NOT NULL,
	CHECK (party_a < party_b)
);
CREATE INDEX relationships_pair ON relationships (party_a, party_b, signed_date);
CREATE INDEX relationships_document ON relationships (document_id);
CREATE INDEX relationships_sentence ON relationships (sentence_id);

-- Users and their credentials. Users are disabled, never deleted, so that
-- the events they caused keep a name.
CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'editor', 'admin')),
	password_hash TEXT NOT NULL, -- PHC string ($argon2id$…)
	disabled BOOLEAN NOT NULL DEFAULT FALSE,
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL
);

CREATE TABLE sessions (
	token_hash TEXT PRIMARY KEY, -- sha256 of the cookie's token
	user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
	data BLOB NOT NULL,
	expiry TIMESTAMP NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expiry);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	token_hash TEXT NOT NULL UNIQUE, -- sha256 of the token; the token is shown once
	created_at TIMESTAMP NOT NULL,
	last_used_at TIMESTAMP,
	expires_at TIMESTAMP,
	revoked_at TIMESTAMP
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Commitments are keyed to their sentence's anchor so that a status
-- survives re-extraction. status is the current value; status_changes the
-- append-only history.
CREATE TABLE commitments (
	id INTEGER PRIMARY KEY,
	version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
	section TEXT NOT NULL,
	text_sha256 TEXT NOT NULL,
	occurrence INTEGER NOT NULL,
	status TEXT NOT NULL DEFAULT 'not_rated' CHECK (status IN ('not_rated', 'not_started',
		'in_progress', 'partially_fulfilled', 'fulfilled', 'stalled', 'reversed', 'superseded')),
	superseded_by INTEGER REFERENCES commitments (id) ON DELETE SET NULL,
	updated_at TIMESTAMP NOT NULL,
	UNIQUE (version_id, section, text_sha256, occurrence),
	CHECK (superseded_by IS NULL OR status = 'superseded')
);
CREATE INDEX commitments_status ON commitments (status);

-- Evidence is never deleted, only retracted with a reason.
CREATE TABLE evidence (
	id INTEGER PRIMARY KEY,
	commitment_id INTEGER NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
	url TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL DEFAULT '',
	publisher TEXT NOT NULL DEFAULT '',
	published TEXT, -- ISO 8601 date
	quote TEXT NOT NULL DEFAULT '',
	archive_sha256 TEXT REFERENCES blobs (sha256), -- a saved copy of the page
	added_by INTEGER REFERENCES users (id),
	added_at TIMESTAMP NOT NULL,
	retracted_at TIMESTAMP,
	retracted_by INTEGER REFERENCES users (id),
	retracted_reason TEXT,
	CHECK ((retracted_at IS NULL) = (retracted_reason IS NULL))
);
CREATE INDEX evidence_commitment ON evidence (commitment_id);
CREATE INDEX evidence_archive ON evidence (archive_sha256);

CREATE TABLE status_changes (
	id INTEGER PRIMARY KEY,
	commitment_id INTEGER NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
	status TEXT NOT NULL,
	previous TEXT NOT NULL,
	evidence_id INTEGER REFERENCES evidence (id),
	user_id INTEGER REFERENCES users (id),
	at TIMESTAMP NOT NULL,
	why TEXT NOT NULL DEFAULT '',
	-- every change names its evidence, except a move back to not_rated
	CHECK (evidence_id IS NOT NULL OR status = 'not_rated')
);
CREATE INDEX status_changes_commitment ON status_changes (commitment_id, at);
CREATE INDEX status_changes_evidence ON status_changes (evidence_id);

-- Corrections are keyed to the sentence anchor; re-extraction reports a
-- correction whose extracted value changed as a conflict and drops nothing.
CREATE TABLE corrections (
	id INTEGER PRIMARY KEY,
	version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
	section TEXT NOT NULL,
	text_sha256 TEXT NOT NULL,
	occurrence INTEGER NOT NULL,
	field TEXT NOT NULL CHECK (field IN ('type', 'actors', 'strength', 'areas', 'deadline',
		'references', 'mechanisms', 'projects', 'segmentation')),
	extracted TEXT NOT NULL, -- JSON: the value the extractor gave
	value TEXT NOT NULL, -- JSON: the value the analyst set
	state TEXT NOT NULL DEFAULT 'proposed' CHECK (state IN ('proposed', 'approved', 'rejected', 'conflict')),
	user_id INTEGER REFERENCES users (id),
	created_at TIMESTAMP NOT NULL,
	reviewed_by INTEGER REFERENCES users (id),
	reviewed_at TIMESTAMP,
	why TEXT NOT NULL DEFAULT ''
);
CREATE INDEX corrections_anchor ON corrections (version_id, section, text_sha256, occurrence);

-- The event log: every change, append-only. No foreign keys, so that the
-- record of a deleted document stays; seq is never reused (AUTOINCREMENT).
CREATE TABLE events (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	at TIMESTAMP NOT NULL,
	actor_id INTEGER, -- users.id, or NULL for the system
	actor TEXT NOT NULL, -- the user's name at the time
	action TEXT NOT NULL, -- create, update, delete, merge, retract…
	entity TEXT NOT NULL, -- document, commitment, correction, user…
	entity_id TEXT NOT NULL,
	before TEXT, -- JSON
	after TEXT, -- JSON
	why TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_entity ON events (entity, entity_id);

CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN
	SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN
	SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TRIGGER status_changes_no_update BEFORE UPDATE ON status_changes BEGIN
	SELECT RAISE(ABORT, 'status changes are append-only');
END;
