package web

import (
	"net/http"
	"time"

	"github.com/entente/entente/auth"
)

// loginView is the sign-in form, with where to go after.
type loginView struct {
	*frame
	Next string
}

func (s *Server) loginPage(w http.ResponseWriter, r *http.Request, f *frame) {
	f.Title = f.T.SignIn
	if s.NeedsSetUp(r.Context()) {
		f.Error = SetUpHint(s.cfg.StoreName)
	}
	s.render(w, "login", &loginView{frame: f, Next: safeNext(r.URL.Query().Get("next"))})
}

func (s *Server) loginSubmit(w http.ResponseWriter, r *http.Request, f *frame) {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	name, password := r.PostForm.Get("name"), r.PostForm.Get("password")
	next := safeNext(r.PostForm.Get("next"))
	res := s.signIn(r.Context(), name, password, clientAddrFrom(r.Context()))
	if res.token == "" {
		if res.retryAfter > 0 {
			w.Header().Set("Retry-After", retryAfter(res.retryAfter))
		}
		w.WriteHeader(res.status)
		f.Title, f.Error = f.T.SignIn, res.msg
		s.render(w, "login", &loginView{frame: f, Next: next})
		return
	}
	c := s.cookie(res.token, res.expires)
	http.SetCookie(w, &c)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

func (s *Server) logoutSubmit(w http.ResponseWriter, r *http.Request, f *frame) {
	if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
		if err := s.cfg.Store.DeleteSession(r.Context(), auth.HashToken(c.Value)); err != nil {
			s.log.Error("logout", "err", err)
		}
	}
	c := s.cookie("", time.Time{})
	http.SetCookie(w, &c)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}
