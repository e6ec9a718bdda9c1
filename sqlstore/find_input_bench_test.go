package sqlstore_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/entente/entente"
)

// BenchmarkFindInput looks an input up as a batch does every input
// (FindInput, one statement): a new one (neither its bytes nor its text
// stored, no near-duplicate sketch) and a known text from other bytes,
// among 200 stored plain-text uploads, whose texts are their blobs.
func BenchmarkFindInput(b *testing.B) {
	for _, st := range stores {
		b.Run(st.name, func(b *testing.B) {
			s := st.open(b)
			ctx := context.Background()
			base := corpusDoc(b, statement)
			var texts []string
			for i := range 200 {
				nd := *base
				nd.Text = base.Text + strconv.Itoa(i)
				nd.Original = []byte(nd.Text)
				nd.TextSHA256 = ""
				if _, err := s.CreateDocument(ctx, &nd); err != nil {
					b.Fatal(err)
				}
				texts = append(texts, sha256Hex([]byte(nd.Text)))
			}
			unknown := sha256Hex([]byte("bytes never stored"))
			for _, c := range []struct {
				name  string
				text  func(i int) string
				found bool
			}{
				{"new", func(i int) string { return sha256Hex([]byte(strconv.Itoa(i))) }, false},
				{"known text", func(i int) string { return texts[i%len(texts)] }, true},
			} {
				b.Run(c.name, func(b *testing.B) {
					i := 0
					for b.Loop() {
						i++
						var exact *entente.Version
						var err error
						if _, exact, _, err = s.FindInput(ctx, unknown, c.text(i), nil); err != nil {
							b.Fatal(err)
						}
						if (exact != nil) != c.found {
							b.Fatalf("found %v, want %v", exact != nil, c.found)
						}
					}
				})
			}
		})
	}
}
