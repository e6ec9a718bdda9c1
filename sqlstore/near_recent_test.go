package sqlstore_test

import (
	"context"
	"math"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// mergedRows are the sketch rows merged on SQLite: in near_middle, or
// merged from there into near_sketches.
const mergedRows = `(SELECT hash, version_id FROM near_sketches UNION ALL SELECT hash, version_id FROM near_middle)`

// TestNearSketchesStaged: on SQLite a new version's sketch is staged in
// near_recent and found there; a write that finds many staged merges them
// all (into near_middle, mergedRows), as the indexer's catch-up does once they reach
// the same bound; a deleted document's staged rows go with it; a restored
// dump finds its versions again. On PostgreSQL the same look-ups find the
// same versions.
func TestNearSketchesStaged(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := t.Context()
		sqlite := s.Dialect().Name() == "sqlite"
		count := func(table string) int {
			t.Helper()
			if !sqlite {
				return 0
			}
			var n int
			if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		finds := func(what, text string, want int64) {
			t.Helper()
			for name, look := range map[string]func(context.Context, []int64) ([]entente.Version, error){
				"NearVersions": s.NearVersions, "NearVersionsWritten": s.NearVersionsWritten,
			} {
				vs, err := look(ctx, entente.NearSketch(text))
				if err != nil {
					t.Fatal(err)
				}
				if want == 0 && len(vs) != 0 || want != 0 && (len(vs) == 0 || vs[0].DocumentID != want) {
					t.Errorf("%s: %s finds %+v, want document %d", what, name, vs, want)
				}
			}
		}
		republished := func(d *entente.NewDocument) string { return "新华社北京电\n" + d.Text + "\n（完）\n" }

		a := corpusDoc(t, statement)
		aID := mustCreate(t, s, a)
		if sqlite && (count("near_recent") == 0 || count(mergedRows) != 0) {
			t.Fatalf("after a write: %d staged rows, %d merged, want all staged", count("near_recent"), count(mergedRows))
		}
		finds("staged", republished(a), aID)

		// a write past the bound merges what waits, its own rows too
		sqlstore.SetMergeRows(s, 1)
		b := corpusDoc(t, "cn-ae-2019-joint-statement.zh.txt")
		bID := mustCreate(t, s, b)
		if sqlite && (count("near_recent") != 0 || count(mergedRows) == 0) {
			t.Errorf("after a write past the bound: %d staged rows, %d merged, want all merged", count("near_recent"), count(mergedRows))
		}
		finds("merged", republished(a), aID)
		finds("merged in the same write", republished(b), bID)

		// a staged version deleted takes its rows; the catch-up merges
		sqlstore.SetMergeRows(s, 1<<40)
		if err := s.DeleteDocument(ctx, aID); err != nil {
			t.Fatal(err)
		}
		finds("deleted", republished(a), 0)
		cID := mustCreate(t, s, a)
		staged := count("near_recent")
		dID := mustCreate(t, s, corpusDoc(t, "us-ie-2021-joint-statement.en.txt"))
		if err := s.DeleteDocument(ctx, dID); err != nil {
			t.Fatal(err)
		}
		if got := count("near_recent"); got != staged {
			t.Errorf("a deleted document left %d staged rows, want %d", got-staged, 0)
		}
		fresh := openSQLite(t)
		if !sqlite {
			fresh = openPostgres(t)
		}
		restore(t, fresh, dump(t, s))
		if vs, err := fresh.NearVersions(ctx, entente.NearSketch(republished(a))); err != nil || len(vs) == 0 || vs[0].DocumentID != cID {
			t.Errorf("the restored store finds %+v (%v), want document %d", vs, err, cID)
		}
		// the catch-up leaves fewer staged rows than the bound, and
		// merges them all once they reach it, whoever staged them
		staged = count("near_recent")
		if _, err := s.DrainIndex(ctx); err != nil {
			t.Fatal(err)
		}
		if sqlite && count("near_recent") != staged {
			t.Errorf("after the catch-up below the bound: %d staged rows, want %d", count("near_recent"), staged)
		}
		sqlstore.SetMergeRows(s, int64(staged))
		if _, err := s.DrainIndex(ctx); err != nil {
			t.Fatal(err)
		}
		if sqlite && count("near_recent") != 0 {
			t.Errorf("after the catch-up at the bound: %d staged rows, want none", count("near_recent"))
		}
		finds("merged by the catch-up", republished(a), cID)
	})
}

