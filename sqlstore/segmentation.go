package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// Segmentation corrections (split and join) change which sentences a
// version has, so they are applied to the stored sentences themselves: the
// version's extraction is rewritten with the covered sentences replaced
// (a split's parts read again by the store's PartReader, parts.go; a
// join's labels carried over, see entente.Segmentation.Resegment) and every
// sentence numbered again, in the transaction that stores, approves,
// withdraws or reinstates the correction. A re-extraction applies the
// active ones, oldest first, to the new output before storing it, so that
// they survive it; one whose sentences are gone or read otherwise is
// flagged, not applied, and never dropped. The covered sentences as the
// extractor gave them are the correction's Extracted, which a withdrawal
// (undo) puts back.

// anchorsOf returns the anchors of sentences as prepareSentences computes
// them.
func anchorsOf(vid int64, sents []entente.Sentence) []entente.Anchor {
	out := make([]entente.Anchor, len(sents))
	seen := map[string]int{}
	for i, s := range sents {
		sha := sha256Hex([]byte(strings.Join(strings.Fields(s.Text), " ")))
		key := s.Section + "\x00" + sha
		out[i] = entente.Anchor{VersionID: vid, Section: s.Section, TextSHA256: sha, Occurrence: seen[key]}
		seen[key]++
	}
	return out
}

// segmentSpan finds the sentences of x a segmentation covers: from the
// sentence at its anchor, Covers of them in the anchor's section. The
// flag says why not, when they are not there.
func segmentSpan(x *entente.Extraction, an entente.Anchor, g *entente.Segmentation) (from int, flag string) {
	from = slices.Index(anchorsOf(an.VersionID, x.Sentences), an)
	if from < 0 {
		return -1, entente.FlagAnchorGone
	}
	if from+g.Covers > len(x.Sentences) {
		return -1, entente.FlagChanged
	}
	var texts []string
	for _, s := range x.Sentences[from : from+g.Covers] {
		if s.Section != an.Section {
			return -1, entente.FlagChanged
		}
		texts = append(texts, s.Text)
	}
	if !g.Matches(texts) {
		return -1, entente.FlagChanged
	}
	return from, ""
}

