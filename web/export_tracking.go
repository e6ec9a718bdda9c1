package web

import (
	"context"
	"fmt"
	"net/http"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/export"
	"github.com/entente/entente/tracking"
)

// The commitments table and its scorecard export as the page shows them:
// the page's filters and sort, read by the page's own code, every page of
// the table.

// exportCommitments writes the commitments table, every page of it, with
// each party's status and the evidence.
func (s *Server) exportCommitments(w http.ResponseWriter, r *http.Request, f *frame) {
	_, cf := commitmentsQuery(r.URL.Query())
	upcoming := r.URL.Query().Get("upcoming") == "1"
	v, err := entente.FindVocabulary(r.URL.Query().Get("vocabulary"))
	var tr *tracking.Tracker
	if err == nil {
		tr, err = s.tracker()
	}
	if err == nil {
		check := cf // a filter the tracker refuses is refused before any byte is written
		check.Offset, check.Limit = 0, 1
		_, err = tr.Commitments(r.Context(), check)
	}
	if err != nil {
		s.exportProblem(w, err)
		return
	}
	src := commitmentSource(tr, cf, upcoming)
	s.writeTables(w, r, "commitments", func(ctx context.Context, tw export.TableWriter) error {
		return export.WriteCommitments(ctx, tw, src, 0, 0, v)
	})
}

// exportScorecard writes the scorecard of the set the commitments page
// shows.
func (s *Server) exportScorecard(w http.ResponseWriter, r *http.Request, f *frame) {
	_, cf := commitmentsQuery(r.URL.Query())
	v, err := entente.FindVocabulary(r.URL.Query().Get("vocabulary"))
	var tr *tracking.Tracker
	if err == nil {
		tr, err = s.tracker()
	}
	var sc *entente.Scorecard
	if err == nil {
		sc, err = tr.Scorecard(r.Context(), cf)
	}
	if err != nil {
		s.exportProblem(w, err)
		return
	}
	s.writeTables(w, r, "scorecard", func(ctx context.Context, tw export.TableWriter) error {
		return export.WriteScorecard(tw, sc, v)
	})
}

// commitmentSource reads the table as filtered and sorted, a page at a
// time, through the tracker.
func commitmentSource(tr *tracking.Tracker, cf entente.CommitmentFilter, upcoming bool) export.CommitmentSource {
	return export.CommitmentSource{
		Page: func(ctx context.Context, offset, limit int) ([]entente.TrackedCommitment, error) {
			page := cf
			page.Offset, page.Limit = offset, limit
			var p *tracking.Page
			var err error
			if upcoming {
				p, err = tr.Upcoming(ctx, page)
			} else {
				p, err = tr.Commitments(ctx, page)
			}
			if err != nil {
				return nil, err
			}
			return p.Commitments, nil
		},
		Evidence: tr.Store.Evidence,
	}
}

// exportProblem answers an export that could not start with its error's
// status and message.
func (s *Server) exportProblem(w http.ResponseWriter, err error) {
	code := entente.ErrorCode(err)
	if code == entente.EINTERNAL {
		s.log.Error("export", "err", err)
	}
	http.Error(w, entente.ErrorMessage(err), problemStatus(code))
}

// exportFormat is the format an export asks for: its path's extension,
// else ?format= (the export form's choice).
func exportFormat(r *http.Request) string {
	if ext := path.Ext(r.URL.Path); ext != "" {
		return strings.TrimPrefix(ext, ".")
	}
	return r.URL.Query().Get("format")
}

// requestFilters names the request's filters (its query without paging),
// sorted, for the About sheet and the JSON's about.
func requestFilters(r *http.Request) []export.Filter {
	q := exportQuery(r.URL.Query())
	delete(q, "format")
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var filters []export.Filter
	for _, k := range keys {
		filters = append(filters, export.FilterList(k, q.Get(k))...)
	}
	return filters
}

