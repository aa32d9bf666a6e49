package handlers

// Texts of FAQ editing in chat, for administrators.
var (
	txtFAQHelp = text{
		"常见问题管理（仅管理员）：\n" +
			"• /faq list [主题] — 列出条目 id 和第一个问题；\n" +
			"• /faq show <id> — 以 YAML 显示条目：复制整条消息，修改后发回即可保存；\n" +
			"• /faq set（换行后接一个条目的 YAML）— 新增或修改一个条目；\n" +
			"• /faq set（换行后接含 version: 1 的完整文件）— 整体导入，确认后生效，文件中没有的条目会被删除；\n" +
			"• 发送 .yaml 文件（可附说明 /faq import）— 整体导入，同样需要确认；\n" +
			"• /faq del <id> — 删除条目（需确认）；\n" +
			"• /faq history [id] — 最近的修改记录；给出 id 时还会附上最近一次修改前的版本，发回即可恢复。\n" +
			"所有内容先整体校验，有任何问题都不会修改。",
		"FAQ editing (administrators only):\n" +
			"• /faq list [topic] — entry ids and first questions;\n" +
			"• /faq show <id> — the entry as YAML: copy the whole message, edit it and send it back to save;\n" +
			"• /faq set, then on the next lines one entry's YAML — add or change that entry;\n" +
			"• /faq set, then a full FAQ file with version: 1 — import it all, after you confirm; entries not in the file are removed;\n" +
			"• send a .yaml file (caption /faq import optional) — full import, also confirmed first;\n" +
			"• /faq del <id> — delete an entry (confirmed first);\n" +
			"• /faq history [id] — recent changes; with an id, also the entry as it was before its latest change, to send back to restore it.\n" +
			"Everything is checked as a whole first; if anything is wrong, nothing changes.",
	}
	txtFAQOff = text{
		"这里不能修改常见问题。请使用命令行 codesk faq import。",
		"FAQ editing is not available here. Use the command line: codesk faq import.",
	}
	txtFAQListHeader      = text{"常见问题共 %d 条：", "The FAQ has %d entries:"}
	txtFAQListTopicHeader = text{"主题“%s”共 %d 条：", "Topic %q has %d entries:"}
	txtFAQListEmpty       = text{"没有找到条目。", "No entries found."}
	txtFAQListNoTopic     = text{
		"没有主题为“%s”的条目。现有主题：%s",
		"No entries with topic %q. Topics: %s",
	}
	txtFAQNeedID    = text{"请给出条目 id，例如：/faq %s lift-repair", "Please give an entry id, e.g. /faq %s lift-repair"}
	txtFAQNoEntry   = text{"没有 id 为“%s”的条目。/faq list 可列出全部条目。", "There is no entry %q. /faq list lists them all."}
	txtFAQSetUsage  = text{"请在 /faq set 之后换行，粘贴条目的 YAML（可先用 /faq show <id> 获取）。", "After /faq set, start a new line and paste the entry's YAML (/faq show <id> gives you one to edit)."}
	txtFAQProblems  = text{"发现 %d 个问题，没有做任何修改：", "Found %d problem(s); nothing was changed:"}
	txtFAQLinesNote = text{"（行号从%s第一行算起）", "(line numbers count from the top of your %s)"}
	// the "/faq show" marker line's note, in the admin's language
	txtFAQKeepLine  = text{"（请保留此行）", "(keep this line)"}
	txtFAQMessage   = text{"消息", "message"}
	txtFAQFile      = text{"文件", "file"}
	txtFAQMoreProbs = text{"……还有 %d 个问题未列出。请先修正以上问题再发送。", "…and %d more not listed. Fix these and send it again."}
	txtFAQAdded     = text{"已新增条目“%s”，已生效。", "Added entry %q; it is in force now."}
	txtFAQUpdated   = text{"已更新条目“%s”，已生效。", "Updated entry %q; it is in force now."}
	txtFAQUnchanged = text{"条目“%s”没有变化。", "Entry %q is unchanged."}
	// one answer language only: residents who write the other get it as is
	txtFAQNoEnglish = text{"注意：这个条目只有中文回答，用英文提问的居民也会收到中文回答。", "Note: this entry has only a Chinese answer; residents who ask in English will get it in Chinese."}
	txtFAQNoChinese = text{"注意：这个条目只有英文回答，用中文提问的居民也会收到英文回答。", "Note: this entry has only an English answer; residents who ask in Chinese will get it in English."}
	txtFAQNoChange  = text{"文件与当前常见问题一致，无需导入。", "The file matches the FAQ in force: nothing to import."}
	txtFAQImportAsk = text{
		"即将导入 %d 个条目：新增 %d，更新 %d，删除 %d，不变 %d。",
		"About to import %d entries: %d added, %d updated, %d removed, %d unchanged.",
	}
	txtFAQWillRemove = text{"将被删除：%s", "To be removed: %s"}
	txtFAQConfirm    = text{"确认导入吗？", "Import it?"}
	txtFAQImportBtn  = text{"✅ 导入", "✅ Import"}
	txtFAQCancelBtn  = text{"✖ 取消", "✖ Cancel"}
	txtFAQDeleteBtn  = text{"🗑 删除", "🗑 Delete"}
	txtFAQImported   = text{
		"已导入，现共 %d 条：新增 %d，更新 %d，删除 %d，不变 %d。",
		"Imported; the FAQ now has %d entries: %d added, %d updated, %d removed, %d unchanged.",
	}
	txtFAQChangedMeanwhile = text{
		"在您确认之前，常见问题已被修改。以下是按最新内容重新计算的结果，请再次确认。",
		"The FAQ changed before you confirmed. Here are the counts against the current FAQ; please confirm again.",
	}
	txtFAQDeleteAsk         = text{"确定删除条目“%s”（%s）吗？", "Delete entry %q (%s)?"}
	txtFAQDeleted           = text{"已删除条目“%s”。", "Deleted entry %q."}
	txtFAQGone              = text{"条目“%s”已经不存在了。", "Entry %q no longer exists."}
	txtFAQLastEntry         = text{"不能删除最后一个条目：常见问题至少需要一条。", "Cannot delete the last entry: the FAQ needs at least one."}
	txtFAQChangedSinceShown = text{
		"条目“%s”在显示给您之后已被修改，为免覆盖那次修改，这次没有保存。请重新 /faq show 获取最新内容再修改。",
		"Entry %q was changed after it was shown to you; to avoid undoing that change, nothing was saved. /faq show it again and edit the current version.",
	}
	txtFAQDeletedSinceShown = text{
		"条目“%s”在显示给您之后已被删除，这次没有保存。如确需恢复，请删去 # shown-rev 这一行后再发送。",
		"Entry %q was deleted after it was shown to you; nothing was saved. To restore it, remove the # shown-rev line and send it again.",
	}
	txtFAQPartQuestions  = text{"问题 +%d -%d", "questions +%d -%d"}
	txtFAQPartAnswerZH   = text{"中文答案", "answer (zh)"}
	txtFAQPartAnswerEN   = text{"英文答案", "answer (en)"}
	txtFAQPartTopicParty = text{"主题/负责方", "topic/party"}
	txtFAQEarlierVersion = text{
		"最近一次修改之前的版本如下。要恢复它，把下一条消息原样发回即可：",
		"Here is the entry as it was before its latest change. To restore it, send the next message back as it is:",
	}
	txtFAQEarlierTooLong = text{
		"最近一次修改之前的版本太长，无法在一条消息里发回；请用命令行 codesk faq export/import 恢复。",
		"The version before the latest change is too long to send back in one message; restore it with the command line (codesk faq export/import).",
	}
	txtFAQLastChange    = text{"最近一次修改：%s，%s。", "Last change: %s, %s."}
	txtFAQTooLongToEdit = text{
		"条目“%s”太长，无法在一条消息里修改（Telegram 会拆开它，发回的部分会被截断）。以下仅供查看；要修改，请用命令行 codesk faq export 导出完整文件，改好后发送该 .yaml 文件（或 codesk faq import）整体导入——导入会替换全部条目，确认前会列出变化。",
		"Entry %q is too long to edit in one message (Telegram would split it, and a part sent back would be cut). It is shown below for reading only. To edit it, export the whole FAQ (codesk faq export), change it, and send that .yaml file here (or use codesk faq import): an import replaces every entry, and shows what changes before you confirm.",
	}
	txtFAQCancelled   = text{"已取消，没有做任何修改。", "Cancelled; nothing was changed."}
	txtFAQNotYours    = text{"只有发起操作的管理员可以确认。", "Only the administrator who started this can confirm it."}
	txtFAQHistoryHead = text{"“%s”的最近修改：", "Recent changes to %q:"}
	txtFAQHistoryAll  = text{"最近的修改：", "Recent changes:"}
	// what a change in the FAQ history did
	txtFAQActionAdd    = text{"新增", "added"}
	txtFAQActionUpdate = text{"修改", "updated"}
	txtFAQActionDelete = text{"删除", "deleted"}
	txtFAQNoHistory    = text{"没有修改记录。", "No changes recorded."}
	txtFAQNotYAML      = text{
		"请发送 .yaml 或 .yml 格式的常见问题文件（收到的是“%s”）。",
		"Please send the FAQ as a .yaml or .yml file (got %q).",
	}
	txtFAQTooLarge = text{
		"文件太大（上限 %d MB）。请拆分，或使用命令行 codesk faq import。",
		"The file is too large (limit %d MB). Split it, or use the command line: codesk faq import.",
	}
	txtFAQNoDownloads = text{
		"这里无法接收文件。请用 /faq set 粘贴 YAML，或使用命令行 codesk faq import。",
		"Files cannot be received here. Paste the YAML with /faq set, or use the command line: codesk faq import.",
	}
	txtFAQDownloadFailed = text{"文件下载失败，请稍后再发一次。", "Could not download the file; please send it again in a moment."}
	txtFAQImportUsage    = text{
		"请把 .yaml 文件作为“文件”发送，说明写 /faq import；或用 /faq set 换行后粘贴完整文件。",
		"Send the .yaml file as a document with the caption /faq import, or paste a full file after /faq set and a new line.",
	}
	txtFAQReloadLater = text{
		"已保存，但本机未能立即加载新内容；约一分钟内会自动生效。",
		"Saved, but this instance could not load it at once; it takes effect within a minute.",
	}
	// txtStatsPlaceholders reminds administrators in /stats of the default
	// FAQ's facts left for them: residents see the markers as they are.
	txtStatsPlaceholders = text{
		"⚠️ FAQ 中还有 %d 处【待管理员填写】占位内容（涉及 %d 条：%s），居民会原样看到。请用 /faq show <id> 查看并修改。",
		"⚠️ The FAQ still has %d placeholders for administrators ([ADMIN: …]) in %d entries (%s); residents see them as they are. Edit them with /faq show <id>.",
	}
)

