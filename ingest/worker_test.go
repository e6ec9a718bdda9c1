package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlite"
)

// TestWorker: a worker settles each job with what ingest made of it, under
// the uploader's name; a job whose workers kept stopping is refused
// without being read again; a worker that is stopping leaves its job to be
// claimed again instead of settling it as refused.
func TestWorker(t *testing.T) {
	forEachStore(t, func(t *testing.T, st entente.Store) {
		q := st.(entente.JobQueue)
		in := newIngester(t, st)
		rs, err := os.ReadFile(filepath.Join(corpus, "cn-rs-2024-joint-statement.zh.txt"))
		if err != nil {
			t.Fatal(err)
		}
		uploader := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "ana", Via: "api"})
		cases := []struct {
			name        string
			data        []byte
			attemptsYet int // claims by workers that stopped, before ours
			stopped     bool
			wantState   entente.JobState
			wantStatus  string
		}{
			{"a new statement", rs, 0, false, entente.JobDone, string(Added)},
			{"the same bytes again", rs, 0, false, entente.JobDone, string(AlreadyHave)},
			{"not a statement", []byte("\x00\x01\x02"), 0, false, entente.JobDone, string(Refused)},
			{"its workers kept stopping", rs, DefaultMaxAttempts, false, entente.JobDone, string(Refused)},
			{"the worker is stopping", rs, 0, true, entente.JobRunning, ""},
		}
		for _, c := range cases {
			jobs, err := q.EnqueueJobs(uploader, []entente.NewJob{{Name: c.name + ".txt", Data: c.data}})
			if err != nil {
				t.Fatal(err)
			}
			for range c.attemptsYet {
				if _, err := q.ClaimJob(context.Background(), "gone", -time.Second); err != nil {
					t.Fatal(err)
				}
			}
			ctx, cancel := context.WithCancel(context.Background())
			w := &Worker{Ingester: in, Queue: q, Name: "w"}
			if c.stopped {
				w.Queue = stopAfterClaim{q, cancel}
			}
			worked, err := w.Once(ctx)
			cancel()
			if err != nil || !worked {
				t.Fatalf("%s: worked %v, %v", c.name, worked, err)
			}
			j, err := q.Job(context.Background(), jobs[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			if j.State != c.wantState || (c.wantStatus != "" && (j.Outcome == nil || j.Outcome.Status != c.wantStatus)) {
				t.Errorf("%s: job %s with %+v, want %s %s", c.name, j.State, j.Outcome, c.wantState, c.wantStatus)
			}
			if c.stopped {
				// settle it, as the worker that claims it next would
				if err := q.FinishJob(context.Background(), j.ID, "w", entente.JobOutcome{Status: "already have"}); err != nil {
					t.Fatal(err)
				}
			}
		}
		events, err := st.(interface {
			Events(context.Context, int64, int) ([]entente.Event, error)
		}).Events(context.Background(), 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range events {
			if e.Action == "create" && e.Entity == "document" && e.Actor != "ana" {
				t.Errorf("the queued statement was stored as %q's, want the uploader's", e.Actor)
			}
		}
		if worked, err := (&Worker{Ingester: in, Queue: q, Name: "w"}).Once(context.Background()); worked || err != nil {
			t.Errorf("an empty queue: worked %v, %v", worked, err)
		}
	})
}

// stopAfterClaim is a queue whose claim is followed by the worker's stop
// (a shutdown while it reads the job).
type stopAfterClaim struct {
	entente.JobQueue
	stop context.CancelFunc
}

func (q stopAfterClaim) ClaimJobs(ctx context.Context, worker string, lease time.Duration, most int, maxBytes int64) ([]entente.Job, error) {
	jobs, err := q.JobQueue.ClaimJobs(ctx, worker, lease, most, maxBytes)
	q.stop()
	return jobs, err
}

// TestWorkerBatch: a worker claims the queued jobs at once and settles
// each with what ingest made of it, in the queue's order: the same text
// in another form becomes another source of the document made from a job
// before it, bytes already stored are recognised, a bad upload is refused
// alone; each document and source is recorded under its own uploader,
// although the jobs of two uploaders were claimed together. A worker
// limited to one job at a time settles one.
func TestWorkerBatch(t *testing.T) {
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(corpus, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	rs, ae, aeHTML, ie := read("cn-rs-2024-joint-statement.zh.txt"), read("cn-ae-2019-joint-statement.zh.txt"),
		read("cn-ae-2019-joint-statement.zh.html"), read("us-ie-2021-joint-statement.en.txt")
	forEachStore(t, func(t *testing.T, st entente.Store) {
		q := st.(entente.JobQueue)
		in := newIngester(t, st)
		ana := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "ana", Via: "api"})
		ben := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "ben", Via: "web"})
		type upload struct {
			ctx        context.Context
			who        string
			name       string
			data       []byte
			wantStatus Status
			sameDocAs  int // the job (by place, from 1) whose document it is; 0 for none
		}
		uploads := []upload{
			{ana, "ana", "rs.txt", rs, Added, 0},
			{ana, "ana", "ae.txt", ae, Added, 0},
			{ana, "ana", "ae.html", aeHTML, NewSource, 2},
			{ben, "ben", "ie.txt", ie, Added, 0},
			{ben, "ben", "rs-again.txt", rs, AlreadyHave, 1},
			{ben, "ben", "junk.bin", []byte("\x00\x01\x02\x03"), Refused, 0},
			{ana, "ana", "one-more.txt", []byte("\x00\x09"), Refused, 0},
		}
		var ids []int64
		for _, u := range uploads {
			jobs, err := q.EnqueueJobs(u.ctx, []entente.NewJob{{Name: u.name, Data: u.data}})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, jobs[0].ID)
		}
		if worked, err := (&Worker{Ingester: in, Queue: q, Name: "w"}).Once(context.Background()); !worked || err != nil {
			t.Fatalf("worked %v, %v", worked, err)
		}
		docs := make([]int64, len(uploads))
		who := map[int64]string{} // document id: its uploader
		for i, u := range uploads {
			j, err := q.Job(context.Background(), ids[i])
			if err != nil {
				t.Fatal(err)
			}
			if j.State != entente.JobDone || j.Outcome == nil || j.Outcome.Status != string(u.wantStatus) {
				t.Errorf("%s: %s with %+v, want done %s", u.name, j.State, j.Outcome, u.wantStatus)
				continue
			}
			docs[i] = j.Outcome.DocumentID
			if u.sameDocAs > 0 && docs[i] != docs[u.sameDocAs-1] {
				t.Errorf("%s: document %d, want %d (%s's)", u.name, docs[i], docs[u.sameDocAs-1], uploads[u.sameDocAs-1].name)
			}
			if u.wantStatus == Added {
				who[docs[i]] = u.who
			}
		}
		if len(who) != 3 {
			t.Errorf("%d documents made, want 3", len(who))
		}
		events, err := st.(interface {
			Events(context.Context, int64, int) ([]entente.Event, error)
		}).Events(context.Background(), 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		created := 0
		for _, e := range events {
			if e.Action == "create" && e.Entity == "document" {
				created++
				if want := who[e.EntityID]; e.Actor != want {
					t.Errorf("document %d recorded as %q's, want %q's", e.EntityID, e.Actor, want)
				}
			}
		}
		if created != 3 {
			t.Errorf("%d documents' create events, want 3", created)
		}

		// one at a time
		more, err := q.EnqueueJobs(ana, []entente.NewJob{{Name: "x.bin", Data: []byte{0}}, {Name: "y.bin", Data: []byte{1}}})
		if err != nil {
			t.Fatal(err)
		}
		if worked, err := (&Worker{Ingester: in, Queue: q, Name: "w", Batch: 1}).Once(context.Background()); !worked || err != nil {
			t.Fatalf("worked %v, %v", worked, err)
		}
		for i, want := range []entente.JobState{entente.JobDone, entente.JobQueued} {
			if j, err := q.Job(context.Background(), more[i].ID); err != nil || j.State != want {
				t.Errorf("a worker of one job at a time: job %d %+v, %v; want %s", i, j, err, want)
			}
		}
	})
}

