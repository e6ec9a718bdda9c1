package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/entente/entente"
)

// Reads of the registry: lists, one entry with its mentions, and what a
// document cites and what cites it.

// registryColumns are an entry's, with its document's if that is not
// withdrawn (registryFrom).
const registryColumns = `r.id, r.kind, r.name, r.instrument_kind, r.year, r.parties, d.id, r.reason, r.confidence,
	r.mention_count, r.document_count, d.title, d.kind, d.language, d.signed_date`

const registryFrom = `registry r LEFT JOIN documents d ON d.id = r.document_id AND d.withdrawn_at IS NULL`

// scanEntry scans an entry's registryColumns and then into extra, if the
// query selects more.
func scanEntry(rows *sql.Rows, extra ...any) (entente.RegistryEntry, error) {
	var (
		e                   entente.RegistryEntry
		year, doc           sql.NullInt64
		parties, instrument string
		title, kind, lang   sql.NullString
		date                sql.NullString
	)
	err := rows.Scan(append([]any{&e.ID, &e.Kind, &e.Name, &instrument, &year, &parties, &doc, &e.Reason, &e.Confidence,
		&e.MentionCount, &e.DocumentCount, &title, &kind, &lang, &date}, extra...)...)
	if err != nil {
		return e, err
	}
	e.Why = e.Reason
	e.Reason = entente.ReasonText(e.Why, "en")
	e.InstrumentKind = entente.ReferenceKind(instrument)
	if year.Valid {
		y := int(year.Int64)
		e.Year = &y
	}
	e.Parties = []string{}
	if parties != "" {
		e.Parties = strings.Split(parties, ",")
	}
	if doc.Valid {
		e.Document = &entente.RegistryDocument{ID: doc.Int64, Title: title.String, Kind: entente.Kind(kind.String), Language: lang.String, Parties: e.Parties}
		if date.Valid {
			e.Document.SignedDate = &date.String
		}
	}
	e.Aliases = []entente.RegistryAlias{}
	return e, nil
}

