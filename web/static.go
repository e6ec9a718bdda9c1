package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// Static assets are served under URLs that carry a hash of their content
// (/static/entente.1a2b3c4d5e.css), so that a browser may keep them for a
// year without asking again (Cache-Control: immutable) and still gets the
// new file the moment it changes: the page then names another URL. The
// plain name still answers, with a short cache, for what links it.

//go:embed static
var staticFS embed.FS

// assets maps each static file to its content hash.
type assets struct {
	files  fs.FS
	hashes map[string]string // name under static/ → hash
}

func newAssets() (*assets, error) {
	files, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, fmt.Errorf("static files: %w", err)
	}
	a := &assets{files: files, hashes: map[string]string{}}
	err = fs.WalkDir(files, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(files, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		a.hashes[name] = hex.EncodeToString(sum[:])[:12]
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("static files: %w", err)
	}
	return a, nil
}

// url is the content-hash URL of a static file, for the templates.
func (a *assets) url(name string) (string, error) {
	h, ok := a.hashes[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return "/static/" + hashedName(name, h), nil
}

// hashedName puts the hash before the extension: dir/name.HASH.ext.
func hashedName(name, hash string) string {
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hash + ext
}

// ServeHTTP serves /static/NAME.HASH.EXT for a year, immutable, and
// /static/NAME.EXT (or a stale hash) with a short cache.
func (a *assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/static/")
	cache := "public, max-age=300"
	if _, ok := a.hashes[name]; !ok {
		ext := path.Ext(name)
		base := strings.TrimSuffix(name, ext)
		hashExt := path.Ext(base)
		plain := strings.TrimSuffix(base, hashExt) + ext
		h, ok := a.hashes[plain]
		if !ok || hashExt == "" {
			http.NotFound(w, r)
			return
		}
		if hashExt[1:] == h {
			cache = "public, max-age=31536000, immutable"
		}
		name = plain
	}
	w.Header().Set("Cache-Control", cache)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	http.ServeFileFS(w, r, a.files, name)
}
