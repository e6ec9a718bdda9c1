package web

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/entente/entente"
	"github.com/entente/entente/compare"
)

// The API of statements side by side: the relationship timeline of a
// pair, two documents compared, recycled promises, follow-ups and their
// decisions, and a pair's view. The rules are package compare's.

// compareRoutes registers the operations; routes() calls it so that the
// policy stays one table.
func (s *Server) compareRoutes(viewer, editor access) {
	conflict := func(op *huma.Operation) { op.Errors = append(op.Errors, http.StatusConflict) }
	// a large pair not computed yet is computed in the background: 202
	// Accepted, with Retry-After, until it is
	computing := func(op *huma.Operation) {
		op.Errors = append(op.Errors, http.StatusAccepted)
		op.Description = "A pair of more statements than a reader waits for, whose view is not kept, is computed in the background: the answer is then 202 Accepted with Retry-After; ask again."
	}
	register(s, "relationship-timeline", http.MethodGet, "/api/v1/timeline", viewer,
		"The relationship of two parties as each of their documents names it: established, upgraded, reaffirmed, with the sentence", s.timeline, s.cachedRead)
	register(s, "compare-documents", http.MethodGet, "/api/v1/compare", viewer,
		"Two documents' commitments and positions aligned: repeated, reworded, strengthened, weakened, added, dropped; a summary by area", s.compareDocuments, s.cachedRead)
	register(s, "recycled-promises", http.MethodGet, "/api/v1/recycled", viewer,
		"Earlier commitments of the same parties that promised the same thing: of one commitment (ref) or of every commitment of a pair", s.recycled, computing, s.cachedRead)
	register(s, "list-followups", http.MethodGet, "/api/v1/followups", viewer,
		"Later statements that report on earlier commitments, offered as evidence with a suggested status", s.listFollowups, computing, s.cachedRead)
	register(s, "accept-followup", http.MethodPost, "/api/v1/followups/accept", editor,
		"Record a follow-up as evidence citing the report and a status of the commitment", s.acceptFollowup, conflict)
	register(s, "dismiss-followup", http.MethodPost, "/api/v1/followups/dismiss", editor,
		"Record that a follow-up does not report on the commitment", s.dismissFollowup, conflict)
	register(s, "get-pair", http.MethodGet, "/api/v1/pairs/{a}/{b}", viewer,
		"Two parties at a glance: documents, relationship timeline, commitments by area and status, scorecard, most recycled promises", s.getPair, computing, s.cachedRead)
}

func (s *Server) comparer() (*compare.Service, error) {
	if s.compare == nil {
		return nil, entente.Errorf(entente.EUNSUPPORTED, "this store does not compare statements")
	}
	return s.compare, nil
}

// parties resolves a pair as typed (codes or names); a refused one is a
// 422 naming its field.
func (s *Server) parties(loc string, names ...string) ([]string, error) {
	out := make([]string, len(names))
	var details []error
	for i, n := range names {
		code, err := s.filters.Party(n)
		var fe *entente.FilterError
		switch {
		case errors.As(err, &fe):
			details = append(details, &huma.ErrorDetail{Location: loc + []string{"a", "b"}[i], Message: fe.Error(), Value: n})
		case err != nil:
			return nil, s.problem(err)
		case code == "":
			details = append(details, &huma.ErrorDetail{Location: loc + []string{"a", "b"}[i], Message: "name a party", Value: n})
		}
		out[i] = code
	}
	if len(details) > 0 {
		return nil, huma.Error422UnprocessableEntity("a pair is two parties", details...)
	}
	return out, nil
}

// PairQuery names two parties.
type PairQuery struct {
	A string `query:"a" required:"true" maxLength:"64" doc:"A party: ISO code or name (CN, 中国, China)"`
	B string `query:"b" required:"true" maxLength:"64" doc:"The other party"`
}

type timelineOutput struct {
	Body []entente.RelationshipStep
}

