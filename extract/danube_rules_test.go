package extract

import (
	"testing"
)

// TestDanubeAreas: questions "concerning Taiwan" (涉台, as 涉藏 and 涉疆) are
// sovereignty; the Belt and Road by its full names (丝绸之路经济带, 21世纪海上
// 丝绸之路) frames a sentence as 一带一路 does; the safety of a line's or a
// plant's operation said noun first (运营安全, 运行安全) is security, as
// 安全运营 is; the Belt and Road aligned with a partner's strategy, plan or
// framework (共建“一带一路”倡议同X战略对接) is development cooperation as well
// as the framework, as every Chinese gold reads it, while a programme aligned
// with another (“三北”工程同“十亿棵树”计划对接) and the Belt and Road aligned
// with an organisation (同欧亚经济联盟对接) add no development; China's
// relations with a region or union (中欧关系, 中阿关系) are the regional
// framework, unless the two are the document's parties (a China–EU or a
// China–UAE statement: their own relationship).
func TestDanubeAreas(t *testing.T) {
	x := newTestExtractor(t)
	tests := []areaCase{
		{"CN,KZ", "中方高度赞赏哈方在涉台问题上的正确立场。", "sovereignty"},
		{"CN,UZ", "双方满意地看到，两国共同推进丝绸之路经济带建设取得积极成果。", "international_order"},
		{"CN,IT", "双方欢迎2019年签署的《中华人民共和国政府和意大利共和国政府关于共同推进丝绸之路经济带和21世纪海上丝绸之路建设的谅解备忘录》顺利实施。", "international_order"},
		{"CN,LA", "双方将共同保障中老铁路运营安全。", "infrastructure,security"},
		{"CN,UZ", "双方将确保两国天然气管道运行安全。", "energy,security"},
		{"CN,RS", "双方同意推动共建“一带一路”倡议同塞尔维亚“再工业化”战略对接。", "development,international_order"},
		{"CN,KZ", "双方将推进共建“一带一路”同哈方“光明之路”新经济政策深入对接。", "development,international_order"},
		{"CN,KH", "双方愿推动共建“一带一路”倡议同柬方“四角战略”有效对接。", "development,international_order"},
		{"CN,MN", "双方愿共同开展荒漠化防治合作，推进“三北”工程同蒙古国“十亿棵树”计划对接。", "green"},
		{"CN,BY", "双方将推动共建“一带一路”同欧亚经济联盟建设对接。", "international_order"},
		{"CN,RS", "塞方支持中欧关系稳定发展。", "international_order"},
		{"CN,EG", "埃方愿为推动中阿关系发展发挥积极作用。", "international_order"},
		{"CN,EU", "双方将推动中欧关系稳定发展。", "political"},
		{"AE,CN", "双方同意推动中阿关系迈上新台阶。", "political"},
	}
	checkAreas(t, x, tests)
}

// TestDanubeEntities: a university's campus abroad named by its university
// and city (…大学…校区) is a project, a bare 校区 none; a verb of effect
// (缩短, 降低, 提高) ends a name read back from its head; a dialogue joined
// to cooperation (促进中欧对话与合作) is an activity, no body, while a body
// whose name holds the pair (…协调与合作委员会) and a mechanism after it
// (…工作组和合作机制) stay; a route's section named by its two ends after
// the route (…铁路A—B段) is part of the project's name.
func TestDanubeEntities(t *testing.T) {
	x := newTestExtractor(t)
	tests := []entityCase{
		{"双方支持南开大学萨格勒布校区扩大招生规模。", nil, []string{"南开大学萨格勒布校区"}},
		{"双方将推动校区早日开始招生。", nil, nil},
		{"该港口建成后将显著降低中欧班列运输成本。", nil, []string{"中欧班列"}},
		{"这将大幅缩短西部陆海新通道运输时间。", nil, []string{"西部陆海新通道"}},
		{"哈方愿为促进中美对话与合作发挥建设性作用。", nil, nil},
		{"双方将加强中国—东盟对话与交流。", nil, nil},
		{"双方将发挥中巴高层协调与合作委员会作用。", []string{"中巴高层协调与合作委员会"}, nil},
		{"双方将举行中欧高级别战略对话。", []string{"中欧高级别战略对话"}, nil},
		{"双方将推进中老铁路磨丁—万象段运营。", nil, []string{"中老铁路磨丁—万象段"}},
		{"双方将按期推进中吉乌铁路卡什加尔—吐尔尕特段建设。", nil, []string{"中吉乌铁路卡什加尔—吐尔尕特段"}},
		{"双方将推进中老铁路建设，提升沿线段落运营水平。", nil, []string{"中老铁路"}},
	}
	checkEntities(t, x, tests)
}
