package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/entente/entente"
)

// nearSetting is the store_settings key that names the sketch every
// version's near_sketches rows were computed with.
const nearSetting = "near.sketch"

// nearSketchID changes whenever entente.NearSketch would compute other
// hashes, so that a store sketches its versions again once.
const nearSketchID = "roll48-bins16x3"

// maxNearCandidates bounds the versions a new text is compared with.
const maxNearCandidates = 5

// versionSketch is a version's sketch, to write.
type versionSketch struct {
	vid    int64
	hashes []int64
}

// sketchArrays says that near_sketches holds a row per version, its
// hashes as one array under a GIN index (PostgreSQL, migration 0033: a
// row per hash cost a tuple header and two index entries for 8 bytes,
// 0.36 times the statements' text), rather than a row per hash (SQLite,
// whose table is its primary key's b-tree and has no array to index).
func (s *Store) sketchArrays() bool { return s.arrays() }

// insertSketches writes versions' sketches: on SQLite into near_recent,
// merged into near_sketches later (near_recent.go), unless direct (a
// rebuild of every sketch).
func (s *Store) insertSketches(ctx context.Context, tx *sql.Tx, vs []versionSketch, direct bool) error {
	var err error
	if s.sketchArrays() {
		vs = slices.DeleteFunc(slices.Clone(vs), func(v versionSketch) bool { return len(v.hashes) == 0 })
		err = s.insertRows(ctx, tx, "near_sketches", []string{"hash", "version_id"}, len(vs),
			func(i int) []any { return []any{vs[i].hashes, vs[i].vid} }, "", nil)
	} else {
		type hash struct{ h, vid int64 }
		var rows []hash
		for _, v := range vs {
			for _, h := range v.hashes {
				rows = append(rows, hash{h, v.vid})
			}
		}
		table := "near_recent"
		if direct {
			table = "near_sketches"
		}
		err = s.insertRows(ctx, tx, table, []string{"hash", "version_id"}, len(rows),
			func(i int) []any { return []any{rows[i].h, rows[i].vid} }, "", nil)
		if err == nil && !direct {
			s.staged.Add(int64(len(rows)))
		}
	}
	if err != nil {
		return fmt.Errorf("insert near-duplicate sketch: %w", err)
	}
	return nil
}

// nearCandidatesSQL is the query of the versions that share at least
// entente.NearMinShared of a sketch's hashes (bound from a), those sharing
// most first, at most maxNearCandidates: version_id and shared. On SQLite
// near_sketches and near_middle are asked for merged alone, the keys the
// filter may hold (nearLookup), near_recent for all.
func (s *Store) nearCandidatesSQL(a *args, sketch, merged []int64) string {
	limit := `HAVING count(*) >= ` + strconv.Itoa(entente.NearMinShared) + `
		ORDER BY count(*) DESC, version_id LIMIT ` + strconv.Itoa(maxNearCandidates)
	if s.sketchArrays() {
		p := a.add(sketch)
		return `SELECT n.version_id, count(*) AS shared FROM near_sketches n, unnest(n.hash) h
			WHERE n.hash && CAST(` + p + ` AS bigint[]) AND h = ANY(CAST(` + p + ` AS bigint[]))
			GROUP BY n.version_id ` + limit
	}
	// the sketches merged, those of the middle level and those staged
	// since (near_recent.go); a version's hashes are in one of the three
	var fromMerged string
	if len(merged) > 0 {
		fromMerged = `SELECT version_id FROM near_sketches WHERE hash IN (` + idList(s.dialect, a, merged) + `)
			UNION ALL
			SELECT version_id FROM near_middle WHERE hash IN (` + idList(s.dialect, a, merged) + `)
			UNION ALL
			`
	}
	staged := idList(s.dialect, a, sketch)
	return `SELECT version_id, count(*) AS shared FROM (
			` + fromMerged + `SELECT version_id FROM near_recent WHERE hash IN (` + staged + `)
		) GROUP BY version_id ` + limit
}

