package main

import (
	"context"
	"log/slog"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente/internal/syncbuf"
	"github.com/entente/entente/sqlite"
)

// A server's start reads the search index, then the matches of the
// commonest words, in the background, and logs each.
func TestWarmUpPinsCommonWords(t *testing.T) {
	db := filepath.Join(t.TempDir(), "entente.db")
	corpus := filepath.Join("..", "..", "testdata", "corpus")
	if _, stderr, code := runBinary(t, "", "ingest", "--db", db,
		filepath.Join(corpus, "cn-rs-2024-joint-statement.zh.txt"), filepath.Join(corpus, "us-ie-2021-joint-statement.en.txt")); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	st.PinMatches = 10 // the corpus's commonest, where a library's are 100,000
	var logs syncbuf.Buffer
	warmUp(ctx, st, nil, slog.New(slog.NewTextHandler(&logs, nil)))
	pinned := regexp.MustCompile(`common words' matches read" queries=(\d+)`)
	deadline := time.Now().Add(30 * time.Second)
	for !pinned.MatchString(logs.String()) {
		if time.Now().After(deadline) || strings.Contains(logs.String(), "level=WARN") {
			t.Fatalf("no pins logged:\n%s", logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	out := logs.String()
	if n, _ := strconv.Atoi(pinned.FindStringSubmatch(out)[1]); n == 0 || !strings.Contains(out, "search index built") ||
		strings.Index(out, "search index built") > strings.Index(out, "common words") {
		t.Errorf("want the index built, then some words' matches read:\n%s", out)
	}
}
