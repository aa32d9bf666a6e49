package handlers

import (
	"strings"

	"codesk/faq"
	"codesk/parties"
)

// problemText explains one problem of a FAQ file or entry wholly in lang,
// with its line, entry id and field. lineOffset turns the YAML's lines into
// lines of what the admin sent (a message starting "/faq set", or a file).
func problemText(p faq.Problem, lineOffset int, lang string) string {
	var where []string
	if p.Line > 0 {
		where = append(where, txtProbLine.f(lang, p.Line+lineOffset))
	}
	if p.EntryID != "" {
		where = append(where, txtProbEntryID.f(lang, p.EntryID))
	}
	if p.Entry > 0 {
		where = append(where, txtProbEntryNo.f(lang, p.Entry))
	}
	body := problemBody(p, lineOffset, lang)
	if len(where) == 0 {
		return body
	}
	return strings.Join(where, txtProbSep.in(lang)) + txtProbEnd.in(lang) + body
}

func problemBody(p faq.Problem, lineOffset int, lang string) string {
	switch p.Kind {
	case faq.ProblemFileTooLarge:
		return txtProbFileTooLarge.f(lang, p.Limit)
	case faq.ProblemFileEmpty:
		return txtProbFileEmpty.in(lang)
	case faq.ProblemYAMLSyntax:
		cause := syntaxText(p.Syntax).in(lang)
		if lang == "en" && p.Detail != "" {
			// the decoder's own words are English: only an English reader gets them
			cause += " (" + p.Detail + ")"
		}
		return txtProbYAML.f(lang, cause)
	case faq.ProblemSecondDocument:
		return txtProbSecondDocument.in(lang)
	case faq.ProblemTopLevelShape:
		return txtProbTopLevelShape.f(lang, shapeText(p, lang))
	case faq.ProblemVersionMissing:
		return txtProbVersionMissing.in(lang)
	case faq.ProblemVersionWrong:
		found := shapeText(p, lang)
		if p.Found == faq.ShapeText {
			found = txtProbQuoted.f(lang, p.Value)
		}
		return txtProbVersionWrong.f(lang, found)
	case faq.ProblemEntriesMissing:
		return txtProbEntriesMissing.in(lang)
	case faq.ProblemEntriesShape:
		return txtProbEntriesShape.f(lang, shapeText(p, lang))
	case faq.ProblemNoEntries:
		return txtProbNoEntries.in(lang)
	case faq.ProblemTooManyEntries:
		return txtProbTooManyEntries.f(lang, p.Count, p.Limit)
	case faq.ProblemKeyNotPlain:
		return txtProbKeyNotPlain.f(lang, mappingName(p.Field, lang))
	case faq.ProblemUnknownKey:
		allowed := strings.Join(faq.AllowedKeys(p.Field), txtAdminListSep.in(lang))
		if p.Field == faq.FieldAnswer {
			return txtProbUnknownLang.f(lang, p.Value, allowed)
		}
		return txtProbUnknownKey.f(lang, p.Value, mappingName(p.Field, lang), allowed)
	case faq.ProblemRepeatedKey:
		return txtProbRepeatedKey.f(lang, mappingName(p.Field, lang), p.Value, shiftLine(p.Earlier.Line, lineOffset))
	case faq.ProblemEntryShape:
		return txtProbEntryShape.f(lang, shapeText(p, lang))
	case faq.ProblemWrongShape:
		switch {
		case p.Field == faq.FieldQuestions && p.Question == 0:
			return txtProbNotList.f(lang, fieldName(p, lang), shapeText(p, lang))
		case p.Field == faq.FieldAnswer && p.Lang == "":
			return txtProbNotMapping.f(lang, fieldName(p, lang), shapeText(p, lang))
		}
		return txtProbNotText.f(lang, fieldName(p, lang), shapeText(p, lang))
	case faq.ProblemMissingID:
		return txtProbMissingID.in(lang)
	case faq.ProblemBadID:
		return txtProbBadID.f(lang, p.Value)
	case faq.ProblemInvalidUTF8:
		return txtProbInvalidUTF8.f(lang, fieldName(p, lang))
	case faq.ProblemTooLong:
		return txtProbTooLong.f(lang, fieldName(p, lang), p.Count, p.Limit)
	case faq.ProblemMultiLine:
		return txtProbMultiLine.f(lang, fieldName(p, lang))
	case faq.ProblemNoQuestions:
		return txtProbNoQuestions.in(lang)
	case faq.ProblemTooManyQuestions:
		return txtProbManyQuestions.f(lang, p.Count, p.Limit)
	case faq.ProblemBlankQuestion:
		return txtProbBlankQuestion.f(lang, p.Question)
	case faq.ProblemNoAnswer:
		return txtProbNoAnswer.in(lang)
	case faq.ProblemUnknownParty:
		return txtProbUnknownParty.f(lang, p.Value, entryPartyChoices(lang))
	case faq.ProblemDuplicateID:
		return txtProbDuplicateID.f(lang, earlierEntry(p.Earlier, lineOffset, lang))
	case faq.ProblemRepeatedQuestion:
		return txtProbRepeatedQ.f(lang, p.Value)
	case faq.ProblemSharedQuestion:
		return txtProbSharedQ.f(lang, p.Value, earlierEntry(p.Earlier, lineOffset, lang))
	}
	return txtProbUnknown.in(lang)
}

