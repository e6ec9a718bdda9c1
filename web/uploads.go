package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/entente/entente"
	"github.com/entente/entente/ingest"
)

// The queue of uploads. With Config.Queue set, an upload is recorded as a
// job and answered at once; the server's workers, and those of every other
// server on the same database, read, extract and store it. The API's
// POST /api/v1/uploads answers 202 with the jobs to poll; POST
// /api/v1/documents, which answers with each file's outcome, queues too
// and waits for its jobs, so that its clients see no change; the UI's
// upload form queues and shows the library with the uploads still being
// read. Without a queue, uploads are stored in their request.

// uploadQueue runs the server's workers and wakes them when this server
// queues an upload (others are seen when a worker looks again).
type uploadQueue struct {
	jobs entente.JobQueue
	wake chan struct{}
	// settledNow is closed, and replaced, whenever this server's workers
	// settle jobs: a request waiting for its jobs looks again at once.
	mu         sync.Mutex
	settledNow chan struct{}
	stop       context.CancelFunc
	done       sync.WaitGroup
	poll       time.Duration // how often a waiting request looks at its jobs
	waitAt     time.Duration // how long POST /api/v1/documents waits at most
}

// startQueue starts cfg.Workers workers on the queue.
func (s *Server) startQueue() {
	cfg := s.cfg
	q := &uploadQueue{jobs: cfg.Queue, wake: make(chan struct{}, max(1, cfg.Workers)), settledNow: make(chan struct{}),
		poll: 20 * time.Millisecond, waitAt: 10 * time.Minute}
	ctx, cancel := context.WithCancel(context.Background())
	q.stop = cancel
	name := cfg.WorkerName
	if name == "" {
		host, _ := os.Hostname()
		name = host + ":" + strconv.Itoa(os.Getpid())
	}
	for i := range cfg.Workers {
		w := &ingest.Worker{Ingester: cfg.Ingester, Queue: cfg.Queue, Name: fmt.Sprintf("%s/%d", name, i),
			Lease: cfg.JobLease, Poll: cfg.JobPoll, Wake: q.wake, Settled: q.settled}
		q.done.Go(func() { _ = w.Run(ctx) })
	}
	s.queue = q
}

// settled tells the requests waiting on this server that jobs were settled.
func (q *uploadQueue) settled() {
	q.mu.Lock()
	close(q.settledNow)
	q.settledNow = make(chan struct{})
	q.mu.Unlock()
}

// nextSettled is closed when this server's workers next settle jobs.
func (q *uploadQueue) nextSettled() <-chan struct{} {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.settledNow
}

// close stops the workers; a job one of them was reading is claimed again
// when its lease ends.
func (q *uploadQueue) close() {
	q.stop()
	q.done.Wait()
}

// enqueue queues uploads and wakes this server's workers.
func (s *Server) enqueue(ctx context.Context, files []entente.NewJob) ([]entente.Job, error) {
	jobs, err := s.queue.jobs.EnqueueJobs(ctx, files)
	if err != nil {
		return nil, err
	}
	for range jobs {
		select {
		case s.queue.wake <- struct{}{}:
		default:
		}
	}
	return jobs, nil
}

// settle waits until every job is settled, by whichever server's worker:
// it looks again when this server's workers settle jobs, and every so
// often for those another server's settle.
func (s *Server) settle(ctx context.Context, jobs []entente.Job) ([]entente.Job, error) {
	ctx, cancel := context.WithTimeout(ctx, s.queue.waitAt)
	defer cancel()
	out := make([]entente.Job, len(jobs))
	for i, j := range jobs {
		for pause := s.queue.poll; ; pause = min(2*pause, time.Second) {
			// taken before the look, so that a settlement after it is seen
			settled := s.queue.nextSettled()
			cur, err := s.queue.jobs.Job(ctx, j.ID)
			if err != nil {
				return nil, err
			}
			if cur.State == entente.JobDone {
				out[i] = *cur
				break
			}
			select {
			case <-ctx.Done():
				return nil, fmt.Errorf("wait for upload %d: %w", j.ID, ctx.Err())
			case <-settled:
			case <-time.After(pause):
			}
		}
	}
	return out, nil
}

