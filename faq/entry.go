// Package faq owns the estate's curated questions and answers: the entry
// model, the YAML file format (import, export, validation), the embedded
// default FAQ, the bilingual matcher that picks an entry for a question,
// and the background topics it recognises as no estate's to answer.
package faq

import "codesk/parties"

// Entry is one curated FAQ item.
type Entry struct {
	ID        string     // stable slug: [a-z0-9-]
	Topic     string     // grouping label
	Questions []string   // ways residents ask, any language
	Answer    Answer     // per language
	Party     parties.ID // optional: who owns follow-ups
}

// Answer holds an entry's answer per language; at least one is set.
type Answer struct {
	ZH string
	EN string
}

// In returns the answer in lang ("zh" or "en"), falling back to the other
// language when the entry has only one.
func (a Answer) In(lang string) string {
	if lang == "en" {
		if a.EN != "" {
			return a.EN
		}
		return a.ZH
	}
	if a.ZH != "" {
		return a.ZH
	}
	return a.EN
}
