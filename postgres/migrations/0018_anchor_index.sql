-- Leaner sentences (issue 18, item 3).

-- The anchor's unique index goes: a fifth of the sentences' bytes (64 hex
-- characters of sha256 again in every entry), and no query needs it:
-- every look-up by anchor names the version, and a version's sentences
-- are a range of sentences_order; the anchors of a version are made
-- unique where they are made (prepareSentences numbers equal texts of a
-- section), and every write replaces a version's sentences whole.
ALTER TABLE sentences DROP CONSTRAINT sentences_version_id_section_text_sha256_occurrence_key;

-- The full-text index's pending list (GIN's fastupdate) is limited to
-- 256 kB instead of the server's 4 MB: the index keeps the pages the list
-- ever took, so a collection of a few hundred statements carried 4 MB of
-- them (a 1 MB index in 5 MB). Inserts still go through the list, which
-- is merged into the index each time it fills.
ALTER INDEX sentence_search_tokens SET (gin_pending_list_limit = 256);
