package tracking

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/entente/entente"
)

// Page is a page of commitments and how many match in all.
type Page struct {
	Commitments []entente.TrackedCommitment `json:"commitments"`
	Total       int                         `json:"total"`
	Limit       int                         `json:"limit"`
	Offset      int                         `json:"offset"`
}

// UpcomingDays is how far ahead "upcoming" looks.
const UpcomingDays = 90

// MaxLimit bounds a page.
const MaxLimit = 500

// Commitments lists the commitments f selects, with due dates, filtered,
// sorted and paged.
func (t *Tracker) Commitments(ctx context.Context, f entente.CommitmentFilter) (*Page, error) {
	if err := checkFilter(&f); err != nil {
		return nil, err
	}
	x, src, ok, err := t.commitmentIndex(ctx)
	if err != nil {
		return nil, err
	}
	if ok {
		today := t.today()
		ids, total := x.page(x.query(&f, today))
		cs, err := src.CommitmentsBySentence(ctx, ids)
		if err != nil {
			return nil, err
		}
		for i := range cs {
			t.annotate(&cs[i], today)
		}
		return &Page{Commitments: cs, Total: total, Limit: f.Limit, Offset: f.Offset}, nil
	}
	all, err := t.selected(ctx, f)
	if err != nil {
		return nil, err
	}
	sortCommitments(all, f.Sort)
	p := &Page{Total: len(all), Limit: f.Limit, Offset: f.Offset}
	lo := min(f.Offset, len(all))
	hi := min(lo+f.Limit, len(all))
	p.Commitments = all[lo:hi]
	return p, nil
}

// Upcoming lists the commitments due within the next 90 days, soonest
// first, that are not yet fulfilled.
func (t *Tracker) Upcoming(ctx context.Context, f entente.CommitmentFilter) (*Page, error) {
	today, _ := time.Parse(time.DateOnly, t.today())
	f.DueAfter, f.DueBefore = t.today(), today.AddDate(0, 0, UpcomingDays).Format(time.DateOnly)
	f.Sort = "due"
	return t.Commitments(ctx, f)
}

func checkFilter(f *entente.CommitmentFilter) error {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	if f.Limit > MaxLimit {
		return entente.Errorf(entente.EINVALID, "a page holds at most %d commitments", MaxLimit)
	}
	if f.Offset < 0 {
		return entente.Errorf(entente.EINVALID, "offset must not be negative")
	}
	if f.Status != "" && !f.Status.Valid() {
		return entente.Errorf(entente.EINVALID, "%q is not a status (one of %v)", f.Status, entente.Statuses)
	}
	if f.Strength != "" && f.Strength.Rank() == 0 {
		return entente.Errorf(entente.EINVALID, "strength must be firm, intent or soft")
	}
	for _, d := range []string{f.DueBefore, f.DueAfter} {
		if d != "" {
			if _, err := time.Parse(time.DateOnly, d); err != nil {
				return entente.Errorf(entente.EINVALID, "%q is not a date (YYYY-MM-DD)", d)
			}
		}
	}
	for _, d := range []string{f.From, f.To} {
		if d != "" && !validDatePrefix(d) {
			return entente.Errorf(entente.EINVALID, "%q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", d)
		}
	}
	if len(f.Pair) != 0 && len(f.Pair) != 2 {
		return entente.Errorf(entente.EINVALID, "a pair is two parties (CN,RS)")
	}
	switch f.Sort {
	case "", "signed", "due", "status":
	default:
		return entente.Errorf(entente.EINVALID, "sort by signed, due or status")
	}
	return nil
}

func validDatePrefix(d string) bool {
	for _, layout := range []string{"2006", "2006-01", time.DateOnly} {
		if len(d) == len(layout) {
			if _, err := time.Parse(layout, d); err == nil {
				return true
			}
		}
	}
	return false
}

// selected reads and filters the commitments f selects, with due dates.
func (t *Tracker) selected(ctx context.Context, f entente.CommitmentFilter) ([]entente.TrackedCommitment, error) {
	all, err := t.Store.Commitments(ctx, f)
	if err != nil {
		return nil, err
	}
	today := t.today()
	out := all[:0]
	for i := range all {
		c := &all[i]
		t.annotate(c, today)
		if keep(c, &f) {
			out = append(out, *c)
		}
	}
	return out, nil
}

