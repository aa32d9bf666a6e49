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
	txtFAQTooLarge     = text{
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

// between items of a list in a sentence
var txtAdminListSep = text{"、", ", "}

// The Chinese of what is wrong with a FAQ file or entry (faq.Problem), one
// text per kind of problem: the details (lines, ids, keys) are the
// problem's. The English is faq.Problem.String, which the command line
// prints too, so the two cannot drift apart.
const (
	zhProbSep   = "，"
	zhProbEnd   = "："
	zhProbLine  = "第 %d 行"
	zhEntryID   = "条目“%s”"
	zhEntryNo   = "第 %d 个条目"
	zhRefIDLine = "第 %d 行的条目“%s”" // an earlier entry, which a clash names
	zhRefLine   = "第 %d 行的条目"
	zhQuoted    = "“%s”"

	// the fields of an entry
	zhFieldID        = "编号（id）"
	zhFieldTopic     = "主题（topic）"
	zhFieldQuestions = "问题列表（questions）"
	zhFieldQuestion  = "第 %d 个问题"
	zhFieldAnswer    = "回答（answer）"
	zhFieldAnswerZH  = "中文回答（answer 下的 zh）"
	zhFieldAnswerEN  = "英文回答（answer 下的 en）"
	zhFieldParty     = "负责方（party）"
	zhFieldOther     = "字段“%s”"
	// the mappings keys belong to
	zhMapFile  = "最外层"
	zhMapEntry = "条目"

	// what a value turned out to be
	zhShapeNothing = "空的"
	zhShapeText    = "一段文字"
	zhShapeList    = "一个列表"
	zhShapeMapping = "一个映射（键: 值）"
	zhShapeAlias   = "别名（*%s），不支持别名"
	zhShapeOther   = "无法识别的内容"

	zhProbFileTooLarge   = "文件超过 %d MB"
	zhProbFileEmpty      = "内容是空的：应先写“version: 1”，再写条目列表（entries）"
	zhProbYAML           = "YAML 格式错误：%s"
	zhProbSecondDocument = "出现了第二个 YAML 文档（---）：一个文件只能有一个"
	zhProbTopLevelShape  = "最外层应是含“version: 1”和“entries”的映射，这里是%s"
	zhProbVersionMissing = "缺少版本号：请写“version: 1”"
	zhProbVersionWrong   = "版本号（version）必须是 1，这里是%s"
	zhProbEntriesMissing = "缺少条目列表（entries）"
	zhProbEntriesShape   = "条目列表（entries）必须是列表，这里是%s"
	zhProbNoEntries      = "没有任何条目：常见问题至少需要一条"
	zhProbTooManyEntries = "条目太多：%d 条（最多 %d 条）"
	zhProbKeyNotPlain    = "%s里的键必须是简单的名称"
	zhProbUnknownKey     = "%[2]s里有未知的字段“%[1]s”（可用的字段：%[3]s）"
	zhProbUnknownLang    = "回答（answer）里有未知的语言“%s”（可用的语言：%s）"
	zhProbRepeatedKey    = "%s里的“%s”写了两次（第一次在第 %d 行）"
	zhProbEntryShape     = "条目必须是含 id、questions 和 answer 的映射，这里是%s"
	zhProbNotList        = "%s必须是列表，这里是%s"
	zhProbNotMapping     = "%s必须是按语言分开的映射（zh: 和 en:），这里是%s"
	zhProbNotText        = "%s必须是文字，这里是%s"
	zhProbMissingID      = "缺少编号（id）"
	zhProbBadID          = "编号“%s”不合规则：只能用小写字母和数字，单词之间用一个连字符“-”连接，例如“lift-repair”"
	zhProbInvalidUTF8    = "%s不是有效的 UTF-8 文字"
	zhProbTooLong        = "%s太长：%d 个字符（最多 %d 个）"
	zhProbMultiLine      = "%s只能写一行"
	zhProbNoQuestions    = "问题列表（questions）里至少要有一个问题"
	zhProbManyQuestions  = "问题太多：%d 个（最多 %d 个）"
	zhProbBlankQuestion  = "第 %d 个问题是空的"
	zhProbNoAnswer       = "缺少回答：answer 下至少要写中文（zh）或英文（en）之一"
	zhProbUnknownParty   = "未知的负责方“%s”（可选：%s）"
	zhProbDuplicateID    = "编号（id）重复：%s已经在用"
	zhProbRepeatedQ      = "问题“%s”在这个条目里写了两次"
	zhProbSharedQ        = "问题“%s”已经是%s的问题"
	zhProbUnknown        = "内容有误"
)

// The likely causes of a YAML syntax error, which the chat adds to the
// decoder's words in both languages.
var (
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
