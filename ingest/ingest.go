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
	"strings"
	"time"
	"unicode"

	"github.com/entente/entente"
	"github.com/entente/entente/decode"
)

// Extractor reads a decoded statement.
type Extractor interface {
	Extract(text string) *entente.Extraction
}

// Ingester stores statements. Its zero value is not usable: set Store and
// Extractor.
type Ingester struct {
	Store     entente.Store
	Extractor Extractor
	// ExtractorName is recorded with every version, so that a better
	// extractor can later tell which labels it would replace.
	ExtractorName string
	MaxSize       int64 // bytes; 0 means decode.DefaultMaxSize
	PDFToText     string
	Fetcher       *Fetcher
	Logger        *slog.Logger
	Now           func() time.Time
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
	out := Outcome{Name: input.Name}
	refuse := func(err error) Outcome {
		out.Status, out.Err = Refused, err
		out.Problem = err.Error()
		return out
	}
	sum := sha256.Sum256(input.Data)
	sha := hex.EncodeToString(sum[:])
	if src, err := in.Store.SourceBySHA256(ctx, sha); err == nil {
		out.Status, out.DocumentID, out.SourceID = AlreadyHave, src.DocumentID, src.ID
		return out
	} else if !errors.Is(err, entente.ErrNotFound) {
		return refuse(fmt.Errorf("%s: look up source: %w", input.Name, err))
	}

	res, err := decode.Decode(ctx, input.Name, input.Data, decode.Options{MaxSize: in.MaxSize, PDFToText: in.PDFToText, MediaType: input.MediaType})
	if err != nil {
		return refuse(err) // decode errors already name the input
	}
	out.Format, out.Encoding = res.Format, res.Encoding
	retrieved := input.RetrievedAt
	if retrieved.IsZero() {
		retrieved = in.now()
	}
	src := entente.Source{
		SHA256: sha, Size: int64(len(input.Data)), Name: input.Name, URL: input.URL,
		Format: res.Format, Encoding: res.Encoding, MediaType: res.MediaType, RetrievedAt: retrieved,
	}
	textSHA := TextSHA256(res.Text)
	if v, err := in.Store.VersionByTextSHA256(ctx, textSHA); err == nil {
		id, err := in.Store.AddSource(ctx, v.ID, src, input.Data)
		if err != nil {
			return in.raced(ctx, out, sha, fmt.Errorf("%s: add source to document %d: %w", input.Name, v.DocumentID, err))
		}
		out.Status, out.DocumentID, out.SourceID = NewSource, v.DocumentID, id
		return out
	} else if !errors.Is(err, entente.ErrNotFound) {
		return refuse(fmt.Errorf("%s: look up text: %w", input.Name, err))
	}

	x := in.Extractor.Extract(res.Text)
	if len(x.Sentences) == 0 {
		return refuse(fmt.Errorf("%s: no sentences found in the text", input.Name))
	}
	id, err := in.Store.CreateDocument(ctx, &entente.NewDocument{
		Extraction: x, Text: res.Text, TextSHA256: textSHA, Extractor: in.ExtractorName,
		Source: src, Original: input.Data,
	})
	if err != nil {
		return in.raced(ctx, out, sha, fmt.Errorf("%s: store: %w", input.Name, err))
	}
	out.Status, out.DocumentID, out.Title, out.extraction = Added, id, x.Document.Title, x
	out.Counts = map[string]int{}
	for _, s := range x.Sentences {
		out.Counts[string(s.Type)]++
	}
	in.logger().Info("ingested", "name", input.Name, "document", id, "sentences", len(x.Sentences))
	return out
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
	h := sha256.New()
	var b strings.Builder
	for _, r := range text {
		if !unicode.IsSpace(r) && r != '\u3000' && r != '\ufeff' {
			b.WriteRune(r)
		}
		if b.Len() > 1<<16 {
			h.Write([]byte(b.String()))
			b.Reset()
		}
	}
	h.Write([]byte(b.String()))
	return hex.EncodeToString(h.Sum(nil))
}
