package export

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/entente/entente"
)

// The codebook of a dataset: every column of every file described, with
// the values of each coded column listed from the closed lists the code
// uses (entente's ValueLists), so that it cannot drift from them. A
// column of a dataset table without a description here fails a test.

// columnDoc describes one column: what it holds and, for a coded column,
// the list its codes come from.
type columnDoc struct {
	doc    string
	values func() entente.ValueList
}

func described(doc string) columnDoc { return columnDoc{doc: doc} }

func coded(doc string, values func() entente.ValueList) columnDoc {
	return columnDoc{doc: doc, values: values}
}

// labelKinds are the labels the labels table lists, one row per value.
func labelKinds() entente.ValueList {
	return entente.ValueList{
		{Code: "type", Labels: entente.Labels{"zh": "句子类型", "en": "sentence type"}},
		{Code: "strength", Labels: entente.Labels{"zh": "承诺强度", "en": "strength of a commitment"}},
		{Code: "actor", Labels: entente.Labels{"zh": "行为方", "en": "actor (ISO 3166-1 alpha-2)"}},
		{Code: "area", Labels: entente.Labels{"zh": "政策领域", "en": "policy area"}},
		{Code: "deadline", Labels: entente.Labels{"zh": "期限", "en": "deadline as written"}},
		{Code: "reference", Labels: entente.Labels{"zh": "所引文件", "en": "instrument cited"}},
		{Code: "mechanism", Labels: entente.Labels{"zh": "机制", "en": "mechanism named"}},
		{Code: "project", Labels: entente.Labels{"zh": "项目", "en": "project named"}},
	}
}

