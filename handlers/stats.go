package handlers

import (
	"fmt"
	"strings"

	"codesk/storage"
)

// formatStats renders the question statistics for administrators.
func formatStats(st storage.QuestionStats, lang string) string {
	var b strings.Builder
	if lang == "en" {
		fmt.Fprintf(&b, "Questions in the last 7 days: %d\nAnswered from the FAQ: %d\nNot answered: %d\nHelpful: %d, not helpful: %d\n",
			st.Total, st.AnsweredFromFAQ, st.Unanswered, st.Helpful, st.NotHelpful)
		if len(st.TopUnanswered) > 0 {
			b.WriteString("\nAsked but not answered (FAQ gaps):\n")
		}
	} else {
		fmt.Fprintf(&b, "近 7 天提问：%d\nFAQ 已回答：%d\n未回答：%d\n有帮助：%d，没帮助：%d\n",
			st.Total, st.AnsweredFromFAQ, st.Unanswered, st.Helpful, st.NotHelpful)
		if len(st.TopUnanswered) > 0 {
			b.WriteString("\n未能回答的问题（FAQ 缺口）：\n")
		}
	}
	for _, q := range st.TopUnanswered {
		fmt.Fprintf(&b, "• %s (×%d)\n", q.Text, q.Count)
	}
	return strings.TrimSpace(b.String())
}
