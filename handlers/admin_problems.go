package handlers

import (
	"fmt"
	"strconv"
	"strings"

	"codesk/faq"
	"codesk/parties"
)

// problemText explains one problem of a FAQ file or entry wholly in lang,
// with its line, entry id and field. lineOffset turns the YAML's lines into
// lines of what the admin sent (a message starting "/faq set", or a file).
func problemText(p faq.Problem, lineOffset int, lang string) string {
	p.Line = shiftLine(p.Line, lineOffset)
	p.Earlier.Line = shiftLine(p.Earlier.Line, lineOffset)
	if lang == "en" {
		return problemEnglish(p)
	}
	return problemChinese(p)
}

// problemEnglish is the command line's English text of the problem, so an
// admin reads the same words in chat as from "codesk faq lint"; the chat
// adds the likely cause of a YAML syntax error to the decoder's words.
func problemEnglish(p faq.Problem) string {
	if p.Kind == faq.ProblemYAMLSyntax {
		cause := syntaxCause(p, "en")
		if p.Detail != "" {
			cause += " (" + p.Detail + ")"
		}
		p.Detail = cause
	}
	return p.String()
}

// shiftLine moves a known line by offset; an unknown line stays 0.
func shiftLine(line, offset int) int {
	if line > 0 {
		return line + offset
	}
	return 0
}

// problemChinese explains the problem in Chinese, where it is first.
func problemChinese(p faq.Problem) string {
	var where []string
	if p.Line > 0 {
		where = append(where, fmt.Sprintf(zhProbLine, p.Line))
	}
	if p.EntryID != "" {
		where = append(where, fmt.Sprintf(zhEntryID, p.EntryID))
	}
	if p.Entry > 0 {
		where = append(where, fmt.Sprintf(zhEntryNo, p.Entry))
	}
	body := problemBodyChinese(p)
	if len(where) == 0 {
		return body
	}
	return strings.Join(where, zhProbSep) + zhProbEnd + body
}

func problemBodyChinese(p faq.Problem) string {
	switch p.Kind {
	case faq.ProblemFileTooLarge:
		return fmt.Sprintf(zhProbFileTooLarge, p.Limit)
	case faq.ProblemFileEmpty:
		return zhProbFileEmpty
	case faq.ProblemYAMLSyntax:
		// the decoder's own words are English: a Chinese reader gets the cause only
		return fmt.Sprintf(zhProbYAML, syntaxCause(p, "zh"))
	case faq.ProblemSecondDocument:
		return zhProbSecondDocument
	case faq.ProblemTopLevelShape:
		return fmt.Sprintf(zhProbTopLevelShape, shapeChinese(p))
	case faq.ProblemVersionMissing:
		return zhProbVersionMissing
	case faq.ProblemVersionWrong:
		found := shapeChinese(p)
		if p.Found == faq.ShapeText {
			found = fmt.Sprintf(zhQuoted, p.Value)
		}
		return fmt.Sprintf(zhProbVersionWrong, found)
	case faq.ProblemEntriesMissing:
		return zhProbEntriesMissing
	case faq.ProblemEntriesShape:
		return fmt.Sprintf(zhProbEntriesShape, shapeChinese(p))
	case faq.ProblemNoEntries:
		return zhProbNoEntries
	case faq.ProblemTooManyEntries:
		return fmt.Sprintf(zhProbTooManyEntries, p.Count, p.Limit)
	case faq.ProblemKeyNotPlain:
		return fmt.Sprintf(zhProbKeyNotPlain, mappingChinese(p.Field))
	case faq.ProblemUnknownKey:
		allowed := strings.Join(faq.AllowedKeys(p.Field), txtAdminListSep.in("zh"))
		if p.Field == faq.FieldAnswer {
			return fmt.Sprintf(zhProbUnknownLang, p.Value, allowed)
		}
		return fmt.Sprintf(zhProbUnknownKey, p.Value, mappingChinese(p.Field), allowed)
	case faq.ProblemRepeatedKey:
		return fmt.Sprintf(zhProbRepeatedKey, mappingChinese(p.Field), p.Value, p.Earlier.Line)
	case faq.ProblemEntryShape:
		return fmt.Sprintf(zhProbEntryShape, shapeChinese(p))
	case faq.ProblemWrongShape:
		switch {
		case p.Field == faq.FieldQuestions && p.Question == 0:
			return fmt.Sprintf(zhProbNotList, fieldChinese(p), shapeChinese(p))
		case p.Field == faq.FieldAnswer && p.Lang == "":
			return fmt.Sprintf(zhProbNotMapping, fieldChinese(p), shapeChinese(p))
		}
		return fmt.Sprintf(zhProbNotText, fieldChinese(p), shapeChinese(p))
	case faq.ProblemMissingID:
		return zhProbMissingID
	case faq.ProblemBadID:
		return fmt.Sprintf(zhProbBadID, p.Value)
	case faq.ProblemInvalidUTF8:
		return fmt.Sprintf(zhProbInvalidUTF8, fieldChinese(p))
	case faq.ProblemTooLong:
		return fmt.Sprintf(zhProbTooLong, fieldChinese(p), p.Count, p.Limit)
	case faq.ProblemMultiLine:
		return fmt.Sprintf(zhProbMultiLine, fieldChinese(p))
	case faq.ProblemNoQuestions:
		return zhProbNoQuestions
	case faq.ProblemTooManyQuestions:
		return fmt.Sprintf(zhProbManyQuestions, p.Count, p.Limit)
	case faq.ProblemBlankQuestion:
		return fmt.Sprintf(zhProbBlankQuestion, p.Question)
	case faq.ProblemNoAnswer:
		return zhProbNoAnswer
	case faq.ProblemUnknownParty:
		return fmt.Sprintf(zhProbUnknownParty, p.Value, partyChoicesChinese())
	case faq.ProblemDuplicateID:
		return fmt.Sprintf(zhProbDuplicateID, earlierEntryChinese(p.Earlier))
	case faq.ProblemRepeatedQuestion:
		return fmt.Sprintf(zhProbRepeatedQ, p.Value)
	case faq.ProblemSharedQuestion:
		return fmt.Sprintf(zhProbSharedQ, p.Value, earlierEntryChinese(p.Earlier))
	}
	return zhProbUnknown
}

