package sqlstore

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"

	"github.com/entente/entente"
)

// CreateDocument writes a new document with its version, source and
// original bytes, and the whole extraction (sections, sentences with their
// labels and evidence, references, mechanisms, projects, the search index),
// in one transaction: on any error nothing is left behind.
func (s *Store) CreateDocument(ctx context.Context, d *entente.NewDocument) (int64, error) {
	ids, err := s.CreateDocuments(ctx, []*entente.NewDocument{d})
	if err != nil {
		return 0, err
	}
	return ids[0], nil
}

// CreateDocuments writes several new documents, as CreateDocument does, in
// one transaction: all of them or none. A batch ingest groups documents so,
// because a commit (its sync, and SQLite's flush of the full-text index)
// costs about as much as writing a statement's rows. It returns the new
// documents' ids in the order of ds.
func (s *Store) CreateDocuments(ctx context.Context, ds []*entente.NewDocument) ([]int64, error) {
	// What needs no database (anchors, tokens, JSON) is prepared on every
	// core while the transaction writes the documents already prepared.
	prepared := make([]preparedDocument, len(ds))
	deferred := indexDeferred(ctx)
	errs := make([]error, len(ds))
	ready := make([]chan struct{}, len(ds))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range ds {
		ready[i] = make(chan struct{})
	}
	go func() {
		for i, d := range ds {
			if p := s.preparedAhead(d, deferred); p != nil {
				prepared[i] = *p
				close(ready[i])
				continue
			}
			sem <- struct{}{}
			go func() {
				defer func() { <-sem; close(ready[i]) }()
				prepared[i], errs[i] = s.prepareDocument(d, deferred)
			}()
		}
	}()
	// Every preparation finishes before CreateDocuments returns, whatever
	// the outcome, so that none outlives it.
	defer func() {
		for _, r := range ready {
			<-r
		}
	}()
	now := s.now()
	var ids []int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := s.planWrites(ctx, tx); err != nil {
			return err
		}
		ps := make([]*preparedDocument, len(prepared))
		for i := range prepared {
			<-ready[i]
			if errs[i] != nil {
				return errs[i]
			}
			ps[i] = &prepared[i]
		}
		var (
			index []IndexRow
			err   error
		)
		if ids, index, err = s.insertGroup(ctx, tx, ps, now); err != nil {
			return err
		}
		for i, p := range ps {
			err := s.logChangeOf(ctx, tx, change{action: "create", entity: "document", id: ids[i], document: ids[i],
				after: map[string]any{"title": p.d.Extraction.Document.Title, "source": p.src.Name, "sha256": p.src.SHA256}})
			if err != nil {
				return err
			}
		}
		// The index goes last, for all the documents at once: SQLite's FTS5
		// keeps new rows in memory and writes them out when the next
		// statement of the transaction begins, so writing it last flushes it
		// once, at commit.
		if err := s.insertIndex(ctx, tx, index); err != nil {
			return fmt.Errorf("insert search index: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("create document: %w", err)
	}
	return ids, nil
}

// preparedDocument is a new document with what the store derives from it
// before writing.
type preparedDocument struct {
	d       *entente.NewDocument
	by      *Store // the store that prepared it (PrepareDocument)
	src     entente.Source
	textSHA string
	sents   []preparedSentence
	sketch  []int64
	runes   int // entente.NearSketchRunes' count, with sketch
	// deferIndex leaves the full-text index to the background indexer
	// (search_pending.go): no tokens now, the version queued
	deferIndex bool
	// the text and the original bytes as stored (packText, packBlob), and
	// the blob the text is cut from (textRunsZ), if it is
	textZ             []byte
	textBlob          string
	stored            []byte
	storedCompression string
}

// PrepareDocument derives what CreateDocuments writes of d (its sentences'
// anchors and evidence, its text and original packed, its sketch) ahead of
// the transaction. A batch's examinations call it on every core as each
// statement is extracted, so that the one writer, when it writes a group,
// finds every document prepared instead of waiting for their preparation.
// Set d.Prepared to the result. ctx must leave the full-text index to the
// background indexer (DeferIndex) exactly when the write's context will,
// or the store prepares d again when writing.
func (s *Store) PrepareDocument(ctx context.Context, d *entente.NewDocument) (entente.PreparedDocument, error) {
	p, err := s.prepareDocument(d, indexDeferred(ctx))
	if err != nil {
		return nil, err
	}
	return &p, nil
}

// PreparedFrom is the document p was derived from.
func (p *preparedDocument) PreparedFrom() *entente.NewDocument { return p.d }

// preparedAhead is d's preparation by PrepareDocument, if it has one that
// this store made for this document and the same index mode.
func (s *Store) preparedAhead(d *entente.NewDocument, deferIndex bool) *preparedDocument {
	p, ok := d.Prepared.(*preparedDocument)
	if !ok || p.d != d || p.by != s || p.deferIndex != deferIndex {
		return nil
	}
	return p
}

func (s *Store) prepareDocument(d *entente.NewDocument, deferIndex bool) (preparedDocument, error) {
	if d == nil || d.Extraction == nil {
		return preparedDocument{}, errors.New("no extraction")
	}
	src, err := checkSource(d.Source, d.Original)
	if err != nil {
		return preparedDocument{}, fmt.Errorf("%s: %w", d.Source.Name, err)
	}
	p := preparedDocument{d: d, by: s, src: src, textSHA: d.TextSHA256, sketch: d.NearSketch, runes: d.NearRunes, deferIndex: deferIndex}
	if p.sketch == nil || p.runes == 0 {
		// a sketch given without its count is counted again with it
		p.sketch, p.runes = entente.NearSketchRunes(d.Text)
	}
	if p.textSHA == "" {
		p.textSHA = sha256Hex([]byte(d.Text))
	}
	if p.sents, err = prepareSentencesFor(d.Extraction.Sentences, !deferIndex); err != nil {
		return preparedDocument{}, fmt.Errorf("%s: %w", d.Source.Name, err)
	}
	locateSentences(d.Text, p.sents)
	if string(d.Original) != d.Text {
		if z := textRunsZ(d.Text, d.Original); z != nil {
			// the original less a few bytes: deflated once, as the blob,
			// and the text kept as runs of it (an original that is its
			// text needs no runs: textInBlob below)
			p.textZ, p.textBlob = z, p.src.SHA256
			p.stored, p.storedCompression = s.deflate.packBlob(d.Original)
			return p, nil
		}
	}
	p.textZ = s.deflate.packText(d.Text)
	if p.textZ != nil && string(d.Original) == d.Text {
		// a plain-text upload: its bytes are its text, deflated once and
		// stored once, as the blob, which the version's text points at
		// (textInBlob) when both are under the same sha256
		_, n := binary.Uvarint(p.textZ)
		p.stored, p.storedCompression = p.textZ[n:], blobDeflate
		if p.src.SHA256 == p.textSHA {
			p.textZ = textInBlobZ(len(d.Text))
		}
	} else {
		p.stored, p.storedCompression = s.deflate.packBlob(d.Original)
	}
	return p, nil
}

// VersionByTextSHA256 finds the version with this normalised text, or
// returns an error wrapping entente.ErrNotFound.
func (s *Store) VersionByTextSHA256(ctx context.Context, sha string) (*entente.Version, error) {
	// one statement, through the statement cache: a batch looks up every
	// input's text
	vs, err := findVersionsWith(ctx, s.queryAlone, nil, versionOfText("versions", "$1"), sha)
	if err != nil {
		return nil, fmt.Errorf("find version: %w", err)
	}
	if len(vs) == 0 {
		return nil, notFound("version with text sha256", sha)
	}
	return &vs[0], nil
}

// findVersionsWith returns the versions that match where, with their
// text, in order of id, running its query with query.
func findVersionsWith(ctx context.Context, query queryFunc, tx *sql.Tx, where string, a ...any) ([]entente.Version, error) {
	var vs []entente.Version
	err := query(ctx, tx, `
		SELECT id, document_id, language, authentic, text_sha256, text, text_z, `+versionBlobSQL("versions")+`, extractor, created_at
		FROM versions WHERE `+where+` ORDER BY id`, a,
		func(rows *sql.Rows) error {
			var (
				v       entente.Version
				z, blob []byte
				comp    sql.NullString
			)
			if err := rows.Scan(&v.ID, &v.DocumentID, &v.Language, &v.Authentic, &v.TextSHA256, &v.Text, &z, &blob, &comp,
				&v.Extractor, &v.CreatedAt); err != nil {
				return err
			}
			var err error
			if v.Text, err = versionTextOf(v.Text, z, blob, comp); err != nil {
				return fmt.Errorf("version %d: %w", v.ID, err)
			}
			v.CreatedAt = v.CreatedAt.UTC()
			vs = append(vs, v)
			return nil
		})
	return vs, err
}

// Document returns one document with its versions, sources and the
// extraction of its first version, or an error wrapping entente.ErrNotFound.
func (s *Store) Document(ctx context.Context, id int64) (*entente.StoredDocument, error) {
	var d *entente.StoredDocument
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		if d, err = s.documentHead(ctx, tx, id); err != nil {
			return err
		}
		if len(d.Versions) > 0 {
			if d.Extraction, err = findExtractionWith(ctx, s.queryRows, tx, d.Versions[0].ID, d.Document, 0, math.MaxInt32); err != nil {
				return err
			}
		}
		return applyDocumentCorrections(ctx, s.queryRows, tx, d)
	})
	if err != nil {
		return nil, fmt.Errorf("find document: %w", err)
	}
	return d, nil
}

