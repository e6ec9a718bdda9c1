package extract

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestLongSentenceLinear: a megabyte of one sentence (thousands of clauses)
// is read in one pass over its clauses. Read clause by clause over the whole
// sentence, as it once was, it took about 19 s; linear, it takes well under
// a second on an idle core, so 5 s leaves room for a loaded machine.
func TestLongSentenceLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("a megabyte of text")
	}
	x := newTestExtractor(t)
	text := genText(1<<20, true)
	start := time.Now()
	out, err := x.ExtractContext(context.Background(), text)
	took := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Sentences) != 1 || len(out.Sentences[0].Rationale.Clauses) < 10000 {
		t.Fatalf("%d sentences, want one of many clauses", len(out.Sentences))
	}
	if took > 5*time.Second {
		t.Errorf("a 1 MB sentence took %v", took)
	}
	t.Logf("1 MB in one sentence of %d clauses: %v", len(out.Sentences[0].Rationale.Clauses), took)
}

// TestExtractCancelled: an ended context stops extraction between sentences
// and between clauses, and nothing half-read is returned.
func TestExtractCancelled(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		name string
		text string
	}{
		{"many sentences", genText(1<<20, false)},
		{"one long sentence", genText(1<<20, true)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			if out, err := x.ExtractContext(ctx, tt.text); !errors.Is(err, context.Canceled) || out != nil {
				t.Errorf("cancelled before: %v, %v", out != nil, err)
			}
			// a deadline that passes mid-way stops the reading soon after
			ctx, cancel = context.WithTimeout(context.Background(), 20*time.Millisecond)
			defer cancel()
			start := time.Now()
			out, err := x.ExtractContext(ctx, tt.text)
			if !errors.Is(err, context.DeadlineExceeded) || out != nil {
				t.Errorf("deadline mid-way: %v, %v", out != nil, err)
			}
			if took := time.Since(start); took > 2*time.Second {
				t.Errorf("stopped %v after the start", took)
			}
		})
	}
}
