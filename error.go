package entente

import (
	"errors"
	"fmt"
)

// Error codes: what kind of failure an error is, whatever stage raised it.
// They are mapped once to HTTP statuses (web) and to exit codes (the CLI).
const (
	EINVALID      = "invalid"      // the input is wrong; the message says how
	ENOTFOUND     = "not_found"    // the thing asked for does not exist
	ECONFLICT     = "conflict"     // the change collides with the current state
	EFORBIDDEN    = "forbidden"    // the actor may not do this
	ETOOLARGE     = "too_large"    // the input is over a limit; the message names it
	EUNAVAILABLE  = "unavailable"  // try again later (busy, database down)
	ECOMPUTING    = "computing"    // accepted: being computed in the background; ask again
	EUNSUPPORTED  = "unsupported"  // this store or build cannot do it
	EINTERNAL     = "internal"     // anything else: a bug or an outside failure
	EUNAUTHORIZED = "unauthorized" // no valid credentials
)

// Error is a domain error: a code and a message fit to show the user. Errors
// of other types are internal, and their text is never shown.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Is makes every *Error with the same code match, so that
// errors.Is(err, ErrNotFound) holds for any not-found error.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code && isSentinel(t)
}

// Errorf returns an *Error with code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, or EINTERNAL
// (and "" for nil).
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, or
// "internal error": the text of other errors may hold details (paths, SQL)
// that are not for users.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return "internal error"
}

// Sentinels to test with errors.Is and to wrap with %w for context:
// fmt.Errorf("document %d: %w", id, ErrNotFound).
var (
	ErrNotFound    = &Error{Code: ENOTFOUND, Message: "not found"}
	ErrUnsupported = &Error{Code: EUNSUPPORTED, Message: "not supported by this store"}
	ErrConflict    = &Error{Code: ECONFLICT, Message: "conflict"}
	ErrForbidden   = &Error{Code: EFORBIDDEN, Message: "forbidden"}
	ErrInvalid     = &Error{Code: EINVALID, Message: "invalid"}
)

func isSentinel(e *Error) bool {
	switch e {
	case ErrNotFound, ErrUnsupported, ErrConflict, ErrForbidden, ErrInvalid:
		return true
	}
	return false
}
