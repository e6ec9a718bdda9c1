package postgres_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/postgres/pgtest"
)

// TestFindInputsKeepsItsPlan: a batch's look-up of a run of inputs
// (FindInputs) keeps one generic plan on its session whatever the run's
// length (a plan made for each run's values cost more than the look-ups),
// and that plan probes an index for each input: no table or index is read
// whole and hashed, which a plan kept from a store's first rows did for
// every statement as the store grew.
func TestFindInputsKeepsItsPlan(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, pgtest.DSN(t))
	d := plansDoc()
	if _, err := s.CreateDocument(ctx, d); err != nil {
		t.Fatal(err)
	}
	s.LookupDB().SetMaxOpenConns(1) // the look-ups and the checks share the session
	for n := range 16 {
		n = n%8 + 1
		bs, ts, sks := make([]string, n), make([]string, n), make([][]int64, n)
		for i := range n {
			bs[i], ts[i] = fmt.Sprintf("bytes %d", i), fmt.Sprintf("text %d", i)
			sks[i] = entente.NearSketch(strings.Repeat(fmt.Sprintf("第%d段文字，讲的是天气。", i), 8))
		}
		if _, _, _, err := s.FindInputs(ctx, bs, ts, sks); err != nil {
			t.Fatal(err)
		}
	}
	var name string
	var generic int
	// the statement as the store keeps it prepared (before that, pgx's
	// cache ran it a few times under another name)
	if err := s.LookupDB().QueryRowContext(ctx, `SELECT name, generic_plans FROM pg_prepared_statements
		WHERE statement LIKE '%generate_subscripts%' ORDER BY generic_plans + custom_plans DESC LIMIT 1`).Scan(&name, &generic); err != nil {
		t.Fatal(err)
	}
	if generic == 0 {
		t.Error("the look-up of a run was planned for its values every time")
	}
	if _, err := s.LookupDB().ExecContext(ctx, `SET plan_cache_mode = force_generic_plan`); err != nil {
		t.Fatal(err)
	}
	rows, err := s.LookupDB().QueryContext(ctx, `EXPLAIN EXECUTE `+name+`('{a}', '{b}', '{1}', '{0}', '{}')`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, line)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(plan, "\n")
	for _, bad := range []string{"Hash Join", "Hash Anti Join", "Hash Semi Join", "Seq Scan", "Merge Join"} {
		if strings.Contains(all, bad) {
			t.Errorf("the generic plan has a %s:\n%s", bad, all)
		}
	}
	if !strings.Contains(all, "sources_sha256_key") || !strings.Contains(all, "versions_text_sha256_key") || !strings.Contains(all, "near_sketches_hash") {
		t.Errorf("the generic plan does not probe the keys' indexes:\n%s", all)
	}
}

// TestFindInputsGenericAsALibraryGrows: in a library that VACUUM left
// all-visible, a batch's look-ups of runs of inputs, between its groups'
// writes, keep one generic plan from the first run. PostgreSQL's default
// (auto) plans the first five runs for their values, and more once the
// tables have grown past what VACUUM saw (here a sixth; in a batch of 300
// into 10,000 statements every run).
func TestFindInputsGenericAsALibraryGrows(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t, pgtest.DSN(t))
	write := func(round, n int) {
		t.Helper()
		ds := make([]*entente.NewDocument, n)
		for i := range ds {
			d := plansDoc()
			d.Text = fmt.Sprintf("Both sides agree to meet in round %d, the %dth time; %s", round, i, strings.Repeat("a long sentence of filler text ", 20))
			d.Extraction.Sentences[0].Text = d.Text
			d.Original = []byte(d.Text)
			d.Source.Name = fmt.Sprintf("plans-%d-%d.txt", round, i)
			ds[i] = d
		}
		if _, err := s.CreateDocuments(ctx, ds); err != nil {
			t.Fatal(err)
		}
	}
	write(0, 40)
	if _, err := s.DB().ExecContext(ctx, "VACUUM ANALYZE"); err != nil {
		t.Fatal(err)
	}
	s.LookupDB().SetMaxOpenConns(1) // the look-ups and the checks share the session
	for round := 1; round <= 12; round++ {
		bs, ts, sks := make([]string, 8), make([]string, 8), make([][]int64, 8)
		for i := range bs {
			bs[i], ts[i] = fmt.Sprintf("bytes %d %d", round, i), fmt.Sprintf("text %d %d", round, i)
			sks[i] = entente.NearSketch(strings.Repeat(fmt.Sprintf("第%d段文字，讲的是第%d天的天气。", i, round), 8))
		}
		if _, _, _, err := s.FindInputs(ctx, bs, ts, sks); err != nil {
			t.Fatal(err)
		}
		write(round, 10)
	}
	var generic, custom int
	if err := s.LookupDB().QueryRowContext(ctx, `SELECT coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0)
		FROM pg_prepared_statements WHERE statement LIKE '%generate_subscripts%'`).Scan(&generic, &custom); err != nil {
		t.Fatal(err)
	}
	if custom != 0 || generic == 0 {
		t.Errorf("the look-ups of runs were planned for their values %d times (generic plan %d times)", custom, generic)
	}
}
