package extract

import (
	"testing"
)

func newTestExtractor(t testing.TB) *Extractor {
	t.Helper()
	x, err := New("zh")
	if err != nil {
		t.Fatal(err)
	}
	return x
}
