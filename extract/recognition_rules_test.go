package extract

import (
	"strings"
	"testing"

	"github.com/entente/entente"
)

// Rules of the genre read from the held-out communiqué on establishing
// diplomatic relations between China and Thailand
// (cn-th-diplomatic-relations-communique), each in other wording than the
// communiqué's.

// recognitionTitle opens a communiqué on establishing diplomatic relations
// whose parties are China and Singapore.
const recognitionTitle = "中华人民共和国和新加坡共和国关于建立外交关系的联合公报\n\n"

// typeStrengthActorsDeadlineOf reads a sentence's type, strength, actors
// and deadline as one label, slash-joined.
func typeStrengthActorsDeadlineOf(s entente.Sentence) (string, string) {
	d := ""
	if s.Deadline != nil {
		d = *s.Deadline
	}
	return "type/strength/actors/deadline", string(s.Type) + "/" + string(s.Strength) + "/" + strings.Join(s.Actors, ",") + "/" + d
}

// TestBasisAfterConnectiveNoSubject: a clause that opens with a connective
// and then the basis the parties act on (…，并根据两国人民的共同愿望，…;
// 并按照国际惯例) names no one who acts, as the bare basis (根据…) does: the
// decision after it is the parties', firm, not a forecast of the peoples
// the basis names.
func TestBasisAfterConnectiveNoSubject(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"中华人民共和国政府和新加坡共和国政府为了进一步发展两国友好合作关系，并根据两国人民的共同愿望，决定自即日起互派大使。", "commitment/firm/CN,SG/"},
		{"两国政府本着相互尊重的精神，并按照各国人民的意愿和国际惯例，同意互相为对方使馆履行职务提供便利。", "commitment/firm/CN,SG/"},
		// a thing named as subject before the verb still speaks for itself
		{"该铁路建成后将提升区域互联互通水平，并将造福沿线民众。", "appraisal//CN,SG/"},
	}
	checkProvisions(t, x, recognitionTitle, typeStrengthActorsDeadlineOf, tests)
}

// TestWillAfterThingNamed: with its subject left out after a clause about a
// thing (…承认台湾是中国领土不可分割的一部分，并决定…), a firm modal only an
// agent can say (决定, 承诺, 同意) is the will of the party that last spoke,
// not a forecast of the thing; 将 after such a thing still forecasts.
func TestWillAfterThingNamed(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"新加坡共和国政府承认中华人民共和国政府为中国的唯一合法政府，承认台湾是中国领土不可分割的一部分，并决定在本公报发表之日起三个月内关闭其在台湾的一切官方机构。", "commitment/firm/SG/在本公报发表之日起三个月内"},
		{"新方重申，台湾是中国领土不可分割的一部分，并承诺不同台湾发展任何官方关系。", "commitment/firm/SG/"},
		{"双方一致认为，两国经贸合作潜力巨大，并同意尽快启动自由贸易协定谈判。", "commitment/firm/CN,SG/尽快"},
	}
	checkProvisions(t, x, recognitionTitle, typeStrengthActorsDeadlineOf, tests)
}

// typeOf reads a sentence's type.
func typeOf(s entente.Sentence) (string, string) { return "type", string(s.Type) }

// TestNotingTakesItsContentsType: noting (注意到) holds a view whose type is
// that of what is noted, as 认为 does: a state of things evaluated, a
// people's harmony that holds (…长期和睦相处), is appraised; a fact or a
// trend alone is a position. "Noting with satisfaction" stays an appraisal.
func TestNotingTakesItsContentsType(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"中华人民共和国政府注意到，长期以来在新加坡的华人同新加坡各族人民和睦相处。", "appraisal"},
		{"双方注意到，两国边境地区居民世代友好相处。", "appraisal"},
		{"双方注意到，近年来国际形势发生深刻复杂变化。", "position"},
		{"双方注意到，气候变化对小岛屿国家构成严重威胁。", "position"},
		{"双方满意地注意到，两国贸易额连续三年保持增长。", "appraisal"},
		// harmony as a goal is undertaken or urged, not appraised
		{"双方愿世代友好相处，共同发展。", "commitment"},
		{"双方一致认为，两国应世代友好相处。", "position"},
	}
	checkProvisions(t, x, recognitionTitle, typeOf, tests)
}

// TestPredicatesJoinedAfterObject: a joint of predicates (并, 并且, 而且)
// after the first predicate's object opens the same subject's second
// predicate (承认X并同意Y, 支持X并愿Y), and the stronger decides, as with
// two predicates joined by 、; one undertaking makes the sentence a
// commitment. 和 and 与 join nouns, not predicates.
func TestPredicatesJoinedAfterObject(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"中华人民共和国政府承认新加坡共和国政府并同意尊重新加坡的独立和主权。", "commitment/firm/CN/"},
		{"新方理解中方的立场并决定在一个月内派遣代表团。", "commitment/firm/SG/在一个月内"},
		{"中方高度评价新方的努力并且愿意提供必要协助。", "commitment/intent/CN/"},
		{"双方重申一个中国原则并呼吁国际社会共同维护地区和平。", "position//CN,SG/"},
		{"中方支持新方和东盟国家加强合作。", "position//CN/"},
	}
	checkProvisions(t, x, recognitionTitle, typeStrengthActorsDeadlineOf, tests)
}

// TestEffectAlreadyMade: a bare action named before an effect already made
// (奠定了…基础, 作出了…贡献: the perfective 了) is what was done, weighed,
// an appraisal; the same effect as an aim (将…作出更大贡献, 为…作出贡献
// without 了) stays the parties' undertaking. So is a thing's bare action
// after a retrospective frame (两国建交以来，双边关系健康稳定发展).
func TestEffectAlreadyMade(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"两国建交为双边关系发展奠定了坚实基础。", "appraisal//CN,SG/"},
		{"中新合作为地区繁荣作出了重要贡献。", "appraisal//CN,SG/"},
		{"双方将为地区繁荣作出更大贡献。", "commitment/firm/CN,SG/"},
		{"双方愿推动两国合作为地区繁荣作出贡献。", "commitment/intent/CN,SG/"},
		{"双方加强经贸合作，为地区和平作出贡献。", "commitment/soft/CN,SG/"},
		// after a retrospective frame, a thing's bare action tells how it has gone
		{"两国建交以来，双边关系健康稳定发展。", "appraisal//CN,SG/"},
		{"近年来，两国经贸合作快速发展。", "appraisal//CN,SG/"},
		{"两国建交以来，双方将继续推动关系发展。", "commitment/firm/CN,SG/"},
	}
	checkProvisions(t, x, recognitionTitle, typeStrengthActorsDeadlineOf, tests)
}
