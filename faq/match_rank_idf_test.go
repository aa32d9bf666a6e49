package faq

import "testing"

// A word most answers mention in passing (the property office) keeps its
// weight in the ranking, where the entries asking about it are told apart
// from those that mention it; a word only questions use weighs the same.
func TestRankIDFWeighsAskedWordsOverMentions(t *testing.T) {
	entries := []Entry{
		{ID: "office-hours", Questions: []string{"物业几点开门"}, Answer: Answer{ZH: "物业服务中心每天 8:30-17:30 开放。", EN: "The property office is open 8:30-17:30 daily."}},
		{ID: "rubbish-times", Questions: []string{"垃圾几点投放"}, Answer: Answer{ZH: "每天 7:00-9:00 和 18:00-20:00 定时投放，下班回来晚了可投到物业指定的点。", EN: "Put rubbish out 7:00-9:00 and 18:00-20:00."}},
		{ID: "parcels", Questions: []string{"快递放在哪里"}, Answer: Answer{ZH: "快递由物业前台代收。", EN: "The property front desk keeps parcels."}},
		{ID: "parking", Questions: []string{"怎么办停车月卡"}, Answer: Answer{ZH: "到物业办理停车月卡。", EN: "Apply for a parking card at the property office."}},
		{ID: "leak", Questions: []string{"楼上漏水怎么办"}, Answer: Answer{ZH: "先联系楼上，再报物业维修。", EN: "Talk to your upstairs neighbour, then report it to the property office."}},
		{ID: "keys", Questions: []string{"门禁卡丢了"}, Answer: Answer{ZH: "到物业补办门禁卡。"}},
		{ID: "fees", Questions: []string{"管理费多少钱"}, Answer: Answer{ZH: "每月每平米 2 元，交到物业。"}},
		{ID: "noise", Questions: []string{"邻居太吵"}, Answer: Answer{ZH: "先沟通，不行找物业协调。"}},
		{ID: "renovation", Questions: []string{"装修要申请吗"}, Answer: Answer{ZH: "装修前到物业登记。"}},
		{ID: "lift", Questions: []string{"电梯坏了"}, Answer: Answer{ZH: "打物业电话报修。"}},
		{ID: "water", Questions: []string{"停水通知在哪看"}, Answer: Answer{ZH: "物业会在大堂张贴。"}},
		{ID: "visitors", Questions: []string{"访客能进小区吗"}, Answer: Answer{ZH: "访客在门岗登记，物业核实。"}},
		{ID: "bikes", Questions: []string{"电动车能充电吗"}, Answer: Answer{ZH: "在充电棚充电，物业收费。"}},
		{ID: "pets", Questions: []string{"养狗要登记吗"}, Answer: Answer{ZH: "养犬须办证，物业会登记。", EN: "Dogs need a licence."}},
	}
	m := NewMatcher(entries)
	id := func(term string) int32 {
		t.Helper()
		id, ok := m.terms.id(term)
		if !ok {
			t.Fatalf("term %q not indexed", term)
		}
		return id
	}
	// 物业: asked by one entry, mentioned by nearly every answer
	if office := id("物业"); m.rankIDF[office] < 2*m.idf[office] {
		t.Errorf("物业: rankIDF %v, idf %v: a word answers mention in passing should keep weight in the ranking", m.rankIDF[office], m.idf[office])
	}
	// 垃圾: asked, never mentioned elsewhere: the same either way
	if rubbish := id("垃圾"); m.rankIDF[rubbish] != m.idf[rubbish] {
		t.Errorf("垃圾: rankIDF %v, idf %v, want equal", m.rankIDF[rubbish], m.idf[rubbish])
	}
}

// An entry whose answer alone covers the question is ranked, not scored 0.
func TestAnswerOnlyMatchIsRanked(t *testing.T) {
	entries := []Entry{
		{ID: "noise", Questions: []string{"How do I complain about a noisy neighbour?"}, Answer: Answer{EN: "Quiet hours are 22:00 to 7:00; tell the desk if a neighbour is loud."}},
		{ID: "desk", Questions: []string{"When is the desk open?"}, Answer: Answer{EN: "The desk is open 8:30-17:30 in this compound."}},
		{ID: "rubbish", Questions: []string{"Where do I put my rubbish?"}, Answer: Answer{EN: "Bins are by the north gate."}},
	}
	q := "What are the quiet hours?"
	got := NewMatcher(entries).Rank(q, 3)
	found := false
	for _, s := range got {
		found = found || (s.ID == "noise" && s.Score > 0)
	}
	if !found {
		t.Errorf("Rank(%q) = %v, want noise with a score above 0", q, got)
	}
	plain := defaultParams
	plain.answerOnlyShare = 0
	for _, s := range newMatcher(entries, plain).Rank(q, 3) {
		if s.ID == "noise" && s.Score > 0 {
			t.Errorf("without the floor noise scores %v: the case no longer shows what the floor is for", s.Score)
		}
	}
}
