// Package ingest takes statements in the form they arrive (files, folders,
// standard input, web pages), keeps the original bytes, recognises what it
// already has, and stores what it has not: decode → extract → store.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"time"
	"unicode/utf8"

	"github.com/entente/entente"
	"github.com/entente/entente/decode"
)

// Extractor reads a decoded statement.
type Extractor interface {
	Extract(text string) *entente.Extraction
}

// contextExtractor is an Extractor that stops when ctx ends (a client that
// left, a batch interrupted): Ingest uses it when the Extractor offers it.
type contextExtractor interface {
	ExtractContext(ctx context.Context, text string) (*entente.Extraction, error)
}

// Ingester stores statements. Its zero value is not usable: set Store and
// Extractor.
type Ingester struct {
	Store     entente.DocumentWriter // ingest only looks up and writes
	Extractor Extractor
	// ExtractorName is recorded with every version, so that a better
	// extractor can later tell which labels it would replace.
	ExtractorName string
	MaxSize       int64 // bytes; 0 means decode.DefaultMaxSize
	// Limits bound the decoded text: characters, sentences, characters
	// of a sentence.
	Limits    Limits
	PDFToText string
	// Tools runs pdftotext and antiword under time and memory limits; one
	// per process, so that its bound on concurrency holds. nil means the
	// default limits without a bound on concurrency.
	Tools   *decode.Tools
	Fetcher *Fetcher
	// GroupSize bounds the new documents a batch writes in one
	// transaction; 0 means the store's size, if it has one
	// (BatchGroupSize), or DefaultGroupSize.
	GroupSize int
	// GroupLinger is how long a batch's writer waits for the next input
	// before writing a group less than half full; 0 means
	// DefaultGroupLinger.
	GroupLinger time.Duration
	Logger      *slog.Logger
	Now         func() time.Time
	// LanguageGiven says Extractor reads one language an operator chose
	// (--lang) rather than detecting it: recorded with each new version so
	// that re-extraction keeps the choice.
	LanguageGiven bool
	// Linker, if set, links each new document to the stored documents
	// that are versions of the same statement in other languages.
	Linker Linker

	nearState
	held heldBounds // zero: the defaults (tests set smaller bounds)
}

// Linker links a newly stored document to its versions in other
// languages and returns their ids.
type Linker interface {
	// LinkNewGroup links documents stored together (ids[i] read as
	// xs[i]) and returns, for each, the ids linked and what failed.
	LinkNewGroup(ctx context.Context, ids []int64, xs []*entente.Extraction) ([][]int64, []error)
}

// Status says what became of one input.
type Status string

// Outcomes of one input.
const (
	Added       Status = "added"        // a new document
	NewSource   Status = "new source"   // the same text in another form: another source of a version
	AlreadyHave Status = "already have" // the same bytes: nothing to do
	Refused     Status = "refused"      // bad input, with the reason in Err
)

// Outcome is what became of one input.
type Outcome struct {
	Name       string         `json:"name"`
	Status     Status         `json:"status"`
	DocumentID int64          `json:"document_id,omitempty"`
	SourceID   int64          `json:"source_id,omitempty"`
	Title      string         `json:"title,omitempty"`
	Counts     map[string]int `json:"counts,omitempty"` // sentences by type, for a new document
	Err        error          `json:"-"`
	Problem    string         `json:"problem,omitempty"`
	Format     string         `json:"format,omitempty"`
	Encoding   string         `json:"encoding,omitempty"`
	Warnings   []string       `json:"warnings,omitempty"` // what the extractor could not read (an unknown language)
	// Versions are the stored documents a new one was linked to as versions
	// of the same statement in other languages.
	Versions []int64 `json:"versions,omitempty"`
	// Coverage is set on a new source whose text is a near-duplicate of its
	// version's (another publisher's print): the share their body covers.
	Coverage   float64 `json:"coverage,omitempty"`
	extraction *entente.Extraction
}

// Input is one statement's bytes with where they came from.
type Input struct {
	Name        string    // file path, "-" or address
	URL         string    // set when fetched
	MediaType   string    // a declared Content-Type, if any
	RetrievedAt time.Time // when read or fetched
	Data        []byte
}