func (s *Server) timeline(ctx context.Context, in *PairQuery) (*timelineOutput, error) {
	svc, err := s.comparer()
	if err != nil {
		return nil, s.problem(err)
	}
	ps, err := s.parties("query.", in.A, in.B)
	if err != nil {
		return nil, err
	}
	steps, err := svc.Timeline(ctx, ps[0], ps[1])
	if err != nil {
		return nil, s.problem(err)
	}
	return &timelineOutput{Body: steps}, nil
}

// CompareInput names two documents.
type CompareInput struct {
	A int64 `query:"a" required:"true" minimum:"1" doc:"The first (earlier) document"`
	B int64 `query:"b" required:"true" minimum:"1" doc:"The second document"`
}

type compareOutput struct{ Body *entente.Comparison }

func (s *Server) compareDocuments(ctx context.Context, in *CompareInput) (*compareOutput, error) {
	svc, err := s.comparer()
	if err != nil {
		return nil, s.problem(err)
	}
	c, err := svc.Compare(ctx, in.A, in.B)
	if err != nil {
		return nil, s.problem(err)
	}
	return &compareOutput{Body: c}, nil
}

// RecycledInput is one commitment or a pair.
type RecycledInput struct {
	Ref    string `query:"ref" maxLength:"40" pattern:"^([0-9]+/s[0-9]+)?$" doc:"A commitment, DOC/sN"`
	A      string `query:"a" maxLength:"64" doc:"With b, instead of ref: every commitment of the pair"`
	B      string `query:"b" maxLength:"64"`
	Limit  int    `query:"limit" minimum:"1" maximum:"1000" default:"100" doc:"A pair's recurrences per page, at most: a page ends early, after at least one, once it lists 20,000 earlier commitments; the next starts at offset plus the recurrences returned"`
	Offset int    `query:"offset" minimum:"0" maximum:"10000000" doc:"Recurrences of the pair to skip"`
}

type recycledOutput struct {
	Total int `header:"X-Total-Count" doc:"A pair's recurrences in all, of which this is a page"`
	Body  []entente.Recurrence
}

func (s *Server) recycled(ctx context.Context, in *RecycledInput) (*recycledOutput, error) {
	svc, err := s.comparer()
	if err != nil {
		return nil, s.problem(err)
	}
	if in.Ref != "" {
		r, err := svc.RecycledOf(ctx, in.Ref)
		if err != nil {
			return nil, s.problem(err)
		}
		return &recycledOutput{Total: 1, Body: []entente.Recurrence{*r}}, nil
	}
	ps, err := s.parties("query.", in.A, in.B)
	if err != nil {
		return nil, err
	}
	if err := svc.RecycledReady(ctx, ps[0], ps[1], s.pairWait(), s.log); err != nil {
		return nil, s.problem(err)
	}
	rs, err := svc.Recycled(ctx, ps[0], ps[1])
	if err != nil {
		return nil, s.problem(err)
	}
	return &recycledOutput{Total: rs.Len(), Body: rs.PageWithin(in.Offset, in.Limit, maxEarlierListed)}, nil
}

// maxEarlierListed bounds the earlier commitments one page of a pair's
// recycled promises lists (each recurrence lists its whole chain, up to
// 2,500): about 5 MB of JSON.
const maxEarlierListed = 20000

// FollowupsInput selects follow-ups.
type FollowupsInput struct {
	Ref    string `query:"ref" maxLength:"40" pattern:"^([0-9]+/s[0-9]+)?$" doc:"A commitment (the reports offered on it) or a report (the commitments it is offered on), DOC/sN"`
	Pair   string `query:"pair" maxLength:"130" doc:"Two parties: CN,RS"`
	All    bool   `query:"all" doc:"Decided ones too"`
	Limit  int    `query:"limit" minimum:"1" maximum:"5000" default:"1000" doc:"Follow-ups per page, newest report first"`
	Offset int    `query:"offset" minimum:"0" maximum:"10000000" doc:"Follow-ups to skip"`
}

