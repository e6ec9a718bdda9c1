package ingest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestFetch(t *testing.T) {
	page := "<html><head><meta charset=utf-8><title>联合声明</title></head><body><p>双方同意加强合作。</p></body></html>"
	var gotUA string
	mux := http.NewServeMux()
	mux.HandleFunc("/statement", func(w http.ResponseWriter, r *http.Request) {
		gotUA = r.UserAgent()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/statement", http.StatusFound)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(strings.Repeat("x", 2048)))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/gone", http.NotFound)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	f := NewFetcher()
	f.MaxSize = 1024
	f.Timeout = 200 * time.Millisecond
	fixed := time.Date(2026, 11, 25, 8, 0, 0, 0, time.UTC)
	f.Now = func() time.Time { return fixed }

	in, err := f.Fetch(context.Background(), srv.URL+"/moved")
	if err != nil {
		t.Fatal(err)
	}
	if string(in.Data) != page || in.URL != srv.URL+"/statement" || !strings.HasPrefix(in.MediaType, "text/html") || !in.RetrievedAt.Equal(fixed) {
		t.Errorf("fetched %+v", in)
	}
	if gotUA != DefaultUserAgent {
		t.Errorf("user agent %q", gotUA)
	}
	for path, want := range map[string]string{
		"/big":  "over the limit",
		"/slow": "no answer within",
		"/gone": "404",
	} {
		_, err := f.Fetch(context.Background(), srv.URL+path)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), srv.URL+path) {
			t.Errorf("%s: error %v, want one naming the address and %q", path, err, want)
		}
	}
}

func TestTextSHA256IgnoresLayout(t *testing.T) {
	a := TextSHA256("双方同意。\n\n\u3000\u3000中方愿意。")
	b := TextSHA256("双方同意。 中方愿意。\r\n")
	if a != b {
		t.Error("the same characters laid out differently hash differently")
	}
	if a == TextSHA256("双方同意。中方愿意！") {
		t.Error("different texts hash the same")
	}
}
