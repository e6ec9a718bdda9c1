package main

import (
	"fmt"
	"io"
	"slices"
	"time"
)

// wallRatio is the batch's wall time on every core against the
// extraction's on every core (the mean of its runs): the goal's measure.
func (f *batchFigures) wallRatio() float64 {
	return float64(f.batch) / float64(max(f.extractWall(), 1))
}

// checkpointedRatio is the batch with the checkpoint of the log it left
// (SQLite) against the extraction, on every core.
func (f *batchFigures) checkpointedRatio() float64 {
	return float64(f.batch+f.checkpoint) / float64(max(f.extractWall(), 1))
}

// cpuRatio is the batch's CPU (PostgreSQL's backends included) against
// the extraction's.
func (f *batchFigures) cpuRatio() float64 {
	return float64(f.batchCPU+f.serverCPU) / float64(max(f.extractCPU(), 1))
}

// extractWall and extractCPU are the extraction's wall and CPU time, the
// mean of its two runs (with -chunks, the chunks' sums).
func (f *batchFigures) extractWall() time.Duration { return (f.extract1 + f.extract2) / 2 }
func (f *batchFigures) extractCPU() time.Duration  { return (f.extractCPU1 + f.extractCPU2) / 2 }

// printBatchRuns sums up the runs of -repeat: on a shared machine one
// run's ratio moves by a fifth either way with the cores' speed between
// its extraction and its batch, so a claim rests on several.
func printBatchRuns(out io.Writer, runs []*batchFigures) {
	if len(runs) < 2 {
		return
	}
	wall := make([]float64, len(runs))
	cpu := make([]float64, len(runs))
	withLog := make([]float64, len(runs))
	checkpointed := false
	for i, f := range runs {
		wall[i], cpu[i] = f.wallRatio(), f.cpuRatio()
		withLog[i] = f.checkpointedRatio()
		checkpointed = checkpointed || f.checkpoint > 0
	}
	fmt.Fprintf(out, "## over %d runs\n\n", len(runs))
	fmt.Fprintf(out, "batch against the extraction, every core: %s\n", spread(wall))
	fmt.Fprintf(out, "batch's CPU against the extraction's: %s\n", spread(cpu))
	if checkpointed {
		fmt.Fprintf(out, "batch and the checkpoint of its log after it, against the extraction: %s\n", spread(withLog))
	}
	fmt.Fprintln(out)
}

// spread is a list of ratios' mean, median and range.
func spread(rs []float64) string {
	s := slices.Clone(rs)
	slices.Sort(s)
	var sum float64
	for _, r := range s {
		sum += r
	}
	median := s[len(s)/2]
	if len(s)%2 == 0 {
		median = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return fmt.Sprintf("mean **%.2f×**, median %.2f×, %.2f–%.2f×", sum/float64(len(s)), median, s[0], s[len(s)-1])
}
