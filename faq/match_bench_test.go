package faq

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
)

// syntheticEntries builds n entries from the fixture's vocabulary, shuffled,
// with answer lengths like a real FAQ (~150 Chinese characters, ~60 English
// words per entry).
func syntheticEntries(n int) []Entry {
	rng := rand.New(rand.NewPCG(1, 2))
	var zh []rune
	var en []string
	for _, e := range fixtureEntries() {
		zh = append(zh, []rune(e.Answer.ZH+strings.Join(e.Questions, ""))...)
		en = append(en, strings.Fields(e.Answer.EN)...)
	}
	// a few thousand extra common characters so postings spread like real text
	for r := rune(0x4E00); r < 0x4E00+3000; r += 7 {
		zh = append(zh, r)
	}
	pickZH := func(k int) string {
		var b strings.Builder
		for range k {
			b.WriteRune(zh[rng.IntN(len(zh))])
		}
		return b.String()
	}
	pickEN := func(k int) string {
		w := make([]string, k)
		for i := range w {
			w[i] = en[rng.IntN(len(en))]
		}
		return strings.Join(w, " ")
	}
	out := make([]Entry, n)
	for i := range out {
		out[i] = Entry{
			ID:        fmt.Sprintf("entry-%d", i),
			Questions: []string{pickZH(12) + "？", pickEN(9) + "?", pickZH(10)},
			Answer:    Answer{ZH: pickZH(150), EN: pickEN(60)},
		}
	}
	return out
}

var benchQuestions = []string{
	"物业费可以用支付宝交吗", "someone is stuck in the elevator, who do I call?",
	"我们单元想加装电梯，需要几户同意", "how do I report an illegal group rental next door",
	"hello", "维修资金不够了要续筹，怎么表决", "where do I get a licence for my dog",
	"凌晨两点楼上的水漫下来了，物业晚上有人接电话吗",
}

func BenchmarkMatch(b *testing.B) {
	for _, n := range []int{50, 1000, 10000} {
		m := NewMatcher(syntheticEntries(n))
		b.Run(fmt.Sprintf("entries=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				m.Match(benchQuestions[i%len(benchQuestions)])
				i++
			}
		})
	}
}

// BenchmarkMatcherMemory reports the heap an index of 10,000 entries keeps
// (target < 100 MB resident) and the time to build it.
func BenchmarkMatcherMemory(b *testing.B) {
	entries := syntheticEntries(10000)
	for b.Loop() {
		NewMatcher(entries)
	}
	b.StopTimer()
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	m := NewMatcher(entries)
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "index-MB")
	debug.FreeOSMemory()
	if rss, ok := residentMB(); ok {
		b.ReportMetric(rss, "rss-MB") // whole test process, entries included
	}
	runtime.KeepAlive(m)
	// entries outlive the index in the heap delta: freed early, they would
	// be subtracted from it
	runtime.KeepAlive(entries)
}

// residentMB reads the process's resident set size (Linux only).
func residentMB() (float64, bool) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, err := strconv.ParseFloat(f[1], 64)
			return kb / 1024, err == nil
		}
	}
	return 0, false
}
