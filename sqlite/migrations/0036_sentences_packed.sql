-- A sentence's deadline is stored as text that is never NULL: '' when it
-- has none (sqlstore/deadline.go; PostgreSQL's migration of this number
-- writes its sentence rows again without padding, and a NULL there cost
-- each row a bitmap). A deadline that is itself empty, or begins with
-- U+0001, is kept behind a U+0001 so that it keeps its meaning; NULL, as
-- rows written before hold it, still reads as none. SQLite stores '' and
-- NULL in the same bytes, so its rows are left as they are but for those.
UPDATE sentences SET deadline = char(1) || deadline WHERE deadline = '' OR substr(deadline, 1, 1) = char(1);
