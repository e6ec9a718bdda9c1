package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/entente/entente"
)

// Version links: two stored documents that are one statement in two
// languages or scripts. A pair's row holds the last decision about it
// (linked or not, by the matcher or an analyst), so that an analyst's
// unlink keeps the matcher from linking the pair again; every decision
// writes its event in its own transaction.

// SetVersionLink records that documents a and b are (linked) or are not
// versions of one statement. The matcher (origin entente.LinkAuto) never
// overrides a decision already recorded and returns false then; an
// editor's link of a linked pair, or unlink of a pair already unlinked, is
// a conflict.
func (s *Store) SetVersionLink(ctx context.Context, a, b int64, linked bool, origin, why string) (bool, error) {
	if a == b {
		return false, entente.Errorf(entente.EINVALID, "a document is not a version of itself")
	}
	if origin != entente.LinkAuto && origin != entente.LinkManual {
		return false, entente.Errorf(entente.EINVALID, "a link is %s or %s, not %q", entente.LinkAuto, entente.LinkManual, origin)
	}
	lo, hi := min(a, b), max(a, b)
	changed := false
	err := s.write(ctx, func(tx *sql.Tx) error {
		for _, id := range []int64{lo, hi} {
			var one int
			if err := tx.QueryRowContext(ctx, `SELECT 1 FROM documents WHERE id = $1`, id).Scan(&one); err != nil {
				if errors.Is(err, sql.ErrNoRows) {
					return notFound("document", id)
				}
				return err
			}
		}
		var was bool
		err := tx.QueryRowContext(ctx, `SELECT linked FROM version_links WHERE document_a = $1 AND document_b = $2`, lo, hi).Scan(&was)
		exists := err == nil
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		switch {
		case origin == entente.LinkAuto && exists:
			return nil // a decision stands over the matcher
		case origin == entente.LinkManual && linked && exists && was:
			return entente.Errorf(entente.ECONFLICT, "documents %d and %d are already linked as versions", lo, hi)
		case origin == entente.LinkManual && !linked && exists && !was:
			// a pair never decided can be said not to be versions, so that
			// nothing reading align.Versions takes them for one statement
			return entente.Errorf(entente.ECONFLICT, "documents %d and %d are already said not to be versions", lo, hi)
		}
		actor := entente.ActorFromContext(ctx).Name
		_, err = tx.ExecContext(ctx, `
			INSERT INTO version_links (document_a, document_b, linked, origin, reason, actor, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (document_a, document_b) DO UPDATE SET linked = excluded.linked, origin = excluded.origin,
				reason = excluded.reason, actor = excluded.actor, updated_at = excluded.updated_at`,
			lo, hi, linked, origin, why, actor, s.now())
		if err != nil {
			return fmt.Errorf("write version link: %w", err)
		}
		action := "link"
		if !linked {
			action = "unlink"
		}
		changed = true
		var before any
		if exists {
			before = map[string]any{"linked": was}
		}
		return s.logChangeOf(ctx, tx, change{action: action, entity: "document", id: a, document: a, why: why,
			before: before, after: map[string]any{"other": b, "linked": linked, "origin": origin}})
	})
	if err != nil {
		return false, fmt.Errorf("version link %d–%d: %w", a, b, err)
	}
	return changed, nil
}

// VersionLinks returns the decisions about doc's versions: the documents
// linked to it, and those an analyst said are not its versions (Linked
// false), each with its title and language, in the order of their ids.
func (s *Store) VersionLinks(ctx context.Context, doc int64) ([]entente.VersionLink, error) {
	out := []entente.VersionLink{}
	err := s.read(ctx, func(tx *sql.Tx) error {
		return queryRows(ctx, tx, `
			SELECT d.id, d.title, d.language, l.linked, l.origin, l.reason, l.actor, l.updated_at
			FROM version_links l
			JOIN documents d ON d.id = CASE WHEN l.document_a = $1 THEN l.document_b ELSE l.document_a END
			WHERE l.document_a = $1 OR l.document_b = $1
			ORDER BY d.id`, []any{doc},
			func(rows *sql.Rows) error {
				l := entente.VersionLink{Document: doc}
				if err := rows.Scan(&l.Other, &l.Title, &l.Language, &l.Linked, &l.Origin, &l.Reason, &l.Actor, &l.At); err != nil {
					return err
				}
				out = append(out, l)
				return nil
			})
	})
	if err != nil {
		return nil, fmt.Errorf("version links of %d: %w", doc, err)
	}
	return out, nil
}

