package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlite"
)

func openSQLite(t *testing.T) entente.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "entente.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func countDocuments(t *testing.T, st entente.Store) int {
	t.Helper()
	docs, err := st.Documents(context.Background(), entente.DocumentFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return len(docs)
}

// TestLimits refuses texts over each limit with a line naming the input,
// the limit and the flag that raises it, and stores nothing; a text just
// within the limits goes in.
func TestLimits(t *testing.T) {
	title := "中华人民共和国和塞尔维亚共和国联合声明\n\n"
	sentence := "双方同意加强铁路合作。" // 11 characters
	tests := []struct {
		name   string
		limits Limits
		text   string
		want   string // "" = stored
	}{
		{"within every limit", Limits{MaxChars: 200, MaxSentences: 10, MaxSentenceChars: 30}, title + strings.Repeat(sentence, 5), ""},
		{"characters", Limits{MaxChars: 100}, title + strings.Repeat(sentence, 10), "more than the limit of 100 (--max-chars raises it)"},
		{"sentences in one paragraph", Limits{MaxSentences: 10}, title + strings.Repeat(sentence, 11), "more than 10 sentences, the limit (--max-sentences raises it)"},
		{"sentences in paragraphs", Limits{MaxSentences: 10}, title + strings.Repeat(sentence+"\n\n", 11), "more than 10 sentences, the limit (--max-sentences raises it)"},
		{"one long sentence", Limits{MaxSentenceChars: 30}, title + strings.Repeat("双方同意加强合作，", 5) + "。", "characters, more than the limit of 30 (--max-sentence-chars raises it)"},
		{"a sentence broken over lines", Limits{MaxSentenceChars: 30}, title + strings.Repeat("双方同意加强合作，\n", 5) + "。", "more than the limit of 30 (--max-sentence-chars raises it)"},
		{"the default sentence limit", Limits{}, title + strings.Repeat("双方同意加强合作，", 2300) + "。", "more than the limit of 20000 (--max-sentence-chars raises it)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := openSQLite(t)
			in := newIngester(t, st)
			in.Limits = tc.limits
			out := in.Ingest(context.Background(), Input{Name: "statement.txt", Data: []byte(tc.text)})
			if tc.want == "" {
				if out.Status != Added {
					t.Fatalf("%s: %s", out.Status, out.Problem)
				}
				return
			}
			if out.Status != Refused || !errors.Is(out.Err, ErrLimit) {
				t.Fatalf("%s (%v), want refused for a limit", out.Status, out.Err)
			}
			if !strings.HasPrefix(out.Problem, "statement.txt: ") || !strings.Contains(out.Problem, tc.want) {
				t.Errorf("problem %q, want the name and %q", out.Problem, tc.want)
			}
			if n := countDocuments(t, st); n != 0 {
				t.Errorf("%d documents stored after a refusal", n)
			}
		})
	}
}

// TestLimitsAdmitRealStatements checks that the default limits let every
// statement of the corpus in, with room to spare.
func TestLimitsAdmitRealStatements(t *testing.T) {
	files, err := filepath.Glob("../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	var l Limits
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// ten statements end to end are still within the limits
		text := strings.Repeat(string(b)+"\n\n", 10)
		if err := l.checkText(f, text); err != nil {
			t.Errorf("%v", err)
		}
	}
}

// TestCancelledIngest checks that a ctx that ends stops the work and
// stores nothing.
func TestCancelledIngest(t *testing.T) {
	st := openSQLite(t)
	in := newIngester(t, st)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	b, err := os.ReadFile("../testdata/corpus/cn-rs-2024-joint-statement.zh.txt")
	if err != nil {
		t.Fatal(err)
	}
	out := in.Ingest(ctx, Input{Name: "s.txt", Data: b})
	if out.Status != Refused || !errors.Is(out.Err, context.Canceled) {
		t.Errorf("%s (%v), want refused: context canceled", out.Status, out.Err)
	}
	if n := countDocuments(t, st); n != 0 {
		t.Errorf("%d documents stored by a cancelled ingest", n)
	}
}

// FuzzLimits checks the cheap cut into sentences on any text: it never
// fails, and a text it lets through is within the character limit.
func FuzzLimits(f *testing.F) {
	f.Add("联合声明\n\n双方同意。双方同意。", 20, 2, 10)
	f.Add("Both sides agree. Mr. Smith said so!\n\nNo.", 100, 3, 30)
	f.Fuzz(func(t *testing.T, text string, maxChars, maxSentences, maxSentence int) {
		l := Limits{MaxChars: maxChars, MaxSentences: maxSentences, MaxSentenceChars: maxSentence}
		if err := l.checkText("f.txt", text); err == nil && utf8.RuneCountInString(text) > l.maxChars() {
			t.Fatalf("%q passed with more than %d characters", text, l.maxChars())
		} else if err != nil && !errors.Is(err, ErrLimit) {
			t.Fatalf("error %v is not a limit", err)
		}
	})
}

// FuzzCheckTextShortcut holds checkText's shortcut sound: a text of n
// characters, under limits of n sentences and n characters a sentence,
// passes the full cut too.
func FuzzCheckTextShortcut(f *testing.F) {
	for _, s := range []string{"", "。", "双方同意加强铁路合作。\n\n双方", "A. B! C? D\n\nE", strings.Repeat("。", 50), "\n\n\n\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		n := utf8.RuneCountInString(text)
		l := Limits{MaxChars: max(n, 1), MaxSentences: max(n, 1), MaxSentenceChars: max(n, 1)}
		if err := l.cutText("f.txt", text); err != nil {
			t.Fatalf("%d characters under limits of %d: %v", n, n, err)
		}
	})
}