// annotate reads a commitment's due date and whether it is overdue: due
// before today and not fulfilled (nor superseded) for every party.
func (t *Tracker) annotate(c *entente.TrackedCommitment, today string) {
	if c.Sentence.Deadline != nil && t.Rules != nil {
		c.Due = t.Rules.Due(*c.Sentence.Deadline, c.Sentence.Text, c.SignedDate)
	}
	if c.Due == nil || c.Due.Date == "" || c.Due.Date >= today {
		return
	}
	for _, s := range c.Statuses {
		if s.Status != entente.Fulfilled && s.Status != entente.Superseded {
			c.Overdue = true
			return
		}
	}
}

func keep(c *entente.TrackedCommitment, f *entente.CommitmentFilter) bool {
	if f.Party != "" && !slices.Contains(c.Sentence.Actors, f.Party) &&
		!(len(c.Sentence.Actors) == 0 && slices.Contains(c.Parties, f.Party)) {
		return false
	}
	if f.Area != "" && !slices.Contains(c.Sentence.Areas, f.Area) {
		return false
	}
	if f.Strength != "" && c.Sentence.Strength != f.Strength {
		return false
	}
	if f.Status != "" && !slices.ContainsFunc(c.Statuses, func(s entente.PartyStatus) bool {
		return s.Status == f.Status && (f.Party == "" || s.Party == f.Party)
	}) {
		return false
	}
	if f.Overdue && !c.Overdue {
		return false
	}
	if f.DueBefore != "" || f.DueAfter != "" {
		if c.Due == nil || c.Due.Date == "" {
			return false
		}
		if f.DueBefore != "" && c.Due.Date > f.DueBefore {
			return false
		}
		if f.DueAfter != "" && c.Due.Date < f.DueAfter {
			return false
		}
	}
	return true
}

// sortCommitments orders by signing date (newest first, the default), by
// due date (soonest first, open last) or by status (least advanced first).
func sortCommitments(cs []entente.TrackedCommitment, by string) {
	slices.SortStableFunc(cs, func(a, b entente.TrackedCommitment) int {
		switch by {
		case "due":
			ad, bd := dueKey(&a), dueKey(&b)
			if c := strings.Compare(ad, bd); c != 0 {
				return c
			}
		case "status":
			if c := cmp.Compare(StatusRank(&a), StatusRank(&b)); c != 0 {
				return c
			}
		}
		if c := strings.Compare(b.SignedDate, a.SignedDate); c != 0 {
			return c
		}
		return cmp.Compare(b.DocumentID, a.DocumentID)
	})
}

func dueKey(c *entente.TrackedCommitment) string {
	if c.Due == nil || c.Due.Date == "" {
		return "9999-99-99"
	}
	return c.Due.Date
}

// Detail is one commitment with everything recorded about it.
type Detail struct {
	entente.TrackedCommitment
	Evidence    []entente.Evidence   `json:"evidence"`
	Corrections []entente.Correction `json:"corrections"`
	History     []entente.Event      `json:"history"`
}

// Commitment returns the commitment DOC/sN with its evidence, corrections
// and history. A sentence that is not (or no longer) a commitment is
// returned too, with its statuses, so that nothing recorded is hidden.
func (t *Tracker) Commitment(ctx context.Context, doc int64, label string) (*Detail, error) {
	ref, err := t.Store.FindSentence(ctx, doc, label)
	if err != nil {
		return nil, err
	}
	cs, err := t.Store.Commitments(ctx, entente.CommitmentFilter{Document: doc, Withdrawn: true})
	if err != nil {
		return nil, err
	}
	d := &Detail{}
	for _, c := range cs {
		if c.Anchor == ref.Anchor {
			d.TrackedCommitment = c
		}
	}
	if d.Anchor != ref.Anchor {
		d.TrackedCommitment = entente.TrackedCommitment{Anchor: ref.Anchor, DocumentID: doc, DocumentTitle: ref.Title,
			SignedDate: ref.SignedDate, Parties: ref.Parties, Sentence: ref.Sentence, Statuses: []entente.PartyStatus{}}
	}
	t.annotate(&d.TrackedCommitment, t.today())
	if d.Evidence, err = t.Store.Evidence(ctx, ref.Anchor); err != nil {
		return nil, err
	}
	if d.Corrections, err = t.Store.Corrections(ctx, doc, &ref.Anchor, false); err != nil {
		return nil, err
	}
	if d.History, err = t.Store.History(ctx, entente.EventFilter{Anchor: ref.Anchor.String()}); err != nil {
		return nil, err
	}
	return d, nil
}

