package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
)

// TestRules holds one case per rule of the genre, in wording of our own
// (other country pairs, years and areas than the development statements).
// inherited is the subject an omitted subject stands for; empty means both
// parties.
func TestRules(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		rule      string
		parties   string
		text      string
		typ       entente.SentenceType
		actors    string
		strength  entente.Strength
		inherited string
	}{
		// commitment modals and their strength
		{"firm modal 将", "CN,KE", "双方将加快蒙内铁路沿线经济带建设。", entente.Commitment, "CN,KE", entente.Firm, ""},
		{"firm 同意", "CN,TH", "双方同意尽快启动自贸协定升级谈判。", entente.Commitment, "CN,TH", entente.Firm, ""},
		{"firm 商定", "CN,AR", "两国商定互设文化中心。", entente.Commitment, "AR,CN", entente.Firm, ""},
		{"intent 愿", "CN,DE", "德方愿同中方加强职业教育合作。", entente.Commitment, "DE", entente.Intent, ""},
		{"intent 致力于 + action", "CN,KE", "双方致力于推动非洲和平与发展。", entente.Commitment, "CN,KE", entente.Intent, ""},
		{"致力于 + goal is a position", "CN,KE", "两国都致力于国家繁荣和人民幸福。", entente.Position, "CN,KE", "", ""},
		{"soft 鼓励", "CN,TH", "双方鼓励两国航空公司增开直航航班。", entente.Commitment, "CN,TH", entente.Soft, ""},
		// what a party announces it will do it undertakes; an announcement alone is a fact
		{"宣布 + 将 is firm", "CN,ID", "中方宣布将向印尼方提供紧急人道主义援助。", entente.Commitment, "CN", entente.Firm, ""},
		{"宣布 + 有意 is intent", "CN,ID", "印尼方宣布有意加入金砖国家新开发银行。", entente.Commitment, "ID", entente.Intent, ""},
		// 计划 "plan to": an intent where a party plans; a noun elsewhere
		{"计划 after the parties is intent", "CN,AR", "两国领导人计划于2027年在布宜诺斯艾利斯举行会晤。", entente.Commitment, "AR,CN", entente.Intent, ""},
		{"计划 + action is intent", "CN,PE", "秘方还计划进一步扩大对华渔业产品出口。", entente.Commitment, "PE", entente.Intent, ""},
		{"stance + 计划 is intent", "CN,NP", "双方强调计划深化在水电领域的合作。", entente.Commitment, "CN,NP", entente.Intent, ""},
		{"the instrument's 计划 is no plan to", "CN,NP", "本计划于双方签字之日起生效。", entente.Narrative, "", "", ""},
		{"a programme's 计划 is no plan to", "CN,NP", "双方将通过青年交流计划加强两国人文联系。", entente.Commitment, "CN,NP", entente.Firm, ""},
		{"宣布 alone is narrative", "CN,ID", "双方宣布建立全面战略伙伴关系。", entente.Narrative, "", "", ""},
		{"soft bare action, omitted subject", "CN,TH", "持续推进中泰铁路合作项目建设。", entente.Commitment, "CN,TH", entente.Soft, ""},
		{"two governments joined are one subject", "CN,TH", "中华人民共和国政府和泰王国政府将加强渔业合作。", entente.Commitment, "CN,TH", entente.Firm, "CN"},
		// clause precedence
		{"认为…，将… is a commitment", "CN,AR", "双方认为，科技合作对两国发展具有重要意义，将继续深化航天领域合作。", entente.Commitment, "AR,CN", entente.Firm, ""},
		{"X方感谢…，双方将… is both, firm", "CN,KE", "肯方感谢中方提供的援助，双方将继续加强卫生合作。", entente.Commitment, "CN,KE", entente.Firm, ""},
		{"one party undertakes with the other", "CN,DE", "德方支持中方举办进博会，愿同中方一道推动贸易自由化。", entente.Commitment, "DE", entente.Intent, ""},
		{"coordinated modal after a stance", "CN,TH", "双方高度重视并愿加强数字经济合作。", entente.Commitment, "CN,TH", entente.Intent, ""},
		{"欢迎和鼓励 is soft", "CN,AR", "欢迎和鼓励两国企业扩大相互投资。", entente.Commitment, "AR,CN", entente.Soft, ""},
		// stress and support
		{"强调 + own action", "CN,KE", "双方强调继续在涉及彼此核心利益的问题上相互支持。", entente.Commitment, "CN,KE", entente.Soft, ""},
		{"强调 + significance is a position", "CN,KE", "双方强调，和平解决争端具有重要意义。", entente.Position, "CN,KE", "", ""},
		{"强调 + should is a position", "CN,TH", "双方强调应维护以联合国为核心的国际体系。", entente.Position, "CN,TH", "", ""},
		{"支持 own cooperation", "CN,DE", "双方支持两国高校开展联合研究。", entente.Commitment, "CN,DE", entente.Soft, ""},
		{"支持 another's effort", "CN,AR", "中方支持阿方维护国家主权和领土完整的努力。", entente.Position, "CN", "", ""},
		{"支持 an initiative", "CN,TH", "泰方支持中方提出的全球安全倡议。", entente.Position, "TH", "", ""},
		// positions
		{"reaffirms", "CN,AR", "阿方重申恪守一个中国原则。", entente.Position, "AR", "", ""},
		{"reaffirms an undertaking", "CN,DE", "双方重申将本着互利共赢原则发展两国关系。", entente.Commitment, "CN,DE", entente.Firm, ""},
		{"a prediction's left-out subject stays the thing named", "CN,KE", "该公路建成后将缩短运输时间，造福沿线民众。", entente.Appraisal, "CN,KE", "", ""},
		{"others should", "CN,KE", "国际社会应当加大对非洲发展的投入。", entente.Position, "CN,KE", "", ""},
		{"opposes, with 将 as 把 inside", "CN,DE", "双方反对将经贸问题政治化。", entente.Position, "CN,DE", "", ""},
		{"calls for, 确保 inside is what is called for", "CN,TH", "双方呼吁有关各方保持克制，确保地区局势稳定。", entente.Position, "CN,TH", "", ""},
		// appraisals
		{"welcome of something done", "CN,KE", "双方欢迎两国签署海关合作协定。", entente.Appraisal, "CN,KE", "", ""},
		{"welcome of the other's future action", "CN,AR", "中方欢迎更多阿根廷优质农产品进入中国市场。", entente.Appraisal, "CN", "", ""},
		{"thanks for what the other did", "CN,TH", "中方感谢泰方为在泰中国公民提供的协助。", entente.Appraisal, "CN", "", ""},
		{"will that predicts", "CN,KE", "双方签署了多项合作文件，这将为两国合作注入新动力。", entente.Narrative, "", "", ""},
		{"opinion on an achievement", "CN,DE", "双方认为，两国建交以来双边合作取得了丰硕成果。", entente.Appraisal, "CN,DE", "", ""},
		{"satisfaction in a prepositional frame", "CN,AR", "双方对两国关系高水平发展表示满意。", entente.Appraisal, "AR,CN", "", ""},
		// narrative
		{"visit at an invitation", "CN,KE", "应肯尼亚共和国总统鲁托邀请，中华人民共和国主席习近平于2024年9月对肯尼亚进行国事访问。", entente.Narrative, "", "", ""},
		{"talks report what was stressed", "CN,TH", "两国总理举行会谈，强调应推动中泰关系取得新发展。", entente.Narrative, "", "", ""},
		{"thanks for hospitality", "CN,DE", "德方对中方给予的热情友好接待表示衷心感谢。", entente.Narrative, "", "", ""},
		{"thanks for an invitation accepted", "CN,VN", "苏林总书记对此表示感谢，愉快地接受了邀请。", entente.Narrative, "", "", ""},
		{"a dated event", "CN,TH", "2022年，中泰铁路一期工程取得重要进展。", entente.Appraisal, "CN,TH", "", ""},
		// lists
		{"list item takes the lead-in's subject", "CN,KE", "深化基础设施合作。", entente.Commitment, "KE", entente.Soft, "KE"},
		{"list item with its own modal", "CN,KE", "双方愿扩大农业合作。", entente.Commitment, "CN,KE", entente.Intent, "KE"},
		// 将 as 把
		{"将 marking an object", "CN,AR", "将发展两国全面战略伙伴关系作为外交优先方向。", entente.Commitment, "AR,CN", entente.Soft, ""},
		{"将 with a co-actor is will", "CN,DE", "德方将同中方共同推进汉堡港合作。", entente.Commitment, "DE", entente.Firm, ""},
		// organisations as parties
		{"an organisation's party form", "CN,EU", "欧方愿同中方加强绿色伙伴关系。", entente.Commitment, "EU", entente.Intent, ""},
		{"a pair of short forms", "ASEAN,CN", "中国东盟双方将加快自贸区升级谈判。", entente.Commitment, "ASEAN,CN", entente.Firm, ""},
		// words that hide a cue
		{"愿景 is not 愿", "CN,TH", "泰方介绍了泰国2037年发展愿景。", entente.Narrative, "", "", ""},
		{"祝愿 is an appraisal", "CN,KE", "中方祝愿肯尼亚人民在国家发展道路上取得更大成就。", entente.Appraisal, "CN", "", ""},
		{"应对 is not should", "CN,DE", "双方愿加强应对气候变化合作。", entente.Commitment, "CN,DE", entente.Intent, ""},
		{"copula: doing X is Y", "CN,AR", "加强人文交流是增进两国人民友谊的重要途径。", entente.Position, "AR,CN", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.rule, func(t *testing.T) {
			parties := strings.Split(tc.parties, ",")
			inherited := parties
			if tc.inherited != "" {
				inherited = strings.Split(tc.inherited, ",")
			}
			s := mustLabel(t, x, tc.text, parties, inherited)
			if s.Type != tc.typ {
				t.Fatalf("type %s, want %s\n%s\nclauses %+v", s.Type, tc.typ, tc.text, s.Rationale.Clauses)
			}
			if got := strings.Join(s.Actors, ","); tc.typ != entente.Narrative && got != tc.actors {
				t.Errorf("actors %s, want %s", got, tc.actors)
			}
			if s.Strength != tc.strength {
				t.Errorf("strength %q, want %q (cue %+v)", s.Strength, tc.strength, s.Rationale.Strength)
			}
			if s.Type != entente.Narrative && s.Rationale.Type == nil {
				t.Errorf("no evidence for the type")
			}
		})
	}
}

