package export

import (
	"context"
	"io"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/entente/entente"
)

// heapPeak samples the heap in use every 5 ms until stop is called, which
// returns the most seen (with one last sample): the peak includes what a
// writer holds while it closes, which row-time samples would miss.
func heapPeak() (stop func() uint64) {
	done := make(chan struct{})
	result := make(chan uint64)
	go func() {
		var peak uint64
		var ms runtime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-done:
				result <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return func() uint64 { close(done); return <-result }
}

// BenchmarkListExport writes sentences a row at a time in each format:
// B/op is the memory allocated per row, and peak-MB the most the heap
// held while 100,000 rows streamed and the file closed (every format
// writes rows as they come: the peak must not grow with -benchtime).
func BenchmarkListExport(b *testing.B) {
	deadline := "2030-12-31"
	hit := entente.SearchHit{DocumentID: 12345, DocumentTitle: "中华人民共和国和塞尔维亚共和国关于深化和提升全面战略伙伴关系的联合声明",
		SignedDate: "2024-05-08", Language: "zh", Section: "12",
		Sentence: entente.Sentence{ID: "s40", Type: entente.Commitment, Strength: entente.Firm, Actors: []string{"CN", "RS"},
			Areas: []string{"trade", "investment"}, Deadline: &deadline,
			Text: "双方同意加强在贸易、投资、基础设施建设和新能源等领域的合作，推动两国务实合作提质升级，早日完成自由贸易协定的各项工作。"}}
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			tw, err := NewTableWriter(format, io.Discard, About{What: "sentences", At: time.Now()})
			if err != nil {
				b.Fatal(err)
			}
			if err := tw.Begin(SentencesTable(false)); err != nil {
				b.Fatal(err)
			}
			stop := heapPeak()
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				hit.Sentence.ID = "s" + strconv.Itoa(i)
				if err := tw.Row(HitRow(&hit, false)); err != nil {
					b.Fatal(err)
				}
			}
			if err := tw.Close(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(stop())/(1<<20), "peak-MB")
		})
	}
}

// BenchmarkCommitmentsExport writes b.N commitments (two parties each,
// every tenth with a status and an evidence item) through WriteCommitments
// as the exports do, read a page at a time from a source that makes them
// as asked: B/op is the memory allocated per commitment (an XLSX writes
// three sheets: commitments, statuses, evidence), peak-MB the most the
// heap held while they streamed.
func BenchmarkCommitmentsExport(b *testing.B) {
	deadline := "2030年底前"
	make1 := func(i int) entente.TrackedCommitment {
		c := entente.TrackedCommitment{DocumentID: int64(i/40 + 1), DocumentTitle: "中华人民共和国和塞尔维亚共和国关于深化和提升全面战略伙伴关系的联合声明",
			SignedDate: "2024-05-08", Parties: []string{"CN", "RS"},
			Sentence: entente.Sentence{ID: "s" + strconv.Itoa(i%40+1), Section: "3", Type: entente.Commitment, Strength: entente.Firm,
				Actors: []string{"CN", "RS"}, Areas: []string{"trade", "infrastructure"}, Deadline: &deadline,
				Text: "双方同意加强在贸易、投资、基础设施建设和新能源等领域的合作，推动两国务实合作提质升级，早日完成自由贸易协定的各项工作。"},
			Due:      &entente.Due{Date: "2030-12-31", Precision: entente.PrecisionYear},
			Statuses: []entente.PartyStatus{{Party: "CN", Status: entente.NotRated}, {Party: "RS", Status: entente.NotRated}}}
		if i%10 == 0 {
			c.ID = int64(i + 1)
			c.Statuses[0] = entente.PartyStatus{Party: "CN", Status: entente.InProgress, EvidenceID: int64(i + 1), Why: "works began",
				Actor: "analyst", UpdatedAt: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
		}
		return c
	}
	g7, _ := entente.FindVocabulary("g7")
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			src := CommitmentSource{
				Page: func(_ context.Context, offset, limit int) ([]entente.TrackedCommitment, error) {
					cs := make([]entente.TrackedCommitment, 0, limit)
					for i := offset; i < offset+limit && i < b.N; i++ {
						cs = append(cs, make1(i))
					}
					return cs, nil
				},
				Evidence: func(_ context.Context, a entente.Anchor) ([]entente.Evidence, error) {
					return []entente.Evidence{{ID: 1, Title: "Ministry of Commerce: works began", URL: "https://example.org/news/1",
						EventDate: "2025-03-01", Official: true, AddedBy: "analyst", AddedAt: time.Date(2025, 3, 2, 0, 0, 0, 0, time.UTC)}}, nil
				},
			}
			tw, err := NewTableWriter(format, io.Discard, About{What: "commitments", At: time.Now()})
			if err != nil {
				b.Fatal(err)
			}
			stop := heapPeak()
			b.ReportAllocs()
			b.ResetTimer()
			if err := WriteCommitments(context.Background(), tw, src, 0, b.N, g7); err != nil {
				b.Fatal(err)
			}
			if err := tw.Close(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(stop())/(1<<20), "peak-MB")
		})
	}
}