// parties returns the parties a commitment binds: its actors, or the
// document's when it names none.
func parties(ref *entente.SentenceRef) []string {
	if len(ref.Sentence.Actors) > 0 {
		return ref.Sentence.Actors
	}
	return ref.Parties
}

// SetStatusInput is a status change as a user asks for it.
type SetStatusInput struct {
	Document   int64
	Sentence   string // sN
	Party      string // "" for every party of the commitment
	Status     entente.Status
	EvidenceID int64
	Why        string
	// Revision is the revision the user saw; -1 when the caller does not
	// know it (the CLI without --revision), which then checks nothing.
	Revision int
}

// SetStatus records a status change: analysts and above; every status but
// not_rated names its evidence; a reason is required.
func (t *Tracker) SetStatus(ctx context.Context, in SetStatusInput) (int, error) {
	if err := t.require(ctx, entente.RoleAnalyst, "setting a status"); err != nil {
		return 0, err
	}
	c, err := t.statusChange(ctx, in, false)
	if err != nil {
		return 0, err
	}
	return t.Store.SetStatus(ctx, c)
}

// statusChange checks a status change as a user gives it and returns it as
// the store writes it; evidenceComing says the evidence is written with it
// (its id is not known yet).
func (t *Tracker) statusChange(ctx context.Context, in SetStatusInput, evidenceComing bool) (entente.StatusChange, error) {
	var none entente.StatusChange
	if !in.Status.Valid() {
		return none, entente.Errorf(entente.EINVALID, "%q is not a status (one of %v)", in.Status, entente.Statuses)
	}
	if strings.TrimSpace(in.Why) == "" {
		return none, entente.Errorf(entente.EINVALID, "a status change needs a reason")
	}
	if in.Status != entente.NotRated && in.EvidenceID == 0 && !evidenceComing {
		return none, entente.Errorf(entente.EINVALID, "a status other than not_rated names its evidence (add it first)")
	}
	ref, err := t.Store.FindSentence(ctx, in.Document, in.Sentence)
	if err != nil {
		return none, err
	}
	if ref.Sentence.Type != entente.Commitment {
		return none, entente.Errorf(entente.EINVALID, "%d/%s is a %s, not a commitment", in.Document, in.Sentence, ref.Sentence.Type)
	}
	ps := parties(ref)
	if in.Party != "" {
		if !slices.Contains(ps, in.Party) {
			return none, entente.Errorf(entente.EINVALID, "%s is not a party of %d/%s (%s)", in.Party, in.Document, in.Sentence, strings.Join(ps, ", "))
		}
		ps = []string{in.Party}
	}
	return entente.StatusChange{Anchor: ref.Anchor, DocumentID: in.Document, Parties: ps, Status: in.Status,
		EvidenceID: in.EvidenceID, Why: in.Why, Revision: in.Revision}, nil
}

// EvidenceInput is evidence as a user gives it.
type EvidenceInput struct {
	Document int64
	Sentence string
	entente.Evidence
	// Cites is another stored sentence as evidence: DOC/sN.
	Cites string
}

// AddEvidence attaches evidence to a commitment; when it has an address,
// the page is fetched (with ingest's limits) and kept, or why not is
// recorded. A cited sentence must exist.
func (t *Tracker) AddEvidence(ctx context.Context, in EvidenceInput) (*entente.Evidence, error) {
	if err := t.require(ctx, entente.RoleAnalyst, "adding evidence"); err != nil {
		return nil, err
	}
	n, err := t.newEvidence(ctx, in)
	if err != nil {
		return nil, err
	}
	return t.Store.AddEvidence(ctx, n)
}

// AddEvidenceWithStatus adds evidence and sets the commitment's status on
// its strength, with the event event(evidence id) returns, in one
// transaction (an accepted follow-up): all of it is written or none.
// sin's EvidenceID is ignored: the status names the evidence written.
func (t *Tracker) AddEvidenceWithStatus(ctx context.Context, ein EvidenceInput, sin SetStatusInput,
	event func(evidenceID int64) (*entente.Event, error)) (*entente.Evidence, int, error) {
	if err := t.require(ctx, entente.RoleAnalyst, "adding evidence and setting a status"); err != nil {
		return nil, 0, err
	}
	n, err := t.newEvidence(ctx, ein)
	if err != nil {
		return nil, 0, err
	}
	c, err := t.statusChange(ctx, sin, true)
	if err != nil {
		return nil, 0, err
	}
	if n.Anchor != c.Anchor {
		return nil, 0, entente.Errorf(entente.EINVALID, "the evidence and the status are of two commitments")
	}
	return t.Store.AddEvidenceWithStatus(ctx, n, c, event)
}