func TestDeadlines(t *testing.T) {
	x := newTestExtractor(t)
	tests := map[string]string{
		"双方同意按期完成铁路建设。":             "按期",
		"双方将尽快启动谈判。":                "尽快",
		"双方愿争取于2026年6月前完成谈判。":       "于2026年6月前",
		"双方同意力争2030年前实现贸易额翻番。":      "2030年前",
		"双方商定年底前召开联委会会议。":           "年底前",
		"双方将在2027年之前建成示范园。":         "在2027年之前",
		"双方将于2025年底前完成可行性研究。":       "于2025年底前",
		"双方将继续深化合作。":                "",
		"中方将在未来三年内为对方培训一千名技术人员。":    "未来三年内",
		"双方愿今后五年内实现贸易额翻番。":          "今后五年内",
		"双方同意两年内完成联合研究。":            "两年内",
		"双方同意年内召开联委会会议。":            "年内",
		"双方将在明年上半年内召开首次会议。":         "明年上半年内",
		"双方将于本年度内完成谈判。":             "本年度内",
		"泰方将于本年内派遣人员赴华受训。":          "本年内",
		"双方将于2030年内建成示范园。":          "于2030年内",
		"双方愿确保该港于2028年如期投入运营。":      "于2028年", // a year held to by a deadline word
		"双方将于2029年开展第二阶段合作。":        "",       // a year alone is no deadline
		"双方将加快规划建设，争取于2027年启动项目建设。": "于2027年", // the year striven for is the target
		"双方力争2028年建成示范园。":           "2028年",
		"下次会议将于2027年在中国举行。":         "",       // a meeting scheduled is no target
		"双方高度评价项目如期建成。":             "",       // an appraisal has no deadline
		"双方同意到2030年实现双边贸易额翻番。":      "到2030年", // the year a target is to be reached
		"双方将力争到2025年底建成示范园。":        "到2025年底",
		"双方将落实2021年到2025年合作规划。":     "", // the end of a span of years
		"双方将邀请对方代表团到访。":             "",
		"双方同意尽速召开联委会会议。":            "尽速",
		// spans in other units, a span from an event, parts of a year, a date that recurs
		"双方决定于六个月内成立联合工作组。":     "于六个月内",
		"双方同意在三周内完成磋商。":         "在三周内",
		"双方同意于30日内通知对方。":        "于30日内",
		"双方同意十五个工作日内答复。":        "十五个工作日内",
		"双方同意于收到请求后十五个工作天内答复。":  "于收到请求后十五个工作天内", // Taiwan's working days
		"双方同意于协定生效后三个月内召开首次会议。": "于协定生效后三个月内",
		"双方同意力争于2025年上半年完成谈判。":  "于2025年上半年",
		"双方将于2027年第一季度启动项目。":    "于2027年第一季度",
		// a span counted from the day of an event (自…之日起), Taiwan's quarter (第一季) and a part of a year with 前
		"执行机构应自本备忘录生效之日起六个月内相互指定联络人。": "自本备忘录生效之日起六个月内",
		"双方同意自协定签署之日起三十日内交换名单。":       "自协定签署之日起三十日内",
		"双方同意自本备忘录生效之日起一年内完成评估。":      "自本备忘录生效之日起一年内",
		"双方同意于本协定生效后两年内完成评估。":         "于本协定生效后两年内",
		"双方将于2027年第一季前完成谈判。":          "于2027年第一季前",
		"双方将于2027年第一季度前启动项目。":         "于2027年第一季度前",
		"泰方将于2027年第三季捐赠巡逻艇。":          "于2027年第三季",
		"泰方将于每年三月底前提交报告。":             "于每年三月底前",
		"双方将在日内瓦举行会谈。":                "", // 日内 of a place's name counts nothing
		"双方同意在国内推广合作成果。":              "",
	}
	for text, want := range tests {
		s := mustLabel(t, x, text, []string{"CN", "TH"}, []string{"CN", "TH"})
		got := ""
		if s.Deadline != nil {
			got = *s.Deadline
		}
		if got != want {
			t.Errorf("%s: deadline %q, want %q", text, got, want)
		}
	}
}

