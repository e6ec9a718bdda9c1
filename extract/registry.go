package extract

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/structure"
)

// Registry holds an extractor per language and reads each statement with
// the one for its language, detected from the text or given. It is safe
// for concurrent use.
type Registry struct {
	zh     *Extractor
	hant   *Hant
	en     *Spaced
	sr     *Spaced
	detect *detector
	// Log receives a reader's failure on a text with its stack (guard);
	// nil: the failure is only said in the extraction's warnings.
	Log *slog.Logger
}

// Languages are the language tags the registry has rules for.
var Languages = []string{"zh", "zh-Hant", "en", "sr-Cyrl", "sr-Latn"}

// NewRegistry builds the extractors of every language from the embedded
// tables. The Traditional Chinese table is read on first use.
func NewRegistry() (*Registry, error) {
	zh, err := New("zh")
	if err != nil {
		return nil, fmt.Errorf("chinese rules: %w", err)
	}
	en, err := NewSpaced("en")
	if err != nil {
		return nil, fmt.Errorf("english rules: %w", err)
	}
	sr, err := NewSpaced("sr")
	if err != nil {
		return nil, fmt.Errorf("serbian rules: %w", err)
	}
	d, err := newDetector()
	if err != nil {
		return nil, fmt.Errorf("language detection: %w", err)
	}
	return &Registry{zh: zh, hant: NewHant(zh), en: en, sr: sr, detect: d}, nil
}

// NormalizeLanguage turns a language given by a user (zh-TW, sr, EN,
// zh_Hant) into one of Languages, or reports that there are no rules for
// it. An empty tag means: detect.
func NormalizeLanguage(tag string) (string, error) {
	t := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(tag), "_", "-"))
	switch t {
	case "", "auto":
		return "", nil
	case "zh", "zh-cn", "zh-hans", "zh-sg", "cmn":
		return "zh", nil
	case "zh-hant", "zh-tw", "zh-hk", "zh-mo":
		return "zh-Hant", nil
	case "en", "en-us", "en-gb", "eng":
		return "en", nil
	case "sr-cyrl", "sr-cyrl-rs":
		return "sr-Cyrl", nil
	case "sr-latn", "sr-latn-rs", "sr", "srp":
		return "sr-Latn", nil
	}
	return "", fmt.Errorf("no rules for language %q (have %s)", tag, strings.Join(Languages, ", "))
}

// Extract reads a statement in the language detected from its text. A
// text in a language without rules gets its layout and a warning, every
// sentence unlabelled narrative: it is never read with another language's
// rules.
func (r *Registry) Extract(text string) *entente.Extraction {
	d := r.Detect(text)
	return r.extract(text, d.Tag, d.Evidence, nil)
}

// ExtractAs reads a statement as the given language (see NormalizeLanguage);
// an empty language means detect.
func (r *Registry) ExtractAs(text, lang string) (*entente.Extraction, error) {
	tag, err := NormalizeLanguage(lang)
	if err != nil {
		return nil, err
	}
	if tag == "" {
		return r.Extract(text), nil
	}
	return r.extract(text, tag, "given", nil), nil
}

// ExtractGiven reads a statement as an analyst has decided it should be
// read: in language lang (empty: detected), and with parties (nil: read
// from the text) as the document's parties, which a joint subject (the two
// sides, 双方, obe strane) and a sentence with no subject of its own stand
// for. The extraction's document keeps the parties as read from the text,
// as it keeps the language detected: the analyst's decision overlays them
// as a correction, which a re-extraction must not find changed.
func (r *Registry) ExtractGiven(text, lang string, parties []string) (*entente.Extraction, error) {
	tag, err := NormalizeLanguage(lang)
	if err != nil {
		return nil, err
	}
	evidence := "given"
	if tag == "" {
		d := r.Detect(text)
		tag, evidence = d.Tag, d.Evidence
	}
	return r.extract(text, tag, evidence, parties), nil
}