// shiftLine moves a known line by offset; an unknown line stays 0.
func shiftLine(line, offset int) int {
	if line > 0 {
		return line + offset
	}
	return 0
}

// fieldName names the part of an entry a problem is about.
func fieldName(p faq.Problem, lang string) string {
	switch p.Field {
	case faq.FieldID:
		return txtProbFieldID.in(lang)
	case faq.FieldTopic:
		return txtProbFieldTopic.in(lang)
	case faq.FieldQuestions:
		if p.Question > 0 {
			return txtProbFieldQuestion.f(lang, p.Question)
		}
		return txtProbFieldQuestions.in(lang)
	case faq.FieldAnswer:
		switch p.Lang {
		case "zh":
			return txtProbFieldAnswerZH.in(lang)
		case "en":
			return txtProbFieldAnswerEN.in(lang)
		}
		return txtProbFieldAnswer.in(lang)
	case faq.FieldParty:
		return txtProbFieldParty.in(lang)
	}
	return txtProbFieldOther.f(lang, string(p.Field))
}

// mappingName names the mapping a key problem is in.
func mappingName(m faq.Field, lang string) string {
	switch m {
	case faq.FieldFile:
		return txtProbMapFile.in(lang)
	case faq.FieldAnswer:
		return txtProbFieldAnswer.in(lang)
	}
	return txtProbMapEntry.in(lang)
}

// shapeText says what a value was where another shape was expected.
func shapeText(p faq.Problem, lang string) string {
	switch p.Found {
	case faq.ShapeNothing:
		return txtProbShapeNothing.in(lang)
	case faq.ShapeText:
		return txtProbShapeText.in(lang)
	case faq.ShapeList:
		return txtProbShapeList.in(lang)
	case faq.ShapeMapping:
		return txtProbShapeMapping.in(lang)
	case faq.ShapeAlias:
		return txtProbShapeAlias.f(lang, p.Value)
	}
	return txtProbShapeOther.in(lang)
}

// earlierEntry names the entry a clash is with.
func earlierEntry(r faq.Ref, lineOffset int, lang string) string {
	line := shiftLine(r.Line, lineOffset)
	switch {
	case r.ID != "" && line > 0:
		return txtProbRefIDLine.f(lang, line, r.ID)
	case r.ID != "":
		return txtProbEntryID.f(lang, r.ID)
	case line > 0:
		return txtProbRefLine.f(lang, line)
	}
	return txtProbEntryNo.f(lang, r.Entry)
}

// entryPartyChoices lists the parties an entry may name, with their names in
// Chinese for a Chinese reader (the ids are what the YAML takes).
func entryPartyChoices(lang string) string {
	choices := make([]string, len(parties.All))
	for i, id := range parties.All {
		choices[i] = string(id)
		if lang != "en" {
			choices[i] = parties.Name(id, lang) + "（" + string(id) + "）"
		}
	}
	return strings.Join(choices, txtAdminListSep.in(lang))
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
	}
	return txtSyntaxOther
}
