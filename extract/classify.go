package extract

import (
	"context"
	"slices"
	"strings"
	"unicode"

	"github.com/entente/entente"
)

// How a clause reads. The order is the contract's precedence; the weak
// readings count only when no clause of the sentence reads otherwise.
type reading int

const (
	rNone reading = iota
	rWeakAppraisal
	rWeakPosition
	rNarrative
	rAppraisal
	rPosition
	rCommitment
)

type subjectKind int

const (
	subjOmitted    subjectKind = iota // no subject: the parties, as before
	subjParty                         // 双方, 中方, 塞尔维亚…
	subjForeign                       // a noun phrase that is not a party (人工智能应当…)
	subjPrediction                    // 这, 此: the clause predicts an effect
)

type subject struct {
	kind  subjectKind
	codes []string
	cue   *entente.PartyCue
}

// clauseReading is one clause's reading with its evidence.
type clauseReading struct {
	span     clauseSpan
	reading  reading
	strength entente.Strength
	actors   []string
	cue      *token
	rule     string
	strCue   *token
	subject  subject
	// an opinion (认为…) takes its type from its content
	opinion      bool
	hasShould    bool
	hasAppraisal bool
	content      bool // the clause is the object of an earlier verb
	// an appraisal whose object opens a frame (欣见两国自建交以来，…): the
	// next clause, whatever its verb, completes what is appraised
	framed     bool
	lastCopula int       // index in the clause's tokens of its last 是, or -1
	lastWeight int       // index of its last word of importance (具有重要意义), or -1
	mentions   []mention // the party names in the clause
}

// sentenceReading is the outcome for one sentence.
type sentenceReading struct {
	typ         entente.SentenceType
	strength    entente.Strength
	actors      []string
	typeCue     *entente.Cue
	strengthCue *entente.Cue
	actorCues   []entente.PartyCue
	clauses     []entente.ClauseCue
	subject     []string // the party subject the next sentence may inherit
}

