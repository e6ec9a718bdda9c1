package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/cookiejar"
	"slices"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
)

// policy is the expected access of every operation: the least role that
// may use it, "public" or "signed-in". An operation the server registers
// without an entry here fails the test, so no route ships without a rule.
var policy = map[string]access{
	"list-documents":   access(entente.RoleViewer),
	"upload-documents": access(entente.RoleAnalyst),
	"queue-uploads":    access(entente.RoleAnalyst),
	"list-uploads":     access(entente.RoleAnalyst),
	"get-upload":       access(entente.RoleAnalyst),
	"get-document":     access(entente.RoleViewer),
	"list-sentences":   access(entente.RoleViewer),
	"delete-document":  access(entente.RoleEditor),
	"get-original":     access(entente.RoleViewer),
	"search":           access(entente.RoleViewer),
	"login":            accessPublic,
	"healthz":          accessPublic,
	"readyz":           accessPublic,
	"get-session":      accessSignedIn,
	"logout":           accessSignedIn,
	"list-tokens":      accessSignedIn,
	"create-token":     accessSignedIn,
	"revoke-token":     accessSignedIn,
	"change-password":  accessSignedIn,
	"list-users":       access(entente.RoleAdmin),
	"list-events":      access(entente.RoleAdmin),
}

// TestAuthorizationMatrix calls every registered route as anonymous,
// viewer, analyst, editor and admin, and checks each answer against policy.
//
// The server queues uploads (a worker reads them), so that the queue's
// operations answer as they do in production.
func TestAuthorizationMatrix(t *testing.T) {
	forEachStoreWith(t, Config{PasswordParams: auth.Fast, Workers: 1}, func(t *testing.T, h *harness) {
		if resp, data := h.upload(entente.RoleAdmin, map[string][]byte{"rs.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")}); resp.StatusCode != 200 {
			t.Fatalf("upload: %d %s", resp.StatusCode, data)
		}
		requests := map[string]func(role entente.Role) (*http.Response, []byte){
			"list-documents": func(r entente.Role) (*http.Response, []byte) {
				return h.do(r, "GET", "/api/v1/documents", nil, "")
			},
			"upload-documents": func(r entente.Role) (*http.Response, []byte) {
				return h.upload(r, map[string][]byte{"again.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")})
			},
			"queue-uploads": func(r entente.Role) (*http.Response, []byte) {
				return h.queueUploads(r, map[string][]byte{"queued.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")})
			},
			"list-uploads": func(r entente.Role) (*http.Response, []byte) {
				return h.do(r, "GET", "/api/v1/uploads?all=true", nil, "")
			},
			// the admin's upload: an analyst is answered 404, not refused
			"get-upload":   func(r entente.Role) (*http.Response, []byte) { return h.do(r, "GET", "/api/v1/uploads/1", nil, "") },
			"get-document": func(r entente.Role) (*http.Response, []byte) { return h.do(r, "GET", "/api/v1/documents/1", nil, "") },
			"list-sentences": func(r entente.Role) (*http.Response, []byte) {
				return h.do(r, "GET", "/api/v1/documents/1/sentences?offset=5&limit=10", nil, "")
			},
			"get-original": func(r entente.Role) (*http.Response, []byte) {
				return h.do(r, "GET", "/api/v1/sources/1/original", nil, "")
			},
			"search": func(r entente.Role) (*http.Response, []byte) {
				return h.do(r, "GET", "/api/v1/search?q=%E9%93%81%E8%B7%AF", nil, "")
			},
			"get-session": func(r entente.Role) (*http.Response, []byte) { return h.do(r, "GET", "/api/v1/session", nil, "") },
			"logout":      func(r entente.Role) (*http.Response, []byte) { return h.do(r, "DELETE", "/api/v1/session", nil, "") },
			"list-tokens": func(r entente.Role) (*http.Response, []byte) { return h.do(r, "GET", "/api/v1/tokens", nil, "") },
			"create-token": func(r entente.Role) (*http.Response, []byte) {
				return h.do(r, "POST", "/api/v1/tokens", jsonBody(map[string]string{"name": "x"}), "application/json")
			},
			"revoke-token": func(r entente.Role) (*http.Response, []byte) { return h.do(r, "DELETE", "/api/v1/tokens/999", nil, "") },
			"list-users":   func(r entente.Role) (*http.Response, []byte) { return h.do(r, "GET", "/api/v1/users", nil, "") },
			"list-events":  func(r entente.Role) (*http.Response, []byte) { return h.do(r, "GET", "/api/v1/events", nil, "") },
			"delete-document": func(r entente.Role) (*http.Response, []byte) {
				return h.do(r, "DELETE", "/api/v1/documents/1", nil, "")
			},
			"healthz": func(r entente.Role) (*http.Response, []byte) { return h.do(r, "GET", "/healthz", nil, "") },
			"readyz":  func(r entente.Role) (*http.Response, []byte) { return h.do(r, "GET", "/readyz", nil, "") },
			"change-password": func(r entente.Role) (*http.Response, []byte) {
				return h.do(r, "POST", "/api/v1/password", jsonBody(map[string]string{"current": testPassword, "new": "a new password for " + string(r)}), "application/json")
			},
			"login": func(r entente.Role) (*http.Response, []byte) {
				return h.do(r, "POST", "/api/v1/session", jsonBody(map[string]string{"name": "viewer-user", "password": testPassword}), "application/json")
			},
		}
		maps.Copy(requests, trackingRequests(h))
		maps.Copy(requests, compareRequests(h))
		maps.Copy(requests, registryRequests(h))
		// every registered operation has a rule and a request
		for _, item := range h.srv.API().OpenAPI().Paths {
			for _, op := range []*huma.Operation{item.Get, item.Put, item.Post, item.Delete, item.Options, item.Head, item.Patch} {
				if op == nil {
					continue
				}
				if _, ok := policy[op.OperationID]; !ok {
					t.Errorf("operation %s has no rule in the policy table", op.OperationID)
				}
				if _, ok := requests[op.OperationID]; !ok {
					t.Errorf("operation %s has no request in the matrix", op.OperationID)
				}
			}
		}
		// delete late: it removes the document the others read; a password
		// change last: it revokes the caller's token
		order := []string{"healthz", "readyz", "list-documents", "upload-documents", "queue-uploads", "list-uploads", "get-upload", "get-document", "list-sentences", "get-original", "search", "get-session",
			"list-tokens", "create-token", "revoke-token", "list-users", "list-events", "login", "logout"}
		order = append(order, trackingOrder...)
		order = append(order, compareOrder...)
		order = append(order, registryOrder...)
		order = append(order, "delete-document", "purge-document", "change-password")
		callers := append([]entente.Role{""}, entente.Roles...)
		for _, id := range order {
			for _, role := range callers {
				resp, data := requests[id](role)
				want := h.srv.allowed(policy[id], h.users[role])
				got := resp.StatusCode != http.StatusUnauthorized && resp.StatusCode != http.StatusForbidden
				if got != want {
					t.Errorf("%s as %q: status %d, allowed=%v want %v\n%s", id, role, resp.StatusCode, got, want, clip(data))
				}
				if !got && !isProblem(resp, data) {
					t.Errorf("%s as %q: a refusal that is not a problem document: %s", id, role, clip(data))
				}
			}
		}
	})
}

