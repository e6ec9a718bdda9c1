-- The commitments table and the scorecards read an index of the
-- commitments that each tracker keeps in memory (package tracking,
-- index.go), brought to the collection's state from the events since the
-- state it holds; the store keeps no copy of the commitments any more
-- (issue 18, item 3: the tracked tables were more than half of the
-- database and of a batch's time; docs/decisions.md, "The commitments
-- table from an index in memory, not from tracked tables").
--
-- tracked_dirty and the triggers that mark a document's sentences,
-- corrections, parties and date stay: they tell a write which documents'
-- corrected labels (migration 0007, search's view of corrections) to
-- compute again. Statuses and tracking rows change no corrected label.
DROP TRIGGER tracked_statuses ON commitment_statuses;
DROP TRIGGER tracked_commitments ON commitments;
DROP TABLE tracked_keys;
DROP TABLE tracked_key_ids;
DROP TABLE tracked_key_totals;
DROP TABLE tracked_totals;
DROP TABLE tracked_areas;
DROP TABLE tracked_parties;
DROP TABLE tracked_commitments;
DROP TABLE tracked_meta;
DROP FUNCTION tracked_mark_commitment();
