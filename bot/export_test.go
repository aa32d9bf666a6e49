package bot

import "net/http"

// WebhookHandlerForTest exposes the webhook handler to the package's
// external tests.
func WebhookHandlerForTest(store UpdateStore, secret string) http.Handler {
	return webhookHandler(store, secret, func() {})
}
