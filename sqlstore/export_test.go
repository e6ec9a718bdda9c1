package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"

	"github.com/entente/entente"
	"github.com/entente/entente/search"
)

// RunCandidatesChecked is how many candidates' texts s has read to check a
// run of characters in them.
func RunCandidatesChecked(s *Store) int64 { return s.runCandidates.Load() }

// CachedDocumentFrequency is the number of sentences ranking counted as
// holding the one term of query, as s keeps it (found is false if it keeps
// none).
func CachedDocumentFrequency(s *Store, query string) (n int64, found bool) {
	s.df.mu.Lock()
	defer s.df.mu.Unlock()
	n, found = s.df.dfs[dfKey(search.Query(query)[0])]
	return n, found
}

// SetMatchChunk makes s list the full-text index's matches n at a time.
func SetMatchChunk(s *Store, n int) { s.matchChunk = n }

// TermFrequency returns what s keeps as the number of sentences holding
// the one term of text (0, false when it keeps none) and that number as
// ranking counts it when nothing is kept.
func TermFrequency(ctx context.Context, s *Store, text string) (kept int64, ok bool, counted int64, err error) {
	terms := search.Query(text)
	x, err := s.freshLabels(ctx)
	if err != nil {
		return 0, false, 0, err
	}
	sig := x.key.collection
	kept, ok = s.df.get(sig, dfKey(terms[0]))
	fresh := &Store{db: s.db, rdb: s.rdb, ldb: s.ldb, dialect: s.dialect}
	df, err := fresh.documentFrequencies(ctx, nil, sig, terms[:1])
	if err != nil {
		return 0, false, 0, err
	}
	return kept, ok, df[0], nil
}

// WordsListed is how many times s read the matches of a query without a
// phrase from the full-text index.
func WordsListed(s *Store) int64 { return s.listedWords.Load() }

// PinsRead is how many rows of search_pins s read.
func PinsRead(s *Store) int64 { return s.pinsRead.Load() }

// SetMatchChecks bounds the kept matches times the documents an update
// checks (maxMatchChecks) at n.
func SetMatchChecks(s *Store, n int) { s.matchChecks = n }

// IgnoreSearchSnapshot makes s build its search index from the rows,
// whatever snapshot is kept.
func IgnoreSearchSnapshot(s *Store) { s.ignoreSnapshot = true }

// PinnedQueries lists the queries whose matches s's search index pins,
// by their terms.
func PinnedQueries(s *Store) []string {
	x := s.index.get()
	if x == nil {
		return nil
	}
	x.cache.mu.Lock()
	defer x.cache.mu.Unlock()
	var qs []string
	for _, e := range x.cache.matches {
		if e.pinned {
			qs = append(qs, e.terms.String())
		}
	}
	slices.Sort(qs)
	return qs
}

// EachListedID is eachListedID.
var EachListedID = eachListedID

// IndexBuilds says how many times s built its search index anew and how
// many times it updated it by what changed.
func IndexBuilds(s *Store) (builds, updates int) {
	s.index.mu.Lock()
	defer s.index.mu.Unlock()
	return s.index.builds, s.index.updates
}

// IndexDocumentsRead says how many documents the update that made s's
// current search index read again.
func IndexDocumentsRead(s *Store) int {
	s.index.mu.Lock()
	defer s.index.mu.Unlock()
	return s.index.index.reread
}

// KeptPagesAnswered says how many searches s answered from a kept page.
func KeptPagesAnswered(s *Store) int {
	s.index.mu.Lock()
	defer s.index.mu.Unlock()
	return s.index.keptPages
}

// HitsBothWays reads the sentences ids and the documents docIDs as a page
// of hits does, in one statement (readHitsAtOnce) and in nine (readHits):
// the sentences as corrected, and each document's title, kind, date,
// language and parties.
func HitsBothWays(ctx context.Context, s *Store, ids, docIDs []int64) (atOnce, apart map[int64]entente.Sentence, atOnceDocs, apartDocs map[int64][]string, err error) {
	flat := func(rows map[int64]*sentenceRow, docs map[int64]docTitle) (map[int64]entente.Sentence, map[int64][]string) {
		ss, ds := map[int64]entente.Sentence{}, map[int64][]string{}
		for id, r := range rows {
			ss[id] = r.Sentence
		}
		for id, d := range docs {
			signed := "<nil>"
			if d.signed != nil {
				signed = *d.signed
			}
			ds[id] = append([]string{d.title, d.kind, signed, d.language}, d.parties...)
		}
		return ss, ds
	}
	err = s.read(ctx, func(tx *sql.Tx) error {
		rows, docs, err := s.readHitsAtOnce(ctx, tx, ids, docIDs)
		if err != nil {
			return err
		}
		atOnce, atOnceDocs = flat(rows, docs)
		rows, docs, err = s.readHits(ctx, tx, ids, docIDs)
		if err != nil {
			return err
		}
		apart, apartDocs = flat(rows, docs)
		return nil
	})
	return atOnce, apart, atOnceDocs, apartDocs, err
}

