package extract

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/entente/entente"
)

// guard runs one language's reader over text and turns a panic of the
// reader into a reading of the text's layout alone, every sentence
// unlabelled, with a warning that says so: a bug met by one statement (a
// listed title that ended its sentence once ran a look-up off its end)
// is then one document kept unread, not a server or a batch gone with the
// others. Its stack goes to the registry's log. An error of the reader
// (a context ended) is returned as it is.
func (r *Registry) guard(text, tag string, read func() (*entente.Extraction, error)) (out *entente.Extraction, err error) {
	defer func() {
		p := recover()
		if p == nil {
			return
		}
		if r.Log != nil {
			r.Log.Error("extractor failed on a text: its layout is kept unlabelled",
				"language", tag, "panic", fmt.Sprint(p), "bytes", len(text), "stack", string(debug.Stack()))
		}
		out, err = unlabelled(text), nil
		out.Document.Language = tag
		out.Warnings = append(out.Warnings, fmt.Sprintf(
			"the %s rules failed on this text (a bug in Entente: %s); the layout is kept and no sentence is labelled, until a re-extraction reads it",
			tag, oneLine(fmt.Sprint(p))))
	}()
	return read()
}

// oneLine is s on one line, at most 200 bytes.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 200 {
		cut := 200
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}
