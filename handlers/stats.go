package handlers

import (
	"fmt"
	"slices"
	"strings"

	"codesk/faq"
	"codesk/parties"
	"codesk/storage"
)

// placeholderReminderIDs bounds the entry ids a /stats reminder names.
const placeholderReminderIDs = 5

// faqLister is a FAQ that lists the entries it serves (*faq.Catalog).
type faqLister interface {
	Entries() []faq.Entry
}

// placeholderReminder tells administrators, after the question statistics,
// how many administrator placeholders the served FAQ still shows residents;
// "" when there are none or the FAQ cannot list its entries.
func (h *Handler) placeholderReminder(lang string) string {
	l, ok := h.FAQ.(faqLister)
	if !ok {
		return ""
	}
	ids, n := faq.PlaceholderEntries(l.Entries())
	if n == 0 {
		return ""
	}
	named := strings.Join(ids[:min(len(ids), placeholderReminderIDs)], ", ")
	if len(ids) > placeholderReminderIDs {
		named += " …"
	}
	return "\n\n" + txtStatsPlaceholders.f(lang, n, len(ids), named)
}

// formatStats renders the question statistics for administrators. The
// out-of-scope count is a part of "not answered", so it is indented under it.
func formatStats(st storage.QuestionStats, lang string) string {
	var b strings.Builder
	if lang == "en" {
		fmt.Fprintf(&b, "Questions in the last 7 days: %d\nAnswered from the FAQ: %d\nNot answered: %d\n",
			st.Total, st.AnsweredFromFAQ, st.Unanswered)
		if st.OutOfScope > 0 {
			fmt.Fprintf(&b, "  of which not about the estate (weather, documents…): %d\n", st.OutOfScope)
		}
		fmt.Fprintf(&b, "Helpful: %d, not helpful: %d\n", st.Helpful, st.NotHelpful)
		if len(st.TopUnanswered) > 0 {
			b.WriteString("\nAsked but not answered (FAQ gaps):\n")
		}
	} else {
		fmt.Fprintf(&b, "近 7 天提问：%d\nFAQ 已回答：%d\n未回答：%d\n",
			st.Total, st.AnsweredFromFAQ, st.Unanswered)
		if st.OutOfScope > 0 {
			fmt.Fprintf(&b, "  其中与小区无关（天气、证件等）：%d\n", st.OutOfScope)
		}
		fmt.Fprintf(&b, "有帮助：%d，没帮助：%d\n", st.Helpful, st.NotHelpful)
		if len(st.TopUnanswered) > 0 {
			b.WriteString("\n未能回答的问题（FAQ 缺口）：\n")
		}
	}
	for _, q := range st.TopUnanswered {
		fmt.Fprintf(&b, "• %s (×%d)\n", q.Text, q.Count)
	}
	if len(st.TopOutOfScope) > 0 {
		if lang == "en" {
			b.WriteString("\nTurned away as not about the estate:\n")
		} else {
			b.WriteString("\n判断为与小区无关的问题：\n")
		}
	}
	for _, q := range st.TopOutOfScope {
		fmt.Fprintf(&b, "• %s (×%d)\n", q.Text, q.Count)
	}
	return strings.TrimSpace(b.String())
}

// formatTicketStats renders what residents reported and how it went.
func formatTicketStats(st storage.TicketStats, categoryName func(string) string, lang string) string {
	var b strings.Builder
	en := lang == "en"
	if en {
		fmt.Fprintf(&b, "Concerns reported in the last 7 days: %d\n", st.Reported)
	} else {
		fmt.Fprintf(&b, "近 7 天反映的问题（工单）：%d\n", st.Reported)
	}
	if st.Reported > 0 {
		var perParty []string
		for _, p := range append(slices.Clone(parties.All), parties.CoOffice) {
			if n := st.ByParty[p]; n > 0 {
				perParty = append(perParty, fmt.Sprintf("%s %d", parties.Name(p, lang), n))
			}
		}
		var top []string
		for _, c := range st.TopCategories {
			top = append(top, fmt.Sprintf("%s %d", categoryName(c.Category), c.Count))
		}
		if en {
			fmt.Fprintf(&b, "By party: %s\nMost reported: %s\nResolved: %d, withdrawn by residents: %d, escalated unclaimed: %d\n",
				strings.Join(perParty, ", "), strings.Join(top, ", "), st.Resolved, st.Withdrawn, st.Escalated)
		} else {
			fmt.Fprintf(&b, "按部门：%s\n最多的类别：%s\n已解决：%d，居民撤销：%d，超时未受理升级：%d\n",
				strings.Join(perParty, "，"), strings.Join(top, "，"), st.Resolved, st.Withdrawn, st.Escalated)
		}
		if st.Rated > 0 {
			if en {
				fmt.Fprintf(&b, "Residents' rating: %.1f / 5 (%d rated)\n", st.AverageRating(), st.Rated)
			} else {
				fmt.Fprintf(&b, "居民评分：%.1f / 5（%d 人评价）\n", st.AverageRating(), st.Rated)
			}
		}
	}
	if en {
		fmt.Fprintf(&b, "Open now: %d, of which waiting to be claimed: %d", st.OpenNow, st.UnclaimedNow)
	} else {
		fmt.Fprintf(&b, "当前未结：%d，其中待受理：%d", st.OpenNow, st.UnclaimedNow)
	}
	return b.String()
}

// categoryNames maps a category id to its display name in lang.
func (h *Handler) categoryNames(lang string) func(string) string {
	return func(id string) string { return h.categoryText(id).in(lang) }
}
