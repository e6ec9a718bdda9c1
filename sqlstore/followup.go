package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/entente/entente"
)

// AddEvidenceWithStatus writes an evidence item, a status change that
// names it and the event that event(evidence id) returns (an accepted
// follow-up's), each with its event, in one transaction: if any part
// fails, none is written. It returns the evidence as stored and the
// commitment's new revision.
func (s *Store) AddEvidenceWithStatus(ctx context.Context, n entente.NewEvidence, c entente.StatusChange,
	event func(evidenceID int64) (*entente.Event, error)) (*entente.Evidence, int, error) {
	var (
		ev  *entente.Evidence
		rev int
	)
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if ev, err = s.addEvidence(ctx, tx, n); err != nil {
			return err
		}
		c.EvidenceID = ev.ID
		if rev, err = s.setStatus(ctx, tx, c); err != nil {
			return err
		}
		if event == nil {
			return nil
		}
		e, err := event(ev.ID)
		if err != nil {
			return err
		}
		return s.insertEvent(ctx, tx, e)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("add evidence with a status: %w", err)
	}
	return ev, rev, nil
}
