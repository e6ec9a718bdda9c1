-- Search's view of corrections (issue 10): the labels of every sentence
-- that an active correction changes (type, strength, actors, areas), as
-- corrected, and the date and parties of every document whose date or
-- parties are corrected. Search filters and facets read these in place of
-- the extractor's labels for those sentences and documents alone. Derived,
-- like the tracked tables of migration 0004: every write recomputes the
-- rows of the documents its triggers marked in tracked_dirty, in its own
-- transaction.

CREATE TABLE corrected_sentences (
	sentence_id BIGINT PRIMARY KEY,
	document_id BIGINT NOT NULL,
	type TEXT NOT NULL,
	strength TEXT NOT NULL DEFAULT ''
);
CREATE INDEX corrected_sentences_document ON corrected_sentences (document_id);
CREATE INDEX corrected_sentences_type ON corrected_sentences (type, strength);

CREATE TABLE corrected_actors (
	sentence_id BIGINT NOT NULL,
	party TEXT NOT NULL,
	PRIMARY KEY (sentence_id, party)
);
CREATE INDEX corrected_actors_party ON corrected_actors (party, sentence_id);

CREATE TABLE corrected_areas (
	sentence_id BIGINT NOT NULL,
	area TEXT NOT NULL,
	PRIMARY KEY (sentence_id, area)
);
CREATE INDEX corrected_areas_area ON corrected_areas (area, sentence_id);

CREATE TABLE corrected_documents (
	document_id BIGINT PRIMARY KEY,
	signed_date TEXT COLLATE "C", -- as corrected
	date_corrected BOOLEAN NOT NULL,
	parties_corrected BOOLEAN NOT NULL
);

CREATE TABLE corrected_document_parties (
	document_id BIGINT NOT NULL,
	party TEXT NOT NULL,
	PRIMARY KEY (document_id, party)
);
CREATE INDEX corrected_document_parties_party ON corrected_document_parties (party, document_id);

-- Backfill: the documents with corrections are computed at the next
-- startup (UseDueRules settles the marks).
INSERT INTO tracked_dirty (document_id)
SELECT v.document_id FROM corrections k JOIN versions v ON v.id = k.version_id
UNION
SELECT k.document_id FROM document_corrections k
ON CONFLICT DO NOTHING;

-- Tracking reads at 100,000 commitments (issue 10's speed goals):
-- open says that some party's status is neither fulfilled nor superseded,
-- so that overdue is two columns of the row (no subquery per commitment);
-- tracked_totals keeps the number of (commitment, party) pairs per party,
-- binding or not, withdrawn or not, and status, and of commitments (party
-- and status ''), updated by the same writes as the rows, so that the
-- scorecard of the collection or of one party, and the size of a party's
-- table, read a few rows instead of counting every pair.
ALTER TABLE tracked_commitments ADD COLUMN open BOOLEAN NOT NULL DEFAULT TRUE;
CREATE INDEX tracked_commitments_commitment ON tracked_commitments (commitment_id);
CREATE INDEX tracked_commitments_overdue ON tracked_commitments (open, withdrawn, due_date);
CREATE INDEX tracked_commitments_due_order ON tracked_commitments
	((coalesce(due_date, '9999-99-99')), signed_date DESC, document_id DESC, version_id DESC, position);
CREATE TABLE tracked_totals (
	party TEXT NOT NULL,
	bound BOOLEAN NOT NULL,
	withdrawn BOOLEAN NOT NULL,
	status TEXT NOT NULL,
	n BIGINT NOT NULL,
	PRIMARY KEY (party, bound, withdrawn, status)
);
-- the rows above are recomputed in full at the next startup
DELETE FROM tracked_meta WHERE key = 'due_rules';
