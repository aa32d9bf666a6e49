package handlers

// Texts of the language-model answers and of questions sent to the desk.

var (
	// txtMachineWritten heads every model-written answer: the resident must
	// know it is not the estate's own text.
	txtMachineWritten = text{
		"🤖 以下由AI根据小区资料生成，可能有误",
		"🤖 Written by AI from the estate's FAQ; it may be wrong",
	}
	txtOfferDesk = text{
		"也可以把问题发给值班人员（由负责的一方答复），他们会尽快答复您。",
		"You can also send the question to the staff (the party in charge answers it); they will reply to you here.",
	}
	txtBtnAskDesk  = text{"🙋 问值班人员", "🙋 Ask the desk"}
	txtQuestionAck = text{
		"已把您的问题发给【%[2]s】，问题工单号 %[1]s。答复会在这里发给您；可用 /mytickets 查看。",
		"Your question went to %[2]s as ticket %[1]s. The answer will come here; see /mytickets.",
	}
	txtQuestionCategory = text{"咨询问题", "Question"}
)

// staffQuestionCardTitle heads a question ticket's card in a party chat.
const staffQuestionCardTitle = "❓ 居民提问 %s（Question from a resident）"
