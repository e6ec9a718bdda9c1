package sqlstore_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/tracking"
)

// TestLeanKeysRecomputed: migration 0039 replaces the filter keys of
// migration 0010 with leaner ones. A store that held commitments, and
// tracked tables marked current, before it gets the new keys at its next
// UseDueRules: the migration drops the old keys, empties their totals and
// deletes the mark, so the first startup computes everything again, and
// the commitments table reads the new keys. Without the mark's deletion
// the tables would stay as they were (no keys at all here) and every
// filtered page would be empty.
func TestLeanKeysRecomputed(t *testing.T) {
	rules, err := tracking.LoadDueRules()
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range carryStores(t) {
		t.Run(st.name, func(t *testing.T) {
			ctx := context.Background()
			db := st.old(t, "0039")
			now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
			doc := oldDocument(t, db, now)
			var ver int64
			text := "双方将加强贸易合作。双方将扩大文化交流。双方将深化贸易投资合作。双方将推进人文合作。"
			if err := db.QueryRowContext(ctx, `INSERT INTO versions (document_id, language, text_sha256, text, extractor, created_at,
				sentence_count) VALUES ($1, 'zh', 'abc', $2, 'old', $3, 4) RETURNING id`, doc, text, now).Scan(&ver); err != nil {
				t.Fatal(err)
			}
			if _, err := db.ExecContext(ctx, `INSERT INTO sections (version_id, position, section) VALUES ($1, 0, 'preamble')`, ver); err != nil {
				t.Fatal(err)
			}
			areas := []string{"trade", "culture", "trade", "culture"}
			strengths := []string{"firm", "soft", "firm", "firm"}
			for i, part := range strings.SplitAfter(text, "。")[:4] {
				if _, err := db.ExecContext(ctx, `INSERT INTO sentences (version_id, document_id, position, label, section, marker,
					paragraph, text, text_sha256, anchor_sha256, occurrence, type, strength, deadline, evidence, actors, areas)
					VALUES ($1, $2, $3, $4, 'preamble', '', $3, $5, '', $6, 0, 'commitment', $7, '', '{}', 'CN RS', $8)`,
					ver, doc, i, "s"+string(rune('1'+i)), part, anchorBytes(part), strengths[i], areas[i]); err != nil {
					t.Fatal(err)
				}
			}
			// the tables said current with these rules (the inserts' marks
			// taken, as a write with the rules takes them), with a key
			// total of migration 0010's kind left from before
			for _, q := range []string{
				`DELETE FROM tracked_dirty`,
				`INSERT INTO tracked_meta (key, value) VALUES ('due_rules', '` + rules.Fingerprint() + `')
				 ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
				`INSERT INTO tracked_key_totals (key, n) VALUES ('a=trade&s=firm', 99)`,
			} {
				if _, err := db.ExecContext(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			db.Close()

			s := st.open(t)
			if cur, err := s.TrackedCurrent(ctx, rules.Fingerprint()); err != nil || cur {
				t.Fatalf("tracked tables current after migration 0039: %v, %v", cur, err)
			}
			if err := s.UseDueRules(ctx, rules); err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				f    entente.CommitmentFilter
				want int
			}{
				{entente.CommitmentFilter{}, 4},
				{entente.CommitmentFilter{Area: "trade"}, 2},
				{entente.CommitmentFilter{Area: "trade", Strength: entente.Firm}, 2},
				{entente.CommitmentFilter{Area: "culture", Strength: entente.Firm}, 1},
				{entente.CommitmentFilter{Party: "RS", Status: entente.NotRated, Area: "culture"}, 2},
				{entente.CommitmentFilter{Status: entente.NotRated, Sort: "status"}, 4},
			} {
				c.f.Limit = 10
				page, total, err := s.TrackedPage(ctx, c.f, "2026-12-02")
				if err != nil {
					t.Fatal(err)
				}
				if total != c.want || len(page) != c.want {
					t.Errorf("%+v: %d commitments, total %d; want %d", c.f, len(page), total, c.want)
				}
			}
		})
	}
}
