package extract

import (
	"strings"
	"testing"
)

// TestTrilateralRules holds the rules a trilateral leaders' statement shows
// (three parties, "our three countries", thanks to the host, the next
// summit as a time limit), in wording of our own.
func TestTrilateralRules(t *testing.T) {
	parties := []string{"AU", "IN", "JP"}
	checkLabels(t, newTestSpaced(t, "en"), parties, []labelCase{
		// a trio's joint voice is all its parties
		{"The three countries will hold a joint exercise in 2028.", "commitment", "firm", parties, "will", "in 2028"},
		{"Our three countries will expand their scholarship programmes.", "commitment", "firm", parties, "will", ""},
		{"The three leaders agreed to meet again in Canberra.", "commitment", "firm", parties, "agreed to", ""},
		// a commitment the parties share to a goal is a view they hold, as committed to a goal is
		{"Our three countries share a commitment to a free and open Indo-Pacific.", "position", "", parties, "share a commitment to", ""},
		{"The leaders shared a common commitment to peace and stability in the region.", "position", "", parties, "shared a common commitment to", ""},
		// thanks for hosting the meeting closes it, as thanks for the hospitality does
		{"The Prime Ministers of Australia and India thanked the Prime Minister of Japan for hosting the Summit.", "narrative", "", nil, "thanked", ""},
		{"Prime Minister Albanese thanked Japan for hosting the meeting.", "narrative", "", nil, "thanked", ""},
		// thanks for hosting another event is an appraisal of it
		{"The Prime Minister of India thanked Japan for hosting the 16th Senior Officials' Meeting of the Quad Forum in Tokyo.", "appraisal", "", []string{"IN"}, "thanked", ""},
		// the next summit as a time limit, said with "at" as with "before" and "by"
		{"Senior officials will report on the progress of the dialogue at the next summit.", "commitment", "firm", parties, "will", "at the next summit"},
		{"The ministers will present the roadmap at their next summit.", "commitment", "firm", parties, "will", "at their next summit"},
	})
}

// TestTrilateralAreas holds the fields such a statement names in words the
// table lacked: cables under the sea, and storms by their names.
func TestTrilateralAreas(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		rule, text, want string
	}{
		{"an undersea cable is telecommunications and connectivity", "We welcomed the completion of the undersea cable to Palau.", "digital,infrastructure"},
		{"a submarine cable likewise", "The three countries will build new submarine cables in the Pacific.", "digital,infrastructure"},
		// an industrial corridor is the works that carry it and the industry set along it, as an industrial park is investment
		{"an industrial corridor", "Japan will provide loans for the Chennai–Bengaluru Industrial Corridor.", "finance,infrastructure,investment"},
		{"an industrial corridor unnamed", "The three countries will develop industrial corridors in the region.", "infrastructure,investment"},
		{"a cyclone is a natural disaster", "We welcomed the contribution of the navies to the relief effort after Cyclone Remal.", "disaster,security"},
		{"a hurricane likewise", "The three countries will help the islands rebuild after Hurricane Beryl.", "disaster"},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			parties := []string{"AU", "IN", "JP"}
			s, _ := x.label(x.newSentence(tt.text), parties, parties)
			if got := strings.Join(s.Areas, ","); got != tt.want {
				t.Errorf("areas %s, want %s (%s)", got, tt.want, s.Type)
			}
		})
	}
}