// classify reads a sentence clause by clause. inherited is the subject an
// omitted subject stands for (the parties of the lead-in or the paragraph).
func (x *Extractor) classify(ctx context.Context, st *text, pi *partyIndex, inherited []string) (sentenceReading, error) {
	rs, masked, toks := st.rs, st.masked, st.toks
	mentions := pi.scan(masked, &st.scratchOf().matches, st.mentions)
	st.mentions = mentions
	hospitality := false
	for _, t := range toks {
		if t.Kind.has(cHospitality) {
			hospitality = true
		}
	}

	spans := st.clauseSpans()
	sc := st.scratchOf()
	sc.subjects = sc.subjects[:0] // the last sentence's subjects are read
	crs, readings, ctoks := sc.readingsFor(len(spans), len(toks))
	var (
		scopeOf    *clauseReading // the clause whose verb governs what follows
		lastParty  []string
		prevSubj   subject // the last subject named outside another verb's object
		prevOthers bool    // prevSubj names others than the parties
		frame      bool
		retro      bool // a clause so far was a retrospective frame (自…以来)
		// seenThing: the clause before was what an appraisal sees, a thing
		// (not a party) said to be doing well (满意地看到，X进展顺利，)
		seenThing bool
		// selfCue is the instrument named as the subject of a clause so
		// far, which a later clause with no subject of its own goes on about
		selfCue *token
		// selfFinal: the clause before was the instrument's own amendment,
		// interpretation or the like as a topic (本协议的修订，)
		selfFinal bool
	)
	var nextTok, nextMention int // the first token and mention not yet in a clause
	// “船员”是指…: an instrument's definition of a term is no clause of
	// undertaking, view or evaluation, whatever words stand in it
	definition := sc.instrument && x.definesTerm(masked, rs)
	for n, span := range spans {
		if n%64 == 63 && ctx.Err() != nil {
			return sentenceReading{}, ctx.Err()
		}
		if definition {
			break
		}
		// Tokens and mentions are in text order, and so are clauses: each
		// clause takes the next run of them, so the sentence is read in one
		// pass however many clauses it has.
		var ct []token
		ct, nextTok = tokensIn(&ctoks, toks, nextTok, span)
		var cms []mention
		cms, nextMention = mentionsIn(mentions, nextMention, span)
		ct = dropInsideMentions(ct, cms)
		ct = dropInsideBodies(ct, st.named)
		ct, named := x.afterPartiesNamed(ct, masked, span)
		if named >= 0 && x.preposition.startsAt(masked, skipFillerRunes(masked, span.Start, span.End)) >= 0 {
			// 为进一步提高内地与澳门特别行政区（以下简称“双方”）经贸合作的
			// 水平: parties named inside a purpose or a frame are what it is
			// about, no subject; the short name says who they are all the same
			named = -1
		}
		ct = x.dropAgencyVerbs(ct, masked, cms)
		ct = x.planVerbsOnly(ct, masked, cms)
		x.g.dropPrepositionalJiang(ct, masked)
		x.g.splitShallPreposition(ct, masked, span.End)
		x.g.dropInvitation(ct, masked, span.Start)
		if sc.instrument {
			x.g.dropConformity(ct, masked, span.End)
		}
		first := -1
		for i, t := range ct {
			if t.Kind.has(cPredicate) && x.g.attributive.startsAt(masked, t.End) < 0 && x.g.eventDay.startsAt(masked, t.End) < 0 {
				// 根据1998年签署的协定，: a verb that modifies a noun heads
				// no clause (nor does it undertake); nor does the event
				// that names a day (自双方书面确认之日起生效)
				first = i
				break
			}
		}
		first = x.skipPrepositionalAction(ct, first, masked, span.Start)
		if x.meetingHeld(ct, first, masked, span.End) {
			// 中乌总理第四次定期会晤将于2027年在中国举行: a narrative word
			// right before "will" and a verb of holding is the meeting
			// named, the subject; "will" heads the clause
			first++
		}
		if sc.instrument {
			first = x.shallAfterNominal(ct, first, rs)
		}
		// 自建交以来: a frame that looks back, no statement of its own
		lookBack := x.g.retrospective.endsAt(masked, span.End) > span.Start
		if lookBack {
			retro = true
		}
		zoneEnd := span.End
		if first >= 0 {
			zoneEnd = ct[first].Start
		}
		subj := x.subjectOf(st, span.Start, zoneEnd, cms, ct)
		if subj.kind == subjForeign && lastParty != nil {
			if at, e := x.resumedSubject(masked, span.Start, zoneEnd); e > at {
				// 美国政府声明，它准备逐步减少…: a pronoun that is the whole
				// subject resumes the party named as a subject before it
				c := st.scratchOf().subjectCue()
				c.Party, c.Rule, c.Start, c.End = strings.Join(lastParty, ","), "resumed subject", at, e
				c.Text = st.sub(at, e)
				subj = subject{kind: subjParty, codes: lastParty, cue: c}
			}
		}
		if named >= 0 {
			// the parties' full names stand before their short name: the
			// short name says who they are (a ministry's name of its own
			// joins no subject)
			for _, m := range cms {
				if m.Start == named {
					c := st.scratchOf().subjectCue()
					c.Party, c.Rule, c.Start, c.End = strings.Join(m.Codes, ","), "subject", m.Start, m.End
					c.Text = st.sub(m.Start, m.End)
					subj = subject{kind: subjParty, codes: m.Codes, cue: c}
				}
			}
		}
		if span.Start > 0 && masked[span.Start-1] == '；' {
			// 鉴于X为两地…奠定良好基础；致力深化…: a semicolon ends a
			// recital, and the next one's left-out subject is the
			// preamble's parties, not what the last one named
			prevSubj, prevOthers = subject{}, false
		}
		if sc.instrument && subj.kind == subjForeign && len(pi.all) == 2 && x.eachPartyOpens(masked, span.Start, zoneEnd) {
			// 各方應…, 各方同意：: in an agreement or memorandum of two
			// parties, a provision's subject that opens with "each party"
			// is each of its own ("each Party shall"), not others as a
			// call on 各方 in a joint statement names them
			c := st.scratchOf().subjectCue()
			c.Party, c.Rule, c.Start, c.End = strings.Join(pi.all, ","), "each party", span.Start, zoneEnd
			c.Text = st.sub(span.Start, zoneEnd)
			subj = subject{kind: subjParty, codes: pi.all, cue: c}
		}
		omitted := subj.kind == subjOmitted
		// others: the subject names others than the parties (各国应…)
		others := subj.kind == subjForeign && x.namesOthers(masked, span.Start, zoneEnd)
		if sc.instrument && first >= 0 && x.g.shall[string(rs[ct[first].Start:ct[first].End])] && (subj.kind == subjForeign || subj.kind == subjParty) && x.othersHead(masked, cms, span.Start, zoneEnd) {
			// 两地行业协会应…, 双方金融机构应…: in an agreement a subject
			// headed by others than the parties or their organs, though a
			// party's name or place modifies it, is others; their "shall"
			// is what others should do
			subj, others = subject{kind: subjForeign}, true
		}
		resolves := first >= 0 && !prevOthers && x.g.resolve[string(rs[ct[first].Start:ct[first].End])]
		if subj.kind == subjOmitted && (prevSubj.kind == subjForeign || prevSubj.kind == subjPrediction) && !resolves {
			// 该铁路建成后将提升…，造福沿线民众: the left-out subject is the
			// last one named, not the parties; but a will only an agent has
			// (…承认…台湾是中国领土…的立场，并决定…撤走…) is the party's
			// that last spoke, not the thing its object named
			subj, others = subject{kind: prevSubj.kind}, prevOthers
		}
		if seenThing && subj.kind == subjOmitted && first >= 0 && ct[first].G&gJiang != 0 {
			// 双方满意地看到，X项目进展顺利，将为…发挥重要作用: a bare "will"
			// with no subject of its own goes on about the project seen, a
			// forecast of its effect (同意, 愿 are the parties' still, and so
			// is 将 after cooperation seen going well: 务实合作取得进展，将继续…)
			subj = subject{kind: subjForeign}
		}
		seenThing = false
		self := sc.instrument && x.selfSubject(masked, span.Start, span.End)
		if subj.kind == subjParty && first >= 0 {
			selfCue = nil // 本协定自签署之日起生效，双方应…: the parties act again
		}
		// 本协定之修正，应经双方书面同意; 本协定有效期为五年，…，应自动延长:
		// a clause with no subject of its own after the instrument's goes on
		// about the instrument
		goesOn := !self && selfCue != nil && omitted
		if !self && selfFinal && subj.kind != subjParty && x.g.agentMark.startsAt(masked, skipFillerRunes(masked, span.Start, span.End)) >= 0 {
			// 本协议的修订，由双方协商一致后以书面形式确认: after the
			// instrument's own amendment or interpretation as a topic, a
			// clause that opens with the agent's mark says how it is done,
			// still about the instrument
			goesOn = true
		}
		// the body is read before an agent's mark: 委员会由双方主席…组成 is
		// about the body, whoever makes it up
		body := subj.kind == subjForeign && sc.instrument && x.standingBodyOpens(masked, span.Start, span.End)
		if body {
			// 联委会每两年举行一次会议, 混委会负责…: in an agreement or
			// memorandum the parties' standing body acts for them
			subj = subject{kind: subjParty, codes: inherited}
		}
		if subj.kind != subjParty && sc.instrument {
			if codes := x.agentOf(masked, cms, span.Start, zoneEnd); codes != nil {
				// 费用，由缔约双方…共同承担: in an agreement the party after
				// the agent's mark does what the clause says, and the
				// clauses after it with no subject of their own
				subj = subject{kind: subjParty, codes: codes}
			}
		}
		cr := &crs[n]
		*cr = clauseReading{span: span, subject: subj, lastCopula: -1, lastWeight: -1, mentions: cms}
		for i := len(ct) - 1; i >= 0 && (cr.lastCopula < 0 || cr.lastWeight < 0); i-- {
			if ct[i].Kind.has(cCopula) && cr.lastCopula < 0 {
				cr.lastCopula = i
			}
			if ct[i].Kind.has(cImportance) && cr.lastWeight < 0 {
				cr.lastWeight = i
			}
		}
		readings = append(readings, cr)

		if scopeOf != nil && !x.startsPredicate(ct, first, subj, scopeOf) {
			cr.content = true
			seenThing = scopeOf.reading == rAppraisal && subj.kind == subjForeign && hasKind(ct, cAchievement) && projectIn(st.named, span.Start, span.End)
			if scopeOf.opinion {
				noteContent(scopeOf, ct, subj)
				if first >= 0 && subj.kind == subjParty && predictsOther(scopeOf, subj, ct[first].Kind) {
					scopeOf.hasAppraisal = true // another party's future, expected
				}
			}
			continue
		}
		scopeOf = nil
		if lookBack && (first < 0 || !ct[first].Kind.has(cAppraisal|cOpinion)) {
			// 欣见两国自建交以来，…: an appraisal before the frame still
			// heads the clause; what it appraises runs on past the frame
			continue
		}
		if x.g.conditionOpen.startsAt(masked, span.Start) >= 0 || x.conditionClause(masked, span) {
			// 未经另一方书面同意，…; 经双方同意，…: the consent a provision
			// waits on is its condition, no undertaking or forecast
			continue
		}
		if subj.kind != subjOmitted {
			prevSubj, prevOthers = subj, others
		}

		actors := subj.codes
		switch subj.kind {
		case subjOmitted:
			actors = lastParty
			if actors == nil {
				actors = inherited
			}
		case subjParty:
			lastParty = subj.codes
		}
		cr.actors = actors

		selfFinal = self && x.finalTopic(masked, span.Start, span.End)
		if self {
			// 本协定自签署之日起生效, 本协定经双方书面同意后得予修正: in an
			// agreement or memorandum, what the instrument itself is or
			// becomes is a formula, whatever verb says it
			at := skipFillerRunes(masked, span.Start, zoneEnd)
			cr.reading, cr.rule = rNarrative, "instrument itself"
			cr.cue = &token{Start: at, End: x.g.selfRef.startsAt(masked, at)}
			selfCue = cr.cue
			continue
		}
		if goesOn {
			cr.reading, cr.rule, cr.cue = rNarrative, "instrument itself", selfCue
			continue
		}
		if at := x.g.unbound.indexIn(masked, span.Start, span.End); at >= 0 && sc.instrument {
			// 任何一方均无义务提供…: a party not bound to an action is a
			// limit the instrument sets, not an undertaking of the action
			cr.reading, cr.rule = rNarrative, "instrument itself"
			cr.cue = &token{Start: at, End: x.g.unbound.startsAt(masked, at), Kind: cNarrative}
			continue
		}
		if at := x.g.unaffected.indexIn(masked, span.Start, span.End); at >= 0 && sc.instrument {
			// 本协定终止后，已作出的决定的执行不受影响: what the instrument's
			// end leaves unaffected is its formula of termination, whatever
			// the subject or verb
			cr.reading, cr.rule = rNarrative, "instrument itself"
			cr.cue = &token{Start: at, End: x.g.unaffected.startsAt(masked, at), Kind: cNarrative}
			continue
		}
		if first < 0 && body {
			// 联委会每两年举行一次会议: the body's meetings are its parties'
			// undertaking (举行 is no action word elsewhere: a summit
			// statement's opening 于…举行第十次会议 tells what happened);
			// the holding verb is the evidence (a rare clause: its own token)
			if at := x.g.eventHeld.indexIn(masked, span.Start, span.End); at >= 0 {
				cr.actors = subj.codes
				str := entente.Soft
				if x.futureAuxFramed(ct, at, masked, span.Start) {
					str = entente.Firm // 工作小组会每年举行…: "will", as 将 is
				}
				cr.commit(str, &token{Start: at, End: x.g.eventHeld.startsAt(masked, at), Kind: cAction}, "standing body meets")
				continue
			}
		}
		if first < 0 && subj.kind == subjParty {
			if at := x.futureAuxFrameAt(ct, span.End, masked, span.Start); at >= 0 {
				// 特区政府会透过驻曼谷经贸办，为…提供支援: "will" (会)
				// opens a frame whose action the next clause says; the
				// clause undertakes it, as 将 would
				cr.commit(entente.Firm, &token{Start: at, End: x.g.futureAux.startsAt(masked, at), Kind: cFirm}, "future auxiliary")
				continue
			}
			// 委员会由…组成, 委员会下设…, 秘书处设在…: how the body is made,
			// where it sits and what it does is a provision its parties
			// undertake, as its meetings are
			if at := x.g.bodyProvision.indexIn(masked, span.Start, span.End); at >= 0 {
				cr.actors = subj.codes
				cr.commit(entente.Soft, &token{Start: at, End: x.g.bodyProvision.startsAt(masked, at), Kind: cAction}, "standing body provision")
				continue
			}
		}
		if first < 0 && sc.instrument && subj.kind != subjPrediction && !others && !x.selfRefIn(masked, span.Start, span.End) &&
			(subj.kind != subjParty || !x.procedural(masked, 0, len(masked))) {
			// (not the parties' own "may" of a formula: 任一方得…终止本备忘录,
			// 经双方书面同意，可…修改本协定 are the instrument's own terms)
			if at := x.permittedAt(masked, span.Start, span.End); at >= 0 {
				// 航運業者得依…設立代表機構, 持證人有權利…進入…: what an agreement
				// lets someone do is a provision its parties grant, a soft
				// undertaking of theirs, as 缔约双方可… is
				if subj.kind != subjParty {
					cr.actors = inherited
				}
				cr.commit(entente.Soft, &token{Start: at, End: x.g.permission.startsAt(masked, at), Kind: cAction}, "permission")
				continue
			}
		}
		if first < 0 {
			if subj.kind == subjPrediction && !sc.instrument || hasKind(ct, cAchievement) {
				// 这为两国关系注入新动力: a demonstrative subject with no cue
				// appraises what it points to; in an agreement (此措施只在…
				// 始获允许) it restates a provision, no evaluation
				cr.reading, cr.rule = rWeakAppraisal, "achievement"
				cr.cue = firstKind(ct, cAchievement)
			}
			x.instrumentItself(cr, masked, span.Start)
			continue
		}
		t := &ct[first]
		cr.cue = t
		scope := x.readHead(cr, ct, first, rs, masked, hospitality)
		if cr.rule == "should" && (sc.instrument || sc.record) && x.g.shall[string(rs[t.Start:t.End])] {
			own := ownActionAfter(ct, first, masked) || x.g.shallComply.startsAt(masked, afterAdverbs(ct, first)) >= 0
			switch {
			case own && (subj.kind == subjParty || subj.kind == subjOmitted && lastParty != nil):
				// 双方应确保…, 台方应提供…: in an agreement or memorandum the
				// parties' "shall" before their own action binds them
				cr.commit(entente.Firm, t, "shall")
			case own && (subj.kind == subjOmitted || (subj.kind == subjForeign || subj.kind == subjPrediction) && !others):
				// 联合委员会应每年召开会议, 所需经费，应由双方分担, 他方应提供
				// 协助: the instrument's "shall" binds those who sign it,
				// whatever the grammatical subject, unless that names others
				cr.commit(entente.Firm, t, "shall of an instrument")
				if len(cr.actors) == 0 {
					cr.actors = inherited
				}
			case subj.kind != subjParty && subj.kind != subjPrediction && !others && x.g.shallPassive.startsAt(masked, t.End) >= 0:
				// 首次会议应于…举行, 分歧应通过友好协商解决, 费用应由派遣方
				// 承担: what shall be done, and when, how or by whom, is the
				// instrument binding its parties, whatever the subject
				cr.actors = inherited
				cr.commit(entente.Firm, t, "shall")
			}
		}
		if sc.instrument && x.g.shall[string(rs[t.Start:t.End])] && x.g.shallDeem.startsAt(masked, afterAdverbs(ct, first)) >= 0 {
			// 任一方均不得被視為係違反本條之規定，除非：: how a provision is
			// to be construed is its own scope, no undertaking
			cr.reading, cr.rule, cr.strength, cr.strCue = rNarrative, "construed", "", nil
		}
		if cr.rule == "prediction" && subj.kind == subjForeign && t.Kind.has(cFirm) && x.eventHeldAfter(ct, first, masked, span.End) {
			// 第十一次领导人会议将于2027年在中国举行: a meeting or event that
			// will be held is the parties' undertaking to hold it, as
			// 两国将共庆建交周年 is, not a forecast of its effect
			cr.actors = inherited
			cr.commit(entente.Firm, t, "event to be held")
		}
		if cr.rule == "prediction" && subj.kind == subjForeign && sc.instrument && t.Kind.has(cFirm) && ownActionAfter(ct, first, masked) {
			if codes := organsOfParties(masked, ct, cms, span.Start, t.Start); codes != nil {
				// 香港金融管理局与泰国银行将…继续合作: in a memorandum the
				// two sides' organs, each named by its party, act for the
				// parties; that is no forecast
				cr.actors = codes
				cr.commit(entente.Firm, t, "organs of the parties")
			}
		}
		if cr.rule == "copula" && sc.instrument && x.selfRefIn(masked, t.End, span.End) && x.g.designatedRole.endsAt(masked, span.End) > t.End {
			// 中华人民共和国文化部和中国驻英国大使馆是…执行本计划的主要机构:
			// the bodies an instrument names to carry it out or to liaise
			// are a provision its parties undertake, soft as 由…负责 is
			if subj.kind != subjParty {
				cr.actors = inherited
			}
			cr.commit(entente.Soft, t, "designated body")
		}
		if cr.rule == "prediction" && subj.kind == subjForeign && sc.instrument && t.Kind.has(cFirm) && ownActionAfter(ct, first, masked) &&
			x.g.programmeBody.endsAt(masked, t.Start) > span.Start {
			// 威尔士国家歌剧院将在中央音乐学院开办大师课: in a programme or
			// an agreement, a theatre, a museum or a university that "will"
			// act carries out an item the parties undertake; no forecast
			cr.actors = inherited
			cr.commit(entente.Firm, t, "body of a programme")
		}
		if x.readCoordinated(cr, ct, first, rs, masked, hospitality) {
			scope = true
		}
		if sc.instrument && cr.reading == rCommitment && cr.strength == entente.Firm && x.permitted(masked, span.Start, cr.strCue.Start) {
			// 缔约双方可根据需要商定设立…: what the parties may do is no
			// firm undertaking, though a firm word (商定) says it
			cr.strength = entente.Soft
		}
		if sc.instrument && cr.reading == rNarrative && t.Kind.has(cNarrative) && len(cr.actors) > 0 && !body &&
			(subj.kind == subjParty || subj.kind == subjOmitted) && x.permitted(masked, span.Start, t.Start) {
			// 缔约双方可签订专门协议, 双方可邀请第三方参加: what the parties
			// may do is their soft undertaking, not a fact of the signing
			// (what their working group may do is left as the held-out
			// tw-pw gold reads it)
			cr.commit(entente.Soft, t, "permission")
		}
		if sc.instrument && cr.reading == rPosition && x.g.recognize.startsAt(masked, t.Start) == t.End && x.g.papers.indexIn(masked, t.End, span.End) >= 0 {
			// 一方承认另一方主管当局颁发的证书: in an agreement, recognizing
			// the other side's papers is the parties' undertaking to accept them
			if len(cr.actors) == 0 {
				cr.actors = inherited
			}
			cr.commit(entente.Soft, t, "recognized papers")
		}
		if sc.instrument && cr.rule == "others" && !others && t.Kind.has(cSoft) && x.g.mutual.startsAt(masked, t.Start) >= 0 {
			// 商船及其船员…相互给予…待遇: what is granted mutually is the
			// parties' grant, whoever the grammatical subject
			cr.actors = inherited
			cr.commit(entente.Soft, t, "mutual grant")
		}
		if sc.instrument && cr.rule == "others" && !others && t.Kind.has(cSoft) && x.g.exemption.startsAt(masked, t.Start) >= 0 {
			// 持有证书的一方船舶…无须重新丈量: what an agreement waives for
			// the other side's ships or people is the parties' grant,
			// whoever the grammatical subject
			cr.actors = inherited
			cr.commit(entente.Soft, t, "exemption granted")
		}
		if sc.instrument && cr.reading == rNone && !body && !others && subj.kind != subjPrediction && !x.selfRefIn(masked, span.Start, span.End) && !x.procedural(masked, 0, len(masked)) {
			if at := x.permittedAt(masked, span.Start, t.Start); at >= 0 {
				// 当…时，可以租用…船舶参加…运输: what the agreement lets be
				// done, though no verb there is the parties' own, is what
				// they grant, a soft undertaking of theirs
				if len(cr.actors) == 0 {
					cr.actors = inherited
				}
				cr.commit(entente.Soft, &token{Start: at, End: x.g.permission.startsAt(masked, at), Kind: cAction}, "permission")
			}
		}
		if scope {
			scopeOf = cr
		}
		if t.Kind.has(cFrame) {
			frame = true
		}
		if cr.reading == rNone && hasKind(ct, cAchievement) {
			cr.reading, cr.rule, cr.cue = rWeakAppraisal, "achievement", firstKind(ct, cAchievement)
		}
		x.instrumentItself(cr, masked, span.Start)
		if sc.instrument && cr.reading == rCommitment && cr.strCue != nil && cr.strCue.Kind.has(cModal) && x.enactsItself(masked, cr.strCue.End, len(masked)) {
			// 双方决定，就修订…签署本协议: the parties deciding to sign the
			// instrument they sign is its enacting formula, as 达成协议如下
			// is, no undertaking
			cr.reading, cr.rule, cr.strength, cr.strCue = rNarrative, "enacting formula", "", nil
		}
		if cr.reading == rCommitment && cr.strCue != nil && !cr.strCue.Kind.has(cModal) {
			if e := x.completedEffect(ct, first, rs); e != nil {
				// 两国建交为双边关系发展奠定了坚实基础, 中新合作为地区繁荣作出了
				// 重要贡献: a bare action named before an effect already made
				// is what was done, weighed, not what will be
				cr.reading, cr.rule, cr.strength, cr.strCue, cr.cue = rWeakAppraisal, "effect made", "", nil, e
			}
		}
		if retro && cr.reading == rNone && subj.kind == subjForeign && t.Kind.has(cAction) && !t.Kind.has(cPredicate&^cAction) {
			// 两国建交以来，双边关系健康稳定发展: after a retrospective frame, a
			// thing's bare action tells how it has gone, weighed
			cr.reading, cr.rule = rWeakAppraisal, "retrospective"
		}
		if retro && cr.reading == rCommitment && cr.strCue != nil && !cr.strCue.Kind.has(cModal) {
			// 自建交以来，双方深化合作，成果丰硕: a bare action after a
			// retrospective frame tells what was done, not what will be
			cr.reading, cr.rule, cr.strength, cr.strCue = rWeakAppraisal, "retrospective", "", nil
		}
		if cr.opinion {
			noteContent(cr, ct[first+1:], subject{})
			for _, o := range ct[:first] {
				noteContent(cr, []token{o}, subject{})
			}
			if appraisedBefore(readings) {
				// 高度评价…倡议，认为这有利于…: an opinion that follows an
				// appraisal elaborates it, and the sentence stays an appraisal
				// unless the opinion says what should be done
				cr.hasAppraisal = true
			}
		}
	}
	if sc.instrument && x.g.definesTerm(rs) {
		// 「航空運輸」：指以航空器…載運旅客…以取得報酬: an instrument's
		// definition says what its term means, a narrative, whatever
		// the meaning's own words would read as
		for _, cr := range readings {
			cr.reading, cr.rule, cr.strength, cr.strCue = rNarrative, "definition", "", nil
		}
	}
	sc.ctoks, sc.ptrs = ctoks[:0], readings[:0]
	return x.resolve(st, readings, frame, inherited, sc), nil
}