// TestBatchInputs: inputs in memory are ingested as the same inputs named
// as files are: the same outcome for each, in the same order (the forms of
// one statement become one document's sources, bytes given twice are
// recognised, a bad input is refused alone), and the same documents.
func TestBatchInputs(t *testing.T) {
	names := []string{"cn-ae-2019-joint-statement.zh.txt", "cn-rs-2024-joint-statement.zh.txt",
		"cn-ae-2019-joint-statement.zh.html", "cn-ae-2019-joint-statement.zh.gb18030.txt",
		"cn-ae-2019-joint-statement.zh.utf16le.txt", "cn-ae-2019-joint-statement.zh.docx",
		"cn-rs-2024-joint-statement.zh.txt", "us-ie-2021-joint-statement.en.txt"}
	dir := t.TempDir()
	var paths []string
	var inputs []Input
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(corpus, n))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, n)
		if len(paths) == 6 { // the same bytes under another name
			p = filepath.Join(dir, "again-"+n)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
		inputs = append(inputs, Input{Name: p, Data: b})
	}
	junk := filepath.Join(dir, "junk.bin")
	if err := os.WriteFile(junk, []byte("\x00\x01\x02\x03"), 0o644); err != nil {
		t.Fatal(err)
	}
	paths, inputs = append(paths, junk), append(inputs, Input{Name: junk, Data: []byte("\x00\x01\x02\x03")})
	forEachStore(t, func(t *testing.T, named entente.Store) {
		var fromFiles []Outcome
		sumFiles := newIngester(t, named).Batch(context.Background(), paths, nil, func(o Outcome) { fromFiles = append(fromFiles, o) })
		held, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "held.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { held.Close() })
		var fromMemory []Outcome
		sumMemory := newIngester(t, held).BatchInputs(context.Background(), inputs, func(o Outcome) { fromMemory = append(fromMemory, o) })
		if sumFiles != sumMemory || sumMemory.Added != 3 || sumMemory.Refused != 1 {
			t.Errorf("summaries: files %+v, memory %+v; want the same, 3 added and 1 refused", sumFiles, sumMemory)
		}
		if len(fromMemory) != len(inputs) {
			t.Fatalf("%d outcomes for %d inputs", len(fromMemory), len(inputs))
		}
		for i := range fromMemory {
			f, m := fromFiles[i], fromMemory[i]
			if f.Name != m.Name || f.Status != m.Status || f.DocumentID != m.DocumentID || f.Title != m.Title {
				t.Errorf("input %d: from a file %s %s doc %d, from memory %s %s doc %d", i, f.Name, f.Status, f.DocumentID, m.Name, m.Status, m.DocumentID)
			}
		}
	})
}

