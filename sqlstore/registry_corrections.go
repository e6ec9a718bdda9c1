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
// as any mention does. With docs, only the corrections of those
// documents' sentences are applied (an input read past a mark, whose
// other documents' corrections were applied when they were read); each
// correction concerns one sentence, so a document's names come out as a
// whole read makes them, and each added name says where a whole read
// puts it (AddedBy, AddedAt).
func applyNameCorrections(ctx context.Context, tx *sql.Tx, in *entente.RegistryInput, docs []int64) error {
	type key struct {
		sentence int64
		kind     entente.RegistryKind
	}
	kindOf := map[string]entente.RegistryKind{"references": entente.RegInstrument, "mechanisms": entente.RegMechanism, "projects": entente.RegProject}
	type sentence struct {
		version, doc int64
		lang, label  string
	}
	kept := map[key]map[string]bool{}
	written := map[key][]string{} // the corrected list as written
	var order []key
	first := map[key]int64{} // each sentence's first correction of a kind of names
	sentences := map[int64]sentence{}
	of := ""
	if docs != nil {
		if len(docs) == 0 {
			return nil
		}
		of = " AND v.document_id IN (" + literalIDs(docs) + ")"
	}
	err := queryRows(ctx, tx, `SELECT k.id, k.field, k.value, s.id, s.version_id, s.label, v.document_id, v.language
		FROM corrections k JOIN sentences s ON s.version_id = k.version_id AND s.section = k.section
			AND `+anchorSQL("s")+` = k.text_sha256 AND s.occurrence = k.occurrence
		JOIN versions v ON v.id = k.version_id
		WHERE k.field IN ('references', 'mechanisms', 'projects') AND k.state = 'approved' AND k.withdrawn_at IS NULL`+of+`
		ORDER BY k.id`, nil, func(rows *sql.Rows) error {
		var field, value, label, lang string
		var cid, id, ver, doc int64
		if err := rows.Scan(&cid, &field, &value, &id, &ver, &label, &doc, &lang); err != nil {
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
		k := key{id, kindOf[field]}
		if _, ok := kept[k]; !ok {
			order = append(order, k)
			first[k] = cid
		}
		kept[k], written[k] = set, names // a later correction replaces an earlier one
		sentences[id] = sentence{ver, doc, lang, label}
		return nil
	})
	if err != nil || len(kept) == 0 {
		return err
	}
	// the names each corrected sentence has through the extractor's items
	have := map[key]map[string]bool{}
	for _, it := range in.Items {
		for _, id := range it.Sentences {
			k := key{id, it.Kind}
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
		for at, n := range written[k] {
			n = strings.TrimSpace(n)
			nk := entente.NameKey(n)
			if nk == "" || have[k][nk] {
				continue
			}
			if have[k] == nil {
				have[k] = map[string]bool{}
			}
			have[k][nk] = true
			st := sentences[k.sentence]
			a := added{st.version, k.kind, nk}
			if i, ok := addedAt[a]; ok {
				extra[i].Sentences = append(extra[i].Sentences, k.sentence)
				extra[i].Labels = append(extra[i].Labels, st.label)
				continue
			}
			addedAt[a] = len(extra)
			extra = append(extra, entente.RegistryItem{Kind: k.kind, Name: n, VersionID: st.version, DocumentID: st.doc,
				Language: st.lang, Sentences: []int64{k.sentence}, Labels: []string{st.label}, Bracketed: strings.ContainsAny(n, "《〈\"“"),
				AddedBy: first[k], AddedAt: at})
		}
	}
	items := in.Items[:0]
	for _, it := range in.Items {
		before := len(it.Sentences)
		it.Sentences = slices.DeleteFunc(it.Sentences, func(id int64) bool {
			set, ok := kept[key{id, it.Kind}]
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