// mediaTypes are the list formats' media types.
var mediaTypes = map[string]string{
	"csv":  "text/csv; charset=utf-8",
	"json": "application/json; charset=utf-8",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

// writeTables answers with what write writes, in the format the path
// names, as the rows are read: every format streams (a workbook's sheets
// go into the zip on the response as they are written), so memory does
// not grow with the rows.
func (s *Server) writeTables(w http.ResponseWriter, r *http.Request, name string, write func(ctx context.Context, tw export.TableWriter) error) {
	s.writeTablesAs(w, r, exportFormat(r), name, write)
}

func (s *Server) writeTablesAs(w http.ResponseWriter, r *http.Request, format, name string, write func(ctx context.Context, tw export.TableWriter) error) {
	about := export.About{What: name, Filters: requestFilters(r), At: time.Now(), By: entente.ActorFromContext(r.Context())}
	mt, ok := mediaTypes[format]
	if !ok {
		http.Error(w, fmt.Sprintf("%q is not a list export format: %s", format, strings.Join(export.Formats, ", ")), http.StatusBadRequest)
		return
	}
	out := &exportWriter{w: w, rc: http.NewResponseController(w), header: func() {
		w.Header().Set("Content-Type", mt)
		w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="entente-%s.%s"`, name, format))
	}}
	ctx, cancel := context.WithTimeout(r.Context(), maxExportTime)
	defer cancel()
	tw, err := export.NewTableWriter(format, out, about)
	if err == nil {
		err = write(ctx, tw)
	}
	if err == nil {
		err = tw.Close()
	}
	switch {
	case err == nil:
		out.start() // an empty answer still says what it is
	case !out.started:
		s.exportProblem(w, err) // nothing sent yet: the error can still be the answer
	default: // the status is sent: the truncated body is all that can say so
		s.log.Error("export", "list", name, "format", format, "err", err)
	}
}

// An export streams: the server's write timeout (two minutes from the
// request's start) would cut off a large one midway, with only a
// truncated body to say so (every commitment of 100,000 statements is
// 637 MB of CSV, 90 s on a quiet machine). So each write pushes the
// connection's deadline exportIdle ahead, and the export as a whole is
// bounded by maxExportTime.
const (
	exportIdle    = 2 * time.Minute
	maxExportTime = 30 * time.Minute
)

// exportWriter sends an export's headers with its first byte, so that an
// error before any (a filter refused, the store failing on its first
// read) is answered as a problem rather than as a file, and pushes the
// write deadline on as bytes go out (at most once a second).
type exportWriter struct {
	w       http.ResponseWriter
	rc      *http.ResponseController
	header  func()
	started bool
	pushed  time.Time // when the deadline was last pushed on
}

func (e *exportWriter) start() {
	if !e.started {
		e.started = true
		e.header()
	}
}

func (e *exportWriter) Write(p []byte) (int, error) {
	e.start()
	if now := time.Now(); now.Sub(e.pushed) >= time.Second {
		// a writer that cannot (a test's recorder) keeps the server's timeout
		_ = e.rc.SetWriteDeadline(now.Add(exportIdle))
		e.pushed = now
	}
	return e.w.Write(p)
}

// exportRegistry writes the registry's list as the page filters it (its
// query and kind), every entry of it in the page's order.
func (s *Server) exportRegistry(w http.ResponseWriter, r *http.Request, f *frame) {
	q := r.URL.Query()
	rf := entente.RegistryFilter{Query: strings.TrimSpace(q.Get("q"))}
	if len(rf.Query) > 200 {
		rf.Query = rf.Query[:200]
	}
	kind, err := entente.ParseRegistryKind(q.Get("kind"))
	var st registryStore
	if err == nil {
		_, st, err = s.registry(r.Context())
	}
	if err != nil {
		s.exportProblem(w, err)
		return
	}
	rf.Kind = kind
	s.writeTables(w, r, "registry", func(ctx context.Context, tw export.TableWriter) error {
		if err := tw.Begin(export.RegistryTable); err != nil {
			return err
		}
		for offset := 0; ; offset += registryExportPage {
			page := rf
			page.Offset, page.Limit = offset, registryExportPage
			es, _, err := st.RegistryEntries(ctx, page)
			if err != nil {
				return err
			}
			for i := range es {
				if err := tw.Row(export.RegistryRow(&es[i])); err != nil {
					return err
				}
			}
			if len(es) < registryExportPage {
				return nil
			}
		}
	})
}

// registryExportPage is how many entries an export reads at a time.
const registryExportPage = 500
