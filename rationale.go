package entente

import "strings"

// Rationale tells which cue decided each label, so that an analyst can see why
// and a rule can be debugged. Offsets are in characters (runes) of the
// sentence text.
type Rationale struct {
	Type     *Cue        `json:"type,omitempty"`
	Strength *Cue        `json:"strength,omitempty"`
	Actors   []PartyCue  `json:"actors,omitempty"`
	Areas    []AreaCue   `json:"areas,omitempty"`
	Deadline *Cue        `json:"deadline,omitempty"`
	Clauses  []ClauseCue `json:"clauses,omitempty"`
	// References, Mechanisms and Projects are where each instrument cited,
	// mechanism or project named stands in the sentence: what the reader
	// marks.
	References []Cue `json:"references,omitempty"`
	Mechanisms []Cue `json:"mechanisms,omitempty"`
	Projects   []Cue `json:"projects,omitempty"`
}

// Cue is a span of the sentence that fired a rule, with the rule's name.
type Cue struct {
	Rule  string `json:"rule"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// PartyCue is the span that named an actor.
type PartyCue struct {
	Party string `json:"party"`
	Cue
}

// AreaCue is the span that placed the sentence in a policy area.
type AreaCue struct {
	Area string `json:"area"`
	Cue
}

// ClauseCue is how one clause of the sentence was read.
type ClauseCue struct {
	Start    int          `json:"start"`
	End      int          `json:"end"`
	Type     SentenceType `json:"type,omitempty"`
	Strength Strength     `json:"strength,omitempty"`
	Actors   []string     `json:"actors,omitempty"`
	Cue      *Cue         `json:"cue,omitempty"`
}

// Rules are the names of the rules that decide a label, as a Cue carries
// them, with their labels. A rule may be composed: "stance+R" (R read
// after a verb of stance) and "coordinated R" (R on a verb coordinated with
// the clause's head); RuleLabel reads those.
func Rules() ValueList {
	return ValueList{
		// sentence type and strength
		value("modal", "情态词", "modal verb", "modalni glagol"),
		value("reaffirmed modal", "重申加情态词", "reaffirmed modal verb", "ponovljeni modalni glagol"),
		value("own action", "己方行动", "the parties' own action", "sopstvena radnja strana"),
		value("future auxiliary", "助动词“会”（将）", "future auxiliary (will) before the parties' action", "pomoćni glagol budućeg vremena pred radnjom strana"),
		value("stance+own action", "表态加己方行动", "stance on the parties' own action", "stav o sopstvenoj radnji strana"),
		value("support of own cooperation", "支持双方合作", "support of their own cooperation", "podrška sopstvenoj saradnji"),
		value("support of own action", "支持己方行动", "support of their own action", "podrška sopstvenoj radnji"),
		value("position", "立场动词", "verb of position", "glagol stava"),
		value("stance", "表态动词", "verb of stance", "glagol izjašnjavanja"),
		value("should", "应当", "should", "treba"),
		value("instrument itself", "文书自身（生效、期限、终止）", "the instrument itself (force, term, end)", "sam akt (stupanje na snagu, trajanje, prestanak)"),
		value("event to be held", "将举行的会议或活动", "a meeting or event to be held", "sastanak ili događaj koji će se održati"),
		value("body of a programme", "实施计划项目的机构", "a body that carries out an item of a programme", "telo koje sprovodi stavku programa"),
		value("designated body", "文书指定的执行或联络机构", "a body the instrument names to carry it out or to liaise", "telo koje akt određuje za sprovođenje ili vezu"),
		value("standing body meets", "常设机构举行会议", "the parties' standing body meets", "stalno telo strana se sastaje"),
		value("permission", "可（文书允许缔约方）", "what the instrument permits its parties to do", "ono što akt dozvoljava stranama"),
		value("exemption granted", "豁免（协定免除对方的义务）", "an exemption the instrument grants", "izuzeće koje akt daje"),
		value("mutual grant", "相互给予（缔约方相互给予的待遇）", "what the parties grant each other", "ono što strane uzajamno daju"),
		value("recognized papers", "承认对方颁发的证件", "recognition of the other side's papers", "priznavanje isprava druge strane"),
		value("standing body provision", "常设机构的组成、设置与职责", "how the parties' standing body is made, where it sits and what it does", "sastav, sedište i zadaci stalnog tela strana"),
		value("shall", "应（文书约束缔约方）", "shall (the instrument binds the parties)", "obaveza po aktu"),
		value("goal", "目标", "goal", "cilj"),
		value("values", "价值理念", "values", "vrednosti"),
		value("opinion", "看法", "opinion", "mišljenje"),
		value("agreed that", "同意某种状态（看法）", "agreed that a state or fact holds (a view)", "saglasnost o stanju ili činjenici (stav)"),
		value("support", "支持", "support", "podrška"),
		value("others", "他方行动", "others' action", "radnja drugih"),
		value("copula", "判断句", "copula", "kopula"),
		value("importance", "重要性判断", "weight given to an action", "značaj pridat radnji"),
		value("retrospective", "回顾已做之事", "what was done, looking back", "osvrt na urađeno"),
		value("appraisal", "评价动词", "verb of appraisal", "glagol ocene"),
		value("achievement", "成果", "achievement", "postignuće"),
		value("opinion on an achievement", "对成果的看法", "opinion on an achievement", "mišljenje o postignuću"),
		value("prediction", "预期", "prediction", "predviđanje"),
		value("narrative", "叙事套语", "narrative formula", "opisna formula"),
		value("thanks for hospitality", "感谢款待", "thanks for hospitality", "zahvalnost na gostoprimstvu"),
		value("done", "已完成", "something done", "nešto urađeno"),
		value("dated event", "有日期的事件", "dated event", "datirani događaj"),
		// spaced languages (English, Serbian)
		value("committed to an action", "承诺采取行动", "committed to an action", "posvećenost radnji"),
		value("committed to a goal", "致力于目标", "committed to a goal", "posvećenost cilju"),
		value("looks forward to an action", "期待采取行动", "looks forward to an action", "očekivanje radnje"),
		value("looks forward to an event", "期待某一事件", "looks forward to an event", "očekivanje događaja"),
		value("undertaking", "承诺（名词）", "undertaking named as a noun", "obaveza izražena imenicom"),
		value("committed to a goal and an action", "致力于目标并采取行动", "committed to a goal and to an action", "posvećenost cilju i radnji"),
		value("action in progress", "正在进行的己方行动", "the parties' own action in progress", "sopstvena radnja strana u toku"),
		value("relationship judged", "对双边关系的评价", "the relationship between the parties judged", "ocena odnosa strana"),
		value("the other party regarded as", "将对方视为", "the other party regarded as", "druga strana viđena kao"),
		value("achievement acknowledged", "肯定成果", "an achievement acknowledged", "priznato postignuće"),
		value("evaluation of an achievement", "对成果的评价", "evaluation of an achievement", "ocena postignuća"),
		value("evaluation of the occasion", "对访问或会谈的评价", "evaluation of the visit or talks", "ocena posete ili razgovora"),
		value("modal, the parties' body after it", "情态词，其后为双方机构", "modal verb, the parties' body after it", "modalni glagol, telo strana posle njega"),
		value("support of own works", "支持双方自己的工程", "support of the parties' own works", "podrška sopstvenim radovima strana"),
		value("support of own side", "支持己方企业或机构", "support of the supporter's own side", "podrška sopstvenoj strani"),
		value("thanks for support", "感谢支持", "thanks for support", "zahvalnost na podršci"),
		value("instrument reported", "叙述以往文书", "an earlier instrument reported", "izveštaj o ranijem aktu"),
		value("enacting formula", "制定文书的套语", "the enacting formula of the instrument", "formula donošenja akta"),
		value("construed", "条款的解释", "how a provision is to be construed", "tumačenje odredbe"),
		value("operative clause of an instrument", "文书的执行条款", "an operative clause of an instrument", "izvršna odredba akta"),
		value("item of the bases of a relation", "关系基础的一项", "an item of the bases of a relationship", "stavka osnova odnosa"),
		value("future that binds the parties", "约束缔约方的将来时", "a future tense that binds the parties", "buduće vreme koje obavezuje strane"),
		value("a view in the passive", "被动式表态", "a view stated in the passive", "stav izražen u trpnom obliku"),
		value("passive undertaking", "被动式承诺", "an undertaking in the passive", "obaveza u trpnom obliku"),
		value("recital's aim", "序言所述目的", "the aim a recital states", "cilj naveden u preambuli"),
		value("undertaking in content", "宾语从句中的承诺", "undertaking in the content of a view", "obaveza u sadržaju stava"),
		value("act carried on in content", "宾语从句中继续采取的行动", "the parties' act carried on, in the content of a view", "nastavljena radnja strana u sadržaju stava"),
		value("no rules for this language", "无此语言规则", "no rules for this language", "nema pravila za ovaj jezik"),
		value("item of a list of undertakings", "承诺列表中的一项", "item of a list of undertakings", "stavka spiska obaveza"),
		value("item of a declaration", "一方声明中的一项", "item of a party's declaration", "stavka izjave jedne strane"),
		value("permission declared", "一方声明允许之事", "what a party's declaration permits", "ono što izjava strane dozvoljava"),
		value("declared policy", "一方声明的政策（将）", "a policy a party declares (will)", "politika koju strana izjavljuje"),
		value("shall of an instrument", "协定之应", "shall of an instrument", "obaveza iz akta"),
		// actors, areas, deadline
		value("subject", "主语", "subject", "subjekat"),
		value("resumed subject", "代词复指的主语", "a pronoun resuming the subject", "zamenica koja ponavlja subjekat"),
		value("impersonal", "无人称句（“据商定”）", "impersonal (it was agreed)", "bezlična rečenica (dogovoreno je)"),
		value("the body before, by its pronoun", "以代词指前述机构", "the body named before, by its pronoun", "ranije navedeno telo, zamenicom"),
		value("each party", "各方（每一缔约方）", "each party", "svaka strana"),
		value("first person", "第一人称（“我们”）", "first person (we)", "prvo lice (mi)"),
		value("the meeting, for its parties", "会议（代表双方）", "the meeting, speaking for its parties", "sastanak, u ime strana"),
		value("joint body", "双方共同机构", "the parties' joint body", "zajedničko telo strana"),
		value("area (the instrument's field phrase)", "文书所定领域的词组", "a phrase of the instrument's field", "izraz oblasti akta"),
		value("area (the instrument's field, its body)", "文书所定领域（其机构）", "the instrument's field, its body", "oblast akta (njegovo telo)"),
		value("area (the instrument's field: the fields named)", "文书所定领域（前文所述领域）", "the instrument's field: the fields referred to", "oblast akta (pomenute oblasti)"),
		value("area (the instrument's field: its lead-in)", "文书所定领域（引导语）", "the instrument's field: its lead-in", "oblast akta (uvodna formula)"),
		value("area", "领域关键词", "area keyword", "ključna reč oblasti"),
		value("area (weak)", "领域关键词（弱）", "area keyword (weak)", "ključna reč oblasti (slaba)"),
		value("area (the instrument's field)", "文书标题所定领域", "the field the instrument's title names", "oblast koju imenuje naslov akta"),
		value("area (acted on)", "领域关键词（行动对象）", "area keyword the parties act on", "ključna reč oblasti na koju strane deluju"),
		value("deadline", "期限", "deadline", "rok"),
		value("deadline date", "期限日期", "deadline date", "datum roka"),
		value("deadline span", "期限（时段）", "deadline (a span)", "rok (period)"),
		// instruments, mechanisms, projects
		value("bracketed title", "书名号标题", "title in 《》", "naslov u 《》"),
		value("instrument ending", "文件名称词尾", "instrument's name ending", "završetak naziva akta"),
		value("quoted title", "引号中的文件标题", "title in quotation marks", "naslov pod navodnicima"),
		value("quoted plan", "引号中的规划", "plan in quotation marks", "plan pod navodnicima"),
		value("list", "列举", "list", "nabrajanje"),
		value("head word", "中心词", "head word", "glavna reč"),
		value("short name", "简称", "short name", "kratak naziv"),
		value("named before", "前文已提及的名称", "a name given before", "ranije naveden naziv"),
		value("name with its acronym", "名称及其缩写", "a name with its acronym", "naziv sa skraćenicom"),
		value("name in apposition", "同位语中的名称", "a name in apposition", "naziv u apoziciji"),
		value("name after through", "“通过”之后的名称", "a name after \"through\"", "naziv posle \"kroz\""),
		value("name after a programme's field", "项目领域之后的名称", "a name after a programme's field", "naziv posle oblasti programa"),
		value("quoted name", "引号中的名称", "name in quotation marks", "naziv pod navodnicima"),
		value("basin cooperation", "流域合作简称", "a river basin's cooperation by its short name", "saradnja rečnog sliva po kratkom nazivu"),
	}
}

// composingHeads are the rules that compose with the rule read after them
// ("stance+R": R read after a verb of stance; "copula+R": R read on the
// word a copula joins to its subject, as in "is grateful to").
var composingHeads = []string{"stance", "copula"}

// RuleLabel returns a rule's label in lang, composed rules included; an
// unknown rule is returned as it is.
func RuleLabel(rule, lang string) string {
	rules := Rules()
	if rules.Has(rule) {
		return rules.Label(rule, lang)
	}
	if rest, ok := strings.CutPrefix(rule, "coordinated "); ok {
		if lang == "zh" {
			return "并列：" + RuleLabel(rest, lang)
		}
		return "coordinated: " + RuleLabel(rest, lang)
	}
	for _, head := range composingHeads {
		if rest, ok := strings.CutPrefix(rule, head+"+"); ok {
			return rules.Label(head, lang) + " + " + RuleLabel(rest, lang)
		}
	}
	return rule
}

// KnownRule reports whether rule is one of Rules, alone or composed.
func KnownRule(rule string) bool {
	if Rules().Has(rule) {
		return true
	}
	if rest, ok := strings.CutPrefix(rule, "coordinated "); ok {
		return KnownRule(rest)
	}
	for _, head := range composingHeads {
		if rest, ok := strings.CutPrefix(rule, head+"+"); ok {
			return KnownRule(rest)
		}
	}
	return false
}
