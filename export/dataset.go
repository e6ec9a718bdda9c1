package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/entente/entente"
)

// A dataset release: every document, sentence, label, commitment, status
// and evidence item of a library as CSV and JSON, with a codebook and a
// citation line, the way AidData and DESTA publish theirs.

// LabelsTable is every label of every sentence, one row per value, with
// the rule and the words that gave it.
var LabelsTable = Table{Name: "labels", Columns: []Column{
	{Name: "document_id", Kind: Int},
	{Name: "sentence", Kind: Text},
	{Name: "label", Kind: Text},
	{Name: "value", Kind: Text, Width: 30},
	{Name: "rule", Kind: Text, Width: 20},
	{Name: "cue", Kind: Text, Width: 20},
}}

// LabelRows are a sentence's labels, one row per value: its type, its
// strength, each actor, area, reference, mechanism and project, and its
// deadline; each with the extractor's rule when one gave that value.
func LabelRows(h *entente.SearchHit) [][]any {
	s := &h.Sentence
	r := &s.Rationale
	var rows [][]any
	add := func(label, value string, cue *entente.Cue) {
		var rule, words any
		if cue != nil {
			rule, words = cue.Rule, cue.Text
		}
		rows = append(rows, []any{h.DocumentID, s.ID, label, value, rule, words})
	}
	add("type", string(s.Type), r.Type)
	if s.Strength != "" {
		add("strength", string(s.Strength), r.Strength)
	}
	for _, a := range s.Actors {
		var cue *entente.Cue
		for i := range r.Actors {
			if r.Actors[i].Party == a {
				cue = &r.Actors[i].Cue
				break
			}
		}
		add("actor", a, cue)
	}
	for _, a := range s.Areas {
		var cue *entente.Cue
		for i := range r.Areas {
			if r.Areas[i].Area == a {
				cue = &r.Areas[i].Cue
				break
			}
		}
		add("area", a, cue)
	}
	if s.Deadline != nil {
		cue := r.Deadline
		if cue != nil && cue.Text != *s.Deadline {
			cue = nil // corrected: the rule read something else
		}
		add("deadline", *s.Deadline, cue)
	}
	named := func(label string, values []string, cues []entente.Cue) {
		for _, v := range values {
			var cue *entente.Cue
			for i := range cues {
				if cues[i].Text == v {
					cue = &cues[i]
					break
				}
			}
			add(label, v, cue)
		}
	}
	named("reference", s.References, r.References)
	named("mechanism", s.Mechanisms, r.Mechanisms)
	named("project", s.Projects, r.Projects)
	return rows
}

// DatasetSource reads what a release holds: the documents and the
// sentences (labels as corrected) a page at a time, and the commitments.
type DatasetSource struct {
	Documents   func(ctx context.Context, offset, limit int) ([]entente.StoredDocument, error)
	Sentences   func(ctx context.Context, offset, limit int) ([]entente.SearchHit, error)
	Commitments CommitmentSource
}

// Dataset is how a release is described: its title, who publishes it
// (the citation's author), what it was made with, and the scale statuses
// are also given in.
type Dataset struct {
	Title      string
	Publisher  string
	About      About
	Vocabulary *entente.Vocabulary
}

// Citation is the release's citation line.
func (d *Dataset) Citation(counts map[string]int) string {
	return fmt.Sprintf("%s (%d). %s [Data set], release of %s: %d documents, %d sentences, %d commitments. Made with Entente.",
		d.Publisher, d.About.At.UTC().Year(), d.Title, d.About.At.UTC().Format(time.DateOnly),
		counts["documents"], counts["sentences"], counts["commitments"])
}

