package tickets

import (
	"math"
	"regexp"
	"strings"

	"codesk/faq"
)

type compiledIntent struct {
	report, question []compiledCue
	questionMark     float64
	topic, bias      float64
}

func compileIntent(in IntentRules) (compiledIntent, error) {
	report, err := compileCues(in.Report)
	if err != nil {
		return compiledIntent{}, err
	}
	question, err := compileCues(in.Question)
	if err != nil {
		return compiledIntent{}, err
	}
	return compiledIntent{
		report: report, question: question,
		questionMark: in.QuestionMark, topic: in.Topic, bias: in.Bias,
	}, nil
}

// IsConcern reports whether text reads as a complaint or report ("电梯又坏了")
// rather than a question ("电梯什么时候换？"), and the confidence in that
// answer, in [0.5,1]. Rhetorical questions in complaints ("为什么没人管？")
// are weighed against the report cues, so they can still be concerns.
func (r *Router) IsConcern(text string) (bool, float64) {
	folded := faq.Normalize(text)
	margin := score(r.intent.report, folded) - score(r.intent.question, withoutScorn(folded)) + r.intent.bias
	if strings.ContainsAny(withoutScorn(text), "?？") {
		margin -= r.intent.questionMark
	}
	if r.intent.topic != 0 && r.hasTopic(folded) {
		margin += r.intent.topic
	}
	confidence := 1 / (1 + math.Exp(-math.Abs(margin)))
	return margin > 0, confidence
}

// AsksSomething reports a question cue in text (a question mark, 吗, 怎么,
// "how do I" …), whatever else it says: "外墙渗水怎么办" is a concern that
// asks what to do.
func (r *Router) AsksSomething(text string) bool {
	return strings.ContainsAny(withoutScorn(text), "?？") || score(r.intent.question, withoutScorn(faq.Normalize(text))) > 0
}

// scornAsked is scorn put as a question that wants no answer ("你们物业到底
// 干什么吃的？", "what are we paying for?"): a complaint's words, not a question.
var scornAsked = regexp.MustCompile(`(?i)(到底|究竟)?(是)?(干什么|干啥|干嘛)吃的[?？!！]*|要(你们|物业|居委会|业委会)?(有什么|有啥|何)用[?？!！]*|` +
	`\bwhat (are|do) we (even )?(paying|pay) (you )?for\b[?!]*|\bwhat is the point of (you|the management|the property company)\b[?!]*`)

// withoutScorn is text without scorn asked as a question.
func withoutScorn(text string) string { return scornAsked.ReplaceAllString(text, " ") }

// DescribesProblem reports a report cue in text (broken, leaking, 坏了,
// 没人管 …), whatever else it says: a question about a problem may want it
// fixed too.
func (r *Router) DescribesProblem(text string) bool {
	return score(r.intent.report, faq.Normalize(text)) > 0
}

func (r *Router) hasTopic(folded string) bool {
	for i := range r.categories {
		if score(r.categories[i].cues, folded) > 0 {
			return true
		}
	}
	return false
}
