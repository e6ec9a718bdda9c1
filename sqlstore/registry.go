package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/hugepages"
)

// Storage of the registry (package connect builds it): what it is built
// from, the editors' decisions, and the entries themselves, replaced as a
// whole by each rebuild in one transaction with the decision that caused
// it and its event.

// RegistryInput reads every reference, mechanism and project with the
// sentences that mention each, and the documents. Withdrawn documents
// count too (so that withdrawing one does not rebuild the registry);
// every read of the registry leaves them out.
func (s *Store) RegistryInput(ctx context.Context) (*entente.RegistryInput, error) {
	var in *entente.RegistryInput
	err := s.read(ctx, func(tx *sql.Tx) error {
		now, err := readRegistryMark(ctx, tx, true)
		if err != nil {
			return err
		}
		if in, err = readRegistryInput(ctx, tx, entente.RegistryMark{}, now, nil); err != nil {
			return err
		}
		return applyNameCorrections(ctx, tx, in, nil)
	})
	if err != nil {
		return nil, fmt.Errorf("registry input: %w", err)
	}
	return in, nil
}

// RegistryInputAfter reads what was added past mark (the Mark of an
// input read before): the documents, references, mechanisms and projects
// past it, in the order RegistryInput reads them. When rows at or below
// the mark changed too (a re-extraction, a sentence split or joined, a
// deletion, a correction of a document's metadata or of a sentence's
// names, an editor's version link), the events since the mark name the
// documents they are of, and those are read again whole, the analysts'
// names in them included: the input's Replaced lists them, and its items
// of them stand for everything the earlier read held. It reports false,
// and reads nothing, when only a whole read is the library: a change no
// event ties to a document, or more documents changed than a whole read
// costs. An ingest adds documents and their names and nothing else, and a
// server rebuilds the registry after each: at 100,000 statements reading
// the whole input was 4 s of a rebuild's 11, and joining two sentences of
// one statement read it all again (8 s and 1.5 GB for the command).
func (s *Store) RegistryInputAfter(ctx context.Context, mark entente.RegistryMark) (*entente.RegistryInput, bool, error) {
	var in *entente.RegistryInput
	err := s.read(ctx, func(tx *sql.Tx) error {
		if mark.Others == "" {
			return nil
		}
		now, err := readRegistryMark(ctx, tx, false)
		if err != nil {
			return err
		}
		var newDocs, newCits, newEnts, newLinks int64
		var oldNamed bool // a name added to a document read before
		err = tx.QueryRowContext(ctx, registryPastMarkSQL,
			mark.LastDocument, mark.LastCitation, mark.LastEntity).Scan(&newDocs, &newCits, &newEnts, &newLinks, &oldNamed)
		if err != nil {
			return fmt.Errorf("compare with the mark: %w", err)
		}
		// The rows at or below the mark are as they were unless the
		// count of changes moved (a deletion, a change or a correction
		// moves it: migration 0062), or a version link was made between
		// two documents read (an editor's: one whose later document is
		// new is the matcher's at its ingest, an addition, which moves
		// nothing). If either, the events since the mark say of which
		// documents.
		var changed map[int64]bool
		var later []int64 // documents past the mark that changed after their ingest
		if now.Others != mark.Others || now.VersionLinks-newLinks != mark.VersionLinks {
			var whole bool
			if changed, later, whole, err = registryChangedDocuments(ctx, tx, mark); err != nil || whole || len(changed)+len(later) == 0 {
				return err
			}
		}
		if oldNamed {
			// a new reading of a document read before (a re-extraction,
			// a new version): that document is read again whole
			if changed == nil {
				changed = map[int64]bool{}
			}
			if err := namedPastMark(ctx, tx, mark, changed); err != nil {
				return err
			}
		}
		if len(changed) == 0 && len(later) == 0 {
			// counted by what was added, not again: a count of the
			// 800,000 citations and entities of 100,000 statements took
			// a tenth of a rebuild after an upload
			now.Documents, now.Citations, now.Entities = mark.Documents+newDocs, mark.Citations+newCits, mark.Entities+newEnts
			// the names of new documents: no correction is of their
			// sentences yet (the corrections are as they were at the mark)
			in, err = readRegistryInput(ctx, tx, mark, now, nil)
			return err
		}
		if len(changed) > maxReplaced {
			return nil
		}
		replaced := slices.Sorted(maps.Keys(changed))
		// rows went: counted whole, as a whole read counts them
		if now, err = readRegistryMark(ctx, tx, true); err != nil {
			return err
		}
		if in, err = readRegistryInput(ctx, tx, mark, now, replaced); err != nil {
			return err
		}
		in.Replaced = replaced
		// the analysts' names in the documents read again, and in those
		// past the mark corrected since they were stored
		return applyNameCorrections(ctx, tx, in, slices.Concat(replaced, later))
	})
	if err != nil {
		return nil, false, fmt.Errorf("registry input after %+v: %w", mark, err)
	}
	return in, in != nil, nil
}

