package extract

import (
	"strings"
	"testing"
)

// TestAreaRules holds the area rules of the genre (issue 12, classes 1-4),
// one case per rule, in wording of our own: other pairs, years and areas.
func TestAreaRules(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		class, rule, parties, text, want string
	}{
		// 1: areas said in words the table once lacked
		{"1", "an investment climate is no environment", "CN,JP,KR", "三方将进一步改善三国投资环境。", "investment"},
		{"1", "the international climate is no environment", "CN,JP", "双方认为，当前国际环境复杂多变。", "political"},
		{"1", "a national plan", "CN,KZ", "双方愿推动中方发展战略同哈方第三个五年规划对接。", "development"},
		{"1", "modernization of the other side", "CN,AZ", "中方高度评价阿方推进现代化建设取得的进展。", "development"},
		{"1", "ties between parties", "CN,KH", "双方同意加强两党交往，开展党际对话。", "political"},
		{"1", "irrigation works", "CN,MA", "双方愿在农田水利和节水灌溉领域开展合作。", "resources"},
		{"1", "connectivity without 互联互通", "CN,UZ", "双方将推动两国交通基础网络互联，提升跨境联通水平。", "infrastructure"},
		{"1", "bonds between peoples", "CN,TR", "双方愿促进民心相通，增进两国人民友谊。", "people"},
		{"1", "civilisations learning from each other", "CN,IT", "双方认为，两大文明交流互鉴源远流长。", "people"},
		{"1", "the General Assembly by its short name", "CN,KE", "双方将在联大框架内保持密切协调。", "international_order"},
		{"1", "early warning", "CN,PH", "双方愿加强台风监测预警信息共享。", "disaster"},
		{"1", "a representative office's name holds no field (经济文化代表处)", "TW,US", "驻美国台北经济文化代表处与美国在台协会将加强农业合作。", "development"},
		{"1", "smart and precision farming are farming and digital", "CN,TH", "双方将推动智慧农业和精准农业合作。", "development,digital"},
		{"1", "foreign affairs and defence together: the 2+2 dialogue's two fields, inside a body's name too", "CN,KH", "双方将用好中柬外交和国防“2+2”战略对话机制。", "political,security"},
		{"1", "foreign affairs and defence, plain", "CN,AU", "双方同意加强外交与防务领域的沟通。", "political,security"},
		{"1", "power grids interconnected are energy, no transport's connectivity", "CN,PT", "双方将推进跨境电网互联和电力贸易。", "energy,trade"},
		{"1", "research and development in a field is that field's (as the golds read 研发)", "CN,ES", "双方鼓励两国机构开展储能电池研发。", "energy"},
		{"1", "forums held among seminars are events, no regional order", "CN,IT", "双方将定期举办研讨会、论坛和展会，分享信息和技术经验。", "science"},
		{"1", "funds raised are finance", "CN,BG", "双方将共同筹集资金。", "finance"},
		{"1", "a people living in the other country, and consular care, are people", "CN,TH", "双方将为侨居对方国家的公民提供便利，加强领事保护合作。", "people"},
		{"1", "green development and a second field joined name one body's two fields", "CN,PT", "双方同意设立中葡绿色发展和数字经济合作工作组。", "digital,green"},
		{"1", "ancient monuments kept are culture", "CN,KH", "双方高度评价吴哥古迹保护合作取得的积极成果。", "people"},
		{"1", "cultural heritage", "CN,IT", "双方将加强世界文化遗产保护领域合作。", "people"},
		{"1", "aid given where nothing else names a field is development", "CN,KH", "中方愿继续向柬方提供力所能及的援助，支持柬方落实《五角战略》。", "development"},
		{"1", "aid in a disaster is the disaster's", "CN,LK", "斯方感谢中方为斯里兰卡抗击洪灾提供的紧急援助。", "disaster"},
		{"1", "humanitarian aid is no development", "CN,BR", "双方愿在人道主义援助领域加强沟通。", "political"},
		{"1", "the safety of a party's citizens, firms and projects is security, no investment", "CN,KH", "柬方将切实保障在柬中国公民、企业和项目的安全。", "security"},
		{"1", "the safety of staff said with 的", "CN,PK", "巴方将全力保障在巴中方人员和机构的安全。", "security"},
		{"1", "crops bred (agriculture)", "CN,PK", "双方将开展作物育种合作。", "development"},
		{"1", "animal disease control, agriculture and health", "CN,PK", "双方将加强动物疫病防控合作。", "development,health"},
		{"1", "a border port is trade, no border control", "CN,VN", "双方同意提升边境口岸通关效率。", "trade"},
		{"1", "online fraud is crime on the network", "CN,ID", "双方将共同打击网络欺诈行为。", "digital,security"},
		{"1", "online consumers", "CN,ID", "双方将加强在线消费者权益保护方面的交流。", "digital"},
		{"1", "costs borne are finance", "CN,PK", "派遣方承担其人员的国际旅费和交通费用。", "finance"},
		{"1", "borders", "CN,KG", "双方将共同维护边境地区安宁，加强边界管理合作。", "security"},
		{"1", "climate and the cryosphere", "CN,CL", "双方愿开展冰川和冰冻圈观测研究合作。", "green,science"},
		{"1", "the right to choose a path", "CN,BO", "中方尊重玻方自主选择的发展道路。", "sovereignty"},
		{"1", "sustainable development, weak", "CN,CL", "双方愿加强可持续发展合作。", "green"},
		{"1", "healthy and stable development describes a relationship, no health", "CN,RU", "双方将继续推动两国关系健康稳定发展。", "political"},
		{"1", "healthy and sustainable development describes trade, no health", "CN,AR", "双方愿推动双边贸易健康可持续发展。", "trade"},
		{"1", "health itself stays health", "CN,RU", "双方将加强卫生健康领域合作。", "health"},
		{"1", "sustainable development under a stronger word", "CN,CL", "双方将为可持续发展扩大清洁能源投资。", "energy,investment"},
		{"1", "forestry as farming", "CN,FI", "双方同意深化林业和渔业合作。", "development"},
		{"1", "forests as the environment", "CN,FI", "双方愿加强森林保护和湿地修复合作。", "green"},
		{"1", "disease control as health", "CN,FI", "双方将加强传染病防控和药品监管合作。", "health"},
		{"1", "sightseeing is tourism", "GT,TW", "瓜方欢迎台湾旅客赴瓜观光。", "people"},
		{"1", "regional integration", "GT,TW", "双方支持中美洲统合体促进区域整合的努力。", "international_order"},
		{"1", "integration in the mainland's word", "CN,SG", "双方支持东南亚区域一体化进程。", "international_order"},
		{"1", "the World Health Assembly is health and the international order", "GT,TW", "瓜方支持台湾以观察员身分参与世界卫生大会。", "health,international_order"},
		{"1", "fintech is finance and digital", "CN,SG", "双方将加强金融科技合作。", "digital,finance"},
		{"1", "数码, Hong Kong's word for digital", "CN,SG", "双方将在数码货币领域继续合作。", "digital,finance"},
		{"1", "创科, Hong Kong's word for innovation and technology", "CN,SG", "双方鼓励两地合办创科展览。", "science"},
		{"1", "the Charter the parties abide by is a topic beside a strong word", "CN,LA", "双方重申恪守《联合国宪章》宗旨和原则，尊重各国主权和领土完整。", "international_order,sovereignty"},
		{"1", "a title only implemented stays weak", "CN,LA", "双方将落实《中老卫生合作协定》，扩大贸易往来。", "trade"},
		{"1", "human rights among the shared values frame the relationship", "SZ,TW", "双方欣见两国秉持民主、自由、法治及尊重人权等共享价值，邦谊历久弥坚。", "political"},
		{"1", "human rights alone stay the international order", "CN,RS", "双方将在多边人权论坛中加强沟通合作。", "international_order"},
		{"3", "a compound of two topics in a list names both", "CN,FJ", "双方将拓展贸易投资、农林渔业和基础设施等领域合作。", "development,infrastructure,investment,trade"},
		// 2: keywords that name no topic
		{"2", "organisations listed as examples of international organisations", "CN,FJ", "双方将在联合国、世界卫生组织等国际组织中加强协调。", "international_order"},
		{"2", "values listed as examples of shared values", "CN,FJ", "双方基于民主、自由及人权等共同价值，加强经贸合作。", "trade"},
		{"2", "inside a quoted programme name", "CN,LK", "中方将继续实施“绿色伙伴研修计划”，为斯方培训青年官员。", "people"},
		{"2", "a quoted keyword alone stays the topic", "CN,MD", "摩方坚决反对任何形式的“台独”。", "sovereignty"},
		{"2", "a mechanism's later keywords are its kind", "CN,TH", "双方同意用好中泰农业安全合作机制。", "development"},
		{"2", "a country inside a project's name locates it", "CN,RS", "双方将推进中国—叙利亚友谊大桥项目建设。", "infrastructure"},
		{"2", "a stock phrase", "CN,PT", "双方认为，新一轮科技革命和产业变革深入发展。", "political"},
		// 4: a background clause sets the scene
		{"4", "keywords in a background clause", "CN,AO", "在保护主义抬头的背景下，双方愿深化农业合作。", "development"},
		{"4", "a background alone still places the sentence", "CN,AO", "双方认为，在保护主义抬头的背景下，应加强团结。", "international_order"},
		// 4: a clause that opens by setting the scene (面对…, 随着…)
		{"4", "a scene opened by 随着", "CN,LA", "随着数字经济快速发展，双方愿加强农业合作。", "development"},
		{"4", "a scene opened by 面对", "CN,ZM", "面对能源价格剧烈波动，双方愿深化贸易合作。", "trade"},
		{"4", "a scene after a joint word", "CN,ZM", "同时，面对能源价格剧烈波动，双方愿深化贸易合作。", "trade"},
		// 4: items of a list of examples are no topics; the kind they exemplify is
		{"4", "examples of global challenges", "CN,PE", "双方愿就网络安全、能源转型、公共卫生等全球性挑战加强沟通。", "international_order"},
		{"4", "a list of fields stays the topic", "CN,PE", "双方愿在教育、卫生、能源等领域深化合作。", "energy,health,people"},
		// 3: a framing word the parties act on is a topic beside strong words
		{"3", "relations consolidated", "CN,KH", "双方将巩固两国传统友好关系，扩大能源贸易。", "energy,political,trade"},
		{"3", "a partnership deepened", "CN,KH", "双方愿深化中柬全面战略伙伴关系，加强农业合作。", "development,political"},
		{"3", "enterprises encouraged", "CN,RS", "中方鼓励本国企业参与塞方光伏电站建设。", "energy,investment"},
		{"3", "peace promoted", "CN,MV", "双方致力于促进世界和平，共同打击恐怖主义。", "international_order,security"},
		{"3", "a framing word before 的 modifies", "CN,RS", "中方欢迎塞方同周边国家发展友好关系的政策，愿加强能源合作。", "energy"},
		{"3", "a framing word in what the topic is good for", "CN,MV", "双方认为，深化能源合作有助于巩固双边关系。", "energy"},
		{"3", "a framing word as one item of a list", "CN,MV", "双方愿加强高层互访、联合演训和军事院校交流。", "security"},
		{"3", "a framing word in a frame", "CN,MV", "双方愿在联合国框架内加强反恐合作。", "security"},
		// 4: a body named in a frame (在…框架内) is where the parties act
		{"4", "an organisation as the frame", "CN,KG", "双方将在上海合作组织框架内深化禁毒合作。", "security"},
		{"4", "an organisation as the frame, 框架下", "CN,AR", "双方愿在二十国集团框架下加强减贫合作。", "development"},
		{"4", "a frame alone still places the sentence", "CN,AR", "双方愿在二十国集团框架下加强沟通。", "international_order"},
		{"4", "an organisation as the object stays the topic", "CN,AR", "双方支持二十国集团发挥国际经济合作主要论坛作用。", "international_order"},
		// 3: a party names the speaker, not the topic
		{"3", "a party as the speaker", "CN,ASEAN", "东盟赞赏中方提供的抗疫物资援助。", "health"},
		{"3", "a party inside what is done", "CN,EU", "中方愿为欧盟成员国公民来华提供签证便利。", "people"},
		{"3", "a party as the object of support", "CN,ASEAN", "中方坚定支持东盟在区域合作中的中心地位。", "international_order"},
		{"3", "a party that is not a party of the document", "CN,KH", "双方支持东盟在区域合作中发挥中心作用。", "international_order"},
		// 3: two initiatives joined by 和 are a list, as with 、
		{"3", "initiatives joined by 和", "CN,GH", "加方支持全球发展倡议和全球文明倡议。", "international_order"},
		{"3", "a two-code word beside a one-code word keeps both", "CN,GH", "双方愿加强在氢能和农业技术领域的合作。", "development,energy,science"},
		// 3: one word, two codes
		{"3", "trade and investment in one word", "CN,SG", "双方将进一步便利贸易投资。", "investment,trade"},
		{"3", "the WTO is trade as well", "CN,NZ", "双方支持以世界贸易组织为核心的多边贸易体制。", "international_order,trade"},
		{"3", "an initiative carries its sector", "CN,GH", "加方支持中方提出的全球安全倡议。", "international_order,security"},
		// 1 and 3: facilities, trade and training of the genre (fifth round)
		{"1", "a named crossing's head gives its sector", "CN,KG", "双方愿提升塔城口岸通关效率。", "infrastructure,trade"},
		{"1", "a named port's head gives its sector", "CN,MM", "双方将以皎漂港为依托拓展合作。", "infrastructure"},
		{"1", "an economic zone is investment", "CN,DJ", "双方将推进吉布提经济特区建设。", "investment"},
		{"1", "development along a line is investment", "CN,ET", "双方将推进亚吉铁路沿线综合开发。", "infrastructure,investment"},
		{"1", "exports to China are trade", "CN,PE", "双方愿推动更多秘鲁牛油果输华。", "trade"},
		{"1", "training is people", "CN,TZ", "中方将为坦方培训职业技术人才。", "people"},
		{"1", "a finance dialogue is finance", "CN,GB", "双方将举行第十一次中英经济财金对话。", "finance"},
		{"1", "maritime differences are a hotspot", "CN,PH", "双方同意管控好海上分歧。", "hotspots"},
		{"1", "farming techniques spread abroad are development", "CN,MG", "中方愿继续在马方推广杂交水稻种植。", "development"},
		{"1", "agricultural technology is development and science", "CN,BJ", "双方愿加强农业技术交流。", "development,science"},
		{"1", "a vocational workshop is people", "CN,DJ", "双方将办好吉布提鲁班工坊。", "people"},
		{"1", "peacekeeping is security", "CN,GH", "双方愿加强维和能力建设合作。", "security"},
		{"1", "search and rescue is disaster", "CN,PH", "双方将开展海上联合搜救演练。", "disaster"},
		{"1", "an economic and trade zone is a park as well", "CN,ZM", "双方将推进中赞经贸合作区建设。", "investment,trade"},
		{"2", "island states before disaster words are no defence", "CN,FJ", "双方愿建设好太平洋岛国防灾减灾中心。", "disaster"},
		{"4", "a region a route reaches is a place", "CN,GR", "双方将扩大经比港运往中东欧的货物贸易。", "infrastructure,trade"},
		{"4", "a region acted on stays the topic", "CN,GR", "双方将深化中国同中东欧国家的合作。", "international_order"},
		{"2", "a shipping line between ports is no flight", "CN,LK", "双方将增开科伦坡港至广州港的集装箱航线，扩大贸易。", "infrastructure,trade"},
		{"2", "a route alone is still people", "CN,LK", "双方欢迎两国新开航线。", "people"},
		{"1", "a strategic dialogue is political", "CN,IT", "双方同意年内举行中意外长战略对话，扩大贸易往来。", "political,trade"},
		{"1", "police cooperation is security", "CN,LA", "双方将深化两国公安部门合作。", "security"},
		{"3", "a list of initiatives is about the initiatives", "CN,GH", "加方支持全球发展倡议、全球安全倡议、全球文明倡议。", "international_order"},
		// issue 12, sixth round (heldout9)
		{"1", "energy goods", "CN,MN", "双方愿扩大煤炭和原油贸易。", "energy,trade"},
		{"1", "a power plant is energy", "CN,TJ", "双方将推进杜尚别热电厂改造。", "energy"},
		{"1", "the training of officials is political", "CN,VN", "双方将加强干部培训合作，交流治党经验。", "political"},
		{"1", "delimitation is a dispute", "CN,VN", "双方同意加快北部湾以外海域划界谈判。", "hotspots"},
		{"1", "the safety of persons is security", "CN,RW", "双方将切实保障对方公民人身和财产安全。", "security"},
		{"1", "astronomy is science", "CN,AU", "双方愿深化射电天文观测合作。", "science"},
		{"1", "sea level is climate", "CN,TV", "双方愿合作应对海平面上升。", "green"},
		{"1", "shipping is trade as well", "CN,LK", "双方愿发展海运合作，扩大集装箱运输。", "infrastructure,trade"},
		{"1", "a regional framework by its short name", "CN,MM", "双方将深化澜湄合作，推动次区域繁荣。", "international_order"},
		{"2", "a facility's field before its head decides", "CN,PK", "双方将共建中巴天文数据中心。", "science"},
		{"2", "a facility with no field keeps its head's", "CN,PK", "双方将共建中巴数据中心。", "digital"},
		{"2", "a quoted year of events is about its field", "CN,HU", "双方同意将2026年定为“中匈体育年”，联合举办系列活动。", "people"},
		{"3", "an initiative aligned with a named plan is a topic", "CN,ID", "双方将推动共建“一带一路”倡议同印尼国家发展规划对接。", "development,international_order"},
		{"3", "an initiative aligned with a plan referred to stays weak beside it", "CN,LK", "中方支持斯方实施《斯里兰卡国家发展规划》，双方将推动共建“一带一路”同该规划对接。", "development,international_order"},
		{"3", "an initiative as an occasion is no topic", "CN,LK", "双方将以共建“一带一路”为契机，扩大茶叶出口。", "trade"},
		{"2", "a modifier describes the disputed place it qualifies", "CN,DZ", "双方支持建立以1967年边界为基础、拥有完全主权的独立的巴勒斯坦国。", "hotspots"},
		{"2", "a modifier of no disputed place stays a topic", "CN,DZ", "双方将推进服务于数字经济的交通合作。", "digital,infrastructure"},
		{"2", "humanitarian access is no market access", "CN,JO", "双方呼吁加沙地带立即停火，保障人道主义准入。", "hotspots"},
		{"1", "an economic corridor is infrastructure", "CN,NP", "双方要加快推进经济走廊建设，惠及沿线民众。", "infrastructure"},
		{"1", "a quoted corridor is infrastructure where nothing else says", "CN,KH", "双方将共同打造“东部物流走廊”。", "infrastructure"},
		{"1", "a quoted corridor beside a stronger word", "CN,KH", "双方将共同打造“东部物流走廊”，扩大农产品贸易。", "trade"},
	}
	for _, tt := range tests {
		t.Run(tt.class+" "+tt.rule, func(t *testing.T) {
			parties := strings.Split(tt.parties, ",")
			s := mustLabel(t, x, tt.text, parties, parties)
			if got := strings.Join(s.Areas, ","); got != tt.want {
				t.Errorf("areas %s, want %s (%s: %+v)", got, tt.want, s.Type, s.Rationale.Areas)
			}
		})
	}
}