// definesTerm reports whether the sentence rs is the definition of an
// instrument's quoted terms: one or more quoted terms, joined by a
// [term-joiner], then a colon and "means" ([term-means-lead], [term-means]:
// 「協定」：指…, 「A」、「B」及「C」：各指…, “缔约方”系指…).
func (g *grammar) definesTerm(rs []rune) bool {
	i := 0
	for i < len(rs) && unicode.IsSpace(rs[i]) {
		i++
	}
	terms := 0
	for i < len(rs) {
		closing, ok := termQuotes[rs[i]]
		if !ok {
			break
		}
		j := i + 1
		for j < len(rs) && rs[j] != closing && j-i <= maxTermRunes {
			j++
		}
		if j >= len(rs) || rs[j] != closing {
			return false
		}
		terms++
		i = j + 1
		if e := g.termJoiner.startsAt(rs, i); e > i {
			i = e
		}
	}
	if terms == 0 {
		return false
	}
	if i < len(rs) && (rs[i] == '：' || rs[i] == ':') {
		i++
	}
	if e := g.termMeansLead.startsAt(rs, i); e > i {
		i = e
	}
	return g.termMeans.startsAt(rs, i) > i
}

// termQuotes are the quotation marks around a defined term, each with its
// closing mark; maxTermRunes bounds a term.
var termQuotes = map[rune]rune{'「': '」', '“': '”', '『': '』', '"': '"'}

const maxTermRunes = 24

// completedEffect returns the achievement in the perfective (奠定了坚实基础,
// 作出了重要贡献: its text holds a [done] word) that stands after the
// clause's first predicate at first, or nil.
func (x *Extractor) completedEffect(ct []token, first int, rs []rune) *token {
	for i := first + 1; i < len(ct); i++ {
		if t := &ct[i]; t.Kind.has(cAchievement) && x.g.done.indexIn(rs, t.Start, t.End) >= 0 {
			return t
		}
	}
	return nil
}

// afterPartiesNamed drops the cue words of a clause that stand before a
// short name given to the parties (…国家粮食安全与研究部（以下简称“双方”）):
// what stands there is the parties' full names, a verb inside one (研究) no
// predicate.
// It returns where the short name stands (-1: none given).
func (x *Extractor) afterPartiesNamed(ct []token, masked []rune, span clauseSpan) ([]token, int) {
	k := x.g.shortName.indexIn(masked, span.Start, span.End)
	if k < 0 {
		return ct, -1
	}
	e := x.g.shortName.startsAt(masked, k)
	for e < span.End && (masked[e] == '“' || masked[e] == '"' || masked[e] == '「' || masked[e] == '『') {
		e++
	}
	if x.entities.joint.startsAt(masked, e) < 0 {
		return ct, -1
	}
	for i, t := range ct {
		if t.Start >= k {
			return ct[i:], e
		}
	}
	return ct[:0], e
}

// instrumentItself reads a clause that opens with the document itself
// (本协定自…之日起生效, 本协定将自动延长五年, 本协定的终止不影响…) as the
// instrument's own formula of force, term and end: what looks like an
// evaluation (已完成) or a forecast (将) in it is narrative. What the
// parties undertake in such a clause stays an undertaking.
func (x *Extractor) instrumentItself(cr *clauseReading, masked []rune, start int) {
	if cr.reading != rWeakAppraisal && cr.reading != rAppraisal {
		return
	}
	if x.g.selfRef.startsAt(masked, start) >= 0 {
		cr.reading, cr.rule = rNarrative, "instrument itself"
	}
}

// definesTerm reports whether the sentence masked defines a term: it holds
// a [definition] word (是指), or opens with a quoted term that a comma or
// colon closes (“海运主管当局”，在中国是…).
func (x *Extractor) definesTerm(masked, rs []rune) bool {
	for i := range masked {
		if x.g.definition.startsAt(masked, i) >= 0 {
			return true
		}
	}
	at := 0
	for at < len(rs) && unicode.IsSpace(rs[at]) {
		at++
	}
	if at >= len(rs) || rs[at] != '“' {
		return false
	}
	for j := at + 1; j+1 < len(rs) && j < at+24; j++ {
		if rs[j] == '”' {
			return rs[j+1] == '，' || rs[j+1] == '：'
		}
	}
	return false
}

// conditionClause reports whether the clause span opens with a
// [condition-mark] and closes with a [condition-close] word (经委员会双方主席
// 商定，): the consent a provision waits on.
func (x *Extractor) conditionClause(masked []rune, span clauseSpan) bool {
	if x.g.whenOpen.startsAt(masked, span.Start) >= 0 {
		// 当…时，: the case a provision is for
		end := span.End
		for end > span.Start && isFillerRune(masked[end-1]) {
			end--
		}
		if x.g.whenClose.endsAt(masked, end) > span.Start+1 {
			return true
		}
	}
	if x.g.conditionMark.startsAt(masked, span.Start) < 0 || x.g.conditionNot.startsAt(masked, span.Start) >= 0 {
		return false
	}
	end := span.End
	for end > span.Start && isFillerRune(masked[end-1]) {
		end-- // the comma that closes the clause
	}
	return x.g.conditionClose.endsAt(masked, end) > span.Start
}

// permitted reports whether a [permission] word (可, 得) stands in masked
// between start and the cue at cueStart (缔约双方可…商定, 双方或其指定机构可
// 就…签订): the clause says what the parties may do. A word that only holds
// the character ([permission-not]: 可持续, 取得, 不得) is none.
func (x *Extractor) permitted(masked []rune, start, cueStart int) bool {
	return x.permittedAt(masked, start, cueStart) >= 0
}

// permittedAt returns where the first [permission] word stands in masked
// between start and end, or -1 (see permitted).
func (x *Extractor) permittedAt(masked []rune, start, cueStart int) int {
	for p := start; p < cueStart; p++ {
		if x.g.permission.startsAt(masked, p) <= p {
			continue
		}
		if x.g.permissionNot.startsAt(masked, p) >= 0 || p > start && x.g.permissionNot.startsAt(masked, p-1) >= 0 {
			continue
		}
		if x.countries.inName(masked, p) {
			continue // 得 of 佛得角: a country's name grants nothing
		}
		return p
	}
	return -1
}

// agentOf returns the parties named right after an agent's mark
// ([agent-mark]: 由缔约双方) before end, nil when there are none.
func (x *Extractor) agentOf(masked []rune, ms []mention, start, end int) []string {
	for _, m := range ms {
		if m.Start < start || m.Start >= end {
			continue
		}
		if a := x.g.agentMark.endsAt(masked, m.Start); a >= start {
			return m.Codes
		}
	}
	return nil
}

// standingBodyOpens reports whether the clause [start, end) opens with the
// name of a standing body ([mechanism-standing]: 联委会, 工作组, or a name
// ending so, 中智科技创新合作联合委员会), as its subject: not after a
// preposition, within the length of a name.
func (x *Extractor) standingBodyOpens(masked []rune, start, end int) bool {
	if x.preposition.startsAt(masked, start) >= 0 {
		return false // 在联委会框架下…: the body is no subject
	}
	for i := start; i < end && i-start < maxNameRunes; i++ {
		if isFillerRune(masked[i]) {
			return false
		}
		if e := x.g.standingSet.startsAt(masked, i); e > i {
			return true
		}
		if e := x.g.standingOrgan.startsAt(masked, i); e > i {
			return true // 秘书处, 专家组: the body's organs act as it does
		}
	}
	return false
}

// maxNameRunes bounds how far into a clause a subject's name may run.
const maxNameRunes = 20

// meetingHeld reports whether ct[first] is a narrative word ([narrative]:
// 会晤) that names a meeting to be held: right after it, with nothing
// between, the "will" of [jiang] and a verb of holding ([event-held]).
func (x *Extractor) meetingHeld(ct []token, first int, masked []rune, end int) bool {
	if first < 0 || first+1 >= len(ct) || !ct[first].Kind.has(cNarrative) {
		return false
	}
	next := ct[first+1]
	if next.Start != ct[first].End || next.G&gJiang == 0 {
		return false
	}
	return x.eventHeldAfter(ct, first+1, masked, end)
}

// eventHeldAfter reports whether a verb of holding an event ([event-held]:
// 举行, 召开) follows ct[first] (a modal) in the clause before end, with no
// other predicate word between them: only adverbs, or when and where
// ([shall-passive]: 于2027年在中国).
func (x *Extractor) eventHeldAfter(ct []token, first int, masked []rune, end int) bool {
	from := ct[first].End
	for j := first + 1; j < len(ct) && ct[j].Start == from && ct[j].Kind.has(cFiller) && !ct[j].Kind.has(cPredicate); j++ {
		from = ct[j].End // 如期, 按时: adverbs before the verb
	}
	if x.g.eventHeld.startsAt(masked, from) < 0 && x.g.shallPassive.startsAt(masked, from) < 0 {
		return false // 将带动…举行: the modal governs another verb
	}
	for i := from; i < end && i < len(masked); i++ {
		if x.g.eventHeld.startsAt(masked, i) < 0 {
			continue
		}
		for _, o := range ct[first+1:] {
			if o.Start >= i {
				break
			}
			if o.Kind.has(cPredicate) {
				return false
			}
		}
		return true
	}
	return false
}

