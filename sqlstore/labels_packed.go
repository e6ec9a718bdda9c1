package sqlstore

import (
	"fmt"
	"strings"
)

// A sentence's actors and areas are stored on its own row (migration
// 0024: sentences.actors and sentences.areas), each list as one text: its
// items in order, separated by single spaces. On PostgreSQL a row per
// label cost a 24-byte tuple header and a 16-byte index entry for a
// two-letter code, twice the text the labels belonged to.
//
// An item is written as it is unless it holds a space or a backslash,
// which are written \s and \\, or is empty, written \e; so that any list
// round-trips, though every code of today is a bare word.

// packLabels writes a list of labels as one text.
func packLabels(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return packLabel(items[0])
	}
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(packLabel(it))
	}
	return b.String()
}

// packLabel writes one item of a list.
func packLabel(item string) string {
	if item == "" {
		return `\e`
	}
	if !strings.ContainsAny(item, ` \`) {
		return item
	}
	return strings.NewReplacer(`\`, `\\`, ` `, `\s`).Replace(item)
}

// unpackLabels reads a list written by packLabels; an empty text is an
// empty list (never nil, as the sentence's fields are read).
func unpackLabels(s string) ([]string, error) {
	if s == "" {
		return []string{}, nil
	}
	parts := strings.Split(s, " ")
	for i, p := range parts {
		if !strings.Contains(p, `\`) {
			if p == "" {
				return nil, fmt.Errorf("labels %q: an empty item", s)
			}
			continue
		}
		item, err := unpackLabel(p)
		if err != nil {
			return nil, fmt.Errorf("labels %q: %w", s, err)
		}
		parts[i] = item
	}
	return parts, nil
}

// unpackLabel reads one escaped item.
func unpackLabel(p string) (string, error) {
	if p == `\e` {
		return "", nil
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		if p[i] != '\\' {
			b.WriteByte(p[i])
			continue
		}
		if i+1 == len(p) {
			return "", fmt.Errorf("a backslash at the end of %q", p)
		}
		i++
		switch p[i] {
		case '\\':
			b.WriteByte('\\')
		case 's':
			b.WriteByte(' ')
		default:
			return "", fmt.Errorf("unknown escape \\%c in %q", p[i], p)
		}
	}
	return b.String(), nil
}

// labelListHas returns SQL that holds when the packed list in the column
// expression list has the item bound to param (bound as packLabel wrote
// it): the list with a space on each side holds the item with a space on
// each side. replace() is used because both databases have it and it
// compares exactly (SQLite's LIKE ignores ASCII case); the cast tells
// PostgreSQL the parameter's type.
func labelListHas(list, param string) string {
	return `replace(' ' || ` + list + ` || ' ', ' ' || CAST(` + param + ` AS TEXT) || ' ', '') <> ' ' || ` + list + ` || ' '`
}