// mustLabel labels one sentence of a document with the given parties, its
// omitted subject standing for inherited.
func mustLabel(t testing.TB, x *Extractor, text string, parties, inherited []string) entente.Sentence {
	t.Helper()
	st := x.newText(text)
	newEntityCollector().add(x, "s", st) // as in a document, names shield area words
	s, _, err := x.label(context.Background(), st, x.newPartyIndex(parties), inherited)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestTypeRules12 holds the sentence-type rules of issue 12 (classes 5-8),
// one case per rule, in wording of our own.
func TestTypeRules12(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		class, rule, parties, text string
		typ                        entente.SentenceType
		actors                     string
		strength                   entente.Strength
	}{
		// a verb that modifies a noun (签署的协定) heads no clause: the opening
		// phrase after 根据 undertakes nothing
		{"attributive", "a signed agreement in an opening phrase", "CN,TH", "根据1998年签署的协定，双方高度评价曼谷高速铁路取得的积极进展。", entente.Appraisal, "CN,TH", ""},
		{"attributive", "an opening phrase, then the parties' action", "CN,TH", "根据2006年签署的协定，双方将加快推进铁路建设。", entente.Commitment, "CN,TH", entente.Firm},
		// 5a: what is appraised runs on past a frame and a comma
		{"5a", "appraised achievement after a frame", "CN,MZ", "中方高度评价在纽西总统领导下，莫桑比克政府推进国家重建取得的成就。", entente.Appraisal, "CN", ""},
		{"5a", "a welcome with its own object stays one clause", "CN,MZ", "双方欢迎两国签署农业合作协定，将加快落实。", entente.Commitment, "CN,MZ", entente.Firm},
		// 5b: an opinion that evaluates something existing
		{"5b", "认为 + an evaluation with no achievement word", "CN,RO", "双方认为，中罗友谊历久弥坚，是两国人民的宝贵财富。", entente.Appraisal, "CN,RO", ""},
		{"5b", "认为 + should stays a position", "CN,RO", "双方认为，国际社会应当加强团结。", entente.Position, "CN,RO", ""},
		{"5b", "认为 + what was just appraised", "CN,LA", "老方赞赏中方提出的全球治理倡议，认为此举有助于完善国际秩序。", entente.Appraisal, "LA", ""},
		{"5b", "认为 + what was just welcomed", "CN,LA", "双方欢迎签署两国海关合作文件，认为其将便利双边贸易。", entente.Appraisal, "CN,LA", ""},
		{"5b", "认为 + an evaluation after a congratulation", "CN,LA", "老方热烈祝贺中方举办博览会，认为展会为各国企业提供了合作平台。", entente.Appraisal, "LA", ""},
		{"5b", "认为 + what should be done after an appraisal stays a position", "CN,LA", "双方高度评价两国合作成果，认为各国应当尊重彼此主权。", entente.Position, "CN,LA", ""},
		// 5c: confidence in the other side's success
		{"5c", "相信 + a prediction of success", "CN,ZM", "中方相信，赞比亚人民一定能够实现国家发展目标。", entente.Appraisal, "CN", ""},
		{"5c", "相信 + the other party's 将", "CN,GH", "加方相信，中国将如期建成社会主义现代化强国。", entente.Appraisal, "GH", ""},
		{"5c", "相信 + the holder's own 将 stays a commitment", "CN,GH", "双方相信，两国将继续深化合作。", entente.Commitment, "CN,GH", entente.Firm},
		// 8: the two (political) parties as subject; a call goes on
		{"8", "两党 as the subject", "CN,VN", "两党将深化治国理政经验交流。", entente.Commitment, "CN,VN", entente.Firm},
		{"8", "两党两国 relations are no subject", "CN,VN", "两党两国关系持续健康发展。", entente.Narrative, "", ""},
		{"8", "a wish (愿望) is a noun, no willingness", "CN,RU", "两国人民世代友好的愿望坚定不移。", entente.Narrative, "", ""},
		{"6", "a call goes on with what others should do", "CN,GH", "双方呼吁发达国家履行承诺，支持发展中国家能源转型。", entente.Position, "CN,GH", ""},
		{"6", "a modal after a call is the parties' own", "CN,GH", "双方呼吁各方保持克制，将继续为此作出努力。", entente.Commitment, "CN,GH", entente.Firm},
		{"5c", "相信 + a view stays a position", "CN,ZM", "双方相信，对话协商是解决分歧的正确途径。", entente.Position, "CN,ZM", ""},
		// 5d: what was done since a date
		{"5d", "bare actions after 以来", "CN,PE", "自建立全面战略伙伴关系以来，双方不断深化各领域合作，成果丰硕。", entente.Appraisal, "CN,PE", ""},
		{"5d", "bare actions after 年来", "CN,PE", "多年来，两国持续拓展各领域交流，成果丰硕。", entente.Appraisal, "CN,PE", ""},
		{"5d", "a modal after 以来 still undertakes", "CN,PE", "自建交以来两国关系稳步发展，双方将继续深化合作。", entente.Commitment, "CN,PE", entente.Firm},
		// 5c: 将 right before a word of importance predicts an effect
		{"5c", "将有助于 after a view predicts", "CN,TH", "双方认同加强合作，将有助于促进两地经济发展。", entente.Position, "CN,TH", ""},
		{"5c", "将有助 (Traditional texts drop 于) predicts too", "CN,TH", "双方认同加强合作，将有助促进两地经济发展。", entente.Position, "CN,TH", ""},
		{"5c", "将 before an action still undertakes", "CN,TH", "双方认同加强合作，将共同促进两地经济发展。", entente.Commitment, "CN,TH", entente.Firm},
		// hk: Hong Kong's written "will" (会) before the parties' action
		{"hk", "会 before the parties' action undertakes firmly", "CN,SG", "双方会继续加强金融科技合作。", entente.Commitment, "CN,SG", entente.Firm},
		{"hk", "an action with no 会 stays soft", "CN,SG", "双方继续加强金融科技合作。", entente.Commitment, "CN,SG", entente.Soft},
		{"hk", "会 before a frame the action follows", "CN,SG", "双方会在金融科技领域加强合作。", entente.Commitment, "CN,SG", entente.Firm},
		{"hk", "会 before a beneficiary's frame", "CN,SG", "双方会为两地企业开拓市场提供便利。", entente.Commitment, "CN,SG", entente.Firm},
		{"hk", "会 before a time of recurrence", "CN,SG", "双方会每年举办一次经贸论坛。", entente.Commitment, "CN,SG", entente.Firm},
		{"mo", "会 before the time the action is set for (会于…内设立)", "MO,PT", "澳门特区政府会于2026年内设立中医药交流中心。", entente.Commitment, "MO", entente.Firm},
		{"hk", "会 before an undertaking verb with no modal of its own", "CN,SG", "新加坡政府会鼓励新加坡企业赴华投资。", entente.Commitment, "SG", entente.Firm},
		{"hk", "a modal inside the object of a preposition is an attribute (为有意…的企业)", "CN,SG", "新加坡政府会为有意在华设立业务的新加坡企业提供支援。", entente.Commitment, "SG", entente.Firm},
		{"hk", "会 opens a frame whose action follows the comma", "CN,SG", "新加坡政府会透过驻华机构，为有意在华设立业务的新加坡企业提供支援。", entente.Commitment, "SG", entente.Firm},
		{"tw", "a name's bracketed gloss before its head does not part the joined subject", "MH,TW", "中华民国（台湾）政府与马绍尔群岛共和国政府，认识到海洋资源对两国发展的重要性；", entente.Position, "MH,TW", ""},
		{"tw", "认知到 (Taipei's recital of recognition) holds a view", "TW,US", "双方认知到在国际发展领域的共同利益。", entente.Position, "TW,US", ""},
		{"mo", "考虑到 (considering) opens a recital: a view", "MO,PT", "双方考虑到两地之间深厚的历史及文化渊源；", entente.Position, "MO,PT", ""},
		{"tw", "体认到 likewise", "PW,TW", "双方体认到提升医疗服务品质的重要性。", entente.Position, "PW,TW", ""},
		{"hk", "likewise with no will", "CN,SG", "双方为有意赴华投资的企业提供便利。", entente.Commitment, "CN,SG", entente.Soft},
		{"hk", "两地 (the two places, as a SAR writes its partner and itself) are both parties", "CN,SG", "两地会加强金融科技合作。", entente.Commitment, "CN,SG", entente.Firm},
		{"hk", "support of the two places' own bodies is the parties' own cooperation", "CN,SG", "双方支持两地证券交易所探讨产品互挂的安排。", entente.Commitment, "CN,SG", entente.Soft},
		{"hk", "会 that ends a standing body's name is no will", "CN,SG", "双方通过联委会为两国企业提供便利。", entente.Commitment, "CN,SG", entente.Soft},
		// 5e: an appraisal whose object opens the frame heads its clause, and
		// what it appraises runs on past the frame, whatever verb says it
		{"5e", "an appraisal before 自…以来 appraises the clause after", "CN,PE", "双方欣见两国自建交以来，秉持相互尊重原则，友谊历久弥坚。", entente.Appraisal, "CN,PE", ""},
		{"5e", "likewise 高度评价", "CN,PE", "双方高度评价两国建交五十年来，坚持平等互利，合作成果丰硕。", entente.Appraisal, "CN,PE", ""},
		{"5e", "a modal after the appraised clause still undertakes", "CN,PE", "双方欣见两国自建交以来，秉持相互尊重原则，将继续深化合作。", entente.Commitment, "CN,PE", entente.Firm},
		// 6: importance frames over an action
		{"6", "stress on the weight of an action", "CN,CU", "双方强调深化生物医药合作具有重要意义。", entente.Position, "CN,CU", ""},
		{"6", "an action that serves both peoples' interests", "CN,CU", "加强两国地方交流符合两国人民的共同利益。", entente.Position, "CN,CU", ""},
		{"6", "stress on an action without a weight is an undertaking", "CN,CU", "双方强调深化生物医药合作。", entente.Commitment, "CN,CU", entente.Soft},
		// 7: cues once missing
		{"7", "责成: the leaders direct their agencies", "CN,BD", "两国领导人责成有关部门尽快完成谈判。", entente.Commitment, "BD,CN", entente.Firm},
		{"7", "捍卫", "CN,BD", "双方共同捍卫发展中国家的正当权益。", entente.Commitment, "BD,CN", entente.Soft},
		{"7", "重申致力于 + a goal is a view", "CN,JP,KR", "我们重申致力于朝鲜半岛无核化以及半岛的和平与稳定。", entente.Position, "CN,JP,KR", ""},
		{"7", "重申致力于 + an action restates the undertaking", "CN,JP,KR", "我们重申致力于全面落实《中日韩合作未来十年展望》。", entente.Commitment, "CN,JP,KR", entente.Intent},
		{"7", "致力于 + a prepositional phrase + verb", "CN,BD", "双方致力于在数字经济领域拓展合作。", entente.Commitment, "BD,CN", entente.Intent},
		{"7", "支持 + 进一步 + own action", "CN,BD", "双方支持进一步扩大两国青年交流。", entente.Commitment, "BD,CN", entente.Soft},
		{"7", "支持 the other's path, then the parties' own continued action", "CN,BD", "双方坚定支持对方走符合本国国情的发展道路，进一步加强治国理政经验交流。", entente.Commitment, "BD,CN", entente.Soft},
		{"7", "支持 the other's effort stays a position", "CN,BD", "中方支持孟方维护国家稳定的努力。", entente.Position, "CN", ""},
		// 8: a party subject before 共同 + verb
		{"8", "双方共同 + verb", "CN,ET", "双方共同推动亚吉铁路沿线经济走廊建设。", entente.Commitment, "CN,ET", entente.Soft},
		{"8", "两国共同 + verb, one of two clauses", "CN,ET", "两国共同维护地区和平，推动区域经济一体化。", entente.Commitment, "CN,ET", entente.Soft},
	}
	for _, tt := range tests {
		t.Run(tt.class+" "+tt.rule, func(t *testing.T) {
			parties := strings.Split(tt.parties, ",")
			s := mustLabel(t, x, tt.text, parties, parties)
			if s.Type != tt.typ {
				t.Fatalf("type %s, want %s (cue %+v)\nclauses %+v", s.Type, tt.typ, s.Rationale.Type, s.Rationale.Clauses)
			}
			if got := strings.Join(s.Actors, ","); got != tt.actors {
				t.Errorf("actors %s, want %s", got, tt.actors)
			}
			if s.Strength != tt.strength {
				t.Errorf("strength %q, want %q", s.Strength, tt.strength)
			}
			if c := s.Rationale.Type; c != nil && !entente.KnownRule(c.Rule) {
				t.Errorf("rule %q is not in entente.Rules", c.Rule)
			}
		})
	}
}