// Texts explaining what is wrong with a FAQ file or entry (faq.Problem), one
// per kind of problem: the details (lines, ids, keys) are the problem's.
var (
	txtProbSep      = text{"，", ", "}
	txtProbEnd      = text{"：", ": "}
	txtAdminListSep = text{"、", ", "} // between items of a list in a sentence
	txtProbLine     = text{"第 %d 行", "line %d"}
	txtProbEntryID  = text{"条目“%s”", "entry %q"}
	txtProbEntryNo  = text{"第 %d 个条目", "entry #%d"}
	// an earlier entry, which a clash names
	txtProbRefIDLine = text{"第 %d 行的条目“%s”", "entry %[2]q at line %[1]d"}
	txtProbRefLine   = text{"第 %d 行的条目", "the entry at line %d"}
	txtProbQuoted    = text{"“%s”", "%q"}

	// the fields of an entry
	txtProbFieldID        = text{"编号（id）", "the id"}
	txtProbFieldTopic     = text{"主题（topic）", "the topic"}
	txtProbFieldQuestions = text{"问题列表（questions）", "the questions"}
	txtProbFieldQuestion  = text{"第 %d 个问题", "question %d"}
	txtProbFieldAnswer    = text{"回答（answer）", "the answer"}
	txtProbFieldAnswerZH  = text{"中文回答（answer 下的 zh）", "the Chinese answer (zh)"}
	txtProbFieldAnswerEN  = text{"英文回答（answer 下的 en）", "the English answer (en)"}
	txtProbFieldParty     = text{"负责方（party）", "the party"}
	txtProbFieldOther     = text{"字段“%s”", "the field %q"}
	// the mappings keys belong to
	txtProbMapFile  = text{"最外层", "the top level"}
	txtProbMapEntry = text{"条目", "the entry"}

	// what a value turned out to be
	txtProbShapeNothing = text{"空的", "nothing"}
	txtProbShapeText    = text{"一段文字", "text"}
	txtProbShapeList    = text{"一个列表", "a list"}
	txtProbShapeMapping = text{"一个映射（键: 值）", "a mapping"}
	txtProbShapeAlias   = text{"别名（*%s），不支持别名", "an alias (*%s), which is not supported"}
	txtProbShapeOther   = text{"无法识别的内容", "something YAML cannot name"}

	txtProbFileTooLarge   = text{"文件超过 %d MB", "the file is larger than %d MB"}
	txtProbFileEmpty      = text{"内容是空的：应先写“version: 1”，再写条目列表（entries）", "it is empty: expected \"version: 1\" and a list of entries"}
	txtProbYAML           = text{"YAML 格式错误：%s", "invalid YAML: %s"}
	txtProbSecondDocument = text{"出现了第二个 YAML 文档（---）：一个文件只能有一个", "a second YAML document (---): a FAQ file holds one"}
	txtProbTopLevelShape  = text{"最外层应是含“version: 1”和“entries”的映射，这里是%s", "the top level must be a mapping with \"version: 1\" and \"entries\", found %s"}
	txtProbVersionMissing = text{"缺少版本号：请写“version: 1”", "version is missing: this format is \"version: 1\""}
	txtProbVersionWrong   = text{"版本号（version）必须是 1，这里是%s", "version must be 1, found %s"}
	txtProbEntriesMissing = text{"缺少条目列表（entries）", "the list of entries (entries) is missing"}
	txtProbEntriesShape   = text{"条目列表（entries）必须是列表，这里是%s", "entries must be a list of entries, found %s"}
	txtProbNoEntries      = text{"没有任何条目：常见问题至少需要一条", "no entries: the FAQ needs at least one"}
	txtProbTooManyEntries = text{"条目太多：%d 条（最多 %d 条）", "too many entries: %d (at most %d)"}
	txtProbKeyNotPlain    = text{"%s里的键必须是简单的名称", "a key in %s must be a plain name"}
	txtProbUnknownKey     = text{"%[2]s里有未知的字段“%[1]s”（可用的字段：%[3]s）", "unknown field %q in %s (allowed: %s)"}
	txtProbUnknownLang    = text{"回答（answer）里有未知的语言“%s”（可用的语言：%s）", "unknown language %q in the answer (allowed: %s)"}
	txtProbRepeatedKey    = text{"%s里的“%s”写了两次（第一次在第 %d 行）", "%[2]q is given twice in %[1]s (first at line %[3]d)"}
	txtProbEntryShape     = text{"条目必须是含 id、questions 和 answer 的映射，这里是%s", "an entry must be a mapping with id, questions and answer, found %s"}
	txtProbNotList        = text{"%s必须是列表，这里是%s", "%s must be a list, found %s"}
	txtProbNotMapping     = text{"%s必须是按语言分开的映射（zh: 和 en:），这里是%s", "%s must be a mapping of language to text (zh:, en:), found %s"}
	txtProbNotText        = text{"%s必须是文字，这里是%s", "%s must be text, found %s"}
	txtProbMissingID      = text{"缺少编号（id）", "the id is missing"}
	txtProbBadID          = text{"编号“%s”不合规则：只能用小写字母和数字，单词之间用一个连字符“-”连接，例如“lift-repair”", "the id %q must be lowercase letters and digits in words joined by single hyphens, like \"lift-repair\""}
	txtProbInvalidUTF8    = text{"%s不是有效的 UTF-8 文字", "%s is not valid UTF-8"}
	txtProbTooLong        = text{"%s太长：%d 个字符（最多 %d 个）", "%s is too long: %d characters (at most %d)"}
	txtProbMultiLine      = text{"%s只能写一行", "%s must be a single line"}
	txtProbNoQuestions    = text{"问题列表（questions）里至少要有一个问题", "the entry needs at least one question"}
	txtProbManyQuestions  = text{"问题太多：%d 个（最多 %d 个）", "too many questions: %d (at most %d)"}
	txtProbBlankQuestion  = text{"第 %d 个问题是空的", "question %d is blank"}
	txtProbNoAnswer       = text{"缺少回答：answer 下至少要写中文（zh）或英文（en）之一", "the answer needs zh or en"}
	txtProbUnknownParty   = text{"未知的负责方“%s”（可选：%s）", "unknown party %q (one of: %s)"}
	txtProbDuplicateID    = text{"编号（id）重复：%s已经在用", "duplicate id: %s already has it"}
	txtProbRepeatedQ      = text{"问题“%s”在这个条目里写了两次", "the question %q is listed twice"}
	txtProbSharedQ        = text{"问题“%s”已经是%s的问题", "the question %q is already a question of %s"}
	txtProbUnknown        = text{"内容有误", "something is wrong"}

	// the likely causes of a YAML syntax error
	txtSyntaxOther       = text{"无法读取，请检查缩进、冒号和引号", "check the indentation, colons and quotes"}
	txtSyntaxIndentation = text{"缩进没有对齐：同一层的键要左对齐，列表项以“- ”开头", "the indentation is off: keys at one level line up, and list items start with \"- \""}
	txtSyntaxTab         = text{"用了制表符（Tab）缩进：YAML 只能用空格缩进", "a tab is used to indent: YAML indents with spaces only"}
	txtSyntaxColon       = text{"这里不能出现“: ”：文字里有冒号时请给整段文字加引号，或检查上一行的缩进", "\": \" is not allowed here: quote text that has a colon in it, or check the indentation of the line above"}
	txtSyntaxNoColon     = text{"缺少冒号：键的后面要写“: ”", "a colon is missing: a key is followed by \": \""}
	txtSyntaxBadChar     = text{"有不能放在开头的字符（如 @ 或 `）：请给这段文字加引号", "a value starts with a character YAML reserves (such as @ or `): put the text in quotes"}
	txtSyntaxBracket     = text{"方括号 [ ] 或花括号 { } 没有闭合，或其中缺少逗号", "a [ or { is not closed, or a comma is missing inside it"}
	txtSyntaxQuote       = text{"引号没有闭合，或双引号里有无效的“\\”转义", "a quote is not closed, or a \\ escape inside double quotes is invalid"}
	txtSyntaxAnchor      = text{"引用了没有定义的锚点（*名称）", "it refers to an anchor (*name) that is not defined"}
	txtSyntaxEncoding    = text{"有无效的字符：内容须是 UTF-8 文字，且不能有控制字符", "it has invalid characters: the text must be UTF-8 without control characters"}
)
