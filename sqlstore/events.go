package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/entente/entente"
)

// The event log. Every change the store makes writes its event in the
// change's own transaction (insertEvent), so that a change without its
// event cannot exist; the actor comes from the context
// (entente.ActorFromContext).

// AppendEvent adds to the event log an event that no change of the store's
// carries (kept for callers outside the store).
func (s *Store) AppendEvent(ctx context.Context, e *entente.Event) (int64, error) {
	err := s.write(ctx, func(tx *sql.Tx) error { return s.insertEvent(ctx, tx, e) })
	if err != nil {
		return 0, fmt.Errorf("append event: %w", err)
	}
	return e.Seq, nil
}

// insertEvent records e in tx and sets its time. In a transaction of
// write (every change's), the event is written when the change commits
// (flushEvents), which sets its sequence number; elsewhere at once.
func (s *Store) insertEvent(ctx context.Context, tx *sql.Tx, e *entente.Event) error {
	if e.At.IsZero() {
		e.At = s.now()
	}
	if e.Actor == "" {
		a := entente.ActorFromContext(ctx)
		e.UserID, e.Actor, e.Via = a.UserID, a.Name, a.Via
	}
	if p, ok := s.pending.Load(tx); ok {
		events := p.(*[]*entente.Event)
		*events = append(*events, e)
		return nil
	}
	return s.writeEvent(ctx, tx, e)
}

// flushEvents writes the events of a transaction just before it commits,
// under the dialect's events lock, so that events are numbered in the
// order their changes commit, across processes: a reader that sees event
// N has seen every event before it (several servers on one PostgreSQL
// would otherwise number two concurrent changes in one order and commit
// them in the other). Taken last, the lock is held only for these inserts
// and the commit, and no transaction holding it waits for another lock.
func (s *Store) flushEvents(ctx context.Context, tx *sql.Tx, events []*entente.Event) error {
	if err := s.dialect.LockEvents(ctx, tx); err != nil {
		return fmt.Errorf("lock the event log: %w", err)
	}
	if len(events) == 1 {
		return s.writeEvent(ctx, tx, events[0])
	}
	// One statement for all of them (a batch's group logs one per
	// document). Both databases number the rows of one INSERT in their
	// order (AUTOINCREMENT, a sequence read row by row), so the returned
	// numbers, sorted, are the events' in order.
	seqs := make([]int64, 0, len(events))
	err := s.insertRows(ctx, tx, "events",
		[]string{"at", "actor_id", "actor", "via", "action", "entity", "entity_id", "before", "after", "why", "document_id", "anchor"},
		len(events), func(i int) []any {
			e := events[i]
			actorID, doc := eventRefs(e)
			return []any{e.At.UTC(), actorID, e.Actor, e.Via, e.Action, e.Entity, strconv.FormatInt(e.EntityID, 10),
				emptyNull(e.Before), emptyNull(e.After), e.Why, doc, e.Anchor}
		}, "seq", func(rows *sql.Rows) error {
			var seq int64
			err := rows.Scan(&seq)
			seqs = append(seqs, seq)
			return err
		})
	if err != nil {
		return fmt.Errorf("insert events: %w", err)
	}
	if len(seqs) != len(events) {
		return fmt.Errorf("insert events: %d numbers for %d events", len(seqs), len(events))
	}
	slices.Sort(seqs)
	for i, e := range events {
		e.Seq = seqs[i]
	}
	return nil
}

// eventRefs are an event's account and document as column values (NULL
// for none).
func eventRefs(e *entente.Event) (actorID, doc any) {
	if e.UserID != 0 {
		actorID = e.UserID
	}
	if e.Document != 0 {
		doc = e.Document
	}
	return actorID, doc
}

// writeEvent inserts e and sets its sequence number.
func (s *Store) writeEvent(ctx context.Context, tx *sql.Tx, e *entente.Event) error {
	actorID, doc := eventRefs(e)
	err := tx.QueryRowContext(ctx, `
		INSERT INTO events (at, actor_id, actor, via, action, entity, entity_id, before, after, why, document_id, anchor)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
		RETURNING seq`, e.At.UTC(), actorID, e.Actor, e.Via, e.Action, e.Entity, strconv.FormatInt(e.EntityID, 10),
		emptyNull(e.Before), emptyNull(e.After), e.Why, doc, e.Anchor).Scan(&e.Seq)
	if err != nil {
		return fmt.Errorf("insert event: %w", err)
	}
	return nil
}

