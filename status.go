package entente

import (
	"slices"
	"time"
)

// Status is where a commitment stands for one of its parties (product.md:
// Status vocabulary).
type Status string

// The status vocabulary. NotRated is the default and is never counted as a
// failure.
const (
	NotRated           Status = "not_rated"
	NotStarted         Status = "not_started"
	InProgress         Status = "in_progress"
	PartiallyFulfilled Status = "partially_fulfilled"
	Fulfilled          Status = "fulfilled"
	Stalled            Status = "stalled"
	Reversed           Status = "reversed"   // action contrary to the commitment
	Superseded         Status = "superseded" // replaced by a later commitment
)

// Statuses lists the vocabulary in the order the UI and scorecards show it.
var Statuses = []Status{NotRated, NotStarted, InProgress, PartiallyFulfilled, Fulfilled, Stalled, Reversed, Superseded}

// Valid reports whether s is in the vocabulary.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// Score is s on the G7/G20 Research Group compliance scale: fulfilled +1,
// partially fulfilled and in progress 0, not started, stalled and reversed
// −1. ok is false for statuses that are not rated on the scale (not rated,
// superseded), which scorecards leave out of the average.
func (s Status) Score() (score int, ok bool) {
	switch s {
	case Fulfilled:
		return 1, true
	case PartiallyFulfilled, InProgress:
		return 0, true
	case NotStarted, Stalled, Reversed:
		return -1, true
	}
	return 0, false
}

// StatusChange sets the status of a commitment for some of its parties.
type StatusChange struct {
	Anchor     Anchor
	DocumentID int64
	Parties    []string
	Status     Status
	EvidenceID int64
	Why        string
	// Revision is the revision the change was made against; a change
	// against an older one is refused with a conflict that shows the
	// change made since. -1 does not check (undo, replay).
	Revision int
}

// StatusPoint is one status change, for scorecards over time.
type StatusPoint struct {
	Commitment int64
	Party      string
	Status     Status
	At         time.Time
}

// StatusLabels is the status vocabulary with its labels, in the order of
// Statuses, so that the UI never shows a status's code.
func StatusLabels() ValueList {
	return ValueList{
		value(string(NotRated), "未评估", "not rated", "nije ocenjeno"),
		value(string(NotStarted), "未启动", "not started", "nije započeto"),
		value(string(InProgress), "进行中", "in progress", "u toku"),
		value(string(PartiallyFulfilled), "部分履行", "partially fulfilled", "delimično ispunjeno"),
		value(string(Fulfilled), "已履行", "fulfilled", "ispunjeno"),
		value(string(Stalled), "停滞", "stalled", "zastalo"),
		value(string(Reversed), "背离", "reversed", "preokrenuto"),
		value(string(Superseded), "已被取代", "superseded", "zamenjeno"),
	}
}