// fieldChinese names the part of an entry a problem is about.
func fieldChinese(p faq.Problem) string {
	switch p.Field {
	case faq.FieldID:
		return zhFieldID
	case faq.FieldTopic:
		return zhFieldTopic
	case faq.FieldQuestions:
		if p.Question > 0 {
			return fmt.Sprintf(zhFieldQuestion, p.Question)
		}
		return zhFieldQuestions
	case faq.FieldAnswer:
		switch p.Lang {
		case "zh":
			return zhFieldAnswerZH
		case "en":
			return zhFieldAnswerEN
		}
		return zhFieldAnswer
	case faq.FieldParty:
		return zhFieldParty
	}
	return fmt.Sprintf(zhFieldOther, string(p.Field))
}

// mappingChinese names the mapping a key problem is in.
func mappingChinese(m faq.Field) string {
	switch m {
	case faq.FieldFile:
		return zhMapFile
	case faq.FieldAnswer:
		return zhFieldAnswer
	}
	return zhMapEntry
}

// shapeChinese says what a value was where another shape was expected.
func shapeChinese(p faq.Problem) string {
	switch p.Found {
	case faq.ShapeNothing:
		return zhShapeNothing
	case faq.ShapeText:
		return zhShapeText
	case faq.ShapeList:
		return zhShapeList
	case faq.ShapeMapping:
		return zhShapeMapping
	case faq.ShapeAlias:
		return fmt.Sprintf(zhShapeAlias, p.Value)
	}
	return zhShapeOther
}

// earlierEntryChinese names the entry a clash is with.
func earlierEntryChinese(r faq.Ref) string {
	switch {
	case r.ID != "" && r.Line > 0:
		return fmt.Sprintf(zhRefIDLine, r.Line, r.ID)
	case r.ID != "":
		return fmt.Sprintf(zhEntryID, r.ID)
	case r.Line > 0:
		return fmt.Sprintf(zhRefLine, r.Line)
	}
	return fmt.Sprintf(zhEntryNo, r.Entry)
}

// partyChoicesChinese lists the parties an entry may name, with their
// Chinese names beside the ids the YAML takes.
func partyChoicesChinese() string {
	choices := make([]string, len(parties.All))
	for i, id := range parties.All {
		choices[i] = parties.Name(id, "zh") + "（" + string(id) + "）"
	}
	return strings.Join(choices, txtAdminListSep.in("zh"))
}

// syntaxText explains the likely cause of a YAML syntax error.
func syntaxText(h faq.SyntaxHint) text {
	switch h {
	case faq.SyntaxIndentation:
		return txtSyntaxIndentation
	case faq.SyntaxTab:
		return txtSyntaxTab
	case faq.SyntaxColonInValue:
		return txtSyntaxColon
	case faq.SyntaxMissingColon:
		return txtSyntaxNoColon
	case faq.SyntaxBadCharacter:
		return txtSyntaxBadChar
	case faq.SyntaxBracket:
		return txtSyntaxBracket
	case faq.SyntaxQuote:
		return txtSyntaxQuote
	case faq.SyntaxUnknownAnchor:
		return txtSyntaxAnchor
	case faq.SyntaxEncoding:
		return txtSyntaxEncoding
	case faq.SyntaxQuestionInFlow:
		return txtSyntaxQuestionInFlow
	case faq.SyntaxColonInFlow:
		return txtSyntaxColonInFlow
	case faq.SyntaxCommentInFlow:
		return txtSyntaxCommentInFlow
	case faq.SyntaxBracketInFlow:
		return txtSyntaxBracketInFlow
	case faq.SyntaxTextAfterQuote:
		return txtSyntaxTextAfterQuote
	case faq.SyntaxExtraBracket:
		return txtSyntaxExtraBracket
	}
	return txtSyntaxOther
}

// syntaxCause explains a YAML syntax error in lang and, when the problem
// names the text that needs quotes, shows it quoted.
func syntaxCause(p faq.Problem, lang string) string {
	cause := syntaxText(p.Syntax).in(lang)
	if p.Value != "" {
		cause += txtSyntaxQuoteAs.f(lang, strconv.Quote(p.Value))
	}
	return cause
}
