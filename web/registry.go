package web

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/entente/entente"
	"github.com/entente/entente/connect"
)

// The registry API: instruments, mechanisms and projects across documents
// (package connect builds and keeps them), an editor's merges, splits and
// renames, and what a document cites and what cites it.

// registryStore is what the registry needs of the server's store.
type registryStore interface {
	connect.Store
	entente.RegistryReader
}

// registryRoutes registers the registry's operations; routes() calls it
// so that the policy stays one table.
func (s *Server) registryRoutes(viewer, editor access) {
	decision := func(op *huma.Operation) { op.Errors = append(op.Errors, http.StatusConflict) }
	register(s, "list-registry", http.MethodGet, "/api/v1/registry", viewer,
		"Registry entries (instruments, mechanisms, projects) by any of their names, most cited first", s.listRegistry)
	register(s, "get-registry-entry", http.MethodGet, "/api/v1/registry/{id}", viewer,
		"One registry entry: its names with why each was joined and how sure, its document, the sentences that mention it", s.getRegistryEntry)
	register(s, "merge-registry-entry", http.MethodPost, "/api/v1/registry/{id}/merge", editor,
		"Merge this entry into another (kept over every rebuild)", s.mergeRegistryEntry, decision)
	register(s, "split-registry-entry", http.MethodPost, "/api/v1/registry/{id}/split", editor,
		"Take names (and the sentences that use them) out of this entry into one of their own", s.splitRegistryEntry, decision)
	register(s, "rename-registry-entry", http.MethodPost, "/api/v1/registry/{id}/rename", editor,
		"Give this entry a new canonical name", s.renameRegistryEntry, decision)
	register(s, "list-cites", http.MethodGet, "/api/v1/documents/{id}/cites", viewer,
		"The instruments a document cites, each with its stored document if the library has it", s.listCites)
	register(s, "list-cited-by", http.MethodGet, "/api/v1/documents/{id}/cited-by", viewer,
		"The documents that cite a document (backlinks)", s.listCitedBy)
}

// registry returns the connector and the registry as it stands: a read
// never rebuilds it. Writes start a rebuild in the background once done
// (rebuildAfterWrites), and the server checks now and then for the writes
// of other processes (Connector.Watch).
func (s *Server) registry(ctx context.Context) (*connect.Connector, registryStore, error) {
	if s.conn == nil {
		return nil, nil, entente.Errorf(entente.EUNSUPPORTED, "this store keeps no registry")
	}
	return s.conn, s.regStore, nil
}

// registryBehind is registry with whether the registry is behind the
// library (the list page says so), which reads the registry's signature.
func (s *Server) registryBehind(ctx context.Context) (*connect.Connector, registryStore, bool, error) {
	c, st, err := s.registry(ctx)
	if err != nil {
		return nil, nil, false, err
	}
	behind, err := c.Behind(ctx)
	if err != nil {
		return nil, nil, false, err
	}
	return c, st, behind, nil
}

// registryWatchEvery is how often the server checks whether the library
// moved under the registry through other processes.
const registryWatchEvery = 5 * time.Second

// rebuildAfterWrites starts a registry rebuild, and a refresh of the pairs'
// views, in the background after every request that may have written,
// once it is answered.
func (s *Server) rebuildAfterWrites(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			return
		}
		if s.conn != nil {
			if _, err := s.conn.Later(context.WithoutCancel(r.Context())); err != nil {
				s.log.Error("registry signature", "err", err)
			}
		}
		if s.compare != nil {
			// the pairs' kept views the write made stale, computed
			// again before a reader asks
			s.compare.RefreshLater(context.WithoutCancel(r.Context()), s.log)
		}
	})
}

type registryKindParam string

func (registryKindParam) Schema(huma.Registry) *huma.Schema {
	return enumSchema(entente.RegistryKinds(), "Kind of registry entry")
}

// RegistryListInput filters the registry.
type RegistryListInput struct {
	Q      string            `query:"q" maxLength:"200" doc:"A part of any of an entry's names, any case, with or without brackets or quotes"`
	Kind   registryKindParam `query:"kind"`
	Limit  int               `query:"limit" minimum:"1" maximum:"500" default:"50"`
	Offset int               `query:"offset" minimum:"0" maximum:"1000000"`
}

// RegistryPage is a page of registry entries and how many match.
type RegistryPage struct {
	Total   int                     `json:"total"`
	Entries []entente.RegistryEntry `json:"entries"`
}

type registryPageOutput struct{ Body RegistryPage }

