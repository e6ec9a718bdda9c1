package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/entente/entente"
	"github.com/entente/entente/export"
	"github.com/entente/entente/tracking"
)

// datasetFlags describe a dataset release.
type datasetFlags struct {
	title, publisher, vocabulary string
}

func (d *datasetFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&d.title, "title", "Entente dataset of commitments in diplomatic statements", "with --dataset: the release's title")
	cmd.Flags().StringVar(&d.publisher, "publisher", "", "with --dataset: who publishes it, for the citation (default: who exports)")
	vocabularyFlag(cmd, &d.vocabulary)
}

// writeDataset writes a release of the whole library into dir: documents
// and sentences (labels as corrected) as the library lists them, the
// commitments as the table does, each a page at a time.
func writeDataset(cmd *cobra.Command, tr *tracking.Tracker, st store, dir string, f *datasetFlags) error {
	ctx := cmd.Context()
	v, err := entente.FindVocabulary(f.vocabulary)
	if err != nil {
		return err
	}
	by := entente.ActorFromContext(ctx)
	publisher := f.publisher
	if publisher == "" {
		publisher = by.Name
	}
	src := export.DatasetSource{
		Documents: func(ctx context.Context, offset, limit int) ([]entente.StoredDocument, error) {
			return st.Documents(ctx, entente.DocumentFilter{Offset: offset, Limit: limit})
		},
		Sentences: func(ctx context.Context, offset, limit int) ([]entente.SearchHit, error) {
			return st.Search(ctx, entente.SearchQuery{Offset: offset, Limit: limit})
		},
		Commitments: commitmentPages(tr, entente.CommitmentFilter{}, false),
	}
	d := export.Dataset{Title: f.title, Publisher: publisher, Vocabulary: v,
		About: export.About{What: "dataset", Filters: export.FilterList("vocabulary", f.vocabulary), At: time.Now(), By: by}}
	counts, err := export.WriteDataset(ctx, dir, src, d)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(cmd.OutOrStdout(), "%s: %d documents, %d sentences, %d labels, %d commitments, %d statuses, %d evidence items\n%s\n",
		dir, counts["documents"], counts["sentences"], counts["labels"], counts["commitments"], counts["statuses"], counts["evidence"], d.Citation(counts))
	return err
}
