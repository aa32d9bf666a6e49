package tickets

import (
	"testing"

	"codesk/parties"
)

func defaultRouter(tb testing.TB) *Router {
	tb.Helper()
	r, err := NewRouter(DefaultRules())
	if err != nil {
		tb.Fatalf("NewRouter(DefaultRules()): %v", err)
	}
	return r
}

func TestRoutePerParty(t *testing.T) {
	r := defaultRouter(t)
	tests := []struct {
		text     string
		party    parties.ID
		category string
	}{
		// property management
		{"3号楼的电梯停在半空，里面还有人", parties.PropertyManagement, "lifts"},
		{"The lift in tower 2 keeps stopping between floors", parties.PropertyManagement, "lifts"},
		{"屋顶一下雨就漏，顶楼走廊墙上都是水印", parties.PropertyManagement, "common_leaks"},
		{"rain leaks through the roof into the top floor corridor", parties.PropertyManagement, "common_leaks"},
		// a wall wet when it rains leaks from outside, whoever's room it is
		{"my north wall gets wet when it rains", parties.PropertyManagement, "common_leaks"},
		{"一下雨卧室墙就湿了", parties.PropertyManagement, "common_leaks"},
		{"楼上漏水 下雨天更严重", parties.NeighborhoodCommittee, "neighbour_leaks"},
		// a fitting in one's own flat is a repair (the property company's paid
		// service), not a leak in the common parts; the flat above's is the neighbour's
		{"my kitchen tap is leaking", parties.PropertyManagement, "repairs"},
		{"我家马桶漏水", parties.PropertyManagement, "repairs"},
		{"the toilet upstairs leaks into my bathroom", parties.NeighborhoodCommittee, "neighbour_leaks"},
		{"地库里乱停车，出口都被堵了", parties.PropertyManagement, "parking_order"},
		{"2号楼地下车库的灯全灭了", parties.PropertyManagement, "lights"}, // a car park's lights are lighting
		{"垃圾桶三天没人收，满地都是", parties.PropertyManagement, "garbage"},
		{"nobody empties the bins by block 4", parties.PropertyManagement, "garbage"},
		// owners' committee
		{"维修资金的使用情况从来不公布", parties.OwnersCommittee, "maintenance_fund"},
		{"the committee never shows how the maintenance fund is spent", parties.OwnersCommittee, "maintenance_fund"},
		{"停车费收入一笔糊涂账，没人说得清", parties.OwnersCommittee, "accounts_revenue"},
		{"物业没按合同履约，业委会应该去追究", parties.OwnersCommittee, "property_contract"},
		{"the property company ignores its contract and the committee lets it", parties.OwnersCommittee, "property_contract"},
		// neighborhood committee
		{"楼上的住户家里漏水，我家天花板湿了一大片", parties.NeighborhoodCommittee, "neighbour_leaks"},
		{"water from the flat upstairs is coming through my ceiling", parties.NeighborhoodCommittee, "neighbour_leaks"},
		{"隔壁那套房子住了二十来个人，肯定是群租", parties.NeighborhoodCommittee, "group_rentals"},
		{"the neighbours upstairs are noisy every night until 2am", parties.NeighborhoodCommittee, "neighbour_noise"},
		{"有人在小区里骗老人买保健品", parties.NeighborhoodCommittee, "safety_fraud"},
		{"a big dog runs around off the leash every morning", parties.NeighborhoodCommittee, "pets"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := r.Route(tt.text)
			if d.Party != tt.party || d.Category != tt.category {
				t.Errorf("Route(%q) = %s/%s (confidence %.2f, scores %v), want %s/%s",
					tt.text, d.Party, d.Category, d.Confidence, d.Scores, tt.party, tt.category)
			}
			if d.Confidence < DefaultRules().Decision.MinConfidence || d.Confidence > 1 {
				t.Errorf("confidence %.3f outside [min_confidence, 1]", d.Confidence)
			}
		})
	}
}

// The tricky pairs the labelling rules draw a line through.
func TestRouteNearNeighbours(t *testing.T) {
	r := defaultRouter(t)
	pairs := []struct{ a, b string }{
		{"楼顶防水坏了，下雨顶楼楼道渗水", "楼上邻居卫生间渗水到我家，他们不管"},
		{"我上周报修的水管师傅一直没来修", "物业连续两年不履行合同，业委会还要续签"},
		{"地下车库乱停车，把通道都堵了", "停车费收入从来没公开过账目"},
	}
	want := [][2]parties.ID{
		{parties.PropertyManagement, parties.NeighborhoodCommittee},
		{parties.PropertyManagement, parties.OwnersCommittee},
		{parties.PropertyManagement, parties.OwnersCommittee},
	}
	for i, p := range pairs {
		if got := r.Route(p.a).Party; got != want[i][0] {
			t.Errorf("Route(%q) = %s, want %s", p.a, got, want[i][0])
		}
		if got := r.Route(p.b).Party; got != want[i][1] {
			t.Errorf("Route(%q) = %s, want %s", p.b, got, want[i][1])
		}
	}
}

