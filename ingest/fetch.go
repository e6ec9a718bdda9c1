package ingest

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Fetcher reads statements from the web: with a timeout, a size limit and a
// user agent that says who is asking.
type Fetcher struct {
	Client    *http.Client
	UserAgent string
	MaxSize   int64
	Timeout   time.Duration
	Now       func() time.Time
}

// DefaultUserAgent names Entente to the sites it reads.
const DefaultUserAgent = "Entente/0.1 (statement tracker; +https://github.com/entente/entente)"

// NewFetcher returns a fetcher with sane defaults: 30 s, 20 MiB, at most
// five redirects.
func NewFetcher() *Fetcher {
	return &Fetcher{
		Client: &http.Client{
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) >= 5 {
					return fmt.Errorf("more than 5 redirects")
				}
				return nil
			},
		},
		UserAgent: DefaultUserAgent,
		MaxSize:   20 << 20,
		Timeout:   30 * time.Second,
	}
}

// Fetch reads one page: the bytes as served, the declared media type, the
// address it ended at and when.
func (f *Fetcher) Fetch(ctx context.Context, url string) (Input, error) {
	if f.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, f.Timeout)
		defer cancel()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return Input{}, fmt.Errorf("%s: %w", url, err)
	}
	req.Header.Set("User-Agent", f.UserAgent)
	req.Header.Set("Accept", "text/html, text/plain, application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.9, */*;q=0.5")
	client := f.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return Input{}, fmt.Errorf("%s: no answer within %s", url, f.Timeout)
		}
		return Input{}, fmt.Errorf("%s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Input{}, fmt.Errorf("%s: the server answered %s", url, resp.Status)
	}
	if resp.ContentLength > f.MaxSize && f.MaxSize > 0 {
		return Input{}, fmt.Errorf("%s: %d bytes, over the limit of %d", url, resp.ContentLength, f.MaxSize)
	}
	limit := f.MaxSize
	if limit <= 0 {
		limit = 20 << 20
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return Input{}, fmt.Errorf("%s: no complete answer within %s", url, f.Timeout)
		}
		return Input{}, fmt.Errorf("%s: read: %w", url, err)
	}
	if int64(len(data)) > limit {
		return Input{}, fmt.Errorf("%s: over the limit of %d bytes", url, limit)
	}
	now := time.Now().UTC()
	if f.Now != nil {
		now = f.Now()
	}
	return Input{
		Name: url, URL: resp.Request.URL.String(), MediaType: resp.Header.Get("Content-Type"),
		RetrievedAt: now, Data: data,
	}, nil
}
