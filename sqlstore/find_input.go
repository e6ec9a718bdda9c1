package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/entente/entente"
)

// FindInput looks a new input up as ingest does once it has read its
// text: the source whose bytes have bytesSHA (src: its id and document
// alone), or else the version whose text has textSHA (exact, without its
// text), or else the versions whose sketch shares enough of sketch to be
// near-duplicates (near, as NearVersions returns them). What it returns
// is what SourceBySHA256, then FindText, return, in one statement: a
// batch ingest looks up every input, and each look-up cost a statement
// (on PostgreSQL a round trip and a backend's wake-up; on SQLite a read
// transaction begun and its page cache read again after each commit).
// Ingest decodes first only inputs that it reads in the process (text and
// HTML), so that a known PDF is not read again to be found.
func (s *Store) FindInput(ctx context.Context, bytesSHA, textSHA string, sketch []int64) (src *entente.Source, exact *entente.Version, near []entente.Version, err error) {
	look := func(merged []int64, generation string) (int64, error) {
		src, exact, near = nil, nil, nil
		var a args
		bsha, tsha := a.add(bytesSHA), a.add(textSHA)
		known := `EXISTS (SELECT 1 FROM sources y WHERE ` + sourceOfBytes("y", bsha) + `)`
		q := `
		SELECT 2, 0, s.id, v.document_id, v.language, v.authentic, v.text_sha256, v.extractor, s.created_at, 0
		FROM sources s JOIN versions v ON v.id = s.version_id WHERE ` + sourceOfBytes("s", bsha) + `
		UNION ALL
		SELECT 1, 0, t.id, t.document_id, t.language, t.authentic, t.text_sha256, t.extractor, t.created_at, 0
		FROM versions t WHERE ` + versionOfText("t", tsha) + ` AND NOT ` + known
		if len(sketch) > 0 {
			// the near-duplicate candidates are looked for only when neither
			// the bytes nor the text are stored (one-time filters the executor
			// tests first)
			q += `
		UNION ALL` + s.nearRowsSQL(&a, sketch, merged, `NOT EXISTS (SELECT 1 FROM versions x WHERE `+versionOfText("x", tsha)+`) AND NOT `+known)
		}
		q += generationRowSQL(generation) + `
		ORDER BY 1 DESC, 2 DESC, 3`
		gen := int64(-1)
		err := s.queryAlone(ctx, nil, q, a, func(rows *sql.Rows) error {
			kind, shared, v, err := scanNearRow(rows)
			if err != nil {
				return err
			}
			switch {
			case kind == kindGeneration:
				gen = shared
			case kind == 2:
				if src == nil { // the first source, as SourceBySHA256 gives it (ORDER BY id)
					src = &entente.Source{ID: v.ID, DocumentID: v.DocumentID, SHA256: bytesSHA, CreatedAt: v.CreatedAt}
				}
			case kind == 1:
				if exact == nil {
					exact = &v
				}
			default:
				near = append(near, v)
			}
			return nil
		})
		return gen, err
	}
	err = s.nearLookup(ctx, sketch, look)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("find input: %w", err)
	}
	switch {
	case src != nil:
		return src, nil, nil, nil
	case exact != nil:
		return nil, exact, nil, nil
	}
	return nil, nil, near, nil
}
