package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/entente/entente"
)

// Commitments reads the commitments of the documents f selects (by
// document, pair of parties and signed dates; withdrawn documents only
// when asked): the sentences of each document's first version whose type,
// once corrected, is commitment, with their corrections applied and a
// status for each of their parties. The other filters, and due dates, are
// package tracking's.
func (s *Store) Commitments(ctx context.Context, f entente.CommitmentFilter) ([]entente.TrackedCommitment, error) {
	var out []entente.TrackedCommitment
	err := s.read(ctx, func(tx *sql.Tx) error {
		ls, err := listCommitments(ctx, tx, f, nil)
		out = make([]entente.TrackedCommitment, len(ls))
		for i := range ls {
			out[i] = ls[i].TrackedCommitment
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list commitments: %w", err)
	}
	return out, nil
}

// listed is a commitment as listCommitments reads it, with its sentence's
// row and position, which the tracked tables are keyed and ordered by.
type listed struct {
	entente.TrackedCommitment
	sentenceID int64
	position   int
	withdrawn  bool // its document is
}

// listCommitments reads the commitments f selects (its document, pair,
// dates and withdrawn filters), or when sentences is not empty only those
// of these sentences, in the order of their versions (newest first) and
// positions.
func listCommitments(ctx context.Context, tx *sql.Tx, f entente.CommitmentFilter, sentences []int64) ([]listed, error) {
	return listCommitmentsIn(ctx, tx, f, sentences, nil, nil)
}

// listCommitmentsOf reads every commitment of the documents docs
// (withdrawn or not), as the tracked tables keep them: with its text only
// when it has a deadline, which its due date is read from with the text
// (a sentence's text is most of what the listing reads: its version's
// text, inflated, when the sentence is stored as offsets into it).
func listCommitmentsOf(ctx context.Context, tx *sql.Tx, docs []int64) ([]listed, error) {
	return listCommitmentsIn(ctx, tx, entente.CommitmentFilter{Withdrawn: true}, nil, docs, withDeadline)
}

// withDeadline says whether a commitment has a deadline (corrected).
func withDeadline(s *entente.Sentence) bool { return s.Deadline != nil }

// listCommitmentsIn is listCommitments restricted to the documents docs
// when docs is not empty; when textOf is not nil, only the commitments it
// says yes to (their corrected labels) have their text, the others "".
func listCommitmentsIn(ctx context.Context, tx *sql.Tx, f entente.CommitmentFilter, sentences, docs []int64,
	textOf func(*entente.Sentence) bool) ([]listed, error) {
	var a args
	var docFilter []int64
	var wanted map[int64]bool // the sentences asked for, if any
	// each document's first version, as the reader shows it: a derived
	// table computed once, not a subquery per sentence (of the documents
	// asked for only, when they are few)
	// (the placeholders of docs serve both conditions: every query's
	// arguments are those of the document conditions)
	conds := []string{"s.version_id IN (SELECT min(fv.id) FROM versions fv GROUP BY fv.document_id)"}
	dconds := []string{}
	if !f.Withdrawn {
		dconds = append(dconds, "d.withdrawn_at IS NULL")
	}
	if f.Document != 0 {
		p := a.add(f.Document)
		dconds = append(dconds, "d.id = "+p)
		conds[0] = "s.version_id IN (SELECT min(fv.id) FROM versions fv WHERE fv.document_id = " + p + ")"
	}
	if len(docs) > 0 {
		in := list(&a, docs)
		dconds = append(dconds, "d.id IN ("+in+")")
		conds[0] = "s.version_id IN (SELECT min(fv.id) FROM versions fv WHERE fv.document_id IN (" + in + ") GROUP BY fv.document_id)"
		docFilter = docs
	}
	// a pair and dates as corrected, as the library's filters read them
	dconds = append(dconds, documentConds(&a, entente.DocumentFilter{Parties: f.Pair, From: f.From, To: f.To, Withdrawn: true})...)
	if len(sentences) > 0 {
		// the page's documents, so that labels, statuses and corrections
		// are read for them alone
		var docIDs []int64
		var sa args
		err := queryRows(ctx, tx, `SELECT DISTINCT document_id FROM sentences WHERE id IN (`+list(&sa, sentences)+`)`, sa,
			func(rs *sql.Rows) error {
				var id int64
				if err := rs.Scan(&id); err != nil {
					return err
				}
				docIDs = append(docIDs, id)
				return nil
			})
		if err != nil {
			return nil, fmt.Errorf("read the page's documents: %w", err)
		}
		if len(docIDs) == 0 {
			return nil, nil
		}
		in := list(&a, docIDs)
		dconds = append(dconds, "d.id IN ("+in+")")
		conds[0] = "s.version_id IN (SELECT min(fv.id) FROM versions fv WHERE fv.document_id IN (" + in + ") GROUP BY fv.document_id)"
		docFilter = docIDs
		wanted = map[int64]bool{}
		for _, id := range sentences {
			wanted[id] = true
		}
	}
	conds = append(conds, dconds...)
	where := strings.Join(conds, " AND ")
	// the sentences' own rows and labels: of the page's sentences alone
	// (their placeholders after the document conditions', which every
	// query shares)
	sa := a
	swhere := where
	if len(sentences) > 0 {
		sa = append(args(nil), a...)
		swhere += " AND s.id IN (" + list(&sa, sentences) + ")"
	}
	// commitments, and the sentences a correction made commitments (an
	// uncorrelated subquery, evaluated once)
	typed := `(s.type = 'commitment' OR s.id IN (SELECT ks.id FROM corrections k JOIN sentences ks ON ks.version_id = k.version_id
		AND ks.section = k.section AND ` + anchorSQL("ks") + ` = k.text_sha256 AND ks.occurrence = k.occurrence
		WHERE k.field = 'type' AND k.state = 'approved' AND k.withdrawn_at IS NULL))`

	var out []listed
	err := func() error {
		docs, err := commitmentDocuments(ctx, tx, whereClause(dconds), a)
		if err != nil {
			return err
		}
		type row struct {
			id        int64
			position  int
			withdrawn bool
			doc       int64
			anchor    entente.Anchor
			s         entente.Sentence
			text      storedText
		}
		var rows []row
		err = queryRows(ctx, tx, `
			SELECT s.id, s.document_id, s.version_id, s.label, s.section, s.marker, s.paragraph, `+sentenceTextSQL("s")+`, `+anchorSQL("s")+`, s.occurrence,
				s.type, s.strength, s.deadline, s.position, d.withdrawn_at IS NOT NULL, s.actors, s.areas
			FROM sentences s JOIN documents d ON d.id = s.document_id
			WHERE `+swhere+` AND `+typed+` ORDER BY s.version_id DESC, s.position`, sa,
			func(rs *sql.Rows) error {
				var r row
				var typ, strength string
				var deadline sql.NullString
				var actors, areas string
				dest := append([]any{&r.id, &r.doc, &r.anchor.VersionID, &r.s.ID, &r.s.Section, &r.s.Marker, &r.s.Paragraph},
					r.text.dest()...)
				if err := rs.Scan(append(dest, &r.anchor.TextSHA256, &r.anchor.Occurrence, &typ, &strength, &deadline, &r.position,
					&r.withdrawn, &actors, &areas)...); err != nil {
					return err
				}
				if wanted != nil && !wanted[r.id] {
					return nil
				}
				r.anchor.Section = r.s.Section
				r.s.Type, r.s.Strength, r.s.Deadline = entente.SentenceType(typ), entente.Strength(strength), readDeadline(deadline)
				r.s.References, r.s.Mechanisms, r.s.Projects = []string{}, []string{}, []string{}
				var err error
				if r.s.Actors, err = unpackLabels(actors); err != nil {
					return fmt.Errorf("sentence %d: actors: %w", r.id, err)
				}
				if r.s.Areas, err = unpackLabels(areas); err != nil {
					return fmt.Errorf("sentence %d: areas: %w", r.id, err)
				}
				rows = append(rows, r)
				return nil
			})
		if err != nil {
			return fmt.Errorf("read commitments: %w", err)
		}
		if len(rows) == 0 {
			return nil
		}
		tracked, err := trackedStatuses(ctx, tx, whereClause(dconds), a)
		if err != nil {
			return err
		}
		corr := map[entente.Anchor][]entente.Correction{}
		cs, err := findCorrections(ctx, tx, correctionQuery{document: f.Document, documents: docFilter})
		if err != nil {
			return err
		}
		for _, c := range cs {
			if c.Anchor != nil {
				corr[*c.Anchor] = append(corr[*c.Anchor], c)
			}
		}
		// the commitments, corrected, and then the texts of those that
		// need theirs (corrections change labels, never a text)
		var kept []int
		var ts []storedText
		var withText []int
		for i := range rows {
			r := &rows[i]
			if err := applyCorrections(corr[r.anchor], &r.s); err != nil {
				return err
			}
			if r.s.Type != entente.Commitment || docs[r.doc] == nil {
				continue
			}
			kept = append(kept, i)
			if textOf == nil || textOf(&r.s) {
				ts = append(ts, r.text)
				withText = append(withText, i)
			}
		}
		if len(ts) > 0 {
			texts, err := sentenceTexts(ctx, queryRows, tx, nil, ts)
			if err != nil {
				return err
			}
			for j, i := range withText {
				rows[i].s.Text = texts[j]
			}
		}
		out = slices.Grow(out, len(kept)) // a commitment is some 500 bytes: grown by doubling, copied a few times over
		for _, i := range kept {
			r := &rows[i]
			d := docs[r.doc]
			c := entente.TrackedCommitment{Anchor: r.anchor, DocumentID: r.doc, DocumentTitle: d.Title, Parties: d.Parties,
				Sentence: r.s, Statuses: []entente.PartyStatus{}}
			if d.SignedDate != nil {
				c.SignedDate = *d.SignedDate
			}
			t := tracked[r.anchor]
			if t != nil {
				c.ID, c.Revision = t.id, t.revision
			}
			c.Statuses = partyStatuses(CommitmentParties(&c), t)
			out = append(out, listed{TrackedCommitment: c, sentenceID: r.id, position: r.position, withdrawn: r.withdrawn})
		}
		return nil
	}()
	if err != nil {
		return nil, err
	}
	return out, nil
}

// CommitmentParties are the parties a commitment binds: its actors, or
// the document's parties when no actor is named.
func CommitmentParties(c *entente.TrackedCommitment) []string {
	if len(c.Sentence.Actors) > 0 {
		return c.Sentence.Actors
	}
	return c.Parties
}

// partyStatuses gives each party its recorded status (not_rated if none),
// followed by any status recorded for a party no longer among them, so
// that nothing recorded disappears from view.
func partyStatuses(parties []string, t *trackedRow) []entente.PartyStatus {
	out := make([]entente.PartyStatus, 0, len(parties))
	seen := map[string]bool{}
	for _, p := range parties {
		if seen[p] {
			continue
		}
		seen[p] = true
		if t != nil {
			if st, ok := t.statuses[p]; ok {
				out = append(out, st)
				continue
			}
		}
		out = append(out, entente.PartyStatus{Party: p, Status: entente.NotRated})
	}
	if t != nil {
		for _, p := range t.order {
			if !seen[p] {
				out = append(out, t.statuses[p])
			}
		}
	}
	return out
}

type trackedRow struct {
	id       int64
	revision int
	statuses map[string]entente.PartyStatus
	order    []string
}

// trackedStatuses reads the tracking rows of the selected documents and
// their statuses, by anchor.
func trackedStatuses(ctx context.Context, tx *sql.Tx, dwhere string, a args) (map[entente.Anchor]*trackedRow, error) {
	out := map[entente.Anchor]*trackedRow{}
	err := queryRows(ctx, tx, `
		SELECT c.id, c.version_id, c.section, c.text_sha256, c.occurrence, c.revision,
			cs.party, cs.status, cs.evidence_id, cs.why, cs.actor, cs.updated_at
		FROM commitments c JOIN versions v ON v.id = c.version_id JOIN documents d ON d.id = v.document_id
		LEFT JOIN commitment_statuses cs ON cs.commitment_id = c.id
		`+dwhere+` ORDER BY c.id, cs.party`, a,
		func(rs *sql.Rows) error {
			var an entente.Anchor
			var id int64
			var rev int
			var party, status, why, actor sql.NullString
			var ev sql.NullInt64
			var at sql.NullTime
			if err := rs.Scan(&id, &an.VersionID, &an.Section, &an.TextSHA256, &an.Occurrence, &rev, &party, &status, &ev, &why, &actor, &at); err != nil {
				return err
			}
			t := out[an]
			if t == nil {
				t = &trackedRow{id: id, revision: rev, statuses: map[string]entente.PartyStatus{}}
				out[an] = t
			}
			if party.Valid {
				t.statuses[party.String] = entente.PartyStatus{Party: party.String, Status: entente.Status(status.String),
					EvidenceID: ev.Int64, Why: why.String, Actor: actor.String, UpdatedAt: fromNullTime(at)}
				t.order = append(t.order, party.String)
			}
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("read statuses: %w", err)
	}
	return out, nil
}

// commitmentDocuments reads the selected documents' metadata, corrected.
func commitmentDocuments(ctx context.Context, tx *sql.Tx, dwhere string, a args) (map[int64]*entente.Document, error) {
	out := map[int64]*entente.Document{}
	err := queryRows(ctx, tx, `SELECT d.id, d.title, d.signed_date FROM documents d `+dwhere, a, func(rs *sql.Rows) error {
		var id int64
		var date sql.NullString
		d := &entente.Document{Parties: []string{}}
		if err := rs.Scan(&id, &d.Title, &date); err != nil {
			return err
		}
		d.SignedDate = fromNullString(date)
		out[id] = d
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = queryRows(ctx, tx, `SELECT d.id, p.party FROM document_parties p JOIN documents d ON d.id = p.document_id `+dwhere+` ORDER BY d.id, p.position`, a,
		func(rs *sql.Rows) error {
			var id int64
			var p string
			if err := rs.Scan(&id, &p); err != nil {
				return err
			}
			if d := out[id]; d != nil {
				d.Parties = append(d.Parties, p)
			}
			return nil
		})
	if err != nil {
		return nil, err
	}
	err = applyApprovedDocumentCorrections(ctx, tx, `SELECT k.document_id, k.field, k.value FROM document_corrections k JOIN documents d ON d.id = k.document_id
		`+whereClause(append(splitWhere(dwhere), "k.state = 'approved'", "k.withdrawn_at IS NULL"))+` ORDER BY k.id`, a,
		func(id int64) *entente.Document { return out[id] })
	return out, err
}

// applyApprovedDocumentCorrections runs q, which selects approved
// corrections of documents' metadata (document_id, field, value) in the
// order they were made, and applies each to doc(id), if not nil.
func applyApprovedDocumentCorrections(ctx context.Context, tx *sql.Tx, q string, a args, doc func(id int64) *entente.Document) error {
	return queryRows(ctx, tx, q, a, func(rs *sql.Rows) error {
		var id int64
		var field string
		var value []byte
		if err := rs.Scan(&id, &field, &value); err != nil {
			return err
		}
		if d := doc(id); d != nil {
			c := entente.Correction{Field: field, Value: canonicalJSON(value), State: entente.CorrectionApproved}
			return c.ApplyToDocument(d)
		}
		return nil
	})
}

// splitWhere turns a where clause back into its conditions.
func splitWhere(w string) []string {
	w = strings.TrimPrefix(w, "WHERE ")
	if w == "" {
		return nil
	}
	return []string{w}
}

// StatusChanges lists every status change, oldest first.
func (s *Store) StatusChanges(ctx context.Context) ([]entente.StatusPoint, error) {
	var out []entente.StatusPoint
	err := s.read(ctx, func(tx *sql.Tx) error {
		return queryRows(ctx, tx, `SELECT commitment_id, party, status, at FROM status_changes ORDER BY at, id`, nil, func(rs *sql.Rows) error {
			var p entente.StatusPoint
			var st string
			if err := rs.Scan(&p.Commitment, &p.Party, &st, &p.At); err != nil {
				return err
			}
			p.Status, p.At = entente.Status(st), p.At.UTC()
			out = append(out, p)
			return nil
		})
	})
	return out, err
}
