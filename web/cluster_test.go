package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/lexicon"
	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
)

// sibling returns a second server like h's on its own store st (its own
// connection pool), as a second `entente serve` process on the same
// database would be; the accounts and tokens are the database's, so h's
// tokens work on both.
//
// Uploads go through the queue in the database; the sibling runs workers
// named name (none when workers is 0: it only queues).
func (h *harness) sibling(t *testing.T, st fullStore, name string, workers int) *harness {
	t.Helper()
	countries, err := lexicon.LoadCountries()
	if err != nil {
		t.Fatal(err)
	}
	srv, err := New(Config{Store: st, PasswordParams: auth.Fast, Filters: entente.NewFilterParser(countries),
		Ingester: &ingest.Ingester{Store: st, Extractor: sharedExtractor(t), ExtractorName: "test"},
		Queue:    st.(entente.JobQueue), Workers: workers, WorkerName: name, JobLease: time.Second, JobPoll: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close(context.Background()) })
	o := *h
	o.t, o.srv, o.store = t, srv, st
	o.ts = httptest.NewServer(srv.Handler())
	t.Cleanup(o.ts.Close)
	o.router = openAPIRouter(t, o.ts.URL)
	return &o
}

// TestTwoServersOnePostgres runs two servers, each with its own store, on
// one PostgreSQL database: the same statement uploaded to both at once
// (the same bytes, and the same text in two forms) gives one document; a
// status set on one is seen on the other, and a change made on the other
// against the old revision is refused; and a reader that follows the event
// log while both servers write never sees an event appear behind its
// cursor.
func TestTwoServersOnePostgres(t *testing.T) {
	dsn := pgtest.DSN(t)
	open := func() fullStore {
		st, err := postgres.Open(context.Background(), dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	// A worker that claimed an upload and stopped (the process crashed)
	// before either server started: its job is claimed again once its
	// lease ends, by one of theirs.
	stA := open()
	crashed := enqueueAndAbandon(t, stA, "crashed.txt", readCorpus(t, "cn-rs-2024-joint-statement.zh.txt"))

	queued := func(name string, workers int) Config {
		return Config{PasswordParams: auth.Fast, Queue: stA.(entente.JobQueue), Workers: workers, WorkerName: name,
			JobLease: time.Second, JobPoll: 50 * time.Millisecond}
	}
	a := newHarnessWith(t, stA, queued("a", 1))
	b := a.sibling(t, open(), "b", 1)
	servers := []*harness{a, b}

	// The same uploads on both servers at once.
	rs := readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")
	txt := readCorpus(t, "cn-ae-2019-joint-statement.zh.txt")
	html := readCorpus(t, "cn-ae-2019-joint-statement.zh.html")
	race := func(files ...map[string][]byte) []UploadOutcome {
		var (
			wg  sync.WaitGroup
			mu  sync.Mutex
			out []UploadOutcome
		)
		start := make(chan struct{})
		for i, h := range servers {
			wg.Go(func() {
				<-start
				resp, data := h.upload(entente.RoleAnalyst, files[i])
				var res UploadResult
				if resp.StatusCode != http.StatusOK || json.Unmarshal(data, &res) != nil {
					t.Errorf("upload to server %d: %d %s", i, resp.StatusCode, clip(data))
					return
				}
				mu.Lock()
				out = append(out, res.Outcomes...)
				mu.Unlock()
			})
		}
		close(start)
		wg.Wait()
		return out
	}
	var rsDoc int64
	for round, files := range [][]map[string][]byte{
		{{"rs.txt": rs}, {"rs.txt": rs}},     // the same bytes
		{{"ae.txt": txt}, {"ae.html": html}}, // the same new text in two forms
	} {
		outcomes := race(files...)
		docs := map[int64]bool{}
		for _, o := range outcomes {
			if o.Status == string(ingest.Refused) || o.DocumentID == 0 {
				t.Errorf("round %d: %+v", round, o)
			}
			docs[o.DocumentID] = true
		}
		if len(docs) != 1 {
			t.Errorf("round %d: the racing uploads made documents %v, want one", round, docs)
		}
		if round == 0 {
			rsDoc = outcomes[0].DocumentID
		}
	}
	for i, h := range servers {
		resp, data := h.do(entente.RoleViewer, "GET", "/api/v1/documents", nil, "")
		var list struct {
			Total int `json:"total"`
		}
		if resp.StatusCode != 200 || json.Unmarshal(data, &list) != nil || list.Total != 2 {
			t.Errorf("server %d lists %s, want two documents", i, clip(data))
		}
	}

	// Uploads queued on a server that runs no worker are read by the
	// others' workers; the answer comes at once, the outcome by polling.
	front := a.sibling(t, open(), "front", 0)
	lots := map[string][]byte{
		"ae.docx":   readCorpus(t, "cn-ae-2019-joint-statement.zh.docx"),
		"ae-gb.txt": readCorpus(t, "cn-ae-2019-joint-statement.zh.gb18030.txt"),
		"rs.txt":    rs,
		"bad.txt":   []byte("\x00\x01 not a statement"),
	}
	resp, data := front.queueUploads(entente.RoleAnalyst, lots)
	var queuedJobs UploadJobs
	if resp.StatusCode != http.StatusAccepted || json.Unmarshal(data, &queuedJobs) != nil || len(queuedJobs.Jobs) != len(lots) ||
		resp.Header.Get("Location") != fmt.Sprintf("/api/v1/uploads/%d", queuedJobs.Jobs[0].ID) {
		t.Fatalf("queue uploads on the front server: %d %s", resp.StatusCode, clip(data))
	}
	for _, j := range queuedJobs.Jobs {
		if j.State != entente.JobQueued || j.Actor.Name != a.users[entente.RoleAnalyst].Name {
			t.Errorf("queued job %+v", j)
		}
		got := waitJob(t, front, j.ID)
		want := map[string]string{"ae.docx": "new source", "ae-gb.txt": "new source", "rs.txt": "already have", "bad.txt": "refused"}[j.Name]
		if got.Outcome == nil || got.Outcome.Status != want || (want != "refused" && got.Outcome.DocumentID == 0) {
			t.Errorf("%s settled as %+v, want %s", j.Name, got.Outcome, want)
		}
		if got.Worker != "a/0" && got.Worker != "b/0" {
			t.Errorf("%s was read by %q, not by a worker of the servers that run them", j.Name, got.Worker)
		}
	}
	// the same bytes as rs.txt: stored by whichever came first
	if got := waitJob(t, a, crashed); got.Attempts != 2 || (got.Worker != "a/0" && got.Worker != "b/0") || got.Outcome == nil ||
		got.Outcome.DocumentID != rsDoc {
		t.Errorf("the job a stopped worker held settled as %+v (outcome %+v), want document %d read by another worker on its second claim",
			got, got.Outcome, rsDoc)
	}
	// The same file queued on two servers at once is one document.
	same := readCorpus(t, "cn-ae-2019-joint-statement.zh.utf16le.txt")
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		docs = map[int64]int{}
	)
	for _, h := range servers {
		wg.Go(func() {
			resp, data := h.queueUploads(entente.RoleAnalyst, map[string][]byte{"same.txt": same})
			var jobs UploadJobs
			if resp.StatusCode != http.StatusAccepted || json.Unmarshal(data, &jobs) != nil || len(jobs.Jobs) != 1 {
				t.Errorf("queue the same file: %d %s", resp.StatusCode, clip(data))
				return
			}
			got := waitJob(t, h, jobs.Jobs[0].ID)
			mu.Lock()
			docs[got.Outcome.DocumentID]++
			mu.Unlock()
		})
	}
	wg.Wait()
	if len(docs) != 1 || docs[0] != 0 {
		t.Errorf("the same file queued on both servers gave documents %v, want one", docs)
	}

	// A document one server answers from its cache is answered anew once
	// the other has changed it (another source, uploaded to the other).
	doc := fmt.Sprintf("/api/v1/documents/%d", rsDoc)
	_, before := a.do(entente.RoleViewer, "GET", doc, nil, "")
	if resp, data := b.upload(entente.RoleAnalyst, map[string][]byte{"rs-again.txt": append([]byte("\ufeff"), rs...)}); resp.StatusCode != 200 ||
		!strings.Contains(string(data), "new source") {
		t.Fatalf("another source on server 1: %d %s", resp.StatusCode, clip(data))
	}
	if _, after := a.do(entente.RoleViewer, "GET", doc, nil, ""); !strings.Contains(string(after), "rs-again.txt") || bytes.Equal(before, after) {
		t.Errorf("server 0 still answers the document as before server 1 added a source to it")
	}

	// A status set on one server is seen on the other: in the
	// commitment's page, and in the other's commitments table, whose
	// index it read before the change.
	if resp, data := b.do(entente.RoleViewer, "GET", "/api/v1/commitments?status=in_progress", nil, ""); resp.StatusCode != 200 ||
		!strings.Contains(string(data), `"total":0`) {
		t.Fatalf("server 1's table before the status: %d %s", resp.StatusCode, clip(data))
	}
	s := fmt.Sprintf("/api/v1/documents/%d/sentences/s12", rsDoc)
	resp, data = a.do(entente.RoleAnalyst, "POST", s+"/evidence", jsonBody(map[string]any{"title": "Talks held", "publisher": "MFA"}), "application/json")
	var ev entente.Evidence
	if resp.StatusCode != 201 || json.Unmarshal(data, &ev) != nil {
		t.Fatalf("add evidence on server 0: %d %s", resp.StatusCode, clip(data))
	}
	body := map[string]any{"status": "in_progress", "evidence_id": ev.ID, "reason": "under way"}
	resp, data = a.doHeader(entente.RoleAnalyst, "PUT", s+"/status", jsonBody(body), map[string]string{"If-Match": `"0"`})
	if resp.StatusCode != 200 {
		t.Fatalf("set status on server 0: %d %s", resp.StatusCode, clip(data))
	}
	resp, data = b.do(entente.RoleViewer, "GET", s+"/tracking", nil, "")
	if resp.StatusCode != 200 || resp.Header.Get("ETag") != `"1"` || !strings.Contains(string(data), "in_progress") {
		t.Errorf("server 1 reads the commitment as %s (ETag %s), want in_progress at revision 1", clip(data), resp.Header.Get("ETag"))
	}
	if resp, data := b.do(entente.RoleViewer, "GET", "/api/v1/commitments?status=in_progress", nil, ""); resp.StatusCode != 200 ||
		!strings.Contains(string(data), `"total":1`) || !strings.Contains(string(data), `"s12"`) {
		t.Errorf("server 1's table after the status set on server 0: %d %s", resp.StatusCode, clip(data))
	}
	body["status"] = "stalled"
	resp, data = b.doHeader(entente.RoleEditor, "PUT", s+"/status", jsonBody(body), map[string]string{"If-Match": `"0"`})
	if resp.StatusCode != http.StatusConflict {
		t.Errorf("a change on server 1 against the revision server 0 replaced: %d %s", resp.StatusCode, clip(data))
	}

	// Both servers write while a reader follows the event log.
	var (
		writers sync.WaitGroup
		done    = make(chan struct{})
	)
	for i, h := range servers {
		writers.Go(func() {
			for j := range 15 {
				resp, data := h.do(entente.RoleAnalyst, "POST", s+"/evidence",
					jsonBody(map[string]any{"title": fmt.Sprintf("report %d from server %d", j, i), "publisher": "MFA"}), "application/json")
				if resp.StatusCode != 201 {
					t.Errorf("add evidence on server %d: %d %s", i, resp.StatusCode, clip(data))
					return
				}
			}
		})
	}
	go func() { writers.Wait(); close(done) }()
	follow := func(h *harness, after int64) []entente.Event {
		resp, data := h.do(entente.RoleAdmin, "GET", fmt.Sprintf("/api/v1/events?after=%d&limit=1000", after), nil, "")
		var list EventList
		if resp.StatusCode != 200 || json.Unmarshal(data, &list) != nil {
			t.Fatalf("events: %d %s", resp.StatusCode, clip(data))
		}
		return list.Events
	}
	var seen []int64
	var cursor int64
	for finished := false; !finished; {
		select {
		case <-done:
			finished = true // one more read after the last write
		default:
		}
		for _, e := range follow(servers[len(seen)%2], cursor) {
			seen = append(seen, e.Seq)
			cursor = e.Seq
		}
	}
	var all []int64
	for _, e := range follow(a, 0) {
		all = append(all, e.Seq)
	}
	if !slices.IsSorted(all) {
		t.Errorf("the event log is not in order: %v", all)
	}
	if !slices.Equal(seen, all) {
		t.Errorf("following the log while both servers wrote saw %d events, the log holds %d: an event appeared behind the reader",
			len(seen), len(all))
	}
}

// enqueueAndAbandon queues an upload in st and claims it as a worker that
// then stops, as a crashed server's would: its lease ends a second later.
func enqueueAndAbandon(t *testing.T, st fullStore, name string, data []byte) int64 {
	t.Helper()
	q := st.(entente.JobQueue)
	ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "uploader", Via: "api"})
	jobs, err := q.EnqueueJobs(ctx, []entente.NewJob{{Name: name, Data: data}})
	if err != nil {
		t.Fatal(err)
	}
	j, err := q.ClaimJob(ctx, "dead", time.Second)
	if err != nil || j.ID != jobs[0].ID {
		t.Fatalf("the dead worker claims %+v: %v", j, err)
	}
	return j.ID
}

// waitJob polls an upload on h until it is settled.
func waitJob(t *testing.T, h *harness, id int64) entente.Job {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		resp, data := h.do(entente.RoleEditor, "GET", fmt.Sprintf("/api/v1/uploads/%d", id), nil, "")
		var j entente.Job
		if resp.StatusCode != http.StatusOK || json.Unmarshal(data, &j) != nil {
			t.Fatalf("poll upload %d: %d %s", id, resp.StatusCode, clip(data))
		}
		if j.State == entente.JobDone || time.Now().After(deadline) {
			if j.State != entente.JobDone {
				t.Fatalf("upload %d is still %s after two minutes", id, j.State)
			}
			return j
		}
		time.Sleep(50 * time.Millisecond)
	}
}
