-- The indexes of registry entries by their stored document, and of
-- citations and entities by their entry, hold only the rows that have
-- one. Nearly every entry is no stored document (an instrument the
-- library does not hold, every mechanism and project), and every citation
-- and entity is without an entry until the registry is first built.
-- SQLite's statistics count the NULLs as one value: on a library of
-- 10,000 statements they said that each document was the document of
-- 16,431 entries, and, taken before the registry was built, that each
-- entry had 44,861 citations. A document's backlinks (CitedBy) were then
-- read by scanning every document in date order and every citation of
-- each (92 ms for a document nothing cites) instead of through these
-- indexes (docs/decisions.md, "The registry's pages at 100,000
-- statements"). PostgreSQL's statistics know the share of NULLs; its
-- indexes are made the same, and smaller.
DROP INDEX registry_document;
CREATE INDEX registry_document ON registry (document_id) WHERE document_id IS NOT NULL;
DROP INDEX citations_registry;
CREATE INDEX citations_registry ON citations (registry_id) WHERE registry_id IS NOT NULL;
DROP INDEX entities_registry;
CREATE INDEX entities_registry ON entities (registry_id) WHERE registry_id IS NOT NULL;
