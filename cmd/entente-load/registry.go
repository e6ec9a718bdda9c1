package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/connect"
	"github.com/entente/entente/internal/cputime"
	"github.com/entente/entente/sqlstore"
)

// registryFigures are what the registry of a collection cost: its builds
// and the reads its pages make (issue 18 builds on the connect issues:
// their pages must be fast at 100,000 statements too).
type registryFigures struct {
	summary connect.Summary
	steps   []edit
	top     string // the most cited entry, and how often
	entries int    // in the registry
}

// measureRegistry builds the collection's registry (the first build when
// it has none, else a rebuild, as after an ingest), builds it again with
// the library unchanged, and by a new connector (a new process), and times what the registry's pages read: the
// list, the most cited entry with its mentions, a document's citations
// both ways, and the graph's edges.
func measureRegistry(ctx context.Context, s *sqlstore.Store) (*registryFigures, error) {
	ctx = entente.NewContextWithActor(ctx, entente.Actor{Name: "entente-load", Via: "cli"})
	c, err := connect.New(s)
	if err != nil {
		return nil, err
	}
	fig := &registryFigures{}
	timed := func(what string, step func() error) error {
		runtime.GC() // the collector's debt from what came before is not this step's
		start, cpu := time.Now(), cputime.Process()
		if err := step(); err != nil {
			return fmt.Errorf("registry, %s: %w", what, err)
		}
		fig.steps = append(fig.steps, edit{what, time.Since(start), cputime.Process() - cpu})
		return nil
	}
	_, built, err := s.RegistrySignature(ctx)
	if err != nil {
		return nil, err
	}
	first := "rebuilt (the library changed since it was built)"
	if built == "" {
		first = "built for the first time"
	}
	rebuild := func() error {
		sum, err := c.Rebuild(ctx)
		if err == nil {
			fig.summary = *sum
		}
		return err
	}
	if err := timed(first, rebuild); err != nil {
		return nil, err
	}
	if err := timed("rebuilt again, the library unchanged", rebuild); err != nil {
		return nil, err
	}
	// a new process (a command, a server that starts) holds no input: it
	// reads the snapshot of the input the first build left
	if err := timed("rebuilt by a new process, from the input's snapshot", func() error {
		c, err := connect.New(s)
		if err == nil {
			_, err = c.Rebuild(ctx)
		}
		return err
	}); err != nil {
		return nil, err
	}
	var page []entente.RegistryEntry
	if err := timed("the list's first page (most cited first)", func() error {
		var err error
		page, fig.entries, err = s.RegistryEntries(ctx, entente.RegistryFilter{Limit: 50})
		return err
	}); err != nil {
		return nil, err
	}
	if err := timed("the list filtered by a part of a name", func() error {
		_, _, err := s.RegistryEntries(ctx, entente.RegistryFilter{Query: "合作协定", Kind: entente.RegInstrument, Limit: 50})
		return err
	}); err != nil {
		return nil, err
	}
	if len(page) == 0 {
		return fig, nil
	}
	fig.top = fmt.Sprintf("%s (%d mentions in %d documents)", page[0].Name, page[0].MentionCount, page[0].DocumentCount)
	var citing int64
	if err := timed("the most cited entry with its first 50 mentions", func() error {
		e, err := s.RegistryEntry(ctx, page[0].ID, 50)
		if err == nil && len(e.MentionList) > 0 {
			citing = e.MentionList[0].DocumentID
		}
		return err
	}); err != nil {
		return nil, err
	}
	if citing != 0 {
		if err := timed("what a citing document cites", func() error {
			_, err := s.Cites(ctx, citing)
			return err
		}); err != nil {
			return nil, err
		}
		if err := timed("what cites that document", func() error {
			_, err := s.CitedBy(ctx, citing)
			return err
		}); err != nil {
			return nil, err
		}
	}
	if err := timed("the citation graph (50 instruments, 20 citing documents each)", func() error {
		_, err := s.CitationEdges(ctx, 50, 20)
		return err
	}); err != nil {
		return nil, err
	}
	return fig, nil
}

func (f *registryFigures) print(out io.Writer) {
	if f == nil {
		return
	}
	fmt.Fprintf(out, "\nthe registry: %d entries from %d names, %d links, %d decisions; the most cited: %s\n\n",
		f.entries, f.summary.Items, f.summary.Links, f.summary.Decisions, f.top)
	fmt.Fprintln(out, "| the registry | wall ms | CPU ms |\n|---|---|---|")
	for _, e := range f.steps {
		fmt.Fprintf(out, "| %s | %s | %s |\n", e.what, ms(e.wall), ms(e.cpu))
	}
}
