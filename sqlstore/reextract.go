package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/entente/entente"
)

// VersionsToReextract lists, in order of id, at most limit versions of a
// document (0: of every document) whose id is above after, with their
// text: a re-extraction reads the collection a page at a time, so that its
// memory does not grow with the collection. A document's first version,
// whose language is the document's, carries the language an analyst
// corrected it to, if any.
func (s *Store) VersionsToReextract(ctx context.Context, doc, after int64, limit int) ([]entente.VersionToRead, error) {
	if limit <= 0 {
		return nil, entente.Errorf(entente.EINVALID, "a page of versions needs a positive limit, not %d", limit)
	}
	var vs []entente.VersionToRead
	err := s.read(ctx, func(tx *sql.Tx) error {
		where, args := "id > $1", []any{after, limit}
		if doc != 0 {
			where, args = "document_id = $3 AND id > $1", append(args, doc)
		}
		err := queryRows(ctx, tx, `
			SELECT v.id, v.document_id, v.language, v.authentic, v.text_sha256, v.text, v.text_z, `+versionBlobSQL("v")+`, v.extractor, v.created_at, v.language_given,
				coalesce((SELECT CAST(c.value AS TEXT) FROM document_corrections c
					WHERE c.document_id = v.document_id AND c.field = 'language' AND c.state = 'approved'
						AND c.withdrawn_at IS NULL
						AND v.id = (SELECT min(f.id) FROM versions f WHERE f.document_id = v.document_id)
					ORDER BY c.id DESC LIMIT 1), ''),
				coalesce((SELECT CAST(c.value AS TEXT) FROM document_corrections c
					WHERE c.document_id = v.document_id AND c.field = 'parties' AND c.state = 'approved'
						AND c.withdrawn_at IS NULL
					ORDER BY c.id DESC LIMIT 1), '')
			FROM versions v WHERE `+where+` ORDER BY v.id LIMIT $2`, args,
			func(rows *sql.Rows) error {
				var (
					v         entente.VersionToRead
					corrected string
					parties   string
					z, blob   []byte
					comp      sql.NullString
				)
				if err := rows.Scan(&v.ID, &v.DocumentID, &v.Language, &v.Authentic, &v.TextSHA256, &v.Text, &z, &blob, &comp,
					&v.Extractor, &v.CreatedAt, &v.LanguageGiven, &corrected, &parties); err != nil {
					return err
				}
				var err error
				if v.Text, err = versionTextOf(v.Text, z, blob, comp); err != nil {
					return fmt.Errorf("version %d: %w", v.ID, err)
				}
				if corrected != "" {
					if err := json.Unmarshal([]byte(corrected), &v.CorrectedLanguage); err != nil {
						return fmt.Errorf("document %d: the corrected language %q: %w", v.DocumentID, corrected, err)
					}
				}
				if parties != "" {
					if err := json.Unmarshal([]byte(parties), &v.CorrectedParties); err != nil {
						return fmt.Errorf("document %d: the corrected parties %q: %w", v.DocumentID, parties, err)
					}
					if v.CorrectedParties == nil {
						v.CorrectedParties = []string{} // corrected to none
					}
				}
				v.CreatedAt = v.CreatedAt.UTC()
				vs = append(vs, v)
				return nil
			})
		if err == nil && doc != 0 && after == 0 && len(vs) == 0 {
			return notFound("document", doc)
		}
		return err
	})
	return vs, err
}

