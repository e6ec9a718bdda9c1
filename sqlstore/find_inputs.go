package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/entente/entente"
)

// inputsAtOnce is how many inputs a batch looks up in one FindInputs where
// the dialect binds arrays: on PostgreSQL each FindInput was a round trip
// and a statement whose executor start-up alone (a plan of some thirty
// nodes) cost as much as its look-ups (docs/decisions.md, "Batch ingest on
// PostgreSQL, ninth round").
const inputsAtOnce = 8

// InputsAtOnce is how many inputs a batch should look up in one
// FindInputs: several where one statement looks them all up, one where
// FindInputs would only call FindInput for each.
func (s *Store) InputsAtOnce() int {
	if s.arrays() {
		return inputsAtOnce
	}
	return 1
}

// FindInputs is FindInput for several inputs at once: input i has bytes
// bytesSHA[i], text textSHA[i] and sketch sketches[i] (none: its
// near-duplicates are not looked up), and what FindInput would return for
// it is src[i], exact[i] and near[i]. Where the dialect binds arrays it is
// one statement.
func (s *Store) FindInputs(ctx context.Context, bytesSHA, textSHA []string, sketches [][]int64) (src []*entente.Source, exact []*entente.Version, near [][]entente.Version, err error) {
	n := len(bytesSHA)
	if len(textSHA) != n || len(sketches) != n {
		return nil, nil, nil, fmt.Errorf("find inputs: %d bytes, %d texts and %d sketches", n, len(textSHA), len(sketches))
	}
	src, exact, near = make([]*entente.Source, n), make([]*entente.Version, n), make([][]entente.Version, n)
	if !s.arrays() {
		for i := range n {
			if src[i], exact[i], near[i], err = s.FindInput(ctx, bytesSHA[i], textSHA[i], sketches[i]); err != nil {
				return nil, nil, nil, err
			}
		}
		return src, exact, near, nil
	}
	if n == 0 {
		return src, exact, near, nil
	}
	// Each input's sketch is a slice [lo, hi] (1-based, as PostgreSQL's
	// arrays are) of one array of all the sketches' hashes; an input
	// without one has hi < lo.
	all, lo, hi := make([]int64, 0, 16*n), make([]int32, n), make([]int32, n)
	for i, sk := range sketches {
		lo[i] = int32(len(all) + 1)
		all = append(all, sk...)
		hi[i] = int32(len(all))
	}
	var a args
	bsha, tsha, plo, phi, pall := a.add(bytesSHA), a.add(textSHA), a.add(lo), a.add(hi), a.add(all)
	bshas, tshas := `(CAST(`+bsha+` AS text[]))[q.n]`, `(CAST(`+tsha+` AS text[]))[q.n]`
	los, his := `(CAST(`+plo+` AS int[]))[q.n]`, `(CAST(`+phi+` AS int[]))[q.n]`
	sketch := `(CAST(` + pall + ` AS bigint[]))[` + los + `:` + his + `]`
	// The plan is kept for the session (the look-up pool's sessions keep
	// a statement's generic plan once it costs no more than those made
	// for each run's values), so it must be good whatever the statistics
	// it was made from, and the same whatever the number of inputs:
	// - the inputs are numbered by generate_subscripts, whose estimate
	//   (1,000 rows) is the same for a run's arrays as for a generic
	//   plan's (unnest knows an array's length when it is given, and a
	//   generic plan then cost more than one made for eight inputs, so
	//   every run was planned anew);
	// - each input is looked up by a key in a LATERAL subquery that the
	//   planner cannot fold into a join (LIMIT: a source's bytes and a
	//   version's text and id are unique), so an index probe per input: as
	//   a join, a plan made while the store was small hashed every row of
	//   sources for every statement;
	// - the near-duplicate candidates of an input are looked for only
	//   when neither its bytes nor its text are stored, filters tested
	//   before the lateral look-up runs (OFFSET 0 keeps each a probe per
	//   input rather than an anti-join the planner may hash);
	// - a version is found by its text with PostgreSQL's unique index of
	//   every version's text (SQLite finds a plain-text upload's through
	//   its blob: versionOfText).
	q := `
		SELECT q.n, 2, 0, f.id, f.document_id, f.language, f.authentic, f.text_sha256, f.extractor, f.created_at, f.near_runes
		FROM generate_subscripts(CAST(` + bsha + ` AS text[]), 1) q(n)
		CROSS JOIN LATERAL (SELECT s.id, v.document_id, v.language, v.authentic, v.text_sha256, v.extractor, s.created_at, 0 AS near_runes
			FROM sources s JOIN versions v ON v.id = s.version_id WHERE ` + sourceOfBytes("s", bshas) + ` LIMIT 1) f
		UNION ALL
		SELECT q.n, 1, 0, f.id, f.document_id, f.language, f.authentic, f.text_sha256, f.extractor, f.created_at, f.near_runes
		FROM generate_subscripts(CAST(` + tsha + ` AS text[]), 1) q(n)
		CROSS JOIN LATERAL (SELECT v.id, v.document_id, v.language, v.authentic, v.text_sha256, v.extractor, v.created_at, 0 AS near_runes
			FROM versions v WHERE v.text_sha256 = ` + tshas + ` LIMIT 1) f
		UNION ALL
		SELECT q.n, 0, c.shared, f.id, f.document_id, f.language, f.authentic, f.text_sha256, f.extractor, f.created_at, f.near_runes
		FROM generate_subscripts(CAST(` + plo + ` AS int[]), 1) q(n)
		CROSS JOIN LATERAL (SELECT ns.version_id, count(*) AS shared FROM near_sketches ns, unnest(ns.hash) h
			WHERE ns.hash && ` + sketch + ` AND h = ANY(` + sketch + `)
			GROUP BY ns.version_id HAVING count(*) >= ` + strconv.Itoa(entente.NearMinShared) + `
			ORDER BY count(*) DESC, ns.version_id LIMIT ` + strconv.Itoa(maxNearCandidates) + `) c
		CROSS JOIN LATERAL (SELECT v.id, v.document_id, v.language, v.authentic, v.text_sha256, v.extractor, v.created_at, coalesce(v.near_runes, 0) AS near_runes
			FROM versions v WHERE v.id = c.version_id LIMIT 1) f
		WHERE ` + his + ` >= ` + los + `
			AND NOT EXISTS (SELECT 1 FROM versions x WHERE x.text_sha256 = ` + tshas + ` OFFSET 0)
			AND NOT EXISTS (SELECT 1 FROM sources y WHERE ` + sourceOfBytes("y", bshas) + ` OFFSET 0)
		ORDER BY 1, 2 DESC, 3 DESC, 4`
	err = s.queryAlone(ctx, nil, q, a, func(rows *sql.Rows) error {
		var (
			v          entente.Version
			k, kind    int
			shared, id int64
		)
		if err := rows.Scan(&k, &kind, &shared, &id, &v.DocumentID, &v.Language, &v.Authentic, &v.TextSHA256, &v.Extractor, &v.CreatedAt, &v.NearRunes); err != nil {
			return err
		}
		if k < 1 || k > n {
			return fmt.Errorf("input %d of %d", k, n)
		}
		i := k - 1
		v.ID, v.CreatedAt = id, v.CreatedAt.UTC()
		switch {
		case kind == 2:
			if src[i] == nil {
				src[i] = &entente.Source{ID: id, DocumentID: v.DocumentID, SHA256: bytesSHA[i], CreatedAt: v.CreatedAt}
			}
		case kind == 1:
			if exact[i] == nil {
				exact[i] = &v
			}
		default:
			near[i] = append(near[i], v)
		}
		return nil
	})
	if err != nil {
		return nil, nil, nil, fmt.Errorf("find inputs: %w", err)
	}
	// as FindInput: the source, or else the version with the text, or else
	// the near-duplicate candidates
	for i := range n {
		switch {
		case src[i] != nil:
			exact[i], near[i] = nil, nil
		case exact[i] != nil:
			near[i] = nil
		}
	}
	return src, exact, near, nil
}
