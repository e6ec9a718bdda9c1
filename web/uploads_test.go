package web

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
)

// TestUploadFormQueued: on a server that queues uploads, the library's form
// answers at once with the library, which lists the caller's uploads while
// they are read and then with their outcomes; the document a worker
// stored is recorded under the account that uploaded it, and another
// account does not see the upload.
func TestUploadFormQueued(t *testing.T) {
	st := openSQLite(t)
	h := newHarnessWith(t, st, Config{PasswordParams: auth.Fast, Workers: 1, JobPoll: 20 * time.Millisecond})
	client := func(user string) *http.Client {
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar}
		resp, err := c.PostForm(h.ts.URL+"/login", url.Values{"name": {user}, "password": {testPassword}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return c
	}
	get := func(c *http.Client, path string) string {
		resp, err := c.Get(h.ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	analyst := client("analyst-user")
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for name, content := range map[string]string{
		"rs.txt":    string(readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")),
		"empty.txt": "",
	} {
		w, _ := mw.CreateFormFile("files", name)
		w.Write([]byte(content))
	}
	mw.Close()
	resp, err := analyst.Post(h.ts.URL+"/upload", mw.FormDataContentType(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	// the form is answered by the library (after a redirect), which names
	// both files whatever their state
	if resp.StatusCode != 200 || resp.Request.URL.Path != "/" || !strings.Contains(string(b), "rs.txt</strong>") ||
		!strings.Contains(string(b), "empty.txt</strong>") {
		t.Fatalf("queued upload: %d at %s\n%s", resp.StatusCode, resp.Request.URL, clip(b))
	}

	var body string
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if body = get(analyst, "/"); !strings.Contains(body, textsZH.UploadsPending) && !strings.Contains(body, textsEN.UploadsPending) {
			break
		}
	}
	for _, want := range []string{"rs.txt</strong>: added", "empty.txt</strong>: refused", `href="/documents/1"`} {
		if !strings.Contains(body, want) {
			t.Errorf("the library after the workers read the uploads lacks %q:\n%s", want, clip([]byte(body)))
		}
	}
	if other := get(client("editor-user"), "/"); strings.Contains(other, "rs.txt</strong>") {
		t.Errorf("another account's library lists the analyst's upload")
	}

	_, data := h.do(entente.RoleAdmin, "GET", "/api/v1/events", nil, "")
	var log struct{ Events []entente.Event }
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	created := 0
	for _, e := range log.Events {
		if e.Action == "create" && e.Entity == "document" {
			created++
			if e.Actor != "analyst-user" || e.UserID != h.users[entente.RoleAnalyst].ID {
				t.Errorf("the queued upload is logged as %q (user %d), want analyst-user", e.Actor, e.UserID)
			}
		}
	}
	if created != 1 {
		t.Errorf("%d documents created in the event log, want 1", created)
	}
}

// TestQueuedUploadAnswersOnSettle: POST /api/v1/documents on a server that
// queues uploads answers as soon as this server's worker settles the jobs,
// not at its next look at them (here ten seconds away).
func TestQueuedUploadAnswersOnSettle(t *testing.T) {
	st := openSQLite(t)
	h := newHarnessWith(t, st, Config{PasswordParams: auth.Fast, Workers: 1, JobPoll: 20 * time.Millisecond})
	h.srv.queue.poll = 10 * time.Second
	start := time.Now()
	resp, data := h.upload(entente.RoleAnalyst, map[string][]byte{
		"rs.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt"),
		"ae.txt": readCorpus(t, "cn-ae-2019-joint-statement.zh.txt"),
	})
	took := time.Since(start)
	var got struct {
		Outcomes []struct{ Status string } `json:"outcomes"`
	}
	if err := json.Unmarshal(data, &got); err != nil || resp.StatusCode != http.StatusOK || len(got.Outcomes) != 2 ||
		got.Outcomes[0].Status != "added" || got.Outcomes[1].Status != "added" {
		t.Fatalf("upload: %d %s (%v)", resp.StatusCode, clip(data), err)
	}
	if took > 5*time.Second {
		t.Errorf("the upload was answered after %v: at the waiter's next look, not when its jobs were settled", took)
	}
}
