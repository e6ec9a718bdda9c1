package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// A sentence's text is nearly always a run of its version's text, which is
// stored once (deflated, or as the blob of the same bytes: version_text.go).
// Since migration 0026 such a sentence's row holds the run's byte offsets
// in text_start and text_end and an empty text, instead of a second copy
// (0.95 times the text). A sentence whose text is not a run of its
// version's text (a line break the reader joined, an analyst's split)
// keeps its text with NULL offsets, as every row written before does.
// Every read of a sentence's text goes through sentenceTexts.

// sentenceTextSQL selects what storedText scans, of the sentences row
// alias.
func sentenceTextSQL(alias string) string {
	return alias + ".text, " + alias + ".version_id, " + alias + ".text_start, " + alias + ".text_end"
}

// storedText is a sentence's text as its row holds it.
type storedText struct {
	text       string
	version    int64
	start, end sql.NullInt64
}

// dest returns the scan destinations of sentenceTextSQL's columns.
func (t *storedText) dest() []any {
	return []any{&t.text, &t.version, &t.start, &t.end}
}

// inVersion says whether the text is a run of the version's text.
func (t *storedText) inVersion() bool { return t.start.Valid }

// locateSentences finds each sentence's text in text, its version's text,
// and sets its offsets there (start -1 where it is not a run of it): in
// order from the end of the one before, as sentences follow each other,
// else anywhere, since equal bytes are the same text wherever they are.
func locateSentences(text string, sents []preparedSentence) {
	locate(text, len(sents), func(i int) string { return sents[i].Text }, func(i, start int) { sents[i].start = start })
}

// locate is locateSentences over n texts, text(i) each, calling found
// with each one's start.
func locate(text string, n int, textOf func(int) string, found func(i, start int)) {
	at := 0
	for i := range n {
		t := textOf(i)
		start := -1
		if t == "" {
			found(i, start)
			continue
		}
		if k := strings.Index(text[at:], t); k >= 0 {
			start = at + k
			at = start + len(t)
		} else if k := strings.Index(text, t); k >= 0 {
			start = k
		}
		found(i, start)
	}
}

// maxCachedTexts bounds the bytes of version texts a store keeps for
// search; the cache starts again when full.
const maxCachedTexts = 32 << 20

// versionTexts keeps versions' texts read for search, which cuts the text
// of a block of hits from a few hundred versions on every ranking. A
// committed version's text never changes and its id is never given again
// (AUTOINCREMENT, identity columns), so a text read in a read transaction
// or on the read pool stays right; writes never fill it.
type versionTexts struct {
	mu    sync.Mutex
	texts map[int64]string
	bytes int
}

func (c *versionTexts) get(id int64) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	t, ok := c.texts[id]
	return t, ok
}

func (c *versionTexts) put(id int64, text string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.texts == nil || c.bytes+len(text) > maxCachedTexts {
		c.texts, c.bytes = map[int64]string{}, 0
	}
	if _, ok := c.texts[id]; !ok && len(text) <= maxCachedTexts/4 {
		c.texts[id] = text
		c.bytes += len(text)
	}
}

// maxVersionsRead is the most versions one statement of sentenceTexts
// reads.
const maxVersionsRead = 256

// sentenceTexts returns the texts of ts, in order: a row's own text, or
// the run of its version's text, each version read once (and kept in
// cache when it is not nil). query runs the reads; tx may be nil where
// query reads from the pool.
func sentenceTexts(ctx context.Context, query queryFunc, tx *sql.Tx, cache *versionTexts, ts []storedText) ([]string, error) {
	p, err := readSentenceTexts(ctx, query, tx, cache, ts)
	if err != nil {
		return nil, err
	}
	f := getInflater()
	defer f.release()
	return p.texts(f, cache)
}

// storedSentenceTexts is what readSentenceTexts read for some sentences:
// the versions' texts it had (from the cache) and the stored columns of
// those still to inflate. Its texts method does the inflating, which needs
// no connection, so that a caller can read the next sentences meanwhile
// (matches).
type storedSentenceTexts struct {
	ts       []storedText
	versions map[int64]string
	stored   []storedVersion
}

