-- The registry, built from the stored extractions (package connect): each
-- entry's parties, the stored document an instrument is, why its names
-- were joined and how sure that is, and its counts for lists; each alias's
-- reason, confidence, place and folded form (entente.NameKey) for search.
-- Editors' merges, splits and renames are decisions, replayed after every
-- rebuild; the state says which stored extractions the registry was built
-- from.
ALTER TABLE registry ADD COLUMN parties TEXT NOT NULL DEFAULT ''; -- codes, comma-separated
ALTER TABLE registry ADD COLUMN document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL;
ALTER TABLE registry ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE registry ADD COLUMN confidence REAL NOT NULL DEFAULT 1;
ALTER TABLE registry ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE registry ADD COLUMN document_count INTEGER NOT NULL DEFAULT 0;
CREATE INDEX registry_document ON registry (document_id);
CREATE INDEX registry_rank ON registry (document_count, mention_count, id);

ALTER TABLE registry_aliases ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE registry_aliases ADD COLUMN confidence REAL NOT NULL DEFAULT 1;
ALTER TABLE registry_aliases ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE registry_aliases ADD COLUMN folded TEXT NOT NULL DEFAULT '';

CREATE TABLE registry_decisions (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	action TEXT NOT NULL CHECK (action IN ('merge', 'split', 'rename')),
	kind TEXT NOT NULL CHECK (kind IN ('instrument', 'mechanism', 'project')),
	names TEXT NOT NULL, -- JSON array of aliases
	into_names TEXT NOT NULL DEFAULT '[]', -- JSON array, for a merge
	name TEXT NOT NULL DEFAULT '', -- for a rename
	why TEXT NOT NULL DEFAULT '',
	actor TEXT NOT NULL,
	actor_id INTEGER REFERENCES users (id),
	created_at TIMESTAMP NOT NULL
);

CREATE TABLE registry_state (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	signature TEXT NOT NULL,
	built_at TIMESTAMP NOT NULL
);