// FacetsWays finds the hits of q and returns their number and the ways
// of counting their facets: as search does, hit by hit, by the hits'
// complement, and by intersecting bitmaps.
func FacetsWays(ctx context.Context, s *Store, q entente.SearchQuery) (hits int, ways map[string]func() entente.Facets, err error) {
	terms := search.Query(q.Text)
	if _, err := s.freshLabels(ctx); err != nil {
		return 0, nil, err
	}
	err = s.read(ctx, func(tx *sql.Tx) error {
		x, err := s.labels(ctx, tx)
		if err != nil {
			return err
		}
		h, err := s.hits(ctx, tx, x, terms, q)
		if err != nil {
			return err
		}
		hits = int(h.GetCardinality())
		ways = map[string]func() entente.Facets{
			"search":     func() entente.Facets { return x.facets(h) },
			"hits":       func() entente.Facets { return x.facetsByHits(h) },
			"complement": func() entente.Facets { return x.facetsByComplement(h) },
			"bitmaps":    func() entente.Facets { return x.facetsByBitmaps(h) },
		}
		return nil
	})
	return hits, ways, err
}

// LabelSets says how many sets of facet labels s's search index knows,
// of each kind.
func LabelSets(s *Store) (sets [2]int) {
	for i, fs := range s.index.get().sets {
		sets[i] = len(fs.trie.view().parent)
	}
	return sets
}

// FacetsByComplement says whether s counts the facets of a result of
// hits sentences by its complement (else hit by hit).
func FacetsByComplement(s *Store, hits int) bool {
	return byComplement(uint64(hits), s.index.get().all.GetCardinality())
}

// NearSetting and NearSketchID name the sketch a store's near_sketches
// rows were computed with (a store computes them again when they differ).
const (
	NearSetting  = nearSetting
	NearSketchID = nearSketchID
)

// SetPurgeMin sets how many deleted sentences a fold waits for before it
// purges them from the postings.
func SetPurgeMin(s *Store, n int) { s.purgeMin = n }

// SetMergeRows sets how many staged sketch rows a write lets wait before
// it merges them (near_recent.go).
func SetMergeRows(s *Store, n int64) { s.mergeRows = n }

// SetMiddleRows sets how many rows near_middle holds before a merge moves
// them into near_sketches.
func SetMiddleRows(s *Store, n int64) { s.middleRows = n }

// SketchRanges is sketchRanges, the hash ranges of a merge's parts.
func SketchRanges(staged int64) [][2]int64 { return sketchRanges(staged) }

// MergePartRows is how many staged rows a merge's part moves, about.
const MergePartRows = mergePartRows

// LinksThroughTable is how many changed links SQLite writes through a
// temporary table.
const LinksThroughTable = linksThroughTable

// CitedBySQL is CitedBy's statement, for the plan test.
const CitedBySQL = citedBySQL

// RegistryPastMarkSQL is RegistryInputAfter's comparison with its mark,
// for the plan test.
const RegistryPastMarkSQL = registryPastMarkSQL

// SentencesOfDocuments is sentencesOfDocuments, for the plan test.
func SentencesOfDocuments(cond string) string { return sentencesOfDocuments(cond) }

// LookupStatements says how many statements s keeps prepared on its
// look-up pool.
func LookupStatements(s *Store) int {
	s.lookups.mu.Lock()
	defer s.lookups.mu.Unlock()
	return len(s.lookups.m) + len(s.lookups.wanted)
}

// EnsureNearRunes runs what a store runs when it opens to count the
// letters of versions stored before migration 0051.
func EnsureNearRunes(ctx context.Context, s *Store) error { return s.ensureNearRunes(ctx) }

// NearRunesSetting is the store_settings key ensureNearRunes records.
const NearRunesSetting = nearRunesSetting

// IndexSnapshots says how many times s's search index came from the
// store's snapshot (as it was, or updated), and how many snapshots s
// saved.
func IndexSnapshots(s *Store) (loaded, saved int) {
	s.index.mu.Lock()
	defer s.index.mu.Unlock()
	return s.index.loaded, s.index.snapshots
}

