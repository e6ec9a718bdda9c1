-- Each save of the registry counts itself (docs/decisions.md, "The
-- registry saved is kept by the store that saved it"): a store keeps what
-- it saved and compares the next build with that instead of reading the
-- registry back, for as long as no other process saved one since (the
-- generation it wrote is still the stored one) and nothing a build reads
-- was changed but by additions (collection_stats.registry_changes).
ALTER TABLE registry_state ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