// logChange writes the event of a change by the actor of ctx, with before
// and after as JSON (nil for none).
func (s *Store) logChange(ctx context.Context, tx *sql.Tx, action, entity string, id int64, before, after any, why string) error {
	_, err := s.logEvent(ctx, tx, change{action: action, entity: entity, id: id, before: before, after: after, why: why})
	return err
}

// change is an event to write, with what it concerns.
type change struct {
	action, entity string
	id             int64
	before, after  any
	why            string
	document       int64
	anchor         string
	at             time.Time // zero: now
}

func (s *Store) logEvent(ctx context.Context, tx *sql.Tx, c change) (*entente.Event, error) {
	e := entente.NewEvent(ctx, c.action, c.entity, c.id)
	e.Why, e.Document, e.Anchor, e.At = c.why, c.document, c.anchor, c.at
	var err error
	if e.Before, err = jsonOrEmpty(c.before); err != nil {
		return nil, err
	}
	if e.After, err = jsonOrEmpty(c.after); err != nil {
		return nil, err
	}
	return e, s.insertEvent(ctx, tx, e)
}

func jsonOrEmpty(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	if s, ok := v.(string); ok {
		return s, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("event: %w", err)
	}
	return string(b), nil
}

const eventColumns = `seq, at, actor_id, actor, via, action, entity, entity_id, before, after, why, document_id, anchor`

func scanEvents(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, query string, a ...any) ([]entente.Event, error) {
	rows, err := q.QueryContext(ctx, query, a...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []entente.Event{}
	for rows.Next() {
		var e entente.Event
		var actorID, doc sql.NullInt64
		var entityID string
		var before, after sql.NullString
		if err := rows.Scan(&e.Seq, &e.At, &actorID, &e.Actor, &e.Via, &e.Action, &e.Entity, &entityID, &before, &after,
			&e.Why, &doc, &e.Anchor); err != nil {
			return nil, err
		}
		e.At, e.UserID, e.Document = e.At.UTC(), actorID.Int64, doc.Int64
		e.EntityID, _ = strconv.ParseInt(strings.TrimSpace(entityID), 10, 64)
		e.Before, e.After = before.String, after.String
		out = append(out, e)
	}
	return out, rows.Err()
}

// Events lists the log after a sequence number, oldest first.
func (s *Store) Events(ctx context.Context, after int64, limit int) ([]entente.Event, error) {
	return s.History(ctx, entente.EventFilter{After: after, Limit: limit})
}

// History lists the events that match f, oldest first: the timeline of a
// document or of one of its sentences, or the whole log.
func (s *Store) History(ctx context.Context, f entente.EventFilter) ([]entente.Event, error) {
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	var a args
	conds := []string{"seq > " + a.add(f.After)}
	if f.Document != 0 {
		conds = append(conds, "document_id = "+a.add(f.Document))
	}
	if f.Anchor != "" {
		conds = append(conds, "anchor = "+a.add(f.Anchor))
	}
	if f.Entity != "" {
		conds = append(conds, "entity = "+a.add(f.Entity))
	}
	es, err := scanEvents(ctx, s.rdb, `SELECT `+eventColumns+` FROM events `+whereClause(conds)+` ORDER BY seq LIMIT `+a.add(limit), a...)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	return es, nil
}

// Event returns one event by its sequence number.
func (s *Store) Event(ctx context.Context, seq int64) (*entente.Event, error) {
	es, err := scanEvents(ctx, s.rdb, `SELECT `+eventColumns+` FROM events WHERE seq = $1`, seq)
	if err != nil {
		return nil, fmt.Errorf("find event: %w", err)
	}
	if len(es) == 0 {
		return nil, notFound("event", seq)
	}
	return &es[0], nil
}

// LastEventSeq returns the sequence number of the newest event, 0 for
// none. Every change writes its event in its own transaction, numbered in
// commit order (flushEvents), so the number changes whenever anything
// stored changes: callers keep what they computed from the store (an
// encoded document) for as long as it stays the same. One index lookup.
func (s *Store) LastEventSeq(ctx context.Context) (int64, error) {
	var seq int64
	err := s.read(ctx, func(tx *sql.Tx) error {
		return s.queryRow(ctx, tx, `SELECT coalesce(max(seq), 0) FROM events`).Scan(&seq)
	})
	if err != nil {
		return 0, fmt.Errorf("read the last event: %w", err)
	}
	return seq, nil
}