func (s *Server) listRegistry(ctx context.Context, in *RegistryListInput) (*registryPageOutput, error) {
	_, st, err := s.registry(ctx)
	if err != nil {
		return nil, s.problem(err)
	}
	es, total, err := st.RegistryEntries(ctx, entente.RegistryFilter{Query: in.Q, Kind: entente.RegistryKind(in.Kind), Limit: in.Limit, Offset: in.Offset})
	if err != nil {
		return nil, s.problem(err)
	}
	return &registryPageOutput{Body: RegistryPage{Total: total, Entries: es}}, nil
}

// RegistryEntryInput names an entry and how many of its mentions to list.
type RegistryEntryInput struct {
	ID       int64 `path:"id" minimum:"1"`
	Mentions int   `query:"mentions" minimum:"0" maximum:"5000" default:"500"`
}

type registryEntryOutput struct{ Body *entente.RegistryEntry }

func (s *Server) getRegistryEntry(ctx context.Context, in *RegistryEntryInput) (*registryEntryOutput, error) {
	_, st, err := s.registry(ctx)
	if err != nil {
		return nil, s.problem(err)
	}
	e, err := st.RegistryEntry(ctx, in.ID, in.Mentions)
	if err != nil {
		return nil, s.problem(err)
	}
	return &registryEntryOutput{Body: e}, nil
}

// MergeInput merges the entry into another.
type MergeInput struct {
	ID   int64 `path:"id" minimum:"1"`
	Body struct {
		Into   int64  `json:"into" minimum:"1" doc:"The entry that stays"`
		Reason string `json:"reason,omitempty" maxLength:"2000"`
	}
}

// RegistrySplitInput takes names out of the entry.
type RegistrySplitInput struct {
	ID   int64 `path:"id" minimum:"1"`
	Body struct {
		Aliases []string `json:"aliases" minItems:"1" maxItems:"200" doc:"The names to take out, as the entry lists them"`
		Reason  string   `json:"reason,omitempty" maxLength:"2000"`
	}
}

// RenameInput gives the entry a new name.
type RenameInput struct {
	ID   int64 `path:"id" minimum:"1"`
	Body struct {
		Name   string `json:"name" minLength:"1" maxLength:"500"`
		Reason string `json:"reason,omitempty" maxLength:"2000"`
	}
}

func (s *Server) decided(e *entente.RegistryEntry, err error) (*registryEntryOutput, error) {
	if err != nil {
		return nil, s.problem(err)
	}
	if e == nil {
		return nil, s.problem(entente.Errorf(entente.ECONFLICT, "the entry changed meanwhile; reload"))
	}
	return &registryEntryOutput{Body: e}, nil
}

func (s *Server) mergeRegistryEntry(ctx context.Context, in *MergeInput) (*registryEntryOutput, error) {
	c, _, err := s.registry(ctx)
	if err != nil {
		return nil, s.problem(err)
	}
	return s.decided(c.Merge(ctx, in.ID, in.Body.Into, in.Body.Reason))
}

func (s *Server) splitRegistryEntry(ctx context.Context, in *RegistrySplitInput) (*registryEntryOutput, error) {
	c, _, err := s.registry(ctx)
	if err != nil {
		return nil, s.problem(err)
	}
	return s.decided(c.Split(ctx, in.ID, in.Body.Aliases, in.Body.Reason))
}

func (s *Server) renameRegistryEntry(ctx context.Context, in *RenameInput) (*registryEntryOutput, error) {
	c, _, err := s.registry(ctx)
	if err != nil {
		return nil, s.problem(err)
	}
	return s.decided(c.Rename(ctx, in.ID, in.Body.Name, in.Body.Reason))
}

// CitationList is what a document cites, or what cites it.
type CitationList struct {
	Links []entente.CitationLink `json:"links"`
}

type citationListOutput struct{ Body CitationList }

func (s *Server) listCites(ctx context.Context, in *IDInput) (*citationListOutput, error) {
	return s.citations(ctx, in.ID, false)
}

func (s *Server) listCitedBy(ctx context.Context, in *IDInput) (*citationListOutput, error) {
	return s.citations(ctx, in.ID, true)
}

func (s *Server) citations(ctx context.Context, doc int64, by bool) (*citationListOutput, error) {
	_, st, err := s.registry(ctx)
	if err != nil {
		return nil, s.problem(err)
	}
	read := st.Cites
	if by {
		read = st.CitedBy
	}
	ls, err := read(ctx, doc)
	if err != nil {
		return nil, s.problem(err)
	}
	return &citationListOutput{Body: CitationList{Links: ls}}, nil
}
