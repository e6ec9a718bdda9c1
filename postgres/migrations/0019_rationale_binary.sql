-- A sentence's rationale in a binary form (sqlstore/rationale_binary.go),
-- a quarter of the compact JSON that evidence holds: new rows write
-- evidence_z and leave evidence empty; rows written before keep evidence
-- as it is, evidence_z NULL, and read as before.
ALTER TABLE sentences ADD COLUMN evidence_z BYTEA;

-- The full-text index's rows hold their tokens as text (distinct tokens
-- joined by spaces) instead of a tsvector, a third fewer bytes; the GIN
-- index is over the tsvector those tokens make (postgres.go, indexTokens:
-- array_to_tsvector takes them as lexemes as they are), with the pending
-- list of migration 0018. Rows written before are carried over.
DROP INDEX sentence_search_tokens;
ALTER TABLE sentence_search ALTER COLUMN tokens TYPE text USING array_to_string(tsvector_to_array(tokens), ' ');
CREATE INDEX sentence_search_tokens ON sentence_search USING gin (array_to_tsvector(string_to_array(tokens, ' ')))
	WITH (gin_pending_list_limit = 256);
