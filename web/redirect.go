package web

import (
	"net/url"
	"strings"
	"unicode"
)

// safeNext keeps a redirect after sign-in on this site: a path of ours,
// never an address elsewhere. Browsers are lenient with what they read
// as another host (//evil, /\evil, /<tab>/evil, which they strip to
// //evil), so anything with a backslash, a control character or a space,
// anything that parses with a scheme or a host, and anything whose path
// does not start with exactly one slash goes to /.
func safeNext(next string) string {
	if next == "" || next[0] != '/' || strings.ContainsAny(next, `\`) ||
		strings.IndexFunc(next, func(r rune) bool { return unicode.IsControl(r) || unicode.IsSpace(r) }) >= 0 {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Opaque != "" ||
		!strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") || strings.HasPrefix(next, "//") {
		return "/"
	}
	// the path once decoded must not turn into another host either
	if p, err := url.PathUnescape(u.EscapedPath()); err != nil || strings.HasPrefix(p, "//") || strings.ContainsAny(p, `\`) {
		return "/"
	}
	return next
}
