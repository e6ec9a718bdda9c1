package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/entente/entente"
)

// registryMentions returns up to limit of the sentences that mention
// registry entry id, oldest document first and each document's in reading
// order, a sentence once for each name of the entry it uses.
//
// An instrument cited throughout a library has tens of thousands of
// mentions (at 100,000 generated statements the most cited had 21,027):
// read each with its sentence and sorted, the first 50 took 0.62 s. They
// are now put in order by their documents alone, which reads no sentence
// row, and only the mentions in the first documents that hold limit of
// them are read with their sentences and put in reading order.
func (s *Store) registryMentions(ctx context.Context, tx *sql.Tx, id int64, limit int) ([]entente.RegistryMention, error) {
	type key struct {
		sentence int64
		name     string
	}
	type mention struct {
		key
		rank int // of its document, in the order of mentionDocumentsSQL
	}
	var picked []mention
	seen := map[key]bool{}
	var doc int64
	rank := 0
	err := queryRows(ctx, tx, mentionDocumentsSQL, []any{id}, func(rows *sql.Rows) error {
		var (
			d int64
			k key
		)
		if err := rows.Scan(&d, &k.name, &k.sentence); err != nil {
			return err
		}
		if d != doc {
			if len(seen) >= limit {
				return errEnoughMentions
			}
			doc, rank = d, rank+1
		}
		if !seen[k] {
			seen[k] = true
			picked = append(picked, mention{k, rank})
		}
		return nil
	})
	if err != nil && !errors.Is(err, errEnoughMentions) {
		return nil, err
	}
	if len(picked) == 0 {
		return []entente.RegistryMention{}, nil
	}
	ids := make([]int64, 0, len(picked))
	for _, m := range picked {
		ids = append(ids, m.sentence)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	type sentence struct {
		m        entente.RegistryMention
		position int
		text     storedText
	}
	sentences := make(map[int64]*sentence, len(ids))
	var a args
	err = queryRows(ctx, tx, `SELECT s.id, s.position, s.label, `+sentenceTextSQL("s")+`, v.language, d.id, d.title, d.signed_date
		FROM sentences s JOIN versions v ON v.id = s.version_id JOIN documents d ON d.id = v.document_id
		WHERE `+s.idsIn("s.id", &a, ids), a, func(rows *sql.Rows) error {
		var (
			id   int64
			r    sentence
			date sql.NullString
		)
		dest := append([]any{&id, &r.position, &r.m.Sentence}, r.text.dest()...)
		if err := rows.Scan(append(dest, &r.m.Language, &r.m.DocumentID, &r.m.Title, &date)...); err != nil {
			return err
		}
		if date.Valid {
			r.m.SignedDate = &date.String
		}
		sentences[id] = &r
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read mentions: %w", err)
	}
	slices.SortStableFunc(picked, func(x, y mention) int {
		return cmp.Or(cmp.Compare(x.rank, y.rank), cmp.Compare(sentences[x.sentence].position, sentences[y.sentence].position))
	})
	picked = picked[:min(limit, len(picked))]
	out := make([]entente.RegistryMention, len(picked))
	ts := make([]storedText, len(picked))
	for i, p := range picked {
		r := sentences[p.sentence]
		out[i], ts[i] = r.m, r.text
		out[i].Alias = p.name
	}
	texts, err := sentenceTexts(ctx, queryRows, tx, nil, ts)
	if err != nil {
		return nil, fmt.Errorf("read mentions: %w", err)
	}
	for i := range out {
		out[i].Text = texts[i]
	}
	return out, nil
}

// errEnoughMentions stops reading mentions once the documents read hold
// as many as asked for.
var errEnoughMentions = errors.New("enough mentions")

// mentionDocumentsSQL lists the mentions of a registry entry (through its
// citations, its mechanisms' and projects' names, and the names analysts
// added) by their documents, oldest first: the document, the name used
// and the sentence. A withdrawn document's are left out.
const mentionDocumentsSQL = `SELECT d.id, m.name, m.sentence_id FROM (
		SELECT c.version_id, c.title AS name, x.sentence_id FROM citations c JOIN citation_sentences x ON x.citation_id = c.id
		WHERE c.registry_id = $1
		UNION ALL
		SELECT n.version_id, n.name, y.sentence_id FROM entities n JOIN entity_sentences y ON y.entity_id = n.id
		WHERE n.registry_id = $1
		UNION ALL
		SELECT a.version_id, a.name, t.id FROM registry_added_names a
		JOIN sentences t ON t.version_id = a.version_id AND t.label = a.label
		WHERE a.registry_id = $1) m
	JOIN versions v ON v.id = m.version_id JOIN documents d ON d.id = v.document_id
	WHERE d.withdrawn_at IS NULL
	ORDER BY d.signed_date, d.id`