// maxReplaced bounds the documents a read past a mark reads again: a
// re-extraction of the library changes them all, and a whole read then
// costs less than reading them one list at a time.
const maxReplaced = 2000

// registryChangedDocuments reads the events after mark and returns the
// documents read at the mark that they name (changed), those past it
// (later: read as new, but maybe corrected since), or whole when one may
// have changed what no document holds: an event that names no document
// and is not of something the registry does not read (statuses,
// evidence, accounts, settings, the registry's own decisions,
// follow-ups). A version link or unlink names both its documents (the
// other in what it wrote), so that the pairs with either are found
// again.
func registryChangedDocuments(ctx context.Context, tx *sql.Tx, mark entente.RegistryMark) (changed map[int64]bool, later []int64, whole bool, err error) {
	changed = map[int64]bool{}
	past := map[int64]bool{}
	note := func(doc int64) {
		if doc <= mark.LastDocument {
			changed[doc] = true
		} else {
			past[doc] = true
		}
	}
	err = queryRows(ctx, tx, `SELECT entity, action, coalesce(document_id, 0),
			CASE WHEN action IN ('link', 'unlink') THEN after ELSE NULL END
		FROM events WHERE seq > $1 ORDER BY seq`,
		[]any{mark.Events}, func(rows *sql.Rows) error {
			var entity, action string
			var doc int64
			var after sql.NullString
			if err := rows.Scan(&entity, &action, &doc, &after); err != nil {
				return err
			}
			switch {
			case whole || unseenByRegistry(entity):
			case doc == 0:
				whole = true
			case action == "link" || action == "unlink":
				var link struct {
					Other int64 `json:"other"`
				}
				if err := json.Unmarshal([]byte(after.String), &link); err != nil || link.Other == 0 {
					whole = true // a link that does not say with what
					break
				}
				note(doc)
				note(link.Other)
			default:
				note(doc)
			}
			whole = whole || len(changed)+len(past) > maxReplaced
			return nil
		})
	if err != nil {
		return nil, nil, false, fmt.Errorf("read changes since the registry's input: %w", err)
	}
	return changed, slices.Sorted(maps.Keys(past)), whole, nil
}

// unseenByRegistry says whether changes of entity leave the registry's
// input as it was.
func unseenByRegistry(entity string) bool {
	switch entity {
	case "status", "evidence", "user", "api_token", "setting", "registry", "followup", "tracking":
		return true
	}
	return false
}

// namedPastMark adds to docs the documents read at mark that a reference
// or an entity past it is of. Each name past the mark looks its version
// up, as registryPastMarkSQL does: as a join, SQLite walked every version.
func namedPastMark(ctx context.Context, tx *sql.Tx, mark entente.RegistryMark, docs map[int64]bool) error {
	err := queryRows(ctx, tx, `SELECT (SELECT v.document_id FROM versions v WHERE v.id = c.version_id) FROM citations c WHERE c.id > $1
		UNION ALL SELECT (SELECT v.document_id FROM versions v WHERE v.id = e.version_id) FROM entities e WHERE e.id > $2`,
		[]any{mark.LastCitation, mark.LastEntity}, func(rows *sql.Rows) error {
			var d int64
			if err := rows.Scan(&d); err != nil {
				return err
			}
			if d <= mark.LastDocument {
				docs[d] = true
			}
			return nil
		})
	if err != nil {
		return fmt.Errorf("read the documents named anew: %w", err)
	}
	return nil
}

// literalIDs writes ids as a list for SQL's IN: numbers the store read
// itself, so written in place of as many parameters.
func literalIDs(ids []int64) string {
	b := make([]byte, 0, 8*len(ids))
	for i, id := range ids {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = strconv.AppendInt(b, id, 10)
	}
	return string(b)
}

