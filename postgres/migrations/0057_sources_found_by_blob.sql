-- A source is found by its bytes through its blob, as on SQLite, whose
-- migration of this number says why (a random key's index fewer for each
-- new statement): the blob names the source of its bytes (source_id), and
-- the same SQL serves both stores.
--
-- PostgreSQL keeps sources' unique index of sha256: its writers are many
-- (servers sharing the database), and two transactions adding a source of
-- the same bytes at once see neither's source in their snapshots; the
-- index makes the second fail as before. Its batch writes are within their
-- bound with it (docs/decisions.md).
ALTER TABLE blobs ADD COLUMN source_id BIGINT;
UPDATE blobs b SET source_id = s.id FROM sources s WHERE s.sha256 = b.sha256;
