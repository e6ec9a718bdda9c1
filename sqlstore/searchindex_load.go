package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"

	"github.com/RoaringBitmap/roaring/v2"
)

// errRunFull says that a version has more sentences than its run holds
// (or than its stored count says, in a build): the index is built anew,
// counting them.
var errRunFull = errors.New("a version has outgrown its run of numbers")

// errUnknownVersion says that an update met a version older than the
// newest it holds that it does not hold: only a build can place it.
var errUnknownVersion = errors.New("a version the index never held")

// owner clones, once per update, each bitmap the update changes: the index
// it was copied from may be read by searches meanwhile. A build owns every
// bitmap it makes (fresh).
type owner struct {
	fresh bool
	owned map[*roaring.Bitmap]bool
}

func (o *owner) own(into bitmaps, k string) *roaring.Bitmap {
	b := into[k]
	switch {
	case b == nil:
		b = roaring.New()
		into[k] = b
	case o.fresh || o.owned[b]:
		return b
	default:
		b = b.Clone()
		into[k] = b
	}
	if !o.fresh {
		o.owned[b] = true
	}
	return b
}

func (o *owner) ownAll(x *labelIndex) *roaring.Bitmap {
	if !o.fresh && !o.owned[x.all] {
		x.all = x.all.Clone()
		o.owned[x.all] = true
	}
	return x.all
}

// everyDocument is docChunks' condition when it reads every document.
const everyDocument = "1 = 1"

