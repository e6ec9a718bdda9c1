package entente

// Scorecard sums up where a set of commitments stands, over its
// (commitment, party) pairs.
type Scorecard struct {
	Commitments int            `json:"commitments"`
	Pairs       int            `json:"pairs"`  // (commitment, party) pairs
	Counts      map[Status]int `json:"counts"` // one key per status
	Rated       int            `json:"rated"`  // pairs rated on the compliance scale
	// Compliance is the mean score of the rated pairs on the G7/G20 scale
	// (−1 … +1); nil when none is rated.
	Compliance *float64 `json:"compliance"`
	Overdue    int      `json:"overdue"`
	// Timeline is the scorecard at the end of each month in which a status
	// changed: change over time.
	Timeline []ScorePoint `json:"timeline"`
}

// ScorePoint is the state of a set's statuses at the end of a month.
type ScorePoint struct {
	Month      string         `json:"month"` // YYYY-MM
	Counts     map[Status]int `json:"counts"`
	Rated      int            `json:"rated"`
	Compliance *float64       `json:"compliance"`
}
