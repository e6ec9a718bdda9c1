package ingest

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
	"github.com/entente/entente/sqlite"
)

// forEachStore runs fn on the embedded SQLite store and on PostgreSQL.
func forEachStore(t *testing.T, fn func(t *testing.T, st entente.Store)) {
	open := map[string]func(t *testing.T) entente.Store{
		"sqlite": func(t *testing.T) entente.Store {
			st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "entente.db"))
			if err != nil {
				t.Fatal(err)
			}
			return st
		},
		"postgres": func(t *testing.T) entente.Store {
			st, err := postgres.Open(context.Background(), pgtest.DSN(t))
			if err != nil {
				t.Fatal(err)
			}
			return st
		},
	}
	for _, name := range []string{"sqlite", "postgres"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			st := open[name](t)
			t.Cleanup(func() { st.Close() })
			fn(t, st)
		})
	}
}

func newIngester(t *testing.T, st entente.Store) *Ingester {
	t.Helper()
	x, err := extract.New("zh")
	if err != nil {
		t.Fatal(err)
	}
	return &Ingester{Store: st, Extractor: x, ExtractorName: "test", Fetcher: NewFetcher()}
}

func hasPDFToText(t *testing.T) bool {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("pdftotext is needed (Debian poppler-utils)")
		}
		t.Log("SKIPPED the PDF form: pdftotext not installed (Debian poppler-utils)")
		return false
	}
	return true
}

// TestIngestForms ingests the development statement in every form: the
// first becomes a document, the same bytes are recognised, and every other
// form is another source of the same document, each kept byte for byte.
func TestIngestForms(t *testing.T) {
	forms := []string{"txt", "gb18030.txt", "utf16le.txt", "html", "docx"}
	if hasPDFToText(t) {
		forms = append(forms, "pdf")
	}
	forEachStore(t, func(t *testing.T, st entente.Store) {
		ctx := context.Background()
		in := newIngester(t, st)
		var paths []string
		for _, f := range forms {
			paths = append(paths, filepath.Join(corpus, "cn-ae-2019-joint-statement.zh."+f))
		}
		var outcomes []Outcome
		sum := in.Batch(ctx, append(paths, paths[0]), nil, func(o Outcome) { outcomes = append(outcomes, o) })
		if sum.Added != 1 || sum.NewSources != len(forms)-1 || sum.AlreadyHave != 1 || sum.Refused != 0 {
			t.Fatalf("summary %+v; outcomes %+v", sum, outcomes)
		}
		doc := outcomes[0].DocumentID
		for _, o := range outcomes {
			if o.DocumentID != doc {
				t.Errorf("%s: document %d, want %d (%s)", o.Name, o.DocumentID, doc, o.Status)
			}
		}
		d, err := st.Document(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Sources) != len(forms) {
			t.Fatalf("%d sources, want %d", len(d.Sources), len(forms))
		}
		for _, s := range d.Sources {
			want, err := os.ReadFile(s.Name)
			if err != nil {
				t.Fatal(err)
			}
			_, got, err := st.Original(ctx, s.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("source %d (%s): the original differs from the file", s.ID, s.Name)
			}
		}
		docs, err := st.Documents(ctx, entente.DocumentFilter{Limit: 10})
		if err != nil || len(docs) != 1 {
			t.Errorf("%d documents (%v), want 1", len(docs), err)
		}
	})
}

// TestIngestBadInputs: each bad input gets one line naming it and its
// problem, the batch goes on, and nothing of a bad input is stored.
func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good, err := os.ReadFile(filepath.Join(corpus, "cn-rs-2024-joint-statement.zh.txt"))
	if err != nil {
		t.Fatal(err)
	}
	inputs := []string{
		write("empty.txt", nil),
		write("garbage.bin", []byte{0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8, 9}),
		write("notes.xyz", []byte("\x00\x01binary\x02")),
		write("fake.docx", []byte("this is not a zip")),
		write("truncated.pdf", []byte("%PDF-1.4\n1 0 obj\n<<")),
		write("big.txt", bytes.Repeat([]byte("双方同意。"), 2000)),
		filepath.Join(dir, "missing.txt"),
		write("good.txt", good),
	}
	forEachStore(t, func(t *testing.T, st entente.Store) {
		in := newIngester(t, st)
		in.MaxSize = 8 << 10
		in.PDFToText = "pdftotext"
		var refused []Outcome
		sum := in.Batch(context.Background(), inputs, nil, func(o Outcome) {
			if o.Status == Refused {
				refused = append(refused, o)
			}
		})
		// the good statement is over the small limit too: only refusals
		if sum.Refused != len(inputs) {
			t.Errorf("summary %+v, want all %d refused", sum, len(inputs))
		}
		for _, o := range refused {
			if !strings.HasPrefix(o.Problem, o.Name+": ") || strings.Contains(o.Problem, "\n") {
				t.Errorf("problem %q does not name %s on one line", o.Problem, o.Name)
			}
		}
		in.MaxSize = 1 << 20
		sum = in.Batch(context.Background(), inputs, nil, nil)
		if sum.Added != 2 || sum.Refused != len(inputs)-2 {
			t.Errorf("with a larger limit: %+v, want 2 added (big.txt, good.txt)", sum)
		}
	})
}

// TestIngestURL fetches a page from a local server and keeps it with its
// address and retrieval time.
func TestIngestURL(t *testing.T) {
	page, err := os.ReadFile(filepath.Join(corpus, "cn-ae-2019-joint-statement.zh.html"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	t.Cleanup(srv.Close)
	forEachStore(t, func(t *testing.T, st entente.Store) {
		ctx := context.Background()
		in := newIngester(t, st)
		at := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
		in.Fetcher.Now = func() time.Time { return at }
		url := srv.URL + "/zyxw/t1683007.shtml"
		var got Outcome
		in.Batch(ctx, []string{url}, nil, func(o Outcome) { got = o })
		if got.Status != Added {
			t.Fatalf("outcome %+v", got)
		}
		d, err := st.Document(ctx, got.DocumentID)
		if err != nil {
			t.Fatal(err)
		}
		s := d.Sources[0]
		if s.URL != url || !s.RetrievedAt.Equal(at) || s.Format != "html" {
			t.Errorf("source %+v", s)
		}
		_, orig, err := st.Original(ctx, s.ID)
		if err != nil || !bytes.Equal(orig, page) {
			t.Errorf("the original page is not kept as served (%v)", err)
		}
	})
}
