-- A version link that an ingest writes (the matcher's, between a new
-- document and one stored before) is an addition to what the registry is
-- built from, like the new document's names: it no longer counts as a
-- change (migration 0062), so that a server that stores a statement's
-- translation, or a command that ingests it, builds the registry from
-- what it kept and what was added rather than reading the whole library.
-- The signature counts the links instead, and a read of what was added
-- checks that every new link has a new document (sqlstore/registry.go).
-- Their updates and deletions still count.
DROP TRIGGER registry_input_version_links_insert;
