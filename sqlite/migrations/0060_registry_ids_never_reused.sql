-- entente: foreign keys off
-- A registry entry's id is never given again (docs/decisions.md, "The
-- registry's rebuild at 100,000 statements"). A page links an entry by its
-- id (/registry/{id}), and a rebuild keeps the ids of the entries it keeps;
-- an entry it drops is gone, and its old links must say so. SQLite gives a
-- table without AUTOINCREMENT the largest id plus one, so an entry made
-- after the entry of the largest id was dropped took that id, and the old
-- link showed another instrument. PostgreSQL's identity never reuses one.
--
-- SQLite cannot add AUTOINCREMENT to a table: the table is made again,
-- with every row, id and column as it was (the ids given before and since
-- dropped are not known; numbering goes on from the largest kept). The
-- tables that refer to it refer to it by name, and find the new one.
CREATE TABLE registry_new (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	kind TEXT NOT NULL CHECK (kind IN ('instrument', 'mechanism', 'project')),
	name TEXT NOT NULL,
	instrument_kind TEXT NOT NULL DEFAULT '', -- agreement, mou… for instruments
	year INTEGER,
	merged_into INTEGER REFERENCES registry (id),
	created_at TIMESTAMP NOT NULL,
	parties TEXT NOT NULL DEFAULT '',
	document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,
	reason TEXT NOT NULL DEFAULT '',
	confidence REAL NOT NULL DEFAULT 1,
	mention_count INTEGER NOT NULL DEFAULT 0,
	document_count INTEGER NOT NULL DEFAULT 0,
	UNIQUE (kind, name)
);
INSERT INTO registry_new (id, kind, name, instrument_kind, year, merged_into, created_at, parties, document_id, reason,
		confidence, mention_count, document_count)
	SELECT id, kind, name, instrument_kind, year, merged_into, created_at, parties, document_id, reason,
		confidence, mention_count, document_count FROM registry;
DROP TABLE registry;
ALTER TABLE registry_new RENAME TO registry;
CREATE INDEX registry_document ON registry (document_id);
CREATE INDEX registry_rank ON registry (document_count, mention_count, id);
CREATE INDEX registry_merged_into ON registry (merged_into);
