package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/entente/entente"
	"github.com/entente/entente/tracking"
)

// The tracking API: commitments with their statuses, evidence,
// corrections and review, history and undo, scorecards, and a document's
// withdrawal and purge. The rules are package tracking's; every handler
// maps its errors once (problem).

// trackingRoutes registers the tracking operations; routes() calls it so
// that the policy stays one table.
func (s *Server) trackingRoutes(viewer, analyst, editor, admin access) {
	conflict := func(op *huma.Operation) { op.Errors = append(op.Errors, http.StatusConflict) }
	created := func(op *huma.Operation) { op.DefaultStatus = http.StatusCreated; conflict(op) }
	register(s, "list-commitments", http.MethodGet, "/api/v1/commitments", viewer,
		"Commitments with their status per party and due date, filtered, sorted and paged", s.listCommitments)
	register(s, "get-commitment", http.MethodGet, "/api/v1/documents/{id}/sentences/{sentence}/tracking", viewer,
		"One commitment with its statuses, evidence, corrections and history (ETag: its revision)", s.getCommitment)
	register(s, "set-status", http.MethodPut, "/api/v1/documents/{id}/sentences/{sentence}/status", analyst,
		"Set a commitment's status for all its parties or one; If-Match names the revision you saw", s.setStatus,
		func(op *huma.Operation) {
			op.Errors = append(op.Errors, http.StatusConflict, http.StatusPreconditionFailed)
		})
	register(s, "add-evidence", http.MethodPost, "/api/v1/documents/{id}/sentences/{sentence}/evidence", analyst,
		"Attach evidence to a commitment (the page is fetched and kept)", s.addEvidence, created)
	register(s, "retract-evidence", http.MethodPost, "/api/v1/evidence/{id}/retract", analyst,
		"Retract evidence with a reason (it is kept)", s.retractEvidence, conflict)
	register(s, "correct-sentence", http.MethodPost, "/api/v1/documents/{id}/sentences/{sentence}/corrections", analyst,
		"Correct a field of a sentence (kept over re-extraction)", s.correctSentence, created)
	register(s, "split-sentence", http.MethodPost, "/api/v1/documents/{id}/sentences/{sentence}/split", analyst,
		"Split a sentence in two or more (a correction, kept over re-extraction, undoable)", s.splitSentence, created)
	register(s, "join-sentences", http.MethodPost, "/api/v1/documents/{id}/sentences/{sentence}/join", analyst,
		"Join a sentence with the one after it, or more (a correction, kept over re-extraction, undoable)", s.joinSentences, created)
	register(s, "correct-document", http.MethodPost, "/api/v1/documents/{id}/corrections", analyst,
		"Correct a document's metadata", s.correctDocument, created)
	register(s, "review-queue", http.MethodGet, "/api/v1/review", editor,
		"Corrections waiting for an editor: proposed, or flagged by a re-extraction", s.reviewQueue)
	register(s, "review-correction", http.MethodPost, "/api/v1/corrections/{ref}/review", editor,
		"Approve or reject a correction", s.reviewCorrection, conflict)
	register(s, "set-review-policy", http.MethodPut, "/api/v1/settings/review", editor,
		"Require (or not) an editor's approval of analysts' corrections", s.setReviewPolicy)
	register(s, "withdraw-document", http.MethodPost, "/api/v1/documents/{id}/withdraw", editor,
		"Withdraw a document: hidden from lists, kept, restorable", s.withdrawDocument, conflict)
	register(s, "restore-document", http.MethodPost, "/api/v1/documents/{id}/restore", editor,
		"Restore a withdrawn document", s.restoreDocument, conflict)
	register(s, "purge-document", http.MethodPost, "/api/v1/documents/{id}/purge", admin,
		"Remove a document with all users entered on it, which the event log keeps", s.purgeDocument, conflict)
	register(s, "reextract-document", http.MethodPost, "/api/v1/documents/{id}/reextract", editor,
		"Run the extractor again; corrections stay, those it contradicts are flagged", s.reextractDocument,
		func(op *huma.Operation) { op.Errors = append(op.Errors, http.StatusNotImplemented) })
	register(s, "history", http.MethodGet, "/api/v1/history", viewer,
		"The timeline of a document or of one of its sentences", s.history)
	register(s, "undo-event", http.MethodPost, "/api/v1/events/{seq}/undo", analyst,
		"Reverse a change, as a new change", s.undoEvent, conflict)
	register(s, "scorecard", http.MethodGet, "/api/v1/scorecard", viewer,
		"Counts per status, compliance, overdue and change over time for a set of commitments", s.scorecard)
	s.versionRoutes(viewer, editor)
}