// TestShallInInstruments: in an agreement or a memorandum, 应 ("shall")
// with the parties as subject and their own action after binds them (a
// firm commitment); 应 of others, of a principle, or in a joint statement
// stays a position.
func TestShallInInstruments(t *testing.T) {
	x := newTestExtractor(t)
	const mou = "中华人民共和国政府和泰王国政府关于渔业合作的谅解备忘录\n"
	const statement = "中华人民共和国和泰王国联合声明\n"
	tests := []oneSentence{
		{mou, "双方应确保本备忘录的执行。", entente.Commitment, entente.Firm, "CN,TH"},
		{mou, "泰方应指派联络人负责协调。", entente.Commitment, entente.Firm, "TH"},
		{mou, "双方应定期交换渔业信息。", entente.Commitment, entente.Firm, "CN,TH"},
		{mou, "中方应提供技术专家，泰方应指派联络人。", entente.Commitment, entente.Firm, "CN,TH"},
		{mou, "双方如有分歧，应通过友好协商解决。", entente.Commitment, entente.Firm, "CN,TH"},
		// 须 (Hong Kong's and Taipei's "shall"), likewise
		{mou, "执行本备忘录所需的费用，须由双方各自承担。", entente.Commitment, entente.Firm, "CN,TH"},
		{mou, "双方须定期交换渔业信息。", entente.Commitment, entente.Firm, "CN,TH"},
		{statement, "双方须加强渔业合作。", entente.Position, "", "CN,TH"},
		{mou, "各国应遵守国际法。", entente.Position, "", "CN,TH"},
		{mou, "双方应是平等伙伴。", entente.Position, "", "CN,TH"},
		{statement, "双方应加强渔业合作。", entente.Position, "", "CN,TH"},
		// an agreement's "need not" (无须) waives for the other side: the parties' soft
		// grant; "payable" (应付的, below) is no "shall"
		{mou, "持有效渔船证书的一方渔船在另一方港口无须重新检验。", entente.Commitment, entente.Soft, "CN,TH"},
	}
	checkOneSentence(t, x, tests, false)
	payable := x.Extract(mou + "\n渔船在任何一方港口应付的一切费用，均按照该港口的有关规章予以征收。\n")
	if s := payable.Sentences[len(payable.Sentences)-1]; s.Strength == entente.Firm {
		t.Errorf("%s: firm (cue %+v): 应付的 (payable) read as shall", s.Text, s.Rationale.Strength)
	}
	// 根据需要: as needed, no one's "should"
	if s := mustLabel(t, x, "双方根据需要设立工作组。", []string{"CN", "PE"}, nil); s.Type != entente.Commitment {
		t.Errorf("%s: %s, want the parties' own action", s.Text, s.Type)
	}
}

