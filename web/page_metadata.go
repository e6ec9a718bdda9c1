package web

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/entente/entente"
	"github.com/entente/entente/tracking"
)

// metadataBox is the reader's box of the document's own corrections (its
// title, kind, parties, date, place, language), with the form that makes
// one for analysts and above.
type metadataBox struct {
	Corrections []entente.Correction
	Fields      []string
	CanCorrect  bool
}

// attachMetadata lists the document's corrections of its metadata (those
// of its sentences are on each sentence's page); a failure to read them
// leaves the list empty rather than the page unread.
func (s *Server) attachMetadata(r *http.Request, f *frame, doc int64) *metadataBox {
	box := &metadataBox{Fields: entente.DocumentFields, CanCorrect: f.User != nil && f.User.Role.AtLeast(entente.RoleAnalyst)}
	tr, err := s.tracker()
	if err != nil {
		return box
	}
	cs, err := tr.Store.Corrections(r.Context(), doc, nil, false)
	if err != nil {
		s.log.Warn("reader: corrections", "document", doc, "err", err)
	}
	for _, c := range cs {
		if c.Anchor == nil {
			box.Corrections = append(box.Corrections, c)
		}
	}
	return box
}

// metadataSubmit corrects one field of the document's metadata (the
// reader's form). A correction of the parties or the language reads the
// document again (the tracker does), so the reader the form returns to
// shows its sentences as read with them.
func (s *Server) metadataSubmit(w http.ResponseWriter, r *http.Request, f *frame) {
	id, tr, err := s.readerForm(w, r)
	if id == 0 {
		return
	}
	if err == nil {
		field := r.PostFormValue("field")
		if !slices.Contains(entente.DocumentFields, field) {
			err = entente.Errorf(entente.EINVALID, "a document's field is one of %v", entente.DocumentFields)
		} else {
			_, err = tr.Correct(r.Context(), tracking.CorrectInput{Document: id, Field: field,
				Value: formValue(field, r.PostFormValue("value")), Why: r.PostFormValue("reason")})
		}
	}
	if err != nil {
		s.readerFailed(w, r, f, "metadata", err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/documents/%d?done=metadata#metadata", id), http.StatusSeeOther)
}

// readerForm reads a form posted on the reader: its bounded body and the
// document its path names, with the tracker. A path that names no document
// is answered (404) and gives 0; a failure to read the form or reach the
// tracker is err, for the form to answer.
func (s *Server) readerForm(w http.ResponseWriter, r *http.Request) (int64, *tracking.Tracker, error) {
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		http.NotFound(w, r)
		return 0, nil, nil
	}
	tr, err := s.tracker()
	if err == nil {
		err = r.ParseForm()
	}
	return id, tr, err
}

// readerFailed draws the reader again with the refusal of one of its
// forms (box names which), uncached: the page answers one request.
func (s *Server) readerFailed(w http.ResponseWriter, r *http.Request, f *frame, box string, err error) {
	code := entente.ErrorCode(err)
	if code == entente.EINTERNAL {
		s.log.Error(box+" form", "err", err)
	}
	f.Error = entente.ErrorMessage(err)
	w.WriteHeader(problemStatus(code))
	s.buildReaderFailed(w, r, f, box)
}
