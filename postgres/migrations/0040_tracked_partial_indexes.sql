-- Three indexes of the tracked commitments hold only the rows their
-- queries can find (issue 18, item 3: every write keeps the tracked
-- tables current in its own transaction, and a batch's documents are new:
-- docs/decisions.md, "Tracked upkeep: …"). A commitment has a tracking
-- row (commitment_id) only once something was recorded about it, and a
-- due date only when its deadline gives one (a tenth of the generated
-- collection's): the by-commitment, due-date and overdue indexes held a
-- NULL entry for every other commitment, which each write paid for and no
-- query read. Every query that reads these indexes compares the column
-- (t.commitment_id = …, t.due_date < …, t.due_date IS NOT NULL), which
-- implies that it is not NULL, so the planner takes the partial index
-- where it took the whole one (EXPLAIN QUERY PLAN of every tracked query
-- the tests make, on a collection of 1,000 statements).
DROP INDEX tracked_commitments_commitment;
CREATE INDEX tracked_commitments_commitment ON tracked_commitments (commitment_id) WHERE commitment_id IS NOT NULL;
DROP INDEX tracked_commitments_due;
CREATE INDEX tracked_commitments_due ON tracked_commitments (due_date) WHERE due_date IS NOT NULL;
DROP INDEX tracked_commitments_overdue;
CREATE INDEX tracked_commitments_overdue ON tracked_commitments (open, withdrawn, due_date) WHERE due_date IS NOT NULL;