// TestListItemsUnderUndertaking holds the spec's reading of a list: an item
// with no verb of its own under a lead-in that undertakes is a soft
// commitment with the lead-in's actors; under a lead-in that does not
// undertake, or after the list, it is not.
func TestListItemsUnderUndertaking(t *testing.T) {
	x := newTestExtractor(t)
	r := x.Extract("中华人民共和国和巴拉圭共和国联合声明\n\n一、中方同意采取下列措施：\n（一）简化签证手续；\n（二）数字转型与电子商务。\n\n" +
		"二、双方回顾了以下历史：\n（一）两国友好交往；\n\n三、双方举行了会谈。\n")
	want := []struct {
		typ      entente.SentenceType
		strength entente.Strength
		actors   string
	}{
		{entente.Commitment, entente.Firm, "CN"},
		{entente.Commitment, entente.Soft, "CN"},
		{entente.Commitment, entente.Soft, "CN"},
		{entente.Narrative, "", ""},
		{entente.Narrative, "", ""},
		{entente.Narrative, "", ""},
	}
	if len(r.Sentences) != len(want) {
		t.Fatalf("%d sentences, want %d", len(r.Sentences), len(want))
	}
	for i, w := range want {
		s := r.Sentences[i]
		if s.Type != w.typ || s.Strength != w.strength || strings.Join(s.Actors, ",") != w.actors {
			t.Errorf("%s: %s/%s %v, want %s/%s %s", s.Text, s.Type, s.Strength, s.Actors, w.typ, w.strength, w.actors)
		}
	}
}

