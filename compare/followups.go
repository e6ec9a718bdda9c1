package compare

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/tracking"
)

// Follow-ups: a sentence of a later statement of the same parties that
// reports something done or under way (lexicon/data/relations.cues,
// [report]) and says the same thing as an earlier commitment is offered
// on that commitment as suggested evidence, with the status the report's
// words suggest. Suggestions are computed from the extractions each time;
// what an analyst decides is kept: an acceptance becomes evidence (citing
// the report's sentence) and a status change through tracking, each with
// its event, and an event of its own; a dismissal is its event.

// FollowupQuery selects follow-ups.
type FollowupQuery struct {
	// Ref is a sentence DOC/sN: a commitment (the reports offered on it)
	// or a report (the commitments it is offered on).
	Ref string
	// Pair is two parties; with neither, every set of parties that shares
	// two documents or more.
	Pair []string
	// All includes decided ones; by default only pending are listed.
	All bool
}

// The event entity and actions of decisions.
const (
	followupEntity = "followup"
	actionAccept   = "accept"
	actionDismiss  = "dismiss"
)

// MaxLibraryDocuments bounds the documents read when follow-ups are
// listed over the whole library.
const MaxLibraryDocuments = 5000

// Followups lists the follow-ups q selects, newest report first.
func (s *Service) Followups(ctx context.Context, q FollowupQuery) ([]entente.Followup, error) {
	var groups [][]*entente.StoredDocument
	var want func(*entente.Followup) bool
	var out []entente.Followup
	switch {
	case q.Ref != "":
		doc, label, err := tracking.ParseRef(q.Ref)
		if err != nil {
			return nil, err
		}
		d, err := s.Store.Document(ctx, doc)
		if err != nil {
			return nil, err
		}
		if findLabel(d, label) == nil {
			return nil, entente.Errorf(entente.ENOTFOUND, "document %d has no sentence %s", doc, label)
		}
		docs, err := s.partyDocuments(ctx, d.Parties)
		if err != nil {
			return nil, err
		}
		groups = [][]*entente.StoredDocument{docs}
		ref := refOf(doc, label)
		want = func(f *entente.Followup) bool { return f.Commitment.Ref == ref || f.Report.Ref == ref }
	case len(q.Pair) == 2:
		// a pair's suggestions are kept with its view
		p, err := s.parts(ctx, q.Pair[0], q.Pair[1])
		if err != nil {
			return nil, err
		}
		out = p.Suggested
	case len(q.Pair) != 0:
		return nil, entente.Errorf(entente.EINVALID, "a pair is two parties (CN,RS)")
	default:
		var err error
		if groups, err = s.partySets(ctx); err != nil {
			return nil, err
		}
	}
	for _, docs := range groups {
		for _, f := range s.Words.newCorpus(docs).suggest(MaxOffers) {
			if want == nil || want(&f) {
				out = append(out, f)
			}
		}
	}
	return s.pending(ctx, out, q.All)
}

// pending attaches their decisions to follow-ups, a copy of fs, and keeps
// the pending ones unless all.
func (s *Service) pending(ctx context.Context, fs []entente.Followup, all bool) ([]entente.Followup, error) {
	out := slices.Clone(fs) // fs may be shared: decide writes on the copy
	if err := s.decide(ctx, out); err != nil {
		return nil, err
	}
	if !all {
		out = slices.DeleteFunc(out, func(f entente.Followup) bool { return f.Decision != nil })
	}
	if out == nil {
		out = []entente.Followup{}
	}
	return out, nil
}

// documentCounter counts documents without reading them.
type documentCounter interface {
	CountDocuments(ctx context.Context, f entente.DocumentFilter) (int, error)
}

func tooLargeLibrary() error {
	return entente.Errorf(entente.ETOOLARGE, "the library has more than %d documents: name a pair or a sentence", MaxLibraryDocuments)
}

