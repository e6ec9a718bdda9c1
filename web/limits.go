package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
)

// hideSubmittedValues drops from problem documents the values submitted
// in request bodies: a body may hold a password (a sign-in whose password
// is too long must not come back with it) or a document's text; where the
// problem is and why is enough. Values in the query and path stay: the
// caller put them in the address anyway.
func hideSubmittedValues(_ huma.Context, _ string, v any) (any, error) {
	if em, ok := v.(*huma.ErrorModel); ok {
		for _, d := range em.Errors {
			if d != nil && (d.Location == "body" || strings.HasPrefix(d.Location, "body.")) {
				d.Value = nil
			}
		}
	}
	return v, nil
}

// limitUpload bounds a multipart upload before it is read: huma reads
// multipart forms without its body limit, so a 70 MiB upload would be read
// whole, spooled to disk and answered 200. A declared length over the limit
// is refused at once; a body that grows past it (chunked) is cut and
// refused while it is parsed. It runs after the access check, so anonymous
// uploads are refused before anything is read.
func (s *Server) limitUpload(ctx huma.Context, next func(huma.Context)) {
	r, w := humago.Unwrap(ctx)
	if r.ContentLength > maxUpload {
		s.tooLarge(ctx)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		if err := r.ParseMultipartForm(multipartMemory); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				s.tooLarge(ctx)
				return
			}
			// anything else huma words, as before
		}
	}
	next(ctx)
}

// multipartMemory is how much of a form is held in memory; the rest of its
// files go to temporary files, removed after the request.
const multipartMemory = 8 << 20

func (s *Server) tooLarge(ctx huma.Context) {
	ctx.SetHeader("Connection", "close")
	_ = huma.WriteErr(s.api, ctx, http.StatusRequestEntityTooLarge,
		"the upload is over "+strconv.Itoa(maxUpload>>20)+" MiB: send fewer or smaller files per request")
}

// errClientGone answers a request whose client hung up: nobody reads it,
// and the access log records 499, not a server error.
var errClientGone = huma.NewError(statusClientClosed, "the client closed the request")

// clientGone reports whether err comes from the client leaving (its
// request's context cancelled) rather than from the server.
func clientGone(err error) bool {
	return errors.Is(err, context.Canceled)
}