// TestWorkerRetriesAlone: jobs a worker held when it stopped are read one
// at a time by the next, so that an upload that brought a process down
// costs no other job an attempt again; each is read once its turn comes.
func TestWorkerRetriesAlone(t *testing.T) {
	forEachStore(t, func(t *testing.T, st entente.Store) {
		q := st.(entente.JobQueue)
		in := newIngester(t, st)
		ana := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "ana", Via: "api"})
		jobs, err := q.EnqueueJobs(ana, []entente.NewJob{{Name: "a.bin", Data: []byte{0}}, {Name: "b.bin", Data: []byte{1}}, {Name: "c.bin", Data: []byte{2}}})
		if err != nil {
			t.Fatal(err)
		}
		// a worker claims all three and stops (its lease already over)
		if held, err := q.ClaimJobs(context.Background(), "gone", -time.Second, 10, 0); err != nil || len(held) != 3 {
			t.Fatalf("claimed %d, %v", len(held), err)
		}
		w := &Worker{Ingester: in, Queue: q, Name: "w"}
		for turn := range jobs {
			if worked, err := w.Once(context.Background()); !worked || err != nil {
				t.Fatalf("turn %d: worked %v, %v", turn, worked, err)
			}
			for k, j := range jobs {
				got, err := q.Job(context.Background(), j.ID)
				if err != nil {
					t.Fatal(err)
				}
				if done := got.State == entente.JobDone; done != (k <= turn) {
					t.Errorf("after turn %d: job %d %s", turn, k, got.State)
				}
			}
		}
	})
}
