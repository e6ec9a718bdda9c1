-- The commitments table at 100,000 commitments (issue 10: a filtered,
-- sorted page of 50 under 100 ms). Each commitment of a document that is
-- not withdrawn has one row here per filter key it meets: '*' (every
-- commitment), a party it binds ('p=CN'), an area ('a=trade'), its
-- strength ('s=firm'), a status some party has ('st=stalled'), and every
-- pair of these ('p=CN&a=trade', 'a=trade&st=stalled', and 'p=CN&st=…'
-- for the party's own status). Labels are the corrected ones: the rows are
-- written with the tracked rows of migration 0004, by the write that
-- changes them. A filter of one or two of these dimensions is then one
-- range of one index, in the order of the page (one index per order), and
-- its size one row of tracked_key_totals; date filters (due before or
-- after, overdue) are conditions on the same index entries, and a third
-- dimension is checked against the tracked rows.

CREATE TABLE tracked_keys (
	key TEXT NOT NULL,
	signed_date TEXT NOT NULL, -- corrected; '' when unknown
	document_id INTEGER NOT NULL,
	version_id INTEGER NOT NULL,
	position INTEGER NOT NULL,
	sentence_id INTEGER NOT NULL,
	due TEXT NOT NULL, -- the due date, '9999-99-99' when open or none
	status_rank INTEGER NOT NULL,
	open BOOLEAN NOT NULL, -- some party's status is neither fulfilled nor superseded
	PRIMARY KEY (key, signed_date DESC, document_id DESC, version_id DESC, position)
) WITHOUT ROWID;
CREATE INDEX tracked_keys_due ON tracked_keys
	(key, due, signed_date DESC, document_id DESC, version_id DESC, position, open, sentence_id);
CREATE INDEX tracked_keys_status ON tracked_keys
	(key, status_rank, signed_date DESC, document_id DESC, version_id DESC, position, sentence_id);
CREATE INDEX tracked_keys_document ON tracked_keys (document_id);

CREATE TABLE tracked_key_totals (
	key TEXT PRIMARY KEY,
	n INTEGER NOT NULL
) WITHOUT ROWID;

-- the tracked rows are computed in full, with these, at the next startup
DELETE FROM tracked_meta WHERE key = 'due_rules';
