package web

import (
	"context"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/tracking"
)

// TestDashboardScorecard filters the dashboard by party (code and name),
// pair, area and years, and checks that under each filter the page's
// tables carry the tracker's scorecard of the same set: the counts per
// status, commitments, rated pairs, compliance and overdue, and as many
// commitments by strength; then that a refused value is said beside its
// field while the rest still applies.
func TestDashboardScorecard(t *testing.T) {
	forEachStore(t, func(t *testing.T, h *harness) {
		h.upload(entente.RoleAnalyst, map[string][]byte{"rs.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")})
		ana := signedIn(t, h, entente.RoleAnalyst)
		base := h.ts.URL
		tr, err := h.srv.tracker()
		if err != nil {
			t.Fatal(err)
		}
		listed, err := tr.Commitments(context.Background(), entente.CommitmentFilter{Limit: tracking.MaxLimit})
		if err != nil || len(listed.Commitments) < 2 || listed.Total != len(listed.Commitments) {
			t.Fatalf("commitments: %+v, %v", listed, err)
		}
		all := listed.Commitments
		// one commitment fulfilled by every party, another stalled for RS
		var labels []string
		for _, c := range all {
			if len(labels) == 0 || len(labels) == 1 && c.StatusOf("RS") == entente.NotRated && slices.ContainsFunc(c.Statuses,
				func(s entente.PartyStatus) bool { return s.Party == "RS" }) && c.Sentence.ID != labels[0] {
				labels = append(labels, c.Sentence.ID)
			}
		}
		if len(labels) != 2 {
			t.Fatalf("no second commitment binding RS: %v", labels)
		}
		for i, set := range []url.Values{
			{"revision": {"0"}, "status": {"fulfilled"}, "reason": {"done"}, "ev_title": {"Talks held"}},
			{"revision": {"0"}, "status": {"stalled"}, "party": {"RS"}, "reason": {"late"}, "ev_title": {"Works stopped"}},
		} {
			if code, page := fetch(t, ana, "POST", base+"/documents/1/sentences/"+labels[i]+"/status", set); code != 200 {
				t.Fatalf("set %s: %d\n%s", labels[i], code, clip([]byte(page)))
			}
		}
		pairs := len(all[0].Statuses)
		area := ""
		for _, c := range all {
			if len(c.Sentence.Areas) > 0 {
				area = c.Sentence.Areas[0]
				break
			}
		}
		cases := []struct {
			query string
			want  entente.CommitmentFilter
		}{
			{"", entente.CommitmentFilter{}},
			{"party=RS", entente.CommitmentFilter{Party: "RS"}},
			{"party=" + url.QueryEscape("中国"), entente.CommitmentFilter{Party: "CN"}},
			{"pair=CN,RS", entente.CommitmentFilter{Pair: []string{"CN", "RS"}}},
			{"pair=" + url.QueryEscape("塞尔维亚, china"), entente.CommitmentFilter{Pair: []string{"RS", "CN"}}},
			{"area=" + area, entente.CommitmentFilter{Area: area}},
			{"from=2024&to=2024", entente.CommitmentFilter{From: "2024", To: "2024"}},
			{"from=2030", entente.CommitmentFilter{From: "2030"}},
			{"party=RS&area=" + area + "&from=2020", entente.CommitmentFilter{Party: "RS", Area: area, From: "2020"}},
		}
		seen := map[string]bool{} // the filters select different sets
		for _, c := range cases {
			code, page := fetch(t, ana, "GET", base+"/dashboard?"+c.query, nil)
			if code != 200 {
				t.Fatalf("%s: %d", c.query, code)
			}
			if strings.Contains(page, `class="error"`) {
				t.Errorf("%s: a filter was refused", c.query)
			}
			sc, err := tr.Scorecard(context.Background(), c.want)
			if err != nil {
				t.Fatal(err)
			}
			for _, st := range entente.Statuses {
				if got := cell(t, page, `data-status="`+string(st)+`"`); got != strconv.Itoa(sc.Counts[st]) {
					t.Errorf("%s: %s shows %s, the scorecard %d", c.query, st, got, sc.Counts[st])
				}
			}
			for key, want := range map[string]string{"commitments": strconv.Itoa(sc.Commitments), "pairs": strconv.Itoa(sc.Pairs),
				"rated": strconv.Itoa(sc.Rated), "overdue": strconv.Itoa(sc.Overdue), "compliance": compliance(sc.Compliance, dashWordsFor("zh").NoneRated)} {
				if got := cell(t, page, `data-score="`+key+`"`); got != want {
					t.Errorf("%s: %s shows %s, the scorecard %s", c.query, key, got, want)
				}
			}
			seen[cell(t, page, `data-score="pairs"`)+"/"+cell(t, page, `data-status="stalled"`)] = true
			if got := sumCells(t, page, "table-strength"); got != sc.Commitments {
				t.Errorf("%s: %d commitments by strength, the scorecard %d", c.query, got, sc.Commitments)
			}
			if months := strings.Count(page, `<tr data-month=`); months != len(sc.Timeline) {
				t.Errorf("%s: %d months over time, the scorecard %d", c.query, months, len(sc.Timeline))
			}
		}
		if len(seen) < 3 {
			t.Errorf("the filters select only %d different sets: %v", len(seen), seen)
		}
		// the whole set is rated somewhere, and the filters tell sets apart
		if sc, _ := tr.Scorecard(context.Background(), entente.CommitmentFilter{}); sc.Rated != pairs+1 || sc.Counts[entente.Stalled] != 1 {
			t.Errorf("statuses set: rated %d, stalled %d; want %d and 1", sc.Rated, sc.Counts[entente.Stalled], pairs+1)
		}
		if sc, _ := tr.Scorecard(context.Background(), entente.CommitmentFilter{From: "2030"}); sc.Commitments != 0 {
			t.Errorf("from 2030: %d commitments", sc.Commitments)
		}

		bad := []struct{ query, field, says string }{
			{"party=Atlantis", "party", "Atlantis"},
			{"pair=CN", "pair", "CN,RS"},
			{"pair=CN,CN", "pair", "CN,RS"},
			{"pair=CN,Atlantis", "pair", "Atlantis"},
			{"area=nowhere", "area", "nowhere"},
			{"from=20x4", "from", "YYYY"},
			{"from=2025&to=2024", "to", "2025"},
		}
		for _, b := range bad {
			code, page := fetch(t, ana, "GET", base+"/dashboard?"+b.query+"&lang=en", nil)
			msg := regexp.MustCompile(`<span class="error" id="err-` + b.field + `">([^<]*)</span>`).FindStringSubmatch(page)
			if code != 200 || msg == nil || !strings.Contains(msg[1], b.says) {
				t.Errorf("%s: %d, message beside %s %q", b.query, code, b.field, msg)
			}
		}
		// a refused party leaves the area applied
		_, page := fetch(t, ana, "GET", base+"/dashboard?party=Atlantis&area="+area, nil)
		sc, _ := tr.Scorecard(context.Background(), entente.CommitmentFilter{Area: area})
		if got := cell(t, page, `data-score="commitments"`); got != strconv.Itoa(sc.Commitments) {
			t.Errorf("with a refused party: %s commitments, want the area's %d", got, sc.Commitments)
		}
	})
}

// cell returns the text of the table cell with attr.
func cell(t *testing.T, page, attr string) string {
	t.Helper()
	m := regexp.MustCompile(`<td ` + regexp.QuoteMeta(attr) + `>([^<]*)</td>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no cell %s", attr)
	}
	return m[1]
}

// sumCells adds up the counts of a chart's table.
func sumCells(t *testing.T, page, id string) int {
	t.Helper()
	start := strings.Index(page, `id="`+id+`"`)
	if start < 0 {
		t.Fatalf("no table %s", id)
	}
	table := page[start : start+strings.Index(page[start:], "</table>")]
	sum := 0
	for _, m := range regexp.MustCompile(`<td data-key="[^"]*">(\d+)</td>`).FindAllStringSubmatch(table, -1) {
		n, _ := strconv.Atoi(m[1])
		sum += n
	}
	return sum
}
