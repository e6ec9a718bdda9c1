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
