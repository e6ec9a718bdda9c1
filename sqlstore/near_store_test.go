package sqlstore_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestNearVersionsFromSketches: on both stores (PostgreSQL keeps a
// version's sketch as one array since migration 0033, SQLite a row per
// hash), a republication of a stored statement (a dateline before, a
// footer after) finds the stored version by its sketch, an unrelated text
// finds nothing, a restored dump finds it too, and a deleted document's
// sketch goes with it.
func TestNearVersionsFromSketches(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := t.Context()
		d := corpusDoc(t, statement)
		id := mustCreate(t, s, d)
		other := corpusDoc(t, "cn-ae-2019-joint-statement.zh.txt")
		otherID := mustCreate(t, s, other)
		cases := []struct {
			name string
			text string
			want []int64 // documents
		}{
			{"a republication", "新华社北京电\n" + d.Text + "\n（完）\n", []int64{id}},
			{"the other statement", other.Text + "\n责任编辑：王某\n", []int64{otherID}},
			{"an unrelated text", "这是一段与任何已存声明都无关的文字，讲的是天气和农业收成的情况，没有任何外交内容。", nil},
		}
		// NearVersionsWritten (a batch's writer, through the writing
		// connection on SQLite) finds the same, prepared or not (twice)
		looks := map[string]func(context.Context, []int64) ([]entente.Version, error){
			"NearVersions": s.NearVersions, "NearVersionsWritten": s.NearVersionsWritten,
		}
		for range 2 {
			for _, c := range cases {
				var first []entente.Version
				for name, look := range looks {
					vs, err := look(ctx, entente.NearSketch(c.text))
					if err != nil {
						t.Fatalf("%s: %s: %v", c.name, name, err)
					}
					var got []int64
					for _, v := range vs {
						got = append(got, v.DocumentID)
					}
					if len(got) != len(c.want) || (len(got) > 0 && got[0] != c.want[0]) {
						t.Errorf("%s: %s: near versions of documents %v, want %v", c.name, name, got, c.want)
					}
					if first != nil && !reflect.DeepEqual(vs, first) {
						t.Errorf("%s: %s gives %+v, the other %+v", c.name, name, vs, first)
					}
					first = vs
				}
			}
		}
		// a dump leaves the sketches out; a restore computes them again
		fresh := openSQLite(t)
		if s.Dialect().Name() == "postgres" {
			fresh = openPostgres(t)
		}
		restore(t, fresh, dump(t, s))
		if vs, err := fresh.NearVersions(ctx, entente.NearSketch(cases[0].text)); err != nil || len(vs) != 1 || vs[0].DocumentID != id {
			t.Errorf("after a restore, the republication finds %+v, %v", vs, err)
		}
		if err := s.DeleteDocument(ctx, id); err != nil {
			t.Fatal(err)
		}
		if vs, err := s.NearVersions(ctx, entente.NearSketch(d.Text)); err != nil || len(vs) != 0 {
			t.Errorf("after the delete: %+v, %v", vs, err)
		}
	})
}