// TestSessions signs in with a cookie, uses it, signs out (the session ends
// on the server), and shows that a disabled account's cookie opens nothing.
func TestSessions(t *testing.T) {
	forEachStore(t, func(t *testing.T, h *harness) {
		jar, _ := cookiejar.New(nil)
		c := h.ts.Client()
		c.Jar = jar
		post := func(path string, body any) *http.Response {
			resp, err := c.Post(h.ts.URL+path, "application/json", jsonBody(body))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			return resp
		}
		get := func(path string) int {
			resp, err := c.Get(h.ts.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			return resp.StatusCode
		}
		resp := post("/api/v1/session", map[string]string{"name": "analyst-user", "password": testPassword})
		if resp.StatusCode != 200 {
			t.Fatalf("login: %d", resp.StatusCode)
		}
		ck := resp.Header.Get("Set-Cookie")
		for _, attr := range []string{"HttpOnly", "SameSite=Lax", SessionCookie + "="} {
			if !strings.Contains(ck, attr) {
				t.Errorf("session cookie %q lacks %s", ck, attr)
			}
		}
		if code := get("/api/v1/documents"); code != 200 {
			t.Errorf("with the session: %d", code)
		}
		// a stolen copy of the cookie keeps working only until logout
		stolen := jar.Cookies(resp.Request.URL)
		req, _ := http.NewRequest("DELETE", h.ts.URL+"/api/v1/session", nil)
		if r, err := c.Do(req); err != nil || r.StatusCode != 204 {
			t.Fatalf("logout: %v %v", r, err)
		}
		req, _ = http.NewRequest("GET", h.ts.URL+"/api/v1/documents", nil)
		for _, k := range stolen {
			req.AddCookie(k)
		}
		if r, _ := http.DefaultClient.Do(req); r.StatusCode != 401 {
			t.Errorf("a cookie after logout: %d, want 401", r.StatusCode)
		}
		// a disabled account: its live session stops working
		post("/api/v1/session", map[string]string{"name": "editor-user", "password": testPassword})
		if err := h.store.SetDisabled(t.Context(), h.users[entente.RoleEditor].ID, true); err != nil {
			t.Fatal(err)
		}
		if code := get("/api/v1/documents"); code != 401 {
			t.Errorf("a disabled account's session: %d, want 401", code)
		}
		// wrong passwords are throttled per account
		for i := 0; i < 6; i++ {
			post("/api/v1/session", map[string]string{"name": "admin-user", "password": "wrong password " + fmt.Sprint(i)})
		}
		if r := post("/api/v1/session", map[string]string{"name": "admin-user", "password": testPassword}); r.StatusCode != 429 {
			t.Errorf("after repeated failures: %d, want 429", r.StatusCode)
		}
	})
}

// TestBadRequests: each bad request gets a 4xx problem document and
// changes nothing.
func TestBadRequests(t *testing.T) {
	forEachStore(t, func(t *testing.T, h *harness) {
		cases := []struct {
			name, method, path, body, ctype string
			want                            int
		}{
			{"malformed JSON", "POST", "/api/v1/tokens", `{"name":`, "application/json", 400},
			{"unknown field", "POST", "/api/v1/tokens", `{"name":"a","admin":true}`, "application/json", 422},
			{"wrong content type", "POST", "/api/v1/tokens", `name=a`, "application/x-www-form-urlencoded", 415},
			{"invalid id", "GET", "/api/v1/documents/abc", "", "", 422},
			{"negative id", "GET", "/api/v1/documents/-4", "", "", 422},
			{"missing document", "GET", "/api/v1/documents/424242", "", "", 404},
			{"bad date", "GET", "/api/v1/documents?from=yesterday", "", "", 422},
			{"unknown kind", "GET", "/api/v1/documents?kind=treaty_of_sorts", "", "", 422},
			{"a kind", "GET", "/api/v1/documents?kind=mou", "", "", 200},
			{"unknown type", "GET", "/api/v1/search?q=a&type=promise", "", "", 422},
			{"unknown strength", "GET", "/api/v1/search?q=a&strength=strong", "", "", 422},
			{"a strength", "GET", "/api/v1/search?q=a&strength=firm", "", "", 200},
			{"limit too large", "GET", "/api/v1/search?q=a&limit=100000", "", "", 422},
			{"empty query", "GET", "/api/v1/search?q=", "", "", 422},
			{"upload without files", "POST", "/api/v1/documents", "", "multipart/form-data; boundary=x", 422},
			{"oversized body", "POST", "/api/v1/tokens", `{"name":"` + strings.Repeat("a", 2<<20) + `"}`, "application/json", 413},
		}
		before, _ := h.store.Events(t.Context(), 0, 1000)
		for _, tc := range cases {
			var body *bytes.Reader
			if tc.body != "" {
				body = bytes.NewReader([]byte(tc.body))
			} else {
				body = bytes.NewReader(nil)
			}
			resp, data := h.do(entente.RoleAdmin, tc.method, tc.path, body, tc.ctype)
			if resp.StatusCode != tc.want {
				t.Errorf("%s: status %d, want %d: %s", tc.name, resp.StatusCode, tc.want, clip(data))
			}
			if resp.StatusCode >= 400 && !isProblem(resp, data) {
				t.Errorf("%s: not a problem document: %s", tc.name, clip(data))
			}
		}
		after, _ := h.store.Events(t.Context(), 0, 1000)
		if len(after) != len(before) {
			t.Errorf("bad requests changed the event log: %d → %d events", len(before), len(after))
		}
		// a path in an uploaded file's name never leaves its place
		resp, data := h.upload(entente.RoleAnalyst, map[string][]byte{"../../etc/passwd.txt": []byte("双方同意加强合作。")})
		var res UploadResult
		if resp.StatusCode != 200 || json.Unmarshal(data, &res) != nil || len(res.Outcomes) != 1 || res.Outcomes[0].Name != "passwd.txt" {
			t.Errorf("upload with a path in its name: %d %s", resp.StatusCode, clip(data))
		}
	})
}

// TestUploadOutcomes: several files in one request, each with its outcome,
// the changes in the event log under the account that made them.
func TestUploadOutcomes(t *testing.T) {
	forEachStore(t, func(t *testing.T, h *harness) {
		resp, data := h.upload(entente.RoleAnalyst, map[string][]byte{
			"ae.txt":    readCorpus(t, "cn-ae-2019-joint-statement.zh.txt"),
			"ae.html":   readCorpus(t, "cn-ae-2019-joint-statement.zh.html"),
			"empty.txt": {},
		})
		var res UploadResult
		if resp.StatusCode != 200 || json.Unmarshal(data, &res) != nil {
			t.Fatalf("upload: %d %s", resp.StatusCode, clip(data))
		}
		if res.Summary.Added != 1 || res.Summary.NewSources != 1 || res.Summary.Refused != 1 {
			t.Errorf("summary %+v", res.Summary)
		}
		events, err := h.store.Events(t.Context(), 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, e := range events {
			if e.Actor == "analyst-user" && e.Action == "create" {
				n++
			}
		}
		if n != 2 {
			t.Errorf("%d create events by analyst-user, want 2: %+v", n, events)
		}
		// the original comes back byte for byte with its media type
		resp, body := h.do(entente.RoleViewer, "GET", "/api/v1/sources/1/original", nil, "")
		if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
			t.Errorf("original: %d %v", resp.StatusCode, resp.Header)
		}
		if !bytes.Equal(body, readCorpus(t, "cn-ae-2019-joint-statement.zh.txt")) && !bytes.Equal(body, readCorpus(t, "cn-ae-2019-joint-statement.zh.html")) {
			t.Error("the original differs from the uploaded bytes")
		}
	})
}

// TestSchemaValueLists: the API describes its closed-list parameters with
// the domain's lists, whole.
func TestSchemaValueLists(t *testing.T) {
	h := newHarness(t, openSQLite(t), false)
	resp, err := http.Get(h.ts.URL + "/api/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct {
				Name   string
				Schema struct{ Enum []string }
			}
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&doc); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path, param string
		list        entente.ValueList
	}{
		{"/api/v1/documents", "kind", entente.DocumentKinds()},
		{"/api/v1/search", "type", entente.SentenceTypes()},
		{"/api/v1/search", "strength", entente.Strengths()},
	} {
		var got []string
		for _, p := range doc.Paths[tc.path]["get"].Parameters {
			if p.Name == tc.param {
				got = p.Schema.Enum
			}
		}
		want := append(tc.list.Codes(), "")
		if !slices.Equal(got, want) {
			t.Errorf("%s %s: enum %q, want %q", tc.path, tc.param, got, want)
		}
	}
}
