package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/search"
)

// preparedSentence is a sentence with what the store derives from it before
// writing: its anchor, its evidence as JSON and its index tokens.
type preparedSentence struct {
	entente.Sentence
	textSHA    string
	occurrence int
	evidence   string
	tokens     []string
}

// prepareSentences derives the anchors, evidence JSON and search tokens of
// a version's sentences. A sentence's anchor is its section, the sha256 of
// its text with white space collapsed, and its occurrence among equal texts
// of that section: it stays the same when a better extractor re-reads the
// document, so corrections and statuses keyed to it survive.
func prepareSentences(sents []entente.Sentence) ([]preparedSentence, error) {
	out := make([]preparedSentence, len(sents))
	seen := make(map[string]int, len(sents))
	labels := make(map[string]bool, len(sents))
	for i, s := range sents {
		if labels[s.ID] {
			return nil, fmt.Errorf("sentence id %q appears twice", s.ID)
		}
		labels[s.ID] = true
		ev, err := encodeRationale(s.Text, &s.Rationale)
		if err != nil {
			return nil, fmt.Errorf("sentence %s: evidence: %w", s.ID, err)
		}
		sha := sha256Hex([]byte(strings.Join(strings.Fields(s.Text), " ")))
		key := s.Section + "\x00" + sha
		out[i] = preparedSentence{Sentence: s, textSHA: sha, occurrence: seen[key], evidence: ev, tokens: search.Tokens(s.Text)}
		seen[key]++
	}
	return out, nil
}

// insertExtraction writes the extraction of version vid of document did:
// sections, sentences and their labels, references and entities. It
// returns the sentences' search index rows, for the caller to write last.
func (s *Store) insertExtraction(ctx context.Context, tx *sql.Tx, did, vid int64, x *entente.Extraction, sents []preparedSentence) ([]IndexRow, error) {
	err := s.insertRows(ctx, tx, "sections", []string{"version_id", "position", "section", "heading", "title"}, len(x.Sections),
		func(i int) []any { c := x.Sections[i]; return []any{vid, i, c.ID, c.Heading, c.Title} }, "", nil)
	if err != nil {
		return nil, fmt.Errorf("insert sections: %w", err)
	}
	ids, err := s.insertSentences(ctx, tx, did, vid, sents)
	if err != nil {
		return nil, err
	}
	if err := s.insertLabels(ctx, tx, ids, sents); err != nil {
		return nil, err
	}
	if err := s.insertMentions(ctx, tx, vid, x, ids); err != nil {
		return nil, err
	}
	rows := make([]IndexRow, len(sents))
	for i, p := range sents {
		rows[i] = IndexRow{SentenceID: ids[i], Tokens: p.tokens}
	}
	return rows, nil
}

