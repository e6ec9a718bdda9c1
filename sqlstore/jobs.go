package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/entente/entente"
)

// The queue of uploads (migration 0012). A claim picks the oldest job that
// is queued, or running under a lease that has ended (its worker stopped),
// and takes it in the same statement; on PostgreSQL the pick skips rows
// another claimer has locked (the dialect's SkipLocked), so that workers
// on several servers never wait on one another nor hold the same job.
// Times are the store's clock (Now), as every other column.

var _ entente.JobQueue = (*Store)(nil)

// EnqueueJobs records uploads as queued jobs under the context's actor.
func (s *Store) EnqueueJobs(ctx context.Context, jobs []entente.NewJob) ([]entente.Job, error) {
	actor := entente.ActorFromContext(ctx)
	var uid any
	if actor.UserID != 0 {
		uid = actor.UserID
	}
	now := s.now()
	out := make([]entente.Job, len(jobs))
	err := s.write(ctx, func(tx *sql.Tx) error {
		for i, n := range jobs {
			j := entente.Job{Name: n.Name, MediaType: n.MediaType, SHA256: sha256Hex(n.Data), Size: int64(len(n.Data)),
				State: entente.JobQueued, Actor: actor, CreatedAt: now}
			if err := tx.QueryRowContext(ctx, `
				INSERT INTO ingest_jobs (name, media_type, sha256, size, data, actor_id, actor, via, created_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
				j.Name, j.MediaType, j.SHA256, j.Size, n.Data, uid, actor.Name, actor.Via, now).Scan(&j.ID); err != nil {
				return fmt.Errorf("insert job %q: %w", n.Name, err)
			}
			out[i] = j
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("enqueue uploads: %w", err)
	}
	return out, nil
}

// ClaimJob hands the oldest claimable job to worker until lease from now.
func (s *Store) ClaimJob(ctx context.Context, worker string, lease time.Duration) (*entente.Job, error) {
	jobs, err := s.ClaimJobs(ctx, worker, lease, 1, 0)
	if err != nil {
		return nil, err
	}
	return &jobs[0], nil
}

// ClaimJobs hands up to most of the oldest claimable jobs to worker until
// lease from now, oldest first: as many as hold at most maxBytes together
// (0: no bound), and the oldest whatever its size.
func (s *Store) ClaimJobs(ctx context.Context, worker string, lease time.Duration, most int, maxBytes int64) ([]entente.Job, error) {
	now := s.now()
	// An idle worker looks often: a read answers it without taking the
	// writer's lock (SQLite) or a row lock (PostgreSQL).
	var one int
	err := s.rdb.QueryRowContext(ctx, `SELECT 1 FROM ingest_jobs WHERE state <> 'done' AND (state = 'queued' OR lease_until < $1) LIMIT 1`,
		now).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("job to claim", "")
	} else if err != nil {
		return nil, fmt.Errorf("look for a job: %w", err)
	}
	var jobs []entente.Job
	err = s.write(ctx, func(tx *sql.Tx) error {
		jobs = jobs[:0]
		ids, err := s.claimable(ctx, tx, now, max(1, most), maxBytes)
		if err != nil || len(ids) == 0 {
			return err
		}
		var a args
		q := `UPDATE ingest_jobs SET state = 'running', worker = ` + a.add(worker) + `, lease_until = ` + a.add(now.Add(lease)) + `,
				attempts = attempts + 1
			WHERE id IN (` + list(&a, ids) + `)
			RETURNING ` + jobColumns + `, data`
		rows, err := tx.QueryContext(ctx, q, a...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			j, err := scanJob(rows, true)
			if err != nil {
				return err
			}
			jobs = append(jobs, *j)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("claim jobs: %w", err)
	}
	if len(jobs) == 0 {
		return nil, notFound("job to claim", "")
	}
	// RETURNING gives the rows in no promised order
	slices.SortFunc(jobs, func(a, b entente.Job) int { return cmp.Compare(a.ID, b.ID) })
	return jobs, nil
}

// claimable picks the ids of the oldest claimable jobs within most and
// maxBytes, in tx; on PostgreSQL it locks them and skips those another
// claimer has locked. A job claimed before, whose worker stopped while
// holding it, is claimed alone: were it an upload that brings the process
// down, it would take no other job's attempts with it.
func (s *Store) claimable(ctx context.Context, tx *sql.Tx, now time.Time, most int, maxBytes int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT id, size, attempts FROM ingest_jobs
		WHERE state <> 'done' AND (state = 'queued' OR lease_until < $1)
		ORDER BY id LIMIT $2 `+s.dialect.SkipLocked(), now, most)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		ids   []int64
		total int64
	)
	for rows.Next() {
		var id, size, attempts int64
		if err := rows.Scan(&id, &size, &attempts); err != nil {
			return nil, err
		}
		if len(ids) > 0 && (attempts > 0 || maxBytes > 0 && total+size > maxBytes) {
			break
		}
		ids, total = append(ids, id), total+size
		if attempts > 0 {
			break
		}
	}
	return ids, rows.Err()
}

// ExtendJob renews worker's lease of job id.
func (s *Store) ExtendJob(ctx context.Context, id int64, worker string, lease time.Duration) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		return s.heldJob(ctx, tx, id, worker, `UPDATE ingest_jobs SET lease_until = $1 WHERE id = $2 AND worker = $3 AND state = 'running'`,
			s.now().Add(lease), id, worker)
	})
	if err != nil {
		return fmt.Errorf("extend job %d: %w", id, err)
	}
	return nil
}

