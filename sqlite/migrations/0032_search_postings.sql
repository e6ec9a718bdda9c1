-- PostgreSQL's full-text index is folded into postings per token by its
-- migration 0032; SQLite's FTS5 index keeps postings of its own already.
-- Nothing changes here: the number is kept in step with PostgreSQL's.
SELECT 1;
