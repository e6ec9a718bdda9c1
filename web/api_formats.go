package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/negotiation"

	"github.com/entente/entente"
	"github.com/entente/entente/export"
	"github.com/entente/entente/tracking"
)

// Every list of the API answers in CSV or XLSX as well as JSON, chosen by
// ?format=csv|xlsx|json or by the Accept header (text/csv, the XLSX media
// type, application/json; ?format= wins). The list is answered as JSON by
// its own operation (its access check, its validation, its filters and
// paging: the same rows), and that page is then written as a table by
// package export, as the UI's and the command line's exports are. A page
// is bounded by the operation's limit, so it is read whole first; an
// error is answered as the operation answered it.

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// apiList is one list operation: its name in exports, and how its JSON
// page becomes tables.
type apiList struct {
	name  string
	write func(ctx context.Context, s *Server, r *http.Request, body []byte, tw export.TableWriter) error
	// vocabulary: the list gives statuses, which ?vocabulary= also gives
	// on another scale
	vocabulary bool
}

// apiLists are the list operations by their path, as the operations are
// registered.
func apiLists() map[string]apiList {
	return map[string]apiList{
		"/api/v1/documents": {name: "documents", write: func(_ context.Context, _ *Server, _ *http.Request, body []byte, tw export.TableWriter) error {
			var l DocumentList
			return rows(body, &l, tw, export.DocumentsTable, func(emit func([]any) error) error {
				for i := range l.Documents {
					if err := emit(export.DocumentRow(&l.Documents[i])); err != nil {
						return err
					}
				}
				return nil
			})
		}},
		"/api/v1/documents/{id}/sentences": {name: "sentences", write: func(_ context.Context, _ *Server, r *http.Request, body []byte, tw export.TableWriter) error {
			var l SentenceList
			id, _ := strconv.ParseInt(strings.Split(r.URL.Path, "/")[4], 10, 64) // /api/v1/documents/{id}/sentences
			return rows(body, &l, tw, export.SentencesTable(false), func(emit func([]any) error) error {
				for _, s := range l.Sentences {
					if err := emit(export.HitRow(&entente.SearchHit{DocumentID: id, Section: s.Section, Sentence: s}, false)); err != nil {
						return err
					}
				}
				return nil
			})
		}},
		"/api/v1/search": {name: "search", write: func(_ context.Context, _ *Server, _ *http.Request, body []byte, tw export.TableWriter) error {
			var l SearchResult
			return rows(body, &l, tw, export.SentencesTable(true), func(emit func([]any) error) error {
				for i := range l.Hits {
					if err := emit(export.HitRow(&l.Hits[i], true)); err != nil {
						return err
					}
				}
				return nil
			})
		}},
		"/api/v1/events":  {name: "events", write: eventRows},
		"/api/v1/history": {name: "history", write: eventRows},
		"/api/v1/review": {name: "review", write: func(_ context.Context, _ *Server, _ *http.Request, body []byte, tw export.TableWriter) error {
			var l CorrectionList
			return rows(body, &l, tw, export.CorrectionsTable, func(emit func([]any) error) error {
				for i := range l.Corrections {
					if err := emit(export.CorrectionRow(&l.Corrections[i])); err != nil {
						return err
					}
				}
				return nil
			})
		}},
		"/api/v1/users": {name: "users", write: func(_ context.Context, _ *Server, _ *http.Request, body []byte, tw export.TableWriter) error {
			var l UserList
			return rows(body, &l, tw, export.UsersTable, func(emit func([]any) error) error {
				for i := range l.Users {
					if err := emit(export.UserRow(&l.Users[i])); err != nil {
						return err
					}
				}
				return nil
			})
		}},
		"/api/v1/commitments": {name: "commitments", vocabulary: true, write: func(ctx context.Context, s *Server, r *http.Request, body []byte, tw export.TableWriter) error {
			var p tracking.Page
			if err := json.Unmarshal(body, &p); err != nil {
				return fmt.Errorf("read the page: %w", err)
			}
			src := export.CommitmentSource{Page: func(_ context.Context, offset, limit int) ([]entente.TrackedCommitment, error) {
				lo := min(offset, len(p.Commitments))
				return p.Commitments[lo:min(lo+limit, len(p.Commitments))], nil
			}}
			if s.track != nil {
				src.Evidence = s.track.Store.Evidence
			}
			return export.WriteCommitments(ctx, tw, src, 0, 0, vocabularyOf(r))
		}},
		"/api/v1/compare": {name: "compare", write: func(_ context.Context, _ *Server, _ *http.Request, body []byte, tw export.TableWriter) error {
			var c entente.Comparison
			if err := json.Unmarshal(body, &c); err != nil {
				return fmt.Errorf("read the comparison: %w", err)
			}
			return export.WriteComparison(tw, &c)
		}},
		"/api/v1/scorecard": {name: "scorecard", vocabulary: true, write: func(_ context.Context, _ *Server, r *http.Request, body []byte, tw export.TableWriter) error {
			var sc entente.Scorecard
			if err := json.Unmarshal(body, &sc); err != nil {
				return fmt.Errorf("read the scorecard: %w", err)
			}
			return export.WriteScorecard(tw, &sc, vocabularyOf(r))
		}},
	}
}

