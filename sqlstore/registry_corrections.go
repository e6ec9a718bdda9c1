package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/entente/entente"
)

// applyNameCorrections applies the analysts' approved corrections of a
// sentence's references, mechanisms and projects to the registry's input:
// a name the corrected list of its sentence leaves out is no mention there,
// and a name left with no sentence is no item, so that a name an analyst
// struck is in no entry. (A name an analyst added has no row of its own to
// be a mention through; it shows on the sentence, not yet in the registry.)
func applyNameCorrections(ctx context.Context, tx *sql.Tx, in *entente.RegistryInput) error {
	type key struct {
		version int64
		label   string
		kind    entente.RegistryKind
	}
	kindOf := map[string]entente.RegistryKind{"references": entente.RegInstrument, "mechanisms": entente.RegMechanism, "projects": entente.RegProject}
	kept := map[key]map[string]bool{}
	err := queryRows(ctx, tx, `SELECT k.field, k.value, s.version_id, s.label
		FROM corrections k JOIN sentences s ON s.version_id = k.version_id AND s.section = k.section
			AND s.text_sha256 = k.text_sha256 AND s.occurrence = k.occurrence
		WHERE k.field IN ('references', 'mechanisms', 'projects') AND k.state = 'approved' AND k.withdrawn_at IS NULL
		ORDER BY k.id`, nil, func(rows *sql.Rows) error {
		var field, value, label string
		var version int64
		if err := rows.Scan(&field, &value, &version, &label); err != nil {
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
		kept[key{version, label, kindOf[field]}] = set // a later correction replaces an earlier one
		return nil
	})
	if err != nil || len(kept) == 0 {
		return err
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
	in.Items = items
	return nil
}
