package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/entente/entente"
)

// commitmentFlags are the filters of the commitments table and of
// scorecards, declared once so that `commitments`, `scorecard` and their
// exports take the same flags and read them the same way.
type commitmentFlags struct {
	f                      entente.CommitmentFilter
	status, strength, pair string
	upcoming               bool
}

// add declares the flags; the table's (status, strength, overdue,
// upcoming, sort, and paging when limit is given) only with table.
func (c *commitmentFlags) add(cmd *cobra.Command, table bool, limit int) {
	fl := cmd.Flags()
	fl.Int64Var(&c.f.Document, "doc", 0, "only this document's")
	fl.StringVar(&c.f.Party, "party", "", "only those binding this party (ISO code)")
	fl.StringVar(&c.pair, "pair", "", "only statements both parties signed: CN,RS")
	fl.StringVar(&c.f.Area, "area", "", "only this policy area")
	fl.StringVar(&c.f.From, "from", "", "signed on or after (YYYY[-MM[-DD]])")
	fl.StringVar(&c.f.To, "to", "", "signed on or before (YYYY[-MM[-DD]])")
	fl.StringVar(&c.f.DueBefore, "due-before", "", "due on or before this date (YYYY-MM-DD)")
	fl.StringVar(&c.f.DueAfter, "due-after", "", "due on or after this date (YYYY-MM-DD)")
	if !table {
		return
	}
	fl.StringVar(&c.status, "status", "", "only those with this status (for --party, that party's)")
	fl.StringVar(&c.strength, "strength", "", "firm, intent or soft")
	fl.BoolVar(&c.f.Overdue, "overdue", false, "only overdue ones")
	fl.BoolVar(&c.upcoming, "upcoming", false, "only those due in the next 90 days (sorted by due date)")
	fl.StringVar(&c.f.Sort, "sort", "", "signed (default), due or status")
	help := "at most this many"
	if limit == 0 {
		help += " (0: all)"
	}
	fl.IntVar(&c.f.Limit, "limit", limit, help)
	fl.IntVar(&c.f.Offset, "offset", 0, "skip this many")
}

// filter is the filter the flags give.
func (c *commitmentFlags) filter() entente.CommitmentFilter {
	f := c.f
	f.Status, f.Strength = entente.Status(c.status), entente.Strength(c.strength)
	if c.pair != "" {
		f.Pair = strings.Split(c.pair, ",")
	}
	return f
}
