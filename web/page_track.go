package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/tracking"
)

// trackView is one sentence's tracking panel, on a page of its own so
// that it works without JavaScript: its statuses per party with the forms
// to change them (with new evidence), its evidence, its corrections and a
// form to add one, and its history with undo.
type trackView struct {
	*frame
	W        *trackWords
	Detail   *tracking.Detail
	Statuses []entente.Status
	Fields   []string
	CanEdit  bool
	Message  string
}

func (s *Server) trackPage(w http.ResponseWriter, r *http.Request, f *frame) {
	s.renderTrack(w, r, f, http.StatusOK, "")
}

// renderTrack draws the sentence's panel with an error (status) or a
// message.
func (s *Server) renderTrack(w http.ResponseWriter, r *http.Request, f *frame, status int, problem string) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		http.NotFound(w, r)
		return
	}
	v := &trackView{frame: f, W: trackWordsFor(f.Lang), Statuses: entente.Statuses, Fields: entente.SentenceFields,
		CanEdit: f.User != nil && f.User.Role.AtLeast(entente.RoleAnalyst), Message: r.URL.Query().Get("done")}
	tr, err := s.tracker()
	if err == nil {
		v.Detail, err = tr.Commitment(r.Context(), id, r.PathValue("sentence"))
	}
	if err != nil {
		if entente.ErrorCode(err) == entente.ENOTFOUND {
			http.NotFound(w, r)
			return
		}
		s.log.Error("tracking page", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	f.Title = fmt.Sprintf("%d/%s · %s", id, v.Detail.Sentence.ID, v.Detail.DocumentTitle)
	if problem != "" {
		f.Error = problem
		w.WriteHeader(status)
	}
	s.render(w, "track", v)
}

// trackBack redirects to the sentence's page after a change (303), or
// draws it again with the refusal.
func (s *Server) trackBack(w http.ResponseWriter, r *http.Request, f *frame, err error, done string) {
	if err != nil {
		code := entente.ErrorCode(err)
		if code == entente.EINTERNAL {
			s.log.Error("tracking form", "err", err)
		}
		s.renderTrack(w, r, f, problemStatus(code), entente.ErrorMessage(err))
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/documents/%s/sentences/%s?done=%s#top", r.PathValue("id"), r.PathValue("sentence"), url.QueryEscape(done)),
		http.StatusSeeOther)
}

// formRef reads the document and sentence of a form's path.
func formRef(r *http.Request) (int64, string, error) {
	return tracking.ParseRef(r.PathValue("id") + "/" + r.PathValue("sentence"))
}

// maxForm bounds a tracking form.
const maxForm = 256 << 10

// sentenceForm reads a tracking form posted on one sentence: its bounded
// body, the sentence it names and the tracker. On a bad form it answers
// (back to the page, with the problem) and reports false.
func (s *Server) sentenceForm(w http.ResponseWriter, r *http.Request, f *frame) (*tracking.Tracker, int64, string, bool) {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	doc, label, err := formRef(r)
	if err == nil {
		err = r.ParseForm()
	}
	tr, terr := s.tracker()
	if err == nil {
		err = terr
	}
	if err != nil {
		s.trackBack(w, r, f, entente.Errorf(entente.EINVALID, "%s", strings.TrimPrefix(err.Error(), "http: ")), "")
		return nil, 0, "", false
	}
	return tr, doc, label, true
}

func (s *Server) statusSubmit(w http.ResponseWriter, r *http.Request, f *frame) {
	tr, doc, label, ok := s.sentenceForm(w, r, f)
	if !ok {
		return
	}
	ctx := r.Context()
	in := tracking.SetStatusInput{Document: doc, Sentence: label, Party: r.PostFormValue("party"),
		Status: entente.Status(r.PostFormValue("status")), Why: r.PostFormValue("reason"), Revision: -1}
	if rev, err := strconv.Atoi(r.PostFormValue("revision")); err == nil {
		in.Revision = rev
	} else {
		s.trackBack(w, r, f, entente.Errorf(entente.EINVALID, "the form lacks the revision it was drawn at"), "")
		return
	}
	in.EvidenceID, _ = strconv.ParseInt(r.PostFormValue("evidence_id"), 10, 64)
	if title := strings.TrimSpace(r.PostFormValue("ev_title")); title != "" {
		e, err := tr.AddEvidence(ctx, tracking.EvidenceInput{Document: doc, Sentence: label, Evidence: entente.Evidence{
			Title: title, URL: r.PostFormValue("ev_url"), Publisher: r.PostFormValue("ev_publisher"),
			EventDate: r.PostFormValue("ev_date"), Quote: r.PostFormValue("ev_quote"), Official: r.PostFormValue("ev_official") != ""}})
		if err != nil {
			s.trackBack(w, r, f, err, "")
			return
		}
		in.EvidenceID = e.ID
	}
	_, err := tr.SetStatus(ctx, in)
	s.trackBack(w, r, f, err, string(in.Status))
}

func (s *Server) correctSubmit(w http.ResponseWriter, r *http.Request, f *frame) {
	tr, doc, label, ok := s.sentenceForm(w, r, f)
	if !ok {
		return
	}
	field := r.PostFormValue("field")
	_, err := tr.Correct(r.Context(), tracking.CorrectInput{Document: doc, Sentence: label, Field: field,
		Value: formValue(field, r.PostFormValue("value")), Why: r.PostFormValue("reason")})
	s.trackBack(w, r, f, err, field)
}

// splitSubmit splits the sentence at the form's line breaks.
func (s *Server) splitSubmit(w http.ResponseWriter, r *http.Request, f *frame) {
	s.segmentSubmit(w, r, f, "split", func(tr *tracking.Tracker, doc int64, label string) error {
		var parts []string
		for _, l := range strings.Split(strings.ReplaceAll(r.PostFormValue("parts"), "\r\n", "\n"), "\n") {
			if strings.TrimSpace(l) != "" {
				parts = append(parts, l)
			}
		}
		_, err := tr.Split(r.Context(), tracking.SplitInput{Document: doc, Sentence: label, Parts: parts, Why: r.PostFormValue("reason")})
		return err
	})
}

// joinSubmit joins the sentence with the next.
func (s *Server) joinSubmit(w http.ResponseWriter, r *http.Request, f *frame) {
	s.segmentSubmit(w, r, f, "join", func(tr *tracking.Tracker, doc int64, label string) error {
		_, err := tr.Join(r.Context(), tracking.JoinInput{Document: doc, Sentence: label, Why: r.PostFormValue("reason")})
		return err
	})
}

func (s *Server) segmentSubmit(w http.ResponseWriter, r *http.Request, f *frame, done string, do func(*tracking.Tracker, int64, string) error) {
	tr, doc, label, ok := s.sentenceForm(w, r, f)
	if !ok {
		return
	}
	s.trackBack(w, r, f, do(tr, doc, label), done)
}

// formValue turns a form's text into a field's JSON value, as the CLI's
// flags do: lists comma-separated, "none" (or nothing) is null.
func formValue(field, v string) json.RawMessage {
	v = strings.TrimSpace(v)
	var x any = v
	switch field {
	case "actors", "areas", "references", "mechanisms", "projects", "parties":
		l := []string{}
		for _, p := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
			if p = strings.TrimSpace(p); p != "" {
				l = append(l, p)
			}
		}
		x = l
	case "strength", "deadline", "date", "place":
		if v == "" || v == "none" {
			x = nil
		}
	}
	b, _ := json.Marshal(x)
	return b
}