// nearRowsSQL is the look-up's rows of the versions nearCandidatesSQL
// finds, as scanNearRow reads them (kind 0), each with those of its
// columns a look-up returns; where, if not empty, is a condition they
// must meet.
func (s *Store) nearRowsSQL(a *args, sketch, merged []int64, where string) string {
	q := `
		SELECT 0, n.shared, v.id, v.document_id, v.language, v.authentic, v.text_sha256, v.extractor, v.created_at, coalesce(v.near_runes, 0)
		FROM (` + s.nearCandidatesSQL(a, sketch, merged) + `) n
		JOIN versions v ON v.id = n.version_id`
	if where != "" {
		q += `
		WHERE ` + where
	}
	return q
}

// generationRowSQL is the row that carries the filter's generation
// (nearLookup) after a look-up's rows, in their columns: "" when no
// generation is asked for.
func generationRowSQL(generation string) string {
	if generation == "" {
		return ""
	}
	return `
		UNION ALL
		SELECT ` + strconv.Itoa(kindGeneration) + `, ` + generation + `, 0, 0, '', FALSE, '', '', NULL, 0`
}

// scanNearRow reads a row of a look-up of versions: its kind (0 for a
// near-duplicate candidate, kindGeneration, or what the look-up gave its
// own rows), the count in its second column (the keys shared, or the
// generation), and the version.
func scanNearRow(rows *sql.Rows) (kind, shared int64, v entente.Version, err error) {
	var created sql.NullTime
	err = rows.Scan(&kind, &shared, &v.ID, &v.DocumentID, &v.Language, &v.Authentic, &v.TextSHA256, &v.Extractor, &created, &v.NearRunes)
	v.CreatedAt = created.Time.UTC()
	return kind, shared, v, err
}

// NearVersions returns the stored versions, without their text, that
// share at least entente.NearMinShared of sketch's hashes, those sharing
// most first (at most a few): the only ones a new text with this sketch can
// duplicate. VersionText reads the text of those the caller does not hold
// already (a version's text never changes: its sha256 names it).
func (s *Store) NearVersions(ctx context.Context, sketch []int64) ([]entente.Version, error) {
	return s.nearVersions(ctx, s.queryAlone, sketch)
}

// NearInWriter says whether a batch's writer finds near-duplicates for
// less than its examinations do (NearVersionsWritten): where a reading
// connection forgets its page cache whenever another commits
// (Dialect.ReadersForgetCommits).
func (s *Store) NearInWriter() bool { return s.dialect.ReadersForgetCommits() }

// NearVersionsWritten is NearVersions for the writer of a batch, which
// asks between its groups. Where a reading connection forgets its page
// cache whenever another commits, it reads through the writing
// connection, whose cache holds the index pages the batch just wrote; a
// reading connection would read them back from the log after every group
// (docs/decisions.md, "Batch ingest, eighth round").
func (s *Store) NearVersionsWritten(ctx context.Context, sketch []int64) ([]entente.Version, error) {
	if !s.dialect.ReadersForgetCommits() {
		return s.NearVersions(ctx, sketch)
	}
	return s.nearVersions(ctx, s.queryOnWriter, sketch)
}

func (s *Store) nearVersions(ctx context.Context, query queryFunc, sketch []int64) ([]entente.Version, error) {
	if len(sketch) == 0 {
		return nil, nil
	}
	var vs []entente.Version
	err := s.nearLookup(ctx, sketch, func(merged []int64, generation string) (int64, error) {
		var a args
		vs = nil
		q := s.nearRowsSQL(&a, sketch, merged, "") + generationRowSQL(generation) + `
			ORDER BY 1 DESC, 2 DESC, 3`
		gen := int64(-1)
		err := query(ctx, nil, q, a, func(rows *sql.Rows) error {
			kind, shared, v, err := scanNearRow(rows)
			switch {
			case err != nil:
				return err
			case kind == kindGeneration:
				gen = shared
			default:
				vs = append(vs, v)
			}
			return nil
		})
		return gen, err
	})
	if err != nil {
		return nil, fmt.Errorf("find near versions: %w", err)
	}
	return vs, nil
}

