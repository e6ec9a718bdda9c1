package web

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/entente/entente"
)

// Versions of one statement kept as separate documents: the list, and an
// editor's link and unlink, each written with its event by the store.

func (s *Server) versionRoutes(viewer, editor access) {
	conflict := func(op *huma.Operation) { op.Errors = append(op.Errors, http.StatusConflict) }
	register(s, "list-versions", http.MethodGet, "/api/v1/documents/{id}/versions", viewer,
		"The documents linked to this one as versions of one statement in other languages, and those said not to be", s.listVersions)
	register(s, "link-version", http.MethodPost, "/api/v1/documents/{id}/versions", editor,
		"Link another document to this one as a version of the same statement", s.linkVersion, conflict)
	register(s, "unlink-version", http.MethodPost, "/api/v1/documents/{id}/versions/{other}/unlink", editor,
		"Undo a link of two documents as versions; the matcher at ingest will not link them again", s.unlinkVersion, conflict)
}

// VersionList is a document's version links.
type VersionList struct {
	Versions []entente.VersionLink `json:"versions"`
}

type versionListOutput struct{ Body VersionList }

func (s *Server) listVersions(ctx context.Context, in *IDInput) (*versionListOutput, error) {
	tr, err := s.tracker()
	if err != nil {
		return nil, s.problem(err)
	}
	ls, err := tr.Versions(ctx, in.ID)
	if err != nil {
		return nil, s.problem(err)
	}
	return &versionListOutput{Body: VersionList{Versions: ls}}, nil
}

// LinkVersionInput links document Other to document ID.
type LinkVersionInput struct {
	ID   int64 `path:"id" minimum:"1"`
	Body struct {
		Other  int64  `json:"other" minimum:"1" doc:"The other document's id"`
		Reason string `json:"reason" minLength:"1" maxLength:"2000"`
	}
}

// UnlinkVersionInput unlinks document Other from document ID.
type UnlinkVersionInput struct {
	ID    int64 `path:"id" minimum:"1"`
	Other int64 `path:"other" minimum:"1"`
	Body  struct {
		Reason string `json:"reason" minLength:"1" maxLength:"2000"`
	}
}

func (s *Server) linkVersion(ctx context.Context, in *LinkVersionInput) (*versionListOutput, error) {
	return s.setVersionLink(ctx, in.ID, in.Body.Other, true, in.Body.Reason)
}

func (s *Server) unlinkVersion(ctx context.Context, in *UnlinkVersionInput) (*versionListOutput, error) {
	return s.setVersionLink(ctx, in.ID, in.Other, false, in.Body.Reason)
}

func (s *Server) setVersionLink(ctx context.Context, a, b int64, link bool, why string) (*versionListOutput, error) {
	tr, err := s.tracker()
	if err != nil {
		return nil, s.problem(err)
	}
	act := tr.Unlink
	if link {
		act = tr.Link
	}
	if err := act(ctx, a, b, why); err != nil {
		return nil, s.problem(err)
	}
	return s.listVersions(ctx, &IDInput{ID: a})
}