// insertSentences writes the sentences with their evidence and returns
// their ids by position.
func (s *Store) insertSentences(ctx context.Context, tx *sql.Tx, did, vid int64, sents []preparedSentence) ([]int64, error) {
	ids := make([]int64, len(sents))
	cols := []string{"version_id", "document_id", "position", "label", "section", "marker", "paragraph", "text", "text_sha256",
		"occurrence", "type", "strength", "deadline", "evidence"}
	err := s.insertRows(ctx, tx, "sentences", cols, len(sents),
		func(i int) []any {
			p := &sents[i]
			return []any{vid, did, i, p.ID, p.Section, p.Marker, p.Paragraph, p.Text, p.textSHA,
				p.occurrence, string(p.Type), string(p.Strength), nullString(p.Deadline), p.evidence}
		},
		"id, position", func(rows *sql.Rows) error {
			var id int64
			var pos int
			if err := rows.Scan(&id, &pos); err != nil {
				return err
			}
			ids[pos] = id
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("insert sentences: %w", err)
	}
	return ids, nil
}

// insertLabels writes each sentence's actors and areas.
func (s *Store) insertLabels(ctx context.Context, tx *sql.Tx, ids []int64, sents []preparedSentence) error {
	type label struct {
		sentence int64
		pos      int
		value    string
	}
	var actors, areas []label
	for i, p := range sents {
		for j, a := range p.Actors {
			actors = append(actors, label{ids[i], j, a})
		}
		for j, a := range p.Areas {
			areas = append(areas, label{ids[i], j, a})
		}
	}
	err := s.insertRows(ctx, tx, "sentence_actors", []string{"sentence_id", "position", "party"}, len(actors),
		func(i int) []any { l := actors[i]; return []any{l.sentence, l.pos, l.value} }, "", nil)
	if err != nil {
		return fmt.Errorf("insert actors: %w", err)
	}
	err = s.insertRows(ctx, tx, "sentence_areas", []string{"sentence_id", "position", "area"}, len(areas),
		func(i int) []any { l := areas[i]; return []any{l.sentence, l.pos, l.value} }, "", nil)
	if err != nil {
		return fmt.Errorf("insert areas: %w", err)
	}
	return nil
}

// sentenceRow is a stored sentence with where it stands.
type sentenceRow struct {
	id, versionID int64
	position      int
	entente.Sentence
}

// findSentences reads the sentences s that match where, in order of version
// and position, with all their labels and evidence.
func findSentences(ctx context.Context, tx *sql.Tx, where string, a []any) ([]sentenceRow, error) {
	return findSentencesWith(ctx, queryRows, tx, where, a)
}

// queryFunc runs a read query and calls scan for each row: queryRows, or
// a Store's queryRows, which prepares each shape once.
type queryFunc func(ctx context.Context, tx *sql.Tx, query string, a []any, scan func(*sql.Rows) error) error

// findSentencesWith is findSentences running its queries with query.
func findSentencesWith(ctx context.Context, query queryFunc, tx *sql.Tx, where string, a []any) ([]sentenceRow, error) {
	var out []sentenceRow
	byID := map[int64]*entente.Sentence{}
	err := query(ctx, tx, `
		SELECT s.id, s.version_id, s.position, s.label, s.section, s.marker, s.paragraph, s.text,
			s.type, s.strength, s.deadline, s.evidence
		FROM sentences s
		WHERE `+where+` ORDER BY s.version_id, s.position`, a,
		func(rows *sql.Rows) error {
			var (
				r             sentenceRow
				typ, strength string
				deadline      sql.NullString
				evidence      []byte
			)
			if err := rows.Scan(&r.id, &r.versionID, &r.position, &r.ID, &r.Section, &r.Marker, &r.Paragraph, &r.Text,
				&typ, &strength, &deadline, &evidence); err != nil {
				return err
			}
			r.Type, r.Strength, r.Deadline = entente.SentenceType(typ), entente.Strength(strength), fromNullString(deadline)
			if err := decodeRationale(r.Text, evidence, &r.Rationale); err != nil {
				return fmt.Errorf("sentence %d: evidence: %w", r.id, err)
			}
			r.Actors, r.Areas, r.References, r.Mechanisms, r.Projects = []string{}, []string{}, []string{}, []string{}, []string{}
			out = append(out, r)
			return nil
		})
	if err != nil || len(out) == 0 {
		return out, err
	}
	for i := range out {
		byID[out[i].id] = &out[i].Sentence
	}
	lists := []struct {
		query string
		field func(*entente.Sentence) *[]string
	}{
		{`SELECT x.sentence_id, x.party FROM sentence_actors x JOIN sentences s ON s.id = x.sentence_id
			WHERE ` + where + ` ORDER BY x.sentence_id, x.position`,
			func(s *entente.Sentence) *[]string { return &s.Actors }},
		{`SELECT x.sentence_id, x.area FROM sentence_areas x JOIN sentences s ON s.id = x.sentence_id
			WHERE ` + where + ` ORDER BY x.sentence_id, x.position`,
			func(s *entente.Sentence) *[]string { return &s.Areas }},
		{`SELECT x.sentence_id, c.title FROM citation_sentences x JOIN citations c ON c.id = x.citation_id
			JOIN sentences s ON s.id = x.sentence_id
			WHERE ` + where + ` AND x.sentence_pos IS NOT NULL ORDER BY x.sentence_id, x.sentence_pos`,
			func(s *entente.Sentence) *[]string { return &s.References }},
		{`SELECT x.sentence_id, e.name FROM entity_sentences x JOIN entities e ON e.id = x.entity_id
			JOIN sentences s ON s.id = x.sentence_id
			WHERE ` + where + ` AND e.kind = 'mechanism' AND x.sentence_pos IS NOT NULL ORDER BY x.sentence_id, x.sentence_pos`,
			func(s *entente.Sentence) *[]string { return &s.Mechanisms }},
		{`SELECT x.sentence_id, e.name FROM entity_sentences x JOIN entities e ON e.id = x.entity_id
			JOIN sentences s ON s.id = x.sentence_id
			WHERE ` + where + ` AND e.kind = 'project' AND x.sentence_pos IS NOT NULL ORDER BY x.sentence_id, x.sentence_pos`,
			func(s *entente.Sentence) *[]string { return &s.Projects }},
	}
	for _, l := range lists {
		err := query(ctx, tx, l.query, a, func(rows *sql.Rows) error {
			var id int64
			var v string
			if err := rows.Scan(&id, &v); err != nil {
				return err
			}
			if s := byID[id]; s != nil {
				p := l.field(s)
				*p = append(*p, v)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// findExtraction rebuilds the extraction of version vid as it was stored.
func findExtraction(ctx context.Context, tx *sql.Tx, vid int64, doc entente.Document) (*entente.Extraction, error) {
	return findExtractionWindow(ctx, tx, vid, doc, 0, math.MaxInt32)
}

// findExtractionWindow is findExtraction with only the sentences at
// positions [from, to).
func findExtractionWindow(ctx context.Context, tx *sql.Tx, vid int64, doc entente.Document, from, to int) (*entente.Extraction, error) {
	x := &entente.Extraction{Document: doc, Sections: []entente.Section{}, Sentences: []entente.Sentence{}}
	err := queryRows(ctx, tx, `SELECT section, heading, title FROM sections WHERE version_id = $1 ORDER BY position`, []any{vid},
		func(rows *sql.Rows) error {
			var c entente.Section
			err := rows.Scan(&c.ID, &c.Heading, &c.Title)
			x.Sections = append(x.Sections, c)
			return err
		})
	if err != nil {
		return nil, fmt.Errorf("read sections: %w", err)
	}
	rows, err := findSentences(ctx, tx, "s.version_id = $1 AND s.position >= $2 AND s.position < $3", []any{vid, from, to})
	if err != nil {
		return nil, fmt.Errorf("read sentences: %w", err)
	}
	for _, r := range rows {
		x.Sentences = append(x.Sentences, r.Sentence)
	}
	if x.References, err = findCitations(ctx, tx, vid); err != nil {
		return nil, err
	}
	if x.Mechanisms, err = findEntities(ctx, tx, vid, "mechanism"); err != nil {
		return nil, err
	}
	if x.Projects, err = findEntities(ctx, tx, vid, "project"); err != nil {
		return nil, err
	}
	return x, nil
}
