package web

import (
	"context"
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

// Filter values are resolved by the server's entente.FilterParser, as the CLI's and the UI's
// are: a party by code or name, an area by code or label, dates by year,
// month or day. A value that matches nothing is a 422 problem naming the
// field and the valid choices.

// ListDocumentsInput filters and pages the document list.
type ListDocumentsInput struct {
	Party  string    `query:"party" maxLength:"100" doc:"A party: ISO code in any case or its name in Chinese, English or Serbian (RS, 塞尔维亚, Serbia, Srbija)"`
	Kind   kindParam `query:"kind"`
	Lang   string    `query:"lang" maxLength:"16" doc:"A version's language: zh, zh-Hant, en, sr-Cyrl, sr-Latn"`
	Area   areaParam `query:"area" doc:"Documents with a commitment in this policy area"`
	From   string    `query:"from" maxLength:"10" doc:"Signed on or after: YYYY, YYYY-MM or YYYY-MM-DD"`
	To     string    `query:"to" maxLength:"10" doc:"Signed on or before: YYYY, YYYY-MM or YYYY-MM-DD"`
	Limit  int       `query:"limit" default:"50" minimum:"1" maximum:"500"`
	Offset int       `query:"offset" default:"0" minimum:"0"`
}

// DocumentList is a page of documents and how many meet the filters.
type DocumentList struct {
	Documents []entente.StoredDocument `json:"documents"`
	Total     int                      `json:"total"`
	Limit     int                      `json:"limit"`
	Offset    int                      `json:"offset"`
	Filters   entente.Filters          `json:"filters"`
}

type documentListOutput struct{ Body DocumentList }

func (s *Server) listDocuments(ctx context.Context, in *ListDocumentsInput) (*documentListOutput, error) {
	f, err := s.resolveFilters(entente.Filters{Party: in.Party, Kind: string(in.Kind), Language: in.Lang, Area: string(in.Area),
		From: in.From, To: in.To})
	if err != nil {
		return nil, err
	}
	docs, err := s.cfg.Store.Documents(ctx, f.Documents(in.Limit, in.Offset))
	if err != nil {
		return nil, s.internal(err)
	}
	total, err := s.cfg.Store.CountDocuments(ctx, f.Documents(0, 0))
	if err != nil {
		return nil, s.internal(err)
	}
	return &documentListOutput{Body: DocumentList{Documents: docs, Total: total, Limit: in.Limit, Offset: in.Offset, Filters: f}}, nil
}

// resolveFilters resolves filters for the API: a refused value is a 422
// problem with one detail per field, at query.FIELD.
func (s *Server) resolveFilters(in entente.Filters) (entente.Filters, error) {
	f, err := s.filters.Resolve(in)
	var errs entente.FilterErrors
	if errors.As(err, &errs) {
		details := make([]error, len(errs))
		for i, e := range errs {
			details[i] = &huma.ErrorDetail{Location: "query." + e.Field, Message: e.Error(), Value: e.Value}
		}
		return entente.Filters{}, huma.Error422UnprocessableEntity(errs.Error(), details...)
	}
	return f, err
}

// IDInput is a numeric id in the path.
type IDInput struct {
	ID int64 `path:"id" minimum:"1"`
}

func (s *Server) deleteDocument(ctx context.Context, in *IDInput) (*struct{}, error) {
	// The store refuses a document that carries users' work, and writes
	// the event with the deletion.
	if err := s.cfg.Store.DeleteDocument(ctx, in.ID); err != nil {
		return nil, s.problem(err)
	}
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
	if s.queue != nil {
		outcomes, err := s.uploadQueued(ctx, files)
		if err != nil {
			return nil, s.internal(err)
		}
		for _, o := range outcomes {
			res.Outcomes = append(res.Outcomes, o)
			res.Summary.Add(ingest.Outcome{Status: ingest.Status(o.Status)})
		}
		return &uploadOutput{Body: res}, nil
	}
	for _, f := range files {
		o := s.ingestOne(ctx, f.Filename, f, f.ContentType)
		res.Outcomes = append(res.Outcomes, o)
		res.Summary.Add(ingest.Outcome{Status: ingest.Status(o.Status)})
	}
	return &uploadOutput{Body: res}, nil
}

// uploadQueued queues the files, waits until workers (on this server or
// another) have settled them, and reports each outcome in order; a file
// that cannot be read is refused without a job.
func (s *Server) uploadQueued(ctx context.Context, files []huma.FormFile) ([]UploadOutcome, error) {
	out := make([]UploadOutcome, len(files))
	var (
		news  []entente.NewJob
		where []int
	)
	for i, f := range files {
		n, err := readUpload(f.Filename, f, f.ContentType)
		if err != nil {
			out[i] = UploadOutcome{Name: n.Name, Status: string(ingest.Refused), Problem: err.Error()}
			continue
		}
		news, where = append(news, n), append(where, i)
	}
	if len(news) == 0 {
		return out, nil
	}
	jobs, err := s.enqueue(ctx, news)
	if err != nil {
		return nil, err
	}
	if jobs, err = s.settle(ctx, jobs); err != nil {
		return nil, err
	}
	for k, j := range jobs {
		out[where[k]] = uploadOutcome(j)
	}
	return out, nil
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
	return UploadOutcome{Name: name, Status: string(o.Status), DocumentID: o.DocumentID,
		SourceID: o.SourceID, Title: o.Title, Counts: o.Counts, Problem: o.Problem}
}

// SearchInput is a search with the CLI's filters.
type SearchInput struct {
	Q        string        `query:"q" required:"true" minLength:"1" maxLength:"200" doc:"Words or characters to find"`
	Lang     string        `query:"lang" maxLength:"16" doc:"A version's language: zh, zh-Hant, en, sr-Cyrl, sr-Latn"`
	Party    string        `query:"party" maxLength:"100" doc:"An actor of the sentence or a party of its document: ISO code in any case or its name in Chinese, English or Serbian"`
	Type     typeParam     `query:"type"`
	Area     areaParam     `query:"area"`
	Strength strengthParam `query:"strength"`
	From     string        `query:"from" maxLength:"10" doc:"Signed on or after: YYYY, YYYY-MM or YYYY-MM-DD"`
	To       string        `query:"to" maxLength:"10" doc:"Signed on or before: YYYY, YYYY-MM or YYYY-MM-DD"`
	Limit    int           `query:"limit" default:"20" minimum:"1" maximum:"200"`
	Offset   int           `query:"offset" default:"0" minimum:"0"`
}

// SearchResult is a page of hits, the total and facets of the whole result
// set, and when nothing matched, which filters to drop.
type SearchResult struct {
	Hits      []entente.SearchHit `json:"hits"`
	Total     int                 `json:"total"`
	Estimated bool                `json:"estimated" doc:"true when the matches were too many to rank all: total and facets count the newest only"`
	Facets    entente.Facets      `json:"facets"`
	FacetsOf  int                 `json:"facets_of" doc:"how many hits the facets count: total, or the first (best ranked) of a larger result set"`
	Filters   entente.Filters     `json:"filters"`
	Loosen    []entente.Loosening `json:"loosen" doc:"for a search with no hit: the filters whose removal finds something, with how many"`
}

type searchOutput struct{ Body SearchResult }

func (s *Server) search(ctx context.Context, in *SearchInput) (*searchOutput, error) {
	f, err := s.resolveFilters(entente.Filters{Party: in.Party, Language: in.Lang, Area: string(in.Area), Type: string(in.Type),
		Strength: string(in.Strength), From: in.From, To: in.To})
	if err != nil {
		return nil, err
	}
	res, err := s.cfg.Store.SearchPage(ctx, f.Search(in.Q, in.Limit, in.Offset))
	if err != nil {
		return nil, s.internal(err)
	}
	out := SearchResult{Hits: res.Hits, Total: res.Total, Estimated: res.Estimated, Facets: res.Facets, FacetsOf: res.FacetsOf, Filters: f,
		Loosen: []entente.Loosening{}}
	if res.Total == 0 {
		loosen, err := entente.Loosen(ctx, s.cfg.Store, in.Q, f)
		if err != nil {
			return nil, s.internal(err)
		}
		out.Loosen = append(out.Loosen, loosen...)
	}
	return &searchOutput{Body: out}, nil
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
