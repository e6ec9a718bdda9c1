-- The queue of uploads (issue 18, item 4): an upload is recorded here and
-- answered at once; workers on any server claim the oldest job, hold it
-- under a lease they renew, and settle it with its outcome. A job whose
-- worker stopped (its lease ended) is claimed again. The bytes are kept
-- until the job is settled, then they are the stored source's (or were
-- refused) and the row keeps the outcome. SQLite's server keeps the
-- synchronous upload; the table is the same on both databases so that one
-- store serves both.
CREATE TABLE ingest_jobs (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	name TEXT NOT NULL,
	media_type TEXT NOT NULL DEFAULT '',
	sha256 TEXT NOT NULL,
	size INTEGER NOT NULL,
	data BLOB, -- NULL once settled
	state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done')),
	attempts INTEGER NOT NULL DEFAULT 0,
	worker TEXT NOT NULL DEFAULT '',
	lease_until TIMESTAMP,
	actor_id INTEGER, -- users.id of the uploader, NULL for none
	actor TEXT NOT NULL,
	via TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	finished_at TIMESTAMP,
	outcome TEXT -- JSON, once settled
);
-- What workers look through: the jobs not yet settled, oldest first.
CREATE INDEX ingest_jobs_pending ON ingest_jobs (id) WHERE state <> 'done';
CREATE INDEX ingest_jobs_actor ON ingest_jobs (actor_id, id);