// RegistryEntries lists the entries that match f, those mentioned in the
// most documents first, and how many match in all.
func (s *Store) RegistryEntries(ctx context.Context, f entente.RegistryFilter) ([]entente.RegistryEntry, int, error) {
	var conds []string
	var a []any
	if f.Kind != "" {
		a = append(a, string(f.Kind))
		conds = append(conds, fmt.Sprintf("r.kind = $%d", len(a)))
	}
	byName := false
	if q := entente.NameKey(f.Query); q != "" {
		byName = true
		a = append(a, "%"+escapeLike(q)+"%")
		conds = append(conds, fmt.Sprintf(`r.id IN (SELECT registry_id FROM registry_aliases WHERE folded LIKE $%d ESCAPE '\')`, len(a)))
	}
	where := whereClause(append(conds, "r.merged_into IS NULL"))
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	const order = ` ORDER BY r.document_count DESC, r.mention_count DESC, r.id`
	page := fmt.Sprintf(` LIMIT %d OFFSET %d`, limit, max(f.Offset, 0))
	// A name's search scans the aliases: the total is counted with the
	// page, in one pass over the matches, sorted by their ids and counts
	// alone before the page's entries are read (counted apart, the scan
	// ran twice: 36-68 ms at 100,000 statements, now 9-37 ms). Without a
	// name the count is cheap and the page is read in the order of an
	// index, which counting with it would undo (5 ms against 42).
	query := `SELECT ` + registryColumns + `, 0 FROM ` + registryFrom + ` ` + where + order + page
	if byName {
		query = `SELECT ` + registryColumns + `, p.total FROM (SELECT r.id, count(*) OVER () AS total FROM registry r ` + where + order + page +
			`) p, ` + registryFrom + ` WHERE r.id = p.id` + order
	}
	var out []entente.RegistryEntry
	var total, withPage int
	err := s.read(ctx, func(tx *sql.Tx) error {
		err := queryRows(ctx, tx, query, a, func(rows *sql.Rows) error {
			e, err := scanEntry(rows, &withPage)
			out = append(out, e)
			return err
		})
		if err != nil {
			return err
		}
		if byName && (len(out) > 0 || f.Offset <= 0) {
			total = withPage // none on the first page: none at all
		} else if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM registry r `+where, a...).Scan(&total); err != nil {
			return err // not counted with the page, or a page past the last
		}
		return readAliases(ctx, tx, out)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("registry entries: %w", err)
	}
	if out == nil {
		out = []entente.RegistryEntry{}
	}
	return out, total, nil
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// readAliases fills the entries' aliases, in their order.
func readAliases(ctx context.Context, tx *sql.Tx, es []entente.RegistryEntry) error {
	if len(es) == 0 {
		return nil
	}
	index := map[int64]int{}
	ph := make([]string, len(es))
	a := make([]any, len(es))
	for i, e := range es {
		index[e.ID] = i
		ph[i], a[i] = fmt.Sprintf("$%d", i+1), e.ID
	}
	return queryRows(ctx, tx, `SELECT registry_id, alias, language, reason, confidence FROM registry_aliases
		WHERE registry_id IN (`+strings.Join(ph, ", ")+`) ORDER BY registry_id, position`, a, func(rows *sql.Rows) error {
		var id int64
		var al entente.RegistryAlias
		if err := rows.Scan(&id, &al.Alias, &al.Language, &al.Reason, &al.Confidence); err != nil {
			return err
		}
		al.Why, al.Reason = al.Reason, entente.ReasonText(al.Reason, "en")
		es[index[id]].Aliases = append(es[index[id]].Aliases, al)
		return nil
	})
}

// RegistryEntry returns one entry with its aliases and up to mentions of
// the sentences that mention it, oldest document first.
func (s *Store) RegistryEntry(ctx context.Context, id int64, mentions int) (*entente.RegistryEntry, error) {
	var e *entente.RegistryEntry
	err := s.read(ctx, func(tx *sql.Tx) error {
		var es []entente.RegistryEntry
		err := queryRows(ctx, tx, `SELECT `+registryColumns+` FROM `+registryFrom+` WHERE r.id = $1`,
			[]any{id}, func(rows *sql.Rows) error {
				e, err := scanEntry(rows)
				es = append(es, e)
				return err
			})
		if err != nil {
			return err
		}
		if len(es) == 0 {
			return notFound("registry entry", id)
		}
		if err := readAliases(ctx, tx, es); err != nil {
			return err
		}
		e = &es[0]
		e.MentionList = []entente.RegistryMention{}
		if mentions <= 0 {
			return nil
		}
		e.MentionList, err = s.registryMentions(ctx, tx, id, mentions)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("registry entry %d: %w", id, err)
	}
	return e, nil
}

// Cites returns the instruments document doc cites, in the order it first
// cites them, each with the stored document it is, if any.
func (s *Store) Cites(ctx context.Context, doc int64) ([]entente.CitationLink, error) {
	return s.citationLinks(ctx, doc, citesSQL, false)
}

const citesSQL = `SELECT r.id, r.name, t.id, t.title, t.kind, t.language, t.signed_date, s.label
	FROM citations c JOIN versions v ON v.id = c.version_id JOIN registry r ON r.id = c.registry_id
	JOIN citation_sentences x ON x.citation_id = c.id JOIN sentences s ON s.id = x.sentence_id
	LEFT JOIN documents t ON t.id = r.document_id AND t.withdrawn_at IS NULL
	WHERE v.document_id = $1 ORDER BY v.id, s.position, r.id`

// CitedBy returns the documents that cite document doc (through the
// registry entry whose document it is), oldest first.
// A document is the document of one entry or none, and that entry's
// citations are read through the indexes by entry (migration 0061): an
// index of every entry's document, nearly all NULL, made SQLite scan the
// library's documents in date order instead.
func (s *Store) CitedBy(ctx context.Context, doc int64) ([]entente.CitationLink, error) {
	return s.citationLinks(ctx, doc, citedBySQL, true)
}

const citedBySQL = `SELECT r.id, r.name, d.id, d.title, d.kind, d.language, d.signed_date, s.label
	FROM registry r JOIN citations c ON c.registry_id = r.id JOIN versions v ON v.id = c.version_id
	JOIN documents d ON d.id = v.document_id
	JOIN citation_sentences x ON x.citation_id = c.id JOIN sentences s ON s.id = x.sentence_id
	WHERE r.document_id = $1 AND d.withdrawn_at IS NULL ORDER BY d.signed_date, d.id, s.position`

// citationLinks groups the rows of query by entry (cites) or by citing
// document (cited-by).
func (s *Store) citationLinks(ctx context.Context, doc int64, query string, byDocument bool) ([]entente.CitationLink, error) {
	out := []entente.CitationLink{}
	err := s.read(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE id = $1`, doc).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return notFound("document", doc)
		}
		index := map[int64]int{}
		return queryRows(ctx, tx, query, []any{doc}, func(rows *sql.Rows) error {
			var (
				l                 entente.CitationLink
				did               sql.NullInt64
				title, kind, lang sql.NullString
				date              sql.NullString
				label             string
			)
			if err := rows.Scan(&l.EntryID, &l.EntryName, &did, &title, &kind, &lang, &date, &label); err != nil {
				return err
			}
			k := l.EntryID
			if byDocument {
				k = did.Int64
			}
			i, ok := index[k]
			if !ok {
				if did.Valid {
					l.Document = &entente.RegistryDocument{ID: did.Int64, Title: title.String, Kind: entente.Kind(kind.String), Language: lang.String, Parties: []string{}}
					if date.Valid {
						l.Document.SignedDate = &date.String
					}
				}
				l.Sentences = []string{}
				i = len(out)
				index[k] = i
				out = append(out, l)
			}
			if !containsString(out[i].Sentences, label) {
				out[i].Sentences = append(out[i].Sentences, label)
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("citations of document %d: %w", doc, err)
	}
	return out, nil
}

func containsString(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// CitationEdges returns, for the instruments cited by the most documents
// (those that are stored documents first), up to per of the latest
// documents that cite each: a graph of the library that stays readable
// and cheap however large the library grows.
func (s *Store) CitationEdges(ctx context.Context, instruments, per int) ([]entente.CitationEdge, error) {
	out := []entente.CitationEdge{}
	err := s.read(ctx, func(tx *sql.Tx) error {
		type entry struct {
			id   int64
			name string
			to   *entente.RegistryDocument
		}
		var es []entry
		err := queryRows(ctx, tx, `SELECT r.id, r.name, t.id, t.title, t.signed_date FROM registry r
			LEFT JOIN documents t ON t.id = r.document_id AND t.withdrawn_at IS NULL
			WHERE r.kind = 'instrument' AND r.merged_into IS NULL
			ORDER BY CASE WHEN r.document_id IS NULL THEN 1 ELSE 0 END, r.document_count DESC, r.id LIMIT $1`, []any{instruments},
			func(rows *sql.Rows) error {
				var e entry
				var tid sql.NullInt64
				var title, date sql.NullString
				if err := rows.Scan(&e.id, &e.name, &tid, &title, &date); err != nil {
					return err
				}
				if tid.Valid {
					e.to = &entente.RegistryDocument{ID: tid.Int64, Title: title.String, Parties: []string{}}
					if date.Valid {
						e.to.SignedDate = &date.String
					}
				}
				es = append(es, e)
				return nil
			})
		if err != nil {
			return err
		}
		for _, e := range es {
			err := queryRows(ctx, tx, `SELECT DISTINCT d.id, d.title, d.signed_date FROM (
					SELECT c.version_id FROM citations c WHERE c.registry_id = $1 ORDER BY c.id DESC LIMIT $2) x
				JOIN versions v ON v.id = x.version_id JOIN documents d ON d.id = v.document_id
				WHERE d.withdrawn_at IS NULL ORDER BY d.id`, []any{e.id, per}, func(rows *sql.Rows) error {
				ce := entente.CitationEdge{EntryID: e.id, EntryName: e.name, To: e.to}
				var date sql.NullString
				if err := rows.Scan(&ce.From.ID, &ce.From.Title, &date); err != nil {
					return err
				}
				ce.From.Parties = []string{}
				if date.Valid {
					ce.From.SignedDate = &date.String
				}
				out = append(out, ce)
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("citation graph: %w", err)
	}
	return out, nil
}
