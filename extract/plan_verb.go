package extract

// 计划 is a noun far more often than a verb (本计划, 行动计划, 合作计划于2025年
// 到期), yet a party that "plans to" act (双方计划于2026年举行…, 两国领导人计划
// 加强…, 美国和印度尼西亚计划通过…共同努力) states an aim, as 打算 and "plan to"
// do: an intent. Its cue ([plan-verb], read as an intent modal) is kept in
// two steps: in the sentence, only before what follows "plan to" (a frame
// or a time: [future-aux-frame]; an action: [plan-verb-next]); in a clause,
// only where its planner stands right before it (planVerbsOnly).

// dropPlanNouns drops the [plan-verb] cues of a sentence that no frame,
// time or action follows: the noun (计划的实施, 该计划已完成).
func (g *grammar) dropPlanNouns(toks []token, masked []rune) []token {
	out := toks[:0]
	for _, t := range toks {
		if t.G&gPlan != 0 && g.futureAuxFrame.startsAt(masked, t.End) < 0 && g.planVerbNext.startsAt(masked, t.End) < 0 {
			continue
		}
		out = append(out, t)
	}
	return out
}

// planVerbsOnly keeps a clause's [plan-verb] cue only where a party plans:
// right after a party's name (双方, 美国和印度尼西亚, 中方), an office of the
// parties after it (两国领导人, 中国政府), or a word that governs or qualifies
// the plan (强调计划加强…, 还计划…). After anything else it heads a noun
// (行动计划于…生效, 本计划, 合作计划加强了…), and is dropped.
func (x *Extractor) planVerbsOnly(ct []token, masked []rune, cms []mention) []token {
	keep := func(i int) bool {
		at, head := ct[i].Start, x.partyHead.endsAt(masked, ct[i].Start)
		for _, m := range cms {
			if m.End == at || m.End == head {
				return true
			}
		}
		return i > 0 && ct[i-1].End == ct[i].Start && ct[i-1].Kind.has(cStance|cWeakStance|cReaffirm|cAdverb)
	}
	out := ct[:0]
	for i, t := range ct {
		if t.G&gPlan != 0 && !keep(i) {
			continue
		}
		out = append(out, t)
	}
	return out
}
