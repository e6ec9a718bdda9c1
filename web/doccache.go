package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/danielgtaylor/huma/v2"
)

// changeCounter is what the response cache needs of a store: a number that
// changes whenever anything stored changes (the newest event's).
type changeCounter interface {
	LastEventSeq(ctx context.Context) (int64, error)
}

// maxCachedBytes bounds the encoded responses kept; the cache starts again
// when it would grow past it.
const maxCachedBytes = 64 << 20

// respCache keeps encoded responses of read operations with the change
// number they were computed at, so that a document asked for again is sent
// from memory (no SQL, no decoding of its stored labels, no encoding) while
// nothing has changed, and with an ETag, so that a client that has it gets
// 304 Not Modified.
type respCache struct {
	mu    sync.Mutex
	m     map[string]*cachedResp
	bytes int
}

type cachedResp struct {
	seq         int64
	etag        string
	contentType string
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
	if r := s.responses.get(key, seq); r != nil {
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
		body: bytes.Clone(rec.body.Bytes())}
	s.responses.put(key, r)
	sendCached(ctx, r)
}

func sendCached(ctx huma.Context, r *cachedResp) {
	ctx.SetHeader("ETag", r.etag)
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
	}
	r.innerContext.SetHeader(name, value)
}

func (r *bodyRecorder) BodyWriter() io.Writer { return &r.body }
