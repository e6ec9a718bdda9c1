package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"path"
	"strings"
	"unicode"

	"github.com/danielgtaylor/huma/v2"

	"github.com/entente/entente"
	"github.com/entente/entente/ingest"
)

// ListDocumentsInput filters and pages the document list.
type ListDocumentsInput struct {
	Party  string    `query:"party" maxLength:"16" doc:"A party's code (CN, RS, EU…)"`
	Kind   kindParam `query:"kind"`
	Lang   string    `query:"lang" maxLength:"16" doc:"A version's language (zh, en, sr-Cyrl…)"`
	From   string    `query:"from" pattern:"^(\\d{4}-\\d{2}-\\d{2})?$" doc:"Signed on or after (YYYY-MM-DD)"`
	To     string    `query:"to" pattern:"^(\\d{4}-\\d{2}-\\d{2})?$" doc:"Signed on or before (YYYY-MM-DD)"`
	Limit  int       `query:"limit" default:"50" minimum:"1" maximum:"500"`
	Offset int       `query:"offset" default:"0" minimum:"0"`
}

// DocumentList is a page of documents.
type DocumentList struct {
	Documents []entente.StoredDocument `json:"documents"`
	Limit     int                      `json:"limit"`
	Offset    int                      `json:"offset"`
}

type documentListOutput struct{ Body DocumentList }

func (s *Server) listDocuments(ctx context.Context, in *ListDocumentsInput) (*documentListOutput, error) {
	docs, err := s.cfg.Store.Documents(ctx, entente.DocumentFilter{
		Party: in.Party, Kind: entente.Kind(in.Kind), Language: in.Lang, From: in.From, To: in.To,
		Limit: in.Limit, Offset: in.Offset,
	})
	if err != nil {
		return nil, s.internal(err)
	}
	if docs == nil {
		docs = []entente.StoredDocument{}
	}
	return &documentListOutput{Body: DocumentList{Documents: docs, Limit: in.Limit, Offset: in.Offset}}, nil
}

// IDInput is a numeric id in the path.
type IDInput struct {
	ID int64 `path:"id" minimum:"1"`
}

func (s *Server) deleteDocument(ctx context.Context, in *IDInput) (*struct{}, error) {
	// what the event log keeps of it: its metadata, not its sentences
	d, _, err := s.cfg.Store.DocumentPage(ctx, in.ID, 0, 1)
	if err != nil {
		return nil, s.lookupErr("document", in.ID, err)
	}
	if err := s.cfg.Store.DeleteDocument(ctx, in.ID); err != nil {
		return nil, s.lookupErr("document", in.ID, err)
	}
	before, _ := json.Marshal(map[string]any{"title": d.Title, "parties": d.Parties, "sources": len(d.Sources)})
	s.event(ctx, "delete", "document", in.ID, string(before), "")
	return &struct{}{}, nil
}

type originalOutput struct {
	ContentType        string `header:"Content-Type"`
	ContentDisposition string `header:"Content-Disposition"`
	Body               []byte
}

func (s *Server) getOriginal(ctx context.Context, in *IDInput) (*originalOutput, error) {
	src, data, err := s.cfg.Store.Original(ctx, in.ID)
	if err != nil {
		return nil, s.lookupErr("source", in.ID, err)
	}
	ct := src.MediaType
	if ct == "" {
		ct = "application/octet-stream"
	}
	return &originalOutput{
		ContentType:        ct,
		ContentDisposition: mime.FormatMediaType("attachment", map[string]string{"filename": safeFilename(src.Name)}),
		Body:               data,
	}, nil
}

