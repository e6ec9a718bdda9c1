-- The filter keys of migration 0010, leaner: they were most of a batch
-- ingest's CPU (one row per commitment per filter value and per pair of
-- values, 17 rows per commitment, each in four b-trees). Now a commitment
-- has a row for '*' and for each single value it meets (a party it binds,
-- an area, its strength, a status some party has but not rated, which
-- nearly every commitment has): no row per pair, nor per party's own
-- status. A filter of two values walks the rarer value's range ('*' for
-- not rated) and checks the other on the entry itself (vals, the ids of
-- all the commitment's keys, those without rows too, carried by each
-- index), in the page's order, without a lookup per entry. The sizes of
-- the pairs, of not rated and of the own statuses are still kept in
-- tracked_key_totals, as every key's. A key is a small integer of tracked_key_ids (never
-- deleted, so that ids stay valid), and a document's rows are found from
-- its '*' rows (the partial index), whose vals name all its keys, instead
-- of an index of every row by document.

DROP TABLE tracked_keys;

CREATE TABLE tracked_key_ids (
	id INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE, -- as in tracked_key_totals: 'p=CN', 'a=trade', 'p=CN&st=stalled' (a party's own status)
	dim TEXT NOT NULL -- 'p', 'a', 's', 'st'; 'ps' for a party's own status, '' for '*'
);
INSERT INTO tracked_key_ids (id, key, dim) VALUES (0, '*', '');

CREATE TABLE tracked_keys (
	key INTEGER NOT NULL, -- tracked_key_ids
	signed_date TEXT NOT NULL, -- corrected; '' when unknown
	document_id INTEGER NOT NULL,
	version_id INTEGER NOT NULL,
	position INTEGER NOT NULL,
	sentence_id INTEGER NOT NULL,
	due TEXT NOT NULL, -- the due date, '9999-99-99' when open or none
	status_rank INTEGER NOT NULL,
	open BOOLEAN NOT NULL, -- some party's status is neither fulfilled nor superseded
	vals TEXT NOT NULL, -- the ids of the commitment's keys but '*' (those without rows too), ascending: ',3,17,42,'
	PRIMARY KEY (key, signed_date DESC, document_id DESC, version_id DESC, position)
) WITHOUT ROWID;
-- the due order of the commitments with a due date, the status order of
-- those with a status past not rated: the others (most) are read in
-- signing order after them, or before
CREATE INDEX tracked_keys_due ON tracked_keys
	(key, due, signed_date DESC, document_id DESC, version_id DESC, position, open, sentence_id, vals) WHERE due < '9999-99-99';
CREATE INDEX tracked_keys_status ON tracked_keys
	(key, status_rank, signed_date DESC, document_id DESC, version_id DESC, position, sentence_id, vals) WHERE status_rank > 0;
-- a document's '*' rows: one per commitment
CREATE INDEX tracked_keys_document ON tracked_keys (document_id) WHERE key = 0;

-- the tracked rows are computed in full, with these, at the next startup
DELETE FROM tracked_key_totals;
DELETE FROM tracked_meta WHERE key = 'due_rules';
