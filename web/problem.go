package web

import (
	"net/http"

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
	return huma.NewError(problemStatus(code), entente.ErrorMessage(err))
}
