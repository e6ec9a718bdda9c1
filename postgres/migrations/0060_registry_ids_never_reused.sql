-- Nothing to do on PostgreSQL: SQLite's 0060 makes a registry entry's id
-- one that is never given again (AUTOINCREMENT), as PostgreSQL's identity
-- column always gave them.
SELECT 1;