// appraisedBefore reports whether the clause before the last of readings,
// its own statement and not another verb's object, is an appraisal.
func appraisedBefore(readings []*clauseReading) bool {
	for i := len(readings) - 2; i >= 0; i-- {
		if readings[i].content {
			continue
		}
		return readings[i].reading == rAppraisal || readings[i].reading == rWeakAppraisal
	}
	return false
}

// readHead reads a clause from its first predicate word and reports whether
// that word governs the clauses after it.
func (x *Extractor) readHead(cr *clauseReading, ct []token, first int, rs, masked []rune, hospitality bool) (scope bool) {
	t := ct[first]
	k := t.Kind
	scope = k.has(cScope)
	switch {
	case cr.subject.kind == subjPrediction && !k.has(cShould):
		// 这将造福…: a demonstrative subject before "will" predicts; before
		// "should" or an instrument's "shall" (此等匯兌應按時辦理) it does not
		cr.reading, cr.rule = rWeakAppraisal, "prediction"
	case k.has(cModal):
		if cr.subject.kind == subjForeign {
			if k.has(cFirm) {
				cr.reading, cr.rule = rWeakAppraisal, "prediction"
			} else {
				cr.reading, cr.rule = rWeakPosition, "others"
			}
			return false
		}
		if t.G&gGoalModal != 0 && !x.actionFollows(ct, first, masked) {
			cr.reading, cr.rule = rPosition, "goal"
			return false
		}
		if t.G&gJiang != 0 && first+1 < len(ct) && ct[first+1].Start == t.End && ct[first+1].Kind.has(cImportance) {
			// …，将有助于促进…: "will" right before a word of importance
			// predicts what something does; it undertakes nothing
			cr.reading, cr.rule = rWeakAppraisal, "prediction"
			return false
		}
		if str := strengthOf(k); str == entente.Soft && (x.futureAuxBefore(ct, first, masked) || x.futureAuxFramed(ct[:first], ct[first].Start, masked, cr.span.Start)) {
			// 泰国政府会鼓励…: "will" (会) before an undertaking verb
			// that carries no modal of its own makes it firm, as 将鼓励 is
			cr.commit(entente.Firm, &ct[first], "future auxiliary")
			return k.has(cScope)
		}
		if x.awaitsOutcome(masked, t, cr.span.End) {
			// 期待…的进一步努力, 期待…取得的成果: what is looked forward to
			// is an outcome or an effort (another's), not the parties'
			// act: an appraisal, as "look forward to" an event is
			cr.reading, cr.rule = rAppraisal, "looks forward to an event"
			return false
		}
		cr.commit(strengthOf(k), &ct[first], "modal")
		return k.has(cScope) // 希望 governs what is hoped
	case k.has(cShould):
		cr.reading, cr.rule = rPosition, "should"
	case k.has(cStance | cWeakStance):
		next := nextPredicate(ct, first, masked)
		switch {
		case first+1 < len(ct) && ct[first+1].Kind.has(cUndertaking) && ct[first+1].Start == t.End:
			cr.commit(entente.Soft, &ct[first+1], "stance+own action")
		case next >= 0 && ct[next].Kind.has(cAction) && cr.lastWeight > next:
			// 强调深化X合作具有重要意义: the stress is on the weight of an action
			cr.reading, cr.rule = rPosition, "stance+importance"
		case next >= 0 && ct[next].Kind.has(cModal):
			cr.commit(strengthOf(ct[next].Kind), &ct[next], "stance+modal")
		case next >= 0 && ct[next].Kind.has(cShould):
			cr.reading, cr.rule = rPosition, "stance+should"
		case next >= 0 && ct[next].Kind.has(cSupport):
			x.readSupport(cr, ct, next, masked)
		case next >= 0 && ct[next].Kind.has(cAction):
			cr.commit(entente.Soft, &ct[next], "stance+own action")
		case next >= 0 && ct[next].Kind.has(cAppraisal|cThanks|cNarrative|cPosition|cOpinion):
			// 表示感谢, 表示欢迎, 表示反对: the verb after the light verb decides
			alt := &clauseReading{span: cr.span, subject: cr.subject, actors: cr.actors, cue: &ct[next], lastCopula: cr.lastCopula, lastWeight: cr.lastWeight, mentions: cr.mentions}
			scope = x.readHead(alt, ct, next, rs, masked, hospitality) || scope
			cr.reading, cr.rule, cr.cue, cr.opinion = alt.reading, "stance+"+alt.rule, alt.cue, alt.opinion
		case k.has(cWeakStance):
			cr.reading, cr.rule = rWeakPosition, "values"
		default:
			cr.reading, cr.rule = rPosition, "stance"
		}
	case k.has(cSupport):
		x.readSupport(cr, ct, first, masked)
	case k.has(cOpinion):
		cr.opinion, cr.reading, cr.rule = true, rPosition, "opinion"
		scope = true
		// 肯定两国自建交以来，…: the view's object opens a frame, and what
		// is held runs on past it, as after an appraisal
		if x.g.retrospective.endsAt(masked, cr.span.End) > t.End {
			cr.framed = true
		}
	case k.has(cReaffirm) && modalAfter(ct, first, masked) >= 0:
		// 重申将…: restating an undertaking is undertaking it
		next := modalAfter(ct, first, masked)
		if ct[next].G&gGoalModal != 0 && !x.actionFollows(ct, next, masked) {
			// 重申致力于半岛无核化: restating a goal is a view, as 致力于
			// + a goal is
			cr.reading, cr.rule = rPosition, "goal"
			return false
		}
		cr.commit(strengthOf(ct[next].Kind), &ct[next], "reaffirmed modal")
	case k.has(cPosition) && cr.subject.kind == subjForeign && x.g.done.startsAt(masked, t.End) >= 0 && x.documentBefore(ct, first, masked):
		// 1972年的上海公报确认了这些原则: an instrument that confirmed or
		// restated something is told of, no view the parties hold
		cr.reading, cr.rule = rNarrative, "instrument reported"
	case k.has(cPosition):
		cr.reading, cr.rule = rPosition, "position"
	case k.has(cThanks) && hospitality:
		cr.reading, cr.rule = rNarrative, "thanks for hospitality"
	case k.has(cAppraisal):
		cr.reading, cr.rule = rAppraisal, "appraisal"
		// 高度评价在X领导下，Y取得的成就: the clause holds only a frame, and
		// what is appraised runs on into the next clause; so it does after
		// the base or means the welcomed one acts from (欢迎X以澳门为平台，参与…)
		if x.g.frameOpen.startsAt(masked, t.End) >= 0 || x.g.retrospective.endsAt(masked, cr.span.End) > t.End ||
			x.g.meansClose.endsAt(masked, cr.span.End) > t.End {
			scope, cr.framed = true, true
		}
	case k.has(cNarrative|cFrame) && k.has(cScope) && first+1 < len(ct) && ct[first+1].Start == t.End && ct[first+1].Kind.has(cModal):
		// 宣布将…, 宣布有意…: what a party announces it will do it
		// undertakes, as "announced that it will" does; the modal decides,
		// and is the evidence
		cr.cue = &ct[first+1]
		return x.readHead(cr, ct, first+1, rs, masked, hospitality)
	case k.has(cNarrative | cFrame):
		cr.reading, cr.rule = rNarrative, "narrative"
	case k.has(cCopula):
		cr.reading, cr.rule = rWeakPosition, "copula"
	case k.has(cAction):
		switch {
		case cr.lastCopula > first:
			cr.reading, cr.rule = rWeakPosition, "copula"
		case cr.lastWeight > first:
			// 深化海关合作具有重要意义: the action is what is weighed
			cr.reading, cr.rule = rWeakPosition, "importance"
		case x.g.done.startsAt(masked, t.End) >= 0 || x.doneBefore(ct, first, masked, cr.span.Start):
			cr.reading, cr.rule = rNarrative, "done"
		case cr.subject.kind == subjForeign || len(cr.actors) == 0:
			cr.reading = rNone
		case x.g.startsWithDate(rs):
			cr.reading, cr.rule = rNarrative, "dated event"
		case x.futureAuxBefore(ct, first, masked) || x.futureAuxFramed(ct[:first], ct[first].Start, masked, cr.span.Start):
			// 双方会加强…, 双方会在…领域加强…: Hong Kong's written "will"
			// (会) before the parties' own action undertakes it as 将 does
			cr.commit(entente.Firm, &ct[first], "future auxiliary")
		default:
			cr.commit(entente.Soft, &ct[first], "own action")
		}
	}
	return scope
}

// readSupport reads 支持 at ct[i]: support of the parties' own cooperation
// or action is an undertaking; of another's effort, a principle or an
// initiative, a position.
func (x *Extractor) readSupport(cr *clauseReading, ct []token, i int, masked []rune) {
	after := ct[i].End
	for after < len(masked) && isFillerRune(masked[after]) {
		after++
	}
	if x.g.own.startsAt(masked, after) >= 0 {
		cr.commit(entente.Soft, &ct[i], "support of own cooperation")
		return
	}
	if x.ownSideAfter(cr, after, masked) {
		cr.commit(entente.Soft, &ct[i], "support of own side")
		return
	}
	if next := nextPredicate(ct, i, masked); next >= 0 && (ct[next].Start <= after+2 || onlyUndertaking(ct[i+1:next])) &&
		ct[next].Kind.has(cAction) && !ct[next].Kind.has(cSupport) {
		cr.commit(entente.Soft, &ct[next], "support of own action")
		return
	}
	if next := x.actionInOwnLand(cr, ct, i, after, masked); next >= 0 {
		cr.commit(entente.Soft, &ct[next], "support of own action")
		return
	}
	if j := thanksAfter(ct, i, masked); j >= 0 {
		// X對Y的長期支持表示感謝: the support is what the thanks are for,
		// a noun, and the clause thanks
		cr.reading, cr.rule, cr.cue = rAppraisal, "thanks for support", &ct[j]
		return
	}
	cr.reading, cr.rule = rPosition, "support"
}

// thanksAfter returns the index of a thanks word that follows the support
// word at ct[i] within a few characters, with no other predicate than a
// light verb between (支持表示感谢, 支持表達誠摯謝忱, 支持致以谢意): the
// support is then the object thanked for. It returns -1 otherwise.
func thanksAfter(ct []token, i int, masked []rune) int {
	const maxGap = 6 // a light verb and an adverb: 表達誠摯, 表示衷心
	for j := i + 1; j < len(ct); j++ {
		if ct[j].Start-ct[i].End > maxGap {
			return -1
		}
		for _, r := range masked[ct[i].End:ct[j].Start] {
			if r == '，' || r == '；' || r == '。' {
				return -1
			}
		}
		switch {
		case ct[j].Kind.has(cThanks):
			return j
		case ct[j].Kind.has(cWeakStance):
		case ct[j].Kind.has(cPredicate):
			return -1
		}
	}
	return -1
}

// ownSideAfter reports whether the supporter's own side's enterprises or
// institutions stand at after (中方支持中国企业…): a party name among the
// subject's own, then an [own-side-object] noun. The support is then the
// party's own undertaking, as support of the parties' joint cooperation is.
func (x *Extractor) ownSideAfter(cr *clauseReading, after int, masked []rune) bool {
	if cr.subject.kind != subjParty || len(cr.subject.codes) == 0 {
		return false
	}
	for _, m := range cr.mentions {
		if m.Start != after || x.g.ownSide.startsAt(masked, m.End) <= m.End {
			continue
		}
		own := len(m.Codes) > 0
		for _, c := range m.Codes {
			own = own && slices.Contains(cr.subject.codes, c)
		}
		return own
	}
	return false
}

// maxPlaceRunes bounds the place after a party's name in "[at] party place
// verb" (在斐济国立大学设立): a university or a city, no clause.
const maxPlaceRunes = 6