// vocabularyOf is the vocabulary a list request asks for, checked before
// the list was answered.
func vocabularyOf(r *http.Request) *entente.Vocabulary {
	v, _ := entente.FindVocabulary(r.URL.Query().Get("vocabulary"))
	return v
}

func eventRows(_ context.Context, _ *Server, _ *http.Request, body []byte, tw export.TableWriter) error {
	var l EventList
	return rows(body, &l, tw, export.EventsTable, func(emit func([]any) error) error {
		for i := range l.Events {
			if err := emit(export.EventRow(&l.Events[i])); err != nil {
				return err
			}
		}
		return nil
	})
}

// rows decodes a page into v, then writes table t with the rows each gives.
func rows(body []byte, v any, tw export.TableWriter, t export.Table, each func(emit func([]any) error) error) error {
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("read the page: %w", err)
	}
	if err := tw.Begin(t); err != nil {
		return err
	}
	return each(tw.Row)
}

// listFormat is the format a request asks of a list: "" for the API's own
// JSON; an unknown ?format= is an error.
func listFormat(r *http.Request) (string, error) {
	if f, ok := r.URL.Query()["format"]; ok {
		switch v := strings.ToLower(strings.TrimSpace(f[0])); v {
		case "json":
			return "", nil
		case "csv", "xlsx":
			return v, nil
		default:
			return "", fmt.Errorf("format must be json, csv or xlsx, not %q", clipRunes(f[0], 20))
		}
	}
	switch negotiation.SelectQValue(r.Header.Get("Accept"), []string{"application/json", "text/csv", xlsxType}) {
	case "text/csv":
		return "csv", nil
	case xlsxType:
		return "xlsx", nil
	}
	return "", nil
}

func clipRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// listFormats answers the list operations in the format asked (see the
// top of this file); every other request goes on as it came.
func (s *Server) listFormats(next http.Handler) http.Handler {
	lists := apiLists()
	routes := http.NewServeMux()
	for path := range lists {
		routes.HandleFunc("GET "+path, func(http.ResponseWriter, *http.Request) {})
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/api/") || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
			next.ServeHTTP(w, r)
			return
		}
		_, pattern := routes.Handler(r)
		list, ok := lists[strings.TrimPrefix(pattern, "GET ")]
		if !ok {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Add("Vary", "Accept")
		format, err := listFormat(r)
		if err == nil && list.vocabulary {
			_, err = entente.FindVocabulary(r.URL.Query().Get("vocabulary"))
		}
		if err != nil {
			writeProblem(w, http.StatusBadRequest, err.Error())
			return
		}
		// the operation answers without the parameters, in JSON
		inner := r.Clone(r.Context())
		q := inner.URL.Query()
		q.Del("format")
		q.Del("vocabulary")
		inner.URL.RawQuery = q.Encode()
		if format == "" {
			next.ServeHTTP(w, inner)
			return
		}
		inner.Header.Set("Accept", "application/json")
		rec := &recorder{header: http.Header{}}
		next.ServeHTTP(rec, inner)
		if rec.status != http.StatusOK {
			for k, vs := range rec.header {
				w.Header()[k] = vs
			}
			w.WriteHeader(rec.status)
			w.Write(rec.body.Bytes())
			return
		}
		s.writeTablesAs(w, r, format, list.name, func(ctx context.Context, tw export.TableWriter) error {
			return list.write(ctx, s, r, rec.body.Bytes(), tw)
		})
	})
}

// recorder keeps an operation's answer to write it as a table.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (c *recorder) Header() http.Header { return c.header }
func (c *recorder) Write(b []byte) (int, error) {
	if c.status == 0 {
		c.status = http.StatusOK
	}
	return c.body.Write(b)
}
func (c *recorder) WriteHeader(status int) {
	if c.status == 0 {
		c.status = status
	}
}

// writeProblem answers an RFC 9457 problem, as the API's operations do.
func writeProblem(w http.ResponseWriter, status int, detail string) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(huma.ErrorModel{Title: http.StatusText(status), Status: status, Detail: detail})
}

// describeListFormats adds ?format= and the CSV and XLSX answers to the
// OpenAPI description of every list operation.
func (s *Server) describeListFormats() {
	oapi := s.api.OpenAPI()
	for path := range apiLists() {
		item := oapi.Paths[path]
		if item == nil || item.Get == nil {
			continue
		}
		op := item.Get
		op.Parameters = append(op.Parameters, &huma.Param{Name: "format", In: "query",
			Description: "json (the default), csv (UTF-8 with a byte-order mark) or xlsx; or ask by Accept: text/csv, " + xlsxType,
			Schema:      &huma.Schema{Type: "string", Enum: []any{"json", "csv", "xlsx"}}})
		if list := apiLists()[path]; list.vocabulary {
			op.Parameters = append(op.Parameters, &huma.Param{Name: "vocabulary", In: "query",
				Description: "With csv or xlsx: also give statuses on this scale (see the codebook)",
				Schema:      &huma.Schema{Type: "string", Enum: vocabularyEnum()}})
		}
		if ok := op.Responses["200"]; ok != nil {
			ok.Content["text/csv"] = &huma.MediaType{Schema: &huma.Schema{Type: "string"}}
			ok.Content[xlsxType] = &huma.MediaType{} // a workbook (binary)
		}
	}
}

func vocabularyEnum() []any {
	var out []any
	for _, c := range entente.VocabularyCodes() {
		out = append(out, c)
	}
	return out
}
