package handlers

var txtSecondMatterKept = text{
	"您这条消息里说了两件事，我先整理第一件；第二件（%s）我单独记下了，这一条发送或取消后会拿给您确认。",
	"Your message tells two matters: this is the first; I have kept the second (%s) as a report of its own and will show it once this one is sent or cancelled.",
}
