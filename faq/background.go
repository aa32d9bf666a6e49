package faq

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// background.yaml lists what residents ask a chat-bot that no estate FAQ
// answers (the weather, passports, the metro, jokes), written from general
// knowledge, not from any question set. A question that one of its topics
// explains as well as the best FAQ entry does is out of scope however many
// of its words the FAQ happens to share ("明天会下雨吗" and the typhoon
// entry), unless it names something of estate life (namedIn) or an entry
// explains it well itself (backgroundCeiling).
//
//go:embed background.yaml
var backgroundYAML []byte

type backgroundFile struct {
	Topics []struct {
		ID        string   `yaml:"id"`
		Questions []string `yaml:"questions"`
	} `yaml:"topics"`
}

// parseBackground reads background topics as question-only entries.
func parseBackground(data []byte) ([]Entry, error) {
	var f backgroundFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("background topics: %w", err)
	}
	entries := make([]Entry, 0, len(f.Topics))
	for _, t := range f.Topics {
		if t.ID == "" || len(t.Questions) == 0 {
			return nil, fmt.Errorf("background topics: topic %q has no id or no questions", t.ID)
		}
		entries = append(entries, Entry{ID: t.ID, Questions: t.Questions})
	}
	return entries, nil
}

// backgroundMatcher indexes the embedded background topics once; every FAQ
// matcher shares it. (A sync.Once, not OnceValue: newMatcher calls it, and a
// package variable initialised with it would be an initialisation cycle.)
func backgroundMatcher() *Matcher {
	backgroundIndex.once.Do(func() {
		entries, err := parseBackground(backgroundYAML)
		if err != nil {
			panic(err) // embedded and tested (TestBackgroundTopicsParse): a broken build
		}
		p := defaultParams
		p.background = false
		bg := newMatcher(entries, p)
		backgroundIndex.matcher = bg
		backgroundIndex.topicsAsking = make([]int, len(bg.idf))
		for id := range int32(len(bg.idf)) {
			for topic := range int32(len(bg.ids)) {
				if bg.askedIn(topic, id) {
					backgroundIndex.topicsAsking[id]++
				}
			}
		}
	})
	return backgroundIndex.matcher
}

var backgroundIndex struct {
	once    sync.Once
	matcher *Matcher
	// topicsAsking[id] is how many topics' questions have term id
	topicsAsking []int
}

// backgroundScore is the score of the background topic that best explains
// question: the share of the question it covers, as an FAQ entry's score is
// (each from its own index), 0 when a question names estate life.
func (m *Matcher) backgroundScore(question string, terms []string, top int32) float32 {
	bg := m.background
	if bg == nil || len(bg.ids) == 0 || bg.namedIn(terms) {
		return 0
	}
	sc := bg.pool.Get().(*scratch)
	defer bg.pool.Put(sc)
	r := bg.score(sc, question, 1)
	if len(r.hits) == 0 {
		return 0
	}
	if top >= 0 && m.asksWhatTopicLacks(bg, terms, top, r.hits[0].entry) {
		return 0
	}
	return min(1, r.hits[0].score)
}

// asksWhatTopicLacks reports a concept of the question that the top entry's
// questions ask about while the background topic's do not, and that at most
// one topic asks about at all: the topic explains only the everyday side of
// the question ("CCTV footage for my insurance claim" wants the estate's
// cameras, whatever the insurance topic says). Concepts many topics ask
// about (a weekend, a price, the elderly) make no estate question of it:
// "What's the weather like this weekend?" is still the weather.
func (m *Matcher) asksWhatTopicLacks(bg *Matcher, terms []string, entry, topic int32) bool {
	for _, t := range terms {
		if !strings.HasPrefix(t, conceptPrefix) {
			continue
		}
		id, ok := m.terms.id(t)
		if !ok || !m.askedIn(entry, id) {
			continue
		}
		// namedIn has turned away concepts no topic knows
		if bid, ok := bg.terms.id(t); ok && !bg.askedIn(topic, bid) && backgroundIndex.topicsAsking[bid] <= 1 {
			return true
		}
	}
	return false
}

// namedIn reports a concept of the lexicon among a question's terms that no
// background topic uses: something of estate life (门禁卡, the owners'
// committee, a lift), which makes the question the estate's whatever else
// it says ("楼上太吵了 压力好大 晚上睡不着" is a noise complaint, not a
// low mood; "门禁卡丢了怎么补办" is no lost ID card).
func (bg *Matcher) namedIn(terms []string) bool {
	for _, t := range terms {
		if strings.HasPrefix(t, conceptPrefix) {
			if _, ok := bg.terms.id(t); !ok {
				return true
			}
		}
	}
	return false
}

// backgroundBeats reports that a background topic scoring bg, at least
// floor, explains a question at least as well as an entry scoring score,
// and that the entry does not explain it well itself (backgroundCeiling).
func backgroundBeats(bg, score, floor float64) bool {
	return bg >= floor && bg >= score && score < backgroundCeiling
}

// backgroundCeiling: an entry explaining this much of a question is the
// FAQ's answer to it whatever a topic says: an estate that runs a
// kindergarten and says so in its FAQ answers "kindergarten application
// when?". No question of the question sets that a topic turned away had an
// entry scoring above 0.6.
const backgroundCeiling = 0.7

// backgroundFloor: a question that a background topic explains at least as
// well as the top entry, with at least this score, gets no answer however
// sure the confidence model is (Matcher.Match). Below it the topic only
// shares a word or two ("how many", "what does it mean") with a question
// the FAQ matches weakly too. At 0.4 the topics turn away 160 of the 568
// out-of-scope questions of the question sets, and 5 of the 1,828 in-scope
// ones (25 with no floor).
const backgroundFloor = 0.4

// candidateBackgroundFloor: an entry is no "did you mean" button when a
// background topic explains the question at least as well, with at least
// this score ("明天会下雨吗" offered the leak entry). From 0.6 the right entry
// stayed among the buttons as often as before on every question set (from
// 0.4 it left them for 1 to 2 in-scope questions per set), and fewer
// out-of-scope questions got buttons (Lüyuan: 50% of them, was 64%).
const candidateBackgroundFloor = 0.6