func (s *Server) undoSubmit(w http.ResponseWriter, r *http.Request, f *frame) {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	tr, err := s.tracker()
	if err == nil {
		err = r.ParseForm()
	}
	if err != nil {
		s.trackBack(w, r, f, err, "")
		return
	}
	seq, err := strconv.ParseInt(r.PostFormValue("event"), 10, 64)
	if err != nil || seq <= 0 {
		s.trackBack(w, r, f, entente.Errorf(entente.EINVALID, "no event to undo"), "")
		return
	}
	s.trackBack(w, r, f, tr.Undo(r.Context(), seq), "undo")
}

// reviewView is the editors' queue: corrections that wait for approval or
// that a re-extraction flagged.
type reviewView struct {
	*frame
	W     *trackWords
	Queue []entente.Correction
}

func (s *Server) reviewPage(w http.ResponseWriter, r *http.Request, f *frame) {
	v := &reviewView{frame: f, W: trackWordsFor(f.Lang)}
	f.Title = v.W.Review
	tr, err := s.tracker()
	if err == nil && r.Method == http.MethodPost {
		r.Body = http.MaxBytesReader(w, r.Body, maxForm)
		if err = r.ParseForm(); err == nil {
			_, err = tr.Review(r.Context(), r.PostFormValue("ref"), r.PostFormValue("action"), r.PostFormValue("reason"))
		}
		if err == nil {
			http.Redirect(w, r, "/review", http.StatusSeeOther)
			return
		}
		f.Error = entente.ErrorMessage(err)
		w.WriteHeader(problemStatus(entente.ErrorCode(err)))
		err = nil
	}
	if err == nil {
		v.Queue, err = tr.ReviewQueue(r.Context())
	}
	if err != nil {
		s.log.Error("review page", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	s.render(w, "review", v)
}