// VersionCandidates lists the documents that could be versions of each of
// docs, by document, for the matcher to compare: signed the same day, in
// another language, not withdrawn, with no decision recorded about the
// pair, and of the same kind and parties (in order) as the document as
// stored, unless the candidate's heading has corrections (then the
// matcher compares it as corrected); at most maxVersionCandidates each, the
// oldest first. One statement for all: a batch asks for each group it
// stores, and a statement per document (a read on a page cache its commit
// had just emptied, on SQLite) was a twentieth of the batch's CPU.
//
// The kind and the parties are what align.Headings compares first; most
// documents of a day in other languages are other pairs' statements. In
// a library of 100,000 a day holds some ten statements, and reading each
// candidate's heading to reject it there was most of the matcher's cost,
// a seventh of a batch's writer (docs/decisions.md, "Batch ingest,
// fifteenth session").
//
// Where a reading connection forgets its page cache whenever another
// commits (SQLite), the statement runs on the writing connection, outside
// any transaction: it is only ever asked right after new documents were
// committed, and the writer's cache holds the date index and the rows of
// the days a batch writes, where a look-up connection read them back after
// each group and then freed them again at the next commit
// (docs/decisions.md, "Batch ingest, eighteenth session").
func (s *Store) VersionCandidates(ctx context.Context, docs []int64) (map[int64][]int64, error) {
	out := map[int64][]int64{}
	if len(docs) == 0 {
		return out, nil
	}
	query := s.queryAlone
	if s.dialect.ReadersForgetCommits() {
		query = s.queryOnWriter
	}
	var a args
	err := query(ctx, nil, `
			SELECT d.id, o.id FROM documents d
			JOIN documents o ON o.signed_date = d.signed_date AND o.language <> d.language AND o.id <> d.id
			WHERE `+s.idsIn("d.id", &a, docs)+` AND o.withdrawn_at IS NULL
				AND NOT EXISTS (SELECT 1 FROM version_links l
					WHERE (l.document_a = d.id AND l.document_b = o.id) OR (l.document_a = o.id AND l.document_b = d.id))
				AND (EXISTS (SELECT 1 FROM document_corrections k WHERE k.document_id = o.id)
					OR (o.kind = d.kind
						-- every party of o is d's at the same place, and o has a party at each of d's
						AND NOT EXISTS (SELECT 1 FROM document_parties p
							LEFT JOIN document_parties q ON q.document_id = d.id AND q.position = p.position
							WHERE p.document_id = o.id AND (q.party IS NULL OR q.party <> p.party))
						AND NOT EXISTS (SELECT 1 FROM document_parties q
							LEFT JOIN document_parties p ON p.document_id = o.id AND p.position = q.position
							WHERE q.document_id = d.id AND p.party IS NULL)))
			ORDER BY d.id, o.id`, a,
		func(rows *sql.Rows) error {
			var doc, id int64
			if err := rows.Scan(&doc, &id); err != nil {
				return err
			}
			if len(out[doc]) < maxVersionCandidates {
				out[doc] = append(out[doc], id)
			}
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("version candidates of %d documents: %w", len(docs), err)
	}
	return out, nil
}

// DocumentHeadings returns the headings (kind, parties, date, place,
// title) of documents ids as corrected, by id, without their versions,
// sources or sentences: what the version matcher compares first
// (align.Headings), before it reads a candidate whole. It reads them on
// the look-up pool in four statements of a few shapes, each kept prepared
// (a batch asks after each group it commits): the documents, their
// parties, their signatories and the corrections of their metadata.
func (s *Store) DocumentHeadings(ctx context.Context, ids []int64) (map[int64]entente.Document, error) {
	out := map[int64]entente.Document{}
	if len(ids) == 0 {
		return out, nil
	}
	err := s.readLookups(ctx, func(tx *sql.Tx) error {
		var a args
		ds, err := findDocumentsWith(ctx, s.queryLookups, tx, []string{s.idsIn("d.id", &a, ids)}, "", a, s.idsIn)
		if err != nil {
			return err
		}
		byID := make(map[int64]*entente.Document, len(ds))
		for i := range ds {
			byID[ds[i].ID] = &ds[i].Document
		}
		// a heading has no sentences: only the corrections of the
		// documents' own fields apply, oldest first, as a full read
		// applies them (applyDocumentCorrections)
		var ca args
		err = s.queryLookups(ctx, tx, `SELECT `+documentCorrectionColumns+` FROM document_corrections k WHERE `+
			s.idsIn("k.document_id", &ca, ids)+` ORDER BY k.id`, ca, func(rows *sql.Rows) error {
			c, err := scanDocumentCorrection(rows)
			if err != nil {
				return err
			}
			if d := byID[c.DocumentID]; d != nil {
				if err := c.ApplyToDocument(d); err != nil {
					return fmt.Errorf("correction %s: %w", c.Ref, err)
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("read document corrections: %w", err)
		}
		for id, d := range byID {
			out[id] = *d
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("document headings: %w", err)
	}
	return out, nil
}

// DocumentOutlines returns the outlines of documents ids as a full read
// gives their extraction (that of the first version): its sections' ids
// and how many sentences it has, by id; a document without a version has
// none. The version matcher compares them for the candidates whose
// heading is the new document's (align.VersionsOf), where it read each
// whole: its versions' texts, its sources and every sentence.
func (s *Store) DocumentOutlines(ctx context.Context, ids []int64) (map[int64]entente.Outline, error) {
	out := map[int64]entente.Outline{}
	if len(ids) == 0 {
		return out, nil
	}
	err := s.readLookups(ctx, func(tx *sql.Tx) error {
		type first struct {
			doc, vid int64
			n        int
		}
		var fs []first
		var a args
		err := s.queryLookups(ctx, tx, `
			SELECT v.document_id, v.id, (SELECT count(*) FROM sentences s WHERE s.version_id = v.id)
			FROM versions v
			WHERE v.id IN (SELECT min(fv.id) FROM versions fv WHERE `+s.idsIn("fv.document_id", &a, ids)+` GROUP BY fv.document_id)`, a,
			func(rows *sql.Rows) error {
				var f first
				if err := rows.Scan(&f.doc, &f.vid, &f.n); err != nil {
					return err
				}
				fs = append(fs, f)
				return nil
			})
		if err != nil {
			return err
		}
		for _, f := range fs {
			secs, err := findSections(ctx, tx, f.vid)
			if err != nil {
				return err
			}
			o := entente.Outline{Sentences: f.n}
			for _, c := range secs {
				o.Sections = append(o.Sections, c.ID)
			}
			out[f.doc] = o
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("document outlines: %w", err)
	}
	return out, nil
}

// maxVersionCandidates bounds the documents the matcher compares a new one
// with: a day with more statements in other languages than this is a
// day of many statements, and the first are compared.
const maxVersionCandidates = 50

// VersionLinkDecisions returns every decision about a pair of documents,
// the smaller id as Document, for the registry: linked pairs are versions
// whatever the matcher reads, unlinked ones never are.
func (s *Store) VersionLinkDecisions(ctx context.Context) ([]entente.VersionLink, error) {
	var out []entente.VersionLink
	err := s.read(ctx, func(tx *sql.Tx) error {
		return queryRows(ctx, tx, `
			SELECT document_a, document_b, linked, origin, reason, actor, updated_at
			FROM version_links ORDER BY document_a, document_b`, nil,
			func(rows *sql.Rows) error {
				var l entente.VersionLink
				if err := rows.Scan(&l.Document, &l.Other, &l.Linked, &l.Origin, &l.Reason, &l.Actor, &l.At); err != nil {
					return err
				}
				out = append(out, l)
				return nil
			})
	})
	if err != nil {
		return nil, fmt.Errorf("version link decisions: %w", err)
	}
	return out, nil
}