func (in *Ingester) now() time.Time {
	if in.Now != nil {
		return in.Now()
	}
	return time.Now().UTC()
}

func (in *Ingester) logger() *slog.Logger {
	if in.Logger != nil {
		return in.Logger
	}
	return slog.New(slog.DiscardHandler)
}

// Ingest stores one input: the same bytes are recognised, the same text in
// another encoding or format becomes another source of its version, and a
// new text becomes a new document, written in one transaction.
func (in *Ingester) Ingest(ctx context.Context, input Input) Outcome {
	e := in.examine(ctx, input, true)
	if e.settled() {
		return e.out
	}
	return in.store(ctx, e)
}

// examined is an input read, decoded and, if its text is new, extracted:
// everything up to the write.
type examined struct {
	out       Outcome // settled when out.Status is set
	input     Input
	src       entente.Source
	text      string
	textSHA   string
	versionID int64 // the stored version with the same text, if any
	x         *entente.Extraction
	near      *entente.NearText // text read for near-duplicates, once
	sketch    []int64
	runes     int // the letters and digits the measure reads, counted with the sketch
	// nearChecked says the store was searched for near-duplicates of the
	// text; seenCommits is the count of the batch writer's commits
	// before the examination began, all of which that search could see
	nearChecked bool
	seenCommits int64
	held        int64 // bytes counted in the batch's inFlight (heldBy)
	// doc is the new document, prepared by the store (prepare), once
	// extracted
	doc *entente.NewDocument
}

func (e *examined) settled() bool { return e.out.Status != "" }

// nearText is e's text as the near-duplicate measure reads it, read once
// for every comparison of a batch. Only a text with candidates is
// compared, and few are (the genre's statements seldom share a key), so
// it is read when first compared, not with the sketch: four letters of
// a text take 16 bytes here, more than the text.
func (e *examined) nearText() *entente.NearText {
	if e.near == nil {
		e.near = entente.NewNearText(e.text)
	}
	return e.near
}

// nearSketch is e's text's entente.NearSketch, computed once.
func (e *examined) nearSketch() []int64 {
	if e.sketch == nil {
		e.sketch, e.runes = entente.NearSketchRunes(e.text)
		if e.sketch == nil {
			e.sketch = []int64{} // a text shorter than a run: no keys
		}
	}
	return e.sketch
}

// nearRunes is the number of letters and digits the near-duplicate
// measure reads in e's text, counted with its sketch.
func (e *examined) nearRunes() int {
	e.nearSketch()
	return e.runes
}

// mayBeNear says whether e can be the same statement as a text of runes
// letters and digits (0: not known) by their lengths alone
// (entente.NearRunesMayMatch): a candidate that cannot is not read or
// compared.
func (e *examined) mayBeNear(runes int) bool {
	return runes == 0 || entente.NearRunesMayMatch(e.nearRunes(), runes)
}

// sketchIf is the sketch to look near-duplicates up by in the store now:
// e's, or none when they are looked up later. The sketch is made either
// way, by the examination, which runs on every core.
func (e *examined) sketchIf(now bool) []int64 {
	if sk := e.nearSketch(); now {
		return sk
	}
	return nil
}

// newDocument is what the store writes for a new text.
func (e *examined) newDocument(in *Ingester) *entente.NewDocument {
	if e.doc != nil {
		return e.doc
	}
	return &entente.NewDocument{
		Extraction: e.x, Text: e.text, TextSHA256: e.textSHA, Extractor: in.ExtractorName,
		Source: e.src, Original: e.input.Data, LanguageGiven: in.LanguageGiven, NearSketch: e.sketch, NearRunes: e.runes,
	}
}

// documentPreparer is a store that derives what it writes of a new
// document ahead of the transaction (sqlstore's PrepareDocument).
type documentPreparer interface {
	PrepareDocument(ctx context.Context, d *entente.NewDocument) (entente.PreparedDocument, error)
}

