package handlers

import "fmt"

// text is a resident-facing string in both languages.
type text struct{ zh, en string }

func (t text) in(lang string) string {
	if lang == "en" {
		return t.en
	}
	return t.zh
}

// f formats the string in lang with args.
func (t text) f(lang string, args ...any) string { return fmt.Sprintf(t.in(lang), args...) }

var (
	txtGreeting = text{
		"您好！这里是小区三方联合办公室（居委会、业委会、物业）的线上服务台 codesk。\n您可以直接输入问题，例如“电梯什么时候更换？”，也可以用下面的菜单。",
		"Hello! This is codesk, the online desk of the estate's co-office (neighborhood committee, owners' committee and property management).\nType your question, e.g. \"When will the lifts be replaced?\", or use the menu below.",
	}
	txtHelp = text{
		"使用方法：\n• 直接输入问题，我会从小区常见问题中找答案；\n• /report 反映问题（报修、投诉等），可附照片；\n• /cancel 取消正在填写的内容；\n• /start 打开菜单；\n• /lang 切换语言（中文 / English）；\n• /mytickets 查看我的工单；\n• /help 显示本说明。\n紧急情况请直接拨打 110（报警）、119（火警）、120（急救）。",
		"How to use codesk:\n• Type a question and I will look for the answer in the estate's FAQ;\n• /report reports a concern (repairs, complaints...), photos welcome;\n• /cancel drops what you are filling in;\n• /start opens the menu;\n• /lang switches language (中文 / English);\n• /mytickets shows your tickets;\n• /help shows this text.\nIn an emergency call 110 (police), 119 (fire) or 120 (ambulance) directly.",
	}
	txtMenuAsk      = text{"❓ 提问", "❓ Ask a question"}
	txtMenuConcern  = text{"📝 反映问题", "📝 Report a concern"}
	txtMenuTickets  = text{"📋 我的工单", "📋 My tickets"}
	txtMenuLanguage = text{"🌐 语言 / Language", "🌐 Language / 语言"}
	txtAskPrompt    = text{"请直接输入您的问题。", "Please type your question."}
	txtConcernSoon  = text{
		"在线反映问题的功能即将上线。在此之前，请到三方联合办公室当面反映，或拨打物业服务电话；紧急情况请拨打 110 / 119 / 120。",
		"Reporting a concern here is coming soon. Until then, please come to the co-office desk or call the property management service line; in an emergency call 110 / 119 / 120.",
	}
	txtNoTickets = text{
		"您目前没有工单。（在线反映问题的功能即将上线。）",
		"You have no tickets yet. (Reporting concerns here is coming soon.)",
	}
	txtChooseLanguage = text{"请选择语言：", "Please choose a language:"}
	txtLanguageSet    = text{"好的，以后我用中文回复您。", "OK, I will reply in English from now on."}
	txtHelpful        = text{"👍 有帮助", "👍 Helpful"}
	txtNotWhatIMeant  = text{"🤔 不是我要问的", "🤔 Not what I meant"}
	txtThanks         = text{"谢谢您的反馈！", "Thank you for your feedback!"}
	txtDidYouMean     = text{"我不太确定您想问的是哪一个，您是想问：", "I'm not sure which one you mean. Did you mean:"}
	txtNoneOfThese    = text{"都不是", "None of these"}
	txtAlsoMentioned  = text{"您的消息里还提到了下面的事，点击查看：", "Your message also touches on these; tap to read:"}
	txtOtherTopics    = text{"您可能想问的是：", "Perhaps you meant one of these:"}
	txtNoAnswer       = text{
		"抱歉，常见问题里没有找到这个问题的答案。您可以换个说法再问一次，或在办公时间到三方联合办公室咨询。",
		"Sorry, I couldn't find an answer to that in the estate's FAQ. Try asking in other words, or ask at the co-office desk during office hours.",
	}
	// txtOutOfScope answers what no estate FAQ covers (faq.Result.OutOfScope)
	txtOutOfScope = text{
		"这个问题看起来不属于小区事务（比如天气、交通、证件办理），小区的常见问题里没有答案。小区的维修、费用、停车、业主大会和各类办事都可以问我；如果它确实和小区有关，请换个说法再问。",
		"That looks like something outside estate matters (the weather, transport or documents, say), so the estate's FAQ has no answer. Ask me about repairs, fees, parking, owners' meetings or services in the estate; if it is about the estate, please try other words.",
	}
	txtSorryNoAlternatives = text{
		"抱歉，没有找到更合适的答案。您可以换个说法再问一次，或到三方联合办公室咨询。",
		"Sorry, I have no better match. Try asking in other words, or ask at the co-office desk.",
	}
	txtEmpty = text{
		"我没有收到文字内容，请直接输入您的问题。",
		"I didn't receive any text. Please type your question.",
	}
	txtTooLong = text{
		"您的消息太长了（%d 字），请精简到 %d 字以内，或分几条发送。",
		"Your message is too long (%d characters). Please keep it to %d characters or fewer, or send it in parts.",
	}
	txtUnsupported = text{
		"抱歉，我目前只能处理文字消息。请用文字描述您的问题。",
		"Sorry, I can only read text messages for now. Please describe your question in words.",
	}
	txtPhotoSoon = text{
		"收到图片了，谢谢！目前图片只能随“反映问题”一起提交（即将上线）。如有问题，请用文字描述。",
		"Thanks for the photo! Photos can be attached when reporting a concern, which is coming soon. For a question, please type it in words.",
	}
	txtAdminOnlyPrivate = text{
		"管理命令（/faq、/stats）请在与我的私聊中使用：群里的人都能看到这里的内容。",
		"Please use admin commands (/faq, /stats) in your private chat with me: everyone in a group sees what is posted here.",
	}
	txtGroupOnlyPrivate = text{
		"居民提问和反映问题请私聊我；在群里我只回应 /help 这类发给我的命令，不参与聊天。",
		"Residents: please message me privately to ask or report something. In a group I only answer commands such as /help, and stay out of the conversation.",
	}
	// staffGroupHelp explains the cards to a party's staff chat; staff are
	// addressed in both languages, as on the cards.
	staffGroupHelp = "工作人员使用说明 (How staff use codesk)：\n" +
		"• 居民反映的问题会以工单卡片发到本群，按钮：认领、转派、已解决（需再确认一次）(cards arrive here with Claim, Reassign, Resolve — Resolve asks once more)；\n" +
		"• 回复卡片（引用回复）即把文字或照片转给居民，未认领的工单会同时记为由您认领 (reply to a card to answer the resident; an unclaimed ticket becomes yours)；\n" +
		"• 以 #内部 或 @同事 开头的回复只给同事看，不转给居民 (a reply starting with #内部, #internal or an @mention stays among staff)；\n" +
		"• /open 列出本群未结工单，最早的在前 (/open lists this chat's open tickets, oldest first)；\n" +
		"• 居民的补充和回复会出现在卡片下方；工单升级到联合办公室后，联合办公室的升级卡片下也会收到 (the resident's answers appear under the card, and under the desk's escalation card once escalated)；\n" +
		"• 无人认领的工单会提醒，超时后升级到联合办公室，联合办公室可在升级卡片上认领、回复、转派 (unclaimed tickets are reminded, then escalated to the co-office desk, which can claim, reply and reassign on its escalation card)。"
	txtAdminHelp = text{
		"\n\n管理员命令：/stats 查看近 7 天的提问和工单统计；/faq 管理常见问题（/faq help 查看用法）。",
		"\n\nAdministrator commands: /stats shows the last 7 days of questions and tickets; /faq manages the FAQ (/faq help for usage).",
	}
	txtUnknownCommand = text{
		"我不认识这个命令。输入 /help 查看可用的命令。",
		"I don't know that command. Type /help to see what I can do.",
	}
	txtStaleButton    = text{"这个按钮已失效，请重新提问。", "This button has expired. Please ask again."}
	txtSomethingWrong = text{
		"抱歉，系统出了点问题，请稍后再试。",
		"Sorry, something went wrong on our side. Please try again in a moment.",
	}
	txtNotAdmin = text{"只有管理员可以使用这个命令。", "Only administrators can use this command."}
)
