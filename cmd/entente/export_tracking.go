package main

import (
	"context"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/entente/entente"
	"github.com/entente/entente/export"
	"github.com/entente/entente/tracking"
)

// commitmentFilterList names the filters of a commitments export or a
// scorecard's, for the About sheet and the JSON's about.
func commitmentFilterList(f entente.CommitmentFilter, upcoming bool) []export.Filter {
	up := ""
	if upcoming {
		up = "true"
	}
	overdue := ""
	if f.Overdue {
		overdue = "true"
	}
	doc := ""
	if f.Document != 0 {
		doc = strconv.FormatInt(f.Document, 10)
	}
	return export.FilterList("doc", doc, "party", f.Party, "pair", strings.Join(f.Pair, ","), "area", f.Area,
		"strength", string(f.Strength), "status", string(f.Status), "overdue", overdue, "upcoming", up,
		"due_before", f.DueBefore, "due_after", f.DueAfter, "from", f.From, "to", f.To, "sort", f.Sort,
		"limit", strconv.Itoa(f.Limit), "offset", strconv.Itoa(f.Offset))
}

// commitmentPages reads the commitments table as filtered and sorted, a
// page at a time, through the tracker (the table's own path).
func commitmentPages(tr *tracking.Tracker, f entente.CommitmentFilter, upcoming bool) export.CommitmentSource {
	return export.CommitmentSource{
		Page: func(ctx context.Context, offset, limit int) ([]entente.TrackedCommitment, error) {
			page := f
			page.Offset, page.Limit = offset, limit
			var p *tracking.Page
			var err error
			if upcoming {
				p, err = tr.Upcoming(ctx, page)
			} else {
				p, err = tr.Commitments(ctx, page)
			}
			if err != nil {
				return nil, err
			}
			return p.Commitments, nil
		},
		Evidence: tr.Store.Evidence,
	}
}

func newExportCommitmentsCommand() *cobra.Command {
	var (
		f     exportFlags
		cf    commitmentFlags
		vocab string
	)
	cmd := &cobra.Command{
		Use:   "commitments",
		Short: "Export the commitments table as filtered and sorted, with each party's status and the evidence",
		Args:  cobra.NoArgs,
		RunE: trackerRunE(&f.dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
			filter := cf.filter()
			v, err := entente.FindVocabulary(vocab)
			if err != nil {
				return err
			}
			if filter.Limit < 0 || filter.Offset < 0 {
				return entente.Errorf(entente.EINVALID, "--limit and --offset must not be negative")
			}
			// the filter is checked before any file is made
			check := filter
			check.Limit, check.Offset = 1, 0
			if _, err := tr.Commitments(cmd.Context(), check); err != nil {
				return err
			}
			filters := append(commitmentFilterList(filter, cf.upcoming), export.FilterList("vocabulary", vocab)...)
			return exportTables(cmd, &f, "commitments", filters, func(ctx context.Context, tw export.TableWriter) error {
				return export.WriteCommitments(ctx, tw, commitmentPages(tr, filter, cf.upcoming), filter.Offset, filter.Limit, v)
			})
		}),
	}
	f.add(cmd, export.Formats)
	cf.add(cmd, true, 0)
	vocabularyFlag(cmd, &vocab)
	return cmd
}

func newExportScorecardCommand() *cobra.Command {
	var (
		f     exportFlags
		cf    commitmentFlags
		vocab string
	)
	cmd := &cobra.Command{
		Use:   "scorecard",
		Short: "Export a scorecard: the set as it stands, then at the end of each month in which a status changed",
		Args:  cobra.NoArgs,
		RunE: trackerRunE(&f.dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
			filter := cf.filter()
			v, err := entente.FindVocabulary(vocab)
			if err != nil {
				return err
			}
			sc, err := tr.Scorecard(cmd.Context(), filter)
			if err != nil {
				return err
			}
			filters := append(commitmentFilterList(filter, false), export.FilterList("vocabulary", vocab)...)
			return exportTables(cmd, &f, "scorecard", filters, func(ctx context.Context, tw export.TableWriter) error {
				return export.WriteScorecard(tw, sc, v)
			})
		}),
	}
	f.add(cmd, export.Formats)
	cf.add(cmd, false, 0)
	vocabularyFlag(cmd, &vocab)
	return cmd
}

// vocabularyFlag declares --vocabulary: the scale statuses are also given in.
func vocabularyFlag(cmd *cobra.Command, vocab *string) {
	var names []string
	for _, v := range entente.Vocabularies() {
		names = append(names, v.Code+" ("+v.Name+")")
	}
	cmd.Flags().StringVar(vocab, "vocabulary", "", "also give statuses on this scale: "+strings.Join(names, ", "))
}
