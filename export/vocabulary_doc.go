package export

import (
	"fmt"
	"strings"

	"github.com/entente/entente"
)

// VocabularyDoc is the mapping of Entente's statuses onto each vocabulary
// as Markdown: docs/vocabularies.md is this text (a test holds it so),
// and a dataset's codebook carries it, so neither drifts from the code.
func VocabularyDoc() string {
	var b strings.Builder
	b.WriteString("# Status vocabularies\n\n")
	b.WriteString("An export of commitments or of a scorecard can give each status on a scale analysts publish in, beside\n")
	b.WriteString("Entente's own (`entente export commitments --vocabulary g7`, `?vocabulary=g7` in the UI's and the API's\n")
	b.WriteString("exports). Entente's status is always kept; a status that is not on the scale leaves the scale's cell\n")
	b.WriteString("empty. This page is generated from `vocabulary.go` (`go test ./export -run TestVocabularyDoc -update`).\n")
	for _, v := range entente.Vocabularies() {
		fmt.Fprintf(&b, "\n## %s (`%s`)\n\n%s.\n\n", v.Name, v.Code, v.Source)
		b.WriteString("| Entente status | " + v.Name + " | why |\n|---|---|---|\n")
		for _, s := range entente.Statuses {
			term := v.Term(s)
			if term == "" {
				term = "(none)"
			}
			fmt.Fprintf(&b, "| `%s` %s | %s | %s |\n", s, entente.StatusLabels().Label(string(s), "en"), term, v.Notes[s])
		}
		switch v.Code {
		case "g7":
			b.WriteString("\nThe commitments export adds `statuses_g7` (each party's score), `g7_score` (the mean of the\n")
			b.WriteString("parties' scores) and `g7_percent` ((mean + 1) / 2 × 100); the scorecard export adds `g7_percent` of\n")
			b.WriteString("its compliance and the pairs per score (`g7_full`, `g7_partial`, `g7_non`).\n")
		default:
			fmt.Fprintf(&b, "\nThe commitments export adds `statuses_%s` (each party's rating); the statuses table a `%s`\n", v.Code, v.Code)
			fmt.Fprintf(&b, "column; the scorecard export the pairs per rating (`%s_%s`, …).\n", v.Code, v.Values[0].Code)
		}
	}
	return b.String()
}
