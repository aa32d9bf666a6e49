package handlers_test

import (
	"testing"
	"time"
)

// A model that needs most of the deadline to choose among candidates is
// not asked to write as well: the written answer would be cut off anyway,
// and would cost the resident's quota.
func TestNoWrittenAnswerIsStartedWithoutTimeForIt(t *testing.T) {
	f := newLLMFixture(t, modelOptions{deadline: 600 * time.Millisecond, clientTimeout: 5 * time.Second})
	f.model.Delay(450 * time.Millisecond)
	f.model.Reply(`{"id": null}`)
	m, _ := f.ask(t, resident, qUnsure)
	if got := ops(f.model); len(got) != 1 || got[0] != "select" {
		t.Errorf("model calls = %v, want the choice only", got)
	}
	if !hasData(m, "pick:") {
		t.Errorf("reply = %q %v; want the did-you-mean buttons", m.Text, buttonData(m))
	}
}

// A model slower than residents can wait stops being asked after a few
// questions: the breaker opens, and the next residents get their fallback
// at once instead of waiting out the deadline each time.
func TestAModelSlowerThanTheDeadlineIsLeftAloneAfterAFewQuestions(t *testing.T) {
	f := newLLMFixture(t, modelOptions{deadline: 200 * time.Millisecond, clientTimeout: 30 * time.Second})
	f.model.Delay(5 * time.Second)
	for i := range 5 {
		f.ask(t, resident+int64(100+i), qNothing)
	}
	asked := len(f.model.Requests())
	m, took := f.ask(t, resident, qNothing)
	if len(f.model.Requests()) != asked {
		t.Errorf("the model was asked again after %d questions it was too slow for", asked)
	}
	if took > 150*time.Millisecond {
		t.Errorf("the reply waited %v for a model known to be too slow", took)
	}
	if !hasData(m, "q:desk:") {
		t.Errorf("reply = %q; want the offer to ask the desk", m.Text)
	}
}
