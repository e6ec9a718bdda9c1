package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/entente/entente"
)

// applyNameCorrections applies the analysts' approved corrections of a
// sentence's references, mechanisms and projects to the registry's input:
// a name the corrected list of its sentence leaves out is no mention there,
// and a name left with no sentence is no item, so that a name an analyst
// struck is in no entry; and a name the corrected list adds, which no item
// of the sentence has, is an item of its own (with no row: SaveRegistry
// keeps its sentences in registry_added_names), so that it joins its entry
// as any mention does.
func applyNameCorrections(ctx context.Context, tx *sql.Tx, in *entente.RegistryInput) error {
	type key struct {
		version int64
		label   string
		kind    entente.RegistryKind
	}
	kindOf := map[string]entente.RegistryKind{"references": entente.RegInstrument, "mechanisms": entente.RegMechanism, "projects": entente.RegProject}
	type version struct {
		doc  int64
		lang string
	}
	kept := map[key]map[string]bool{}
	written := map[key][]string{} // the corrected list as written
	var order []key
	versions := map[int64]version{}
	err := queryRows(ctx, tx, `SELECT k.field, k.value, s.version_id, s.label, v.document_id, v.language
		FROM corrections k JOIN sentences s ON s.version_id = k.version_id AND s.section = k.section
			AND `+anchorSQL("s")+` = k.text_sha256 AND s.occurrence = k.occurrence
		JOIN versions v ON v.id = k.version_id
		WHERE k.field IN ('references', 'mechanisms', 'projects') AND k.state = 'approved' AND k.withdrawn_at IS NULL
		ORDER BY k.id`, nil, func(rows *sql.Rows) error {
		var field, value, label, lang string
		var ver, doc int64
		if err := rows.Scan(&field, &value, &ver, &label, &doc, &lang); err != nil {
			return err
		}
		var names []string
		if err := json.Unmarshal([]byte(value), &names); err != nil {
			return fmt.Errorf("corrected %s of %s: %w", field, label, err)
		}
		set := map[string]bool{}
		for _, n := range names {
			set[entente.NameKey(n)] = true
		}
		k := key{ver, label, kindOf[field]}
		if _, ok := kept[k]; !ok {
			order = append(order, k)
		}
		kept[k], written[k] = set, names // a later correction replaces an earlier one
		versions[ver] = version{doc, lang}
		return nil
	})
	if err != nil || len(kept) == 0 {
		return err
	}
	// the names each corrected sentence has through the extractor's items
	have := map[key]map[string]bool{}
	for _, it := range in.Items {
		for _, label := range it.Sentences {
			k := key{it.VersionID, label, it.Kind}
			if _, ok := kept[k]; !ok {
				continue
			}
			if have[k] == nil {
				have[k] = map[string]bool{}
			}
			have[k][entente.NameKey(it.Name)] = true
		}
	}
	// the names added: one item per version, kind and name, with every
	// sentence of the version it was added to
	type added struct {
		version int64
		kind    entente.RegistryKind
		name    string
	}
	addedAt := map[added]int{}
	var extra []entente.RegistryItem
	for _, k := range order {
		for _, n := range written[k] {
			n = strings.TrimSpace(n)
			nk := entente.NameKey(n)
			if nk == "" || have[k][nk] {
				continue
			}
			if have[k] == nil {
				have[k] = map[string]bool{}
			}
			have[k][nk] = true
			a := added{k.version, k.kind, nk}
			if i, ok := addedAt[a]; ok {
				extra[i].Sentences = append(extra[i].Sentences, k.label)
				continue
			}
			v := versions[k.version]
			addedAt[a] = len(extra)
			extra = append(extra, entente.RegistryItem{Kind: k.kind, Name: n, VersionID: k.version, DocumentID: v.doc,
				Language: v.lang, Sentences: []string{k.label}, Bracketed: strings.ContainsAny(n, "《〈\"“")})
		}
	}
	items := in.Items[:0]
	for _, it := range in.Items {
		before := len(it.Sentences)
		it.Sentences = slices.DeleteFunc(it.Sentences, func(label string) bool {
			set, ok := kept[key{it.VersionID, label, it.Kind}]
			return ok && !set[entente.NameKey(it.Name)]
		})
		if before > 0 && len(it.Sentences) == 0 {
			continue
		}
		items = append(items, it)
	}
	in.Items = append(items, extra...)
	return nil
}
