package entente

// CollectionState names one state of a store's collection as a tracking
// index sees it: the newest event (every change writes one, in commit
// order) and how many versions the collection holds (a change that came
// without an event, such as a restore, moves it). Two reads that see the
// same state see the same commitments, statuses and corrections.
type CollectionState struct {
	Events   int64
	Versions int64
}

// ListedCommitment is a commitment as a store lists it for a tracking
// index: its text only when it has a deadline (the due date is read from
// it), and its sentence's row, by which a page reads it again in full.
type ListedCommitment struct {
	TrackedCommitment
	SentenceID int64
}

// CommitmentDocument is a document as the filters of the commitments table
// read it: its signing date and parties as stored (the pair and date
// filters read those, not their corrections), and whether it is withdrawn.
type CommitmentDocument struct {
	ID         int64
	SignedDate string // "" when unknown
	Parties    []string
	Withdrawn  bool
}

// CommitmentBatch is what a store read of some documents: every document
// asked for (Asked), those of them that still exist (Documents), and the
// commitments of these, by document and then position. An index replaces
// what it held of every document asked for.
type CommitmentBatch struct {
	Asked       []int64
	Documents   []CommitmentDocument
	Commitments []ListedCommitment
}