// SnapshotRoundTrip writes s's search index down, reads it back and says
// where the two differ (nil when nowhere), with the snapshot's size.
func SnapshotRoundTrip(s *Store) (int, error) {
	x := s.index.get()
	if x == nil {
		return 0, errors.New("no search index held")
	}
	data, err := x.snapshot()
	if err != nil {
		return 0, err
	}
	y, err := readSearchSnapshot(data)
	if err != nil {
		return len(data), err
	}
	return len(data), sameIndex(x, y)
}

// sameIndex says where two search indexes differ in what searches read.
func sameIndex(x, y *labelIndex) error {
	switch {
	case x.key != y.key:
		return fmt.Errorf("key %+v, read back %+v", x.key, y.key)
	case x.maxVersion != y.maxVersion || x.heldVersions != y.heldVersions || x.heldSentences != y.heldSentences:
		return fmt.Errorf("counts %d %d %d, read back %d %d %d", x.maxVersion, x.heldVersions, x.heldSentences,
			y.maxVersion, y.heldVersions, y.heldSentences)
	case !slices.Equal(x.ids, y.ids):
		return errors.New("sentence ids by number differ")
	case !maps.Equal(x.docIndex, y.docIndex):
		return errors.New("documents' places differ")
	case !x.all.Equals(y.all):
		return errors.New("the sentences seen differ")
	}
	for id := range max(len(x.numbers), len(y.numbers)) {
		a, aok := x.number(int64(id))
		b, bok := y.number(int64(id))
		if a != b || aok != bok {
			return fmt.Errorf("sentence %d: number %d %v, read back %d %v", id, a, aok, b, bok)
		}
	}
	for i := range x.docs {
		a, b := x.docs[i], y.docs[i]
		if a.date != b.date || a.lang != b.lang || a.hidden != b.hidden || !slices.Equal(a.runs, b.runs) {
			return fmt.Errorf("document at %d: %+v, read back %+v", i, a, b)
		}
	}
	xf, yf := x.families(), y.families()
	for i := range xf {
		if !maps.EqualFunc(*xf[i], *yf[i], func(a, b *roaring.Bitmap) bool { return a.Equals(b) }) {
			return fmt.Errorf("label family %d differs", i)
		}
	}
	for i := range x.sets {
		a, b := x.sets[i].trie.view(), y.sets[i].trie.view()
		if !slices.Equal(x.sets[i].of, y.sets[i].of) || !slices.Equal(a.parent, b.parent) || !slices.Equal(a.value, b.value) ||
			!slices.Equal(a.values, b.values) {
			return fmt.Errorf("facet sets of kind %d differ", i)
		}
	}
	return nil
}

// SaveSearchSnapshot writes s's search index down, as the snapshot of the
// state it is of.
func SaveSearchSnapshot(ctx context.Context, s *Store) error {
	return s.saveSearchSnapshot(ctx, s.index.get())
}

// SaveSearchSnapshotAt writes s's search index down as the snapshot of
// the state whose newest event is events, as a server that read it then
// would.
func SaveSearchSnapshotAt(ctx context.Context, s *Store, events int64) error {
	x := *s.index.get()
	x.key.events = events
	return s.saveSearchSnapshot(ctx, &x)
}

// SetCommitmentBatch makes s read the commitments of n documents a batch.
func SetCommitmentBatch(s *Store, n int) { s.commitmentBatchSize = n }

// SetNearFilter sets after how many look-ups without the filter of
// near-duplicate keys a process reads it (-1: never) and the least
// capacity a filter is built with (near_filter.go).
func SetNearFilter(s *Store, readAfter, minKeys int64) {
	s.nearFilterAfter, s.nearFilterMin = readAfter, minKeys
}

// NearFiltered is how many keys look-ups left out by the filter.
func NearFiltered(s *Store) int64 { return s.nearFiltered.Load() }

// NearFilterMissing reads the store's filter as written and returns how
// many keys of near_sketches it says are absent, how many keys it counts
// and its capacity.
func NearFilterMissing(ctx context.Context, s *Store) (missing, keys, capacity int64, err error) {
	return s.nearFilterMissing(ctx)
}

// RebuildNearFilter builds s's filter of near-duplicate keys anew, with
// the capacity SetNearFilter asked for.
func RebuildNearFilter(ctx context.Context, s *Store) error {
	return s.write(ctx, func(tx *sql.Tx) error { return s.buildNearFilter(ctx, tx) })
}

// VersionOfText is versionOfText, for its plan.
func VersionOfText(alias, sha string) string { return versionOfText(alias, sha) }

