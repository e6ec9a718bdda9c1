-- A version's sections on its own row (issue 18, item 3;
-- sqlstore/sections_packed.go): a line per section, its id, heading and
-- title separated by tabs. A row per section in the sections table cost a
-- row header and a primary-key entry for a few bytes of text (0.39 times
-- the statements' text on PostgreSQL, 0.14 on SQLite). NULL is a version
-- written before, whose sections stay rows of the sections table (read as
-- they are) until the store carries them over when it opens, a thousand
-- versions per transaction (sqlstore/sections_carry.go). The table stays
-- for those rows and for dumps made before, which restore into it.
ALTER TABLE versions ADD COLUMN sections TEXT;
