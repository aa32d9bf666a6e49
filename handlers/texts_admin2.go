package handlers

// The causes of YAML syntax errors read from the text itself
// (faq.SyntaxQuestionInFlow and after): what YAML makes of the characters,
// and how to write them as text.
var (
	txtSyntaxQuestionInFlow = text{
		"方括号 [ ] 或花括号 { } 里，不加引号的文字中的英文问号“?”会被当作 YAML 的符号：请改用中文问号“？”，或给这段文字加上英文引号",
		"a \"?\" in unquoted text inside [ ] or { } is read as YAML syntax: put that text in quotes",
	}
	txtSyntaxColonInFlow = text{
		"花括号 { } 里的“: ”用来分隔键和值，值里不能再有“: ”：请给含冒号的文字加上英文引号",
		"\": \" separates a key from its value inside { }, so a value cannot hold another: put text with a colon in quotes",
	}
	txtSyntaxCommentInFlow = text{
		"“ #”（空格后接 #）开始一条注释，这一行后面的内容（包括逗号和 ] 或 }）都被忽略了：请给含 # 的文字加上英文引号",
		"\" #\" (a space, then #) starts a comment, so the rest of the line, commas and ] or } included, is ignored: put text with # in quotes",
	}
	txtSyntaxBracketInFlow = text{
		"方括号 [ ] 或花括号 { } 里，不加引号的文字不能含有 [ ] { }：请给这段文字加上英文引号",
		"unquoted text inside [ ] or { } cannot hold [ ] { } itself: put that text in quotes",
	}
	txtSyntaxTextAfterQuote = text{
		"引号后面还有文字：引号要括住整段文字；单引号 '…' 里的单引号要写成两个 ''，或改用双引号",
		"text follows a closing quote: quotes must enclose the whole text; inside '…' write a ' as '', or use double quotes",
	}
	txtSyntaxExtraBracket = text{
		"多了一个 ] 或 }：它前面的括号已经闭合了",
		"there is a ] or } too many: the bracket before it is already closed",
	}
	// the admin's own text, quoted as it should be written
	txtSyntaxQuoteAs = text{"，写成 %s", ", like this: %s"}
)

// What an import would change, entry by entry, before the admin confirms.
var (
	txtFAQWillAdd    = text{"将新增：%s", "To be added: %s"}
	txtFAQWillUpdate = text{"将更新：", "To be updated:"}
	txtFAQUpdateLine = text{"• %s：%s", "• %s: %s"}
	// after the ids listed in a sentence, and on a line after a list
	txtFAQMoreInline = text{"……等另外 %d 个", ", … and %d more"}
	txtFAQMoreLines  = text{"……另外还有 %d 个", "… and %d more"}
	// the parts of an entry a change touches, beside txtFAQPartQuestions
	// and the answers'
	txtFAQPartTopic         = text{"主题", "topic"}
	txtFAQPartParty         = text{"负责方", "party"}
	txtFAQPartQuestionOrder = text{"问题顺序", "question order"}
)

// txtFAQOnlyYAML answers an admin's document that is no FAQ file: which
// files are read, and how to import or edit.
var txtFAQOnlyYAML = text{
	"收到文件“%s”。我只读取 .yaml 或 .yml 格式的常见问题文件：把这样的文件发给我即可整体导入（说明可写 /faq import，确认后才生效）。要修改单个条目，请用 /faq show <id>；发送 /faq 查看全部管理命令。",
	"Got %q. I only read FAQ files in .yaml or .yml format: send one here to import it (caption /faq import optional; nothing changes until you confirm). To change one entry, use /faq show <id>; send /faq for every admin command.",
}

// Commands typed where they do not work.
var (
	txtAdminCommandsAdminsOnly = text{
		"只有管理员可以使用 /faq 和 /stats。",
		"Only administrators can use /faq and /stats.",
	}
	txtStaffCommandInPrivate = text{
		"/%s 是工作群里的命令，请在您的工作群（%s）里使用：在那里 /open 列出本群未结的工单，认领、转派、解决请按工单卡片上的按钮。",
		"/%s is a staff chat command: use it in your staff chat (%s). There, /open lists the chat's open tickets; claim, reassign and resolve with the buttons on a ticket's card.",
	}
)

// Who made a change in the FAQ history.
var (
	txtFAQActorNamed   = text{"%s（%s）", "%s (%s)"}
	txtFAQActorCLI     = text{"命令行导入（codesk faq import）", "command-line import (codesk faq import)"}
	txtFAQActorDefault = text{"首次启动时载入的默认常见问题", "the default FAQ loaded at first start"}
)