// TestReferenceKindBeforeTargetYear reads a cited instrument's kind from
// the word before a target year its name ends with (…发展计划2030), as from
// its last word otherwise.
func TestReferenceKindBeforeTargetYear(t *testing.T) {
	x := newTestExtractor(t)
	r := x.Extract("中华人民共和国和巴拉圭共和国联合声明\n\n一、双方愿推动《国家发展计划2030》和《数字经济合作备忘录》对接。\n")
	want := map[string]entente.ReferenceKind{"国家发展计划2030": entente.RefPlan, "数字经济合作备忘录": entente.RefMoU}
	if len(r.References) != len(want) {
		t.Fatalf("references %+v, want %v", r.References, want)
	}
	for _, ref := range r.References {
		if ref.Kind != want[ref.Title] {
			t.Errorf("%s: kind %s, want %s", ref.Title, ref.Kind, want[ref.Title])
		}
	}
}

// TestTreatyAndManyParties: an agreement calls its parties 缔约双方 (and
// any one of them 缔约任何一方), bound alike; a many-party text counts its
// parties (三国, 三方) as a two-party one says 两国, its short forms run
// together (中日韩) for all and a pair of them (中日) for those two, while
// an ordinal (第三方, a third state) names none of them.
func TestTreatyAndManyParties(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		parties, text string
		typ           entente.SentenceType
		actors        string
		strength      entente.Strength
	}{
		{"CL,CN", "缔约双方将在科学技术领域开展合作。", entente.Commitment, "CL,CN", entente.Firm},
		{"CL,CN", "缔约双方鼓励两国高校建立直接合作关系。", entente.Commitment, "CL,CN", entente.Soft},
		{"CL,CN", "缔约任何一方将为另一方人员提供便利。", entente.Commitment, "CL,CN", entente.Firm},
		{"CN,JP,KR", "三国将加强地震预警信息共享。", entente.Commitment, "CN,JP,KR", entente.Firm},
		{"CN,JP,KR", "三方愿深化人文交流。", entente.Commitment, "CN,JP,KR", entente.Intent},
		{"CN,JP,KR", "中日韩将共同推进自由贸易协定谈判。", entente.Commitment, "CN,JP,KR", entente.Firm},
		{"CN,JP,KR", "中日将加强海上搜救合作。", entente.Commitment, "CN,JP", entente.Firm},
		{"CN,KG,KZ,TJ,TM,UZ", "各方将加强在中国—中亚机制框架下的合作。", entente.Commitment, "CN,KG,KZ,TJ,TM,UZ", entente.Firm},
		{"CN,KG,KZ,TJ,TM,UZ", "六国同意扩大贸易规模。", entente.Commitment, "CN,KG,KZ,TJ,TM,UZ", entente.Firm},
		{"CN,PE", "双方呼吁有关各方保持克制，将继续为此作出努力。", entente.Commitment, "CN,PE", entente.Firm},
	}
	// 第三方 is a third state: no mention of the parties
	var buf []lexicon.Match
	if ms := x.newPartyIndex([]string{"CN", "JP", "KR"}).scan([]rune("第三方将为项目提供融资。"), &buf, nil); len(ms) != 0 {
		t.Errorf("第三方 read as the parties: %+v", ms)
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			parties := strings.Split(tt.parties, ",")
			s := mustLabel(t, x, tt.text, parties, parties)
			if s.Type != tt.typ || s.Strength != tt.strength {
				t.Fatalf("%s/%s, want %s/%s (cue %+v)", s.Type, s.Strength, tt.typ, tt.strength, s.Rationale.Type)
			}
			if got := strings.Join(s.Actors, ","); tt.typ == entente.Commitment && got != tt.actors {
				t.Errorf("actors %s, want %s", got, tt.actors)
			}
		})
	}
}

// TestInstrumentItself: the clauses of an agreement on its own force, term
// and end (本协定…生效, 本协定将自动延长, 本协定的终止不影响…) are
// narrative, whatever evaluation (已) or forecast (将) they hold; the
// parties' undertaking about the instrument stays one.
func TestInstrumentItself(t *testing.T) {
	x := newTestExtractor(t)
	const agreement = "中华人民共和国政府和秘鲁共和国政府关于海洋科学合作的协定\n\n"
	tests := []struct {
		text string
		typ  entente.SentenceType
	}{
		{"本协定自双方完成各自国内法律程序并已相互通知之日起生效。", entente.Narrative},
		{"如任何一方未提出终止，本协定将自动延长三年。", entente.Narrative},
		{"本协定的终止不影响已开始实施的合作项目。", entente.Narrative},
		{"本协定生效后，双方将在六个月内召开联合委员会会议。", entente.Commitment},
		{"这将造福两国人民。", entente.Appraisal},
	}
	for _, tc := range tests {
		r := extractOne(t, x, agreement+tc.text+"\n", tc.text)
		if s := r.Sentences[0]; s.Type != tc.typ {
			t.Errorf("%s: %s, want %s (cue %+v)", tc.text, s.Type, tc.typ, s.Rationale.Type)
		}
	}
}

// TestAttributiveModal: a modal right before the attributive particle
// describes a noun (缔约双方商定的其他领域: the fields agreed on) and
// undertakes nothing; the sentence is read without it.
func TestAttributiveModal(t *testing.T) {
	x := newTestExtractor(t)
	parties := []string{"CN", "PE"}
	for _, tc := range []struct {
		text     string
		typ      entente.SentenceType
		strength entente.Strength
	}{
		{"双方在商定的领域开展合作。", entente.Commitment, entente.Soft},
		{"双方将在商定的领域开展合作。", entente.Commitment, entente.Firm},
		{"双方同意在商定的领域开展合作。", entente.Commitment, entente.Firm},
	} {
		s := mustLabel(t, x, tc.text, parties, parties)
		if s.Type != tc.typ || s.Strength != tc.strength {
			t.Errorf("%s: %s/%s, want %s/%s", tc.text, s.Type, s.Strength, tc.typ, tc.strength)
		}
	}
	r := x.Extract("中华人民共和国政府和秘鲁共和国政府关于农业合作的协定\n\n第一条\n\n缔约双方在下列领域开展合作：\n\n（一）农业科技；\n\n（二）缔约双方商定的其他领域。\n")
	if n := len(r.Sentences); n != 3 {
		t.Fatalf("%d sentences, want 3", n)
	}
	if s := r.Sentences[2]; s.Type != entente.Commitment || s.Strength != entente.Soft {
		t.Errorf("%s: %s/%s, want an item's soft commitment", s.Text, s.Type, s.Strength)
	}
}