// FinishJob settles job id with its outcome. A worker whose lease ended
// and whose job another claimed is refused: the other settles it.
func (s *Store) FinishJob(ctx context.Context, id int64, worker string, o entente.JobOutcome) error {
	return s.FinishJobs(ctx, worker, []entente.SettledJob{{ID: id, Outcome: o}})
}

// FinishJobs settles the jobs worker still holds, in one transaction, and
// names those it no longer holds (another worker claimed them once its
// lease ended, and settles them).
func (s *Store) FinishJobs(ctx context.Context, worker string, jobs []entente.SettledJob) error {
	if len(jobs) == 0 {
		return nil
	}
	outcomes := make([]string, len(jobs))
	for i, j := range jobs {
		b, err := json.Marshal(j.Outcome)
		if err != nil {
			return fmt.Errorf("finish job %d: %w", j.ID, err)
		}
		outcomes[i] = string(b)
	}
	now := s.now()
	var lost []error
	err := s.write(ctx, func(tx *sql.Tx) error {
		lost = lost[:0]
		newest := jobs[0].ID
		for i, j := range jobs {
			err := s.heldJob(ctx, tx, j.ID, worker, `
				UPDATE ingest_jobs SET state = 'done', data = NULL, outcome = $1, finished_at = $2, lease_until = NULL
				WHERE id = $3 AND worker = $4 AND state = 'running'`, outcomes[i], now, j.ID, worker)
			switch {
			case entente.ErrorCode(err) == entente.ECONFLICT:
				lost = append(lost, err)
			case err != nil:
				return fmt.Errorf("finish job %d: %w", j.ID, err)
			}
			newest = max(newest, j.ID)
		}
		return s.pruneJobs(ctx, tx, newest, now)
	})
	if err != nil {
		return fmt.Errorf("finish jobs: %w", err)
	}
	if len(lost) > 0 {
		return fmt.Errorf("finish jobs: %w", errors.Join(lost...))
	}
	return nil
}

// DefaultJobHistory and JobRetention bound the settled jobs kept: a
// settled job is deleted once it is more than JobHistory jobs old and was
// settled more than JobRetention ago, so that an uploader polling a job
// finds its outcome and the table does not grow with every upload. What a
// job did stays in the event log (the document's create event, the
// source's).
const (
	DefaultJobHistory = 10000
	JobRetention      = time.Hour
)