func TestRouteUnsureGoesToCoOffice(t *testing.T) {
	r := defaultRouter(t)
	for _, text := range []string{
		"",
		"你好",
		"hello, anyone there",
		"今天天气不错",
		// strong cues for two parties at once: the desk should triage
		"业委会用维修基金修电梯，楼上邻居又漏水到我家",
	} {
		d := r.Route(text)
		if d.Party != parties.CoOffice {
			t.Errorf("Route(%q) = %s (confidence %.2f, scores %v), want co_office", text, d.Party, d.Confidence, d.Scores)
		}
		if len(d.Scores) != len(parties.All) {
			t.Errorf("Route(%q).Scores has %d parties, want %d", text, len(d.Scores), len(parties.All))
		}
	}
	// No cue matches a greeting; the statistical model's evidence alone stays
	// far below the confidence needed to choose a party.
	if d := r.Route("你好"); d.Category != Uncategorized || d.Confidence >= DefaultRules().Decision.MinConfidence/2 {
		t.Errorf("Route(greeting) = %+v, want category %q and confidence < min_confidence/2", d, Uncategorized)
	}
	rules := DefaultRules()
	rules.Decision.ModelWeight = 0
	cuesOnly, err := NewRouter(rules)
	if err != nil {
		t.Fatal(err)
	}
	if d := cuesOnly.Route("你好"); d.Category != Uncategorized || d.Confidence != 0 {
		t.Errorf("cues only: Route(greeting) = %+v, want category %q and confidence 0", d, Uncategorized)
	}
}

// A resident may send a concern to another party than the router chose:
// it then carries that party's own best category, never another party's.
func TestCategoryForAnotherParty(t *testing.T) {
	r := defaultRouter(t)
	d := r.Route("电梯坏了三天，业委会的账目一直不公开，邻居家的狗天天叫")
	for p, want := range map[parties.ID]string{
		parties.PropertyManagement:    "lifts",
		parties.OwnersCommittee:       "accounts_revenue",
		parties.NeighborhoodCommittee: "pets",
		parties.CoOffice:              d.Category,
	} {
		if got := d.CategoryFor(p); got != want {
			t.Errorf("CategoryFor(%s) = %q, want %q", p, got, want)
		}
	}
	// the router's own party keeps the router's category, however its
	// score compares with the least score for a party
	for _, text := range []string{"电梯坏了", "楼道里堆满了杂物，有消防安全隐患"} {
		if d := r.Route(text); d.CategoryFor(d.Party) != d.Category {
			t.Errorf("Route(%q).CategoryFor(its party %s) = %q, want %q", text, d.Party, d.CategoryFor(d.Party), d.Category)
		}
	}
	if got := r.Route("电梯坏了").CategoryFor(parties.OwnersCommittee); got != Uncategorized {
		t.Errorf("a lift fault sent to the owners' committee: category %q, want %q", got, Uncategorized)
	}
}

// The statistical model covers wording no cue lists (lines of
// crosscheck.jsonl the cues miss), and a rules file without model_weight
// leaves it out.
func TestRouteModelCoversUnlistedWording(t *testing.T) {
	withModel := defaultRouter(t)
	rules := DefaultRules()
	rules.Decision.ModelWeight = 0
	cuesOnly, err := NewRouter(rules)
	if err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string]parties.ID{
		"楼上一套两居室住了十几个打工的，进进出出乱得很":                                             parties.NeighborhoodCommittee,
		"a guy keeps playing loud music with a speaker in the garden at 11pm": parties.NeighborhoodCommittee,
	} {
		if d := cuesOnly.Route(text); d.Party != parties.CoOffice {
			t.Errorf("cues only: Route(%q) = %s, want co_office (else this case tests nothing)", text, d.Party)
		}
		if d := withModel.Route(text); d.Party != want {
			t.Errorf("Route(%q) = %s (scores %v), want %s", text, d.Party, d.Scores, want)
		}
	}
}

func TestTermMatchingRespectsEnglishWordEdges(t *testing.T) {
	tests := []struct {
		text, term string
		want       bool
	}{
		{"the pipe is leaking", "leak", true},
		{"leaks everywhere", "leak", true},
		{"it closed", "close", true},
		{"the roof leaked", "leak", true},
		{"bleak news", "leak", false},
		{"an address", "ad", false},
		{"ads everywhere", "ad", true},
		{"电梯又stuck了", "stuck", true},
		{"楼上邻居", "楼上", true},
	}
	for _, tt := range tests {
		if got := containsTerm(tt.text, tt.term); got != tt.want {
			t.Errorf("containsTerm(%q, %q) = %v, want %v", tt.text, tt.term, got, tt.want)
		}
	}
}

func TestCategoriesAreCopies(t *testing.T) {
	r := defaultRouter(t)
	cats := r.Categories()
	if len(cats) == 0 {
		t.Fatal("no categories")
	}
	owners := map[parties.ID]bool{}
	for _, c := range cats {
		owners[c.Party] = true
		if c.Names["zh"] == "" || c.Names["en"] == "" {
			t.Errorf("category %s lacks a zh or en name", c.ID)
		}
	}
	for _, p := range parties.All {
		if !owners[p] {
			t.Errorf("no default category for %s", p)
		}
	}
	cats[0].Names["zh"] = "changed"
	if r.Categories()[0].Names["zh"] == "changed" {
		t.Error("changing Categories() output changed the router")
	}
}

func TestMentionsLocation(t *testing.T) {
	for text, want := range map[string]bool{
		"12号楼2单元电梯坏了":               true,
		"7栋的路灯不亮":                   true,
		"the lift in building 9":    true,
		"corridor light on 11F out": true,
		"电梯坏了":                      false,
		"the lift is broken again":  false,
	} {
		if got := MentionsLocation(text); got != want {
			t.Errorf("MentionsLocation(%q) = %v, want %v", text, got, want)
		}
	}
}

func BenchmarkRoute(b *testing.B) {
	r := defaultRouter(b)
	texts := []string{
		"12号楼2单元的电梯又坏了，今天早上卡在9楼下不来",
		"The committee renewed the property contract without asking a single owner",
		"楼上邻居家卫生间漏水，我家天花板都泡烂了，找他们好几次都不理",
		"So I came home last night and the whole stairwell in block 14 was pitch dark again, the sensor lights have been dead for like ten days",
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		r.Route(texts[i%len(texts)])
	}
}