func (s *Server) tracker() (*tracking.Tracker, error) {
	if s.track == nil {
		return nil, entente.Errorf(entente.EUNSUPPORTED, "this store does not track commitments")
	}
	return s.track, nil
}

// CommitmentsInput filters the commitments table.
type CommitmentsInput struct {
	Doc       int64  `query:"doc" minimum:"0" doc:"One document's"`
	Party     string `query:"party" maxLength:"16" doc:"Binding this party"`
	Pair      string `query:"pair" maxLength:"40" doc:"Statements both parties signed: CN,RS"`
	Area      string `query:"area" maxLength:"32"`
	Strength  string `query:"strength" enum:"firm,intent,soft,"`
	Status    string `query:"status" maxLength:"32"`
	Overdue   bool   `query:"overdue"`
	Upcoming  bool   `query:"upcoming" doc:"Due in the next 90 days"`
	DueBefore string `query:"due_before" pattern:"^(\\d{4}-\\d{2}-\\d{2})?$"`
	DueAfter  string `query:"due_after" pattern:"^(\\d{4}-\\d{2}-\\d{2})?$"`
	From      string `query:"from" pattern:"^(\\d{4}(-\\d{2}(-\\d{2})?)?)?$"`
	To        string `query:"to" pattern:"^(\\d{4}(-\\d{2}(-\\d{2})?)?)?$"`
	Sort      string `query:"sort" enum:"signed,due,status,"`
	Limit     int    `query:"limit" default:"50" minimum:"1" maximum:"500"`
	Offset    int    `query:"offset" default:"0" minimum:"0"`
}

func (in *CommitmentsInput) filter() entente.CommitmentFilter {
	f := entente.CommitmentFilter{Document: in.Doc, Party: in.Party, Area: in.Area, Strength: entente.Strength(in.Strength),
		Status: entente.Status(in.Status), Overdue: in.Overdue, DueBefore: in.DueBefore, DueAfter: in.DueAfter,
		From: in.From, To: in.To, Sort: in.Sort, Limit: in.Limit, Offset: in.Offset}
	if in.Pair != "" {
		f.Pair = strings.Split(in.Pair, ",")
	}
	return f
}

type commitmentsOutput struct{ Body *tracking.Page }

func (s *Server) listCommitments(ctx context.Context, in *CommitmentsInput) (*commitmentsOutput, error) {
	tr, err := s.tracker()
	if err != nil {
		return nil, s.problem(err)
	}
	var p *tracking.Page
	if in.Upcoming {
		p, err = tr.Upcoming(ctx, in.filter())
	} else {
		p, err = tr.Commitments(ctx, in.filter())
	}
	if err != nil {
		return nil, s.problem(err)
	}
	return &commitmentsOutput{Body: p}, nil
}

// SentenceInput names a sentence: the document and its sentence id (s12).
type SentenceInput struct {
	ID       int64  `path:"id" minimum:"1"`
	Sentence string `path:"sentence" pattern:"^s[0-9]{1,6}$" doc:"The sentence as the reader shows it (s12)"`
}

type commitmentOutput struct {
	ETag string `header:"ETag"`
	Body *tracking.Detail
}

func (s *Server) getCommitment(ctx context.Context, in *SentenceInput) (*commitmentOutput, error) {
	tr, err := s.tracker()
	if err != nil {
		return nil, s.problem(err)
	}
	d, err := tr.Commitment(ctx, in.ID, in.Sentence)
	if err != nil {
		return nil, s.problem(err)
	}
	return &commitmentOutput{ETag: etag(d.Revision), Body: d}, nil
}

func etag(rev int) string { return `"` + strconv.Itoa(rev) + `"` }

// StatusInput is a status change.
type StatusInput struct {
	SentenceInput
	IfMatch string `header:"If-Match" required:"true" doc:"The revision you saw (the commitment's ETag): a change made since is a conflict"`
	Body    struct {
		Status     string `json:"status" maxLength:"32" doc:"not_rated, not_started, in_progress, partially_fulfilled, fulfilled, stalled, reversed, superseded"`
		Party      string `json:"party,omitempty" maxLength:"16" doc:"Only this party (default: all of the commitment's)"`
		EvidenceID int64  `json:"evidence_id,omitempty" minimum:"0" doc:"Required for every status but not_rated"`
		Reason     string `json:"reason" minLength:"1" maxLength:"2000"`
	}
}

// StatusResult is the commitment's new revision.
type StatusResult struct {
	Revision int `json:"revision"`
}