// docChunks calls f with a condition on a column that holds a document id
// (col IN the chunk's ids) for each chunk of docs, or once with a
// condition every row meets when docs is nil (a build).
func (s *Store) docChunks(docs []int64, f func(in func(col string) (string, []any)) error) error {
	if docs == nil {
		return f(func(string) (string, []any) { return everyDocument, nil })
	}
	for chunk := range slices.Chunk(docs, 1000) {
		err := f(func(col string) (string, []any) {
			var a args
			return col + " IN (" + idList(s.dialect, &a, chunk) + ")", a
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// sentenceRead is a sentence's row as the index's build reads it.
type sentenceRead struct {
	id, version   int64
	label         sentenceLabel
	actors, areas string
	body          storedText
}

// sentenceLabel is a sentence's type and strength.
type sentenceLabel struct{ typ, strength string }

// sentencesOfDocuments turns cond, a condition on documents' ids
// (docChunks), into one on sentences that an index serves: sentences are
// indexed by version only (migration 0043), so a condition on their
// document_id read every sentence of the library for each chunk of
// documents, some 0.2 s at 10,000 statements every time the index took in
// a few changed documents.
func sentencesOfDocuments(cond string) string {
	if cond == everyDocument {
		return cond
	}
	return "version_id IN (SELECT id FROM versions WHERE " + cond + ")"
}

// load reads documents into x: every document when docs is nil (x is
// empty), else those of docs, whose numbers the caller has cleared from
// every bitmap (clearDocs). A held version keeps its run; a new one (newer
// than every version held) takes the next run; a document that is gone or
// withdrawn holds its runs and is in no bitmap. recount counts each
// version's sentences instead of trusting its stored count. checks are
// the kept matches, to which the sentences read are added where they
// match.
func (s *Store) load(ctx context.Context, tx *sql.Tx, x *labelIndex, docs []int64, o *owner, recount bool, checks ...*matchCheck) error {
	if o == nil {
		o = &owner{fresh: true}
	}
	// the versions: their runs, held or new
	type versionRow struct {
		id, doc int64
		lang    string
		count   int
	}
	var vs []versionRow
	counts := map[int64]int{}
	err := s.docChunks(docs, func(in func(string) (string, []any)) error {
		if recount {
			cond, a := in("document_id")
			err := queryRows(ctx, tx, `SELECT version_id, count(*) FROM sentences WHERE `+sentencesOfDocuments(cond)+` GROUP BY version_id`, a, func(rows *sql.Rows) error {
				var (
					v int64
					n int
				)
				err := rows.Scan(&v, &n)
				counts[v] = n
				return err
			})
			if err != nil {
				return fmt.Errorf("count sentences: %w", err)
			}
		}
		cond, a := in("document_id")
		return queryRows(ctx, tx, `SELECT id, document_id, language, coalesce(sentence_count, 0) FROM versions WHERE `+cond, a, func(rows *sql.Rows) error {
			var v versionRow
			err := rows.Scan(&v.id, &v.doc, &v.lang, &v.count)
			vs = append(vs, v)
			return err
		})
	})
	if err != nil {
		return fmt.Errorf("read versions: %w", err)
	}
	slices.SortFunc(vs, func(a, b versionRow) int { return cmp.Compare(a.id, b.id) })
	touched := map[int64]bool{} // documents read, by id
	for _, d := range docs {
		touched[d] = true
	}
	newRuns := map[int64][]run{}
	at := map[int64][2]int{} // a version's document (place in x.docs) and run
	for _, v := range vs {
		touched[v.doc] = true
		if recount {
			v.count = counts[v.id]
		}
		r := run{version: v.id, lang: v.lang}
		i, held := x.docIndex[v.doc]
		var old *run
		if held {
			for j := range x.docs[i].runs {
				if x.docs[i].runs[j].version == v.id {
					old = &x.docs[i].runs[j]
				}
			}
		}
		switch {
		case old != nil:
			r.start, r.reserve = old.start, old.reserve
		case v.id > x.maxVersion:
			r.start, r.reserve = uint32(len(x.ids)), reserve(v.count)
			if uint64(r.start)+uint64(r.reserve) >= noNumber {
				return errRunFull
			}
			x.ids = append(x.ids, make([]int64, r.reserve)...)
			x.maxVersion = v.id
		default:
			return errUnknownVersion
		}
		newRuns[v.doc] = append(newRuns[v.doc], r)
	}
	order := slices.Sorted(maps.Keys(touched))
	for _, d := range order {
		i, held := x.docIndex[d]
		if !held {
			i = len(x.docs)
			x.docIndex[d] = i
			x.docs = append(x.docs, docSpan{})
		}
		rs := newRuns[d]
		// a fresh slice: the runs of the index this one was copied from stay
		x.docs[i] = docSpan{runs: rs, hidden: len(rs) == 0}
		for j, r := range rs {
			at[r.version] = [2]int{i, j}
			if j == 0 || r.lang < x.docs[i].lang {
				x.docs[i].lang = r.lang
			}
		}
		x.heldVersions += int64(len(rs))
	}

	// the documents: date and parties as corrected, withdrawn
	partiesCorrected := map[int64]bool{}
	parties := map[int64][]string{}
	err = s.docChunks(docs, func(in func(string) (string, []any)) error {
		cond, a := in("d.id")
		err := queryRows(ctx, tx, `SELECT d.id, coalesce(CASE WHEN cd.date_corrected THEN cd.signed_date ELSE d.signed_date END, ''),
				coalesce(cd.parties_corrected, false), d.withdrawn_at IS NOT NULL
			FROM documents d LEFT JOIN corrected_documents cd ON cd.document_id = d.id WHERE `+cond, a, func(rows *sql.Rows) error {
			var (
				id            int64
				date          string
				pc, withdrawn bool
			)
			if err := rows.Scan(&id, &date, &pc, &withdrawn); err != nil {
				return err
			}
			i, ok := x.docIndex[id]
			if !ok {
				return nil // a document without versions
			}
			d := &x.docs[i]
			d.date = date
			d.hidden = d.hidden || withdrawn
			partiesCorrected[id] = pc
			return nil
		})
		if err != nil {
			return fmt.Errorf("read documents: %w", err)
		}
		for _, q := range []string{`SELECT document_id, party, 0 FROM document_parties WHERE `,
			`SELECT document_id, party, 1 FROM corrected_document_parties WHERE `} {
			cond, a := in("document_id")
			err := queryRows(ctx, tx, q+cond, a, func(rows *sql.Rows) error {
				var (
					doc             int64
					p               string
					fromCorrections int
				)
				if err := rows.Scan(&doc, &p, &fromCorrections); err != nil {
					return err
				}
				if partiesCorrected[doc] == (fromCorrections == 1) {
					parties[doc] = append(parties[doc], p)
				}
				return nil
			})
			if err != nil {
				return fmt.Errorf("read document parties: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}

	// the sentences, with their labels as corrected
	corrected := map[int64]sentenceLabel{}
	typ, strength := collector{}, collector{}
	// actors and areas: the extractor's, on the sentence's row (migration
	// 0024), except for corrected sentences, whose corrected_* rows are
	// read below (as the filters always read them)
	extractedLabels := labelCollectors{actor: collector{}, area: collector{}}
	withText := len(checks) > 0
	checker := newMatchChecker(checks)
	// a sentence's text only for the checks: each column read costs the
	// driver more than SQLite's reading of the row (the build at 100,000
	// statements reads 3.7 million rows)
	text := ""
	if withText {
		text = ", " + sentenceTextSQL("sentences")
	}
	err = s.docChunks(docs, func(in func(string) (string, []any)) error {
		cond, a := in("document_id")
		err := queryRows(ctx, tx, `SELECT sentence_id, type, strength FROM corrected_sentences WHERE `+cond, a, func(rows *sql.Rows) error {
			var (
				id int64
				l  sentenceLabel
			)
			err := rows.Scan(&id, &l.typ, &l.strength)
			corrected[id] = l
			return err
		})
		if err != nil {
			return fmt.Errorf("read corrected sentences: %w", err)
		}
		// versions queued for the full-text index (search_pending.go): a
		// search finds their sentences once they are indexed, when their
		// document is read again, as a search that lists the matches anew
		// would; checked before, they would be found by the queries kept
		// and not by others
		pending := map[int64]bool{}
		if withText {
			cond, a = in("document_id")
			err := queryRows(ctx, tx, `SELECT version_id FROM search_pending WHERE `+cond, a, func(rows *sql.Rows) error {
				var v int64
				err := rows.Scan(&v)
				pending[v] = true
				return err
			})
			if err != nil {
				return fmt.Errorf("read versions queued for the index: %w", err)
			}
		}
		cond, a = in("document_id")
		// the sentences the checks read, by number, with their texts
		var (
			checked []uint32
			bodies  []storedText
		)
		// take numbers one sentence, its version's next, and files its labels
		take := func(row *sentenceRead) error {
			p, ok := at[row.version]
			if !ok {
				return errUnknownVersion // a version added since the versions were read: not in this transaction
			}
			d := &x.docs[p[0]]
			r := &d.runs[p[1]]
			if r.size == r.reserve {
				return errRunFull
			}
			n := r.start + r.size
			r.size++
			x.heldSentences++
			if d.hidden {
				return nil // withdrawn: held, not numbered
			}
			id := row.id
			x.ids[n] = id
			if grow := id + 1 - int64(len(x.numbers)); grow > 0 {
				x.numbers = slices.Grow(x.numbers, int(grow))
				for range grow {
					x.numbers = append(x.numbers, noNumber)
				}
			}
			x.numbers[id] = n
			l := row.label
			if c, ok := corrected[id]; ok {
				l = c
			} else if err := extractedLabels.add(n, row.actors, row.areas); err != nil {
				return fmt.Errorf("sentence %d: %w", id, err)
			}
			typ[l.typ] = append(typ[l.typ], n)
			if l.strength != "" {
				strength[l.strength] = append(strength[l.strength], n)
			}
			if withText && !pending[row.version] {
				checked, bodies = append(checked, n), append(bodies, row.body)
			}
			return nil
		}
		// A version's sentences are numbered from its last to its first,
		// so that the largest number is its first sentence. They are read
		// in the order of the index, first to last, and numbered once the
		// version's last is read: sorting each version's rows the other
		// way round was a tenth of a build (3.7 million rows at 100,000
		// statements).
		var (
			row     sentenceRead
			version []sentenceRead // the version being read, in order
		)
		flush := func() error {
			for i := len(version) - 1; i >= 0; i-- {
				if err := take(&version[i]); err != nil {
					return err
				}
			}
			version = version[:0]
			return nil
		}
		dest := []any{&row.id, &row.version, &row.label.typ, &row.label.strength, &row.actors, &row.areas}
		if withText {
			dest = append(dest, row.body.dest()...)
		}
		err = queryRows(ctx, tx, `SELECT id, version_id, type, strength, actors, areas`+text+` FROM sentences WHERE `+sentencesOfDocuments(cond)+
			` ORDER BY version_id, position`,
			a, func(rows *sql.Rows) error {
				if err := rows.Scan(dest...); err != nil {
					return err
				}
				if len(version) > 0 && version[0].version != row.version {
					if err := flush(); err != nil {
						return err
					}
				}
				version = append(version, row)
				return nil
			})
		if err == nil {
			err = flush()
		}
		if err != nil {
			return fmt.Errorf("read sentences: %w", err)
		}
		texts, err := sentenceTexts(ctx, queryRows, tx, nil, bodies)
		if err != nil {
			return err
		}
		for i, n := range checked {
			checker.check(n, texts[i])
		}
		return nil
	})
	if err != nil {
		return err
	}
	typ.addTo(x.typ, o.own)
	strength.addTo(x.strength, o.own)
	fams := [famCount]collector{famType: typ, famStrength: strength}

	for _, q := range []struct {
		corrected string
		c         collector
		into      bitmaps
		family    int
	}{
		{`SELECT l.sentence_id, l.party FROM corrected_actors l`, extractedLabels.actor, x.actor, famActor},
		{`SELECT l.sentence_id, l.area FROM corrected_areas l`, extractedLabels.area, x.area, famArea},
	} {
		err := s.docChunks(docs, func(in func(string) (string, []any)) error {
			corrections := q.corrected
			var b []any
			if docs != nil {
				var cond string
				cond, b = in("document_id")
				corrections += ` WHERE l.sentence_id IN (SELECT sentence_id FROM corrected_sentences WHERE ` + cond + `)`
			}
			err := queryRows(ctx, tx, corrections, b, func(rows *sql.Rows) error {
				var (
					id int64
					v  string
				)
				if err := rows.Scan(&id, &v); err != nil {
					return err
				}
				if n, ok := x.number(id); ok {
					q.c[v] = append(q.c[v], n)
				}
				return nil
			})
			if err != nil {
				return fmt.Errorf("read corrected labels: %w", err)
			}
			return nil
		})
		if err != nil {
			return err
		}
		q.c.addTo(q.into, o.own)
		fams[q.family] = q.c
	}

	// the documents' labels over their runs
	version, party, year, lang := collector{}, collector{}, collector{}, collector{}
	all := o.ownAll(x)
	for _, id := range order {
		d := &x.docs[x.docIndex[id]]
		if d.hidden {
			continue
		}
		for _, r := range d.runs {
			all.AddRange(uint64(r.start), uint64(r.start+r.size))
			version.span(r.lang, r)
			if len(d.date) >= 4 {
				year.span(d.date[:4], r)
			}
			if d.lang != "" {
				lang.span(d.lang, r)
			}
			for _, p := range parties[id] {
				party.span(p, r)
			}
		}
	}
	all.RunOptimize()
	version.addTo(x.version, o.own)
	year.addTo(x.year, o.own)
	lang.addTo(x.docLang, o.own)
	party.addTo(x.party, o.own)

	// each sentence read: its set of facet labels
	fams[famYear], fams[famLanguage] = year, lang
	for i := range x.sets {
		fs := &x.sets[i]
		if grow := len(x.ids) - len(fs.of); grow > 0 {
			fs.of = append(fs.of, make([]uint32, grow)...)
		}
		fs.trie.setLabels(fs.of, &fams, fs.families)
	}
	return nil
}

// labelCollectors gathers the sentences numbered by each actor and area.
type labelCollectors struct{ actor, area collector }

// add adds sentence n under each label of its packed lists.
func (c labelCollectors) add(n uint32, actors, areas string) error {
	for _, l := range []struct {
		packed string
		into   collector
	}{{actors, c.actor}, {areas, c.area}} {
		if l.packed == "" {
			continue
		}
		items, err := unpackLabels(l.packed)
		if err != nil {
			return err
		}
		for _, it := range items {
			l.into[it] = append(l.into[it], n)
		}
	}
	return nil
}