// documentHead reads document id in a read transaction, with its versions
// and sources, without its extraction: what Document and DocumentPage
// read first, through the store's prepared statements.
func (s *Store) documentHead(ctx context.Context, tx *sql.Tx, id int64) (*entente.StoredDocument, error) {
	ds, err := findDocumentsWith(ctx, s.queryRows, tx, []string{"d.id = $1"}, "", []any{id}, idsInList)
	if err != nil {
		return nil, err
	}
	if len(ds) == 0 {
		return nil, notFound("document", id)
	}
	d := &ds[0]
	if d.Versions, err = findVersionsWith(ctx, s.queryRows, tx, "document_id = $1", id); err != nil {
		return nil, err
	}
	if d.Sources, err = findSourcesWith(ctx, s.queryRows, tx, "v.document_id = $1", id); err != nil {
		return nil, err
	}
	withDifferences(d)
	return d, nil
}

// Documents lists the documents that match f, newest signed first (those
// without a date last), with their versions (without text), sources and the
// sentence counts of their first version, each as corrected (its date,
// parties, title…). A Limit of 0 lists all.
func (s *Store) Documents(ctx context.Context, f entente.DocumentFilter) ([]entente.StoredDocument, error) {
	var a args
	conds := documentConds(&a, f)
	offset := max(f.Offset, 0)
	// The documents whose date a correction changed are few: read whole
	// and placed by their corrected date among the others, which are read
	// in the order of their own dates, as far as the page reaches (ordering
	// every document by a corrected date would sort the library each page).
	const redated = `d.id IN (SELECT document_id FROM corrected_documents WHERE date_corrected)`
	var ds []entente.StoredDocument
	err := s.read(ctx, func(tx *sql.Tx) error {
		moved, err := findDocuments(ctx, tx, append(slices.Clone(conds), redated), "", a)
		if err != nil {
			return err
		}
		if len(moved) > 0 {
			if err := applyListedCorrections(ctx, tx, moved); err != nil {
				return err
			}
		}
		// the others' window: the page's place among them is its offset
		// less the moved documents before it, so at most len(moved) earlier
		from := max(0, offset-len(moved))
		limit := int64(math.MaxInt64)
		if f.Limit > 0 {
			limit = int64(f.Limit + len(moved))
		}
		ra := append(args(nil), a...)
		page := "ORDER BY d.signed_date DESC NULLS LAST, d.id DESC LIMIT " + ra.add(limit) + " OFFSET " + ra.add(from)
		rest, err := findDocuments(ctx, tx, append(slices.Clone(conds), "NOT "+redated), page, ra)
		if err != nil {
			return err
		}
		ds = append(rest, moved...)
		slices.SortStableFunc(ds, func(x, y entente.StoredDocument) int {
			dx, dy := listedDate(&x), listedDate(&y)
			switch {
			case dx == "" && dy != "":
				return 1 // a date before none
			case dx != "" && dy == "":
				return -1
			}
			if c := cmp.Compare(dy, dx); c != 0 {
				return c
			}
			return cmp.Compare(y.ID, x.ID)
		})
		// merged, the window holds every document from place from on
		// that can be on the page (a moved one before the window falls
		// before the offset, one after it past the page)
		ds = ds[min(offset-from, len(ds)):]
		if f.Limit > 0 {
			ds = ds[:min(f.Limit, len(ds))]
		}
		if len(ds) == 0 {
			return nil
		}
		if err := applyListedCorrections(ctx, tx, ds); err != nil {
			return err
		}
		return attachVersions(ctx, tx, ds)
	})
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	if ds == nil {
		ds = []entente.StoredDocument{}
	}
	return ds, nil
}