// pruneJobs deletes the settled jobs that fell out of the history, seen
// from job id (the newest settled). Ids are never given again, so "more
// than JobHistory jobs old" is a range of the primary key; each call finds
// what the last one left, a few rows.
func (s *Store) pruneJobs(ctx context.Context, tx *sql.Tx, id int64, now time.Time) error {
	history := int64(s.JobHistory)
	if history <= 0 {
		history = DefaultJobHistory
	}
	if id <= history {
		return nil
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM ingest_jobs WHERE id < $1 AND state = 'done' AND finished_at < $2`,
		id-history, now.Add(-JobRetention))
	if err != nil {
		return fmt.Errorf("prune settled jobs: %w", err)
	}
	return nil
}

// QueueDepth counts the jobs not yet settled (the partial index of
// migration 0012 holds exactly them).
func (s *Store) QueueDepth(ctx context.Context) (entente.QueueDepth, error) {
	var (
		d      entente.QueueDepth
		oldest sql.NullTime
	)
	err := s.rdb.QueryRowContext(ctx, `SELECT
			coalesce(sum(CASE WHEN state = 'queued' THEN 1 ELSE 0 END), 0),
			coalesce(sum(CASE WHEN state = 'running' THEN 1 ELSE 0 END), 0)
		FROM ingest_jobs WHERE state <> 'done'`).Scan(&d.Queued, &d.Running)
	if err != nil {
		return d, fmt.Errorf("count queued uploads: %w", err)
	}
	if d.Queued+d.Running == 0 {
		return d, nil
	}
	// apart, so that SQLite's driver sees the column's type (an aggregate
	// of it comes back as text)
	err = s.rdb.QueryRowContext(ctx, `SELECT created_at FROM ingest_jobs WHERE state <> 'done' ORDER BY id LIMIT 1`).Scan(&oldest)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("oldest queued upload: %w", err)
	}
	if oldest.Valid {
		t := oldest.Time.UTC()
		d.Oldest = &t
	}
	return d, nil
}

// heldJob runs an update of a job worker holds and says so when it holds
// it no longer.
func (s *Store) heldJob(ctx context.Context, tx *sql.Tx, id int64, worker, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return entente.Errorf(entente.ECONFLICT, "job %d is not held by %s", id, worker)
	}
	return nil
}

// Job returns one job without its bytes.
func (s *Store) Job(ctx context.Context, id int64) (*entente.Job, error) {
	j, err := scanJob(s.rdb.QueryRowContext(ctx, `SELECT `+jobColumns+` FROM ingest_jobs WHERE id = $1`, id), false)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("upload", id)
	}
	if err != nil {
		return nil, fmt.Errorf("read job %d: %w", id, err)
	}
	return j, nil
}

// Jobs lists jobs, newest first, without their bytes.
func (s *Store) Jobs(ctx context.Context, f entente.JobFilter) ([]entente.Job, error) {
	var (
		a     args
		conds []string
	)
	if f.UserID != 0 {
		conds = append(conds, "actor_id = "+a.add(f.UserID))
	}
	switch {
	case f.Pending:
		conds = append(conds, "state <> 'done'")
	case !f.Since.IsZero():
		conds = append(conds, "(state <> 'done' OR finished_at >= "+a.add(f.Since.UTC())+")")
	}
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	rows, err := s.rdb.QueryContext(ctx, `SELECT `+jobColumns+` FROM ingest_jobs `+whereClause(conds)+
		` ORDER BY id DESC LIMIT `+a.add(limit), a...)
	if err != nil {
		return nil, fmt.Errorf("list jobs: %w", err)
	}
	defer rows.Close()
	var out []entente.Job
	for rows.Next() {
		j, err := scanJob(rows, false)
		if err != nil {
			return nil, fmt.Errorf("list jobs: %w", err)
		}
		out = append(out, *j)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list jobs: %w", err)
	}
	return out, nil
}

const jobColumns = `id, name, media_type, sha256, size, state, attempts, worker, actor_id, actor, via, created_at, finished_at, outcome`

// scanJob reads a row of jobColumns, and the bytes after them with data.
func scanJob(row interface{ Scan(...any) error }, data bool) (*entente.Job, error) {
	var (
		j        entente.Job
		uid      sql.NullInt64
		finished sql.NullTime
		outcome  []byte
	)
	dest := []any{&j.ID, &j.Name, &j.MediaType, &j.SHA256, &j.Size, &j.State, &j.Attempts, &j.Worker, &uid, &j.Actor.Name, &j.Actor.Via,
		&j.CreatedAt, &finished, &outcome}
	if data {
		dest = append(dest, &j.Data)
	}
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	j.Actor.UserID = uid.Int64
	j.CreatedAt = j.CreatedAt.UTC()
	if finished.Valid {
		t := finished.Time.UTC()
		j.FinishedAt = &t
	}
	if len(outcome) > 0 {
		j.Outcome = &entente.JobOutcome{}
		if err := json.Unmarshal(outcome, j.Outcome); err != nil {
			return nil, fmt.Errorf("job %d: outcome: %w", j.ID, err)
		}
	}
	return &j, nil
}
