-- A sentence's actors and areas on its own row (issue 18, item 3).
--
-- sentences.actors and sentences.areas hold each list as one text: its
-- items in order, separated by single spaces, an item with a space or a
-- backslash escaped (\s, \\) and an empty one written \e
-- (sqlstore/labels_packed.go). A row per label in sentence_actors and
-- sentence_areas was 0.4 times the text on SQLite and 2.1 times on
-- PostgreSQL (a tuple header and an index entry for a two-letter code).
-- The labels written before are carried over, in their order, and the two
-- tables go. An analyst's corrections of labels stay in corrected_actors
-- and corrected_areas (migration 0007), which are derived from the
-- corrections and read as before.
ALTER TABLE sentences ADD COLUMN actors TEXT NOT NULL DEFAULT '';
ALTER TABLE sentences ADD COLUMN areas TEXT NOT NULL DEFAULT '';

-- one UPDATE, so that each row is written once
UPDATE sentences SET
	actors = coalesce((SELECT string_agg(CASE WHEN party = '' THEN '\e' ELSE replace(replace(party, '\', '\\'), ' ', '\s') END,
		' ' ORDER BY position) FROM sentence_actors WHERE sentence_id = sentences.id), ''),
	areas = coalesce((SELECT string_agg(CASE WHEN area = '' THEN '\e' ELSE replace(replace(area, '\', '\\'), ' ', '\s') END,
		' ' ORDER BY position) FROM sentence_areas WHERE sentence_id = sentences.id), '')
WHERE id IN (SELECT sentence_id FROM sentence_actors UNION SELECT sentence_id FROM sentence_areas);

-- the cascade of migration 0017 without the two tables
CREATE OR REPLACE FUNCTION sentences_delete_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM sentence_search WHERE sentence_id IN (SELECT id FROM gone);
	RETURN NULL;
END $$;

DROP TABLE sentence_actors;
DROP TABLE sentence_areas;