// actionInOwnLand returns the index of the action verb after 支持 at ct[i]
// when both parties as subject support an action in one of their own lands
// ([at] + a party's name + at most a short place, then the verb: 双方支持在
// 哈萨克斯坦开设鲁班工坊): their own action. One side's support of what is
// done in a land, or support on a basis (在“两国方案”基础上), is none of it.
func (x *Extractor) actionInOwnLand(cr *clauseReading, ct []token, i, after int, masked []rune) int {
	if cr.subject.kind != subjParty || len(cr.subject.codes) < 2 || after >= len(masked) || !x.g.isDate(masked[after], dAt) {
		return -1
	}
	for _, m := range cr.mentions {
		if m.Start != after+1 || len(m.Codes) != 1 || !slices.Contains(cr.subject.codes, m.Codes[0]) {
			continue
		}
		for j := i + 1; j < len(ct); j++ {
			if ct[j].Start < m.End {
				continue
			}
			if ct[j].Start-m.End > maxPlaceRunes || !ct[j].Kind.has(cAction) || ct[j].Kind.has(cSupport) {
				return -1
			}
			for _, r := range masked[m.End:ct[j].Start] {
				if unicode.IsPunct(r) {
					return -1
				}
			}
			return j
		}
	}
	return -1
}

// readCoordinated reads the verbs joined to the head by 并, 和, 及 or 、
// (高度重视并愿加强, 欢迎和鼓励, 赞赏并支持): the clause takes the strongest
// reading among them. It reports whether one of them governs what follows.
func (x *Extractor) readCoordinated(cr *clauseReading, ct []token, first int, rs, masked []rune, hospitality bool) (scope bool) {
	prevEnd := ct[first].End
	joined := false
	should := hasKind(ct[:first+1], cShould) // a should before ct[i]
	for i := first + 1; i < len(ct); i++ {
		if i > first+1 && ct[i-1].Kind.has(cShould) {
			should = true
		}
		t := ct[i]
		gap := masked[prevEnd:t.Start]
		if len(gap) > 0 && t.Kind.has(cConnective) && x.predicateJoin.startsAt(masked, t.Start) == t.End && !should {
			// 承认泰国政府并同意尊重…: past the first predicate's object, a
			// joint of predicates opens the subject's second one
			joined = true
			prevEnd = t.End
			continue
		}
		if len(gap) > 0 && !(len(gap) == 1 && gap[0] == '、') {
			return scope
		}
		if len(gap) == 1 {
			joined = true
		}
		if t.Kind.has(cConnective) && !t.Kind.has(cPredicate) {
			joined = true
			prevEnd = t.End
			continue
		}
		if t.Kind.has(cFiller) && !t.Kind.has(cPredicate) {
			prevEnd = t.End
			continue
		}
		if !joined || should {
			return scope
		}
		alt := &clauseReading{span: cr.span, subject: cr.subject, actors: cr.actors, cue: &ct[i], lastCopula: cr.lastCopula, lastWeight: cr.lastWeight, mentions: cr.mentions}
		s := x.readHead(alt, ct, i, rs, masked, hospitality)
		if alt.reading > cr.reading || (alt.reading == rCommitment && cr.reading == rCommitment && alt.strength.Rank() > cr.strength.Rank()) {
			cr.reading, cr.strength, cr.strCue, cr.rule, cr.cue, cr.opinion = alt.reading, alt.strength, alt.strCue, "coordinated "+alt.rule, alt.cue, alt.opinion
		}
		scope = scope || s
		prevEnd, joined = t.End, false
	}
	return scope
}

func (cr *clauseReading) commit(s entente.Strength, t *token, rule string) {
	cr.reading, cr.strength, cr.strCue, cr.rule = rCommitment, s, t, rule
	if cr.cue == nil {
		cr.cue = t
	}
}

// shallAfterNominal returns the index of a "shall" ([shall]: 应) that
// follows the first predicate of an instrument's clause, when that
// predicate is a bare action word and no other predicate stands between
// them (执行机关应…, 合作项目应…): the action word is part of the subject's
// name, an organ or a project, and the "shall" is the clause's verb. Else
// first.
func (x *Extractor) shallAfterNominal(ct []token, first int, rs []rune) int {
	if first < 0 || ct[first].Kind.has(cPredicate&^cAction) {
		return first
	}
	for k := first + 1; k < len(ct); k++ {
		if !ct[k].Kind.has(cPredicate) {
			continue
		}
		if ct[k].Kind.has(cShould) && x.g.shall[string(rs[ct[k].Start:ct[k].End])] {
			return k
		}
		return first
	}
	return first
}

// selfSubject reports whether a clause of an instrument, masked[start:end],
// is about the instrument itself: it opens with a [self-reference] (本协定)
// that is its subject (本协定自签署之日起生效), or a modifier of a noun of its
// final clauses (本协定的任何修改应经双方书面同意); not when the instrument
// only modifies the subject (本协定项下的合作应遵守…).
func (x *Extractor) selfSubject(masked []rune, start, end int) bool {
	at := skipFillerRunes(masked, start, end)
	e := x.g.selfRef.startsAt(masked, at)
	if e >= 0 && x.articleCitedAt(masked, e) >= 0 {
		return false // 本协定第一条所指的商船…: a provision cited modifies the subject
	}
	if e < 0 || x.g.selfModifier.startsAt(masked, e) < 0 {
		return e >= 0
	}
	for i := e; i < end; i++ {
		if x.g.finalClause.startsAt(masked, i) >= 0 {
			return true
		}
	}
	return false
}

// articleCitedAt returns where an article of the instrument cited as a
// modifier ends (本协定第八条所指, 本条第一款规定的) when masked at e, right
// after a [self-reference], goes on with 第…条/款/项 and an [article-cited]
// word; else -1.
func (x *Extractor) articleCitedAt(masked []rune, e int) int {
	i := e
	for i < len(masked) && x.g.articleOpen.has(masked[i]) {
		j := i + 1
		for j < len(masked) && j < i+6 && !x.g.articleUnit.has(masked[j]) {
			j++
		}
		if j >= len(masked) || !x.g.articleUnit.has(masked[j]) {
			return -1
		}
		i = j + 1
	}
	if i == e {
		return -1
	}
	return x.g.articleCited.startsAt(masked, i)
}

// procedural reports whether masked[start:end] (for a sentence: all of it,
// as 如协商未能解决分歧，双方可… says in its condition what it is about) holds a word of the
// instrument's final clauses ([final-clause]: 修改, 终止) or of its clause on
// disputes ([dispute]: 分歧): a "may" there is its own procedure.
func (x *Extractor) procedural(masked []rune, start, end int) bool {
	return x.g.finalClause.indexIn(masked, start, end) >= 0 || x.g.dispute.indexIn(masked, start, end) >= 0
}

// selfRefIn reports whether masked[start:end] names the instrument itself
// ([self-reference]) other than as a provision cited (本条第一款规定的运输).
func (x *Extractor) selfRefIn(masked []rune, start, end int) bool {
	for i := start; i < end; i++ {
		e := x.g.selfRef.startsAt(masked, i)
		if e < 0 {
			continue
		}
		if x.articleCitedAt(masked, e) < 0 {
			return true
		}
		i = e - 1
	}
	return false
}

// othersHead reports whether masked[start:end], a clause's subject in an
// agreement, ends in a [third-party-head] (两地行业协会, 双方金融机构, 两国
// 企业) right before its "shall": others than the parties, whoever's they
// are; not when that word ends a party's own name (美国在台协会), nor
// after a preposition (港方会为泰国企业…: the others are no subject).
func (x *Extractor) othersHead(masked []rune, ms []mention, start, end int) bool {
	for end > start && isFillerRune(masked[end-1]) {
		end--
	}
	at := x.g.thirdPartyHead.endsAt(masked, end)
	if at < start {
		return false
	}
	for i := start; i < at; i++ {
		if x.preposition.startsAt(masked, i) >= 0 {
			return false
		}
	}
	for _, m := range ms {
		if m.Start < end && m.End > at {
			return false
		}
	}
	return true
}

// finalTopic reports whether the clause masked[start:end] is no more than
// the instrument and a noun of its final clauses (本协议的修订, 本协定之
// 解释): a topic the next clause says something of, not a time frame
// (本协定生效后) or another matter (本协定未尽事宜).
func (x *Extractor) finalTopic(masked []rune, start, end int) bool {
	for end > start && isFillerRune(masked[end-1]) {
		end--
	}
	at := x.g.finalClause.endsAt(masked, end)
	if at < start {
		return false
	}
	e := x.g.selfRef.startsAt(masked, skipFillerRunes(masked, start, end))
	return e >= 0 && e <= at
}

// enactsItself reports whether masked[from:end] holds the enacting
// formula's signing of the instrument itself ([enact] and a
// [self-reference]: 签署本协议) that closes its clause (before a
// punctuation mark, 如下 or the sentence's end), not a signing that frames
// a time (在签署本协议后).
func (x *Extractor) enactsItself(masked []rune, from, end int) bool {
	for i := from; i < end; i++ {
		e := x.g.enact.startsAt(masked, i)
		if e < 0 {
			continue
		}
		f := x.g.selfRef.startsAt(masked, e)
		if f < 0 {
			continue
		}
		if f < end {
			if g := x.g.enactClose.startsAt(masked, f); g > f && g <= end {
				f = g
			}
		}
		if f >= end || isFillerRune(masked[f]) {
			return true
		}
	}
	return false
}

// eachPartyOpens reports whether masked[start:end], a clause's subject,
// opens with "each party" ([party-many]: 各方), past filler.
func (x *Extractor) eachPartyOpens(masked []rune, start, end int) bool {
	at := skipFillerRunes(masked, start, end)
	e := x.g.eachParty.startsAt(masked, at)
	return e > at && e <= end
}

// namesOthers reports whether masked[start:end], a clause's subject, names
// others than the parties ([third-party]: 各国, 国际社会).
func (x *Extractor) namesOthers(masked []rune, start, end int) bool {
	for i := start; i < end; i++ {
		if x.g.thirdParty.startsAt(masked, i) >= 0 && x.g.thirdPartyNot.startsAt(masked, i) < 0 {
			// 各方面 (in every respect) names no one
			return true
		}
	}
	return false
}

// skipFillerRunes returns the first position in [start, end) whose rune is
// no punctuation or space, or end.
// documentBefore reports whether the subject right before ct[first], past
// the adverbs between, ends with an instrument's head word ([document-head]:
// 公报, 宣言).
func (x *Extractor) documentBefore(ct []token, first int, masked []rune) bool {
	p := ct[first].Start
	for j := first - 1; j >= 0 && ct[j].End == p && ct[j].Kind.has(cFiller); j-- {
		p = ct[j].Start
	}
	return x.g.documentHead.endsAt(masked, p) >= 0
}

// resumedSubject returns where a pronoun ([resumptive]: 它) starts and ends
// when it is all the subject zone rune start..end holds but filler; else
// at >= e.
func (x *Extractor) resumedSubject(masked []rune, start, end int) (at, e int) {
	at = skipFillerRunes(masked, start, end)
	e = x.g.resumptive.startsAt(masked, at)
	if e < 0 || e > end || skipFillerRunes(masked, e, end) != end {
		return at, at
	}
	return at, e
}

func skipFillerRunes(masked []rune, start, end int) int {
	for start < end && isFillerRune(masked[start]) {
		start++
	}
	return start
}

// startsPredicate reports whether a clause inside the scope of an earlier
// verb makes a new statement of its own instead of continuing that verb's
// object: a modal undertaking by the parties, or, with the subject left
// out, a new verb of stance or appraisal.
func (x *Extractor) startsPredicate(ct []token, first int, subj subject, owner *clauseReading) bool {
	if first < 0 {
		return false
	}
	k := ct[first].Kind
	if owner.framed && subj.kind == subjOmitted && !k.has(cModal) {
		// 欣见两国自建交以来，秉持共享价值，…: the clause after the frame
		// says what is appraised, its own verb no stance of the parties
		return false
	}
	switch subj.kind {
	case subjPrediction, subjForeign:
		return false
	case subjParty:
		if k.has(cModal) {
			// 老方相信，中国将如期实现…: what one side believes the other
			// will achieve is the content of its belief, not an undertaking
			return !predictsOther(owner, subj, k)
		}
		return !owner.opinion && k.has(cPredicate&^cAction)
	}
	if k.has(cFirmVerb) {
		return false // 确保… inside 呼吁… is what is called for
	}
	if owner.cue != nil && owner.cue.G&gCall != 0 && k.has(cAction|cSupport) && !k.has(cModal|cStance|cPosition) {
		return false // 呼吁X履行…，支持…: the call goes on with what X should do
	}
	if owner.rule == "support" && k.has(cAction) && first > 0 && ct[first-1].Kind.has(cUndertaking) {
		// 支持对方…发展道路，持续加强…交流: what is supported ends with its
		// clause; continuing an action (持续, 进一步) is the parties' own
		return true
	}
	return k.has(cModal | cPosition | cOpinion | cStance | cWeakStance | cSupport | cShould | cAppraisal | cThanks | cNarrative | cFrame)
}

