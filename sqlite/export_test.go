package sqlite

import (
	"context"

	"github.com/entente/entente/sqlstore"
)

// OpenCheckpointingEvery opens the store at path as Open does, with its
// checkpointer woken every pages written to the log, and returns what
// says how many checkpoints it has run.
func OpenCheckpointingEvery(ctx context.Context, path string, pages int64) (*sqlstore.Store, func() int64, error) {
	s, cp, err := open(ctx, path, pages)
	if err != nil {
		return nil, nil, err
	}
	return s, cp.runs.Load, nil
}

// BackstopFrames is the log's length at which the writer checkpoints in
// its own commit.
const BackstopFrames = backstopFrames
