package web

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/danielgtaylor/huma/v2"

	"github.com/entente/entente"
)

// changeCounter is what the response cache needs of a store: a number that
// changes whenever anything stored changes (the newest event's).
type changeCounter interface {
	LastEventSeq(ctx context.Context) (int64, error)
}

// maxCachedBytes bounds the encoded responses kept; the cache starts again
// when it would grow past it.
const maxCachedBytes = 64 << 20

// maxCachedBody is the largest response kept whole; a larger one (a long
// pair's view, 3 MB and more) keeps only its ETag, so that a few of them do
// not push every document out.
const maxCachedBody = 4 << 20

// respCache keeps encoded responses of read operations with the change
// number they were computed at, so that a document asked for again is sent
// from memory (no SQL, no decoding of its stored labels, no encoding) while
// nothing has changed, and with an ETag, so that a client that has it gets
// 304 Not Modified.
type respCache struct {
	mu    sync.Mutex
	m     map[string]*cachedResp
	bytes int
	// maxBody, when not 0, replaces maxCachedBody (tests)
	maxBody int
}

type cachedResp struct {
	seq         int64
	etag        string
	contentType string
	headers     [][2]string // the operation's own (X-Total-Count)
	body        []byte
}

func (c *respCache) get(key string, seq int64) *cachedResp {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r := c.m[key]; r != nil && r.seq == seq {
		return r
	}
	return nil
}

func (c *respCache) put(key string, r *cachedResp) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || c.bytes+len(r.body) > maxCachedBytes {
		c.m, c.bytes = map[string]*cachedResp{}, 0
	}
	if old := c.m[key]; old != nil {
		c.bytes -= len(old.body)
	}
	c.m[key] = r
	c.bytes += len(r.body)
}

// cached is an operation middleware for reads whose response depends only
// on the request's URL and Accept header and on what is stored (a
// document's JSON is the same for every caller allowed to read it; the
// access check ran before). It answers from the cache while the store's
// change number is the one the response was computed at, sets an ETag
// (a hash of the body), and answers 304 to an If-None-Match that names it.
func (s *Server) cached(ctx huma.Context, next func(huma.Context)) {
	cc, ok := s.cfg.Store.(changeCounter)
	if !ok || ctx.Method() != http.MethodGet {
		next(ctx)
		return
	}
	seq, err := cc.LastEventSeq(ctx.Context())
	if err != nil {
		next(ctx) // the operation meets the store's failure itself
		return
	}
	u := ctx.URL()
	key := u.Path + "?" + u.RawQuery + "\x00" + ctx.Header("Accept")
	if r := s.responses.get(key, seq); r != nil && (r.body != nil || etagMatches(ctx.Header("If-None-Match"), r.etag)) {
		sendCached(ctx, r)
		return
	}
	rec := &bodyRecorder{innerContext: ctx}
	next(rec)
	status := rec.Status()
	if status != http.StatusOK {
		ctx.SetStatus(status)
		ctx.BodyWriter().Write(rec.body.Bytes())
		return
	}
	sum := sha256.Sum256(rec.body.Bytes())
	r := &cachedResp{seq: seq, etag: `"` + hex.EncodeToString(sum[:12]) + `"`, contentType: rec.contentType,
		headers: rec.headers, body: bytes.Clone(rec.body.Bytes())}
	if len(r.body) > cmp.Or(s.responses.maxBody, maxCachedBody) {
		// its tag only: a client that has it is answered 304 without the
		// work, another computes it again
		tagged := *r
		tagged.body = nil
		s.responses.put(key, &tagged)
	} else {
		s.responses.put(key, r)
	}
	sendCached(ctx, r)
}

func sendCached(ctx huma.Context, r *cachedResp) {
	ctx.SetHeader("ETag", r.etag)
	for _, h := range r.headers {
		ctx.SetHeader(h[0], h[1])
	}
	if r.contentType != "" {
		ctx.SetHeader("Content-Type", r.contentType)
	}
	if etagMatches(ctx.Header("If-None-Match"), r.etag) {
		ctx.SetStatus(http.StatusNotModified)
		return
	}
	ctx.SetStatus(http.StatusOK)
	ctx.BodyWriter().Write(r.body)
}

// etagMatches reads an If-None-Match header: "*", or a list of tags, weak
// or strong (a GET compares them weakly).
func etagMatches(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}

// innerContext is huma.Context under a name of its own, so that a type
// embedding it keeps its Context method.
type innerContext huma.Context

// bodyRecorder keeps what an operation writes, so that the middleware can add
// the ETag before the body goes out.
type bodyRecorder struct {
	innerContext
	status      int
	contentType string
	headers     [][2]string
	body        bytes.Buffer
}

func (r *bodyRecorder) SetStatus(code int) { r.status = code }

func (r *bodyRecorder) Status() int {
	if r.status == 0 {
		return http.StatusOK
	}
	return r.status
}

func (r *bodyRecorder) SetHeader(name, value string) {
	if http.CanonicalHeaderKey(name) == "Content-Type" {
		r.contentType = value
	} else {
		r.headers = append(r.headers, [2]string{name, value})
	}
	r.innerContext.SetHeader(name, value)
}

func (r *bodyRecorder) BodyWriter() io.Writer { return &r.body }

// cachedPage answers a page from the cache while nothing stored has
// changed, or runs build and keeps what it wrote when that is a 200. The
// key must name everything the page shows besides what is stored: its
// address, the page's language and the caller.
func (s *Server) cachedPage(w http.ResponseWriter, r *http.Request, key string, build func(w http.ResponseWriter)) {
	cc, ok := s.cfg.Store.(changeCounter)
	if !ok {
		build(w)
		return
	}
	seq, err := cc.LastEventSeq(r.Context())
	if err != nil {
		build(w) // the page meets the store's failure itself
		return
	}
	if c := s.responses.get(key, seq); c != nil && c.body != nil {
		sendCachedHTTP(w, r, c)
		return
	}
	rec := &pageRecorder{w: w}
	build(rec)
	if rec.status != 0 && rec.status != http.StatusOK {
		w.WriteHeader(rec.status)
		w.Write(rec.body.Bytes())
		return
	}
	sum := sha256.Sum256(rec.body.Bytes())
	c := &cachedResp{seq: seq, etag: `"` + hex.EncodeToString(sum[:12]) + `"`, contentType: w.Header().Get("Content-Type"),
		body: bytes.Clone(rec.body.Bytes())}
	s.responses.put(key, c)
	sendCachedHTTP(w, r, c)
}

func sendCachedHTTP(w http.ResponseWriter, r *http.Request, c *cachedResp) {
	w.Header().Set("ETag", c.etag)
	if c.contentType != "" {
		w.Header().Set("Content-Type", c.contentType)
	}
	if etagMatches(r.Header.Get("If-None-Match"), c.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Write(c.body)
}

// pageCaller names the caller in a page's cache key: the page shows the
// account's name and what its role may do.
func pageCaller(u *entente.User) string {
	if u == nil {
		return "anonymous"
	}
	return strconv.FormatInt(u.ID, 10) + ":" + string(u.Role)
}

// pageRecorder keeps a page's status and body; its headers are the
// response's own.
type pageRecorder struct {
	w      http.ResponseWriter
	status int
	body   bytes.Buffer
}

func (p *pageRecorder) Header() http.Header { return p.w.Header() }

func (p *pageRecorder) WriteHeader(code int) {
	if p.status == 0 {
		p.status = code
	}
}

func (p *pageRecorder) Write(b []byte) (int, error) {
	if p.status == 0 {
		p.status = http.StatusOK
	}
	return p.body.Write(b)
}
