package web

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/entente/entente"
)

// uploadSubmit stores the files of the library's upload form and shows the
// library with each file's outcome (added, already present, refused and why).
// The change is recorded under the account findCaller put in the context.
func (s *Server) uploadSubmit(w http.ResponseWriter, r *http.Request, f *frame) {
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if err := r.ParseMultipartForm(multipartMemory); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, fmt.Sprintf("the upload is over %d MiB: send fewer or smaller files", maxUpload>>20), http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "the upload is not a readable form", http.StatusBadRequest)
		return
	}
	defer r.MultipartForm.RemoveAll()
	if s.queue != nil {
		s.queueSubmit(w, r, f)
		return
	}
	var outcomes []UploadOutcome
	for _, fh := range r.MultipartForm.File["files"] {
		file, err := fh.Open()
		if err != nil {
			outcomes = append(outcomes, UploadOutcome{Name: safeFilename(fh.Filename), Status: "refused", Problem: err.Error()})
			continue
		}
		o := s.ingestOne(r.Context(), fh.Filename, file, fh.Header.Get("Content-Type"))
		file.Close()
		outcomes = append(outcomes, o)
	}
	s.showLibrary(w, r, f, outcomes)
}

// queueSubmit queues the form's files and sends the browser to the
// library, which lists the caller's uploads being read (and those settled
// lately, with their outcomes); a reload shows how they came out.
func (s *Server) queueSubmit(w http.ResponseWriter, r *http.Request, f *frame) {
	var news []entente.NewJob
	var refused []UploadOutcome
	for _, fh := range r.MultipartForm.File["files"] {
		file, err := fh.Open()
		if err != nil {
			refused = append(refused, UploadOutcome{Name: safeFilename(fh.Filename), Status: "refused", Problem: err.Error()})
			continue
		}
		n, err := readUpload(fh.Filename, file, fh.Header.Get("Content-Type"))
		file.Close()
		if err != nil {
			refused = append(refused, UploadOutcome{Name: n.Name, Status: "refused", Problem: err.Error()})
			continue
		}
		news = append(news, n)
	}
	if len(news) > 0 {
		if _, err := s.enqueue(r.Context(), news); err != nil {
			s.log.Error("queue uploads", "err", err)
			f.Error = f.T.Failed
			s.showLibrary(w, r, f, refused)
			return
		}
	}
	if len(refused) > 0 {
		s.showLibrary(w, r, f, refused)
		return
	}
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// recentUploads are the caller's uploads being read and those settled in
// the last quarter of an hour, newest first, for the library.
func (s *Server) recentUploads(r *http.Request) (outcomes []UploadOutcome, pending bool) {
	u := entente.UserFromContext(r.Context())
	if s.queue == nil || u == nil || !u.Role.AtLeast(entente.RoleAnalyst) {
		return nil, false
	}
	jobs, err := s.queue.jobs.Jobs(r.Context(), entente.JobFilter{UserID: u.ID, Since: s.cfg.Now().Add(-15 * time.Minute), Limit: 20})
	if err != nil {
		s.log.Error("library: uploads", "err", err)
		return nil, false
	}
	for _, j := range jobs {
		outcomes = append(outcomes, uploadOutcome(j))
		pending = pending || j.State != entente.JobDone
	}
	return outcomes, pending
}
