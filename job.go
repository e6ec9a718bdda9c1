package entente

import (
	"context"
	"time"
)

// Uploads can be queued: the request that brings a statement's bytes
// records them as a job and returns at once, and workers on any server
// sharing the database read, extract and store it. A job keeps who
// uploaded it, so that the document it makes is recorded under them.

// JobState is where an upload job is.
type JobState string

// The states of an upload job.
const (
	JobQueued  JobState = "queued"  // waiting for a worker
	JobRunning JobState = "running" // a worker holds it until its lease ends
	JobDone    JobState = "done"    // settled: Outcome says how
)

// NewJob is an upload to queue.
type NewJob struct {
	Name      string
	MediaType string
	Data      []byte
}

// Job is a queued upload.
type Job struct {
	ID        int64    `json:"id"`
	Name      string   `json:"name"`
	MediaType string   `json:"media_type,omitempty"`
	SHA256    string   `json:"sha256"`
	Size      int64    `json:"size"`
	State     JobState `json:"state" enum:"queued,running,done"`
	// Attempts counts the workers that claimed the job; more than one
	// means a worker stopped (a crash, a restart) before settling it.
	Attempts int `json:"attempts"`
	// Worker is the worker that holds the job, or settled it.
	Worker     string      `json:"worker,omitempty"`
	Actor      Actor       `json:"actor"`
	CreatedAt  time.Time   `json:"created_at"`
	FinishedAt *time.Time  `json:"finished_at,omitempty"`
	Outcome    *JobOutcome `json:"outcome,omitempty"`
	// Data are the uploaded bytes, held until the job is settled (then
	// they are the source's, or refused); a claim returns them.
	Data []byte `json:"-"`
}

// JobOutcome is what became of a settled job, as an ingest reports it.
type JobOutcome struct {
	Status     string         `json:"status"`
	DocumentID int64          `json:"document_id,omitempty"`
	SourceID   int64          `json:"source_id,omitempty"`
	Title      string         `json:"title,omitempty"`
	Counts     map[string]int `json:"counts,omitempty"`
	Problem    string         `json:"problem,omitempty"`
}

// SettledJob is a job's outcome, for FinishJobs.
type SettledJob struct {
	ID      int64
	Outcome JobOutcome
}

// JobFilter selects jobs to list, newest first.
type JobFilter struct {
	UserID  int64 // the uploader's account; 0 for every one
	Pending bool  // queued or running only
	// Since keeps settled jobs finished at or after it (pending ones are
	// always kept); zero keeps all.
	Since time.Time
	Limit int
}

// QueueDepth is what waits in the queue of uploads: jobs queued and not
// yet claimed, jobs a worker holds, and when the oldest unsettled job was
// queued (nil when none waits).
type QueueDepth struct {
	Queued  int        `json:"queued"`
	Running int        `json:"running"`
	Oldest  *time.Time `json:"oldest,omitempty"`
}

// JobQueue is the store's queue of uploads.
type JobQueue interface {
	// EnqueueJobs records uploads as queued jobs under the context's
	// actor, all or none, and returns them in order.
	EnqueueJobs(ctx context.Context, jobs []NewJob) ([]Job, error)
	// ClaimJob hands the oldest queued job, or a running one whose lease
	// has ended (its worker stopped), to worker until lease from now. It
	// returns ErrNotFound when there is none; two workers never hold the
	// same job at once.
	ClaimJob(ctx context.Context, worker string, lease time.Duration) (*Job, error)
	// ClaimJobs hands up to most of the oldest claimable jobs at once, as
	// ClaimJob hands one, oldest first: as many as hold at most maxBytes
	// together (0: no bound), and the oldest whatever its size. A job
	// claimed before (its worker stopped) is handed alone.
	ClaimJobs(ctx context.Context, worker string, lease time.Duration, most int, maxBytes int64) ([]Job, error)
	// ExtendJob renews worker's lease of a job it holds; an error says
	// the job is no longer the worker's.
	ExtendJob(ctx context.Context, id int64, worker string, lease time.Duration) error
	// FinishJob settles a job worker holds with its outcome and lets its
	// bytes go.
	FinishJob(ctx context.Context, id int64, worker string, o JobOutcome) error
	// FinishJobs settles, in one transaction, the jobs worker still
	// holds; its error names those it no longer held (ECONFLICT).
	FinishJobs(ctx context.Context, worker string, jobs []SettledJob) error
	// Job returns one job, without its bytes.
	Job(ctx context.Context, id int64) (*Job, error)
	// Jobs lists jobs, newest first, without their bytes.
	Jobs(ctx context.Context, f JobFilter) ([]Job, error)
}