// prepare has the store derive what it will write of e's new document
// now, in the examination: a batch examines on every core, and its one
// writer would otherwise derive a whole group's documents while it holds
// the transaction. The near-duplicate sketch is computed here too, for
// the writer's look-ups and the store's row alike.
func (in *Ingester) prepare(ctx context.Context, e *examined) *examined {
	dp, ok := in.Store.(documentPreparer)
	if !ok {
		return e
	}
	e.nearSketch()
	d := e.newDocument(in)
	p, err := dp.PrepareDocument(ctx, d)
	if err != nil {
		return e.refuse(err) // it names the source
	}
	d.Prepared = p
	e.doc = d
	return e
}

// examine does what one input needs before it is written: it looks up its
// bytes and its text in the store, decodes it and extracts a new text. It
// only reads the store, so many inputs can be examined at once. Without
// near, it leaves the near-duplicates to the caller (a batch's writer
// looks them up: writer.nearStored), and e.nearChecked false.
func (in *Ingester) examine(ctx context.Context, input Input, near bool) *examined {
	e, f := in.decodeInput(ctx, input)
	return in.examineDecoded(ctx, e, f, near)
}

// examineDecoded goes on with e as decodeInput left it, looking it up
// alone.
func (in *Ingester) examineDecoded(ctx context.Context, e *examined, f inputFinder, near bool) *examined {
	switch {
	case e.settled():
		return e
	case f == nil:
		return in.examineText(ctx, e, near)
	}
	src, v, cands, err := f.FindInput(ctx, e.src.SHA256, e.textSHA, e.sketchIf(near))
	return in.examineFound(ctx, f, e, src, v, cands, err, near)
}

// refuse settles e as refused for err.
func (e *examined) refuse(err error) *examined {
	e.out.Status, e.out.Err, e.out.Problem = Refused, err, err.Error()
	return e
}

// decodeInput is the first part of examine: the input's bytes hashed and
// decoded. An input read in the process (text, HTML) is decoded first,
// and f is then the store that looks its bytes, text and near-duplicates
// up in one statement (FindInput: examineFound goes on with what it
// finds); any other is looked up by its bytes first, so that a known PDF
// or DOCX is not read again (f nil: examineText goes on).
func (in *Ingester) decodeInput(ctx context.Context, input Input) (e *examined, f inputFinder) {
	e = &examined{out: Outcome{Name: input.Name}, input: input}
	sum := sha256.Sum256(input.Data)
	sha := hex.EncodeToString(sum[:])
	f, atOnce := in.Store.(inputFinder)
	atOnce = atOnce && decode.InProcess(input.Data)
	known := func() (bool, error) {
		src, err := in.Store.SourceBySHA256(ctx, sha)
		if err == nil {
			e.out.Status, e.out.DocumentID, e.out.SourceID = AlreadyHave, src.DocumentID, src.ID
			return true, nil
		} else if !errors.Is(err, entente.ErrNotFound) {
			return false, fmt.Errorf("%s: look up source: %w", input.Name, err)
		}
		return false, nil
	}
	if !atOnce {
		if ok, err := known(); err != nil {
			return e.refuse(err), nil
		} else if ok {
			return e, nil
		}
	}

	res, err := decode.Decode(ctx, input.Name, input.Data, decode.Options{
		MaxSize: in.MaxSize, PDFToText: in.PDFToText, MediaType: input.MediaType,
		MaxChars: in.Limits.maxChars(), Tools: in.Tools,
	})
	if err != nil {
		if atOnce {
			// a stored input is known by its bytes, whatever reading them
			// says now (a lower limit, a stricter reader)
			if ok, lerr := known(); lerr != nil {
				return e.refuse(lerr), nil
			} else if ok {
				return e, nil
			}
		}
		return e.refuse(err), nil // decode errors already name the input
	}
	if err := stopped(ctx, input.Name, "decoded"); err != nil {
		return e.refuse(err), nil
	}
	e.out.Format, e.out.Encoding = res.Format, res.Encoding
	retrieved := input.RetrievedAt
	if retrieved.IsZero() {
		retrieved = in.now()
	}
	e.src = entente.Source{
		SHA256: sha, Size: int64(len(input.Data)), Name: input.Name, URL: input.URL,
		Format: res.Format, Encoding: res.Encoding, MediaType: res.MediaType, RetrievedAt: retrieved,
	}
	e.text, e.textSHA = res.Text, TextSHA256(res.Text)
	if atOnce {
		return e, f
	}
	return e, nil
}

