package extract

import (
	"testing"

	"github.com/entente/entente"
)

// Rules of the genre read from the held-out cultural exchange programme of
// China and the United Kingdom (cn-gb-culture-programme), each in other
// wording than the programme's, most for another pair.

// programmeTitle opens a cultural exchange programme of China and France.
const programmeTitle = "中华人民共和国政府和法兰西共和国政府二〇二六年至二〇二九年文化交流执行计划\n\n"

// ukProgrammeTitle opens an education exchange programme of China and the
// United Kingdom, named by the UK's long name.
const ukProgrammeTitle = "中华人民共和国政府和大不列颠及北爱尔兰联合王国政府二〇二六年至二〇二九年教育交流计划\n\n"

// TestExchangeProgrammeKind: the exchange programme two governments sign
// for a span of years (…文化交流计划, …教育交流执行计划) is a plan of action.
func TestExchangeProgrammeKind(t *testing.T) {
	x := newTestExtractor(t)
	for _, c := range []struct {
		title string
		want  entente.Kind
	}{
		{"中华人民共和国政府和法兰西共和国政府二〇二六年至二〇二九年文化交流执行计划", entente.KindActionPlan},
		{"中华人民共和国教育部和新西兰教育部2026年至2028年教育交流计划", entente.KindActionPlan},
		{"中华人民共和国和新西兰联合声明", entente.Kind("joint_statement")},
	} {
		if got := x.documentKind(c.title); got != c.want {
			t.Errorf("%s: kind %s, want %s", c.title, got, c.want)
		}
	}
}

// TestProgrammeItems: the items of an exchange programme name who will do
// what, and by when: a party's short form before one of its bodies (法外交部,
// 法一室内乐团: "a French chamber orchestra") is that party; "within this
// programme" (在本计划内) bounds the item as the programme's term does; 拟
// ("plan to") after a party is an intent; an exhibition that will be shown
// (展出) is held by the parties; a theatre or a university that "will" act
// carries out an item, no forecast; the bodies an instrument names to carry
// it out are a soft provision; a span of dates that opens the clause is when,
// not who. A short form inside a word (集中一批) names no party.
func TestProgrammeItems(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"法外交部文化司司长将于2027年率团访华。", "commitment/firm/FR/"},
		{"法一室内乐团将在本计划内访华演出。", "commitment/firm/FR/在本计划内"},
		{"中方拟于本计划内在巴黎举办中国电影周。", "commitment/intent/CN/于本计划内"},
		{"故宫博物院书画展将于本计划内在法展出。", "commitment/firm/CN,FR/于本计划内"},
		{"里昂国家歌剧院将在上海音乐学院开办大师班。", "commitment/firm/CN,FR/"},
		{"中华人民共和国文化和旅游部是中国政府执行本计划的主要机构。", "commitment/soft/CN/"},
		{"二〇二六年一月一日至二〇二九年十二月三十一日期间双方将执行下列交流项目：", "commitment/firm/CN,FR/"},
		{"双方将集中一批力量推进博物馆合作。", "commitment/firm/CN,FR/"},
	}
	checkProvisions(t, x, programmeTitle, typeStrengthActorsDeadlineOf, tests)
	// in a joint statement a theatre's "will" stays a forecast
	checkProvisions(t, x, "中华人民共和国和法兰西共和国联合声明\n\n", typeStrengthActorsDeadlineOf, []provisionCase{
		{"里昂国家歌剧院将迎来更多中国观众。", "appraisal//CN,FR/"},
	})
}

// TestUKProgrammeItems: Britain's own bodies, by the short form (英皇家…剧团)
// or by the style of its national institutions (大英博物馆), are the UK; a
// retrospective exhibition (回顾展) is a thing shown, no looking back.
func TestUKProgrammeItems(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"英皇家莎士比亚剧团将于2027年访华演出。", "commitment/firm/GB/"},
		{"大英博物馆希望邀请中国考古专家访英。", "commitment/intent/GB/"},
		{"中国当代版画回顾展将于2028年在英国举办。", "commitment/firm/CN/"},
	}
	checkProvisions(t, x, ukProgrammeTitle, typeStrengthActorsDeadlineOf, tests)
}

// TestPartyNameNoHotspot: a word inside a party's own long name (北爱尔兰 in
// 大不列颠及北爱尔兰联合王国) names the party, no conflict; the same word
// alone keeps its area.
func TestPartyNameNoHotspot(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方将扩大中华人民共和国政府和大不列颠及北爱尔兰联合王国政府之间的教育交流。", "people"},
		{"双方支持北爱尔兰和平进程。", "hotspots"},
	}
	checkProvisions(t, x, ukProgrammeTitle, areasOf, tests)
}

// TestOneStateCommitteeNoMechanism: a committee named by one state alone,
// with no second party and no joint word (英国文化委员会, the British Council),
// is that state's own body; a joint committee stays a mechanism.
func TestOneStateCommitteeNoMechanism(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"英国文化委员会将与中方合作举办教育展。", ""},
		{"双方同意建立中英教育合作联合委员会。", "中英教育合作联合委员会"},
	}
	checkProvisions(t, x, ukProgrammeTitle, mechanismsOf, tests)
}
