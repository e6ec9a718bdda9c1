package extract

import (
	"slices"
	"testing"
)

// agreementProvisionCase is one sentence of an agreement between two
// parties, written in Simplified (hans) and Traditional (hant) script, and
// its wanted type, strength and actors.
type agreementProvisionCase struct {
	reading, hans, hant, typ, strength string
	actors                             []string
}

// checkAgreementProvisions reads each case's sentence in both scripts as
// the one sentence under its title and heading (the preamble's when
// heading is empty) and compares its labels.
func checkAgreementProvisions(t *testing.T, r *Registry, titleHans, titleHant, heading, headingHant string, cases []agreementProvisionCase) {
	t.Helper()
	for _, tc := range cases {
		for _, v := range []struct{ lang, doc string }{
			{"zh", titleHans + heading + tc.hans},
			{"zh-Hant", titleHant + headingHant + tc.hant},
		} {
			t.Run(tc.reading+"/"+v.lang, func(t *testing.T) {
				x, err := r.ExtractAs(v.doc, v.lang)
				if err != nil {
					t.Fatal(err)
				}
				if len(x.Sentences) != 1 {
					t.Fatalf("%d sentences", len(x.Sentences))
				}
				s := x.Sentences[0]
				if string(s.Type) != tc.typ || string(s.Strength) != tc.strength {
					t.Errorf("%s/%s, want %s/%s (%+v)", s.Type, s.Strength, tc.typ, tc.strength, s.Rationale.Type)
				}
				if !slices.Equal(s.Actors, tc.actors) && !(len(s.Actors) == 0 && tc.actors == nil) {
					t.Errorf("actors %v, want %v", s.Actors, tc.actors)
				}
			})
		}
	}
}

const (
	mainlandMacaoTitleHans = "内地与澳门关于经贸合作的协议\n\n"
	mainlandMacaoTitleHant = "內地與澳門關於經貿合作的協議\n\n"
)

// TestAgreementThirdPartyShall: in an agreement, a subject headed by
// others than the parties or their organs (行业协会, 企业, 金融机构, 高校,
// named by the parties' places: 两地行业协会) before its "shall" (应) says
// what others should do, a position by the spec; the parties' own organs
// (主管部门, 执行机构) still bind their parties.
func TestAgreementThirdPartyShall(t *testing.T) {
	r := newTestRegistry(t)
	both := []string{"CN", "MO"}
	checkAgreementProvisions(t, r, mainlandMacaoTitleHans, mainlandMacaoTitleHant, "第一条\n\n", "第一條\n\n", []agreementProvisionCase{
		{"trade associations named by both places", "两地行业协会应积极参与专业资格互认的评估工作。", "兩地行業協會應積極參與專業資格互認的評估工作。", "position", "", both},
		{"enterprises named by both places", "两地企业应遵守对方的法律法规。", "兩地企業應遵守對方的法律法規。", "position", "", both},
		{"financial institutions of both sides", "双方金融机构应加强风险管理合作。", "雙方金融機構應加強風險管理合作。", "position", "", both},
		{"universities of both places", "两地高校应积极开展联合培养。", "兩地高校應積極開展聯合培養。", "position", "", both},
		{"the parties' competent authorities bind them", "两地主管部门应加强监管合作。", "兩地主管部門應加強監管合作。", "commitment", "firm", both},
		{"the parties bind themselves", "双方应加强专业资格互认合作。", "雙方應加強專業資格互認合作。", "commitment", "firm", both},
	})
}

// TestAgreementOwnAmendment: a provision whose topic is the instrument's
// own amendment or interpretation (本协议的修订，由双方…确认) is one of its
// final clauses, a narrative as 本协议经双方书面同意可予修订 is, though the
// parties are named after an agent's mark; a clause after a time frame of
// the instrument (本协定生效后，由双方…成立) and a provision on what the
// instrument leaves open (未尽事宜) stay the parties' undertaking.
func TestAgreementOwnAmendment(t *testing.T) {
	r := newTestRegistry(t)
	both := []string{"CN", "MO"}
	checkAgreementProvisions(t, r, mainlandMacaoTitleHans, mainlandMacaoTitleHant, "第十四条\n\n", "第十四條\n\n", []agreementProvisionCase{
		{"the amendment confirmed by the parties", "本协议的修订，由双方协商一致后以书面形式确认。", "本協議的修訂，由雙方協商一致後以書面形式確認。", "narrative", "", nil},
		{"the interpretation settled by the parties", "本协议的解释，由双方协商确定。", "本協議的解釋，由雙方協商確定。", "narrative", "", nil},
		{"a body set up after entry into force", "本协议生效后，由双方共同成立联合工作组。", "本協議生效後，由雙方共同成立聯合工作組。", "commitment", "soft", both},
		{"matters left open settled by the parties", "本协议未尽事宜，由双方协商解决。", "本協議未盡事宜，由雙方協商解決。", "commitment", "soft", both},
	})
}

// TestAgreementEnactingFormula: the preamble's enacting formula, the
// parties deciding or agreeing to sign the instrument itself (双方决定…签署
// 本协议), is a formula as 达成协议如下 is, no undertaking; and a purpose
// lead-in that names the parties inside its aim (为进一步提高内地与澳门
// （以下简称“双方”）经贸合作的水平，…，根据：) undertakes nothing, the
// parties it names being no subject. Signing something after the
// instrument is signed, or another undertaking beside the formula, stays
// a commitment.
func TestAgreementEnactingFormula(t *testing.T) {
	r := newTestRegistry(t)
	both := []string{"CN", "MO"}
	checkAgreementProvisions(t, r, mainlandMacaoTitleHans, mainlandMacaoTitleHant, "", "", []agreementProvisionCase{
		{"deciding to sign this agreement", "双方决定，就修订《服务贸易协议》、深化两地经贸合作签署本协议。", "雙方決定，就修訂《服務貿易協議》、深化兩地經貿合作簽署本協議。", "narrative", "", nil},
		{"agreeing to conclude this agreement", "双方同意订立本协议。", "雙方同意訂立本協議。", "narrative", "", nil},
		{"the purpose and bases lead-in", "为进一步提高内地与澳门特别行政区（以下简称“双方”）经贸交流与合作的水平，促进粤港澳大湾区建设，根据：", "為進一步提高內地與澳門特別行政區（以下簡稱「雙方」）經貿交流與合作的水平，促進粵港澳大灣區建設，根據：", "narrative", "", nil},
		{"an undertaking beside the formula", "双方决定签署本协议，并将每年举行一次会议。", "雙方決定簽署本協議，並將每年舉行一次會議。", "commitment", "firm", both},
		{"a body set up after signing", "双方同意在签署本协议后三个月内成立联合工作组。", "雙方同意在簽署本協議後三個月內成立聯合工作組。", "commitment", "firm", both},
	})
}