// listedDate is a listed document's date of signing, "" for none.
func listedDate(d *entente.StoredDocument) string {
	if d.SignedDate == nil {
		return ""
	}
	return *d.SignedDate
}

// applyListedCorrections applies the listed documents' approved
// corrections to their metadata, so that a list shows each document as
// the reader does and as its filters read it (a party or date corrected).
// The list stays in the order of the dates as extracted: ordering by the
// corrected date would sort the whole library on every page.
func applyListedCorrections(ctx context.Context, tx *sql.Tx, ds []entente.StoredDocument) error {
	byID := make(map[int64]*entente.StoredDocument, len(ds))
	ids := make([]int64, len(ds))
	for i := range ds {
		byID[ds[i].ID], ids[i] = &ds[i], ds[i].ID
	}
	var a args
	err := applyApprovedDocumentCorrections(ctx, tx, `SELECT document_id, field, value FROM document_corrections
		WHERE document_id IN (`+list(&a, ids)+`) AND state = 'approved' AND withdrawn_at IS NULL ORDER BY id`, a,
		func(id int64) *entente.Document {
			if d := byID[id]; d != nil {
				return &d.Document
			}
			return nil
		})
	if err != nil {
		return fmt.Errorf("read the documents' corrections: %w", err)
	}
	return nil
}

