-- The index of signing dates also holds each document's language, kind and
-- withdrawal (issue 18, item 3; docs/decisions.md, "Version candidates from
-- the date index alone, and the filter read as a batch starts"). After
-- each group it commits, a batch asks which stored documents of the same
-- day in another language could be versions of the new ones (sqlstore's
-- VersionCandidates). The index gave the day's documents, about ten at
-- 100,000 statements, and each was then read from its row for its
-- language, kind and withdrawal: ten rows on as many pages spread over the
-- table, read with pread by a writer whose cache holds none of them, some
-- 3,000 reads of a batch of 300 into 100,000 and the largest share of its
-- writer's reads. The index now answers that from its leaf for the day,
-- the leaf the new document's own entry goes to.
-- The id comes second so that the index keeps its order by (signed_date,
-- id), which the documents list's ORDER BY signed_date DESC, id DESC
-- reads without a sort.
DROP INDEX documents_signed_date;
CREATE INDEX documents_signed_date ON documents (signed_date, id, language, kind, withdrawn_at);
