package web

import (
	"net/http"
	"strconv"

	"github.com/danielgtaylor/huma/v2"

	"github.com/entente/entente"
)

// problemStatus is the one mapping from a domain error's code to the HTTP
// status of its problem document.
func problemStatus(code string) int {
	switch code {
	case entente.EINVALID:
		return http.StatusUnprocessableEntity
	case entente.ENOTFOUND:
		return http.StatusNotFound
	case entente.ECONFLICT:
		return http.StatusConflict
	case entente.EFORBIDDEN:
		return http.StatusForbidden
	case entente.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case entente.ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	case entente.EUNAVAILABLE:
		return http.StatusServiceUnavailable
	case entente.EUNSUPPORTED:
		return http.StatusNotImplemented
	case entente.ECOMPUTING:
		return http.StatusAccepted
	}
	return http.StatusInternalServerError
}

// problem turns an error into a problem document: a domain error with its
// status and message, anything else logged and answered without details.
func (s *Server) problem(err error) error {
	code := entente.ErrorCode(err)
	if code == entente.EINTERNAL {
		return s.internal(err)
	}
	e := huma.NewError(problemStatus(code), entente.ErrorMessage(err))
	if code == entente.ECOMPUTING {
		// accepted, not failed: the client asks again when it may be done
		return huma.ErrorWithHeaders(e, http.Header{"Retry-After": {strconv.Itoa(computingRetry)}})
	}
	return e
}

// computingRetry is the seconds a client is told to wait before asking
// again for what is being computed in the background (Retry-After), as the
// pair page reloads itself.
const computingRetry = pairPageRefresh