// TestSketchRanges: a merge's parts cover every int64 once, in order, each
// about MergePartRows of the staged rows.
func TestSketchRanges(t *testing.T) {
	for _, staged := range []int64{0, 1, sqlstore.MergePartRows - 1, sqlstore.MergePartRows, sqlstore.MergePartRows + 1, 5000, 1 << 20} {
		rs := sqlstore.SketchRanges(staged)
		want := max(1, (staged+sqlstore.MergePartRows-1)/sqlstore.MergePartRows)
		if int64(len(rs)) != want {
			t.Errorf("%d staged rows: %d parts, want %d", staged, len(rs), want)
		}
		if rs[0][0] != math.MinInt64 || rs[len(rs)-1][1] != math.MaxInt64 {
			t.Errorf("%d staged rows: the parts run from %d to %d, want every int64", staged, rs[0][0], rs[len(rs)-1][1])
		}
		for i, r := range rs {
			if r[0] > r[1] {
				t.Errorf("%d staged rows: part %d is empty (%d to %d)", staged, i, r[0], r[1])
			}
			if i > 0 && r[0] != rs[i-1][1]+1 {
				t.Errorf("%d staged rows: part %d starts at %d, after %d", staged, i, r[0], rs[i-1][1])
			}
		}
	}
}

// TestNearSketchesMergedInParts: a merge of more staged rows than one part
// moves every one of them, those at the ends of the int64s and at the
// parts' bounds too, and leaves nothing staged.
func TestNearSketchesMergedInParts(t *testing.T) {
	s := openSQLite(t)
	ctx := t.Context()
	sqlstore.SetMergeRows(s, 1<<40)
	mustCreate(t, s, corpusDoc(t, statement))
	if err := s.MergeSketches(ctx); err != nil {
		t.Fatal(err)
	}
	var version, merged int64
	if err := s.DB().QueryRowContext(ctx, `SELECT min(id) FROM versions`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM `+mergedRows).Scan(&merged); err != nil {
		t.Fatal(err)
	}
	const n = 5 * sqlstore.MergePartRows
	hashes := map[int64]bool{math.MinInt64: true, -1: true, 0: true, math.MaxInt64: true}
	for _, r := range sqlstore.SketchRanges(n) {
		hashes[r[0]], hashes[r[1]] = true, true
	}
	x := uint64(88172645463325252)
	for len(hashes) < n {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		hashes[int64(x>>1)] = true // spread over the non-negative int64s, as sketch keys are
	}
	for h := range hashes {
		if _, err := s.DB().ExecContext(ctx, `INSERT INTO near_recent (hash, version_id) VALUES (?, ?)`, h, version); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.MergeSketches(ctx); err != nil {
		t.Fatal(err)
	}
	var staged, moved int64
	if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM near_recent`).Scan(&staged); err != nil {
		t.Fatal(err)
	}
	if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM `+mergedRows).Scan(&moved); err != nil {
		t.Fatal(err)
	}
	if staged != 0 || moved-merged != int64(len(hashes)) {
		t.Errorf("after the merge: %d rows staged, %d merged, want 0 and %d", staged, moved-merged, len(hashes))
	}
	for h := range hashes {
		var found bool
		if err := s.DB().QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+mergedRows+` WHERE hash = ? AND version_id = ?)`, h, version).Scan(&found); err != nil {
			t.Fatal(err)
		}
		if !found {
			t.Errorf("hash %d was not merged", h)
		}
	}
}

// TestNearMiddleLevel: on SQLite a merge moves the staged sketches into
// near_middle, and near_middle into near_sketches once it holds its bound;
// versions are found in either level, a deleted version's rows leave the
// middle level, and the filter holds the keys of both.
func TestNearMiddleLevel(t *testing.T) {
	s := openSQLite(t)
	ctx := t.Context()
	rows := func(table string) int {
		t.Helper()
		var n int
		if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	sqlstore.SetMergeRows(s, 1)
	sqlstore.SetMiddleRows(s, 20) // more than one statement's keys, fewer than two's
	sqlstore.SetNearFilter(s, 1, 0)
	a := corpusDoc(t, statement)
	aID := mustCreate(t, s, a)
	if rows("near_recent") != 0 || rows("near_middle") == 0 || rows("near_sketches") != 0 {
		t.Fatalf("after one merge: %d staged, %d in the middle, %d merged; want all in the middle",
			rows("near_recent"), rows("near_middle"), rows("near_sketches"))
	}
	nearFinds(t, s, "in the middle level", republished(a), aID)
	b := corpusDoc(t, "cn-ae-2019-joint-statement.zh.txt")
	bID := mustCreate(t, s, b)
	if rows("near_middle") != 0 || rows("near_sketches") == 0 {
		t.Fatalf("after the middle level passed its bound: %d in the middle, %d merged; want all merged",
			rows("near_middle"), rows("near_sketches"))
	}
	nearFinds(t, s, "merged from the middle level", republished(a), aID)
	nearFinds(t, s, "merged from the middle level", republished(b), bID)
	c := corpusDoc(t, "us-ie-2021-joint-statement.en.txt")
	cID := mustCreate(t, s, c)
	nearFinds(t, s, "in the middle level beside merged ones", republished(c), cID)
	if err := s.IntegrityCheck(ctx); err != nil {
		t.Error(err)
	}
	if err := s.DeleteDocument(ctx, cID); err != nil {
		t.Fatal(err)
	}
	if n := rows("near_middle"); n != 0 {
		t.Errorf("a deleted version left %d rows in the middle level", n)
	}
	nearFinds(t, s, "deleted", republished(c), 0)
}