// partySets groups the library's dated documents by their set of parties,
// keeping the sets with two documents or more, each oldest first.
func (s *Service) partySets(ctx context.Context) ([][]*entente.StoredDocument, error) {
	// a store that counts refuses a large library before listing it
	// (listing 5,001 documents took seconds only to refuse them)
	if c, ok := s.Store.(documentCounter); ok {
		n, err := c.CountDocuments(ctx, entente.DocumentFilter{})
		if err != nil {
			return nil, err
		}
		if n > MaxLibraryDocuments {
			return nil, tooLargeLibrary()
		}
	}
	list, err := s.Store.Documents(ctx, entente.DocumentFilter{Limit: MaxLibraryDocuments + 1})
	if err != nil {
		return nil, err
	}
	if len(list) > MaxLibraryDocuments {
		return nil, tooLargeLibrary()
	}
	byKey := map[string][]int64{}
	var keys []string
	for _, d := range list {
		ps := slices.Clone(d.Parties)
		slices.Sort(ps)
		if len(ps) == 0 || d.SignedDate == nil {
			continue
		}
		k := strings.Join(ps, ",")
		if byKey[k] == nil {
			keys = append(keys, k)
		}
		byKey[k] = append(byKey[k], d.ID)
	}
	slices.Sort(keys)
	var groups [][]*entente.StoredDocument
	for _, k := range keys {
		if len(byKey[k]) < 2 {
			continue
		}
		var docs []*entente.StoredDocument
		for _, id := range byKey[k] {
			d, err := s.Store.Document(ctx, id)
			if err != nil {
				return nil, err
			}
			docs = append(docs, d)
		}
		sortByDate(docs)
		groups = append(groups, docs)
	}
	return groups, nil
}

// MaxOffers is how many commitments one report is offered on at most:
// those it scores best with.
const MaxOffers = 5

// suggest offers each report on the commitments of earlier documents that
// it says the same thing as: the best one of each earlier document, of
// those not restated before the report, and of these the max it scores
// best with (newest first among equals), listed newest first.
//
// A promise restated by a later commitment (its recycled link) is
// superseded by it, as the status vocabulary says: the report is offered
// on the restatement, the last form of the promise when the report came,
// and the earlier forms are its chain. A report names a project or an
// instrument that a long pair's commitments name for years: offered on
// each earlier document's best, the suggestions of a pair grew with its
// reports times its documents (932,072 for China and Thailand's 2,386
// statements in the harness's library of 100,000), more than anyone
// reviews; the best few are the ones to review.
func (c *corpus) suggest(max int) []entente.Followup {
	restated := c.restatedAt()
	type offer struct {
		e     *item
		score float64
	}
	var out []entente.Followup
	var offers []offer
	for k := len(c.docs) - 1; k >= 0; k-- {
		for _, r := range c.reports[k] {
			offers = offers[:0]
			// a commitment that names nothing the report names is no
			// follow-up (followupScore), so only the candidates are
			// scored
			c.walkBack(r.it, func(_ int, cands []*item) bool {
				// to be offered, the document's best must reach the
				// threshold, or beat the last of max offers
				floor, full := FollowupThreshold, len(offers) == max
				if full {
					floor = offers[max-1].score
				}
				var best *item
				bestScore := floor
				for _, e := range cands {
					if p := restated[e.n]; p >= 0 && c.earlier(p, k) {
						continue
					}
					sc, named := followupScore(r.it, e, bestScore)
					if !named {
						continue
					}
					// the first of equals in the document, and newer
					// offers before older ones of the same score
					if best == nil && (sc > floor || sc == floor && !full) || best != nil && sc > bestScore {
						best, bestScore = e, sc
					}
				}
				if best == nil {
					return true
				}
				// kept in order of score, newest first among equals
				i, _ := slices.BinarySearchFunc(offers, bestScore, func(o offer, sc float64) int {
					if o.score >= sc {
						return -1
					}
					return 1
				})
				offers = slices.Insert(offers, i, offer{best, bestScore})
				if len(offers) > max {
					offers = offers[:max]
				}
				return true
			})
			slices.SortStableFunc(offers, func(x, y offer) int { return cmp.Compare(y.e.pos, x.e.pos) })
			for _, o := range offers {
				out = append(out, entente.Followup{
					Commitment: commitmentBrief(o.e, 0), Report: commitmentBrief(r.it, 0), ReportTitle: c.docs[k].Title,
					SuggestedStatus: r.status, Cue: r.cue, Score: round(o.score), Why: explain(r.it, o.e),
				})
			}
		}
	}
	return out
}

// restatedAt gives, for each commitment, the place of the first document
// whose commitment restates it (links to it as the same promise), -1 for
// none.
func (c *corpus) restatedAt() []int {
	at := make([]int, c.count)
	for i := range at {
		at[i] = -1
	}
	for _, its := range c.commitments {
		for _, it := range its {
			if prev := c.linkOf(it).prev; prev != nil && (at[prev.n] < 0 || it.pos < at[prev.n]) {
				at[prev.n] = it.pos
			}
		}
	}
	return at
}

// decision is what a decision event keeps.
type decision struct {
	Commitment string         `json:"commitment"` // DOC/sN then
	Report     string         `json:"report"`
	Anchor     string         `json:"report_anchor"`
	Status     entente.Status `json:"status,omitempty"`
	EvidenceID int64          `json:"evidence_id,omitempty"`
}