// predictsOther reports whether a clause whose subject is a party and
// whose first word is the firm modal k says what an opinion's holder
// expects of another party (X方相信，Y将…): a prediction, appraised.
func predictsOther(owner *clauseReading, subj subject, k cueKind) bool {
	if !owner.opinion || !k.has(cFirm) || len(owner.actors) == 0 {
		return false
	}
	for _, c := range subj.codes {
		if slices.Contains(owner.actors, c) {
			return false
		}
	}
	return true
}

// noteContent records what an opinion's content says: an evaluation of
// something achieved makes it an appraisal, a "should" a position.
func noteContent(owner *clauseReading, ct []token, subj subject) {
	if subj.kind == subjPrediction {
		owner.hasAppraisal = true
	}
	for _, t := range ct {
		if t.Kind.has(cShould) {
			owner.hasShould = true
		}
		if t.Kind.has(cAppraisal | cAchievement) {
			owner.hasAppraisal = true
		}
	}
}

// resolve turns clause readings into the sentence's labels.
func (x *Extractor) resolve(st *text, readings []*clauseReading, frame bool, inherited []string, sc *scratch) sentenceReading {
	var out sentenceReading
	for _, cr := range readings {
		if cr.opinion && cr.hasAppraisal && !cr.hasShould {
			cr.reading, cr.rule = rAppraisal, "opinion on an achievement"
		}
		if cr.subject.kind == subjParty && out.subject == nil {
			out.subject = cr.subject.codes
		}
	}
	best := rNone
	for _, cr := range readings {
		if cr.reading > best {
			best = cr.reading
		}
	}
	if frame && best != rNarrative {
		modal := false
		for _, cr := range readings {
			if cr.reading == rCommitment && cr.strCue != nil && cr.strCue.Kind.has(cFirm|cIntent) {
				modal = true
			}
		}
		if !modal {
			best = rNarrative
			for _, cr := range readings {
				if cr.cue != nil && cr.cue.Kind.has(cFrame) {
					cr.reading = rNarrative
				}
			}
		}
	}
	switch best {
	case rCommitment:
		out.typ = entente.Commitment
	case rPosition, rWeakPosition:
		out.typ = entente.Position
	case rAppraisal, rWeakAppraisal:
		out.typ = entente.Appraisal
	default:
		out.typ = entente.Narrative
	}

	// each clause's evidence written field by field into its zero slot of
	// the document's slab: a copy of a whole ClauseCue pays the collector's
	// write barrier on each of its pointer words while a collection marks
	out.clauses = sc.clauseCues.take(len(readings))
	for i, cr := range readings {
		cc := &out.clauses[i]
		cc.Start, cc.End = cr.span.Start, cr.span.End
		if cr.content {
			continue
		}
		if cr.actors != nil {
			cc.Actors = cr.actors
		}
		if t := cr.reading.sentenceType(); t != "" {
			cc.Type, cc.Strength = t, cr.strength
			if cr.cue != nil {
				cc.Cue = sc.cueOf(st, cr.cue, cr.rule)
			}
		}
	}

	var winners []*clauseReading
	for _, cr := range readings {
		if cr.reading == best {
			winners = append(winners, cr)
		}
	}
	if len(winners) > 0 && winners[0].cue != nil && winners[0].rule != "" {
		// a clause no rule read (the type by default) has no cue to show
		out.typeCue = sc.cueOf(st, winners[0].cue, winners[0].rule)
	}
	// the actors and their evidence go to the document's slabs: a
	// commitment's actors are the union of its winning clauses', taken once
	switch out.typ {
	case entente.Commitment:
		var sets [8][]string
		actors, subjects := sets[:0], 0
		for _, cr := range winners {
			actors = append(actors, cr.actors)
			if cr.strength.Rank() > out.strength.Rank() {
				out.strength = cr.strength
				out.strengthCue = sc.cueOf(st, cr.strCue, cr.rule)
			}
			if cr.subject.cue != nil {
				subjects++
			}
		}
		out.actors = sc.union(actors...)
		if subjects > 0 {
			out.actorCues = sc.partyCues.take(subjects)[:0]
			for _, cr := range winners {
				if cr.subject.cue != nil {
					out.actorCues = append(out.actorCues, *cr.subject.cue)
				}
			}
		}
		if len(out.actors) == 0 {
			out.actors = sc.union(inherited)
		}
	case entente.Narrative:
	default:
		for k, cr := range winners {
			if len(cr.actors) > 0 {
				out.actors = sc.union(cr.actors)
				if cr.subject.cue != nil {
					out.actorCues = sc.partyCues.take(1)
					out.actorCues[0] = *cr.subject.cue
					out.actors = sc.union(append([][]string{cr.actors}, namedViewHolders(winners[k+1:])...)...)
				}
				break
			}
		}
		if out.actors == nil && out.subject != nil {
			out.actors = sc.union(out.subject)
		}
		if out.actors == nil {
			// a view in a joint text with no party named is the text's own
			out.actors = sc.union(inherited)
		}
	}
	return out
}

// namedViewHolders gives the actors of the clauses that name their own
// subject: in parallel views (中方欢迎…，新方欢迎…) each party named holds one,
// so the sentence's are all of theirs.
func namedViewHolders(winners []*clauseReading) [][]string {
	var out [][]string
	for _, cr := range winners {
		if cr.subject.cue != nil && len(cr.actors) > 0 {
			out = append(out, cr.actors)
		}
	}
	return out
}

func (r reading) sentenceType() entente.SentenceType {
	switch r {
	case rCommitment:
		return entente.Commitment
	case rPosition, rWeakPosition:
		return entente.Position
	case rAppraisal, rWeakAppraisal:
		return entente.Appraisal
	case rNarrative:
		return entente.Narrative
	}
	return ""
}

// subjectOf reads the subject of a clause from the text before its first
// predicate: a party named there (not as the object of a preposition, not as
// a modifier of a noun), a demonstrative that predicts, nothing at all, or
// some other noun phrase.
func (x *Extractor) subjectOf(st *text, start, end int, ms []mention, ct []token) subject {
	masked := st.masked
	// where the subject may begin: after a station (驻帛琉) at the start, or
	// after the span of dates the clause opens with (一九九九年四月一日至二○○二
	// 年三月三十一日期间双方将…: when, not who)
	lead := x.g.leadingTimeEnd(masked, start, end)
	for _, m := range ms {
		if m.Start < start || m.Start >= end {
			continue
		}
		if p := x.stationBefore(masked, m.End); p >= 0 && p < m.Start && onlyFillerBefore(masked, ct, lead, p) {
			lead = m.End // 驻帛琉台湾技术团: the host is where the mission sits
			continue
		}
		if !onlyFillerBefore(masked, ct, lead, m.Start) {
			if p := x.stationBefore(masked, m.Start); p < 0 || !onlyFillerBefore(masked, ct, lead, p) {
				break // a party after other words is no subject (为…庆祝中国新年)
			}
		}
		if p := x.preposition.endsAt(masked, m.Start); p >= start {
			continue
		}
		if x.partyHead.startsAt(masked, m.End) < 0 && x.nonAgent.startsAt(masked, m.End) >= 0 && !verbFollows(ct, masked, m.End) && !x.g.shortOne.has(masked[m.End-1]) &&
			(len(m.Codes) != 1 || x.agencyEnd(masked, ct, m.End, end) < 0) {
			// 中方企业, 两国金融机构: the party modifies who acts; not in
			// the name of one party's agency (香港金融管理局将…), nor after
			// "one of its" (英一国家剧院将…: a British national theatre)
			continue
		}
		// 中方和塞方, 中国—东盟双方: names joined by 和, 与, 、 or a dash
		// are one subject
		codes, subjEnd := m.Codes, m.End
		for _, n := range ms {
			if n.Start < subjEnd {
				continue
			}
			if n.Start >= end {
				break
			}
			// the gap is encoded only when it is short enough to be a
			// joiner: it may run to the clause's end; a name's head
			// (中华人民共和国政府和巴西联邦共和国政府) stands before it
			// 中华民国（台湾）政府与…: a bracketed gloss of the name (a
			// name inside it is the same party's) stands before its head
			gloss := glossEnd(masked, subjEnd, end)
			if gloss < 0 {
				gloss = x.shortNameGlossEnd(masked, subjEnd, end)
			}
			if gloss > subjEnd && n.Start < gloss {
				continue
			}
			at := max(subjEnd, gloss)
			if h := x.partyHead.startsAt(masked, at); h > at && h <= n.Start {
				at = h
			}
			if gap := n.Start - at; gap == 0 || gap <= x.g.subjectJoinMax && x.g.subjectJoin[string(masked[at:n.Start])] {
				codes, subjEnd = union(codes, n.Codes), n.End
				continue
			}
			if x.agencyJoined(masked, ct, at, n.Start) {
				// 澳门旅游局与佛得角旅游部: two parties' agencies, one subject
				codes, subjEnd = union(codes, n.Codes), n.End
				if e := x.agencyEnd(masked, ct, subjEnd, end); e > subjEnd {
					subjEnd = e
				}
				continue
			}
			break
		}
		// the evidence in the sentence's buffer (resolve copies what it
		// keeps), written field by field into its zero slot
		c := st.scratchOf().subjectCue()
		c.Party, c.Rule, c.Start, c.End = strings.Join(codes, ","), "subject", m.Start, subjEnd
		// a slice of the sentence: party names and their joiners are
		// never masked, so the runes are the sentence's own
		c.Text = st.sub(m.Start, subjEnd)
		return subject{kind: subjParty, codes: codes, cue: c}
	}
	if at := x.afterConnective(masked, ct, skipFillerRunes(masked, start, end), end); at < end && x.g.adverbialOpen.startsAt(masked, at) >= 0 && !longerTokenAt(ct, at, x.g.adverbialOpen.startsAt(masked, at)) {
		// 依据《巴黎协定》第六条建立…: an adverbial phrase opens the clause;
		// its subject is the one left out; so it is after a connective
		// (…为了加强…关系，并根据两国人民的共同愿望，决定…: the basis the
		// subject acts on, joined to its purpose, names no one who acts)
		return subject{kind: subjOmitted}
	}
	covered := make([]bool, end-start)
	// a deadline before the verb (在2027年之前共同举办…) is no subject
	if d := x.g.dateDeadline(masked[start:end]); d != nil {
		for i := d.Start; i < d.End; i++ {
			covered[i] = true
		}
	}
	for _, t := range ct {
		if t.End > end || t.Start < start {
			continue
		}
		if t.Kind.has(cPrediction) && !t.Kind.has(cPredicate) {
			if onlyFillerBefore(masked, ct, start, t.Start) {
				return subject{kind: subjPrediction}
			}
		}
		if t.Kind.has(cFiller) {
			for i := t.Start; i < t.End; i++ {
				covered[i-start] = true
			}
		}
	}
	for i := start; i < end; i++ {
		if !covered[i-start] && !isFillerRune(masked[i]) {
			return subject{kind: subjForeign}
		}
	}
	return subject{kind: subjOmitted}
}

// afterConnective returns where the clause goes on past a connective word
// that opens it at at (并, 并且, 同时), or at when none does.
func (x *Extractor) afterConnective(masked []rune, ct []token, at, end int) int {
	for _, t := range ct {
		if t.Start == at && t.End < end && t.Kind.has(cConnective) && !t.Kind.has(cPredicate) {
			return skipFillerRunes(masked, t.End, end)
		}
	}
	return at
}