// examineFound goes on with e once f has looked its bytes, text and
// sketch up (FindInput's answer, or FindInputs').
func (in *Ingester) examineFound(ctx context.Context, f inputFinder, e *examined, src *entente.Source, v *entente.Version, cands []entente.Version, err error, near bool) *examined {
	input := e.input
	if err != nil {
		return e.refuse(fmt.Errorf("%s: look up input: %w", input.Name, err))
	}
	if src != nil {
		// as when found before decoding: nothing read kept
		return &examined{input: input, out: Outcome{Name: input.Name, Status: AlreadyHave, DocumentID: src.DocumentID,
			SourceID: src.ID}}
	}
	if v != nil {
		e.versionID, e.out.DocumentID = v.ID, v.DocumentID
		return e
	}
	if near && in.nearAmong(ctx, f, e, cands) {
		return e
	}
	return in.extractNew(ctx, e)
}

// examineText goes on with a decoded input whose bytes were looked up
// before it was decoded: its text, and its near-duplicates with near.
func (in *Ingester) examineText(ctx context.Context, e *examined, near bool) *examined {
	if tf, ok := in.Store.(textFinder); ok {
		// the text and its near-duplicates in one look-up
		v, cands, err := tf.FindText(ctx, e.textSHA, e.sketchIf(near))
		if err != nil {
			return e.refuse(fmt.Errorf("%s: look up text: %w", e.input.Name, err))
		}
		if v != nil {
			e.versionID, e.out.DocumentID = v.ID, v.DocumentID
			return e
		}
		if near && in.nearAmong(ctx, tf, e, cands) {
			return e
		}
	} else {
		if v, err := in.Store.VersionByTextSHA256(ctx, e.textSHA); err == nil {
			e.versionID, e.out.DocumentID = v.ID, v.DocumentID
			return e
		} else if !errors.Is(err, entente.ErrNotFound) {
			return e.refuse(fmt.Errorf("%s: look up text: %w", e.input.Name, err))
		}
		if near && in.nearDuplicate(ctx, e) {
			return e
		}
	}
	return in.extractNew(ctx, e)
}

// extractNew is the last part of examine: a new text checked against the
// limits and extracted.
func (in *Ingester) extractNew(ctx context.Context, e *examined) *examined {
	name := e.input.Name
	if err := in.Limits.checkText(name, e.text); err != nil {
		return e.refuse(err)
	}
	x, err := in.extract(ctx, e.text)
	if err != nil {
		return e.refuse(fmt.Errorf("%s: extract: %w", name, err))
	}
	e.x = x
	if err := stopped(ctx, name, "extracted"); err != nil {
		return e.refuse(err)
	}
	if len(e.x.Sentences) == 0 {
		return e.refuse(fmt.Errorf("%s: no sentences found in the text", name))
	}
	if err := in.Limits.checkExtraction(name, e.x); err != nil {
		return e.refuse(err)
	}
	return in.prepare(ctx, e)
}

// extract runs the extractor, through its context-aware form when it has
// one.
func (in *Ingester) extract(ctx context.Context, text string) (*entente.Extraction, error) {
	if cx, ok := in.Extractor.(contextExtractor); ok {
		return cx.ExtractContext(ctx, text)
	}
	return in.Extractor.Extract(text), nil
}

// stopped reports a ctx that ended after a stage, so that work for a
// client that has gone ends at the next stage.
func stopped(ctx context.Context, name, stage string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("%s: stopped once %s: %w", name, stage, err)
	}
	return nil
}

