package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/entente/entente"
	"github.com/entente/entente/tracking"
)

// The versions box of the reader (the documents that are this statement in
// other languages, with an editor's link and unlink) and the parallel
// reader: two versions side by side, aligned sentence by sentence.

// versionsBox is what the reader shows of a document's versions.
type versionsBox struct {
	VW      *versionWords
	Links   []entente.VersionLink
	CanEdit bool
}

// attachVersions reads the document's version links for the reader; a
// failure leaves the box empty rather than the page unread.
func (s *Server) attachVersions(r *http.Request, f *frame, doc int64) *versionsBox {
	box := &versionsBox{VW: versionWordsFor(f.Lang), CanEdit: f.User != nil && f.User.Role.AtLeast(entente.RoleEditor)}
	tr, err := s.tracker()
	if err != nil {
		return box
	}
	if box.Links, err = tr.Versions(r.Context(), doc); err != nil {
		s.log.Warn("reader: versions", "document", doc, "err", err)
	}
	return box
}

// versionSubmit links or unlinks another document (the reader's form).
func (s *Server) versionSubmit(w http.ResponseWriter, r *http.Request, f *frame) {
	id, tr, err := s.readerForm(w, r)
	if id == 0 {
		return
	}
	if err == nil {
		other, perr := strconv.ParseInt(r.PostFormValue("other"), 10, 64)
		switch {
		case perr != nil || other <= 0:
			err = entente.Errorf(entente.EINVALID, "the other document's number is a positive whole number")
		case r.PostFormValue("action") == "unlink":
			err = tr.Unlink(r.Context(), id, other, r.PostFormValue("reason"))
		default:
			err = tr.Link(r.Context(), id, other, r.PostFormValue("reason"))
		}
	}
	if err != nil {
		s.readerFailed(w, r, f, "versions", err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/documents/%d?done=versions#versions", id), http.StatusSeeOther)
}

// parallelView is two versions side by side.
type parallelView struct {
	*frame
	VW   *versionWords
	P    *tracking.Parallel
	Rows []parallelRow
}

// parallelRow is one aligned pair: one or two sentences on each side.
type parallelRow struct {
	A, B []entente.Sentence
}

func (s *Server) parallelPage(w http.ResponseWriter, r *http.Request, f *frame) {
	a, err1 := strconv.ParseInt(r.PathValue("id"), 10, 64)
	b, err2 := strconv.ParseInt(r.PathValue("other"), 10, 64)
	if err1 != nil || err2 != nil || a <= 0 || b <= 0 {
		http.NotFound(w, r)
		return
	}
	tr, err := s.tracker()
	var p *tracking.Parallel
	if err == nil {
		p, err = tr.Parallel(r.Context(), a, b)
	}
	if errors.Is(err, entente.ErrNotFound) {
		http.NotFound(w, r)
		return
	}
	if err != nil {
		code := entente.ErrorCode(err)
		if code == entente.EINTERNAL {
			if clientGone(r.Context().Err()) {
				return
			}
			s.log.Error("parallel reader", "err", err)
		}
		http.Error(w, entente.ErrorMessage(err), problemStatus(code))
		return
	}
	v := &parallelView{frame: f, VW: versionWordsFor(f.Lang), P: p}
	byID := func(x *entente.Extraction) map[string]entente.Sentence {
		m := make(map[string]entente.Sentence, len(x.Sentences))
		for _, s := range x.Sentences {
			m[s.ID] = s
		}
		return m
	}
	sa, sb := byID(p.A.Extraction), byID(p.B.Extraction)
	pick := func(m map[string]entente.Sentence, ids []string) []entente.Sentence {
		out := make([]entente.Sentence, 0, len(ids))
		for _, id := range ids {
			if s, ok := m[id]; ok {
				out = append(out, s)
			}
		}
		return out
	}
	for _, pr := range p.Pairs {
		v.Rows = append(v.Rows, parallelRow{A: pick(sa, pr.A), B: pick(sb, pr.B)})
	}
	f.Title = v.VW.Parallel + ": " + p.A.Title
	s.render(w, "parallel", v)
}

// sideSentence is one sentence of the parallel reader with what its
// template needs: the words, its document and its side.
type sideSentence struct {
	T    *texts
	Doc  int64
	Side string
	S    entente.Sentence
}

func sideOf(t *texts, doc int64, side string, s entente.Sentence) sideSentence {
	return sideSentence{T: t, Doc: doc, Side: side, S: s}
}