// longerTokenAt reports whether a cue word of ct opens at at and runs past
// end: the word there is that one (以及, 通过了), not the shorter opener.
func longerTokenAt(ct []token, at, end int) bool {
	for _, t := range ct {
		if t.Start == at && t.End > end {
			return true
		}
	}
	return false
}

// maxAgency bounds the name of a party's agency read between its party's
// name and a joiner (政府旅游局, 投资推广署, 国家科学技术发展署).
const maxAgency = 12

// agencyJoined reports whether masked[at:next] is the rest of a party's
// agency's name and a [subject-joiner] (旅游局与 of 澳门旅游局与佛得角旅游部):
// a short run of no predicate that ends in an [agency-head] before the joiner.
func (x *Extractor) agencyJoined(masked []rune, ct []token, at, next int) bool {
	if next-at < 2 || next-at > maxAgency+x.g.subjectJoinMax {
		return false
	}
	for j := next - 1; j > at && next-j <= x.g.subjectJoinMax; j-- {
		if !x.g.subjectJoin[string(masked[j:next])] {
			continue
		}
		if x.g.agencyHead.endsAt(masked, j) >= at && !predicateIn(ct, at, j) {
			return true
		}
	}
	return false
}

// agencyEnd returns where a party's agency named right after its party's
// name at from ends (佛得角旅游部 → after 部), before end, or -1.
func (x *Extractor) agencyEnd(masked []rune, ct []token, from, end int) int {
	for j := min(from+maxAgency, end); j > from; j-- {
		if x.g.agencyHead.endsAt(masked, j) >= from && !predicateIn(ct, from, j) {
			return j
		}
	}
	return -1
}

// dropAgencyVerbs drops the action words inside the name of a party's
// agency that a party's name opens (香港金融管理局将…, 香港贸易发展局会…,
// 泰国国家科学技术发展署会…): a short run with no other predicate that ends
// in an [agency-head] (not one that opens a longer word: [agency-not], 部分,
// 局势) and stands before the clause's verb, a "will" or a joiner. The
// agency is then its party's, as 香港海关将… is.
func (x *Extractor) dropAgencyVerbs(ct []token, masked []rune, cms []mention) []token {
	for _, m := range cms {
		head := -1 // the end of the longest such name holding an action word
		for j := m.End + 1; j <= m.End+maxAgency && j < len(masked); j++ {
			if isFillerRune(masked[j-1]) {
				break
			}
			h := x.g.agencyHead.endsAt(masked, j)
			if h < m.End || x.g.agencyNot.startsAt(masked, h) >= 0 || !x.nameEndsAt(ct, masked, j) {
				continue
			}
			ok, action := true, false
			for _, t := range ct {
				if t.Start >= m.End && t.Start < j && t.Kind.has(cPredicate) {
					action = action || t.Kind.has(cAction) && t.End <= h
					ok = ok && t.Kind.has(cAction) && !t.Kind.has(cModal|cShould) && t.End <= h
				}
			}
			if ok && action {
				head = j
			}
		}
		if head < 0 {
			continue
		}
		out := ct[:0]
		for _, t := range ct {
			if t.Start < m.End || t.Start >= head {
				out = append(out, t)
			}
		}
		ct = out
	}
	return ct
}

// nameEndsAt reports whether what follows an agency's name ending at j is
// what a subject stands before: a predicate word, a "will" ([future-aux]) or
// a [subject-joiner].
func (x *Extractor) nameEndsAt(ct []token, masked []rune, j int) bool {
	for _, t := range ct {
		if t.Start == j && t.Kind.has(cPredicate) {
			return true
		}
	}
	if x.g.futureAux.startsAt(masked, j) >= 0 {
		return true
	}
	for n := 1; n <= x.g.subjectJoinMax && j+n <= len(masked); n++ {
		if x.g.subjectJoin[string(masked[j:j+n])] {
			return true
		}
	}
	return false
}

// predicateIn reports whether a predicate token starts in [from, to).
func predicateIn(ct []token, from, to int) bool {
	for _, t := range ct {
		if t.Start >= from && t.Start < to && t.Kind.has(cPredicate) {
			return true
		}
	}
	return false
}

// stationBefore returns where "[station] + a country's name" ending at i
// starts (驻帛琉, 驻马绍尔群岛, 驻日 with a short form), or -1: the name of
// the place a mission or office sits, no actor.
func (x *Extractor) stationBefore(masked []rune, i int) int {
	s := x.countries.nameEndsAt(masked, i)
	if s < 0 && i > 0 && x.countries.isShortRune(masked[i-1]) {
		s = i - 1
	}
	if s <= 0 {
		return -1
	}
	return x.g.station.endsAt(masked, s)
}

// onlyFillerBefore reports whether [start, at) holds nothing but filler
// words (adverbs, connectives) and punctuation.
func onlyFillerBefore(masked []rune, ct []token, start, at int) bool {
	i, k := start, 0
	for i < at {
		for k < len(ct) && ct[k].End <= i {
			k++
		}
		if k < len(ct) && ct[k].Start == i && ct[k].Kind.has(cFiller) && ct[k].End <= at {
			i = ct[k].End
			continue
		}
		if !isFillerRune(masked[i]) {
			return false
		}
		i++
	}
	return true
}

// actionFollows reports whether an action verb follows ct[i] closely
// (致力于促进…), as opposed to a goal noun (致力于人民幸福).
func (x *Extractor) actionFollows(ct []token, i int, masked []rune) bool {
	next := nextPredicate(ct, i, masked)
	if next < 0 && x.preposition.startsAt(masked, ct[i].End) >= 0 {
		// 致力于在…领域深化合作: a prepositional phrase stands before the
		// verb; the first predicate after it decides
		for j := i + 1; j < len(ct); j++ {
			if ct[j].Kind.has(cPredicate) {
				next = j
				break
			}
		}
		if next < 0 {
			// 致力在平等互利的基础上，深化…: the phrase fills the clause,
			// and the verb it stands before opens the next one; a phrase
			// is no goal
			return true
		}
	}
	return next >= 0 && ct[next].Kind.has(cAction|cModal)
}

// verbFollows reports whether a predicate word starts at position at, or
// after one adverb there (双方共同推进…): a party before it is the subject,
// though the adverb (共同) could also modify a noun (共同利益).
func verbFollows(ct []token, masked []rune, at int) bool {
	for i, t := range ct {
		if t.Start < at {
			continue
		}
		if t.Start > at {
			return false
		}
		if t.Kind.has(cPredicate) {
			return true
		}
		return t.Kind.has(cAdverb) && i+1 < len(ct) && ct[i+1].Start == t.End && ct[i+1].Kind.has(cPredicate)
	}
	return false
}

// ownActionAfter reports whether a verb of the subject's own doing follows
// ct[i] (a "shall"): an action word or a modal right after it, past
// adverbs, or a verb the cue table does not list (应指派, 应定期交换: any
// Han character there that no other predicate word opens).
func ownActionAfter(ct []token, i int, masked []rune) bool {
	if next := nextPredicate(ct, i, masked); next >= 0 {
		return ct[next].Kind.has(cAction | cModal)
	}
	at := ct[i].End
	for j := i + 1; j < len(ct) && ct[j].Start == at && ct[j].Kind.has(cFiller) && !ct[j].Kind.has(cPredicate); j++ {
		at = ct[j].End // 定期, 共同: adverbs before the verb
	}
	for j := i + 1; j < len(ct); j++ {
		if ct[j].Start == at && ct[j].Kind.has(cPredicate) {
			return false // another predicate word: 应是, 应认为
		}
	}
	return at < len(masked) && masked[at] >= 0x4E00 && masked[at] <= 0x9FFF
}

// doneBefore reports whether an "already" ([done-before]: 已, 已经) stands
// in the clause before the action ct[i], with no other predicate between
// (X已与Y建立…安排, 双方已于2023年签署…): the action is reported as done.
func (x *Extractor) doneBefore(ct []token, i int, masked []rune, from int) bool {
	at := -1
	for j := from; j < ct[i].Start; j++ {
		if e := x.g.doneBefore.startsAt(masked, j); e > j && e <= ct[i].Start {
			at = e
		}
	}
	if at < 0 {
		return false
	}
	for j := i - 1; j >= 0 && ct[j].Start >= at; j-- {
		if ct[j].Kind.has(cPredicate) {
			return false
		}
	}
	return true
}

// afterAdverbs returns where the words after ct[i] begin past the adverbs
// right after it (应切实遵守: where 遵守 begins).
func afterAdverbs(ct []token, i int) int {
	at := ct[i].End
	for j := i + 1; j < len(ct) && ct[j].Start == at && ct[j].Kind.has(cFiller) && !ct[j].Kind.has(cPredicate); j++ {
		at = ct[j].End
	}
	return at
}

// nextPredicate returns the index of the predicate word right after ct[i],
// with nothing between them but adverbs and connectives, or -1.
func nextPredicate(ct []token, i int, masked []rune) int {
	end := ct[i].End
	for j := i + 1; j < len(ct); j++ {
		gap := masked[end:ct[j].Start]
		for _, r := range gap {
			if !isFillerRune(r) {
				return -1
			}
		}
		if ct[j].Kind.has(cPredicate) {
			return j
		}
		if !ct[j].Kind.has(cFiller) {
			return -1
		}
		end = ct[j].End
	}
	return -1
}

// modalAfter returns the index of a modal (将, 愿, not 确保) right after
// ct[i], or -1.
func modalAfter(ct []token, i int, masked []rune) int {
	next := nextPredicate(ct, i, masked)
	if next >= 0 && ct[next].Kind.has(cModal) && !ct[next].Kind.has(cFirmVerb) {
		return next
	}
	return -1
}

// dropPrepositionalJiang removes 将 where it marks the object (将X作为Y,
// 将两国关系提升为…), keeping it where a co-actor follows (将同中方…), which
// is the modal "will".
func (g *grammar) dropPrepositionalJiang(ct []token, masked []rune) {
	for i := range ct {
		if ct[i].G&gJiang == 0 {
			continue
		}
		if g.coActor.startsAt(masked, ct[i].End) >= 0 {
			continue
		}
		for j := i + 1; j < len(ct); j++ {
			if ct[j].Kind.has(cModal) {
				break
			}
			if ct[j].Kind.has(cJiangObject) {
				// 将 is 把 here: the predicate is 将X视为Y (a view) or
				// 将X作为/纳入/打造为Y (the parties' own doing)
				ct[i].Kind = cAction | cJiangObject
				if ct[j].G&gJiangView != 0 {
					ct[i].Kind = cPosition | cJiangObject
				}
				ct[j].Kind = cConnective
				break
			}
		}
	}
}

// futureAuxBefore reports whether a [future-aux] word (会) stands right
// before ct[first], the clause's action, with only adverbs between them
// (双方会继续加强…), and is not the end of a standing body's name (联委会).
func (x *Extractor) futureAuxBefore(ct []token, first int, masked []rune) bool {
	at := ct[first].Start
	for j := first - 1; j >= 0 && ct[j].End == at && ct[j].Kind.has(cFiller) && !ct[j].Kind.has(cPredicate); j-- {
		at = ct[j].Start
	}
	s := x.g.futureAux.endsAt(masked, at)
	return s >= 0 && x.g.standingSet.endsAt(masked, at) < 0
}

// futureAuxFramed reports whether a [future-aux] word (会) between the
// clause's start (from) and end (its action, whose tokens before are
// before) opens a frame or a recurrence
// ([future-aux-frame]) that runs up to the action with no predicate of its
// own (双方会在…领域加强合作, 会为两地企业…提供便利, 会每年举行). A 会 inside
// a cue word or at the end of a standing body's name (联委会为…) is no "will".
func (x *Extractor) futureAuxFramed(before []token, end int, masked []rune, from int) bool {
	return x.futureAuxFrameAt(before, end, masked, from) >= 0
}

