/// Told the endpoints every time they change, so new events go to the right ones at once.
public protocol WebhookSubscriptions: Sendable {
    func replace(with webhooks: [Webhook])
}
