package sqlstore_test

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
)

// TestSectionsOnVersionsCarryData: the sections of a version written
// before migration 0033 (rows of the sections table) read as they were
// before the store opens with this binary, are moved onto the version's
// row when it opens (the table left empty), and read the same after; and
// a dump as a binary before 0033 wrote it (section rows, no column)
// restores into a new store with its sections on the version.
func TestSectionsOnVersionsCarryData(t *testing.T) {
	want := []entente.Section{{ID: "preamble"}, {ID: "1", Heading: "第一条", Title: "一、政治互信"},
		{ID: "2", Heading: "tab\there", Title: `back\slash`}, {ID: ""}}
	for _, st := range carryStores(t) {
		t.Run(st.name, func(t *testing.T) {
			ctx := context.Background()
			db := st.old(t, "0033")
			now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
			var doc, ver int64
			doc = oldDocument(t, db, now)
			if err := db.QueryRowContext(ctx, `INSERT INTO versions (document_id, language, text_sha256, text, extractor, created_at)
				VALUES ($1, 'zh', 'abc', '双方将加强合作。', 'old', $2) RETURNING id`, doc, now).Scan(&ver); err != nil {
				t.Fatal(err)
			}
			// in reverse order: the carry orders by position
			for i := len(want) - 1; i >= 0; i-- {
				c := want[i]
				if _, err := db.ExecContext(ctx, `INSERT INTO sections (version_id, position, section, heading, title) VALUES ($1, $2, $3, $4, $5)`,
					ver, i, c.ID, c.Heading, c.Title); err != nil {
					t.Fatal(err)
				}
			}
			db.Close()

			s := st.open(t)
			read := func(t *testing.T, s interface {
				Document(context.Context, int64) (*entente.StoredDocument, error)
			}) {
				t.Helper()
				d, err := s.Document(ctx, doc)
				if err != nil {
					t.Fatal(err)
				}
				if d.Extraction == nil || !reflect.DeepEqual(d.Extraction.Sections, want) {
					t.Errorf("sections read %#v, want %#v", d.Extraction, want)
				}
			}
			read(t, s)
			if n := count(t, s, "sections"); n != 0 {
				t.Errorf("%d section rows left after opening", n)
			}
			var packed *string
			if err := s.DB().QueryRowContext(ctx, `SELECT sections FROM versions WHERE id = $1`, ver).Scan(&packed); err != nil || packed == nil {
				t.Errorf("the version's sections: %v, %v", packed, err)
			}
			fresh := openSQLite(t)
			if st.name == "postgres" {
				fresh = openPostgres(t)
			}
			restore(t, fresh, dumpBeforeSectionsOnVersions(t, dump(t, s), want))
			read(t, fresh)
			if n := count(t, fresh, "sections"); n != 0 {
				t.Errorf("%d section rows left after the restore", n)
			}
		})
	}
}

// dumpBeforeSectionsOnVersions rewrites a dump as a binary before
// migration 0033 would have written it: each version's sections as rows
// of the sections table, no versions.sections column (the one version
// with sections has cs).
func dumpBeforeSectionsOnVersions(t *testing.T, b []byte, cs []entente.Section) []byte {
	t.Helper()
	files := dumpFiles(t, b)
	m, versionsFile, at := olderDumpTable(t, files, 32, "versions", "sections")
	sectionsFile := dumpTableFile(m, "sections")
	if sectionsFile == "" {
		t.Fatal("the dump has no sections table")
	}
	var versions, sections []byte
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(files[versionsFile]), "\n") {
		var row []json.RawMessage
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatal(err)
		}
		var packed *string
		if err := json.Unmarshal(row[at["sections"]], &packed); err != nil {
			t.Fatal(err)
		}
		if packed != nil && *packed != "" {
			for i, c := range cs {
				out, _ := json.Marshal([]any{row[at["id"]], i, c.ID, c.Heading, c.Title})
				sections = append(append(sections, out...), '\n')
				n++
			}
		}
		kept := append(append([]json.RawMessage{}, row[:at["sections"]]...), row[at["sections"]+1:]...)
		out, _ := json.Marshal(kept)
		versions = append(append(versions, out...), '\n')
	}
	if n == 0 {
		t.Fatal("no sections to write as rows")
	}
	files[versionsFile], files[sectionsFile] = string(versions), string(sections)
	for _, ti := range m["tables"].([]any) {
		if info := ti.(map[string]any); info["name"] == "sections" {
			info["rows"] = n
		}
	}
	manifest, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	files["manifest.json"] = string(manifest)
	return zipFiles(t, files)
}