type followupsOutput struct {
	Total int `header:"X-Total-Count" doc:"The follow-ups in all, of which this is a page"`
	Body  []entente.Followup
}

func (s *Server) listFollowups(ctx context.Context, in *FollowupsInput) (*followupsOutput, error) {
	svc, err := s.comparer()
	if err != nil {
		return nil, s.problem(err)
	}
	q := compare.FollowupQuery{Ref: in.Ref, All: in.All}
	if in.Pair != "" {
		two := strings.Split(in.Pair, ",")
		if len(two) != 2 {
			return nil, huma.Error422UnprocessableEntity("a pair is two parties",
				&huma.ErrorDetail{Location: "query.pair", Message: "give two parties: CN,RS", Value: in.Pair})
		}
		if q.Pair, err = s.parties("query.pair.", two[0], two[1]); err != nil {
			return nil, err
		}
		if err := svc.PairReady(ctx, q.Pair[0], q.Pair[1], s.pairWait(), s.log); err != nil {
			return nil, s.problem(err)
		}
	}
	fs, err := svc.Followups(ctx, q)
	if err != nil {
		return nil, s.problem(err)
	}
	return &followupsOutput{Total: len(fs), Body: fs[min(in.Offset, len(fs)):min(in.Offset+in.Limit, len(fs))]}, nil
}

// DecisionInput is a decision on a follow-up.
type DecisionInput struct {
	Body struct {
		Commitment string `json:"commitment" maxLength:"40" pattern:"^[0-9]+/s[0-9]+$" doc:"The earlier commitment, DOC/sN"`
		Report     string `json:"report" maxLength:"40" pattern:"^[0-9]+/s[0-9]+$" doc:"The later sentence that reports on it, DOC/sN"`
		Status     string `json:"status,omitempty" maxLength:"32" doc:"Accepting: the status to set (default: the suggested one)"`
		Reason     string `json:"reason" minLength:"1" maxLength:"2000"`
	}
}

type decisionOutput struct{ Body *entente.FollowupDecision }

func (s *Server) acceptFollowup(ctx context.Context, in *DecisionInput) (*decisionOutput, error) {
	svc, err := s.comparer()
	if err != nil {
		return nil, s.problem(err)
	}
	d, err := svc.Accept(ctx, in.Body.Commitment, in.Body.Report, entente.Status(in.Body.Status), in.Body.Reason)
	if err != nil {
		return nil, s.problem(err)
	}
	return &decisionOutput{Body: d}, nil
}

func (s *Server) dismissFollowup(ctx context.Context, in *DecisionInput) (*decisionOutput, error) {
	svc, err := s.comparer()
	if err != nil {
		return nil, s.problem(err)
	}
	d, err := svc.Dismiss(ctx, in.Body.Commitment, in.Body.Report, in.Body.Reason)
	if err != nil {
		return nil, s.problem(err)
	}
	return &decisionOutput{Body: d}, nil
}

// PairPath names two parties in the path.
type PairPath struct {
	A string `path:"a" maxLength:"64" doc:"A party: ISO code or name"`
	B string `path:"b" maxLength:"64"`
}

type pairOutput struct{ Body *entente.PairView }

func (s *Server) getPair(ctx context.Context, in *PairPath) (*pairOutput, error) {
	svc, err := s.comparer()
	if err != nil {
		return nil, s.problem(err)
	}
	ps, err := s.parties("path.", in.A, in.B)
	if err != nil {
		return nil, err
	}
	if err := svc.PairReady(ctx, ps[0], ps[1], s.pairWait(), s.log); err != nil {
		return nil, s.problem(err)
	}
	v, err := svc.Pair(ctx, ps[0], ps[1])
	if err != nil {
		return nil, s.problem(err)
	}
	return &pairOutput{Body: v}, nil
}
