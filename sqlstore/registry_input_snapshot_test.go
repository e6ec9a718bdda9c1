package sqlstore_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/entente/entente/sqlstore"
)

// TestRegistryInputSnapshotOfThisSchema: the snapshot of the registry's
// input is kept in place of the last, and is not given back once the
// schema moved past the one it was read from (a migration may change what
// the registry reads) or another reading of the library wrote it.
func TestRegistryInputSnapshotOfThisSchema(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		if _, found, err := s.RegistryInputSnapshot(ctx); err != nil || found {
			t.Fatalf("a new store's snapshot: found %v (%v)", found, err)
		}
		for _, data := range [][]byte{[]byte("first"), []byte("second")} {
			if err := s.SaveRegistryInputSnapshot(ctx, data); err != nil {
				t.Fatal(err)
			}
			got, found, err := s.RegistryInputSnapshot(ctx)
			if err != nil || !found || !bytes.Equal(got, data) {
				t.Fatalf("read back %q, %v (%v), want %q", got, found, err, data)
			}
		}
		if _, err := s.DB().ExecContext(ctx, `UPDATE registry_input_snapshot SET logic = 'registry-input-0'`); err != nil {
			t.Fatal(err)
		}
		if _, found, err := s.RegistryInputSnapshot(ctx); err != nil || found {
			t.Errorf("a snapshot of another reading: found %v (%v)", found, err)
		}
		if err := s.SaveRegistryInputSnapshot(ctx, []byte("third")); err != nil {
			t.Fatal(err)
		}
		if _, err := s.DB().ExecContext(ctx, `UPDATE registry_input_snapshot SET schema_version = schema_version - 1`); err != nil {
			t.Fatal(err)
		}
		if _, found, err := s.RegistryInputSnapshot(ctx); err != nil || found {
			t.Errorf("a snapshot of an older schema: found %v (%v)", found, err)
		}
	})
}