// VersionText returns the text of version id, or an error wrapping
// entente.ErrNotFound.
func (s *Store) VersionText(ctx context.Context, id int64) (string, error) {
	vs, err := findVersionsWith(ctx, s.queryAlone, nil, "id = $1", id)
	if err != nil {
		return "", fmt.Errorf("read version text: %w", err)
	}
	if len(vs) == 0 {
		return "", notFound("version", id)
	}
	return vs[0].Text, nil
}

// ensureSketches computes the sketch of every version, in one transaction,
// when the store's sketches were made otherwise or never (a store from
// before migration 0013). It runs once; afterwards it reads one row.
func (s *Store) ensureSketches(ctx context.Context) error {
	current := func(q interface {
		QueryRowContext(context.Context, string, ...any) *sql.Row
	}) (bool, error) {
		var v string
		err := q.QueryRowContext(ctx, `SELECT value FROM store_settings WHERE key = $1`, nearSetting).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		return v == nearSketchID, err
	}
	if ok, err := current(s.db); err != nil || ok {
		if err != nil {
			return fmt.Errorf("read near-duplicate settings: %w", err)
		}
		return nil
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := s.dialect.LockMigrations(ctx, tx); err != nil {
			return err
		}
		if ok, err := current(tx); err != nil || ok {
			return err
		}
		if err := s.sketchAll(ctx, tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO store_settings (key, value) VALUES ($1, $2)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, nearSetting, nearSketchID)
		return err
	})
	if err != nil {
		return fmt.Errorf("sketch versions for near-duplicates: %w", err)
	}
	return nil
}

// sketchAll computes the sketch of every version again, in place of those
// stored.
func (s *Store) sketchAll(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM near_sketches`); err != nil {
		return err
	}
	if !s.sketchArrays() {
		for _, level := range []string{"near_recent", "near_middle"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+level); err != nil {
				return err
			}
		}
	}
	type version struct {
		id   int64
		text string
	}
	var vs []version
	err := queryRows(ctx, tx, `SELECT id, text, text_z, `+versionBlobSQL("versions")+` FROM versions ORDER BY id`, nil, func(rows *sql.Rows) error {
		var (
			v       version
			z, blob []byte
			comp    sql.NullString
		)
		if err := rows.Scan(&v.id, &v.text, &z, &blob, &comp); err != nil {
			return err
		}
		var err error
		if v.text, err = versionTextOf(v.text, z, blob, comp); err != nil {
			return fmt.Errorf("version %d: %w", v.id, err)
		}
		vs = append(vs, v)
		return nil
	})
	if err != nil {
		return err
	}
	sketches := make([]versionSketch, len(vs))
	for i, v := range vs {
		sketches[i] = versionSketch{v.id, entente.NearSketch(v.text)}
	}
	if err := s.insertSketches(ctx, tx, sketches, true); err != nil {
		return err
	}
	if s.sketchArrays() {
		return nil
	}
	return s.buildNearFilter(ctx, tx)
}

// withDifferences fills in how each near-duplicate source of d differs
// from its version's text (versions read with their text).
func withDifferences(d *entente.StoredDocument) {
	for i := range d.Sources {
		src := &d.Sources[i]
		if !src.NearSource() {
			continue
		}
		for _, v := range d.Versions {
			if v.ID == src.VersionID {
				src.Differences = entente.TextDifferences(v.Text, src.Text)
			}
		}
	}
}

// nearText is a source's own text as stored: NULL for a source with its
// version's text.
func nearText(src entente.Source) any {
	if src.Text == "" {
		return nil
	}
	return src.Text
}

// nearCoverage is a near-duplicate's coverage as stored, NULL otherwise.
func nearCoverage(src entente.Source) any {
	if src.Text == "" {
		return nil
	}
	return src.Coverage
}

// sourceEvent is what the log says of a source added to document doc.
func sourceEvent(src entente.Source, doc int64) map[string]any {
	after := map[string]any{"file": src.Name, "sha256": src.SHA256, "document": doc}
	if src.NearSource() {
		after["near_duplicate"] = true
		after["coverage"] = src.Coverage
	}
	return after
}