// CountDocuments counts the documents that meet f's filters.
func (s *Store) CountDocuments(ctx context.Context, f entente.DocumentFilter) (int, error) {
	var a args
	conds := documentConds(&a, f)
	var n int
	err := s.read(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, "SELECT count(*) FROM documents d "+whereClause(conds), a...).Scan(&n)
	})
	if err != nil {
		return 0, fmt.Errorf("count documents: %w", err)
	}
	return n, nil
}

// documentConds returns the SQL conditions of f's filters on documents d.
func documentConds(a *args, f entente.DocumentFilter) []string {
	var conds []string
	// Parties, areas and dates are read as corrected: a document whose
	// parties or date a correction changed, and a sentence whose labels
	// one changed, are filtered by their corrected_* rows (migration
	// 0007) instead of the extractor's.
	for _, party := range append([]string{f.Party}, f.Parties...) {
		if party == "" {
			continue
		}
		p := a.add(party)
		conds = append(conds, `((EXISTS (SELECT 1 FROM document_parties p WHERE p.document_id = d.id AND p.party = `+p+`)
				AND NOT EXISTS (SELECT 1 FROM corrected_documents c WHERE c.document_id = d.id AND c.parties_corrected))
			OR EXISTS (SELECT 1 FROM corrected_document_parties p WHERE p.document_id = d.id AND p.party = `+p+`))`)
	}
	if f.Kind != "" {
		conds = append(conds, "d.kind = "+a.add(string(f.Kind)))
	}
	if f.Language != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM versions lv WHERE lv.document_id = d.id AND lv.language = `+a.add(f.Language)+`)`)
	}
	if f.Area != "" {
		ar := a.add(f.Area)
		packed := a.add(packLabel(f.Area))
		// a document's sentences through its versions (migration 0043:
		// sentences are indexed by version, not by document)
		conds = append(conds, `(EXISTS (SELECT 1 FROM versions wv JOIN sentences ws ON ws.version_id = wv.id
				WHERE wv.document_id = d.id AND ws.type = 'commitment' AND ws.areas <> '' AND `+labelListHas("ws.areas", packed)+`
				AND NOT EXISTS (SELECT 1 FROM corrected_sentences c WHERE c.sentence_id = ws.id))
			OR EXISTS (SELECT 1 FROM corrected_sentences ws JOIN corrected_areas wa ON wa.sentence_id = ws.sentence_id
				WHERE ws.document_id = d.id AND ws.type = 'commitment' AND wa.area = `+ar+`))`)
	}
	if !f.Withdrawn {
		conds = append(conds, "d.withdrawn_at IS NULL")
	}
	if dates := dateConds(nil, a, f.From, f.To); len(dates) > 0 {
		w := strings.Join(dates, " AND ")
		conds = append(conds, `((`+w+` AND NOT EXISTS (SELECT 1 FROM corrected_documents c WHERE c.document_id = d.id AND c.date_corrected))
			OR EXISTS (SELECT 1 FROM corrected_documents c WHERE c.document_id = d.id AND c.date_corrected AND `+
			strings.ReplaceAll(w, "d.signed_date", "c.signed_date")+`))`)
	}
	return conds
}

// dateConds adds the signed-date bounds, both inclusive. A bound may be a
// prefix of a date (2024, 2024-05): To compares the date cut to its length,
// so that To 2024-05 keeps 2024-05-31. Dates are ISO 8601 text, which
// sorts as dates do in any collation (digits and hyphens in fixed places).
func dateConds(conds []string, a *args, from, to string) []string {
	if from != "" {
		conds = append(conds, "d.signed_date >= "+a.add(from))
	}
	if to != "" {
		conds = append(conds, fmt.Sprintf("substr(d.signed_date, 1, %s) <= %s", a.add(len(to)), a.add(to)))
	}
	return conds
}

// findDocuments reads the documents d that meet conds, with their parties,
// signatories and counts; tail orders and pages them.
func findDocuments(ctx context.Context, tx *sql.Tx, conds []string, tail string, a []any) ([]entente.StoredDocument, error) {
	return findDocumentsWith(ctx, queryRows, tx, conds, tail, a, idsInList)
}

// idsInList is the condition that col is one of ids, as a list of
// placeholders.
func idsInList(col string, a *args, ids []int64) string {
	return col + " IN (" + list(a, ids) + ")"
}

// findDocumentsWith is findDocuments running its queries with query, the
// parties and signatories of the documents found selected by idsIn.
func findDocumentsWith(ctx context.Context, query queryFunc, tx *sql.Tx, conds []string, tail string, a []any,
	idsIn func(col string, a *args, ids []int64) string) ([]entente.StoredDocument, error) {
	var ds []entente.StoredDocument
	err := query(ctx, tx, `
		SELECT d.id, d.title, d.kind, d.language, d.signed_date, d.signed_place, d.news_dateline,
			d.authentic_languages, d.created_at, d.withdrawn_at,
			coalesce(v.sentence_count, 0), coalesce(v.commitment_count, 0)
		FROM documents d
		LEFT JOIN versions v ON v.id = (SELECT min(fv.id) FROM versions fv WHERE fv.document_id = d.id)
		`+whereClause(conds)+" "+tail, a,
		func(rows *sql.Rows) error {
			var (
				d           entente.StoredDocument
				kind, langs string
				date, place sql.NullString
				withdrawn   sql.NullTime
			)
			if err := rows.Scan(&d.ID, &d.Title, &kind, &d.Language, &date, &place, &d.NewsDateline,
				&langs, &d.CreatedAt, &withdrawn, &d.Sentences, &d.Commitments); err != nil {
				return err
			}
			d.Withdrawn = withdrawn.Valid
			d.Kind, d.SignedDate, d.SignedPlace, d.CreatedAt = entente.Kind(kind), fromNullString(date), fromNullString(place), d.CreatedAt.UTC()
			if err := json.Unmarshal([]byte(langs), &d.AuthenticLanguages); err != nil {
				return fmt.Errorf("document %d: authentic languages: %w", d.ID, err)
			}
			d.AuthenticLanguages = nonNil(d.AuthenticLanguages)
			d.Parties, d.Signatories = []string{}, []entente.Signatory{}
			ds = append(ds, d)
			return nil
		})
	if err != nil || len(ds) == 0 {
		return ds, err
	}
	return ds, attachParties(ctx, query, tx, ds, idsIn)
}

// attachParties reads the parties and signatories of ds, which idsIn
// selects by their ids.
func attachParties(ctx context.Context, query queryFunc, tx *sql.Tx, ds []entente.StoredDocument,
	idsIn func(col string, a *args, ids []int64) string) error {
	byID := make(map[int64]*entente.StoredDocument, len(ds))
	ids := make([]int64, len(ds))
	for i := range ds {
		byID[ds[i].ID], ids[i] = &ds[i], ds[i].ID
	}
	var a args
	in := idsIn("document_id", &a, ids)
	err := query(ctx, tx, `SELECT document_id, party FROM document_parties WHERE `+in+` ORDER BY document_id, position`, a,
		func(rows *sql.Rows) error {
			var id int64
			var p string
			if err := rows.Scan(&id, &p); err != nil {
				return err
			}
			byID[id].Parties = append(byID[id].Parties, p)
			return nil
		})
	if err != nil {
		return err
	}
	return query(ctx, tx, `SELECT document_id, name, title, party FROM signatories WHERE `+in+` ORDER BY document_id, position`, a,
		func(rows *sql.Rows) error {
			var id int64
			var g entente.Signatory
			if err := rows.Scan(&id, &g.Name, &g.Title, &g.Party); err != nil {
				return err
			}
			byID[id].Signatories = append(byID[id].Signatories, g)
			return nil
		})
}

// attachVersions reads the versions (without their text) and sources of ds.
func attachVersions(ctx context.Context, tx *sql.Tx, ds []entente.StoredDocument) error {
	byID := make(map[int64]*entente.StoredDocument, len(ds))
	ids := make([]int64, len(ds))
	for i := range ds {
		byID[ds[i].ID], ids[i] = &ds[i], ds[i].ID
		ds[i].Versions, ds[i].Sources = []entente.Version{}, []entente.Source{}
	}
	var a args
	in := list(&a, ids)
	err := queryRows(ctx, tx, `
		SELECT id, document_id, language, authentic, text_sha256, extractor, created_at
		FROM versions WHERE document_id IN (`+in+`) ORDER BY id`, a,
		func(rows *sql.Rows) error {
			var v entente.Version
			if err := rows.Scan(&v.ID, &v.DocumentID, &v.Language, &v.Authentic, &v.TextSHA256, &v.Extractor, &v.CreatedAt); err != nil {
				return err
			}
			v.CreatedAt = v.CreatedAt.UTC()
			byID[v.DocumentID].Versions = append(byID[v.DocumentID].Versions, v)
			return nil
		})
	if err != nil {
		return err
	}
	srcs, err := findSources(ctx, tx, "v.document_id IN ("+in+")", a...)
	for _, src := range srcs {
		byID[src.DocumentID].Sources = append(byID[src.DocumentID].Sources, src)
	}
	return err
}

// DeleteDocument removes a document and everything that hangs on it
// (versions, sources, the extraction, the search index: ON DELETE
// CASCADE), then the blobs that nothing else refers to, and logs what it
// removed. A document that carries what users entered (statuses, evidence,
// corrections, or that is evidence itself) is refused with a conflict:
// withdraw it, or purge it as an admin. It returns an error wrapping
// entente.ErrNotFound for an unknown id.
func (s *Store) DeleteDocument(ctx context.Context, id int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		d, err := documentSummary(ctx, tx, id)
		if err != nil {
			return err
		}
		n, err := trackedCount(ctx, tx, id)
		if err != nil {
			return err
		}
		if n > 0 {
			return entente.Errorf(entente.ECONFLICT,
				"document %d carries %d statuses, evidence items or corrections: withdraw it instead (an admin can purge it)", id, n)
		}
		if err := s.removeDocument(ctx, tx, id); err != nil {
			return err
		}
		return s.logChangeOf(ctx, tx, change{action: "delete", entity: "document", id: id, before: d, document: id})
	})
	if err != nil {
		return fmt.Errorf("delete document: %w", err)
	}
	return nil
}

// removeDocument deletes a document's rows and the blobs nothing else
// refers to.
func (s *Store) removeDocument(ctx context.Context, tx *sql.Tx, id int64) error {
	// The blobs the document's rows refer to: its sources' bytes and the
	// pages archived as evidence of its commitments.
	var shas []string
	err := queryRows(ctx, tx, `
		SELECT s.sha256 FROM sources s JOIN versions v ON v.id = s.version_id WHERE v.document_id = $1
		UNION
		SELECT e.archive_sha256 FROM evidence e
		JOIN commitments c ON c.id = e.commitment_id JOIN versions v ON v.id = c.version_id
		WHERE v.document_id = $1 AND e.archive_sha256 IS NOT NULL`, []any{id},
		func(rows *sql.Rows) error {
			var sha string
			err := rows.Scan(&sha)
			shas = append(shas, sha)
			return err
		})
	if err != nil {
		return err
	}
	// Status rows and their history name evidence; they go first, so that
	// the evidence can go (the cascade from commitments takes them all,
	// but in no fixed order).
	for _, q := range []string{
		`DELETE FROM commitment_statuses WHERE commitment_id IN (SELECT c.id FROM commitments c JOIN versions v ON v.id = c.version_id WHERE v.document_id = $1)`,
		`DELETE FROM status_changes WHERE commitment_id IN (SELECT c.id FROM commitments c JOIN versions v ON v.id = c.version_id WHERE v.document_id = $1)`,
	} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return err
		}
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE id = $1`, id)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return notFound("document", id)
	}
	return deleteUnusedBlobs(ctx, tx, shas)
}

func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// nonNil returns s, or an empty slice for nil: the contract's lists are []
// in JSON, never null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