// storedVersion is a version's text as its row holds it (scanStoredVersion).
type storedVersion struct {
	id      int64
	text    string
	z, blob []byte
	comp    sql.NullString
}

// readSentenceTexts is sentenceTexts' reading: the versions ts need that
// the cache does not hold, read but not inflated.
func readSentenceTexts(ctx context.Context, query queryFunc, tx *sql.Tx, cache *versionTexts, ts []storedText) (*storedSentenceTexts, error) {
	p := &storedSentenceTexts{ts: ts, versions: map[int64]string{}}
	var missing []int64
	for i := range ts {
		t := &ts[i]
		if !t.inVersion() {
			continue
		}
		if _, ok := p.versions[t.version]; ok {
			continue
		}
		if cache != nil {
			if v, ok := cache.get(t.version); ok {
				p.versions[t.version] = v
				continue
			}
		}
		p.versions[t.version] = ""
		missing = append(missing, t.version)
	}
	err := readStoredVersions(ctx, query, tx, missing, func(v storedVersion) error {
		p.stored = append(p.stored, v)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read sentence texts: %w", err)
	}
	return p, nil
}

// texts is sentenceTexts' inflating: the texts of p's sentences, in order,
// the versions inflated with f kept in cache when it is not nil.
func (p *storedSentenceTexts) texts(f *inflater, cache *versionTexts) ([]string, error) {
	for _, v := range p.stored {
		text, err := f.versionText(v.text, v.z, v.blob, v.comp)
		if err != nil {
			return nil, fmt.Errorf("read sentence texts: version %d: %w", v.id, err)
		}
		p.versions[v.id] = text
		if cache != nil {
			cache.put(v.id, text)
		}
	}
	out := make([]string, len(p.ts))
	for i := range p.ts {
		t := &p.ts[i]
		if !t.inVersion() {
			out[i] = t.text
			continue
		}
		v := p.versions[t.version]
		start, end := t.start.Int64, t.end.Int64
		if !t.end.Valid || start < 0 || end < start || end > int64(len(v)) {
			return nil, fmt.Errorf("read sentence texts: [%d, %d) is not in version %d's %d bytes", start, end, t.version, len(v))
		}
		// a copy: a hit kept in a cache must not hold its version's text
		out[i] = strings.Clone(v[start:end])
	}
	return out, nil
}

// readVersionTexts reads the texts of versions ids into texts, keeping them
// in cache when it is not nil.
func readVersionTexts(ctx context.Context, query queryFunc, tx *sql.Tx, cache *versionTexts, ids []int64, texts map[int64]string) error {
	f := getInflater()
	defer f.release()
	return readStoredVersions(ctx, query, tx, ids, func(v storedVersion) error {
		text, err := f.versionText(v.text, v.z, v.blob, v.comp)
		if err != nil {
			return fmt.Errorf("version %d: %w", v.id, err)
		}
		texts[v.id] = text
		if cache != nil {
			cache.put(v.id, text)
		}
		return nil
	})
}

// readStoredVersions reads the stored text columns of versions ids,
// passing each row to each.
func readStoredVersions(ctx context.Context, query queryFunc, tx *sql.Tx, ids []int64, each func(storedVersion) error) error {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	for chunk := range slices.Chunk(ids, maxVersionsRead) {
		// a list of a few lengths, so that each is prepared once
		n := 8
		for n < len(chunk) {
			n *= 2
		}
		a := make([]any, n)
		ps := make([]string, n)
		for i := range n {
			a[i], ps[i] = int64(0), "$"+strconv.Itoa(i+1)
			if i < len(chunk) {
				a[i] = chunk[i]
			}
		}
		err := query(ctx, tx, `SELECT v.id, v.text, v.text_z, `+versionBlobSQL("v")+` FROM versions v WHERE v.id IN (`+
			strings.Join(ps, ", ")+`)`, a, func(rows *sql.Rows) error {
			var v storedVersion
			if err := rows.Scan(&v.id, &v.text, &v.z, &v.blob, &v.comp); err != nil {
				return err
			}
			return each(v)
		})
		if err != nil {
			return err
		}
	}
	return nil
}
