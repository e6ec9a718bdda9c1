-- The full-text index as postings per token (issue 18, item 3;
-- sqlstore/postings.go). A row per sentence (its distinct tokens as text)
-- under a GIN index cost 2.8 times the text it indexes; a row per token
-- and block of 32,768 sentence ids, listing the sentences that hold it as
-- varint gaps, costs a fraction of that. sentence_search stays as the
-- fresh tier: new sentences are written there as before, and folded into
-- search_postings (the rows move in one transaction) by the indexer, an
-- ingest, and a store opening, which is how the rows written before this
-- migration are carried over, some thousand statements per transaction.
--
-- token is compared byte by byte (COLLATE "C"), so that the tokens a
-- one-character query begins are one range of the primary key whatever
-- the database's collation. Long rows are compressed with lz4, which
-- reads faster than pglz.
CREATE TABLE search_postings (
	token TEXT COLLATE "C" NOT NULL,
	block INTEGER NOT NULL,
	ids BYTEA COMPRESSION lz4 NOT NULL,
	PRIMARY KEY (token, block)
);

-- A posting is not rewritten when its sentence is deleted (its tokens are
-- not known then without reading the text again): the sentence's id is
-- noted here, and readers take these ids out of what the postings list.
-- Sentence ids are never given again.
CREATE TABLE search_gone (
	sentence_id BIGINT PRIMARY KEY
);
CREATE FUNCTION sentences_note_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO search_gone (sentence_id) SELECT id FROM gone ON CONFLICT DO NOTHING;
	RETURN NULL;
END $$;
CREATE TRIGGER sentences_search_gone AFTER DELETE ON sentences REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION sentences_note_gone();
