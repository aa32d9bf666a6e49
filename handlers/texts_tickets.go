package handlers

// Texts of the concern and ticket flows. Resident-facing ones come in both
// languages; staff-facing ones (cards, staff toasts) are Chinese with the
// English in brackets, since a staff chat mixes people of both languages.

var (
	txtDescribeConcern = text{
		"请描述您要反映的问题（哪里、什么情况），可以附上照片。",
		"Please describe the problem (where and what is wrong). You may attach photos.",
	}
	txtPhotoReceived         = text{"收到照片，已加到这条报告里。", "Photo received and added to this report."}
	txtPhotoReceivedDescribe = text{
		"收到照片。请再用文字简单描述一下问题（哪里、什么情况）。",
		"Photo received. Please also describe the problem in words (where and what is wrong).",
	}
	txtAskLocation = text{
		"我来把这个情况整理成工单，转给负责的工作人员。请告诉我具体位置：楼栋、单元或门牌号（例如“3号楼2单元”）。也可以分享定位，或跳过。",
		"I'll write this up as a report for the staff in charge. Where exactly is it? Please give the building and unit (e.g. \"Building 3, unit 2\"). You may also share a location, or skip.",
	}
	txtAskExtra = text{
		"请发送照片，或输入楼栋/单元号，或分享定位。",
		"Send a photo, type the building/unit, or share a location.",
	}
	txtPreview = text{
		"将作为【%s】工单发送给【%s】：\n%s",
		"This will be sent to %[2]s as a ticket about \"%[1]s\":\n%[3]s",
	}
	txtPreviewToDesk = text{
		"将发送给【三方联合办公室】，由值班人员处理或分派：\n%s",
		"This will go to the co-office desk, which will handle it or pass it on:\n%s",
	}
	txtPreviewCoOffice = text{
		"暂时无法确定由哪个部门负责，将发送给【三方联合办公室】，由值班人员分派：\n%s",
		"I can't tell which party is responsible, so this will go to the co-office desk, which will pass it on:\n%s",
	}
	txtPreviewLocation = text{"位置：%s", "Location: %s"}
	txtPreviewPhotos   = text{"照片：%d 张", "Photos: %d"}
	txtPreviewQuestion = text{"确认发送吗？", "Send it?"}
	txtBtnSend         = text{"✅ 确认发送", "✅ Send"}
	txtBtnChangeParty  = text{"🔀 换一个部门", "🔀 Another party"}
	txtBtnAddExtra     = text{"📎 添加位置/照片", "📎 Add location/photo"}
	txtBtnCancel       = text{"✖ 取消", "✖ Cancel"}
	txtBtnBack         = text{"↩ 返回", "↩ Back"}
	txtBtnJustAsking   = text{"❓ 我只是提问", "❓ I'm only asking"}
	txtOneAtATime      = text{
		"这是另一件事吧？我先帮您记下了。请先确认发送或取消上面这条，之后会把新的这条给您看。",
		"That sounds like another matter: I have kept it. Please send or cancel the report above first; the new one comes back after that.",
	}
	txtStaffWroteChinese = text{
		"（工作人员用中文回复，暂时无法翻译。）",
		"(Staff wrote this in Chinese and no translation was available; you may reply in English.)",
	}
	txtPickAButton = text{
		"请点下面报告上的按钮：发送、换部门、补充位置/照片或取消；要补充说明，请直接用文字写。",
		"Please tap a button on the report below: send, another party, add a place or photo, or cancel. To add details, write them in words.",
	}
	txtEarlierDraftKept = text{
		"您之前那条还没发送的报告先帮您留着，这条发送或取消后会再给您看。",
		"Your earlier report that was not sent is kept; it comes back once this one is sent or cancelled.",
	}
	txtParkedPhotosBack = text{
		"您之前发的照片（%d 张）还没有文字说明，那条报告还没发送。请用文字描述一下问题（哪里、什么情况），或点取消。",
		"The photos you sent earlier (%d) have no description yet, and that report was not sent. Please describe the problem in words (where and what is wrong), or cancel.",
	}
	txtParkedDraftBack = text{
		"您之前还有一条报告没有发送，在这里：",
		"You still have an earlier report that was not sent; here it is:",
	}
	// txtDraftStillWaiting: a bare "ok" or thanks once something else was
	// said after the preview; the preview follows
	txtDraftStillWaiting = text{
		"提醒一下：您刚才写的报告还没有发送。要发送请点下面的“✅ 确认发送”；不需要了就点“✖ 取消”。",
		"Just to check: the report you wrote has not been sent yet. Tap “✅ Send” below to send it, or “✖ Cancel” if you no longer need it.",
	}
	// txtLocationCorrected: the place a correction gave, and the one it replaces
	txtLocationCorrected = text{"%s（已更正，不是%s）", "%s (corrected, not %s)"}
	// txtMyTicketsDraft: /mytickets while a report waits unsent
	txtMyTicketsDraft = text{"📝 还有一条报告没有发送：%s", "📝 A report is waiting to be sent: %s"}
	txtBtnOpenDraft   = text{"📝 查看未发送的报告", "📝 Open the unsent report"}
	txtBtnReportIt    = text{"📝 报给工作人员处理", "📝 Report it to the staff"}
	txtBtnSkip        = text{"跳过", "Skip"}
	txtChooseParty    = text{"请选择负责的部门：", "Which party should handle it?"}
	txtPickAParty     = text{"请点一个部门按钮；不改的话点“返回”，仍发给%s。", "Please tap a party; to keep it with %s, tap Back."}
	txtDraftCancelled = text{"好的，已取消，没有发送。", "OK, cancelled. Nothing was sent."}
	txtDraftGone      = text{"这份草稿已过期或已处理，请重新描述问题。", "This draft has expired or was already handled. Please describe the problem again."}
	txtAlreadySent    = text{"已经发送过了，工单号 %s。", "Already sent: ticket %s."}
	txtOtherCategory  = text{"其他问题", "Other"}
	txtNoStaffChat    = text{
		"工单已记录，但目前无法送达值班人员，我们会尽快处理。",
		"Your ticket is stored, but the staff chat is not reachable right now; it will be handled as soon as possible.",
	}

	txtAck = text{
		"已收到，工单号 %s，已转给【%s】处理。有进展会通知您；可用 /mytickets 查看。",
		"Received: ticket %s, passed to %s. You will hear about every step; see /mytickets.",
	}
	txtBtnAddDetails   = text{"➕ 补充说明", "➕ Add details"}
	txtBtnWithdraw     = text{"↩️ 撤销工单", "↩️ Withdraw it"}
	txtWithdrawWhich   = text{"要撤销哪一张工单？点下面对应的按钮；撤销后 7 天内问题再出现，可以重新打开。", "Which report do you want to withdraw? Tap it below; should the problem come back within 7 days, you can reopen it."}
	txtWithdrawAsk     = text{"要撤销工单 %s（%s）吗？点下面的“撤销工单”；撤销后 7 天内问题再出现，可以重新打开。", "Withdraw ticket %s (%s)? Tap “Withdraw it” below; should the problem come back within 7 days, you can reopen it."}
	txtWithdrawn       = text{"工单 %s 已撤销，工作人员不会再处理。如果问题再出现，7 天内可以在“我的工单”里重新打开。", "Ticket %s is withdrawn; the staff will not work on it. Should the problem come back, you can reopen it from “My tickets” within 7 days."}
	txtNothingToCancel = text{"现在没有正在填写的内容需要取消。要撤销已经发送的工单，请打开“我的工单”，点开工单后选“撤销工单”。", "There is nothing being written to cancel. To withdraw a report already sent, open “My tickets”, tap the ticket and choose “Withdraw it”."}
	txtBtnDetails      = text{"详情", "Details"}
	txtBtnReopen       = text{"🔁 问题没解决，重新打开", "🔁 Not fixed: reopen"}

	txtClaimedNotice = text{
		"您的工单 %s 已由【%s】受理，正在处理。",
		"Your ticket %s was taken up by %s and is being handled.",
	}
	txtReassignedNotice = text{
		"您的工单 %s 已转给【%s】处理。",
		"Your ticket %s was passed to %s.",
	}
	// txtQuestionAnsweredNotice closes a question ticket: there was no
	// problem to fix, only a question the staff answered.
	txtQuestionAnsweredNotice = text{
		"您的问题 %s 已由【%s】答复并结束。请为答复打分（1-5 星）；如还有疑问，可在 7 天内重新打开继续问。",
		"Your question %[1]s was answered by %[2]s and closed. Please rate the answer (1-5 stars); if something is still unclear you can reopen it within 7 days.",
	}
	txtBtnAskAgain    = text{"🔁 还有疑问，重新打开", "🔁 Still unclear: reopen"}
	txtResolvedNotice = text{
		"您的工单 %s 已由【%s】标记为已解决。请为本次处理打分（1-5 星）；如问题仍在，可在 7 天内重新打开。",
		"Your ticket %[1]s was marked as resolved by %[2]s. Please rate how it was handled (1-5 stars); if the problem is still there you can reopen it within 7 days.",
	}
	// staffOnlyTextOrPhoto answers a file, voice note or sticker sent in
	// reply to a ticket message.
	staffOnlyTextOrPhoto = "只有文字和照片会转给居民，这条没有转达。(Only text and photos reach the resident; this was not passed on.)"
	// staffReplyOnClosed: a reply to a resolved or closed ticket reached
	// the resident, who cannot answer it there.
	staffReplyOnClosed = "工单 %s 已是“%s”状态：消息已转给居民，但居民无法在此工单下回复；如需继续处理，请居民重新打开或新建工单。(The ticket is %s: the resident got your message but cannot answer under it; to keep working on it, ask them to reopen it or report anew.)"
	// staffOwnMessageClosed answers a member going on under their own
	// message about a ticket since closed: not passed on.
	staffOwnMessageClosed = "工单 %s 已是“%s”状态，这条没有转给居民；如需告诉居民，请回复工单卡片。(The ticket is closed: this was not passed on. To tell the resident, reply to the ticket card.)"
	// staffFailure tells a staff chat that what a member just did failed.
	staffFailure = "⚠️ 操作没有成功，请稍后再试一次。(That did not go through; please try again in a moment.)"

	txtStaffReplyClosedNotice = text{
		"💬【%s】关于工单 %s 的消息：\n%s",
		"💬 From %s, about ticket %s:\n%s",
	}
	txtStaffReplyNotice = text{
		"💬【%s】关于工单 %s 的回复：\n%s\n\n（直接回复本消息即可答复）",
		"💬 From %s, about ticket %s:\n%s\n\n(Reply to this message to answer.)",
	}
	txtReopenedNotice = text{
		"工单 %s 已重新打开，并已通知【%s】。您可以直接补充说明哪里还没解决。",
		"Ticket %s is open again and %s has been told. You can add what is still wrong now.",
	}

	txtMyTicketsNone = text{"您还没有工单。", "You have no tickets yet."}
	txtMyTicketsHead = text{"您的工单（最近 %d 个）：", "Your tickets (latest %d):"}
	txtTicketLine    = text{"%s【%s】%s · %s\n  %s", "%s [%s] %s · %s\n  %s"}
	txtTicketDetails = text{
		"工单 %s\n状态：%s\n类别：%s\n负责：%s\n提交：%s\n内容：%s",
		"Ticket %s\nStatus: %s\nCategory: %s\nHandled by: %s\nSent: %s\nText: %s",
	}
	txtHistoryHead     = text{"记录：", "History:"}
	txtAskDetails      = text{"请发送要补充的文字或照片，我会转给【%s】。", "Send the text or photos to add; I will pass them to %s."}
	txtDetailsAdded    = text{"已补充到工单 %s，并已转给【%s】。", "Added to ticket %s and passed to %s."}
	txtTicketNotOpen   = text{"工单 %s 的状态是“%s”，无法再补充；问题没解决可以重新打开。", "Ticket %s is %s; nothing can be added to it. If the problem is back, reopen it."}
	txtRateThanks      = text{"谢谢您的评价（%d★）！如愿意，可以再写几句意见；不写也没关系。", "Thank you for your rating (%d★)! You may add a comment if you like; it's optional."}
	txtRateThanksOnly  = text{"谢谢您的评价（%d★）！", "Thank you for your rating (%d★)!"}
	txtRateLow         = text{"谢谢您的评价（%d★），很抱歉这次没让您满意。可以写几句哪里不好，我们会转给工作人员；问题还在的话，可以重新打开工单。", "Thank you for your rating (%d★), and sorry it did not go well. Tell us what went wrong and we will pass it on; if the problem is still there, you can reopen the ticket."}
	txtRateLowOnly     = text{"谢谢您的评价（%d★），很抱歉这次没让您满意。问题还在的话，可以重新打开工单。", "Thank you for your rating (%d★), and sorry it did not go well. If the problem is still there, you can reopen the ticket."}
	txtCommentDisputes = text{"如果问题其实没有解决，可以重新打开工单：", "If it is not actually fixed, you can reopen the ticket:"}
	txtCommentThanks   = text{"谢谢，您的意见已转给【%s】。", "Thank you, your comment was passed to %s."}
	txtBtnNoComment    = text{"不用了", "No comment"}
	txtAlreadyRated    = text{"您已经评价过了。", "You have already rated this ticket."}
	txtCannotRateYet   = text{"工单解决后才能评价。", "You can rate a ticket once it is resolved."}
	txtReopenTooLate   = text{"已超过 7 天，无法重新打开；请重新反映问题。", "It is more than 7 days since it was resolved; please report it again."}
	txtCannotReopen    = text{"这个工单还没有解决，不需要重新打开。", "This ticket is still open; there is nothing to reopen."}

	// Staff-facing.
	staffCardTitle    = "🆕 工单 %s（New ticket）"
	staffCardReopened = "🔁 工单 %s 已重新打开（Reopened）"
	// staffResidentWithdrew: the resident took the report back
	staffResidentWithdrew = "↩️ 居民已撤销工单 %s，无需再处理。(The resident withdrew the report: no more work needed.)"
	// staffCardReopenReason: what the resident said before reopening
	staffCardReopenReason = "居民说（The resident says）：%s"
	// staffDisputePhoto: the photo the resident sent with that
	staffDisputePhoto  = "工单 %s：居民发来的照片，问题仍在（The resident's photo: still not fixed）"
	staffCardMoved     = "➡️ 工单 %s 由【%s】转来（Reassigned from %s）"
	staffCardFields    = "类别 Category：%s / %s\n负责 Party：%s（%s）\n状态 Status：%s"
	staffCardAssignee  = "受理人 Assignee：%s"
	staffCardLocation  = "位置 Location：%s"
	staffCardPhotos    = "照片 Photos：%d"
	staffCardHint      = "回复本消息即可答复居民，以 #内部 或 @同事 开头则只给同事看（Reply to answer the resident; start with #internal or @colleague to keep it among staff）"
	staffToDoHead      = "本群未结工单（最早的在前，%d 个）(Open tickets, oldest first)："
	staffToDoHeadFirst = "本群未结工单中最早的 %d 个 (The oldest open tickets)："
	staffToDoNone      = "本群目前没有未结工单。(No open tickets.)"
	staffToDoMore      = "……还有更多，请先处理以上工单。(More not shown.)"
	// staffRelayed confirms, under a staff reply, that it goes to the
	// resident (the outbox delivers it).
	staffRelayed = "✅ 已转给居民（sent to the resident）"
	// staffRelayedUntranslated: a Chinese reply went untranslated to a
	// resident who writes English
	staffRelayedUntranslated = "⚠️ 居民使用英文，这条中文回复没有翻译，居民可能看不懂，请尽量用英文再说一遍。(The resident writes English and this reply went untranslated.)"
	// staffCardUrgent heads the card of a report that names a danger now
	staffCardUrgent = "🚨 紧急 URGENT：居民描述的可能是正在发生的危险（火、燃气、困人、急病），请立即处理。"
	// staffMessageRefused: Telegram refused one message to the resident
	staffMessageRefused = "⚠️ 工单 %s：有一条发给居民的消息被 Telegram 拒收，未能送达，请换个方式再发一次。(Telegram refused a message to this ticket's resident; please send it another way.)"
	// staffRelayedUnreachable replaces staffRelayed while the resident is
	// known not to get the bot's messages.
	staffRelayedUnreachable = "⚠️ 已记录到工单 %s，但居民目前收不到本机器人的消息（此前的消息未能送达），请通过电话或上门联系。(Recorded, but the resident has not been getting the bot's messages; please reach them another way.)"
	// staffResidentUnreachable corrects staffRelayed when the resident can
	// never get the message (ResidentUnreachable).
	staffResidentUnreachable = "⚠️ 工单 %s：消息无法送达居民（对方可能已屏蔽本机器人或注销了账号），请通过电话或上门等其他方式联系。(A message could not be delivered to this ticket's resident: they may have blocked the bot. Please reach them another way.)"
	// staffCardWritesEnglish tells staff, who mostly write Chinese, that this
	// resident reads English (a machine translation is added only with a
	// language model configured).
	staffCardWritesEnglish = "🔤 居民使用英文，请尽量用英文回复（the resident writes English）"
	staffHistoryTitle      = "此前的对话 (Conversation so far)："
	staffHistoryStaff      = "• %s：%s"
	staffHistoryResident   = "• 居民 (resident)：%s"
	staffHistoryNote       = "• 🔒 %s（内部 internal）：%s"
	staffCardEarlierPhoto  = "📷 工单 %s 此前对话中的照片 %d/%d（earlier photo %d/%d）"
	staffCardMovedAway     = "➡️ 已转派给【%s】（Reassigned to %s）"
	staffCardPhotoN        = "工单 %s 照片 %d/%d（Photo %d of %d）"
	staffCardTranslation   = "🌐 机器翻译（仅供参考）："
	staffResidentAdded     = "💬 居民补充 工单 %s（Resident added）：\n%s"
	staffResidentRated     = "⭐ 工单 %s 居民评分 %d/5（Rating）"
	staffResidentRemark    = "⭐ 工单 %s 居民评价（Comment）：\n%s"
	staffBtnClaim          = "认领 Claim"
	staffBtnReassign       = "转派 Reassign"
	staffBtnResolve        = "已解决 Resolve"
	staffBtnBack           = "返回 Back"
	staffBtnConfirmResolve = "✅ 确认已解决 Resolve"
	staffConfirmResolve    = "确认工单 %s 已解决？居民会收到通知并被请求评分。(Resolve it? The resident is told and asked to rate.)"
	staffChooseParty       = "转派工单 %s 给（Reassign to）："
	staffNotAllowed        = "无权操作：仅限该部门工作人员（Only this party's staff may do this）"
	staffStale             = "操作无效或已过期（Stale or invalid action）"
	staffOlderCard         = "这是工单 %s 的旧卡片，请在最新的卡片上操作（An older card: use the ticket's latest one）"
	staffIllegal           = "当前状态不允许此操作（Not allowed in status %s）"
	staffHeldBy            = "，受理人：%s（handled by）"
	staffAlreadyThere      = "工单已在该部门（Already with that party）"
	staffDone              = "已完成（Done）"
	staffMovedElsewhere    = "工单 %s 已转给【%s】，此处的回复不会转给居民（Ticket moved; replies here are not relayed）"
	staffCheckFailed       = "暂时无法核实身份，请稍后再试（Could not verify membership, try again）"
	staffSomethingWrong    = "出了点问题，请稍后再试（Something went wrong, try again）"
)

// Replies at a waiting preview before the reminder that it is not sent
// (remindDraft).
var (
	txtNoReply      text // the reminder alone
	txtWelcomeShort = text{"不客气！", "You're welcome!"}
	txtOKShort      = text{"好的。", "OK."}
	// txtSettledRateAsk: "灯亮了 谢谢" with the fix awaiting its rating
	txtSettledRateAsk = text{"很高兴问题解决了！方便的话给工单 %s 打个分：", "Glad it's sorted! If you like, rate ticket %s:"}
	// txtAnswerMissed: "不对", "that's not what I asked" after an answer
	txtAnswerMissed = text{"抱歉，刚才的回答没有帮上忙，您可以换个说法再问一次。", "Sorry that answer didn't help; try asking in other words."}
)