// columnDocs are the dataset tables' columns, by table and column.
var columnDocs = map[string]map[string]columnDoc{
	"documents": {
		"id":           described("The document's id in this release; other files refer to it as document_id."),
		"title":        described("The title as the statement gives it (after any correction)."),
		"kind":         coded("What kind of instrument it is.", entente.DocumentKinds),
		"language":     coded("The language of its first version.", entente.VersionLanguages),
		"parties":      described("The parties that made it, ISO 3166-1 alpha-2 codes separated by \"; \" (an array in JSON)."),
		"signed_date":  described("The date it was signed (YYYY-MM-DD); empty when unknown."),
		"signed_place": described("Where it was signed, as written; empty when unknown."),
		"sentences":    described("How many sentences it has."),
		"commitments":  described("How many of them are commitments."),
		"stored_at":    described("When it was added to the library (UTC)."),
	},
	"sentences": {
		"document_id":    described("The document (documents.id)."),
		"document_title": described("The document's title."),
		"signed_date":    described("The document's signing date (YYYY-MM-DD)."),
		"language":       coded("The language of the sentence's version.", entente.VersionLanguages),
		"section":        described("The section it is in: preamble, an article's number, closing."),
		"sentence":       described("The sentence's id within its document (s1, s2, … in reading order); with document_id it names the sentence."),
		"type":           coded("What the sentence does (after any approved correction).", entente.SentenceTypes),
		"strength":       coded("How firmly a commitment is made; empty for other types.", entente.Strengths),
		"actors":         described("Who is bound or speaks, ISO 3166-1 alpha-2 codes separated by \"; \"."),
		"areas":          coded("The policy areas, separated by \"; \".", entente.Areas),
		"deadline":       described("The deadline as written in the sentence; empty when it has none."),
		"text":           described("The sentence's text."),
	},
	"labels": {
		"document_id": described("The document (documents.id)."),
		"sentence":    described("The sentence (sentences.sentence)."),
		"label":       coded("Which label: one row per value of each.", labelKinds),
		"value":       described("The label's value: a code of the label's list (see sentences' type, strength, areas), a party code, or text as written."),
		"rule":        coded("The extractor's rule that gave this value (a composed rule reads \"stance+modal\", \"coordinated should\"); empty when a correction set the value or no rule names it.", entente.Rules),
		"cue":         described("The words of the sentence the rule read."),
	},
	"commitments": {
		"document_id":    described("The document (documents.id)."),
		"sentence":       described("The sentence (sentences.sentence)."),
		"document_title": described("The document's title."),
		"signed_date":    described("The document's signing date (YYYY-MM-DD)."),
		"section":        described("The section the commitment is in."),
		"text":           described("The commitment's text."),
		"strength":       coded("How firmly it is made.", entente.Strengths),
		"actors":         described("The parties it binds (ISO 3166-1 alpha-2, \"; \"); the document's parties when it names none."),
		"areas":          coded("Its policy areas, separated by \"; \".", entente.Areas),
		"deadline":       described("Its deadline as written."),
		"due_date":       described("The deadline read as the last day it allows (YYYY-MM-DD); empty when there is none or it gives no date."),
		"due_precision":  coded("How exactly due_date is known.", entente.Precisions),
		"overdue":        described("TRUE when due before the day of the release and not fulfilled (nor superseded) for every party."),
		"statuses":       coded("Each party's status, \"CN: fulfilled; RS: stalled\" (in JSON an array of objects with party, status, evidence_id, why, by, at).", entente.StatusLabels),
		"evidence":       described("How many evidence items support its statuses (retracted ones not counted)."),
		"evidence_items": described("Those items: \"#id title <address> (date)\" separated by \"; \" (in JSON an array of objects); see evidence."),
		"revision":       described("How many times its statuses were changed."),
	},
	"statuses": {
		"document_id": described("The document (documents.id)."),
		"sentence":    described("The commitment (commitments.sentence)."),
		"party":       described("The party (ISO 3166-1 alpha-2) the status is for."),
		"status":      coded("Where the commitment stands for the party.", entente.StatusLabels),
		"evidence_id": described("The evidence the status names (evidence.evidence_id); empty for not_rated."),
		"why":         described("The reason given for the last change."),
		"changed_by":  described("Who made the last change (an account's name, or the person at the command line)."),
		"changed_at":  described("When (UTC); empty when never set."),
	},
	"evidence": {
		"evidence_id":           described("The evidence item's id."),
		"document_id":           described("The document of the commitment it supports (documents.id)."),
		"sentence":              described("The commitment it supports (commitments.sentence)."),
		"title":                 described("Its title."),
		"url":                   described("Its address; empty for a sentence of another statement."),
		"publisher":             described("Who published it."),
		"event_date":            described("When what it reports happened (YYYY-MM-DD)."),
		"accessed":              described("When it was read (YYYY-MM-DD)."),
		"quote":                 described("The passage that is the evidence."),
		"note":                  described("A note by who added it."),
		"official":              described("TRUE for an official source (a government's or an organisation's own)."),
		"cited_document":        described("When the evidence is a sentence of another stored statement: that document (documents.id)."),
		"cited_sentence_anchor": described("That sentence's anchor: version:section:sha256 of its text:occurrence."),
		"archive_sha256":        described("The SHA-256 of the copy of the page kept when it was added."),
		"archive_problem":       described("Why no copy was kept, when none was."),
		"added_by":              described("Who added it."),
		"added_at":              described("When it was added (UTC)."),
		"retracted":             described("TRUE when retracted (kept, never deleted)."),
		"retracted_by":          described("Who retracted it."),
		"retracted_at":          described("When it was retracted (UTC)."),
		"retract_reason":        described("Why it was retracted."),
	},
}

// vocabularyDoc describes the columns a vocabulary adds.
func vocabularyDoc(v *entente.Vocabulary, column string) (columnDoc, bool) {
	if v == nil {
		return columnDoc{}, false
	}
	// the files hold the scale's own wording, so the codebook lists that
	values := func() entente.ValueList {
		out := make(entente.ValueList, len(v.Values))
		for i, val := range v.Values {
			out[i] = entente.Value{Code: val.Labels["en"], Labels: val.Labels}
		}
		return out
	}
	switch column {
	case "statuses_" + v.Code:
		return coded("Each party's status on the "+v.Name+" (see docs/vocabularies.md), \"CN: …; RS: …\"; empty after the colon when the status has no place on it.", values), true
	case v.Code:
		if v.Code == "g7" {
			return described("The status on the G7/G20 scale: 1, 0 or -1; empty when it is not scored (not_rated, superseded)."), true
		}
		return coded("The status on the "+v.Name+"; empty when it has no place on it.", values), true
	case "g7_score":
		return described("The mean of the parties' G7/G20 scores (-1 … 1); empty when none is scored."), v.Code == "g7"
	case "g7_percent":
		return described("g7_score as the G7/G20 Research Group's percentage: (score + 1) / 2 × 100."), v.Code == "g7"
	}
	return columnDoc{}, false
}

