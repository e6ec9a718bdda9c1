package ingest

import (
	"testing"

	"github.com/entente/entente"
)

// sizedStore is a store that asks for groups of its own size.
type sizedStore struct {
	entente.Store
	size int
}

func (s sizedStore) BatchGroupSize() int { return s.size }

// TestGroupSizeFromStore: a batch writes groups of the Ingester's size if
// it has one, else of the store's, else of DefaultGroupSize.
func TestGroupSizeFromStore(t *testing.T) {
	tests := []struct {
		name  string
		group int // the Ingester's GroupSize
		store entente.Store
		want  int
	}{
		{"default", 0, nil, DefaultGroupSize},
		{"the store's", 0, sizedStore{size: 96}, 96},
		{"a store without one", 0, sizedStore{size: 0}, DefaultGroupSize},
		{"the ingester's first", 4, sizedStore{size: 96}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := &Ingester{Store: tt.store, GroupSize: tt.group}
			if got := in.groupSize(); got != tt.want {
				t.Errorf("groupSize() = %d, want %d", got, tt.want)
			}
		})
	}
}