type statusOutput struct {
	ETag string `header:"ETag"`
	Body StatusResult
}

func (s *Server) setStatus(ctx context.Context, in *StatusInput) (*statusOutput, error) {
	tr, err := s.tracker()
	if err != nil {
		return nil, s.problem(err)
	}
	rev, err := strconv.Atoi(strings.Trim(strings.TrimPrefix(strings.TrimSpace(in.IfMatch), "W/"), `"`))
	if err != nil || rev < 0 {
		return nil, huma.NewError(http.StatusPreconditionFailed, "If-Match must be the commitment's ETag (its revision)")
	}
	rev, err = tr.SetStatus(ctx, tracking.SetStatusInput{Document: in.ID, Sentence: in.Sentence, Party: in.Body.Party,
		Status: entente.Status(in.Body.Status), EvidenceID: in.Body.EvidenceID, Why: in.Body.Reason, Revision: rev})
	if err != nil {
		return nil, s.problem(err)
	}
	return &statusOutput{ETag: etag(rev), Body: StatusResult{Revision: rev}}, nil
}

// EvidenceInput is an evidence item to attach.
type EvidenceInput struct {
	SentenceInput
	Body struct {
		URL       string `json:"url,omitempty" maxLength:"2000"`
		Title     string `json:"title,omitempty" maxLength:"1000"`
		Publisher string `json:"publisher,omitempty" maxLength:"500"`
		EventDate string `json:"event_date,omitempty" pattern:"^(\\d{4}-\\d{2}-\\d{2})?$"`
		Accessed  string `json:"accessed,omitempty" pattern:"^(\\d{4}-\\d{2}-\\d{2})?$"`
		Quote     string `json:"quote,omitempty" maxLength:"10000"`
		Note      string `json:"note,omitempty" maxLength:"10000"`
		Official  bool   `json:"official,omitempty"`
		Cites     string `json:"cites,omitempty" pattern:"^([0-9]+/s[0-9]+)?$" doc:"Another stored sentence as evidence: DOC/sN"`
	}
}

type evidenceOutput struct{ Body *entente.Evidence }

func (s *Server) addEvidence(ctx context.Context, in *EvidenceInput) (*evidenceOutput, error) {
	tr, err := s.tracker()
	if err != nil {
		return nil, s.problem(err)
	}
	b := in.Body
	e, err := tr.AddEvidence(ctx, tracking.EvidenceInput{Document: in.ID, Sentence: in.Sentence, Cites: b.Cites,
		Evidence: entente.Evidence{URL: b.URL, Title: b.Title, Publisher: b.Publisher, EventDate: b.EventDate, Accessed: b.Accessed,
			Quote: b.Quote, Note: b.Note, Official: b.Official}})
	if err != nil {
		return nil, s.problem(err)
	}
	return &evidenceOutput{Body: e}, nil
}

// ReasonBody is a reason for a change.
type ReasonBody struct {
	Reason string `json:"reason,omitempty" maxLength:"2000"`
}

// RetractInput retracts evidence.
type RetractInput struct {
	ID   int64 `path:"id" minimum:"1"`
	Body ReasonBody
}

func (s *Server) retractEvidence(ctx context.Context, in *RetractInput) (*evidenceOutput, error) {
	tr, err := s.tracker()
	if err != nil {
		return nil, s.problem(err)
	}
	e, err := tr.RetractEvidence(ctx, in.ID, in.Body.Reason)
	if err != nil {
		return nil, s.problem(err)
	}
	return &evidenceOutput{Body: e}, nil
}

// CorrectionBody is one field's corrected value.
type CorrectionBody struct {
	Field  string          `json:"field" maxLength:"32" doc:"type, actors, strength, areas, deadline, references, mechanisms, projects; for a document: title, kind, parties, date, place, language"`
	Value  json.RawMessage `json:"value" doc:"The value as JSON: \"firm\", [\"CN\",\"RS\"], null"`
	Reason string          `json:"reason,omitempty" maxLength:"2000"`
}

// CorrectSentenceInput corrects a sentence.
type CorrectSentenceInput struct {
	SentenceInput
	Body CorrectionBody
}

// CorrectDocumentInput corrects a document's metadata.
type CorrectDocumentInput struct {
	ID   int64 `path:"id" minimum:"1"`
	Body CorrectionBody
}

type correctionOutput struct{ Body *entente.Correction }

func (s *Server) correctSentence(ctx context.Context, in *CorrectSentenceInput) (*correctionOutput, error) {
	return s.correct(ctx, tracking.CorrectInput{Document: in.ID, Sentence: in.Sentence, Field: in.Body.Field, Value: in.Body.Value, Why: in.Body.Reason})
}