// registryPastMarkSQL counts the documents, citations, entities and
// version links past a mark ($1, $2, $3: its last document, citation and
// entity), and says whether a name past it is of a document read before.
// That is asked from the names past the mark, each looking its version
// up: as a join, SQLite walked every version of the documents read
// (100,000 at that size) and probed each, 0.3 s of a rebuild after an
// upload (TestRegistryPastMarkPlan).
const registryPastMarkSQL = `SELECT (SELECT count(*) FROM documents WHERE id > $1),
	(SELECT count(*) FROM citations WHERE id > $2), (SELECT count(*) FROM entities WHERE id > $3),
	(SELECT count(*) FROM version_links WHERE document_b > $1),
	EXISTS (SELECT 1 FROM citations c WHERE c.id > $2 AND (SELECT v.document_id FROM versions v WHERE v.id = c.version_id) <= $1)
	OR EXISTS (SELECT 1 FROM entities e WHERE e.id > $3 AND (SELECT v.document_id FROM versions v WHERE v.id = e.version_id) <= $1)`

// readRegistryMark reads how far the library goes now: the largest ids of
// documents, citations and entities, their counts if counted (each a scan
// of a table's index), the last event, and the signature's other terms.
func readRegistryMark(ctx context.Context, tx *sql.Tx, counted bool) (entente.RegistryMark, error) {
	var m entente.RegistryMark
	err := tx.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(id), 0) FROM documents), (SELECT coalesce(max(id), 0) FROM citations),
		(SELECT coalesce(max(id), 0) FROM entities), (SELECT count(*) FROM version_links), (SELECT coalesce(max(seq), 0) FROM events)`).
		Scan(&m.LastDocument, &m.LastCitation, &m.LastEntity, &m.VersionLinks, &m.Events)
	if err == nil && counted {
		err = tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM citations),
			(SELECT count(*) FROM entities)`).Scan(&m.Documents, &m.Citations, &m.Entities)
	}
	if err != nil {
		return m, fmt.Errorf("registry mark: %w", err)
	}
	terms, err := signatureTerms(ctx, tx)
	if err != nil {
		return m, err
	}
	m.Others = joinTerms(terms[4:5]) // the version links apart (m.VersionLinks)
	return m, nil
}

