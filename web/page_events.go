package web

import (
	"html/template"
	"net/http"
	"strconv"

	"github.com/entente/entente"
)

// eventsView is the admins' event log page: every change in order, who
// made it and how, what it did, from what to what and why, a page at a
// time.
type eventsView struct {
	*frame
	W      *trackWords
	Events []entente.Event
	Next   string // the following page, "" at the end
	// RawQuery is where the log starts, for the export links.
	RawQuery template.URL
}

// eventsPageSize is how many events a page shows.
const eventsPageSize = 100

func (s *Server) eventsPage(w http.ResponseWriter, r *http.Request, f *frame) {
	v := &eventsView{frame: f, W: trackWordsFor(f.Lang)}
	f.Title = v.W.History
	after := eventsAfter(r.URL.Query())
	if after > 0 {
		v.RawQuery = template.URL("after=" + strconv.FormatInt(after, 10))
	}
	es, err := s.cfg.Store.Events(r.Context(), after, eventsPageSize)
	if err != nil {
		s.log.Error("events page", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	v.Events = es
	if len(es) == eventsPageSize {
		v.Next = "/events?after=" + strconv.FormatInt(es[len(es)-1].Seq, 10)
	}
	s.render(w, "events", v)
}