// readUpload reads one uploaded file, within the upload limit.
func readUpload(filename string, r io.Reader, mediaType string) (entente.NewJob, error) {
	name := safeFilename(filename)
	data, err := io.ReadAll(io.LimitReader(r, maxUpload+1))
	if err != nil {
		return entente.NewJob{Name: name}, fmt.Errorf("%s: read: %w", name, err)
	}
	return entente.NewJob{Name: name, MediaType: mediaType, Data: data}, nil
}

// UploadJobs are queued uploads.
type UploadJobs struct {
	Jobs []entente.Job `json:"jobs"`
}

type uploadJobsOutput struct {
	Location string `header:"Location" doc:"The first job, to poll"`
	Body     UploadJobs
}

// queueUploads records the files as jobs and answers at once.
func (s *Server) queueUploads(ctx context.Context, in *UploadInput) (*uploadJobsOutput, error) {
	if s.queue == nil {
		return nil, huma.NewError(http.StatusNotImplemented, "this server stores uploads in their request: POST /api/v1/documents")
	}
	files := in.RawBody.Data().Files
	if len(files) == 0 {
		return nil, huma.Error400BadRequest("no files in the form field 'files'")
	}
	news := make([]entente.NewJob, 0, len(files))
	for _, f := range files {
		n, err := readUpload(f.Filename, f, f.ContentType)
		if err != nil {
			return nil, huma.Error400BadRequest(err.Error())
		}
		news = append(news, n)
	}
	jobs, err := s.enqueue(ctx, news)
	if err != nil {
		return nil, s.internal(err)
	}
	return &uploadJobsOutput{Location: fmt.Sprintf("/api/v1/uploads/%d", jobs[0].ID), Body: UploadJobs{Jobs: jobs}}, nil
}

// ListUploadsInput selects uploads.
type ListUploadsInput struct {
	Pending bool `query:"pending" doc:"Only the uploads still queued or being read"`
	All     bool `query:"all" doc:"Every account's uploads (editors and administrators); otherwise your own"`
	Limit   int  `query:"limit" default:"50" minimum:"1" maximum:"500"`
}

// listUploads lists the caller's uploads, newest first.
func (s *Server) listUploads(ctx context.Context, in *ListUploadsInput) (*struct{ Body UploadJobs }, error) {
	if s.queue == nil {
		return &struct{ Body UploadJobs }{Body: UploadJobs{Jobs: []entente.Job{}}}, nil
	}
	f := entente.JobFilter{Pending: in.Pending, Limit: in.Limit}
	u := entente.UserFromContext(ctx)
	if !in.All || u == nil || !u.Role.AtLeast(entente.RoleEditor) {
		if u == nil {
			return nil, huma.Error401Unauthorized("sign in")
		}
		f.UserID = u.ID
	}
	jobs, err := s.queue.jobs.Jobs(ctx, f)
	if err != nil {
		return nil, s.internal(err)
	}
	return &struct{ Body UploadJobs }{Body: UploadJobs{Jobs: append([]entente.Job{}, jobs...)}}, nil
}

// getUpload returns one upload: its state, and once settled its outcome.
// An analyst sees their own; editors and administrators any.
func (s *Server) getUpload(ctx context.Context, in *IDInput) (*struct{ Body entente.Job }, error) {
	if s.queue == nil {
		return nil, huma.Error404NotFound(fmt.Sprintf("no upload %d", in.ID))
	}
	j, err := s.queue.jobs.Job(ctx, in.ID)
	if errors.Is(err, entente.ErrNotFound) {
		return nil, huma.Error404NotFound(fmt.Sprintf("no upload %d", in.ID))
	}
	if err != nil {
		return nil, s.internal(err)
	}
	if u := entente.UserFromContext(ctx); u == nil || (u.ID != j.Actor.UserID && !u.Role.AtLeast(entente.RoleEditor)) {
		return nil, huma.Error404NotFound(fmt.Sprintf("no upload %d", in.ID))
	}
	return &struct{ Body entente.Job }{Body: *j}, nil
}

// uploadOutcome is a settled job as the upload answers report it.
func uploadOutcome(j entente.Job) UploadOutcome {
	o := UploadOutcome{Name: j.Name, Status: string(j.State)}
	if j.Outcome != nil {
		o.Status, o.DocumentID, o.SourceID, o.Title, o.Counts, o.Problem = j.Outcome.Status, j.Outcome.DocumentID,
			j.Outcome.SourceID, j.Outcome.Title, j.Outcome.Counts, j.Outcome.Problem
	}
	return o
}