// readRegistryInput reads the documents, items and mentions past mark
// after (everything for a zero mark), and all of those of the documents
// replaced (read at after, so at or below its last document), without the
// analysts' corrections, and marks them read as far as now
// (readRegistryMark, in tx). Each list is in a whole read's order: the
// rows of the documents replaced that were read at after come before any
// row past it.
func readRegistryInput(ctx context.Context, tx *sql.Tx, after, now entente.RegistryMark, replaced []int64) (*entente.RegistryInput, error) {
	in := &entente.RegistryInput{Mark: now}
	// the conditions of each list's reads, in order: the rows of the
	// documents replaced that were read at after (their ids are at or
	// below its marks), then the rows past the mark's id (none for a whole
	// read: a range on an id made SQLite read a table of mentions through
	// its index, a row at a time)
	reads := func(docCol, idCol string, id int64) []string {
		var ws []string
		if len(replaced) > 0 {
			w := " WHERE " + docCol + " IN (" + literalIDs(replaced) + ")"
			if idCol != "" {
				w += " AND " + idCol + " <= " + strconv.FormatInt(id, 10)
			}
			ws = append(ws, w)
		}
		if id <= 0 {
			return append(ws, "")
		}
		col := idCol
		if col == "" {
			col = docCol
		}
		return append(ws, " WHERE "+col+" > "+strconv.FormatInt(id, 10))
	}
	// sized first: grown by appending, the half million items of a
	// library of 100,000 statements were copied over and over (1.3 s
	// of a rebuild's 11 s)
	nDocs, nItems := int(now.Documents), int(now.Citations+now.Entities)
	if after != (entente.RegistryMark{}) {
		err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents WHERE id > $1),
			(SELECT count(*) FROM citations WHERE id > $2) + (SELECT count(*) FROM entities WHERE id > $3)`,
			after.LastDocument, after.LastCitation, after.LastEntity).Scan(&nDocs, &nItems)
		if err != nil {
			return nil, fmt.Errorf("count registry input: %w", err)
		}
		// a document read again has some eight names
		nDocs, nItems = nDocs+len(replaced), nItems+8*len(replaced)
	}
	in.Documents = make([]entente.RegistryDocument, 0, nDocs)
	// with room for the names of some thousands of statements more: a
	// connector keeps a whole read and lays what is added after it out in
	// the same array (a new one, 125 MB at 100,000 statements, took two
	// seconds to fill on this machine, most of it the kernel's faults)
	in.Items = hugepages.Make[entente.RegistryItem](0, nItems+nItems/16+64)
	docs := make(map[int64]int, nDocs)
	for _, where := range reads("d.id", "", after.LastDocument) {
		err := queryRows(ctx, tx, `SELECT d.id, d.title, d.kind, d.language, d.signed_date FROM documents d`+where+` ORDER BY d.id`, nil, func(rows *sql.Rows) error {
			var d entente.RegistryDocument
			var date sql.NullString
			if err := rows.Scan(&d.ID, &d.Title, &d.Kind, &d.Language, &date); err != nil {
				return err
			}
			if date.Valid {
				d.SignedDate = &date.String
			}
			d.Parties = []string{}
			docs[d.ID] = len(in.Documents)
			in.Documents = append(in.Documents, d)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read documents: %w", err)
		}
	}
	for _, where := range reads("p.document_id", "", after.LastDocument) {
		err := queryRows(ctx, tx, `SELECT p.document_id, p.party FROM document_parties p`+where+` ORDER BY p.document_id, p.position`, nil,
			func(rows *sql.Rows) error {
				var id int64
				var p string
				if err := rows.Scan(&id, &p); err != nil {
					return err
				}
				if i, ok := docs[id]; ok {
					in.Documents[i].Parties = append(in.Documents[i].Parties, p)
				}
				return nil
			})
		if err != nil {
			return nil, fmt.Errorf("read parties: %w", err)
		}
	}
	// an item's index by its row, citations' and entities' apart
	rows := [2]*rowIndex{newRowIndex(nItems), newRowIndex(nItems)} // [0] entities, [1] citations
	which := func(instrument bool) *rowIndex {
		if instrument {
			return rows[1]
		}
		return rows[0]
	}
	// A library names each thing in many statements (the most cited
	// instrument at 100,000 statements in 17,853), and a connector keeps
	// the input for its next build: each name, language, kind and year is
	// kept once (830,000 items held 218 MB of heap with a string each).
	strs := map[string]string{}
	intern := func(b sql.RawBytes) string {
		if s, ok := strs[string(b)]; ok {
			return s
		}
		s := string(b)
		strs[s] = s
		return s
	}
	years := map[int64]*int{}
	// the items of the documents replaced that were read at after: their
	// mentions are read by their rows (those past the mark with the rest)
	var again [2][]int64 // [0] entities, [1] citations
	scanItem := func(kind entente.RegistryKind) func(*sql.Rows) error {
		return func(rows *sql.Rows) error {
			it := entente.RegistryItem{Kind: kind, Sentences: []int64{}}
			var year sql.NullInt64
			var lang, name, refKind sql.RawBytes
			if err := rows.Scan(&it.RowID, &it.VersionID, &it.DocumentID, &lang, &name, &it.Bracketed, &refKind, &year); err != nil {
				return err
			}
			it.Language, it.Name, it.RefKind = intern(lang), intern(name), entente.ReferenceKind(intern(refKind))
			if year.Valid {
				y, ok := years[year.Int64]
				if !ok {
					y = new(int)
					*y = int(year.Int64)
					years[year.Int64] = y
				}
				it.Year = y
			}
			instrument := kind == entente.RegInstrument
			which(instrument).set(it.RowID, len(in.Items))
			if instrument && it.RowID <= after.LastCitation || !instrument && it.RowID <= after.LastEntity {
				if after != (entente.RegistryMark{}) {
					k := 0
					if instrument {
						k = 1
					}
					again[k] = append(again[k], it.RowID)
				}
			}
			in.Items = append(in.Items, it)
			return nil
		}
	}
	for _, where := range reads("v.document_id", "c.id", after.LastCitation) {
		err := queryRows(ctx, tx, `SELECT c.id, c.version_id, v.document_id, v.language, c.title, c.bracketed, c.kind, c.year
			FROM citations c JOIN versions v ON v.id = c.version_id`+where+` ORDER BY c.id`, nil, scanItem(entente.RegInstrument))
		if err != nil {
			return nil, fmt.Errorf("read references: %w", err)
		}
	}
	for _, where := range reads("v.document_id", "e.id", after.LastEntity) {
		err := queryRows(ctx, tx, `SELECT e.id, e.version_id, v.document_id, v.language, e.name, FALSE, e.kind, NULL
			FROM entities e JOIN versions v ON v.id = e.version_id`+where+` ORDER BY e.id`, nil, func(rows *sql.Rows) error {
			if err := scanItem("")(rows); err != nil {
				return err
			}
			it := &in.Items[len(in.Items)-1]
			it.Kind, it.RefKind = entente.RegistryKind(it.RefKind), ""
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read entities: %w", err)
		}
	}
	// the mentions by sentence id, as they are stored: the builder
	// counts them and needs no label (nor any order). They are read
	// as pairs first and then laid out in one array, each item's
	// sentences a part of it, instead of a small slice grown for each
	// of 830,000 items.
	var owner []int32 // each mention's item
	var said []int64  // and its sentence
	sentences := func(query string, instrument bool) error {
		return queryRows(ctx, tx, query, nil, func(rows *sql.Rows) error {
			var id, sentence int64
			if err := rows.Scan(&id, &sentence); err != nil {
				return err
			}
			if i, ok := which(instrument).get(id); ok {
				owner, said = append(owner, int32(i)), append(said, sentence)
			}
			return nil
		})
	}
	for k, table := range [2]string{"entity", "citation"} {
		for chunk := range slices.Chunk(again[k], 1000) {
			q := `SELECT x.` + table + `_id, x.sentence_id FROM ` + table + `_sentences x WHERE x.` + table + `_id IN (` + literalIDs(chunk) + `)`
			if err := sentences(q, k == 1); err != nil {
				return nil, fmt.Errorf("read %s sentences: %w", table, err)
			}
		}
	}
	if err := sentences(`SELECT x.citation_id, x.sentence_id FROM citation_sentences x`+past("x.citation_id", after.LastCitation), true); err != nil {
		return nil, fmt.Errorf("read reference sentences: %w", err)
	}
	if err := sentences(`SELECT x.entity_id, x.sentence_id FROM entity_sentences x`+past("x.entity_id", after.LastEntity), false); err != nil {
		return nil, fmt.Errorf("read entity sentences: %w", err)
	}
	layOutSentences(in.Items, owner, said)
	return in, nil
}

// past is the condition of the rows past a mark's id, none for a whole
// read: a range on an id made SQLite read a table of mentions through its
// index, a row at a time.
func past(col string, id int64) string {
	if id <= 0 {
		return ""
	}
	return " WHERE " + col + " > " + strconv.FormatInt(id, 10)
}

// layOutSentences gives each item the sentences of the mentions owner
// says are its, in the order read and each once, as parts of one array.
func layOutSentences(items []entente.RegistryItem, owner []int32, said []int64) {
	start := make([]int, len(items)+1)
	for _, i := range owner {
		start[i+1]++
	}
	for i := range items {
		start[i+1] += start[i]
	}
	all := make([]int64, len(said))
	next := slices.Clone(start[:len(items)])
	for k, i := range owner {
		all[next[i]] = said[k]
		next[i]++
	}
	for i := range items {
		part := all[start[i]:start[i]]
		for _, id := range all[start[i]:start[i+1]] {
			if !slices.Contains(part, id) {
				part = append(part, id)
			}
		}
		// capped, so that an append to one item's sentences never runs
		// into the next item's
		items[i].Sentences = part[:len(part):len(part)]
	}
}

// RegistrySignature returns what the registry would be built from now, as
// a string that changes with every stored extraction, deletion, document
// correction and version link, and the signature the stored registry was
// built from ("" for none).
func (s *Store) RegistrySignature(ctx context.Context) (now, built string, err error) {
	err = s.read(ctx, func(tx *sql.Tx) error {
		terms, err := signatureTerms(ctx, tx)
		if err != nil {
			return err
		}
		now = joinTerms(terms[:])
		err = tx.QueryRowContext(ctx, `SELECT signature FROM registry_state WHERE id = 1`).Scan(&built)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	})
	if err != nil {
		return "", "", fmt.Errorf("registry signature: %w", err)
	}
	return now, built, nil
}

// signatureTerms reads the terms of the registry's signature, each an
// index lookup: the largest ids and the count of documents move with an
// ingest (which only adds), and collection_stats.registry_changes counts
// every other change to what a build reads, written by the triggers of
// migration 0062 in the transaction that makes it (a re-extraction's
// names, a deletion, corrections, version links changed or removed), and
// the count of version links moves with every new one (migration 0065).
// Ids and counts alone missed a re-extraction: SQLite gives a deleted
// row's id to the next insert.
func signatureTerms(ctx context.Context, tx *sql.Tx) ([6]int64, error) {
	var a [6]int64
	err := tx.QueryRowContext(ctx, `SELECT
		(SELECT coalesce(max(id), 0) FROM citations), (SELECT coalesce(max(id), 0) FROM entities),
		(SELECT count(*) FROM documents), (SELECT coalesce(max(id), 0) FROM documents),
		(SELECT coalesce(sum(registry_changes), 0) FROM collection_stats), (SELECT count(*) FROM version_links)`).
		Scan(&a[0], &a[1], &a[2], &a[3], &a[4], &a[5])
	return a, err
}

// joinTerms writes signature terms as one string.
func joinTerms(ts []int64) string {
	parts := make([]string, len(ts))
	for i, v := range ts {
		parts[i] = strconv.FormatInt(v, 10)
	}
	return strings.Join(parts, ":")
}

// RegistryDecisions returns the editors' decisions, oldest first.
func (s *Store) RegistryDecisions(ctx context.Context) ([]entente.RegistryDecision, error) {
	var out []entente.RegistryDecision
	err := s.read(ctx, func(tx *sql.Tx) error {
		return queryRows(ctx, tx, `SELECT id, action, kind, names, into_names, name, why, actor, created_at
			FROM registry_decisions ORDER BY id`, nil, func(rows *sql.Rows) error {
			var d entente.RegistryDecision
			var names, into string
			if err := rows.Scan(&d.ID, &d.Action, &d.Kind, &names, &into, &d.Name, &d.Why, &d.Actor, &d.At); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(names), &d.Names); err != nil {
				return fmt.Errorf("decision %d: %w", d.ID, err)
			}
			if err := json.Unmarshal([]byte(into), &d.Into); err != nil {
				return fmt.Errorf("decision %d: %w", d.ID, err)
			}
			out = append(out, d)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("registry decisions: %w", err)
	}
	return out, nil
}

// insertDecision writes an editor's decision and its event.
func (s *Store) insertDecision(ctx context.Context, tx *sql.Tx, d *entente.RegistryDecision) error {
	a := entente.ActorFromContext(ctx)
	d.Actor, d.At = a.Name, s.now()
	names, _ := json.Marshal(orEmpty(d.Names))
	into, _ := json.Marshal(orEmpty(d.Into))
	var uid any
	if a.UserID != 0 {
		uid = a.UserID
	}
	err := tx.QueryRowContext(ctx, `INSERT INTO registry_decisions (action, kind, names, into_names, name, why, actor, actor_id, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		d.Action, string(d.Kind), string(names), string(into), d.Name, d.Why, d.Actor, uid, d.At).Scan(&d.ID)
	if err != nil {
		return fmt.Errorf("insert decision: %w", err)
	}
	_, err = s.logEvent(ctx, tx, change{action: d.Action, entity: "registry", id: d.ID, after: d, why: d.Why, at: d.At})
	return err
}

func orEmpty(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// execIn runs query followed by a parenthesised list of ids, in chunks.
func execIn(ctx context.Context, tx *sql.Tx, query string, ids []any) error {
	const chunk = 500
	for lo := 0; lo < len(ids); lo += chunk {
		hi := min(lo+chunk, len(ids))
		ph := make([]string, hi-lo)
		for i := range ph {
			ph[i] = "$" + strconv.Itoa(i+1)
		}
		if _, err := tx.ExecContext(ctx, query+"("+strings.Join(ph, ", ")+")", ids[lo:hi]...); err != nil {
			return err
		}
	}
	return nil
}