// WriteDataset writes a release into dir, which must not exist or be
// empty: it is written beside, in a folder of its own, and renamed into
// place when complete, so that a failed release leaves nothing. It
// returns the rows of each table.
func WriteDataset(ctx context.Context, dir string, src DatasetSource, d Dataset) (map[string]int, error) {
	dir = filepath.Clean(dir)
	if entries, err := os.ReadDir(dir); err == nil {
		if len(entries) > 0 {
			return nil, entente.Errorf(entente.EINVALID, "%s is not empty: a release is written into a new folder", dir)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".*")
	if err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	defer os.RemoveAll(tmp)
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}

	v := d.Vocabulary
	counts := map[string]int{}
	var files []codebookFile
	table := func(t Table, write func(tw TableWriter) error) error {
		n, err := writeBoth(ctx, tmp, t, d.About, write)
		if err != nil {
			return fmt.Errorf("dataset: %s: %w", t.Name, err)
		}
		counts[t.Name] = n
		f, err := codebookOf(t, v, n)
		if err != nil {
			return err
		}
		files = append(files, f)
		return nil
	}
	sentences := func(each func(h *entente.SearchHit, tw TableWriter) error) func(tw TableWriter) error {
		return func(tw TableWriter) error {
			return Pages(0, 0, func(offset, limit int) (int, error) {
				hs, err := src.Sentences(ctx, offset, limit)
				for i := range hs {
					if err := each(&hs[i], tw); err != nil {
						return 0, err
					}
				}
				return len(hs), err
			})
		}
	}
	steps := []func() error{
		func() error {
			return table(DocumentsTable, func(tw TableWriter) error {
				return Pages(0, 0, func(offset, limit int) (int, error) {
					ds, err := src.Documents(ctx, offset, limit)
					for i := range ds {
						if err := tw.Row(DocumentRow(&ds[i])); err != nil {
							return 0, err
						}
					}
					return len(ds), err
				})
			})
		},
		func() error {
			return table(SentencesTable(false), sentences(func(h *entente.SearchHit, tw TableWriter) error { return tw.Row(HitRow(h, false)) }))
		},
		func() error {
			return table(LabelsTable, sentences(func(h *entente.SearchHit, tw TableWriter) error {
				for _, r := range LabelRows(h) {
					if err := tw.Row(r); err != nil {
						return err
					}
				}
				return nil
			}))
		},
		func() error {
			return table(CommitmentsTableFor(v), func(tw TableWriter) error {
				return writeCommitmentRows(ctx, tw, src.Commitments, 0, 0, v)
			})
		},
		func() error {
			return table(StatusesTableFor(v), func(tw TableWriter) error {
				return writeStatusRows(ctx, tw, src.Commitments, 0, 0, v)
			})
		},
		func() error {
			return table(EvidenceTable, func(tw TableWriter) error {
				return writeEvidenceRows(ctx, tw, src.Commitments, 0, 0)
			})
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	citation := d.Citation(counts)
	for name, write := range map[string]func(io.Writer) error{
		"codebook.md":   func(w io.Writer) error { return writeCodebookMarkdown(w, d.Title, citation, d.About, files) },
		"codebook.json": func(w io.Writer) error { return writeCodebookJSON(w, d.Title, citation, d.About, files) },
		"CITATION.txt":  func(w io.Writer) error { _, err := io.WriteString(w, citation+"\n"); return err },
	} {
		if err := writeFile(filepath.Join(tmp, name), write); err != nil {
			return nil, err
		}
	}
	if err := os.Remove(dir); err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		return nil, fmt.Errorf("dataset: %w", err)
	}
	return counts, nil
}

// writeBoth writes one table as NAME.csv and NAME.json in dir at once,
// each row to both as it is read; it returns the rows written.
func writeBoth(ctx context.Context, dir string, t Table, about About, write func(tw TableWriter) error) (int, error) {
	var outs []*os.File
	defer func() {
		for _, f := range outs {
			f.Close()
		}
	}()
	tee := &teeWriter{}
	for _, format := range []string{"csv", "json"} {
		f, err := os.Create(filepath.Join(dir, t.Name+"."+format))
		if err != nil {
			return 0, err
		}
		outs = append(outs, f)
		a := about
		a.What = t.Name
		tw, err := NewTableWriter(format, f, a)
		if err != nil {
			return 0, err
		}
		tee.ws = append(tee.ws, tw)
	}
	if err := tee.Begin(t); err != nil {
		return 0, err
	}
	if err := write(tee); err != nil {
		return 0, err
	}
	if err := tee.Close(); err != nil {
		return 0, err
	}
	for _, f := range outs {
		if err := f.Close(); err != nil {
			return 0, err
		}
	}
	outs = nil
	return tee.rows, nil
}

// teeWriter writes each table and row to several writers.
type teeWriter struct {
	ws   []TableWriter
	rows int
}

func (t *teeWriter) Begin(tb Table) error {
	for _, w := range t.ws {
		if err := w.Begin(tb); err != nil {
			return err
		}
	}
	return nil
}

func (t *teeWriter) Row(values []any) error {
	for _, w := range t.ws {
		if err := w.Row(values); err != nil {
			return err
		}
	}
	t.rows++
	return nil
}

func (t *teeWriter) Close() error {
	for _, w := range t.ws {
		if err := w.Close(); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("dataset: %w", err)
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("dataset: %w", err)
	}
	return nil
}
