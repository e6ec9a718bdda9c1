package extract

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestReaderFailureKeepsTheLayout: a reader that fails on a text (here a
// registry without its readers, each of which fails at its first use)
// gives the text's layout, every sentence unlabelled narrative, a warning
// naming the failure, and the stack in the registry's log; the caller
// goes on. Without the guard the panic reaches the caller: a server's
// ingest worker, a batch.
func TestReaderFailureKeepsTheLayout(t *testing.T) {
	var log bytes.Buffer
	r := &Registry{Log: slog.New(slog.NewTextHandler(&log, nil))}
	text := "Joint Statement\n\n1. The two sides will deepen cooperation.\n\n2. 双方将加强合作。"
	reads := map[string]func() (*entente.Extraction, error){
		"en": func() (*entente.Extraction, error) { return r.ExtractAs(text, "en") },
		"sr-Latn": func() (*entente.Extraction, error) {
			return r.ExtractGiven(text, "sr-Latn", []string{"CN", "RS"})
		},
		"zh": func() (*entente.Extraction, error) {
			x, err := r.For("zh")
			if err != nil {
				return nil, err
			}
			return x.(interface {
				ExtractContext(context.Context, string) (*entente.Extraction, error)
			}).ExtractContext(context.Background(), text)
		},
	}
	for tag, read := range reads {
		t.Run(tag, func(t *testing.T) {
			log.Reset()
			out, err := read()
			if err != nil {
				t.Fatalf("error %v, want the layout", err)
			}
			if len(out.Sentences) < 2 {
				t.Fatalf("%d sentences, want the layout's", len(out.Sentences))
			}
			for _, s := range out.Sentences {
				if s.Type != entente.Narrative || len(s.Actors) != 0 || len(s.Areas) != 0 {
					t.Errorf("%s: %s %v %v, want unlabelled", s.ID, s.Type, s.Actors, s.Areas)
				}
			}
			if out.Document.Language != tag {
				t.Errorf("language %q, want %q", out.Document.Language, tag)
			}
			if len(out.Warnings) != 1 || !strings.Contains(out.Warnings[0], "failed on this text") || strings.Contains(out.Warnings[0], "\n") {
				t.Errorf("warnings %q, want one line naming the failure", out.Warnings)
			}
			if !strings.Contains(log.String(), "extractor failed") || !strings.Contains(log.String(), "registry") {
				t.Errorf("log %q, want the failure and its stack", log.String())
			}
		})
	}
}