// RegistryMentionsSorted is how RegistryEntry read an entry's mentions
// before registryMentions: every mention read with its sentence, sorted
// and cut in one statement. The reference of TestRegistryMentionsInOrder.
func RegistryMentionsSorted(ctx context.Context, s *Store, id int64, limit int) ([]entente.RegistryMention, error) {
	var out []entente.RegistryMention
	err := s.read(ctx, func(tx *sql.Tx) error {
		var ts []storedText
		err := queryRows(ctx, tx, `SELECT DISTINCT d.id, d.title, d.signed_date, v.language, s.label, `+sentenceTextSQL("s")+`, m.name, s.position FROM (
				SELECT c.version_id, c.title AS name, x.sentence_id FROM citations c JOIN citation_sentences x ON x.citation_id = c.id
				WHERE c.registry_id = $1
				UNION ALL
				SELECT n.version_id, n.name, y.sentence_id FROM entities n JOIN entity_sentences y ON y.entity_id = n.id
				WHERE n.registry_id = $1
				UNION ALL
				SELECT a.version_id, a.name, t.id FROM registry_added_names a
				JOIN sentences t ON t.version_id = a.version_id AND t.label = a.label
				WHERE a.registry_id = $1) m
			JOIN sentences s ON s.id = m.sentence_id JOIN versions v ON v.id = m.version_id JOIN documents d ON d.id = v.document_id
			WHERE d.withdrawn_at IS NULL
			ORDER BY d.signed_date, d.id, s.position LIMIT $2`, []any{id, limit}, func(rows *sql.Rows) error {
			var m entente.RegistryMention
			var date sql.NullString
			var pos int
			var t storedText
			dest := append([]any{&m.DocumentID, &m.Title, &date, &m.Language, &m.Sentence}, t.dest()...)
			if err := rows.Scan(append(dest, &m.Alias, &pos)...); err != nil {
				return err
			}
			if date.Valid {
				m.SignedDate = &date.String
			}
			out = append(out, m)
			ts = append(ts, t)
			return nil
		})
		if err != nil {
			return err
		}
		texts, err := sentenceTexts(ctx, queryRows, tx, nil, ts)
		if err != nil {
			return err
		}
		for i := range out {
			out[i].Text = texts[i]
		}
		return nil
	})
	return out, err
}

// SavedRegistryDiff says whether s keeps what it last saved of the
// registry, and how that differs from what is stored ("" for not at all):
// the entries' columns and names, and every citation's and entity's entry.
func SavedRegistryDiff(ctx context.Context, s *Store) (kept bool, diff string, err error) {
	s.saved.mu.Lock()
	saved := s.saved.saved
	s.saved.mu.Unlock()
	if saved == nil {
		return false, "", nil
	}
	var out []string
	err = s.read(ctx, func(tx *sql.Tx) error {
		stored, err := readStoredEntries(ctx, tx)
		if err != nil {
			return err
		}
		for id, o := range stored {
			k := saved.entries[id]
			switch {
			case k == nil:
				out = append(out, fmt.Sprintf("entry %d stored, not kept", id))
			case !sameValues(k.vals, o.vals):
				out = append(out, fmt.Sprintf("entry %d stored %v, kept %v", id, o.vals, k.vals))
			case !sameAliases(k.rows, o.rows) || !slices.Equal(k.aliases, o.aliases):
				out = append(out, fmt.Sprintf("entry %d's names stored %v, kept %v", id, o.rows, k.rows))
			}
		}
		for id := range saved.entries {
			if stored[id] == nil {
				out = append(out, fmt.Sprintf("entry %d kept, not stored", id))
			}
		}
		for t, table := range []string{"citations", "entities"} {
			err := queryRows(ctx, tx, `SELECT id, coalesce(registry_id, 0) FROM `+table, nil, func(rows *sql.Rows) error {
				var row, now int64
				if err := rows.Scan(&row, &now); err != nil {
					return err
				}
				var kept int64
				if j, ok := saved.links[t].get(row); ok {
					kept = saved.ids[j]
				}
				if row <= saved.last[t] && kept != now {
					out = append(out, fmt.Sprintf("%s %d stored linked to %d, kept to %d", table, row, now, kept))
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	return true, strings.Join(out, "; "), err
}

// ForgetSavedRegistry drops what s keeps of the registry it saved, as a
// new process over the same database starts without it.
func ForgetSavedRegistry(s *Store) { s.saved.take() }

// WaitSavedRegistryRead waits for a read ahead of the stored registry
// (PrefetchSavedRegistry) that runs, if any.
func WaitSavedRegistryRead(s *Store) {
	s.saved.mu.Lock()
	reading := s.saved.reading
	s.saved.mu.Unlock()
	if reading != nil {
		<-reading
	}
}

// PreparedStatements is how many statements s keeps prepared on its read
// pool.
func PreparedStatements(s *Store) int {
	s.stmts.mu.Lock()
	defer s.stmts.mu.Unlock()
	return len(s.stmts.m)
}
