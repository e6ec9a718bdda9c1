package extract

import (
	"fmt"

	"github.com/entente/entente/lexicon"
)

// cueKind is a set of roles a word plays; a word can play several (感谢 is
// an appraisal and a thanks, 宣布 a narrative and a frame).
type cueKind uint32

const (
	cFirm cueKind = 1 << iota
	cIntent
	cSoft
	cAction
	cAdverb
	cConnective
	cPosition
	cOpinion
	cStance
	cWeakStance
	cSupport
	cShould
	cAppraisal
	cThanks
	cHospitality
	cAchievement
	cNarrative
	cFrame
	cCopula
	cPrediction
	cJiangObject
	cNeutral
	cScope
	cFirmVerb
	cUndertaking
	cReaffirm
	cImportance
)

// the cue table section behind each role.
var cueSections = []struct {
	section string
	kind    cueKind
}{
	{"firm", cFirm}, {"intent", cIntent}, {"soft", cSoft}, {"action", cAction},
	{"adverb", cAdverb}, {"connective", cConnective}, {"position", cPosition},
	{"opinion", cOpinion}, {"stance", cStance}, {"weak-stance", cWeakStance},
	{"support", cSupport}, {"should", cShould}, {"appraisal", cAppraisal},
	{"thanks", cThanks}, {"hospitality", cHospitality}, {"achievement", cAchievement},
	{"narrative", cNarrative}, {"frame", cFrame}, {"copula", cCopula},
	{"prediction", cPrediction}, {"jiang-object", cJiangObject}, {"neutral", cNeutral},
	{"scope", cScope}, {"firm-verb", cFirmVerb}, {"undertaking-adverb", cUndertaking}, {"reaffirm", cReaffirm},
	{"importance", cImportance}, {"plan-verb", cIntent},
}

const (
	cModal     = cFirm | cIntent | cSoft
	cPredicate = cModal | cAction | cPosition | cOpinion | cStance | cWeakStance | cSupport | cShould |
		cAppraisal | cThanks | cNarrative | cFrame | cCopula
	cFiller = cAdverb | cConnective | cUndertaking
)

// has reports whether k plays any of the roles in o.
func (k cueKind) has(o cueKind) bool { return k&o != 0 }

// cueMatcher finds the cue words of the sentence-level rules in one pass.
type cueMatcher struct {
	m      *lexicon.Matcher
	kinds  []cueKind     // payload → roles
	words  []string      // payload → the word, shared by every token of it
	gflags []grammarFlag // payload → the grammar's sets the word is in
}

// grammarFlag marks a cue word that is in one of the grammar's word sets
// the clause rules ask of every token ([jiang], [invitation]…): a bit read
// from the token instead of a map lookup of its text.
type grammarFlag uint8

const (
	gJiang grammarFlag = 1 << iota
	gJiangView
	gInvitation
	gInvitedBy
	gGoalModal
	gCall
	gPlan // [plan-verb]: 计划, "plan to" only where a party plans (planVerbsOnly)
)

// markGrammar computes every cue word's grammar flags, once the grammar is
// read.
func (cm *cueMatcher) markGrammar(g *grammar) {
	cm.gflags = make([]grammarFlag, len(cm.words))
	for i, w := range cm.words {
		for _, s := range []struct {
			set  map[string]bool
			flag grammarFlag
		}{{g.jiang, gJiang}, {g.jiangView, gJiangView}, {g.invitation, gInvitation}, {g.invitedBy, gInvitedBy}, {g.goalModal, gGoalModal}, {g.call, gCall}, {g.plan, gPlan}} {
			if s.set[w] {
				cm.gflags[i] |= s.flag
			}
		}
	}
}

func newCueMatcher(t *lexicon.Table) (*cueMatcher, error) {
	byWord := map[string]cueKind{}
	var order []string
	for _, s := range cueSections {
		if !t.Has(s.section) {
			return nil, fmt.Errorf("%s: missing section [%s]", t.Name, s.section)
		}
		for _, w := range t.Words(s.section) {
			if _, ok := byWord[w]; !ok {
				order = append(order, w)
			}
			byWord[w] |= s.kind
		}
	}
	cm := &cueMatcher{m: lexicon.NewMatcher()}
	for _, w := range order {
		cm.m.Add(w, len(cm.kinds))
		cm.kinds = append(cm.kinds, byWord[w])
		cm.words = append(cm.words, w)
	}
	return cm, nil
}

// token is a cue word found in a sentence, in rune offsets. It holds no
// pointer: a sentence's tokens are appended to and copied between the
// document's buffers many times, and a struct with a pointer pays the
// collector's write barrier on every such copy while a collection marks
// (and makes the buffers something it must scan); the word's text is
// cueMatcher.words[Word].
type token struct {
	Start, End int
	Kind       cueKind
	Word       int32       // the word: its index in cueMatcher.words
	G          grammarFlag // the grammar's sets the word is in (markGrammar)
}

// scan appends the cue words of a sentence to out; buf (may be nil) is a
// buffer of matches to reuse.
func (cm *cueMatcher) scan(rs []rune, buf *[]lexicon.Match, out []token) []token {
	var local []lexicon.Match
	if buf == nil {
		buf = &local
	}
	*buf = cm.m.AppendAll((*buf)[:0], rs)
	ms := *buf
	for _, m := range ms {
		k := cm.kinds[m.Payload]
		if k == cNeutral {
			continue
		}
		out = append(out, token{Start: m.Start, End: m.End, Kind: k &^ cNeutral, Word: int32(m.Payload), G: cm.gflags[m.Payload]})
	}
	return out
}

// wordSet is a small matcher over one section, for checks at a position.
type wordSet struct {
	fwd, rev *lexicon.Matcher
}

func newWordSet(words []string) *wordSet {
	ws := &wordSet{fwd: lexicon.NewMatcher(), rev: lexicon.NewMatcher()}
	for _, w := range words {
		ws.fwd.Add(w, 0)
		ws.rev.AddReversed(w, 0)
	}
	return ws
}

// startsAt returns the end of the longest word starting at i, or -1.
func (ws *wordSet) startsAt(rs []rune, i int) int {
	end, _ := ws.fwd.LongestAt(rs, i)
	return end
}

// indexIn returns where the first word in rs[from:to] starts, or -1.
func (ws *wordSet) indexIn(rs []rune, from, to int) int {
	for i := from; i < to && i < len(rs); i++ {
		if ws.startsAt(rs, i) >= 0 {
			return i
		}
	}
	return -1
}

// endsAt returns the start of the longest word ending at i, or -1.
func (ws *wordSet) endsAt(rs []rune, i int) int {
	start, _ := ws.rev.SuffixAt(rs, i)
	return start
}