func (s *Server) correctDocument(ctx context.Context, in *CorrectDocumentInput) (*correctionOutput, error) {
	return s.correct(ctx, tracking.CorrectInput{Document: in.ID, Field: in.Body.Field, Value: in.Body.Value, Why: in.Body.Reason})
}

func (s *Server) correct(ctx context.Context, in tracking.CorrectInput) (*correctionOutput, error) {
	tr, err := s.tracker()
	if err != nil {
		return nil, s.problem(err)
	}
	c, err := tr.Correct(ctx, in)
	if err != nil {
		return nil, s.problem(err)
	}
	return &correctionOutput{Body: c}, nil
}

// SplitInput splits a sentence.
type SplitInput struct {
	SentenceInput
	Body struct {
		At     []int    `json:"at,omitempty" maxItems:"19" doc:"Where each part after the first starts, in characters of the sentence's text"`
		Parts  []string `json:"parts,omitempty" maxItems:"20" doc:"Or the parts themselves, whose texts together are the sentence's"`
		Reason string   `json:"reason,omitempty" maxLength:"2000"`
	}
}

// JoinInput joins sentences.
type JoinInput struct {
	SentenceInput
	Body struct {
		Count  int    `json:"count,omitempty" minimum:"0" maximum:"20" doc:"How many sentences, from this one, become one (2 when left out)"`
		Reason string `json:"reason,omitempty" maxLength:"2000"`
	}
}

func (s *Server) splitSentence(ctx context.Context, in *SplitInput) (*correctionOutput, error) {
	tr, err := s.tracker()
	if err != nil {
		return nil, s.problem(err)
	}
	c, err := tr.Split(ctx, tracking.SplitInput{Document: in.ID, Sentence: in.Sentence, At: in.Body.At, Parts: in.Body.Parts, Why: in.Body.Reason})
	if err != nil {
		return nil, s.problem(err)
	}
	return &correctionOutput{Body: c}, nil
}

func (s *Server) joinSentences(ctx context.Context, in *JoinInput) (*correctionOutput, error) {
	tr, err := s.tracker()
	if err != nil {
		return nil, s.problem(err)
	}
	c, err := tr.Join(ctx, tracking.JoinInput{Document: in.ID, Sentence: in.Sentence, Count: in.Body.Count, Why: in.Body.Reason})
	if err != nil {
		return nil, s.problem(err)
	}
	return &correctionOutput{Body: c}, nil
}

// CorrectionList is a list of corrections.
type CorrectionList struct {
	Corrections []entente.Correction `json:"corrections"`
}

type correctionListOutput struct{ Body CorrectionList }

func (s *Server) reviewQueue(ctx context.Context, _ *struct{}) (*correctionListOutput, error) {
	tr, err := s.tracker()
	if err != nil {
		return nil, s.problem(err)
	}
	q, err := tr.ReviewQueue(ctx)
	if err != nil {
		return nil, s.problem(err)
	}
	if q == nil {
		q = []entente.Correction{}
	}
	return &correctionListOutput{Body: CorrectionList{Corrections: q}}, nil
}

// ReviewInput approves or rejects a correction.
type ReviewInput struct {
	Ref  string `path:"ref" pattern:"^[cd][0-9]{1,12}$" doc:"c12 for a sentence's correction, d3 for a document's"`
	Body struct {
		Action string `json:"action" enum:"approve,reject"`
		Reason string `json:"reason,omitempty" maxLength:"2000"`
	}
}

func (s *Server) reviewCorrection(ctx context.Context, in *ReviewInput) (*correctionOutput, error) {
	tr, err := s.tracker()
	if err != nil {
		return nil, s.problem(err)
	}
	c, err := tr.Review(ctx, in.Ref, in.Body.Action, in.Body.Reason)
	if err != nil {
		return nil, s.problem(err)
	}
	return &correctionOutput{Body: c}, nil
}

// ReviewPolicyInput sets whether analysts' corrections wait for review.
type ReviewPolicyInput struct {
	Body ReviewPolicy
}

// ReviewPolicy says whether analysts' corrections wait for review.
type ReviewPolicy struct {
	Required bool `json:"required"`
}

type reviewPolicyOutput struct{ Body ReviewPolicy }

func (s *Server) setReviewPolicy(ctx context.Context, in *ReviewPolicyInput) (*reviewPolicyOutput, error) {
	tr, err := s.tracker()
	if err != nil {
		return nil, s.problem(err)
	}
	if err := tr.SetReviewRequired(ctx, in.Body.Required); err != nil {
		return nil, s.problem(err)
	}
	return &reviewPolicyOutput{Body: in.Body}, nil
}