// ReplaceExtraction replaces a version's extraction (sections, sentences,
// labels, mentions, search index) with x, in one transaction with its
// event. Statuses, evidence and corrections are keyed to anchors and stay;
// a correction whose anchor is gone, or whose field the new extraction
// reads differently from what the analyst corrected, is flagged for review
// (with its own event), never dropped.
func (s *Store) ReplaceExtraction(ctx context.Context, vid int64, x *entente.Extraction, extractor string) (*entente.Reextracted, error) {
	// the caller's extraction is left as it is: segmentations change a copy
	y := *x
	y.Sentences = slices.Clone(x.Sentences)
	y.References = slices.Clone(x.References)
	y.Mechanisms, y.Projects = slices.Clone(x.Mechanisms), slices.Clone(x.Projects)
	for _, l := range []struct{ dst, src []entente.Entity }{{y.Mechanisms, x.Mechanisms}, {y.Projects, x.Projects}} {
		for i := range l.dst {
			l.dst[i].Sentences = slices.Clone(l.src[i].Sentences)
		}
	}
	for i := range y.References {
		y.References[i].Sentences = slices.Clone(x.References[i].Sentences)
	}
	x = &y
	out := &entente.Reextracted{VersionID: vid, Flagged: []entente.Correction{}}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT document_id FROM versions WHERE id = $1`, vid).Scan(&out.DocumentID); err != nil {
			if err == sql.ErrNoRows {
				return notFound("version", vid)
			}
			return err
		}
		cs, err := findCorrections(ctx, tx, correctionQuery{version: vid, all: true})
		if err != nil {
			return err
		}
		// splits and joins first, oldest first: the other corrections are
		// keyed to the sentences they make
		segFlags := map[int64]string{}
		for i := range cs {
			c := &cs[i]
			if c.Field != entente.FieldSegmentation || !c.Active() {
				continue
			}
			g, _, err := segmentation(c)
			if err != nil {
				return err
			}
			from, flag := segmentSpan(x, *c.Anchor, g)
			segFlags[c.ID] = flag
			if flag == "" {
				parts, err := s.resegment(ctx, tx, vid, g, slices.Clone(x.Sentences[from:from+g.Covers]))
				if err != nil {
					return err
				}
				replaceSpan(x, from, g.Covers, parts)
			}
		}
		sents, err := prepareSentences(x.Sentences)
		if err != nil {
			return err
		}
		out.Sentences = len(sents)
		if err := s.storeExtraction(ctx, tx, out.DocumentID, vid, x, sents, extractor); err != nil {
			return err
		}
		if err := s.flagCorrections(ctx, tx, vid, sents, cs, segFlags, out); err != nil {
			return err
		}
		if err := s.refreshMetadata(ctx, tx, out.DocumentID, vid, x, out); err != nil {
			return err
		}
		return s.logChangeOf(ctx, tx, change{action: "reextract", entity: "document", id: out.DocumentID, document: out.DocumentID,
			after: map[string]any{"version": vid, "extractor": extractor, "sentences": len(sents), "flagged": len(out.Flagged)}})
	})
	if err != nil {
		return nil, fmt.Errorf("reextract version %d: %w", vid, err)
	}
	return out, nil
}

// storeExtraction replaces the stored extraction of version vid of
// document doc (sections, sentences, labels, mentions, search index) with
// x, and its counts; extractor, if not empty, becomes the version's.
func (s *Store) storeExtraction(ctx context.Context, tx *sql.Tx, doc, vid int64, x *entente.Extraction, sents []preparedSentence, extractor string) error {
	text, err := readVersionText(ctx, tx, vid)
	if err != nil {
		return err
	}
	locateSentences(text, sents)
	// the new sentences may meet the version's corrections (inserts mark
	// nothing, migration 0042)
	if err := markDocument(ctx, tx, doc); err != nil {
		return err
	}
	for _, q := range []string{
		`DELETE FROM citations WHERE version_id = $1`,
		`DELETE FROM entities WHERE version_id = $1`,
		`DELETE FROM sentences WHERE version_id = $1`,
		`DELETE FROM sections WHERE version_id = $1`,
		// indexed below, so no longer the background indexer's
		`DELETE FROM search_pending WHERE version_id = $1`,
	} {
		if _, err := tx.ExecContext(ctx, q, vid); err != nil {
			return fmt.Errorf("clear extraction: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE versions SET sections = $1 WHERE id = $2`, packSections(x.Sections), vid); err != nil {
		return fmt.Errorf("store sections: %w", err)
	}
	index, err := s.insertExtraction(ctx, tx, doc, vid, x, sents)
	if err != nil {
		return err
	}
	if err := s.insertIndex(ctx, tx, index); err != nil {
		return fmt.Errorf("insert search index: %w", err)
	}
	var commitments, tokens int
	for _, p := range sents {
		if p.Type == entente.Commitment {
			commitments++
		}
		tokens += len(p.tokens)
	}
	_, err = tx.ExecContext(ctx, `UPDATE versions SET extractor = coalesce(nullif($1, ''), extractor), sentence_count = $2,
		commitment_count = $3, token_count = $4 WHERE id = $5`, extractor, len(sents), commitments, tokens, vid)
	return err
}

// flagCorrections compares every correction cs of the version that is
// not withdrawn with the new extraction; segFlags are what applying the
// segmentations found.
func (s *Store) flagCorrections(ctx context.Context, tx *sql.Tx, vid int64, sents []preparedSentence, cs []entente.Correction,
	segFlags map[int64]string, out *entente.Reextracted) error {
	byAnchor := make(map[entente.Anchor]*entente.Sentence, len(sents))
	for i := range sents {
		p := &sents[i]
		byAnchor[entente.Anchor{VersionID: vid, Section: p.Section, TextSHA256: p.anchorHex(), Occurrence: p.occurrence}] = p.Sentence
	}
	for i := range cs {
		c := cs[i]
		if c.Withdrawn || c.State == entente.CorrectionRejected {
			continue
		}
		flag := ""
		if c.Field == entente.FieldSegmentation {
			if f, ok := segFlags[c.ID]; ok {
				flag = f
			} else if byAnchor[*c.Anchor] == nil {
				flag = entente.FlagAnchorGone // a proposed one whose sentence is gone
			}
		} else if st := byAnchor[*c.Anchor]; st == nil {
			flag = entente.FlagAnchorGone
		} else if now, err := entente.SentenceField(st, c.Field); err != nil {
			return err
		} else if !sameJSON(now, c.Extracted) {
			flag = entente.FlagChanged
		}
		if flag == "" {
			out.Kept++
			continue
		}
		if c.Flag == flag {
			out.Kept++
			out.Flagged = append(out.Flagged, c)
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE corrections SET flag = $1 WHERE id = $2`, flag, c.ID); err != nil {
			return err
		}
		after := c
		after.Flag = flag
		if err := s.logCorrection(ctx, tx, "flag", &c, &after); err != nil {
			return err
		}
		out.Kept++
		out.Flagged = append(out.Flagged, after)
	}
	return nil
}
