// Package handlers owns codesk's conversations with residents, staff and
// administrators. It is transport-agnostic: Telegram, the local console and
// tests feed it Incoming events and it replies through a Messenger.
package handlers