// safeFilename keeps the last element of a path or address, without
// control characters or separators: a name can never point elsewhere.
func safeFilename(name string) string {
	name = path.Base(strings.ReplaceAll(name, `\`, "/"))
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '"' || r == '/' || r == '\\' {
			return -1
		}
		return r
	}, name)
	if name == "" || name == "." || name == ".." || name == "/" {
		return "original"
	}
	return name
}

// UploadInput is several statement files in one multipart request.
type UploadInput struct {
	RawBody huma.MultipartFormFiles[struct {
		Files []huma.FormFile `form:"files" required:"true" doc:"Statements: text, HTML, DOCX or PDF"`
	}]
}

// UploadOutcome is what became of one uploaded file.
type UploadOutcome struct {
	Name       string         `json:"name"`
	Status     string         `json:"status" enum:"added,new source,already have,refused"`
	DocumentID int64          `json:"document_id,omitempty"`
	SourceID   int64          `json:"source_id,omitempty"`
	Title      string         `json:"title,omitempty"`
	Counts     map[string]int `json:"counts,omitempty"`
	Problem    string         `json:"problem,omitempty"`
}

// UploadResult is the outcome of every file and their summary.
type UploadResult struct {
	Outcomes []UploadOutcome `json:"outcomes"`
	Summary  ingest.Summary  `json:"summary"`
}

type uploadOutput struct{ Body UploadResult }

func (s *Server) uploadDocuments(ctx context.Context, in *UploadInput) (*uploadOutput, error) {
	files := in.RawBody.Data().Files
	if len(files) == 0 {
		return nil, huma.Error400BadRequest("no files in the form field 'files'")
	}
	res := UploadResult{Outcomes: []UploadOutcome{}}
	for _, f := range files {
		o := s.ingestOne(ctx, f.Filename, f, f.ContentType)
		res.Outcomes = append(res.Outcomes, o)
		res.Summary.Add(ingest.Outcome{Status: ingest.Status(o.Status)})
	}
	return &uploadOutput{Body: res}, nil
}

// ingestOne stores one uploaded file, as entente ingest does, and logs the
// change under the account that made it.
func (s *Server) ingestOne(ctx context.Context, filename string, r io.Reader, mediaType string) UploadOutcome {
	name := safeFilename(filename)
	data, err := io.ReadAll(io.LimitReader(r, maxUpload+1))
	var o ingest.Outcome
	if err != nil {
		o = ingest.Outcome{Name: name, Status: ingest.Refused, Problem: fmt.Sprintf("%s: read: %v", name, err)}
	} else {
		o = s.cfg.Ingester.Ingest(ctx, ingest.Input{Name: name, Data: data, MediaType: mediaType})
	}
	switch o.Status {
	case ingest.Added:
		after, _ := json.Marshal(map[string]any{"title": o.Title, "file": name})
		s.event(ctx, "create", "document", o.DocumentID, "", string(after))
	case ingest.NewSource:
		after, _ := json.Marshal(map[string]any{"file": name, "document": o.DocumentID})
		s.event(ctx, "create", "source", o.SourceID, "", string(after))
	}
	return UploadOutcome{Name: name, Status: string(o.Status), DocumentID: o.DocumentID,
		SourceID: o.SourceID, Title: o.Title, Counts: o.Counts, Problem: o.Problem}
}

// SearchInput is a search with the CLI's filters.
type SearchInput struct {
	Q        string        `query:"q" required:"true" minLength:"1" maxLength:"200" doc:"Words or characters to find"`
	Lang     string        `query:"lang" maxLength:"16"`
	Party    string        `query:"party" maxLength:"16"`
	Type     typeParam     `query:"type"`
	Area     string        `query:"area" maxLength:"32"`
	Strength strengthParam `query:"strength"`
	From     string        `query:"from" pattern:"^(\\d{4}-\\d{2}-\\d{2})?$"`
	To       string        `query:"to" pattern:"^(\\d{4}-\\d{2}-\\d{2})?$"`
	Limit    int           `query:"limit" default:"20" minimum:"1" maximum:"200"`
	Offset   int           `query:"offset" default:"0" minimum:"0"`
}

// SearchResult is a page of hits.
type SearchResult struct {
	Hits []entente.SearchHit `json:"hits"`
}

type searchOutput struct{ Body SearchResult }

func (s *Server) search(ctx context.Context, in *SearchInput) (*searchOutput, error) {
	hits, err := s.cfg.Store.Search(ctx, entente.SearchQuery{
		Text: in.Q, Language: in.Lang, Party: in.Party, Type: entente.SentenceType(in.Type), Area: in.Area,
		Strength: entente.Strength(in.Strength), From: in.From, To: in.To, Limit: in.Limit, Offset: in.Offset,
	})
	if err != nil {
		return nil, s.internal(err)
	}
	if hits == nil {
		hits = []entente.SearchHit{}
	}
	return &searchOutput{Body: SearchResult{Hits: hits}}, nil
}

// internal logs an unexpected error and answers without its details.
func (s *Server) internal(err error) error {
	if clientGone(err) {
		s.log.Info("client went away", "err", err)
		return errClientGone
	}
	s.log.Error("internal error", "err", err)
	return huma.Error500InternalServerError("internal error")
}

func (s *Server) lookupErr(what string, id int64, err error) error {
	if errors.Is(err, entente.ErrNotFound) {
		return huma.Error404NotFound(fmt.Sprintf("no %s %d", what, id))
	}
	return s.internal(err)
}

// event records a change made through the API with the account that made
// it. A failure to log is logged, not hidden.
func (s *Server) event(ctx context.Context, action, entity string, id int64, before, after string) {
	a := entente.ActorFromContext(ctx)
	e := &entente.Event{Action: action, Entity: entity, EntityID: id, Before: before, After: after, UserID: a.UserID, Actor: a.Name}
	if _, err := s.cfg.Store.AppendEvent(ctx, e); err != nil {
		s.log.Error("append event", "err", err, "action", action, "entity", entity, "id", id)
	}
}
