-- A version's language was either detected by the extractor or chosen by
-- whoever ingested it (`entente ingest --lang`). Re-extraction detects the
-- language again only when it was detected: a language an operator chose
-- is a decision, kept like an analyst's correction.
ALTER TABLE versions ADD COLUMN language_given BOOLEAN NOT NULL DEFAULT FALSE;
