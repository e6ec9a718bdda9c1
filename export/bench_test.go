package export

import (
	"io"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/entente/entente"
)

// BenchmarkListExport writes sentences a row at a time in each format:
// B/op is the memory allocated per row, and peak-MB the most the heap
// held while 100,000 rows streamed (excelize's stream writer keeps rows
// in a temporary file, not in memory).
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
			var peak uint64
			var ms runtime.MemStats
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				hit.Sentence.ID = "s" + strconv.Itoa(i)
				if err := tw.Row(HitRow(&hit, false)); err != nil {
					b.Fatal(err)
				}
				if i%10000 == 0 {
					runtime.ReadMemStats(&ms)
					peak = max(peak, ms.HeapInuse)
				}
			}
			if err := tw.Close(); err != nil {
				b.Fatal(err)
			}
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
		})
	}
}
