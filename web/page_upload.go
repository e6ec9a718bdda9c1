package web

import (
	"errors"
	"fmt"
	"net/http"
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
