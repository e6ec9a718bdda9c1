package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/entente/entente"
)

// FindText looks a new text up as ingest does before extracting it: the
// version whose text has this sha256 (exact, without its text), or, when
// there is none, the versions that share enough of sketch to be
// near-duplicates of it (near, as NearVersions returns them). On
// PostgreSQL both are one statement, a round trip and a statement fewer
// per new input than the two look-ups (a batch's look-ups were a third of
// its backends' CPU); SQLite, in the process, runs the two.
func (s *Store) FindText(ctx context.Context, textSHA string, sketch []int64) (exact *entente.Version, near []entente.Version, err error) {
	if !s.sketchArrays() || len(sketch) == 0 {
		v, err := s.VersionByTextSHA256(ctx, textSHA)
		if err == nil {
			return v, nil, nil
		}
		if !errors.Is(err, entente.ErrNotFound) {
			return nil, nil, err
		}
		vs, err := s.NearVersions(ctx, sketch)
		return nil, vs, err
	}
	var a args
	sha := a.add(textSHA)
	// the near-duplicate candidates are looked for only when no version
	// has the text (a one-time filter the executor tests first)
	err = s.queryAlone(ctx, nil, `
		SELECT TRUE, 0, t.id, t.document_id, t.language, t.authentic, t.text_sha256, t.extractor, t.created_at, 0
		FROM versions t WHERE `+versionOfText("t", sha)+`
		UNION ALL
		SELECT FALSE, n.shared, v.id, v.document_id, v.language, v.authentic, v.text_sha256, v.extractor, v.created_at, coalesce(v.near_runes, 0)
		FROM (`+s.nearCandidatesSQL(&a, sketch, sketch)+`) n
		JOIN versions v ON v.id = n.version_id
		WHERE NOT EXISTS (SELECT 1 FROM versions x WHERE `+versionOfText("x", sha)+`)
		ORDER BY 1 DESC, 2 DESC, 3`, a,
		func(rows *sql.Rows) error {
			var (
				v       entente.Version
				isExact bool
				shared  int64
			)
			if err := rows.Scan(&isExact, &shared, &v.ID, &v.DocumentID, &v.Language, &v.Authentic, &v.TextSHA256, &v.Extractor, &v.CreatedAt, &v.NearRunes); err != nil {
				return err
			}
			v.CreatedAt = v.CreatedAt.UTC()
			if isExact {
				if exact == nil {
					exact = &v
				}
				return nil
			}
			near = append(near, v)
			return nil
		})
	if err != nil {
		return nil, nil, fmt.Errorf("find text: %w", err)
	}
	if exact != nil {
		return exact, nil, nil
	}
	return nil, near, nil
}
