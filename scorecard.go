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

// ScoreTally is what a store counts of a set of commitments for its
// scorecard: the commitments, the overdue ones, the (commitment, party)
// pairs counted per status, and counted pairs that have a tracking row,
// whose history makes the timeline: at least those whose status ever
// changed (a pair that never changed is not rated throughout, listed or
// not).
type ScoreTally struct {
	Commitments int
	Overdue     int
	Counts      map[Status]int
	Tracked     []StatusPair
}

// StatusPair is one party of one tracked commitment.
type StatusPair struct {
	Commitment int64
	Party      string
}

// DueReader reads the due date of a deadline in its sentence, for a
// document signed on signed ("" when unknown); nil when there is none.
type DueReader interface {
	Due(deadline, text, signed string) *Due
	// Fingerprint changes whenever the rules do, so that due dates kept
	// by a store are read again.
	Fingerprint() string
}

// Breakdown counts a set of commitments four ways, as the dashboard
// charts them: under each of a commitment's areas, each party it binds
// (those its statuses name), its strength (when it has one) and the year
// its document was signed (when known).
type Breakdown struct {
	Area     map[string]int `json:"area"`
	Party    map[string]int `json:"party"`
	Strength map[string]int `json:"strength"`
	Year     map[string]int `json:"year"`
}

// NewBreakdown returns a breakdown with nothing counted.
func NewBreakdown() *Breakdown {
	return &Breakdown{Area: map[string]int{}, Party: map[string]int{}, Strength: map[string]int{}, Year: map[string]int{}}
}

// Add counts c.
func (b *Breakdown) Add(c *TrackedCommitment) {
	for _, a := range c.Sentence.Areas {
		b.Area[a]++
	}
	for _, p := range c.Statuses {
		b.Party[p.Party]++
	}
	if c.Sentence.Strength != "" {
		b.Strength[string(c.Sentence.Strength)]++
	}
	if len(c.SignedDate) >= 4 {
		b.Year[c.SignedDate[:4]]++
	}
}