// DocumentActionInput is an action on a document with a reason.
type DocumentActionInput struct {
	ID   int64 `path:"id" minimum:"1"`
	Body ReasonBody
}

// DocumentState is a document's state after an action.
type DocumentState struct {
	ID     int64  `json:"id"`
	Action string `json:"action"`
}

type documentStateOutput struct{ Body DocumentState }

func (s *Server) documentAction(ctx context.Context, in *DocumentActionInput, action string,
	act func(*tracking.Tracker, context.Context, int64, string) error) (*documentStateOutput, error) {
	tr, err := s.tracker()
	if err != nil {
		return nil, s.problem(err)
	}
	if err := act(tr, ctx, in.ID, in.Body.Reason); err != nil {
		return nil, s.problem(err)
	}
	return &documentStateOutput{Body: DocumentState{ID: in.ID, Action: action}}, nil
}

func (s *Server) withdrawDocument(ctx context.Context, in *DocumentActionInput) (*documentStateOutput, error) {
	return s.documentAction(ctx, in, "withdrawn", (*tracking.Tracker).Withdraw)
}

func (s *Server) restoreDocument(ctx context.Context, in *DocumentActionInput) (*documentStateOutput, error) {
	return s.documentAction(ctx, in, "restored", (*tracking.Tracker).Restore)
}

func (s *Server) purgeDocument(ctx context.Context, in *DocumentActionInput) (*documentStateOutput, error) {
	return s.documentAction(ctx, in, "purged", (*tracking.Tracker).Purge)
}

// ReextractResult is what a re-extraction did.
type ReextractResult struct {
	Versions []entente.Reextracted `json:"versions"`
}

type reextractOutput struct{ Body ReextractResult }

func (s *Server) reextractDocument(ctx context.Context, in *IDInput) (*reextractOutput, error) {
	tr, err := s.tracker()
	if err != nil {
		return nil, s.problem(err)
	}
	res, err := tr.Reextract(ctx, in.ID)
	if err != nil {
		return nil, s.problem(err)
	}
	return &reextractOutput{Body: ReextractResult{Versions: res}}, nil
}

// HistoryInput selects a timeline.
type HistoryInput struct {
	Doc      int64  `query:"doc" minimum:"0" doc:"A document's timeline"`
	Sentence string `query:"sentence" pattern:"^(s[0-9]{1,6})?$" doc:"With doc: one sentence's"`
	After    int64  `query:"after" minimum:"0"`
	Limit    int    `query:"limit" default:"200" minimum:"1" maximum:"1000"`
}

func (s *Server) history(ctx context.Context, in *HistoryInput) (*eventListOutput, error) {
	tr, err := s.tracker()
	if err != nil {
		return nil, s.problem(err)
	}
	if in.Doc == 0 {
		// the whole log is the admins'
		if u := entente.UserFromContext(ctx); u == nil || !u.Role.AtLeast(entente.RoleAdmin) {
			return nil, huma.Error422UnprocessableEntity("name a document (doc=ID); the whole log is at /api/v1/events")
		}
	}
	es, err := tr.History(ctx, in.Doc, in.Sentence, in.After, in.Limit)
	if err != nil {
		return nil, s.problem(err)
	}
	return &eventListOutput{Body: EventList{Events: es}}, nil
}

// UndoInput names the event to undo.
type UndoInput struct {
	Seq int64 `path:"seq" minimum:"1"`
}

// UndoResult says what was undone.
type UndoResult struct {
	Undone int64 `json:"undone"`
}

type undoOutput struct{ Body UndoResult }

func (s *Server) undoEvent(ctx context.Context, in *UndoInput) (*undoOutput, error) {
	tr, err := s.tracker()
	if err != nil {
		return nil, s.problem(err)
	}
	if err := tr.Undo(ctx, in.Seq); err != nil {
		return nil, s.problem(err)
	}
	return &undoOutput{Body: UndoResult{Undone: in.Seq}}, nil
}

type scorecardOutput struct{ Body *entente.Scorecard }

func (s *Server) scorecard(ctx context.Context, in *CommitmentsInput) (*scorecardOutput, error) {
	tr, err := s.tracker()
	if err != nil {
		return nil, s.problem(err)
	}
	sc, err := tr.Scorecard(ctx, in.filter())
	if err != nil {
		return nil, s.problem(err)
	}
	return &scorecardOutput{Body: sc}, nil
}
