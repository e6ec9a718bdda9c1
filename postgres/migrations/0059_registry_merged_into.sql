-- An index of registry.merged_into (issue 18; docs/decisions.md, "The
-- registry's rebuild at 100,000 statements"). The column names the entry
-- another was merged into, and a foreign key checks it: deleting an entry
-- must find the entries that name it, and without an index each delete
-- read the whole table. A rebuild deletes the entries it no longer has,
-- and at 100,000 statements (41,000 entries) deleting them took 55 s on
-- SQLite; PostgreSQL checks the key the same way.
CREATE INDEX registry_merged_into ON registry (merged_into);