// TestShallWhateverTheSubject: in an agreement, 应 followed by when, how or
// by whom a thing is done (首次会议应于…举行, 分歧应通过协商解决, 事宜应由…商定)
// binds the parties whatever the subject; what others should do (各国应遵守…)
// stays a position, and in a statement 应 is a view. 根据需要 ("as needed")
// is no "should".
func TestShallWhateverTheSubject(t *testing.T) {
	x := newTestExtractor(t)
	const agreement = "中华人民共和国政府和秘鲁共和国政府关于海洋科学合作的协定\n\n"
	const statement = "中华人民共和国和秘鲁共和国联合声明\n\n"
	tests := []oneSentence{
		{agreement, "联合委员会首次会议应于本协定生效后三个月内举行。", entente.Commitment, entente.Firm, "CN,PE"},
		{agreement, "任何争议应通过友好协商解决。", entente.Commitment, entente.Firm, "CN,PE"},
		{agreement, "具体合作事宜，应由双方主管部门另行商定。", entente.Commitment, entente.Firm, "CN,PE"},
		{agreement, "各国应遵守国际法。", entente.Position, "", ""},
		{statement, "有关争议应通过对话协商解决。", entente.Position, "", ""},
	}
	checkOneSentence(t, x, tests, false)
	// 根据需要: as needed, no one's "should"
	if s := mustLabel(t, x, "双方根据需要设立工作组。", []string{"CN", "PE"}, nil); s.Type != entente.Commitment {
		t.Errorf("%s: %s, want the parties' own action", s.Text, s.Type)
	}
}

// TestInstrumentTopicArea: a provision of an agreement or memorandum that
// names no field of its own is in the field its title names (…关于海洋科学
// 合作的协定: science); a joint statement's such sentence frames the
// relationship (political), and a provision's own field word wins. The
// article on settling differences is about the relationship (political)
// whatever the title, as the Chinese golds label it (cn-cl s29, cn-pk s26).
func TestInstrumentTopicArea(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		title, text, areas string
	}{
		{"中华人民共和国政府和秘鲁共和国政府关于海洋科学合作的协定", "缔约双方应通过友好协商解决分歧。", "political"},
		{"中华人民共和国政府和秘鲁共和国政府关于海洋科学合作的协定", "缔约双方应各自指定联络人。", "science"},
		{"中华人民共和国政府和秘鲁共和国政府关于海洋科学合作的协定", "缔约双方将加强旅游交流。", "people"},
		{"中华人民共和国和秘鲁共和国联合声明", "双方应通过友好协商解决分歧。", "political"},
		{"中华人民共和国政府和秘鲁共和国政府关于海洋科学合作的协定", "缔约双方应通过外交途径解决分歧。", "political"},
		{"中华人民共和国和秘鲁共和国联合声明", "双方将通过外交途径保持沟通。", "political"},
		{"中华人民共和国政府和秘鲁共和国政府合作协定", "缔约双方应通过友好协商解决分歧。", "political"},
	}
	for _, tc := range tests {
		r := extractOne(t, x, tc.title+"\n\n"+tc.text+"\n", tc.text)
		if got := strings.Join(r.Sentences[0].Areas, ","); got != tc.areas {
			t.Errorf("%s / %s: areas %s, want %s", tc.title, tc.text, got, tc.areas)
		}
	}
}

// TestEventToBeHeld: a meeting or event that will be held (下次会议将于…在…
// 举行) is the parties' undertaking to hold it, as the spec reads 两国将共庆
// 建交周年; a forecast of an effect stays an appraisal.
func TestEventToBeHeld(t *testing.T) {
	x := newTestExtractor(t)
	parties := []string{"CN", "JP", "KR"}
	for _, tc := range []struct {
		text string
		typ  entente.SentenceType
	}{
		{"第十一次领导人会议将于2027年在中国举行。", entente.Commitment},
		{"首届三国青年论坛将于明年在首尔召开。", entente.Commitment},
		{"该论坛将促进三国青年交流。", entente.Appraisal},
		{"新机场将带动更多国际会议在当地举行。", entente.Appraisal},
	} {
		s := mustLabel(t, x, tc.text, parties, parties)
		if s.Type != tc.typ {
			t.Errorf("%s: %s, want %s (cue %+v)", tc.text, s.Type, tc.typ, s.Rationale.Type)
			continue
		}
		if tc.typ == entente.Commitment && (s.Strength != entente.Firm || strings.Join(s.Actors, ",") != "CN,JP,KR") {
			t.Errorf("%s: %s %v, want firm, all the parties", tc.text, s.Strength, s.Actors)
		}
	}
}

// TestStandingBodyInInstrument: in an agreement or memorandum the parties'
// standing body (联委会, …联合委员会, 工作组) opening a clause acts for them:
// its meetings and tasks are their undertakings; in a joint statement, and
// after a preposition, it is no subject.
func TestStandingBodyInInstrument(t *testing.T) {
	x := newTestExtractor(t)
	const agreement = "中华人民共和国政府和秘鲁共和国政府关于海洋科学合作的协定\n\n"
	const statement = "中华人民共和国和秘鲁共和国联合声明\n\n"
	tests := []oneSentence{
		{agreement, "联委会原则上每年举行一次会议，轮流在两国举行。", entente.Commitment, entente.Soft, "CN,PE"},
		// the two sides' organs, each named by its party, act for the parties
		{agreement, "中国国家海洋局与秘鲁海军海洋局将在联合航次项目下继续合作。", entente.Commitment, entente.Firm, "CN,PE"},
		{agreement, "秘鲁企业将受益于该项目。", entente.Appraisal, "", ""},
		// Hong Kong's "will" (会) before the recurrence of the meetings
		{agreement, "工作小组会每年举行最少一次会议，检讨本协定的执行情况。", entente.Commitment, entente.Firm, "CN,PE"},
		{agreement, "中秘海洋科学联合委员会将于每年第一季度审议年度计划。", entente.Commitment, entente.Firm, "CN,PE"},
		{agreement, "在联委会框架下，有关机构将交流信息。", entente.Appraisal, "", ""},
		{statement, "联委会原则上每年举行一次会议。", entente.Narrative, "", ""},
	}
	checkOneSentence(t, x, tests, true)
}

