-- The full-text index's tokens with the count of sentences holding each
-- (FTS5's vocabulary table, which reads the index itself and stores
-- nothing): a server pins the matches of the commonest in its search
-- index once built, so that the first search of a common character does
-- not list a million matches from FTS5 (sqlstore/search_pins.go).
CREATE VIRTUAL TABLE sentence_fts_vocab USING fts5vocab(sentence_fts, 'row');