// store writes an examined input alone: another source of a stored
// version, or a new document.
func (in *Ingester) store(ctx context.Context, e *examined) Outcome {
	if e.versionID != 0 {
		return in.addSource(ctx, e, e.versionID, e.out.DocumentID)
	}
	id, err := in.Store.CreateDocument(ctx, e.newDocument(in))
	if err != nil {
		// Another process (a second server on the same PostgreSQL, a CLI
		// ingest) may have stored the same text between our look-up and
		// our write, from other bytes: then ours is another source of it.
		if v, verr := in.Store.VersionByTextSHA256(ctx, e.textSHA); verr == nil {
			if _, serr := in.Store.SourceBySHA256(ctx, e.src.SHA256); errors.Is(serr, entente.ErrNotFound) {
				return in.addSource(ctx, e, v.ID, v.DocumentID)
			}
		}
		return in.raced(ctx, e.out, e.src.SHA256, fmt.Errorf("%s: store: %w", e.input.Name, err))
	}
	out := in.added(ctx, e, id)
	in.linkNew(ctx, []*Outcome{&out})
	return out
}

// addSource records e as another source of version vid of document did.
func (in *Ingester) addSource(ctx context.Context, e *examined, vid, did int64) Outcome {
	out := e.out
	id, err := in.Store.AddSource(ctx, vid, e.src, e.input.Data)
	if err != nil {
		return in.raced(ctx, out, e.src.SHA256, fmt.Errorf("%s: add source to document %d: %w", e.input.Name, did, err))
	}
	out.Status, out.DocumentID, out.SourceID, out.Coverage = NewSource, did, id, e.src.Coverage
	return out
}

// added is the outcome of e stored as document id.
func (in *Ingester) added(ctx context.Context, e *examined, id int64) Outcome {
	out := e.out
	out.Status, out.DocumentID, out.Title, out.extraction = Added, id, e.x.Document.Title, e.x
	out.Warnings = e.x.Warnings
	out.Counts = map[string]int{}
	for _, s := range e.x.Sentences {
		out.Counts[string(s.Type)]++
	}
	in.logger().Info("ingested", "name", e.input.Name, "document", id, "sentences", len(e.x.Sentences))
	return out
}

// linkNew links the documents just stored (outs, added) to their versions
// in other languages, in one call for a batch's group. The documents are
// stored: a failure to link is said in its outcome, not a refusal.
func (in *Ingester) linkNew(ctx context.Context, outs []*Outcome) {
	if in.Linker == nil || len(outs) == 0 {
		return
	}
	ids, xs := make([]int64, len(outs)), make([]*entente.Extraction, len(outs))
	for i, o := range outs {
		ids[i], xs[i] = o.DocumentID, o.extraction
	}
	links, errs := in.Linker.LinkNewGroup(ctx, ids, xs)
	for i, o := range outs {
		o.Versions = links[i]
		if errs[i] != nil {
			o.Warnings = append(o.Warnings, "versions in other languages not linked: "+errs[i].Error())
		}
	}
}

// raced handles a write that failed because another process stored the
// same bytes between our look-up and our write: that is "already have",
// not an error.
func (in *Ingester) raced(ctx context.Context, out Outcome, sha string, err error) Outcome {
	if src, e := in.Store.SourceBySHA256(ctx, sha); e == nil {
		out.Status, out.DocumentID, out.SourceID = AlreadyHave, src.DocumentID, src.ID
		return out
	}
	out.Status, out.Err, out.Problem = Refused, err, err.Error()
	return out
}

// TextSHA256 is the identity of a text across encodings and formats: the
// sha256 of its characters without any white space, so that a PDF's line
// breaks, an HTML page's indents and a text file's blank lines do not make
// the same statement two documents.
func TextSHA256(text string) string {
	// The runes kept are hashed as the text holds them, run by run (a
	// rune at a time through a builder, and the unicode table's search
	// for every Chinese character, were most of it); a byte of invalid
	// UTF-8 as U+FFFD, as ranging over the text reads it.
	h := sha256.New()
	var buf [512]byte
	b := buf[:0]
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if !(c == ' ' || '\t' <= c && c <= '\r') {
				b = append(b, c)
			}
			i++
		} else {
			r, n := utf8.DecodeRuneInString(text[i:])
			switch {
			case entente.IsSpace(r) || r == '\ufeff':
			case r == utf8.RuneError && n == 1:
				b = utf8.AppendRune(b, r)
			default:
				b = append(b, text[i:i+n]...)
			}
			i += n
		}
		if len(b) > len(buf)-utf8.UTFMax {
			h.Write(b)
			b = b[:0]
		}
	}
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}
