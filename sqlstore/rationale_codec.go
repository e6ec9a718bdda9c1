package sqlstore

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/entente/entente"
)

// A sentence's rationale (the cue behind each label) is stored in the
// sentence row, and written as JSON it was about ten times the size of the
// sentence's text: every cue repeated the span of the sentence it points
// at, the key names of every field, and the strength's cue, mostly the
// type's own. The stored form keeps only what cannot be read back:
//
//	~[type, strength, actors, areas, deadline, clauses, references, mechanisms, projects]
//
// a cue as [rule, start, end], its text taken again from the sentence's
// characters [start, end) (with the text as a fourth item when it is not
// that span); an actor or an area as [party or area, rule, start, end]; a
// clause as [start, end, type, strength, actors, cue]; the strength's or a
// clause's cue as 1 when it is the type's cue; trailing empty items left
// out. The leading ~ tells it from the JSON rows written before, which
// are still read.

// compactMark starts a compact rationale; JSON starts with {.
const compactMark = '~'

// encodeRationale writes r, the rationale of a sentence of text, compactly.
// Rows are written in the binary form since migration 0019
// (rationale_binary.go); this writer stays to test the reader of the rows
// written before.
func encodeRationale(text string, r *entente.Rationale) (string, error) {
	runes := []rune(text)
	cue := func(c *entente.Cue) any {
		if c == nil {
			return nil
		}
		out := []any{c.Rule, c.Start, c.End}
		if c.Start < 0 || c.End < c.Start || c.End > len(runes) || string(runes[c.Start:c.End]) != c.Text {
			out = append(out, c.Text)
		}
		return out
	}
	sameAsType := func(c *entente.Cue) any {
		if c != nil && r.Type != nil && *c == *r.Type {
			return 1
		}
		return cue(c)
	}
	cues := func(cs []entente.Cue) any {
		if len(cs) == 0 {
			return nil
		}
		out := make([]any, len(cs))
		for i := range cs {
			out[i] = cue(&cs[i])
		}
		return out
	}
	keyed := func(key string, c entente.Cue) any {
		return append([]any{key}, cue(&c).([]any)...)
	}
	var actors, areas, clauses any
	if len(r.Actors) > 0 {
		a := make([]any, len(r.Actors))
		for i, p := range r.Actors {
			a[i] = keyed(p.Party, p.Cue)
		}
		actors = a
	}
	if len(r.Areas) > 0 {
		a := make([]any, len(r.Areas))
		for i, p := range r.Areas {
			a[i] = keyed(p.Area, p.Cue)
		}
		areas = a
	}
	if len(r.Clauses) > 0 {
		a := make([]any, len(r.Clauses))
		for i, c := range r.Clauses {
			var actors any
			if len(c.Actors) > 0 {
				actors = c.Actors
			}
			a[i] = trimNils([]any{c.Start, c.End, string(c.Type), string(c.Strength), actors, sameAsType(c.Cue)})
		}
		clauses = a
	}
	all := trimNils([]any{cue(r.Type), sameAsType(r.Strength), actors, areas, cue(r.Deadline), clauses,
		cues(r.References), cues(r.Mechanisms), cues(r.Projects)})
	var b bytes.Buffer
	b.WriteByte(compactMark)
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(all); err != nil {
		return "", err
	}
	return string(bytes.TrimRight(b.Bytes(), "\n")), nil
}

// trimNils drops the nil items at the end of a.
func trimNils(a []any) []any {
	for len(a) > 0 && a[len(a)-1] == nil {
		a = a[:len(a)-1]
	}
	return a
}

