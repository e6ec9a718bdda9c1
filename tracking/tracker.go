// Package tracking is the stage where analysts record what came of each
// commitment: a status per party with its evidence, due dates read from
// deadlines, corrections kept over re-extraction, history and undo, and
// scorecards. It holds the rules (who may do what, what a change needs);
// the store writes each change with its event in one transaction.
package tracking

import (
	"context"
	"log/slog"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/ingest"
)

// Store is what tracking needs of a store.
type Store interface {
	Document(ctx context.Context, id int64) (*entente.StoredDocument, error)
	UserByID(ctx context.Context, id int64) (*entente.User, error)

	FindSentence(ctx context.Context, doc int64, label string) (*entente.SentenceRef, error)
	Commitments(ctx context.Context, f entente.CommitmentFilter) ([]entente.TrackedCommitment, error)
	SetStatus(ctx context.Context, c entente.StatusChange) (int, error)
	StatusChanges(ctx context.Context) ([]entente.StatusPoint, error)

	AddEvidence(ctx context.Context, n entente.NewEvidence) (*entente.Evidence, error)
	AddEvidenceWithStatus(ctx context.Context, n entente.NewEvidence, c entente.StatusChange,
		event func(evidenceID int64) (*entente.Event, error)) (*entente.Evidence, int, error)
	Evidence(ctx context.Context, a entente.Anchor) ([]entente.Evidence, error)
	EvidenceByID(ctx context.Context, id int64) (*entente.Evidence, entente.Anchor, error)
	RetractEvidence(ctx context.Context, id int64, reason string) (*entente.Evidence, error)
	ReinstateEvidence(ctx context.Context, id int64, why string) (*entente.Evidence, error)

	AddCorrection(ctx context.Context, n entente.NewCorrection) (*entente.Correction, error)
	Corrections(ctx context.Context, doc int64, anchor *entente.Anchor, review bool) ([]entente.Correction, error)
	Correction(ctx context.Context, ref string) (*entente.Correction, error)
	ReviewCorrection(ctx context.Context, ref, action, why string) (*entente.Correction, error)
	ReviewRequired(ctx context.Context) (bool, error)
	SetReviewRequired(ctx context.Context, required bool) error

	VersionsToReextract(ctx context.Context, doc, after int64, limit int) ([]entente.VersionToRead, error)
	ReplaceExtraction(ctx context.Context, vid int64, x *entente.Extraction, extractor string) (*entente.Reextracted, error)

	History(ctx context.Context, f entente.EventFilter) ([]entente.Event, error)
	Event(ctx context.Context, seq int64) (*entente.Event, error)

	WithdrawDocument(ctx context.Context, id int64, why string) error
	RestoreDocument(ctx context.Context, id int64, why string) error
	PurgeDocument(ctx context.Context, id int64, why string) error

	SetVersionLink(ctx context.Context, a, b int64, linked bool, origin, why string) (bool, error)
	VersionLinks(ctx context.Context, doc int64) ([]entente.VersionLink, error)
	VersionCandidates(ctx context.Context, docs []int64) (map[int64][]int64, error)
	DocumentHeadings(ctx context.Context, ids []int64) (map[int64]entente.Document, error)
	DocumentOutlines(ctx context.Context, ids []int64) (map[int64]entente.Outline, error)
}

// Extractor reads a statement's text, for re-extraction.
type Extractor interface {
	Extract(text string) *entente.Extraction
}

// Fetcher fetches an evidence page to keep a copy of it.
type Fetcher interface {
	Fetch(ctx context.Context, url string) (ingest.Input, error)
}

// Tracker applies the rules of tracking over a store.
type Tracker struct {
	Store         Store
	Rules         *DueRules
	Extractor     Extractor // for Reextract; nil refuses it
	ExtractorName string
	Fetcher       Fetcher // nil keeps no copy of evidence pages
	// Now is today, for overdue and upcoming; tests fix it.
	Now func() time.Time
	// Log hears what the tracker could not do for later readers (a
	// snapshot of its index not saved); nil says nothing.
	Log *slog.Logger

	// index keeps the commitments in memory between reads (index.go); a
	// tracker not made by New reads them anew for each.
	index *indexHolder
	// snapshotEvery, when set, replaces defaultSnapshotAfter (tests).
	snapshotEvery int
}

// New returns a tracker over st with the embedded due rules.
func New(st Store) (*Tracker, error) {
	rules, err := LoadDueRules()
	if err != nil {
		return nil, err
	}
	return &Tracker{Store: st, Rules: rules, Now: time.Now, index: &indexHolder{}}, nil
}

func (t *Tracker) today() string {
	now := time.Now
	if t.Now != nil {
		now = t.Now
	}
	return now().UTC().Format(time.DateOnly)
}

// role is the role of who acts in ctx: the signed-in account's, or an
// account named at the command line; a command-line user without an
// account is the operator of the store and may do anything.
func (t *Tracker) role(ctx context.Context) entente.Role {
	if u := entente.UserFromContext(ctx); u != nil {
		return u.Role
	}
	a := entente.ActorFromContext(ctx)
	if a.UserID != 0 {
		if u, err := t.Store.UserByID(ctx, a.UserID); err == nil {
			return u.Role
		}
	}
	if a.Via == "cli" {
		return entente.RoleAdmin
	}
	return ""
}

// require refuses an actor below role.
func (t *Tracker) require(ctx context.Context, role entente.Role, what string) error {
	if !t.role(ctx).AtLeast(role) {
		return entente.Errorf(entente.EFORBIDDEN, "%s needs the role %s or above", what, role)
	}
	return nil
}
