package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestEntityRules holds the rules for named mechanisms, projects and
// unbracketed titles (issue 12, class 9), in wording of our own.
func TestEntityRules(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		rule, text           string
		mechs, projs, titles []string
	}{
		{"a quoted cooperation framework is a standing mechanism", "双方将以“钻石六边”合作架构为引领，深化务实合作。", []string{"“钻石六边”合作架构"}, nil, nil},
		{"an unquoted region's cooperation architecture is no body", "双方主张推动构建开放包容的亚太区域合作架构。", nil, nil, nil},
		{"a quoted medical mission before its free clinics is a programme", "双方将继续开展“光明行”义诊活动。", nil, []string{"“光明行”"}, nil},
		{"a scholarship named in quotes is a programme", "台方将提供“台湾奖学金”名额。", nil, []string{"“台湾奖学金”"}, nil},
		{"a count of scholarships is none", "台方将于本协定生效后每年提供巴方至少二十名奖学金名额。", nil, nil, nil},
		{"an unnamed scholarship is none", "中方将提供政府奖学金名额。", nil, nil, nil},
		{"a scholarship given to a country's students is unnamed", "澳门特区政府将每年向莫桑比克学生提供奖学金名额。", nil, nil, nil},
		{"a programme named after the giving verb keeps its name", "中方将提供“丝路奖学金”名额。", nil, []string{"“丝路奖学金”"}, nil},
		{"a quoted name with its own head ends at its quote", "双方将就设立“港泰初创企业交流计划”进行磋商。", nil, []string{"“港泰初创企业交流计划”"}, nil},
		{"a quoted programme is not read on to a later head", "特区政府欢迎泰国学生透过“香港卓越奖学金计划”到港升读大学。", nil, []string{"“香港卓越奖学金计划”"}, nil},
		{"a company is no facility", "双方鼓励香港科技园公司与泰方合作。", nil, nil, nil},
		{"a port in general is no port named", "双方鼓励两国企业参与危国港口现代化建设。", nil, nil, nil},
		{"quoted names in a row are names of their own", "中方将完成“流域水文观测示范”“区域气象服务共享平台”等建设。", nil, []string{"“区域气象服务共享平台”"}, nil},
		{"a ministers' meeting of named parties is a mechanism", "三国将在中日韩环境部长会议框架下深化合作。", []string{"中日韩环境部长会议"}, nil, nil},
		{"a foreign ministers' meeting likewise", "我们将确保每年举行一次中日韩外长会。", []string{"中日韩外长会"}, nil, nil},
		{"a count of bodies names none", "我们将推动二十余个部长级会议机制更好发挥作用。", nil, nil, nil},
		{"the document itself is no citation", "联委会负责评估本协定的执行情况，任何一方可书面通知另一方终止本协定。", nil, nil, nil},
		{"a defined short form is no second name", "双方设立中秘海洋合作联合委员会（以下简称“联委会”）。", []string{"中秘海洋合作联合委员会"}, nil, nil},
		{"a thematic working group is generic", "联委会根据需要设立专题工作组。", nil, nil, nil},
		{"a group of friends is a mechanism", "双方愿加强在全球安全倡议之友小组中的沟通。", []string{"全球安全倡议之友小组"}, nil, []string{"全球安全倡议"}},
		{"a named process is a mechanism", "双方支持中国—东盟峰会进程。", []string{"中国—东盟峰会进程"}, nil, nil},
		{"a dialogue mechanism keeps its head", "双方同意建立中泰外交部战略对话机制。", []string{"中泰外交部战略对话机制"}, nil, nil},
		{"a mechanism keeps the parties bound by 间", "双方同意召开两国政府间经贸合作委员会会议。", []string{"两国政府间经贸合作委员会"}, nil, nil},
		{"the parties are still left out otherwise", "双方同意发挥两国企业家理事会作用。", []string{"企业家理事会"}, nil, nil},
		{"the office after the parties stays in the name", "双方将用好两国外长年度磋商机制，加强沟通。", []string{"外长年度磋商机制"}, nil, nil},
		{"a dialogue inside a dialogue mechanism is not a second one", "双方同意举行两国外长战略对话机制首次会议。", []string{"外长战略对话机制"}, nil, nil},
		{"a verb inside a name does not end it at its first character", "双方同意在高委会下设立中秘战略对接工作组。", []string{"中秘战略对接工作组"}, nil, nil},
		{"a domestic organ is no mechanism", "泰方欢迎全国人民代表大会常务委员会代表团访泰。", nil, nil, nil},
		{"a party's central committee is no mechanism", "中方欢迎老挝人民革命党中央委员会代表团访华。", nil, nil, nil},
		{"an organ of the General Assembly is no mechanism", "双方支持联大第三委员会的工作。", nil, nil, nil},
		{"a named partnership is a mechanism", "双方同意建立中泰“一带一路”数字合作伙伴关系。", []string{"中泰“一带一路”数字合作伙伴关系"}, nil, nil},
		{"the relationship itself is none", "双方同意深化中泰全面战略合作伙伴关系。", nil, nil, nil},
		{"a highway between two cities is a project", "双方将推动曼谷至廊开高速公路建设。", nil, []string{"曼谷至廊开高速公路"}, nil},
		{"a border port with a dash is a project", "双方将升级东兴—芒街口岸。", nil, []string{"东兴—芒街口岸"}, nil},
		{"a port built is a project", "双方将加快汉班托塔港建设。", nil, []string{"汉班托塔港"}, nil},
		{"a port as a place is none", "在汉班托塔港附近海域发生了油轮事故。", nil, nil, nil},
		{"a satellite keeps its serial", "双方将推进中泰通信卫星02星研制。", nil, []string{"中泰通信卫星02星"}, nil},
		{"a frame's 自 is not part of a name", "自中泰铁路开工以来，项目进展顺利。", nil, []string{"中泰铁路"}, nil},
		{"a stop word inside a country's name stops nothing", "双方将推进中国—特立尼达和多巴哥友谊医院项目。", nil, []string{"中国—特立尼达和多巴哥友谊医院"}, nil},
		{"a facility keeps a generic opener before its own word", "双方支持共建国际深海科研站。", nil, []string{"国际深海科研站"}, nil},
		{"a generic opener alone makes a facility generic", "双方将推进相关产业园建设。", nil, nil, nil},
		{"two generic openers make it generic", "双方将推进国际合作产业园建设。", nil, nil, nil},
		{"a head word inside a name is no stop (对 of 对话)", "双方同意举行中泰高级别对话合作机制会议。", []string{"中泰高级别对话合作机制"}, nil, nil},
		{"an annual consultation is a mechanism", "双方同意建立两国农业部门年度磋商。", []string{"农业部门年度磋商"}, nil, nil},
		{"a consultation of no one is none", "双方同意加强农业部门磋商。", nil, nil, nil},
		{"a river basin's cooperation is its mechanism by a short name", "双方愿在澜湄合作框架下深化水资源合作。", []string{"澜湄合作"}, nil, nil},
		{"the basin's two rivers joined name it too", "双方将深化澜沧江—湄公河合作。", []string{"澜沧江—湄公河合作"}, nil, nil},
		{"with a head after it the head names it", "双方将推动澜湄合作机制走深走实。", []string{"澜湄合作机制"}, nil, nil},
		{"a fund of the cooperation is a project, not the mechanism", "中方将继续支持澜湄合作专项基金。", nil, []string{"澜湄合作专项基金"}, nil},
		{"a region's cooperation is no mechanism", "东盟与中日韩合作是东亚合作的主渠道。", nil, nil, nil},
		{"a free trade agreement named by its parties is a title", "我们同意加快中日韩自由贸易协定谈判。", nil, nil, []string{"中日韩自由贸易协定"}},
		{"and by a region", "双方愿早日商签中国—海合会自由贸易协定。", nil, nil, []string{"中国—海合会自由贸易协定"}},
		{"a free trade agreement of no one is none", "双方愿探讨商签自由贸易协定。", nil, nil, nil},
		{"signing is no part of a title", "双方签署了中塞自由贸易协定。", nil, nil, []string{"中塞自由贸易协定"}},
		{"a verb that opens something is no part of its name", "双方支持在越南开设更多中文教学项目。", nil, nil, nil},
		{"nor is the verb of a body's remit", "双方同意由中巴农业合作联合工作组负责本行动计划的协调和实施。", []string{"中巴农业合作联合工作组"}, nil, nil},
		// projects named by a place and a generic head (issue 12, second round)
		{"a foreign place spelt out names an airport", "双方将加快瓜达尔新国际机场建设。", nil, []string{"瓜达尔新国际机场"}, nil},
		{"a foreign place spelt out names a project", "双方满意地看到卡西姆港燃煤电站项目运行良好。", nil, []string{"卡西姆港燃煤电站"}, nil},
		{"two foreign syllables are no name", "双方将推进迪诺项目建设。", nil, nil, nil},
		{"three are one", "双方将推进迪诺斯项目建设。", nil, []string{"迪诺斯项目"}, nil},
		{"a coast names a railway", "双方将推进西海岸铁路项目建设。", nil, []string{"西海岸铁路"}, nil},
		{"a contracted route names a railway", "双方将推进坦赞铁路激活项目。", nil, []string{"坦赞铁路激活项目"}, nil},
		{"a contracted route names a highway", "双方将推进金港高速公路运营。", nil, []string{"金港高速公路"}, nil},
		{"a railway's kind is no route", "双方将推进城际铁路和货运铁路建设。", nil, nil, nil},
		{"the parties' railways are no route", "双方将推进两国铁路互联互通。", nil, nil, nil},
		{"a quoted body set up is a mechanism, not a project", "双方将研议设立“中巴经贸工作小组”，定期检讨关税议题。", []string{"“中巴经贸工作小组”"}, nil, nil},
		{"a joint working group of no one is generic, in Taiwan's wording too", "双方可视需要成立联合工作小组。", nil, nil, nil},
		{"a working group in Taiwan's wording is a mechanism", "双方同意成立台帛医疗卫生合作工作小组，负责协调。", []string{"台帛医疗卫生合作工作小组"}, nil, nil},
		{"an appraisal verb ends an unbracketed title", "双方乐见两国经济合作协定顺利实施。", nil, nil, []string{"两国经济合作协定"}},
		{"签署之 (Taipei's 签署的) ends an unbracketed title", "双方重申将依据2022年签署之台贝打击跨国犯罪合作协定深化执法合作。", nil, nil, []string{"台贝打击跨国犯罪合作协定"}},
		{"a quoted facility's name ends at its opening quote", "泰方欢迎中国企业进驻“罗勇科技园区”，并将提供便利。", nil, []string{"“罗勇科技园区”"}, nil},
		// a head that closes a quotation names the whole quotation, whatever cue words
		// stand inside it (通报, 国际, 人力); a named system (系统) is a project, as a platform is
		{"a quoted body's name holds a cue word", "双方应建立“台马情资通报机制”，即时交换情资。", []string{"“台马情资通报机制”"}, nil, nil},
		{"a long quoted programme is whole", "台方愿透过财团法人国际合作发展基金会之“国际高等人力培训外籍生奖学金计画”，增加名额。", nil, []string{"“国际高等人力培训外籍生奖学金计画”"}, nil},
		{"a verb of urging ends a name, and Taipei's councils are its own organs", "台湾日本关系协会将促请海洋委员会海巡署与日本海上保安厅进行联合演练。", nil, nil, nil},
		{"a council of Taipei's cabinet is no joint body", "双方将邀请国家发展委员会及金融监督管理委员会代表列席。", nil, nil, nil},
		{"a quoted facility built (兴建) is a project", "台方将协助马方兴建“马久罗国家体育馆”。", nil, []string{"“马久罗国家体育馆”"}, nil},
		{"a quoted programme hosted (主办) is a project", "双方同意每年轮流主办“台马青年领袖营”。", nil, []string{"“台马青年领袖营”"}, nil},
		{"a named system is a project", "台方愿协助马方建置“马绍尔群岛电子公文交换系统”。", nil, []string{"“马绍尔群岛电子公文交换系统”"}, nil},
		{"a generic system is none", "双方将完成电子病历系统之建置。", nil, nil, nil},
		{"a quoted programme built is a project", "双方将推进“两国双园”建设。", nil, []string{"“两国双园”"}, nil},
		{"a quoted programme as the object ending a clause", "双方将高水平建设“数字创新走廊”，深化合作。", nil, []string{"“数字创新走廊”"}, nil},
		{"a quoted programme upgraded is a project", "双方将推动“中柬双园”提质升级。", nil, []string{"“中柬双园”"}, nil},
		{"a quoted initiative upgraded is none", "双方将推动“一带一路”合作提质升级。", nil, nil, nil},
		{"a quoted initiative is no project", "双方将推进“一带一路”建设。", nil, nil, nil},
		{"a quoted name keeps its closing mark", "双方将推进“中亚物流走廊”和阿拉木图工业园建设。", nil, []string{"阿拉木图工业园", "“中亚物流走廊”"}, nil},
		{"a side's park is none, the East's is one", "双方将推进东方工业园升级。", nil, []string{"东方工业园"}, nil},
		{"a country ending in a stop word opens a name", "双方将办好埃及鲁班工坊。", nil, []string{"埃及鲁班工坊"}, nil},
		{"a name does not reach over 的", "双方将研究连接巴西和秘鲁的两洋铁路。", nil, []string{"两洋铁路"}, nil},
		// lists and coordinated names of the genre (issue 12, entity-name round)
		{"a name ending in a head is not joined across 和", "双方将办好中孟职业学院和吉大港语言中心。", nil, []string{"中孟职业学院"}, nil},
		{"a generic second name across 和 stays out", "中方愿依托中国—加勒比减灾合作中心和渔业示范中心提供支持。", nil, []string{"中国—加勒比减灾合作中心"}, nil},
		{"two quoted names joined by 和 before 等项目 are each a project", "中方愿在肯方实施“丝路书香”和“健康快车”等项目。", nil, []string{"“丝路书香”", "“健康快车”"}, nil},
		{"a quoted name joined to a quoted corridor is a project too", "双方将办好“南部经济走廊”和“数字丝路港”，扩大合作。", nil, []string{"“数字丝路港”", "“南部经济走廊”"}, nil},
		{"a quoted initiative joined to a quoted corridor is none", "双方将推进“中部物流走廊”和“一带一路”对接。", nil, []string{"“中部物流走廊”"}, nil},
		{"an international body in a list is none", "双方将在联合国、二十国集团等平台加强协调。", nil, nil, nil},
		{"a named Confucius Institute is a project", "双方将办好内罗毕孔子学院。", nil, []string{"内罗毕孔子学院"}, nil},
		{"a kind of corridor alone is no project", "双方要积极推进经济走廊建设。", nil, nil, nil},
		{"a kind of park alone is no project", "双方要加快物流园建设。", nil, nil, nil},
		{"a park along the line is no project", "双方将推动沿线产业园发展。", nil, nil, nil},
		{"a named corridor keeps its kind", "双方将推进中尼经济走廊建设。", nil, []string{"中尼经济走廊"}, nil},
		// ports, channels, border crossings and programmes (issue 12, fifth round)
		{"a port as a hub is a project", "双方将以蒙巴萨港为枢纽，发展转口贸易。", nil, []string{"蒙巴萨港"}, nil},
		{"two ports joined by 与 are projects", "双方将增开达喀尔港与青岛港之间的班轮。", nil, []string{"青岛港", "达喀尔港"}, nil},
		{"a port after a verb with 好 is a project without the 好", "双方将运营好科伦坡港。", nil, []string{"科伦坡港"}, nil},
		{"a port after a locative is a place", "双方船只停靠吉布提港补给。", nil, nil, nil},
		{"a port before a postposition is a place", "2021年3月苏丹港水域发生了事故。", nil, nil, nil},
		{"a port of a kind is none", "双方将推进深水港和枢纽港建设。", nil, nil, nil},
		{"a port inside a longer name is none of its own", "双方将办好拉各斯港航运培训中心。", nil, nil, nil},
		{"a new channel opening with a generic word is named", "双方将用好国际陆海联运新通道，扩大贸易。", nil, []string{"国际陆海联运新通道"}, nil},
		{"a channel of two short forms is named", "双方愿共建中非陆海新通道。", nil, []string{"中非陆海新通道"}, nil},
		{"a new channel of cooperation is none", "双方愿开辟合作新通道。", nil, nil, nil},
		{"a border crossing named by a place is a project", "双方将提升霍尔果斯口岸通关能力。", nil, []string{"霍尔果斯口岸"}, nil},
		{"a border crossing of a kind is none", "双方将提升陆路边境口岸通关能力。", nil, nil, nil},
		{"a railway bridge keeps its head", "双方将推进三江口跨澜沧江铁路桥建设。", nil, []string{"三江口跨澜沧江铁路桥"}, nil},
		{"a district named by its city is a project", "双方将推进努尔苏丹新城中央商务区建设。", nil, []string{"努尔苏丹新城中央商务区"}, nil},
		{"a quoted programme listed before a named park is a project", "双方将推动“两洋园区”和马六甲工业园建设。", nil, []string{"“两洋园区”", "马六甲工业园"}, nil},
		{"a quoted year of events is a programme", "双方将办好“中老旅游年”系列活动。", nil, []string{"“中老旅游年”"}, nil},
		{"a quoted week of events is a programme", "中方支持举办“澜湄文化周”。", nil, []string{"“澜湄文化周”"}, nil},
		{"a quoted span of years is none", "双方将共同开创两国关系新的“黄金五十年”。", nil, nil, nil},
		{"quoted slogans of connectivity are none", "双方将加强“硬联通”和“软联通”建设。", nil, nil, nil},
		{"a project is the facility it names", "双方将加快推进卡拉奇环城铁路项目。", nil, []string{"卡拉奇环城铁路"}, nil},
		{"a project with no facility head keeps its suffix", "双方将推进匈塞铁路现代化项目。", nil, []string{"匈塞铁路现代化项目"}, nil},
		{"a phase is part of a facility's name", "双方将推进蒙巴萨港三期码头和内罗毕电厂二期建设。", nil, []string{"内罗毕电厂二期", "蒙巴萨港三期码头"}, nil},
		{"quoted names in a row beside a programme are programmes", "双方将办好“中塞文化周”“青年使者”“丝路书院”等活动。", nil, []string{"“中塞文化周”", "“青年使者”", "“丝路书院”"}, nil},
		{"quoted names in a row with no programme are none", "双方将办好“青年使者”“丝路书院”等活动。", nil, nil, nil},
		{"a place in brackets stays inside a name", "双方将推进中越（凭祥）跨境物流示范项目。", nil, []string{"中越（凭祥）跨境物流示范项目"}, nil},
		{"a port before 项目 is still named", "双方将推动蓝湾深水港项目早日完工。", nil, []string{"蓝湾深水港"}, nil},
		{"a canal is a facility by nature", "双方将推动尼加拉瓜大运河可行性研究。", nil, []string{"尼加拉瓜大运河"}, nil},
		{"a canal dug is none", "双方同意疏浚运河。", nil, nil, nil},
		{"a foreign name spelt with 的 keeps it", "双方将推进亚的斯亚贝巴环城公路建设。", nil, []string{"亚的斯亚贝巴环城公路"}, nil},
		{"a title loses its leading verbs", "双方坚决捍卫联合国宪章。", nil, nil, []string{"联合国宪章"}},
		{"a title keeps 框架 inside", "双方重申联合国气候变化框架公约的原则。", nil, nil, []string{"联合国气候变化框架公约"}},
		{"a phrase that refers back is no title", "泰方支持这一重要倡议。", nil, nil, nil},
		{"a body reached through 透过 leaves it out", "双方将透过中泰经济合作委员会定期检视成果。", []string{"中泰经济合作委员会"}, nil, nil},
		{"a verb of review before a bare 协定 makes no title", "双方将定期检视协定执行成果。", nil, nil, nil},
		{"a verb of study ends a route's name read back", "双方决定成立工作组，研议曼谷至廊开铁路之可行性。", nil, []string{"曼谷至廊开铁路"}, nil},
		{"赴 ends a park's name read back", "泰方鼓励泰商赴罗勇工业园投资设厂。", nil, []string{"罗勇工业园"}, nil},
		{"a vice-ministerial body keeps its 次", "双方同意建立外交部次长级政治磋商机制。", []string{"外交部次长级政治磋商机制"}, nil, nil},
		{"Taiwan's short form before a partner's names a facility", "双方将共同建设台巴友谊医院。", nil, []string{"台巴友谊医院"}, nil},
		{"a quoted title is cited, not built", "双方将落实“中泰教育合作谅解备忘录”。", nil, nil, []string{"中泰教育合作谅解备忘录"}},
		{"a quoted title keeps no quotation mark", "双方将遵守“中泰投资保护协定”。", nil, nil, []string{"中泰投资保护协定"}},
		// issue 12, sixth round (heldout9): purposes, regions, fora, plans, heads
		{"a standing body keeps the adverb of its purpose", "双方同意建立两国油气共同开发联合工作组。", []string{"油气共同开发联合工作组"}, nil, nil},
		{"a standing body keeps the verb its name opens with", "双方决定在高委会框架下成立发展规划对接工作组。", []string{"发展规划对接工作组"}, nil, nil},
		{"a purpose word before a short modifier is still generic", "双方将用好发展工作组。", nil, nil, nil},
		{"a name reaches back over a conjunction and a verb to the parties", "双方同意召开中塔利用和保护跨界水资源联合委员会会议。", []string{"中塔利用和保护跨界水资源联合委员会"}, nil, nil},
		{"a river basin names a regional mechanism", "双方将深化图们江区域合作机制建设。", []string{"图们江区域合作机制"}, nil, nil},
		{"a subregion is no ordinal", "双方支持南亚次区域经济合作机制发挥作用。", []string{"南亚次区域经济合作机制"}, nil, nil},
		{"a regional mechanism needs its region", "双方将加强区域合作机制建设。", nil, nil, nil},
		{"a region names no project", "中方愿继续支持非洲基础设施建设项目。", nil, nil, nil},
		{"a river basin names a platform", "双方将共建图们江流域生态监测平台。", nil, []string{"图们江流域生态监测平台"}, nil},
		{"a basin names a fund", "中方将继续通过澜湄合作专项基金支持湄公河国家减贫。", nil, []string{"澜湄合作专项基金"}, nil},
		{"a forum of China and a region is a mechanism", "双方将办好中拉论坛第五届部长级会议。", []string{"中拉论坛"}, nil, nil},
		{"a business forum is none", "双方欢迎举办中塞商务论坛。", nil, nil, nil},
		{"a cooperation forum stays one", "双方将共同办好中阿合作论坛第十一届部长级会议。", []string{"中阿合作论坛"}, nil, nil},
		{"a factory named by its town is a project", "双方将加快塞格德电池工厂建设。", nil, []string{"塞格德电池工厂"}, nil},
		{"a factory of no one is none", "双方鼓励企业建设电池工厂。", nil, nil, nil},
		{"an observatory station of the parties is named", "双方将共建中吉冰川观测站。", nil, []string{"中吉冰川观测站"}, nil},
		{"a station named only by what it watches is a kind", "双方愿共建地震和空间天气监测站。", nil, nil, nil},
		{"a station named by a place spelt out is named", "双方将共建帕米尔冰川监测站。", nil, []string{"帕米尔冰川监测站"}, nil},
		{"a telescope is the facility, not the project", "双方将推进中智射电望远镜项目。", nil, []string{"中智射电望远镜"}, nil},
		{"an eco-city is a facility by nature", "双方将推进中印尼生态城建设。", nil, []string{"中印尼生态城"}, nil},
		{"a national plan aligned with an initiative is no project", "双方将推动“一带一路”倡议同阿根廷“国家生产发展计划”对接。", nil, nil, []string{"“一带一路”倡议"}},
		{"a plan built is still a project", "双方将推进中老“光明行”计划实施。", nil, []string{"中老“光明行”计划"}, nil},
		{"a programme aligned with a project is a project", "双方将推动“绿色长城”工程同蒙古国“百万公顷”计划对接。", nil, []string{"蒙古国“百万公顷”计划", "“绿色长城”工程"}, nil},
		{"a route named in quotes before its head is a project", "双方将开通“仰光—昆明”新航线。", nil, []string{"“仰光—昆明”新航线"}, nil},
		{"a shipping channel named in quotes is a project", "双方愿共同打造“比港—天津”海运通道。", nil, []string{"“比港—天津”海运通道"}, nil},
		{"a route of the parties alone is none", "双方鼓励两国航空公司增开中匈直航航线。", nil, nil, nil},
		{"a corridor of the parties alone is none", "双方认为中蒙交通物流通道建设十分重要。", nil, nil, nil},
		{"a city's light rail is named by its city", "双方将加快阿布贾新城轻轨铁路建设。", nil, []string{"阿布贾新城轻轨铁路"}, nil},
		{"a kind of light rail is none", "双方将推进城市轻轨铁路建设。", nil, nil, nil},
		{"a light rail of the parties is none", "双方将推进两国轻轨铁路合作。", nil, nil, nil},
		{"a line letter stays in a facility's name before 项目", "双方将加快中缅油气管道C线项目建设。", nil, []string{"中缅油气管道C线"}, nil},
		{"a phase's works keep their suffix", "双方将推进卡洛特水电站二期工程。", nil, []string{"卡洛特水电站二期工程"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			st := x.newText(tt.text)
			mechs, projs, _, _ := newEntityCollector().add(x, "s", st)
			var titles []string
			for _, c := range x.refs.find(st) {
				titles = append(titles, c.title)
			}
			if !slices.Equal(mechs, orEmpty(tt.mechs)) {
				t.Errorf("mechanisms %q, want %q", mechs, tt.mechs)
			}
			if !slices.Equal(projs, orEmpty(tt.projs)) {
				t.Errorf("projects %q, want %q", projs, tt.projs)
			}
			if !slices.Equal(titles, tt.titles) {
				t.Errorf("titles %q, want %q", titles, tt.titles)
			}
		})
	}
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// TestDeadlineNotInNames: a date inside a quoted name or a title bounds
// nothing the parties undertake.
func TestDeadlineNotInNames(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct{ text, want string }{
		{"双方将共同落实“2035年前减排路线图”。", ""},
		{"双方将落实《2030年前碳达峰行动方案》。", ""},
		{"双方将于2027年前落实“绿色走廊”计划。", "于2027年前"},
	}
	for _, tt := range tests {
		s := mustLabel(t, x, tt.text, []string{"CN", "TH"}, []string{"CN", "TH"})
		got := ""
		if s.Deadline != nil {
			got = *s.Deadline
		}
		if got != tt.want || !strings.Contains(tt.text, got) {
			t.Errorf("%s: deadline %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestMechanismBackReference: a body named again by its head alone (指导委员会
// after 中越双边合作指导委员会), in the same sentence or a later one, is that
// body, no second mechanism.
func TestMechanismBackReference(t *testing.T) {
	x := newTestExtractor(t)
	r := x.Extract("中华人民共和国和越南社会主义共和国联合声明\n\n双方将发挥中越双边合作指导委员会的统筹协调作用，年底前举行指导委员会第十八次会议。\n\n指导委员会将审议年度合作计划。\n")
	var names []string
	for _, m := range r.Mechanisms {
		names = append(names, m.Name)
	}
	if !slices.Equal(names, []string{"中越双边合作指导委员会"}) {
		t.Errorf("mechanisms %q, want the one body", names)
	}
	for _, s := range r.Sentences {
		for _, m := range s.Mechanisms {
			if m != "中越双边合作指导委员会" {
				t.Errorf("%s: mechanism %q", s.Text, m)
			}
		}
	}
}
