package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/entente/entente"
)

// insertGroup writes prepared documents, each table's rows of all of them
// in as few statements as the limits allow (a statement costs a round
// trip, a parse and its triggers whatever its rows), and returns their
// ids in order and their search index rows, which the caller writes. A
// document that cannot be written fails the group: the caller's
// transaction leaves nothing of any.
func (s *Store) insertGroup(ctx context.Context, tx *sql.Tx, ps []*preparedDocument, now time.Time) ([]int64, []IndexRow, error) {
	ids, err := s.insertDocuments(ctx, tx, ps, now)
	if err != nil {
		return nil, nil, err
	}
	vs := make([]*versionWrite, len(ps))
	for i, p := range ps {
		vs[i] = &versionWrite{did: ids[i], x: p.d.Extraction, sents: p.sents, deferIndex: p.deferIndex}
	}
	if err := s.insertVersions(ctx, tx, ps, vs, now); err != nil {
		return nil, nil, err
	}
	for i, p := range ps {
		if p.d.LanguageGiven {
			// rare (an operator's --lang), so a statement of its own rather
			// than a column every insert carries
			if _, err := tx.ExecContext(ctx, `UPDATE versions SET language_given = TRUE WHERE id = $1`, vs[i].vid); err != nil {
				return nil, nil, fmt.Errorf("version %d: the given language: %w", vs[i].vid, err)
			}
		}
	}
	sketches := make([]versionSketch, len(ps))
	for i, p := range ps {
		sketches[i] = versionSketch{vs[i].vid, p.sketch}
	}
	if err := s.insertSketches(ctx, tx, sketches, false); err != nil {
		return nil, nil, err
	}
	if err := s.mergeSketchesIfMany(ctx, tx); err != nil {
		return nil, nil, err
	}
	if err := s.insertSources(ctx, tx, ps, vs, now); err != nil {
		return nil, nil, err
	}
	rows, err := s.insertExtractions(ctx, tx, vs)
	if err != nil {
		return nil, nil, err
	}
	if err := s.queueIndex(ctx, tx, vs, now); err != nil {
		return nil, nil, err
	}
	return ids, rows, nil
}

// insertDocuments writes the documents of ps with their parties and
// signatories and returns their ids in order. Both databases give the ids
// of one INSERT in the order of its rows (SQLite the next rowid, a
// PostgreSQL sequence read row by row), so the returned ids, sorted, are
// the rows' in order.
func (s *Store) insertDocuments(ctx context.Context, tx *sql.Tx, ps []*preparedDocument, now time.Time) ([]int64, error) {
	langs := make([]string, len(ps))
	for i, p := range ps {
		b, err := json.Marshal(nonNil(p.d.Extraction.Document.AuthenticLanguages))
		if err != nil {
			return nil, err
		}
		langs[i] = string(b)
	}
	ids := make([]int64, 0, len(ps))
	err := s.insertRows(ctx, tx, "documents",
		[]string{"title", "kind", "language", "signed_date", "signed_place", "news_dateline", "authentic_languages", "created_at"}, len(ps),
		func(i int) []any {
			doc := &ps[i].d.Extraction.Document
			return []any{doc.Title, string(doc.Kind), doc.Language, nullString(doc.SignedDate), nullString(doc.SignedPlace),
				doc.NewsDateline, langs[i], now}
		},
		"id", func(rows *sql.Rows) error {
			var id int64
			err := rows.Scan(&id)
			ids = append(ids, id)
			return err
		})
	if err != nil {
		return nil, fmt.Errorf("insert document: %w", err)
	}
	if len(ids) != len(ps) {
		return nil, fmt.Errorf("insert document: %d ids for %d documents", len(ids), len(ps))
	}
	slices.Sort(ids)
	type row struct{ doc, pos int }
	var parties, signatories []row
	for i, p := range ps {
		for j := range p.d.Extraction.Document.Parties {
			parties = append(parties, row{i, j})
		}
		for j := range p.d.Extraction.Document.Signatories {
			signatories = append(signatories, row{i, j})
		}
	}
	err = s.insertRows(ctx, tx, "document_parties", []string{"document_id", "position", "party"}, len(parties),
		func(i int) []any {
			r := parties[i]
			return []any{ids[r.doc], r.pos, ps[r.doc].d.Extraction.Document.Parties[r.pos]}
		}, "", nil)
	if err != nil {
		return nil, fmt.Errorf("insert parties: %w", err)
	}
	err = s.insertRows(ctx, tx, "signatories", []string{"document_id", "position", "name", "title", "party"}, len(signatories),
		func(i int) []any {
			r := signatories[i]
			g := ps[r.doc].d.Extraction.Document.Signatories[r.pos]
			return []any{ids[r.doc], r.pos, g.Name, g.Title, g.Party}
		}, "", nil)
	if err != nil {
		return nil, fmt.Errorf("insert signatories: %w", err)
	}
	return ids, nil
}

// insertVersions writes each document's version and sets vs[i].vid.
func (s *Store) insertVersions(ctx context.Context, tx *sql.Tx, ps []*preparedDocument, vs []*versionWrite, now time.Time) error {
	byDoc := make(map[int64]*versionWrite, len(vs))
	for _, w := range vs {
		byDoc[w.did] = w
	}
	cols := []string{"document_id", "language", "authentic", "text_sha256", "text", "text_z", "extractor",
		"sentence_count", "commitment_count", "token_count", "created_at", "sections", "text_blob", "near_runes"}
	err := s.insertRows(ctx, tx, "versions", cols, len(ps),
		func(i int) []any {
			p := ps[i]
			doc := &p.d.Extraction.Document
			var commitments, tokens int
			for _, st := range p.sents {
				if st.Type == entente.Commitment {
					commitments++
				}
				tokens += len(st.tokens)
			}
			text := p.d.Text
			if p.textZ != nil {
				text = ""
			}
			// authentic when the text names its language among the equally authentic ones
			authentic := slices.Contains(doc.AuthenticLanguages, doc.Language)
			return []any{vs[i].did, doc.Language, authentic, p.textSHA, text, p.textZ, p.d.Extractor,
				len(p.sents), commitments, tokens, now, packSections(p.d.Extraction.Sections), emptyNull(p.textBlob), p.runes}
		},
		"id, document_id", func(rows *sql.Rows) error {
			var id, doc int64
			if err := rows.Scan(&id, &doc); err != nil {
				return err
			}
			w := byDoc[doc]
			if w == nil {
				return fmt.Errorf("insert returned a version of document %d, not one written", doc)
			}
			w.vid = id
			return nil
		})
	if err != nil {
		return fmt.Errorf("insert version: %w", err)
	}
	return nil
}

// insertSources writes each document's source and its bytes
// (source_blobs.go).
func (s *Store) insertSources(ctx context.Context, tx *sql.Tx, ps []*preparedDocument, vs []*versionWrite, now time.Time) error {
	_, err := s.insertNewSources(ctx, tx, len(ps), func(i int) newSource {
		p := ps[i]
		return newSource{vid: vs[i].vid, src: p.src, original: p.d.Original, stored: p.stored, compression: p.storedCompression}
	}, now)
	return err
}