// TestConsentAndProhibition: in an agreement or memorandum the parties'
// 不得 binds them as their 应 does (shall not), and a clause of the consent
// a provision waits on (未经另一方书面同意，经双方同意，) is its condition, not
// a forecast; in a statement 不得 stays what others should not do.
func TestConsentAndProhibition(t *testing.T) {
	x := newTestExtractor(t)
	const mou = "中华人民共和国商务部和秘鲁共和国外交部关于电子商务合作的谅解备忘录\n\n"
	const statement = "中华人民共和国和秘鲁共和国联合声明\n\n"
	tests := []oneSentence{
		{mou, "未经另一方书面同意，任何一方不得向第三方披露有关信息。", entente.Commitment, entente.Firm, "CN,PE"},
		{mou, "经双方书面同意，可对本备忘录进行修改。", entente.Narrative, "", ""},
		{mou, "任何一方可暂停实施本备忘录，但应及时通知另一方。", entente.Commitment, entente.Firm, "CN,PE"},
		{statement, "双方认为，任何国家不得干涉他国内政。", entente.Position, "", ""},
	}
	checkOneSentence(t, x, tests, false)
}

// TestInstrumentGoesOn: in an agreement a clause with no subject of its
// own after one about the instrument itself (本协定的任何修改，应经…同意)
// goes on about the instrument: a final clause, not the parties' "shall";
// once the parties are named again, their 应 binds them.
func TestInstrumentGoesOn(t *testing.T) {
	x := newTestExtractor(t)
	const agreement = "中华人民共和国政府和秘鲁共和国政府关于海洋科学合作的协定\n\n"
	tests := []oneSentence{
		{agreement, "本协定的任何修改，应经缔约双方书面同意。", entente.Narrative, "", ""},
		{agreement, "本协定有效期为五年，除任何一方书面通知终止外，应自动延长五年。", entente.Narrative, "", ""},
		{agreement, "本协定自签署之日起生效，双方应指定联络机构。", entente.Commitment, entente.Firm, "CN,PE"},
	}
	checkOneSentence(t, x, tests, false)
}

// TestShallWithPreposition: 应对X予以保密 in an agreement is 应 ("shall")
// with the preposition 对, not 应对 "cope with": the parties' firm
// undertaking; 应对 with no disposal verb after it stays the verb.
func TestShallWithPreposition(t *testing.T) {
	x := newTestExtractor(t)
	const mou = "中华人民共和国商务部和秘鲁共和国外交部关于电子商务合作的谅解备忘录\n\n"
	tests := []oneSentence{
		{mou, "双方应对依本备忘录交换的信息予以保密。", entente.Commitment, entente.Firm, "CN,PE"},
		{mou, "缔约双方应对合作中产生的知识产权加以保护。", entente.Commitment, entente.Firm, "CN,PE"},
		{mou, "双方共同应对气候变化带来的挑战。", entente.Commitment, entente.Soft, "CN,PE"},
	}
	checkOneSentence(t, x, tests, false)
}

// TestAgentInInstrument: in an agreement the party after the agent's mark
// (费用，由双方…承担) does what the clause says, and the clause after it
// with no subject is its own; bearing costs (承担) is the parties' action.
func TestAgentInInstrument(t *testing.T) {
	x := newTestExtractor(t)
	const agreement = "中华人民共和国政府和秘鲁共和国政府关于海洋科学合作的协定\n\n"
	for _, text := range []string{"本协定项下活动所需费用，由双方根据各自预算，共同承担。", "双方各自承担本方人员的费用。"} {
		r := extractOne(t, x, agreement+text+"\n", text)
		s := r.Sentences[0]
		if s.Type != entente.Commitment || s.Strength != entente.Soft || strings.Join(s.Actors, ",") != "CN,PE" {
			t.Errorf("%s: %s/%s %v, want the parties' soft commitment", text, s.Type, s.Strength, s.Actors)
		}
	}
}

// TestClosingFormula holds the closing formula of an instrument (in witness
// whereof the undersigned have signed): whatever verb it reports the
// signing with (已签署), it is narrative, as the spaced reader has it.
func TestClosingFormula(t *testing.T) {
	x := newTestExtractor(t)
	text := "香港特别行政区政府与泰王国政府合作谅解备忘录\n\n第一条　双方同意加强合作。\n\n下列签署人经各自政府正式授权，已签署本备忘录，以昭信守。\n\n本备忘录于二〇二五年八月二十八日在曼谷签署，一式两份，各文本同等作准。\n"
	out := x.Extract(text)
	for _, s := range out.Sentences {
		if s.Section == entente.SectionClosing && s.Type != entente.Narrative {
			t.Errorf("%s: %s, want narrative", s.Text, s.Type)
		}
	}
	if n := len(out.Sentences); n != 3 {
		t.Errorf("%d sentences, want 3", n)
	}
}

// TestPrevailingTextParagraph holds that the clause on the text that
// prevails in a divergence (以英文文本为准), when the closing formula's
// paragraph is followed by it as a paragraph of its own, closes the
// document with it: the closing section holds both, and the date, place
// and authentic languages are read from the formula.
func TestPrevailingTextParagraph(t *testing.T) {
	x := newTestExtractor(t)
	head := "中华人民共和国商务部与某国贸易部关于电子商务合作的谅解备忘录\n\n第一条\n\n双方将加强电子商务合作。\n\n第二条\n\n本备忘录自签字之日起生效，有效期五年。\n\n经双方书面同意，可对本备忘录进行修改。\n\n"
	for _, tc := range []struct{ name, tail string }{
		{"文本", "本备忘录于2026年11月12日在雅加达签署，一式两份，每份均用中文、印度尼西亚文和英文写成，三种文本同等作准。\n\n如对文本解释发生分歧，以英文文本为准。\n"},
		{"英文本", "本协定于2025年5月8日在北京签订，一式两份，每份均用中文、泰文和英文写成，各文本同等作准。\n\n如在解释上发生分歧，以英文本为准。\n"},
	} {
		out := x.Extract(head + tc.tail)
		n := 0
		for _, s := range out.Sentences {
			if s.Section == entente.SectionClosing {
				n++
			}
		}
		if n != 2 {
			t.Errorf("%s: %d sentences in the closing, want 2", tc.name, n)
		}
		if out.Document.SignedDate == nil || len(out.Document.AuthenticLanguages) != 3 {
			t.Errorf("%s: signed %v, languages %v: the formula was not read", tc.name, out.Document.SignedDate, out.Document.AuthenticLanguages)
		}
	}
}