// decide attaches to each follow-up its decision: the last decision event
// on the pair of sentences, an acceptance holding only while the evidence
// citing the report stands.
func (s *Service) decide(ctx context.Context, fs []entente.Followup) error {
	events := map[int64][]entente.Event{}
	for i := range fs {
		f := &fs[i]
		doc := f.Commitment.DocumentID
		if _, ok := events[doc]; !ok {
			var err error
			if events[doc], err = s.Store.History(ctx, entente.EventFilter{Document: doc, Entity: followupEntity}); err != nil {
				return err
			}
		}
		if len(events[doc]) == 0 {
			continue // nothing decided on this document's commitments
		}
		ca, err := s.Store.FindSentence(ctx, f.Commitment.DocumentID, f.Commitment.Sentence)
		if err != nil {
			return err
		}
		ra, err := s.Store.FindSentence(ctx, f.Report.DocumentID, f.Report.Sentence)
		if err != nil {
			return err
		}
		var last *entente.Event
		var d decision
		for j := range events[doc] {
			e := &events[doc][j]
			var dd decision
			if e.Anchor != ca.Anchor.String() || json.Unmarshal([]byte(e.After), &dd) != nil || dd.Anchor != ra.Anchor.String() {
				continue
			}
			last, d = e, dd
		}
		if last == nil {
			continue
		}
		if last.Action == actionAccept {
			ev, err := s.Store.Evidence(ctx, ca.Anchor)
			if err != nil {
				return err
			}
			if !slices.ContainsFunc(ev, func(e entente.Evidence) bool { return e.ID == d.EvidenceID && !e.Retracted }) {
				continue // its evidence was retracted: pending again
			}
		}
		decided := entente.FollowupAccepted
		if last.Action == actionDismiss {
			decided = entente.FollowupDismissed
		}
		f.Decision = &entente.FollowupDecision{ID: last.Seq, CommitmentAnchor: ca.Anchor.String(), CommitmentDoc: doc,
			ReportAnchor: d.Anchor, ReportDoc: f.Report.DocumentID, Decision: decided, Status: d.Status,
			EvidenceID: d.EvidenceID, Why: last.Why, Actor: last.Actor, DecidedAt: last.At}
	}
	return nil
}

// find returns the pending follow-up of the report on the commitment.
func (s *Service) find(ctx context.Context, commitment, report string) (*entente.Followup, error) {
	cdoc, clabel, err := tracking.ParseRef(commitment)
	if err != nil {
		return nil, err
	}
	rdoc, rlabel, err := tracking.ParseRef(report)
	if err != nil {
		return nil, err
	}
	fs, err := s.Followups(ctx, FollowupQuery{Ref: refOf(cdoc, clabel), All: true})
	if err != nil {
		return nil, err
	}
	for i := range fs {
		if fs[i].Commitment.Ref == refOf(cdoc, clabel) && fs[i].Report.Ref == refOf(rdoc, rlabel) {
			if d := fs[i].Decision; d != nil {
				return nil, entente.Errorf(entente.ECONFLICT, "the follow-up of %s on %s was %s by %s", report, commitment, d.Decision, d.Actor)
			}
			return &fs[i], nil
		}
	}
	return nil, entente.Errorf(entente.ENOTFOUND, "%s is not offered as a follow-up of %s", report, commitment)
}

// MaxReason bounds a decision's reason.
const MaxReason = 10000

// Accept records a follow-up as evidence on its commitment, citing the
// report's sentence, and sets the commitment's status for all its parties
// (the suggested one unless status is given). Editors and above.
func (s *Service) Accept(ctx context.Context, commitment, report string, status entente.Status, why string) (*entente.FollowupDecision, error) {
	if err := s.require(ctx, entente.RoleEditor, "accepting a follow-up"); err != nil {
		return nil, err
	}
	if err := checkReason(why); err != nil {
		return nil, err
	}
	if s.Tracker == nil {
		return nil, entente.Errorf(entente.EUNAVAILABLE, "follow-ups cannot be accepted here (no tracker)")
	}
	f, err := s.find(ctx, commitment, report)
	if err != nil {
		return nil, err
	}
	if status == "" {
		status = f.SuggestedStatus
	}
	if !status.Valid() || status == entente.NotRated {
		return nil, entente.Errorf(entente.EINVALID, "%q is not a status a follow-up can set", status)
	}
	// the evidence, the status and the decision's event in one
	// transaction: a failure leaves none of them
	event, err := s.decisionEvent(ctx, f, actionAccept, why)
	if err != nil {
		return nil, err
	}
	_, _, err = s.Tracker.AddEvidenceWithStatus(ctx,
		tracking.EvidenceInput{Document: f.Commitment.DocumentID, Sentence: f.Commitment.Sentence,
			Evidence: entente.Evidence{Official: true, Note: "follow-up: " + f.Cue}, Cites: f.Report.Ref},
		tracking.SetStatusInput{Document: f.Commitment.DocumentID, Sentence: f.Commitment.Sentence,
			Status: status, Why: why, Revision: -1},
		func(evidenceID int64) (*entente.Event, error) {
			return event(decision{Status: status, EvidenceID: evidenceID})
		})
	if err != nil {
		return nil, fmt.Errorf("accept follow-up: %w", err)
	}
	return s.decided(ctx, f)
}