// For returns an extractor that reads every text as one language (the
// --lang of ingest), or the registry itself for "" (detect).
func (r *Registry) For(lang string) (interface {
	Extract(string) *entente.Extraction
}, error) {
	tag, err := NormalizeLanguage(lang)
	if err != nil {
		return nil, err
	}
	if tag == "" {
		return r, nil
	}
	return fixedLanguage{r: r, tag: tag}, nil
}

type fixedLanguage struct {
	r   *Registry
	tag string
}

func (f fixedLanguage) Extract(text string) *entente.Extraction {
	return f.r.extract(text, f.tag, "given", nil)
}

func (r *Registry) extract(text, tag, evidence string, parties []string) *entente.Extraction {
	out, _ := r.guard(text, tag, func() (*entente.Extraction, error) {
		return r.read(text, tag, evidence, parties), nil
	})
	return out
}

// read reads text with the rules of language tag.
func (r *Registry) read(text, tag, evidence string, parties []string) *entente.Extraction {
	var out *entente.Extraction
	switch tag {
	case "zh":
		out, _ = r.zh.extract(context.Background(), text, nil, parties) // a background context never ends
	case "zh-Hant":
		out = r.hant.extract(text, true, parties)
	case "en":
		out = r.en.extractGiven(text, parties)
	case "sr-Cyrl", "sr-Latn":
		out = r.sr.extractGiven(text, parties)
		out.Document.Language = tag
	default:
		out = unlabelled(text)
		out.Warnings = append(out.Warnings, fmt.Sprintf(
			"language not recognised (%s): Entente has rules for %s only; the layout is kept and no sentence is labelled (give --lang to choose)",
			evidence, strings.Join(Languages, ", ")))
	}
	return out
}

// unlabelled is the layout of a text in a language without rules: its
// sentences, every one narrative with a rationale that says why.
func unlabelled(text string) *entente.Extraction {
	lay := structure.Parse(text, structure.Vocabulary{})
	out := &entente.Extraction{
		Document: entente.Document{
			Title: lay.Title, Kind: entente.KindOther, Language: "und", Parties: []string{},
			Signatories: []entente.Signatory{}, AuthenticLanguages: []string{},
		},
		Sections: lay.Sections, Sentences: []entente.Sentence{}, References: []entente.Reference{},
		Mechanisms: []entente.Entity{}, Projects: []entente.Entity{},
	}
	if out.Sections == nil {
		out.Sections = []entente.Section{}
	}
	for i, ls := range lay.Sentences {
		out.Sentences = append(out.Sentences, entente.Sentence{
			ID: fmt.Sprintf("s%d", i+1), Section: ls.Section, Marker: ls.Marker, Paragraph: ls.Paragraph, Text: ls.Text,
			Type: entente.Narrative, Actors: []string{}, Areas: []string{}, References: []string{},
			Mechanisms: []string{}, Projects: []string{},
			Rationale: entente.Rationale{Type: &entente.Cue{Rule: "no rules for this language"}},
		})
	}
	return out
}

// ID is what a store records for labels the registry made: the extractor's
// name, the languages it reads and the version, as entente-zh,zh-Hant,en,sr/2.
func (r *Registry) ID() string { return Name + "-zh,zh-Hant,en,sr/" + Version }

// ExtractContext is Extract that gives up when ctx is done: the Chinese
// reader checks between sentences and clause runs, the others before and
// after their single linear pass. Ingest calls it so that an upload whose
// client has gone stops being read.
func (r *Registry) ExtractContext(ctx context.Context, text string) (*entente.Extraction, error) {
	d := r.Detect(text)
	return r.extractContext(ctx, text, d.Tag, d.Evidence)
}

// ExtractContext is Extract that gives up when ctx is done.
func (f fixedLanguage) ExtractContext(ctx context.Context, text string) (*entente.Extraction, error) {
	return f.r.extractContext(ctx, text, f.tag, "given")
}

func (r *Registry) extractContext(ctx context.Context, text, tag, evidence string) (*entente.Extraction, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if tag == "zh" {
		return r.guard(text, tag, func() (*entente.Extraction, error) { return r.zh.ExtractContext(ctx, text) })
	}
	out := r.extract(text, tag, evidence, nil)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