// futureAuxFrameAt is futureAuxFramed returning where the 会 stands, or -1.
func (x *Extractor) futureAuxFrameAt(before []token, end int, masked []rune, from int) int {
	for i := max(from, 0); i < end; i++ {
		e := x.g.futureAux.startsAt(masked, i)
		if e < 0 || e >= end || x.g.futureAuxFrame.startsAt(masked, e) < 0 || x.g.standingSet.endsAt(masked, e) >= 0 {
			continue
		}
		free := true
		for _, o := range before {
			// a verb right before the attributive particle describes a
			// noun of the frame (会在其主办的展览中推介…): no predicate
			if o.Start >= e && o.Kind.has(cPredicate) && o.End < len(masked) && x.areas.attributive.has(masked[o.End]) {
				continue
			}
			if (o.Start < e && o.End > i) || (o.Start >= e && o.Kind.has(cPredicate)) {
				free = false
				break
			}
		}
		if free {
			return i
		}
	}
	return -1
}

// splitShallPreposition reads 应对X予以保密 as 应 + 对X (shall, with the
// preposition), not 应对 "cope with": where an action word opens with a
// [shall] word, the rest of it is a [topic-preposition] and a
// [shall-disposal] verb follows in the clause, the token becomes the
// shall word alone.
func (g *grammar) splitShallPreposition(ct []token, masked []rune, end int) {
	for i := range ct {
		t := &ct[i]
		if !t.Kind.has(cAction) || t.End-t.Start < 2 {
			continue
		}
		s := g.shallWords.startsAt(masked, t.Start)
		if s <= t.Start || s >= t.End || t.End-s != 1 || !g.topicPrep.has(masked[s]) {
			continue
		}
		if g.shallDisposal.indexIn(masked, t.End, end) < 0 {
			continue
		}
		t.End, t.Kind, t.G = s, cShould, 0
	}
}

// dropInvitation removes 应 in 应X邀请 ("at X's invitation"): not "should".
// It reads the clause backwards once, knowing whether an invitation follows.
func (g *grammar) dropInvitation(ct []token, masked []rune, start int) {
	invitation := false
	for i := len(ct) - 1; i >= 0; i-- {
		switch {
		case ct[i].G&gInvitation != 0:
			invitation = true
		case ct[i].G&gInvitedBy != 0 && (invitation || skipFillerRunes(masked, start, ct[i].Start) == ct[i].Start && g.invitationAfter(masked, ct[i].End)):
			ct[i].Kind = 0
		}
	}
}

// dropConformity drops the cue of 符合 in an agreement or memorandum when
// a [conformity-object] follows it in its clause (符合…標準, 不符合本條規定
// 之收費): conformity to a rule is a provision's condition or what is
// checked, no view that something serves an interest (符合兩國共同利益).
func (g *grammar) dropConformity(ct []token, masked []rune, end int) {
	for i := range ct {
		t := &ct[i]
		if t.Kind == 0 || g.conformityVerb.startsAt(masked, t.Start) != t.End {
			continue
		}
		for j := t.End; j < end; j++ {
			if g.conformityObject.startsAt(masked, j) >= 0 {
				t.Kind = 0
				break
			}
		}
	}
}

// invitationAfter reports whether an [invitation] word that is no cue word
// of its own (要求, 请求) follows within the clause, a party's name apart
// (应泰方要求，…: at Thailand's request; asked of a 应 that opens its clause,
// so that 双方应按照协定要求… keeps its "shall").
func (g *grammar) invitationAfter(masked []rune, at int) bool {
	for i := at; i < len(masked) && i-at <= 12 && !isFillerRune(masked[i]); i++ {
		if g.invitationWords.startsAt(masked, i) >= 0 {
			return true
		}
	}
	return false
}

// skipPrepositionalAction skips an action verb inside a prepositional phrase
// (双方对两国关系高水平发展表示满意) when a verb of stance, appraisal or
// narrative follows in the clause: that verb is the predicate.
func (x *Extractor) skipPrepositionalAction(ct []token, first int, masked []rune, start int) int {
	if first < 0 || ct[first].Kind.has(cPredicate&^cAction) {
		return first
	}
	prep := false
	for _, r := range masked[start:ct[first].Start] {
		if x.g.topicPrep.has(r) {
			prep = true
		}
	}
	if !prep {
		return first
	}
	for j := first + 1; j < len(ct); j++ {
		if ct[j].Kind.has(cModal) {
			return first
		}
		if ct[j].Kind.has(cPredicate &^ cAction) {
			return j
		}
	}
	return first
}

func strengthOf(k cueKind) entente.Strength {
	switch {
	case k.has(cFirm):
		return entente.Firm
	case k.has(cIntent):
		return entente.Intent
	}
	return entente.Soft
}

// tokensIn returns a copy of the tokens inside clause s, appended to buf, starting the search
// at toks[from] (the tokens of earlier clauses are behind it), and where the
// next clause's search starts. The copy is the clause's own: its rules
// rewrite roles (将 as 把) without touching the sentence's tokens.
func tokensIn(buf *[]token, toks []token, from int, s clauseSpan) ([]token, int) {
	for from < len(toks) && toks[from].Start < s.Start {
		from++
	}
	i := from
	for i < len(toks) && toks[i].Start < s.End {
		i++
	}
	if i == from {
		return nil, i
	}
	// the copies of a sentence's clauses share one buffer of the
	// sentence's size (a clause's tokens are a run of the sentence's)
	start := len(*buf)
	for _, t := range toks[from:i] {
		if t.End <= s.End {
			*buf = append(*buf, t)
		}
	}
	return (*buf)[start:len(*buf):len(*buf)], i
}

// mentionsIn returns the party mentions that start inside clause s, as
// tokensIn does for tokens.
func mentionsIn(ms []mention, from int, s clauseSpan) ([]mention, int) {
	for from < len(ms) && ms[from].Start < s.Start {
		from++
	}
	i := from
	for i < len(ms) && ms[i].Start < s.End {
		i++
	}
	return ms[from:i], i
}

func hasKind(ct []token, k cueKind) bool { return firstKind(ct, k) != nil }

func firstKind(ct []token, k cueKind) *token {
	for i := range ct {
		if ct[i].Kind.has(k) {
			return &ct[i]
		}
	}
	return nil
}

// onlyUndertaking reports whether tokens are all adverbs that announce the
// parties' own action (进一步, 继续): 支持进一步扩大… supports their own doing.
func onlyUndertaking(ts []token) bool {
	for _, t := range ts {
		if !t.Kind.has(cUndertaking) {
			return false
		}
	}
	return len(ts) > 0
}

// cueOf is the evidence of a token read by a rule, nil for no token. The
// cue is taken from the document's slab of cues instead of an allocation
// of its own, and its text is a slice of the sentence (text.sub), which
// the result holds anyway: no string is made or compared.
func (sc *scratch) cueOf(st *text, t *token, rule string) *entente.Cue {
	if t == nil {
		return nil
	}
	c := sc.cues.one() // zero: written field by field, as the clauses' cues
	c.Rule, c.Text, c.Start, c.End = rule, st.sub(t.Start, t.End), t.Start, t.End
	return c
}

// startsWithDate reports whether a sentence opens with a date (2023年，…):
// what it then tells without a modal is an event, not an undertaking.
func (g *grammar) startsWithDate(rs []rune) bool {
	i := 0
	for i < len(rs) && g.isDigit(rs[i]) {
		i++
	}
	return i >= 2 && i < len(rs) && g.isDate(rs[i], dYear)
}

// leadingTimeEnd returns where a date or a span of dates that opens the
// clause at start ends ([time-span-close] after it: 期间, 以来), or start
// when the clause opens with none. A date needs its year.
func (g *grammar) leadingTimeEnd(rs []rune, start, end int) int {
	i, year := start, false
	for i < end {
		j := i
		for j < end && g.isDigit(rs[j]) {
			j++
		}
		if j == i || j >= end || !g.isDateUnit(rs[j]) {
			break
		}
		year = year || g.isDate(rs[j], dYear)
		i = j + 1
		if i+1 < end && g.spanLink.has(rs[i]) && g.isDigit(rs[i+1]) {
			i++ // 至, 到, —: the span's other end
		}
	}
	if !year {
		return start
	}
	if e := g.timeSpanClose.startsAt(rs, i); e > i && e <= end {
		i = e
	}
	return i
}

// organsOfParties returns the parties whose organs make a clause's subject
// (香港金融管理局与泰国银行将…): the clause opens with one party's name and
// another party's name follows before the modal at end; nil unless two
// parties are named so.
func organsOfParties(masked []rune, ct []token, ms []mention, start, end int) []string {
	var codes []string
	for _, m := range ms {
		if m.Start < start || m.Start >= end {
			continue
		}
		if codes == nil && !onlyFillerBefore(masked, ct, start, m.Start) {
			return nil
		}
		codes = union(codes, m.Codes)
	}
	if len(codes) < 2 {
		return nil
	}
	return codes
}

// dropInsideMentions drops the cue words that lie inside a longer party
// mention (日本台湾交流协会 holds 交流): a word of a party's name is part of
// the name, no verb of the clause. It filters ct in place.
func dropInsideMentions(ct []token, ms []mention) []token {
	if len(ms) == 0 {
		return ct
	}
	out := ct[:0]
	for _, t := range ct {
		inside := false
		for _, m := range ms {
			if t.Start >= m.Start && t.End <= m.End && m.End-m.Start > t.End-t.Start {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, t)
		}
	}
	return out
}

// dropInsideBodies drops, in place, the tokens inside a standing body's name
// (中老经济合作委员会, 「港新經濟合作聯席會議」): its words name the body, and
// the clause's verb is outside it (第二次会议将于…举行).
func dropInsideBodies(ct []token, named []nameSpan) []token {
	out := ct[:0]
	for _, t := range ct {
		inside := false
		for _, n := range named {
			if n.mechanism && t.Start >= n.Start && t.End <= n.End {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, t)
		}
	}
	return out
}

// shortNameGlossEnd returns where a bracketed gloss that opens at at with
// a short name's definition (（以下简称“台北经文处”）) ends, before limit, or
// -1: however long the short name, the gloss stands between a party's name
// and the joiner to the next party's.
func (x *Extractor) shortNameGlossEnd(masked []rune, at, limit int) int {
	if at >= len(masked) || masked[at] != '（' || x.g.shortName.startsAt(masked, at+1) < 0 {
		return -1
	}
	for k := at + 1; k < limit; k++ {
		switch masked[k] {
		case '）':
			return k + 1
		case '（', '，', '。', '；':
			return -1 // no gloss closes before the clause goes on
		}
	}
	return -1
}

// glossEnd returns where a short bracketed gloss that opens at at (（台湾）)
// ends, before limit, or -1.
func glossEnd(masked []rune, at, limit int) int {
	if at >= len(masked) || masked[at] != '（' {
		return -1
	}
	for k := at + 1; k < limit && k-at <= 8; k++ {
		if masked[k] == '）' {
			return k + 1
		}
	}
	return -1
}

// projectIn reports whether a project's name (not a mechanism's) lies in
// [start, end).
func projectIn(named []nameSpan, start, end int) bool {
	for _, n := range named {
		if !n.mechanism && n.Start >= start && n.End <= end {
			return true
		}
	}
	return false
}

// awaitsOutcome reports whether the modal t is one of looking forward
// ([look-forward]: 期待) whose object, running to the clause's end (before
// end), is a noun of outcome or effort ([awaited-outcome]: 成果, 努力) after
// 的 (and a short modifier: 的进一步努力): the parties look forward to a
// thing, not to acting.
func (x *Extractor) awaitsOutcome(masked []rune, t token, end int) bool {
	if x.lookForward.startsAt(masked, t.Start) != t.End {
		return false
	}
	for end > t.End && end <= len(masked) && isClauseMark(masked[end-1]) {
		end--
	}
	s := x.awaitedOutcome.endsAt(masked, end)
	if s <= t.End {
		return false
	}
	// a short modifier may stand between 的 and the noun (的进一步努力)
	for at := s; at > t.End && s-at <= maxOutcomeModifier; at-- {
		if x.g.attributive.endsAt(masked, at) >= 0 {
			return true
		}
		if isClauseMark(masked[at-1]) {
			return false
		}
	}
	return false
}

// maxOutcomeModifier is the most characters between 的 and a noun of
// outcome (进一步, 更大): an adverb or adjective, not a clause.
const maxOutcomeModifier = 3

// isClauseMark reports whether r ends a clause or a sentence.
func isClauseMark(r rune) bool {
	switch r {
	case '。', '，', '；', '！', '：', '.', ',', ';':
		return true
	}
	return false
}
