-- What a pair of parties' page reads of its documents (issue 14): the
-- documents, the relationship timeline, the most recycled promises and the
-- suggested follow-ups, computed by package compare from every statement
-- of the pair and kept here with the signature of the pair's documents
-- they were computed from (their number, ids and newest change in the
-- event log), so that a read of an unchanged pair computes nothing. A
-- change of one of the pair's documents makes its row stale; the server
-- computes stale rows again in the background after writes.
CREATE TABLE pair_views (
	pair TEXT PRIMARY KEY, -- two party codes, sorted, comma-separated
	signature TEXT NOT NULL,
	body TEXT NOT NULL, -- JSON
	built_at TIMESTAMP NOT NULL
);

-- The sentences of the names analysts added (a correction of a sentence's
-- references, mechanisms or projects that lists a name the extractor did
-- not find there), by the registry entry each joined: such a name has no
-- citation or entity row to carry the entry's id. Each rebuild of the
-- registry writes them again.
CREATE TABLE registry_added_names (
	registry_id INTEGER NOT NULL REFERENCES registry (id) ON DELETE CASCADE,
	version_id INTEGER NOT NULL REFERENCES versions (id) ON DELETE CASCADE,
	label TEXT NOT NULL, -- the sentence, sN
	name TEXT NOT NULL,
	PRIMARY KEY (registry_id, version_id, label, name)
);
CREATE INDEX registry_added_names_version ON registry_added_names (version_id);