// docOf returns the description of table's column.
func docOf(table, column string, v *entente.Vocabulary) (columnDoc, bool) {
	if d, ok := columnDocs[table][column]; ok {
		return d, true
	}
	return vocabularyDoc(v, column)
}

var kindNames = map[Kind]string{Text: "text", Int: "integer", Float: "number", Date: "date", DateTime: "date and time", Bool: "boolean"}

// codebookFile is one file of a dataset with its columns, as codebook.json
// holds it.
type codebookFile struct {
	Name    string           `json:"name"`
	Files   []string         `json:"files"`
	Rows    int              `json:"rows"`
	Columns []codebookColumn `json:"columns"`
}

type codebookColumn struct {
	Name        string          `json:"name"`
	Type        string          `json:"type"`
	Description string          `json:"description"`
	Values      []codebookValue `json:"values,omitempty"`
}

type codebookValue struct {
	Code  string `json:"code"`
	Label string `json:"label"`
	Zh    string `json:"label_zh"`
}

// codebookOf describes a table's columns; an undocumented column is an
// error, so that a new column cannot ship without its description.
func codebookOf(t Table, v *entente.Vocabulary, rows int) (codebookFile, error) {
	f := codebookFile{Name: t.Name, Files: []string{t.Name + ".csv", t.Name + ".json"}, Rows: rows}
	for _, c := range t.Columns {
		d, ok := docOf(t.Name, c.Name, v)
		if !ok {
			return f, fmt.Errorf("codebook: %s.%s is not described", t.Name, c.Name)
		}
		col := codebookColumn{Name: c.Name, Type: kindNames[c.Kind], Description: d.doc}
		if d.values != nil {
			for _, val := range d.values() {
				col.Values = append(col.Values, codebookValue{Code: val.Code, Label: val.Labels["en"], Zh: val.Labels["zh"]})
			}
		}
		f.Columns = append(f.Columns, col)
	}
	return f, nil
}

// writeCodebookMarkdown writes the codebook for people: the citation, what
// the release holds, each file's columns with their values, and the
// status vocabularies' mapping.
func writeCodebookMarkdown(w io.Writer, title, citation string, about About, files []codebookFile) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: codebook\n\nCite as: %s\n\n", title, citation)
	fmt.Fprintf(&b, "Released %s by %s with Entente. Each table is a CSV file (UTF-8 with a byte-order mark, a header row;\n"+
		"lists joined by \"; \") and a JSON file (what was exported, the columns, the rows as objects; lists as arrays,\n"+
		"none as null). codebook.json holds this codebook for programs.\n\n", about.At.UTC().Format("2006-01-02 15:04 UTC"), about.By.Name)
	for _, f := range about.Filters {
		fmt.Fprintf(&b, "- %s: %s\n", f.Name, f.Value)
	}
	for _, f := range files {
		fmt.Fprintf(&b, "\n## %s (%d rows)\n\n| column | type | description |\n|---|---|---|\n", strings.Join(f.Files, ", "), f.Rows)
		for _, c := range f.Columns {
			desc := strings.ReplaceAll(c.Description, "|", "\\|")
			if len(c.Values) > 0 {
				var vals []string
				for _, v := range c.Values {
					vals = append(vals, fmt.Sprintf("`%s` %s", v.Code, v.Label))
				}
				desc += " Values: " + strings.Join(vals, "; ") + "."
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s |\n", c.Name, c.Type, desc)
		}
	}
	b.WriteString("\n" + strings.Replace(VocabularyDoc(), "# Status vocabularies", "## Status vocabularies", 1))
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write codebook: %w", err)
	}
	return nil
}

func writeCodebookJSON(w io.Writer, title, citation string, about About, files []codebookFile) error {
	filters := map[string]string{}
	for _, f := range about.Filters {
		filters[f.Name] = f.Value
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	err := enc.Encode(map[string]any{"title": title, "citation": citation, "released_at": about.At.UTC(), "released_by": about.By.Name,
		"options": filters, "files": files})
	if err != nil {
		return fmt.Errorf("write codebook: %w", err)
	}
	return nil
}