// decodeRationale reads a stored rationale of a sentence of text: the
// compact form, or JSON as rows written before it.
func decodeRationale(text string, stored []byte, r *entente.Rationale) error {
	if len(stored) == 0 || stored[0] != compactMark {
		return json.Unmarshal(stored, r)
	}
	var all []json.RawMessage
	if err := json.Unmarshal(stored[1:], &all); err != nil {
		return err
	}
	d := cueDecoder{runes: []rune(text)}
	item := func(i int) json.RawMessage {
		if i < len(all) && !isNull(all[i]) {
			return all[i]
		}
		return nil
	}
	*r = entente.Rationale{}
	r.Type = d.cue(item(0))
	r.Strength = d.sameAsType(item(1), r.Type)
	r.Actors = keyedCues(&d, item(2), func(k string, c entente.Cue) entente.PartyCue { return entente.PartyCue{Party: k, Cue: c} })
	r.Areas = keyedCues(&d, item(3), func(k string, c entente.Cue) entente.AreaCue { return entente.AreaCue{Area: k, Cue: c} })
	r.Deadline = d.cue(item(4))
	if raw := item(5); raw != nil {
		var cs [][]json.RawMessage
		d.fail(json.Unmarshal(raw, &cs))
		for _, c := range cs {
			var cc entente.ClauseCue
			at := func(i int) json.RawMessage {
				if i < len(c) && !isNull(c[i]) {
					return c[i]
				}
				return nil
			}
			d.into(at(0), &cc.Start)
			d.into(at(1), &cc.End)
			var typ, strength string
			d.into(at(2), &typ)
			d.into(at(3), &strength)
			cc.Type, cc.Strength = entente.SentenceType(typ), entente.Strength(strength)
			d.into(at(4), &cc.Actors)
			cc.Cue = d.sameAsType(at(5), r.Type)
			r.Clauses = append(r.Clauses, cc)
		}
	}
	r.References, r.Mechanisms, r.Projects = d.cues(item(6)), d.cues(item(7)), d.cues(item(8))
	return d.err
}

// cueDecoder reads compact cues against a sentence's characters, keeping
// the first error.
type cueDecoder struct {
	runes []rune
	err   error
}

func (d *cueDecoder) fail(err error) {
	if d.err == nil && err != nil {
		d.err = err
	}
}

func (d *cueDecoder) into(raw json.RawMessage, v any) {
	if raw != nil {
		d.fail(json.Unmarshal(raw, v))
	}
}

// fields reads a cue's items: [rule, start, end] or [rule, start, end, text].
func (d *cueDecoder) fields(items []json.RawMessage) entente.Cue {
	var c entente.Cue
	if len(items) < 3 || len(items) > 4 {
		d.fail(fmt.Errorf("a cue of %d items", len(items)))
		return c
	}
	d.into(items[0], &c.Rule)
	d.into(items[1], &c.Start)
	d.into(items[2], &c.End)
	switch {
	case len(items) == 4:
		d.into(items[3], &c.Text)
	case c.Start >= 0 && c.Start <= c.End && c.End <= len(d.runes):
		c.Text = string(d.runes[c.Start:c.End])
	default:
		d.fail(errors.New("a cue outside its sentence"))
	}
	return c
}

func (d *cueDecoder) cue(raw json.RawMessage) *entente.Cue {
	if raw == nil {
		return nil
	}
	var items []json.RawMessage
	d.fail(json.Unmarshal(raw, &items))
	c := d.fields(items)
	return &c
}

// sameAsType reads a cue stored as 1 when it is the type's.
func (d *cueDecoder) sameAsType(raw json.RawMessage, typ *entente.Cue) *entente.Cue {
	if string(raw) == "1" {
		if typ == nil {
			d.fail(errors.New("a cue that is the type's without a type"))
			return nil
		}
		c := *typ
		return &c
	}
	return d.cue(raw)
}

func (d *cueDecoder) cues(raw json.RawMessage) []entente.Cue {
	if raw == nil {
		return nil
	}
	var list [][]json.RawMessage
	d.fail(json.Unmarshal(raw, &list))
	out := make([]entente.Cue, 0, len(list))
	for _, items := range list {
		out = append(out, d.fields(items))
	}
	return out
}

// keyedCues reads [key, rule, start, end] items.
func keyedCues[T any](d *cueDecoder, raw json.RawMessage, make1 func(string, entente.Cue) T) []T {
	if raw == nil {
		return nil
	}
	var list [][]json.RawMessage
	d.fail(json.Unmarshal(raw, &list))
	out := make([]T, 0, len(list))
	for _, items := range list {
		if len(items) < 1 {
			d.fail(errors.New("an empty keyed cue"))
			continue
		}
		var key string
		d.into(items[0], &key)
		out = append(out, make1(key, d.fields(items[1:])))
	}
	return out
}

func isNull(raw json.RawMessage) bool { return string(raw) == "null" }
