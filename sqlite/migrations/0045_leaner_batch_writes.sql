-- Leaner batch writes (issue 18, item 3; docs/decisions.md, "Batch ingest
-- on PostgreSQL, eighth round").
--
-- The commitments' strengths are counted in the pass that counts their
-- parties and areas (sqlstore/stats.go, CommitmentStats): their index,
-- which served that count alone (an index-only scan), wrote an entry for
-- every commitment stored (a fifth of the sentence rows' index entries).
-- PostgreSQL's 0045 also counts its collection's versions once per INSERT;
-- SQLite's row triggers for those counts (0009) stay.
DROP INDEX sentences_commitments;