// partsSpan finds the sentences a segmentation made (to undo it): the
// first run of its parts in the anchor's section.
func partsSpan(x *entente.Extraction, an entente.Anchor, g *entente.Segmentation) int {
	n := len(g.Parts)
	for i := 0; i+n <= len(x.Sentences); i++ {
		ok := true
		for j, p := range g.Parts {
			s := x.Sentences[i+j]
			if s.Section != an.Section || strings.Join(strings.Fields(s.Text), " ") != strings.Join(strings.Fields(p), " ") {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

// replaceSpan replaces the n sentences of x from from with with, numbers
// every sentence again (s1, s2…) and makes the references, mechanisms and
// projects name the new numbers: those of a replaced sentence name every
// sentence that replaces it.
func replaceSpan(x *entente.Extraction, from, n int, with []entente.Sentence) {
	renamed := map[string][]string{}
	var sents []entente.Sentence
	sents = append(sents, x.Sentences[:from]...)
	sents = append(sents, with...)
	sents = append(sents, x.Sentences[from+n:]...)
	old := make([]string, 0, len(x.Sentences))
	for _, s := range x.Sentences {
		old = append(old, s.ID)
	}
	for i := range sents {
		id := "s" + strconv.Itoa(i+1)
		var was []string
		switch {
		case i < from:
			was = []string{old[i]}
		case i < from+len(with):
			was = old[from : from+n]
		default:
			was = []string{old[i-len(with)+n]}
		}
		for _, w := range was {
			if !slices.Contains(renamed[w], id) {
				renamed[w] = append(renamed[w], id)
			}
		}
		sents[i].ID = id
	}
	rename := func(ls []string) []string {
		out := []string{}
		for _, l := range ls {
			for _, id := range renamed[l] {
				if !slices.Contains(out, id) {
					out = append(out, id)
				}
			}
		}
		return out
	}
	for i := range x.References {
		x.References[i].Sentences = rename(x.References[i].Sentences)
	}
	for _, es := range [][]entente.Entity{x.Mechanisms, x.Projects} {
		for i := range es {
			es[i].Sentences = rename(es[i].Sentences)
		}
	}
	x.Sentences = sents
}

// segmentation reads the value and the covered sentences of a
// segmentation correction.
func segmentation(c *entente.Correction) (*entente.Segmentation, []entente.Sentence, error) {
	g, _, err := entente.ParseSegmentation(c.Value)
	if err != nil {
		return nil, nil, fmt.Errorf("correction %s: %w", c.Ref, err)
	}
	var covered []entente.Sentence
	if len(c.Extracted) > 0 && string(c.Extracted) != "null" {
		if err := json.Unmarshal(c.Extracted, &covered); err != nil {
			return nil, nil, fmt.Errorf("correction %s: the sentences it covers: %w", c.Ref, err)
		}
	}
	return g, covered, nil
}

// storedExtraction reads the extraction of version vid as stored.
func storedExtraction(ctx context.Context, tx *sql.Tx, vid int64) (*entente.Extraction, error) {
	return findExtraction(ctx, tx, vid, entente.Document{})
}

// applySegmentation applies an active segmentation correction to its
// version's stored sentences, and returns the sentences it covered. It
// refuses, with a conflict, when they are no longer there or carry what
// users recorded (statuses, evidence, other corrections), which is keyed
// to their texts and would lose its sentence.
func (s *Store) applySegmentation(ctx context.Context, tx *sql.Tx, c *entente.Correction) ([]entente.Sentence, error) {
	g, _, err := segmentation(c)
	if err != nil {
		return nil, err
	}
	x, err := storedExtraction(ctx, tx, c.Anchor.VersionID)
	if err != nil {
		return nil, err
	}
	from, flag := segmentSpan(x, *c.Anchor, g)
	if flag != "" {
		return nil, entente.Errorf(entente.ECONFLICT, "the sentences this %s covers are no longer there as they were (%s)", verb(g), flag)
	}
	covered := slices.Clone(x.Sentences[from : from+g.Covers])
	if err := s.checkUnrecorded(ctx, tx, anchorsOf(c.Anchor.VersionID, x.Sentences)[from:from+g.Covers], c.ID); err != nil {
		return nil, err
	}
	parts, err := s.resegment(ctx, tx, c.Anchor.VersionID, g, covered)
	if err != nil {
		return nil, err
	}
	replaceSpan(x, from, g.Covers, parts)
	return covered, s.rewriteVersion(ctx, tx, c.Anchor.VersionID, x)
}

// undoSegmentation puts back the sentences an applied segmentation
// covered, under the same conditions.
func (s *Store) undoSegmentation(ctx context.Context, tx *sql.Tx, c *entente.Correction) error {
	g, covered, err := segmentation(c)
	if err != nil {
		return err
	}
	x, err := storedExtraction(ctx, tx, c.Anchor.VersionID)
	if err != nil {
		return err
	}
	from := partsSpan(x, *c.Anchor, g)
	if from < 0 || len(covered) != g.Covers {
		return entente.Errorf(entente.ECONFLICT, "the sentences this %s made are no longer there", verb(g))
	}
	if err := s.checkUnrecorded(ctx, tx, anchorsOf(c.Anchor.VersionID, x.Sentences)[from:from+len(g.Parts)], c.ID); err != nil {
		return err
	}
	replaceSpan(x, from, len(g.Parts), covered)
	return s.rewriteVersion(ctx, tx, c.Anchor.VersionID, x)
}

func verb(g *entente.Segmentation) string {
	if g.Covers == 1 {
		return "split"
	}
	return "join"
}

// checkUnrecorded refuses when one of anchors carries a tracking row
// (statuses, evidence) or a correction that applies, other than self.
func (s *Store) checkUnrecorded(ctx context.Context, tx *sql.Tx, anchors []entente.Anchor, self int64) error {
	for _, an := range anchors {
		var what string
		err := tx.QueryRowContext(ctx, `SELECT CASE
				WHEN EXISTS (SELECT 1 FROM commitments c WHERE c.version_id = $1 AND c.section = $2 AND c.text_sha256 = $3 AND c.occurrence = $4)
					THEN 'statuses or evidence'
				WHEN EXISTS (SELECT 1 FROM corrections k WHERE k.version_id = $1 AND k.section = $2 AND k.text_sha256 = $3 AND k.occurrence = $4
					AND k.id <> $5 AND k.state <> 'rejected' AND k.withdrawn_at IS NULL)
					THEN 'corrections'
				ELSE '' END`, an.VersionID, an.Section, an.TextSHA256, an.Occurrence, self).Scan(&what)
		if err != nil {
			return fmt.Errorf("check what the sentences carry: %w", err)
		}
		if what != "" {
			return entente.Errorf(entente.ECONFLICT, "a sentence this would replace carries %s, keyed to its text: withdraw them first", what)
		}
	}
	return nil
}

// rewriteVersion replaces the stored extraction of version vid with x
// (sections, sentences, labels, mentions, search index, counts).
func (s *Store) rewriteVersion(ctx context.Context, tx *sql.Tx, vid int64, x *entente.Extraction) error {
	sents, err := prepareSentences(x.Sentences)
	if err != nil {
		return err
	}
	var doc int64
	if err := tx.QueryRowContext(ctx, `SELECT document_id FROM versions WHERE id = $1`, vid).Scan(&doc); err != nil {
		return fmt.Errorf("version %d: %w", vid, err)
	}
	return s.storeExtraction(ctx, tx, doc, vid, x, sents, "")
}

// coveredBy returns the stored sentences a new segmentation at anchor
// covers, as JSON for its Extracted, or a conflict when they are not
// there as it says.
func coveredBy(ctx context.Context, tx *sql.Tx, an entente.Anchor, value json.RawMessage) (json.RawMessage, error) {
	g, _, err := entente.ParseSegmentation(value)
	if err != nil {
		return nil, err
	}
	x, err := storedExtraction(ctx, tx, an.VersionID)
	if err != nil {
		return nil, err
	}
	from, flag := segmentSpan(x, an, g)
	if flag != "" {
		return nil, entente.Errorf(entente.ECONFLICT, "the %s does not fit the sentences there (%s): their texts must be the parts'", verb(g), flag)
	}
	return json.Marshal(x.Sentences[from : from+g.Covers])
}
