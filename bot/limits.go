package bot

import "codesk/msgsplit"

// Telegram's limits, in UTF-16 code units as Telegram counts them.
const (
	MaxMessageUnits = msgsplit.MaxMessageUnits
	MaxCaptionUnits = msgsplit.MaxCaptionUnits
)
