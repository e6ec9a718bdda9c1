package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente/internal/cputime"
)

// BenchmarkExtract measures extraction of a whole development statement:
// MB/s is per core (the benchmark runs on one goroutine); cpu-MB/s is the
// same over the CPU time the process spent, which a loaded machine does not
// inflate (run with -cpu 1).
func BenchmarkExtract(b *testing.B) {
	x := newTestExtractor(b)
	for _, name := range developmentStatements {
		text, err := os.ReadFile(filepath.Join(corpusDir, name+".zh.txt"))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			start := cputime.Process()
			for b.Loop() {
				x.Extract(string(text))
			}
			cputime.Report(b, start, int64(len(text)))
		})
	}
}

// BenchmarkNew measures building an extractor (loading the tables and
// building the automata), which a process does once.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New("zh"); err != nil {
			b.Fatal(err)
		}
	}
}

// genClauses are clauses of the genre in our own wording, with parties,
// cue words, areas, titles, quotes and entity heads, so that every rule
// has work to do on generated text.
var genClauses = []string{
	"双方将加强经贸和投资合作", "中方愿同塞方深化基础设施领域合作", "支持两国企业参与中塞友好产业园建设",
	"双方高度评价《中塞经济合作协定》签署以来取得的成果", "强调应维护以联合国为核心的国际体系",
	"推动“一带一路”倡议同塞尔维亚发展规划对接", "并于2027年前完成联合可行性研究", "鼓励两国高校和智库开展交流",
	"将两国关系提升为全面战略伙伴关系", "应塞方邀请", "相互支持对方维护国家主权和领土完整的努力",
}

// genText builds n bytes or a little more of generated statement text: one
// long sentence (clauses joined by ，) or many sentences (each of four
// clauses ending in 。).
func genText(n int, oneSentence bool) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(genClauses[i%len(genClauses)])
		switch {
		case oneSentence || i%4 != 3:
			b.WriteString("，")
		default:
			b.WriteString("。\n")
		}
	}
	b.WriteString("。")
	return b.String()
}

// BenchmarkExtractSize shows that extraction grows linearly with its input,
// for one long sentence and for many sentences: ns/op should grow tenfold
// from one size to the next, and MB/s stay level.
func BenchmarkExtractSize(b *testing.B) {
	x := newTestExtractor(b)
	for _, shape := range []struct {
		name string
		one  bool
	}{{"one-sentence", true}, {"sentences", false}} {
		for _, size := range []struct {
			name string
			n    int
		}{{"10KB", 10 << 10}, {"100KB", 100 << 10}, {"1MB", 1 << 20}} {
			text := genText(size.n, shape.one)
			b.Run(shape.name+"/"+size.name, func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				start := cputime.Process()
				for b.Loop() {
					if _, err := x.ExtractContext(context.Background(), text); err != nil {
						b.Fatal(err)
					}
				}
				cputime.Report(b, start, int64(len(text)))
			})
		}
	}
}