// Dismiss records that a follow-up does not report on its commitment.
// Editors and above; a reason is required.
func (s *Service) Dismiss(ctx context.Context, commitment, report, why string) (*entente.FollowupDecision, error) {
	if err := s.require(ctx, entente.RoleEditor, "dismissing a follow-up"); err != nil {
		return nil, err
	}
	if err := checkReason(why); err != nil {
		return nil, err
	}
	f, err := s.find(ctx, commitment, report)
	if err != nil {
		return nil, err
	}
	return s.record(ctx, f, actionDismiss, decision{}, why)
}

// record writes a decision's event and returns the decision as listed.
func (s *Service) record(ctx context.Context, f *entente.Followup, action string, d decision, why string) (*entente.FollowupDecision, error) {
	event, err := s.decisionEvent(ctx, f, action, why)
	if err != nil {
		return nil, err
	}
	e, err := event(d)
	if err != nil {
		return nil, err
	}
	if _, err := s.Store.AppendEvent(ctx, e); err != nil {
		return nil, fmt.Errorf("record follow-up: %w", err)
	}
	return s.decided(ctx, f)
}

// decisionEvent reads the two sentences' anchors and returns what makes a
// decision's event from the decision (whose evidence id may be known only
// inside the transaction that writes it).
func (s *Service) decisionEvent(ctx context.Context, f *entente.Followup, action, why string) (func(decision) (*entente.Event, error), error) {
	ca, err := s.Store.FindSentence(ctx, f.Commitment.DocumentID, f.Commitment.Sentence)
	if err != nil {
		return nil, err
	}
	ra, err := s.Store.FindSentence(ctx, f.Report.DocumentID, f.Report.Sentence)
	if err != nil {
		return nil, err
	}
	return func(d decision) (*entente.Event, error) {
		d.Commitment, d.Report, d.Anchor = f.Commitment.Ref, f.Report.Ref, ra.Anchor.String()
		after, err := json.Marshal(d)
		if err != nil {
			return nil, fmt.Errorf("record follow-up: %w", err)
		}
		e := entente.NewEvent(ctx, action, followupEntity, 0)
		e.After, e.Why, e.Document, e.Anchor = string(after), why, f.Commitment.DocumentID, ca.Anchor.String()
		return e, nil
	}, nil
}

// decided reads a follow-up's decision back as listed.
func (s *Service) decided(ctx context.Context, f *entente.Followup) (*entente.FollowupDecision, error) {
	out := []entente.Followup{*f}
	if err := s.decide(ctx, out); err != nil {
		return nil, err
	}
	if out[0].Decision == nil {
		return nil, fmt.Errorf("record follow-up: the decision was written but does not read back")
	}
	return out[0].Decision, nil
}

func checkReason(why string) error {
	if strings.TrimSpace(why) == "" {
		return entente.Errorf(entente.EINVALID, "a decision needs a reason")
	}
	if len(why) > MaxReason {
		return entente.Errorf(entente.ETOOLARGE, "the reason is over %d bytes", MaxReason)
	}
	return nil
}

// require refuses an actor below role: the signed-in account's role, an
// account named at the command line, or the operator of the store at the
// command line without an account (who may do anything, as in tracking).
func (s *Service) require(ctx context.Context, role entente.Role, what string) error {
	var have entente.Role
	if u := entente.UserFromContext(ctx); u != nil {
		have = u.Role
	} else if a := entente.ActorFromContext(ctx); a.UserID != 0 {
		if u, err := s.Store.UserByID(ctx, a.UserID); err == nil {
			have = u.Role
		}
	} else if a.Via == "cli" {
		have = entente.RoleAdmin
	}
	if !have.AtLeast(role) {
		return entente.Errorf(entente.EFORBIDDEN, "%s needs the role %s or above", what, role)
	}
	return nil
}