// newEvidence checks evidence as a user gives it, reads its cited sentence
// and fetches its page, and returns it as the store writes it.
func (t *Tracker) newEvidence(ctx context.Context, in EvidenceInput) (entente.NewEvidence, error) {
	var none entente.NewEvidence
	e := in.Evidence
	e.Title, e.URL = strings.TrimSpace(e.Title), strings.TrimSpace(e.URL)
	if e.Title == "" && in.Cites == "" {
		return none, entente.Errorf(entente.EINVALID, "evidence needs a title")
	}
	if e.URL != "" && !strings.HasPrefix(e.URL, "http://") && !strings.HasPrefix(e.URL, "https://") {
		return none, entente.Errorf(entente.EINVALID, "the address must start with http:// or https://")
	}
	for _, f := range []struct{ name, v string }{{"title", e.Title}, {"publisher", e.Publisher}, {"quote", e.Quote}, {"note", e.Note}, {"url", e.URL}} {
		if len(f.v) > 10000 {
			return none, entente.Errorf(entente.ETOOLARGE, "the %s is over 10,000 bytes", f.name)
		}
	}
	for _, d := range []string{e.EventDate, e.Accessed} {
		if d != "" {
			if _, err := time.Parse(time.DateOnly, d); err != nil {
				return none, entente.Errorf(entente.EINVALID, "%q is not a date (YYYY-MM-DD)", d)
			}
		}
	}
	ref, err := t.Store.FindSentence(ctx, in.Document, in.Sentence)
	if err != nil {
		return none, err
	}
	if in.Cites != "" {
		doc, label, err := ParseRef(in.Cites)
		if err != nil {
			return none, err
		}
		cited, err := t.Store.FindSentence(ctx, doc, label)
		if err != nil {
			return none, err
		}
		e.SentenceAnchor, e.SentenceDocument = cited.Anchor.String(), doc
		if e.Title == "" {
			e.Title = fmt.Sprintf("%s, %s", cited.Title, label)
		}
		if e.Quote == "" {
			e.Quote = cited.Sentence.Text
		}
		if e.EventDate == "" {
			e.EventDate = cited.SignedDate
		}
	}
	if e.Accessed == "" && e.URL != "" {
		e.Accessed = t.today()
	}
	var archive *entente.Archive
	if e.URL != "" {
		if t.Fetcher == nil {
			e.ArchiveProblem = "not fetched (no fetcher configured)"
		} else if page, err := t.Fetcher.Fetch(ctx, e.URL); err != nil {
			e.ArchiveProblem = err.Error()
		} else {
			archive = &entente.Archive{Data: page.Data, MediaType: page.MediaType, URL: page.URL}
		}
	}
	return entente.NewEvidence{Anchor: ref.Anchor, DocumentID: in.Document, Evidence: e, Archive: archive}, nil
}

// RetractEvidence retracts an evidence item with a reason.
func (t *Tracker) RetractEvidence(ctx context.Context, id int64, reason string) (*entente.Evidence, error) {
	if err := t.require(ctx, entente.RoleAnalyst, "retracting evidence"); err != nil {
		return nil, err
	}
	if strings.TrimSpace(reason) == "" {
		return nil, entente.Errorf(entente.EINVALID, "a retraction needs a reason")
	}
	return t.Store.RetractEvidence(ctx, id, reason)
}

// ParseRef reads DOC/sN.
func ParseRef(s string) (int64, string, error) {
	doc, label, ok := strings.Cut(s, "/")
	var id int64
	if ok {
		_, err := fmt.Sscanf(doc, "%d", &id)
		ok = err == nil && id > 0 && fmt.Sprint(id) == doc && len(label) > 1 && label[0] == 's'
		for _, r := range label[min(1, len(label)):] {
			ok = ok && r >= '0' && r <= '9'
		}
	}
	if !ok {
		return 0, "", entente.Errorf(entente.EINVALID, "%q is not a sentence: write DOC/sN (12/s4)", s)
	}
	return id, label, nil
}
